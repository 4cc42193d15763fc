/**
 * The Chinese words of the figures, the figure kit and the parameters, registered. The build
 * imports this through editions.ts; a Chinese page's script fetches it through figures.load.ts.
 */
import { registerFigureText } from './figures';
import { registerKitText } from './kit';
import { registerParamText } from './params';
import { figuresZh } from './figures.zh';
import { kitZh } from './kit.zh';
import { paramsZh } from './params.zh';

registerFigureText('zh', figuresZh);
registerKitText('zh', kitZh);
registerParamText('zh', paramsZh);
