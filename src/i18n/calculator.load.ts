/**
 * The calculator's words for the browser, fetched in the page's language only: an English page
 * ships no Chinese strings, and a Chinese page no English ones.
 */
import type { Lang } from './index';
import type { CalculatorStrings } from './calculator.en';

export async function loadCalculator(lang: Lang): Promise<CalculatorStrings> {
  return lang === 'zh' ? (await import('./calculator.zh')).calculatorZh : (await import('./calculator.en')).calculatorEn;
}
