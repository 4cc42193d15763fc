import type { FigureDef } from '../figure-kit/types';
import { costBars } from './CostBars/figure';

/** Every figure by id, for build-time rendering (the browser loads them one by one, see registry). */
export const ALL_FIGURES: Record<string, FigureDef> = {
  [costBars.id]: costBars,
};
