/**
 * Every edition's words for the figures, the figure kit, the parameters and the cost model's
 * refusals, registered: for the build (which renders both editions) and the unit tests. Never
 * imported by a browser script: a page loads only its own language (figures.load.ts), and each
 * figure's code only its own words.
 */
import { registerFigureText } from './figures';
import { figuresEn } from './figures.en';
import { figuresZh } from './figures.zh';
import './kit.en.register';
import './kit.zh.register';
import './params.zh.register';
import './errors.zh.register';

registerFigureText('en', figuresEn);
registerFigureText('zh', figuresZh);
