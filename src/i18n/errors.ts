/** The cost model's refusals in each edition (pure: no DOM). */
import type { Lang } from './index';
import { errorsEn, type CostErrorInfo, type CostErrorWords } from './errors.en';
import { errorsZh } from './errors.zh';

export type { CostErrorInfo, CostErrorWords };

export const COST_ERRORS: Readonly<Record<Lang, CostErrorWords>> = { en: errorsEn, zh: errorsZh };

/** The message a reader sees for a cost-model error, in a language (English: the error's own message). */
export function costErrorText(e: CostErrorInfo, lang: Lang): string {
  return COST_ERRORS[lang][e.code](e);
}
