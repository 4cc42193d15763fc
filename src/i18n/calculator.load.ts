/**
 * The calculator's words for the browser: English is in the bundle, Chinese is fetched only on a
 * Chinese page, so an English page ships no Chinese strings.
 */
import type { Lang } from './index';
import { calculatorEn, type CalculatorStrings } from './calculator.en';

export async function loadCalculator(lang: Lang): Promise<CalculatorStrings> {
  return lang === 'zh' ? (await import('./calculator.zh')).calculatorZh : calculatorEn;
}
