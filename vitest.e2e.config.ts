import { defineConfig } from 'vitest/config';

// End-to-end tests: real Chromium (playwright-core) over the built site, served locally.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/e2e/**/*.e2e.ts'],
    globalSetup: ['tests/e2e/setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Two cores: one browser at a time keeps timings and tfjs runs steady.
    fileParallelism: false,
    // A poll waits for the page, not for a fixed time: on a loaded two-core machine a redraw can
    // take longer than vitest's default second.
    expect: { poll: { timeout: 5_000, interval: 50 } },
  },
});
