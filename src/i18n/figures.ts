/**
 * The figures' words in each edition (pure: no DOM). English is built in; another edition's words
 * are registered by the module that loads them (editions.ts for the build and tests,
 * figures.load.ts in the browser), so a page's script carries only its own language.
 */
import type { Lang } from './index';
import { figuresEn, type FigureStrings } from './figures.en';
import { editionRegistry } from './registry';

const FIGURES = editionRegistry<FigureStrings>('figure', figuresEn);

/** Make a language's figure words available to figureText(). */
export const registerFigureText = FIGURES.register;

/** Every figure's strings in a language (throws for a language whose words were never registered). */
export function figureText(lang: Lang): FigureStrings {
  return FIGURES.get(lang);
}
