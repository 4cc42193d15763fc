/** The language a component's host element declares (data-lang), English when absent or unknown. */
import type { Lang } from './index';

export function langOf(el: { dataset: DOMStringMap }): Lang {
  return el.dataset.lang === 'zh' ? 'zh' : 'en';
}
