/**
 * The calculator's words for the browser, fetched in the page's language only: an English page
 * ships no Chinese strings, and a Chinese page no English ones.
 */
import type { Lang } from './index';
import type { CalculatorStrings } from './calculator.en';
import { importAfresh } from '../lib/lazy';

export async function loadCalculator(lang: Lang): Promise<CalculatorStrings> {
  return lang === 'zh' ? (await importAfresh(() => import('./calculator.zh'))).calculatorZh : (await importAfresh(() => import('./calculator.en'))).calculatorEn;
}
