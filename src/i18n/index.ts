import { en } from './en';
import { zh, type UiText } from './zh';
import { DEFAULT_LANG, langOfTag, type Lang } from '../lib/locale';

export type { Lang } from '../lib/locale';
export type { UiText };

const STRINGS: Record<Lang, UiText> = { en, zh };

/** The interface strings for a language. */
export function ui(lang: Lang = DEFAULT_LANG): UiText {
  return STRINGS[lang];
}

/** The language of the page this script runs in (browser only), from <html lang>. */
export function pageLang(): Lang {
  return typeof document === 'undefined' ? DEFAULT_LANG : langOfTag(document.documentElement.lang);
}
