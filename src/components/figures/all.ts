import type { FigureDef } from '../figure-kit/types';
import { figureIdFromPath } from '../figure-kit/ids';
// The build renders both editions: every language's figure words are registered.
import '../../i18n/editions';

/**
 * Every figure by id, for build-time rendering, embed routes and lecture decks. A figure is a
 * folder figures/<Name>/ whose figure.ts exports `figure` with id = kebab-case of <Name>.
 */
const modules = import.meta.glob<{ figure: FigureDef }>('./*/figure.ts', { eager: true });

export const ALL_FIGURES: Record<string, FigureDef> = {};
for (const [path, mod] of Object.entries(modules)) {
  const id = figureIdFromPath(path);
  if (!id || mod.figure.id !== id) throw new Error(`Figure at ${path} must export \`figure\` with id "${id}".`);
  ALL_FIGURES[id] = mod.figure;
}
