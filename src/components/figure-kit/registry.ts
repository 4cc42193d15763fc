import type { FigureDef } from './types';
import { figureIdFromPath } from './ids';
import { lazy } from './lazy';
import { importAfresh, type Retryable } from '../../lib/lazy';

/**
 * Figure id → loader, found from the folders (figures/<Name>/figure.ts exports `figure`). Each
 * figure's render code is a separate chunk, fetched when the figure first comes near the viewport
 * (and fetched again on a later use if that failed).
 */
const modules = import.meta.glob<{ figure: FigureDef }>('../figures/*/figure.ts');

export const FIGURES: Record<string, Retryable<FigureDef>> = Object.fromEntries(
  Object.entries(modules).map(([path, load]) => [figureIdFromPath(path), lazy(async () => (await importAfresh(load)).figure)]),
);
