import { defineConfig } from 'vitest/config';

// Pure-TypeScript tests only: src/lib and figure layouts. Pages are tested in Chromium (tests/e2e).
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/unit/**/*.test.ts', 'src/**/*.test.ts'],
    // Both editions' words registered, as in the build (a browser page loads only its own).
    setupFiles: ['tests/unit/editions.setup.ts'],
    server: { deps: { inline: [/@tensorflow\//] } },
    testTimeout: 30_000,
  },
});
