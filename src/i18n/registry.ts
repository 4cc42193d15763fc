/**
 * One area's words per language, added when their module has arrived (pure: no DOM). Asking for a
 * language that was never added is a mistake in the code that loads the words (a Chinese page
 * would show English), so it throws instead of falling back; in the browser the error names the
 * area, so that a figure drawing something rare (a refusal, a parameter's choices) can fetch
 * exactly those words and draw again (figure-kit/client.ts).
 */
import type { Lang } from './index';

/** The areas of words that a page fetches on their own, when something first reads them (figures.load.ts). */
export type WordArea = 'kit' | 'params' | 'errors';

/** A language's words of one area were asked for before they were registered. */
export class WordsNotRegistered extends Error {
  constructor(
    readonly area: WordArea,
    readonly lang: Lang,
    what: string,
  ) {
    super(`No ${what} words for "${lang}" are registered yet.`);
  }
}

export interface EditionRegistry<T> {
  /** Add (or replace) a language's words. */
  register(lang: Lang, words: T): void;
  /** A language's words; throws WordsNotRegistered when they were never registered. */
  get(lang: Lang): T;
}

/**
 * A registry for one area (`what` names it in the error), with the words known from the start
 * (English, where the area's code bundles it).
 */
export function editionRegistry<T>(area: WordArea, what: string, builtIn: Partial<Record<Lang, T>> = {}): EditionRegistry<T> {
  const words = new Map<Lang, T>(Object.entries(builtIn) as [Lang, T][]);
  return {
    register: (lang, w) => void words.set(lang, w),
    get: (lang) => {
      const w = words.get(lang);
      if (w === undefined) throw new WordsNotRegistered(area, lang, what);
      return w;
    },
  };
}
