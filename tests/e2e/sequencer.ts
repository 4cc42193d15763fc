// Longest browser files first, so that the four side-by-side workers finish together (on a fresh
// clone vitest has no timings of its own to go by).
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * File names, slowest first: seconds each took on a two-core machine, four files side by side
 * (one run of the whole suite, 2026-12-03).
 */
const SLOWEST_FIRST = [
  'first-load', // 225
  'export-print', // 213
  'lecture', // 166
  'pages-reading', // 165 (the laptop pass of the figures rides on its loads)
  'pages-tools', // 126
  'pages-decks', // 85
  'pages-reading-zh', // 82
  'chapters-5-6', // 76
  'screens', // 73 (phone only)
  'chapters-1-3', // 68
  'teach-embed', // 65
  'exercises', // 62
  'site-consistency', // 44
  'live-memory', // 28 on 2026-12-04 (ten builds on webgl, 19 s alone; 69 s while each build compiled its shaders again)
  'new-figures', // 27
  'chapter-4', // 27
  'robustness', // ~25
  'home', // 8
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
