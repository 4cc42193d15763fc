import { defineConfig } from 'vitest/config';
import tfjsNames from './scripts/tfjs-names.mjs';

// Pure-TypeScript tests only: src/lib and figure layouts. Pages are tested in Chromium (tests/e2e).
export default defineConfig({
  // As in the build: tfjs-layers can forget the tensor names it has given (scripts/tfjs-names.mjs).
  plugins: [tfjsNames()],
  test: {
    environment: 'node',
    include: ['tests/unit/**/*.test.ts', 'src/**/*.test.ts'],
    // Both editions' words registered, as in the build (a browser page loads only its own).
    setupFiles: ['tests/unit/editions.setup.ts'],
    server: { deps: { inline: [/@tensorflow\//] } },
    testTimeout: 30_000,
  },
});
