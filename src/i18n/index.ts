import { en } from './en';
import { zh, type UiText } from './zh';

export type Lang = 'en' | 'zh';
export type { UiText };

const STRINGS: Record<Lang, UiText> = { en, zh };

/** The interface strings for a language. */
export function ui(lang: Lang = 'en'): UiText {
  return STRINGS[lang];
}
