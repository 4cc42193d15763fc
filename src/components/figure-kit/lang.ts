/** Browser only: the language a figure's words are in. */
import { langOfTag, type Lang } from '../../lib/locale';

/** The language of an element's words: its figure's data-lang, else the document's <html lang>. */
export function langAt(el: Element): Lang {
  return langOfTag(el.closest<HTMLElement>('[data-lang]')?.dataset.lang ?? document.documentElement.lang);
}
