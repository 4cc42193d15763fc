import { describe, expect, it } from 'vitest';
import { figureIdFromFolder, figureIdFromPath } from '../../src/components/figure-kit/ids';

describe('figure ids from folders', () => {
  it("figureIdFromFolder turns PascalCase into the site's kebab-case figure ids", () => {
    expect(figureIdFromFolder('CostBars')).toBe('cost-bars');
    expect(figureIdFromFolder('V1Architecture')).toBe('v1-architecture');
    expect(figureIdFromFolder('ReluManifold')).toBe('relu-manifold');
    expect(figureIdFromFolder('Tradeoff')).toBe('tradeoff');
  });
  it('figureIdFromPath reads both glob styles and rejects other files', () => {
    expect(figureIdFromPath('./XceptionFlow/figure.ts')).toBe('xception-flow');
    expect(figureIdFromPath('../figures/ConvSteps/figure.ts')).toBe('conv-steps');
    expect(figureIdFromPath('../figures/ConvSteps/layout.ts')).toBeUndefined();
  });
});
