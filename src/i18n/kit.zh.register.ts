/**
 * The Chinese words of the figure kit, the parameters and the cost model's refusals (which figures
 * draw in place of a picture), registered. The build imports this through editions.ts; a Chinese
 * page's script fetches it through figures.load.ts (each figure's own words come with the figure).
 */
import { registerKitText } from './kit';
import { registerParamText } from './params';
import { registerCostErrorWords } from './errors';
import { kitZh } from './kit.zh';
import { paramsZh } from './params.zh';
import { errorsZh } from './errors.zh';

registerKitText('zh', kitZh);
registerParamText('zh', paramsZh);
registerCostErrorWords('zh', errorsZh);

/** Each figure's Chinese words, fetched with the figure (figures.load.ts), so English pages carry no list of them. */
export const FIGURE_WORDS = import.meta.glob<Record<string, unknown>>('./figures/*.zh.ts');
