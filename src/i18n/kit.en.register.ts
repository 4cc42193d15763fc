/**
 * The English words of the figure kit (share menu, its status lines, the names of a formula's
 * terms), registered. The build imports this through editions.ts; an English page's script
 * fetches it through figures.load.ts when something first reads them (the menu, a term lit up, an
 * embed's message), not with the page: a figure draws without them.
 */
import { registerKitText } from './kit';
import { kitEn } from './kit.en';

registerKitText('en', kitEn);
