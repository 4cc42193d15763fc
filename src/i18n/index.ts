import { en, type UiStrings } from './en';
import { DEFAULT_LANG, langOfTag, type Lang } from '../lib/locale';

export type { Lang } from '../lib/locale';

// Until an edition's interface strings exist, its pages fall back to English ones.
const STRINGS: Record<Lang, UiStrings> = { en, zh: en };

/** The interface strings for a language. */
export function ui(lang: Lang = DEFAULT_LANG): UiStrings {
  return STRINGS[lang];
}

/** The language of the page this script runs in (browser only), from <html lang>. */
export function pageLang(): Lang {
  return typeof document === 'undefined' ? DEFAULT_LANG : langOfTag(document.documentElement.lang);
}
