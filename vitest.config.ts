import { defineConfig } from 'vitest/config';

// Pure-TypeScript tests only: src/lib and figure layouts. Pages are tested in Chromium (tests/e2e).
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/unit/**/*.test.ts', 'src/**/*.test.ts'],
    server: { deps: { inline: [/@tensorflow\//] } },
    testTimeout: 30_000,
  },
});
