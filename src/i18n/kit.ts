/** The figure kit's words in each edition (pure: no DOM). */
import type { Lang } from './index';
import { kitEn, type KitStrings } from './kit.en';
import { kitZh } from './kit.zh';

const KIT: Record<Lang, KitStrings> = { en: kitEn, zh: kitZh };

/** The figure kit's strings in a language. */
export function kitText(lang: Lang): KitStrings {
  return KIT[lang];
}
