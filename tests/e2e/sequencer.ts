// Longest browser files first, so that the two side-by-side workers finish together (on a fresh
// clone vitest has no timings of its own to go by).
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** File names, slowest first (seconds on a two-core machine, one file at a time). */
const SLOWEST_FIRST = [
  'pages-reading', // ~130
  'pages-reading-zh', // ~80
  'export-print', // ~145
  'screens', // ~110
  'lecture', // ~110
  'pages-tools', // ~90
  'new-figures', // ~35
  'site-consistency', // ~45
  'teach-embed',
  'chapters-1-3',
  'exercises',
  'chapters-5-6',
  'chapter-4',
  'robustness',
  'home',
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
