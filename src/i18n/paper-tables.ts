/** The printed-numbers words in each edition (pure: no DOM). */
import type { Lang } from './index';
import { paperTablesEn, type PaperTablesWords } from './paper-tables.en';
import { paperTablesZh } from './paper-tables.zh';

export type { PaperTablesWords };

const WORDS: Record<Lang, PaperTablesWords> = { en: paperTablesEn, zh: paperTablesZh };

/** The printed-numbers words in a language. */
export function paperTablesText(lang: Lang): PaperTablesWords {
  return WORDS[lang];
}
