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
    setupFiles: ['tests/unit/editions.setup.ts', 'tests/unit/fast-check.setup.ts'],
    // Test files share one module graph per worker thread, as modules share one process in the
    // build: KaTeX, TensorFlow.js and both editions' words load once per worker instead of once per
    // file (the run takes about half as long), and a module that keeps a value across calls is
    // tested the way the build uses it (e.g. labels cached without their language, which drew
    // English on Chinese pages). Files pass in any order (--sequence.shuffle.files).
    pool: 'threads',
    isolate: false,
    server: { deps: { inline: [/@tensorflow\//] } },
    testTimeout: 30_000,
  },
});
