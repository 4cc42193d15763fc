import type { FigureDef } from './types';

/**
 * Figure id → loader. Each figure's render code is a separate chunk, fetched when the figure
 * first comes near the viewport. Add one line per figure.
 */
export const FIGURES: Record<string, () => Promise<FigureDef>> = {
  'cost-bars': async () => (await import('../figures/CostBars/figure')).costBars,
};
