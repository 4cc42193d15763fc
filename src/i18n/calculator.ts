/** The calculator's words by language. */
import type { Lang } from './index';
import { calculatorEn, type CalculatorStrings } from './calculator.en';
import { calculatorZh } from './calculator.zh';

export const CALCULATOR: Readonly<Record<Lang, CalculatorStrings>> = { en: calculatorEn, zh: calculatorZh };
