import { defineConfig } from 'vitest/config';
import SlowestFirst from './tests/e2e/sequencer';

// End-to-end tests: real Chromium (playwright-core) over the built site, served locally.
// Four test files run side by side (one browser each): most of a browser test's time is the page
// waiting (one file at a time kept the two cores about a quarter busy), so four share them well. The files that time something on the page (a
// recompute, a cancel, how far a page moves while it starts) run afterwards, one at a time, on a machine that is otherwise quiet.
const TIMED = ['tests/e2e/chapter-7-calculator.e2e.ts', 'tests/e2e/live-cancel.e2e.ts', 'tests/e2e/hold-still.e2e.ts'];

export default defineConfig({
  test: {
    environment: 'node',
    globalSetup: ['tests/e2e/setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // A poll waits for the page, not for a fixed time: on a loaded two-core machine a redraw can
    // take longer than vitest's default second.
    expect: { poll: { timeout: 5_000, interval: 50 } },
    sequence: { sequencer: SlowestFirst },
    pool: 'forks',
    poolOptions: { forks: { maxForks: 4, minForks: 1 } },
    projects: [
      {
        extends: true,
        test: { name: 'side-by-side', include: ['tests/e2e/**/*.e2e.ts'], exclude: TIMED, sequence: { groupOrder: 0 } },
      },
      {
        extends: true,
        test: { name: 'timed', include: TIMED, poolOptions: { forks: { singleFork: true } }, sequence: { groupOrder: 1 } },
      },
    ],
  },
});
