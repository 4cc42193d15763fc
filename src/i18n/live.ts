/** The live blocks' words by language. */
import type { Lang } from './index';
import { liveEn, type LiveStrings } from './live.en';
import { liveZh } from './live.zh';

export const LIVE: Readonly<Record<Lang, LiveStrings>> = { en: liveEn, zh: liveZh };

/** The language a component's host element declares (data-lang), English when absent or unknown. */
export function langOf(el: { dataset: DOMStringMap }): Lang {
  return el.dataset.lang === 'zh' ? 'zh' : 'en';
}
