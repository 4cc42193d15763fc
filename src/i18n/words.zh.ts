/**
 * Where a Chinese page's script finds its words (figures.load.ts fetches this list with the first
 * figure or the first word it needs): each figure's own words, and the kit's, the parameters' and
 * the cost model's, each fetched when something first reads it. English pages carry none of it.
 */
import type { WordArea } from './registry';
import { importAfresh } from '../lib/lazy';

/** Each figure's Chinese words (figures/<id>.zh.ts), fetched with the figure. */
export const FIGURE_WORDS = import.meta.glob<Record<string, unknown>>('./figures/*.zh.ts');

/** Each area's Chinese words, registered by the module (imported for that alone). */
export const AREA_WORDS: Readonly<Record<WordArea, () => Promise<unknown>>> = {
  kit: () => importAfresh(() => import('./kit.zh.register')),
  params: () => importAfresh(() => import('./params.zh.register')),
  errors: () => importAfresh(() => import('./errors.zh.register')),
};
