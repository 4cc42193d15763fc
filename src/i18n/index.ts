import { en, type UiStrings } from './en';

export type Lang = 'en' | 'zh';

/** Editions whose site strings are written; the others read English until theirs are. */
const STRINGS: Partial<Record<Lang, UiStrings>> = { en };

/** The interface strings for a language. */
export function ui(lang: Lang = 'en'): UiStrings {
  return STRINGS[lang] ?? en;
}
