import { en } from './en';
import { zh, type UiText } from './zh';
import { DEFAULT_LANG, type Lang } from '../lib/locale';

export type { Lang } from '../lib/locale';
export type { UiText };

const STRINGS: Record<Lang, UiText> = { en, zh };

/** The interface strings for a language. */
export function ui(lang: Lang = DEFAULT_LANG): UiText {
  return STRINGS[lang];
}

/** Browser scripts import it from page-lang.ts, which carries no edition's words. */
export { pageLang } from './page-lang';
