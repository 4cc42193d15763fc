/**
 * Interface words for the browser: English is in the bundle, another language is fetched only
 * on a page in that language, so an English page ships no Chinese strings (and the reverse costs
 * one small request).
 */
import type { Lang } from './index';
import { liveEn, type LiveStrings } from './live.en';
import { calculatorEn, type CalculatorStrings } from './calculator.en';

/** The language a component's host element declares (data-lang), English when absent or unknown. */
export function langOf(el: { dataset: DOMStringMap }): Lang {
  return el.dataset.lang === 'zh' ? 'zh' : 'en';
}

export async function loadLive(lang: Lang): Promise<LiveStrings> {
  return lang === 'zh' ? (await import('./live.zh')).liveZh : liveEn;
}

export async function loadCalculator(lang: Lang): Promise<CalculatorStrings> {
  return lang === 'zh' ? (await import('./calculator.zh')).calculatorZh : calculatorEn;
}
