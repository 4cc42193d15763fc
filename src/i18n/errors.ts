/**
 * The cost model's refusals in each edition (pure: no DOM). English is built in; another edition's
 * words are registered by the module that loads them (see figures.ts).
 */
import type { Lang } from './index';
import { errorsEn, type CostErrorInfo, type CostErrorWords } from './errors.en';
import { editionRegistry } from './registry';

export type { CostErrorInfo, CostErrorWords };

const COST_ERRORS = editionRegistry<CostErrorWords>('cost-model error', { en: errorsEn });

/** Make a language's cost-model error words available to costErrorText(). */
export const registerCostErrorWords = COST_ERRORS.register;

/** Every cost-model error's words in a language (throws for a language never registered). */
export function costErrorWords(lang: Lang): CostErrorWords {
  return COST_ERRORS.get(lang);
}

/** The message a reader sees for a cost-model error, in a language (English: the error's own message). */
export function costErrorText(e: CostErrorInfo, lang: Lang): string {
  return COST_ERRORS.get(lang)[e.code](e);
}
