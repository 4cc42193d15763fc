/**
 * The cost model's refusals in each edition (pure: no DOM). English is the error's own message
 * (errors.en.ts says so for every code), so the figures carry no table for it; another edition's
 * words are registered by the module that loads them (see figures.load.ts): a Chinese page fetches
 * them when a figure first has a refusal to show.
 */
import type { Lang } from './index';
import type { CostErrorInfo, CostErrorWords } from './errors.en';
import { editionRegistry } from './registry';

export type { CostErrorInfo, CostErrorWords };

const COST_ERRORS = editionRegistry<CostErrorWords>('errors', 'cost-model error');

/** Make a language's cost-model error words available to costErrorText(). */
export const registerCostErrorWords = COST_ERRORS.register;

/** The message a reader sees for a cost-model error, in a language (English: the error's own message). */
export function costErrorText(e: CostErrorInfo, lang: Lang): string {
  return lang === 'en' ? e.message : COST_ERRORS.get(lang)[e.code](e);
}
