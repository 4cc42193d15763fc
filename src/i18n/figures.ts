/** The figures' words in each edition (pure: no DOM). */
import type { Lang } from './index';
import { figuresEn, type FigureStrings } from './figures.en';
import { figuresZh } from './figures.zh';

const FIGURES: Record<Lang, FigureStrings> = { en: figuresEn, zh: figuresZh };

/** Every figure's strings in a language. */
export function figureText(lang: Lang): FigureStrings {
  return FIGURES[lang];
}
