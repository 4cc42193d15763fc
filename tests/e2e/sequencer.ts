// Longest browser files first, so that the four side-by-side workers finish together (on a fresh
// clone vitest has no timings of its own to go by).
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * File names, slowest first (seconds on a two-core machine, four files side by side; the first five
 * and screens measured against their previous versions run at the same moment, scaled to this layout).
 */
const SLOWEST_FIRST = [
  'export-print', // ~250
  'pages-tools', // ~210
  'lecture', // ~185 (each deck printed on the load that walks it)
  'pages-reading', // ~155 (the laptop pass of the figures rides on its loads)
  'first-load', // ~130
  'pages-reading-zh', // ~105
  'pages-decks', // ~100
  'screens', // ~75 (phone only)
  'chapters-1-3', // ~75
  'chapters-5-6', // ~75
  'teach-embed', // ~70
  'exercises',
  'site-consistency',
  'new-figures',
  'chapter-4',
  'home',
  'robustness',
];

const rank = (spec: TestSpecification): number => {
  const name = /([^/]+)\.e2e\.ts$/.exec(spec.moduleId)?.[1] ?? '';
  const i = SLOWEST_FIRST.indexOf(name);
  return i < 0 ? SLOWEST_FIRST.length : i;
};

export default class SlowestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    return [...files].sort((a, b) => rank(a) - rank(b));
  }
}
