import type { FigureDef } from './types';
import { figureIdFromPath } from './ids';

/**
 * Figure id → loader, found from the folders (figures/<Name>/figure.ts exports `figure`). Each
 * figure's render code is a separate chunk, fetched when the figure first comes near the viewport.
 */
const modules = import.meta.glob<{ figure: FigureDef }>('../figures/*/figure.ts');

export const FIGURES: Record<string, () => Promise<FigureDef>> = Object.fromEntries(
  Object.entries(modules).map(([path, load]) => [figureIdFromPath(path), async () => (await load()).figure]),
);
