// Which modules the build puts in the two hand-named chunks of the first load (scripts/shared-chunks.mjs).
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { sharedChunk } from '../../scripts/shared-chunks.mjs';

const at = (...parts: string[]): string => join('/repo', ...parts);

describe('sharedChunk', () => {
  it('puts the parameter schema, formatting and the view tree in base, and the figure life cycle and store in kit', () => {
    expect(sharedChunk(at('src', 'lib', 'params.ts'))).toBe('base');
    expect(sharedChunk(at('src', 'components', 'figure-kit', 'svg.ts'))).toBe('base');
    expect(sharedChunk(at('src', 'components', 'figure-kit', 'client.ts'))).toBe('kit');
    expect(sharedChunk(at('node_modules', 'nanostores', 'map', 'index.js'))).toBe('kit');
    // Vite's helper for dynamic imports, which every page's scripts use.
    expect(sharedChunk('\0vite/preload-helper.js')).toBe('base');
  });

  it('leaves every other module to Rollup: figures, the cost model, KaTeX, other editions’ words', () => {
    for (const id of [
      at('src', 'components', 'figures', 'CostBars', 'figure.ts'),
      at('src', 'lib', 'cost.ts'),
      at('node_modules', 'katex', 'dist', 'katex.mjs'),
      at('src', 'i18n', 'kit.zh.ts'),
      // A name that only ends like a listed one is not it.
      at('src', 'lib', 'other-params.ts'),
    ]) expect(sharedChunk(id), id).toBeUndefined();
  });
});
