/** The language of the page or of a component (browser side; no words of any edition here). */
import type { Lang } from './index';
import { DEFAULT_LANG, langOfTag } from '../lib/locale';

/** The language a component's host element declares (data-lang), English when absent or unknown. */
export function langOf(el: { dataset: DOMStringMap }): Lang {
  return el.dataset.lang === 'zh' ? 'zh' : 'en';
}

/** The language of the page this script runs in (browser only), from <html lang>. */
export function pageLang(): Lang {
  return typeof document === 'undefined' ? DEFAULT_LANG : langOfTag(document.documentElement.lang);
}
