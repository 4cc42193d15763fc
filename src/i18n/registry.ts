/**
 * One area's words per language, added when their module has arrived (pure: no DOM). Asking for a
 * language that was never added is a mistake in the code that loads the words (a Chinese page
 * would show English), so it throws instead of falling back.
 */
import type { Lang } from './index';

export interface EditionRegistry<T> {
  /** Add (or replace) a language's words. */
  register(lang: Lang, words: T): void;
  /** A language's words; throws when they were never registered. */
  get(lang: Lang): T;
}

/** A registry with the words known from the start (English, where the area's code bundles it). */
export function editionRegistry<T>(area: string, builtIn: Partial<Record<Lang, T>> = {}): EditionRegistry<T> {
  const words = new Map<Lang, T>(Object.entries(builtIn) as [Lang, T][]);
  return {
    register: (lang, w) => void words.set(lang, w),
    get: (lang) => {
      const w = words.get(lang);
      if (w === undefined) throw new Error(`The ${area} words for "${lang}" were asked for before they were registered.`);
      return w;
    },
  };
}
