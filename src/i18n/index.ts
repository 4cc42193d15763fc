import { en, type UiStrings } from './en';

/** The editions: English at the site's root, Simplified Chinese under /zh/. */
export type Lang = 'en' | 'zh';

export const LANGS: readonly Lang[] = ['en', 'zh'];

const STRINGS: Partial<Record<Lang, UiStrings>> = { en };

/** The interface strings for a language (English until a language's file is added). */
export function ui(lang: Lang = 'en'): UiStrings {
  return STRINGS[lang] ?? en;
}

/** The edition a document is written in, from its <html lang> ("zh-CN" → zh); English otherwise. */
export function langOf(tag: string | null | undefined): Lang {
  return tag?.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}
