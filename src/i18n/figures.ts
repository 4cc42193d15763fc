/**
 * The figures' words in each edition (pure: no DOM). Each figure's code bundles its own English
 * words (figures/<id>.en.ts) and passes them to figureWords(); another edition's words, and the
 * whole English set for the build and tests, are registered by the module that loads them
 * (editions.ts for the build and tests, figures.load.ts on a Chinese page), so a page's scripts
 * carry only the words of the figures they draw, in their own language.
 */
import type { Lang } from './index';
import type { FigureStrings } from './figures.en';
import { editionRegistry } from './registry';

export type { FigureStrings };

const FIGURES = editionRegistry<FigureStrings>('figure');

/** Make a language's words for every figure available. */
export const registerFigureText = FIGURES.register;

/** Every figure's strings in a language (throws for a language whose words were never registered). */
export function figureText(lang: Lang): FigureStrings {
  return FIGURES.get(lang);
}

/** One figure's strings: its own English words, or the registered words of another language. */
export function figureWords<K extends keyof FigureStrings>(lang: Lang, key: K, english: FigureStrings[K]): FigureStrings[K] {
  return lang === 'en' ? english : FIGURES.get(lang)[key];
}
