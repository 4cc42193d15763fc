/**
 * The figures' words in each edition (pure: no DOM). Each figure's code bundles its own English
 * words (figures/<id>.en.ts) and passes them to figureWords(). Other words are registered by the
 * module that loads them: every figure in every language for the build and tests (editions.ts),
 * one figure at a time on a Chinese page (figures.load.ts), so a page's scripts carry only the
 * words of the figures they draw, in their own language.
 */
import type { Lang } from './index';
import type { FigureStrings } from './figures.en';

export type { FigureStrings };

const WORDS = new Map<Lang, Partial<FigureStrings>>();
const COMPLETE = new Set<Lang>();

function missing(lang: Lang, what: string): Error {
  return new Error(`No figure words for "${lang}" (${what}) are registered yet.`);
}

/** Make a language's words for every figure available (the build, tests). */
export function registerFigureText(lang: Lang, words: FigureStrings): void {
  WORDS.set(lang, { ...WORDS.get(lang), ...words });
  COMPLETE.add(lang);
}

/** Make one figure's words in a language available (a page, once they have arrived). */
export function registerFigureWords<K extends keyof FigureStrings>(lang: Lang, key: K, words: FigureStrings[K]): void {
  WORDS.set(lang, { ...WORDS.get(lang), [key]: words });
}

/** Every figure's strings in a language (throws unless the whole set was registered). */
export function figureText(lang: Lang): FigureStrings {
  if (!COMPLETE.has(lang)) throw missing(lang, 'every figure');
  return WORDS.get(lang) as FigureStrings;
}

/** One figure's strings: its own English words, or the registered words of another language. */
export function figureWords<K extends keyof FigureStrings>(lang: Lang, key: K, english: FigureStrings[K]): FigureStrings[K] {
  if (lang === 'en') return english;
  const words = WORDS.get(lang)?.[key];
  if (words === undefined) throw missing(lang, key);
  return words as FigureStrings[K];
}
