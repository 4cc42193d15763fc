/**
 * The Chinese words of the figures, the figure kit, the parameters and the cost model's refusals
 * (which figures draw in place of a picture), registered. The build imports this through
 * editions.ts; a Chinese page's script fetches it through figures.load.ts.
 */
import { registerFigureText } from './figures';
import { registerKitText } from './kit';
import { registerParamText } from './params';
import { registerCostErrorWords } from './errors';
import { figuresZh } from './figures.zh';
import { kitZh } from './kit.zh';
import { paramsZh } from './params.zh';
import { errorsZh } from './errors.zh';

registerFigureText('zh', figuresZh);
registerKitText('zh', kitZh);
registerParamText('zh', paramsZh);
registerCostErrorWords('zh', errorsZh);
