/**
 * The cost model's refusals in Chinese, registered: the build imports this through editions.ts; a
 * Chinese page's script fetches it through figures.load.ts when a figure first has a refusal to
 * draw (until then it keeps the picture it showed).
 */
import { registerCostErrorWords } from './errors';
import { errorsZh } from './errors.zh';

registerCostErrorWords('zh', errorsZh);
