import { en, type UiStrings } from './en';

export type Lang = 'en';

const STRINGS: Record<Lang, UiStrings> = { en };

/** The interface strings for a language. */
export function ui(lang: Lang = 'en'): UiStrings {
  return STRINGS[lang];
}
