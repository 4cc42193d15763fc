/**
 * The Chinese words of the figure kit (share menu, its status lines, the names of a formula's
 * terms), registered. The build imports this through editions.ts; a Chinese page's script fetches
 * it through figures.load.ts when something first reads them (the menu, a term lit up, an embed's
 * message), not with the page: a figure draws without them.
 */
import { registerKitText } from './kit';
import { kitZh } from './kit.zh';

registerKitText('zh', kitZh);
