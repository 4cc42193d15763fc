/**
 * The few interface sentences that scripts on every page may need at any moment, even with the
 * network gone (a download failed, a box scrolls sideways, a figure's formula becomes a keyboard
 * stop as the figure first draws). The build writes them into the page in its own language (body
 * data-words, from ui() and the figure kit's words), so a page's scripts carry no edition's words.
 */
import type { UiText } from './zh';
import type { KitStrings } from './kit.en';

export const PAGE_WORD_KEYS = ['scrollsFormula', 'scrollsTable', 'offlineNote', 'loadFailedNote'] as const;
export type PageWords = Pick<UiText, (typeof PAGE_WORD_KEYS)[number]> & Pick<KitStrings, 'formulaNav'>;

/** Build side: the body's data-words attribute for an edition's interface strings and figure-kit words. */
export function pageWordsAttr(t: UiText, kit: KitStrings): string {
  return JSON.stringify({ ...Object.fromEntries(PAGE_WORD_KEYS.map((k) => [k, t[k]])), formulaNav: kit.formulaNav });
}

let cached: PageWords | undefined;

/** Browser side: the page's sentences, as the build wrote them (a page without them is a build mistake). */
export function pageWords(): PageWords {
  if (cached) return cached;
  const raw = document.body.dataset.words;
  if (!raw) throw new Error('No data-words on <body> (pageWordsAttr).');
  cached = JSON.parse(raw) as PageWords;
  return cached;
}
