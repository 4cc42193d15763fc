import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { connectivity, groupOf, layerView, nearestValidGroups, sampleChannels, spatialWindow, validGroups, LAYER_VIEWS } from '../../src/lib/geometry';
import { conv2d, convKernel, featureMap } from '../../src/lib/conv-reference';
import { PARAMS } from '../../src/lib/params';
import { isCostError } from '../../src/lib/errors';

const count = (cells: readonly (readonly boolean[])[]): number => cells.flat().filter(Boolean).length;

describe('geometry', () => {
  it('layerView(i) follows the choices of the layer parameter', () => {
    expect(LAYER_VIEWS.length).toBe(PARAMS.layer.choices);
    expect(layerView(0)).toBe('standard');
    expect(layerView(4)).toBe('separable');
    expect(layerView(99)).toBe('standard');
  });

  it('sampleChannels(C, max) draws min(C, max) distinct, increasing channels starting at 0', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4096 }), fc.integer({ min: 1, max: 32 }), (c, max) => {
        const s = sampleChannels(c, max);
        expect(s.length).toBe(Math.min(c, max));
        expect(s[0]).toBe(0);
        for (let i = 1; i < s.length; i++) expect(s[i]).toBeGreaterThan(s[i - 1]);
        expect(s[s.length - 1]).toBeLessThan(c);
      }),
    );
  });

  it('connectivity(M, N, G) unsampled has exactly M·N/G connections, one block per group', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 }), (g, a, b) => {
        const m = g * a;
        const n = g * b;
        const c = connectivity({ cin: m, cout: n, groups: g }, 64);
        expect(count(c.cells)).toBe((m * n) / g);
        expect(c.connections).toBe((m * n) / g);
        // Output n reads exactly the M/G inputs of its own group.
        for (let col = 0; col < n; col++) {
          const reads = c.cells.map((r) => r[col]).filter(Boolean).length;
          expect(reads).toBe(m / g);
        }
      }),
    );
  });

  it('is dense for G = 1 and the identity for G = M = N (depthwise)', () => {
    expect(count(connectivity({ cin: 8, cout: 12, groups: 1 }).cells)).toBe(96);
    const dw = connectivity({ cin: 10, cout: 10, groups: 10 });
    dw.cells.forEach((row, r) => row.forEach((on, c) => expect(on).toBe(r === c)));
  });

  it('keeps the block-diagonal shape when it draws only 16 of 512 channels', () => {
    const c = connectivity({ cin: 512, cout: 512, groups: 4 });
    expect(c.rows.length).toBe(16);
    expect(count(c.cells)).toBe(16 * 4); // 4 blocks of 4×4
    expect(c.connections).toBe(512 * 128);
    expect(groupOf(511, 512, 4)).toBe(3);
  });

  it('throws the typed CostError when G does not divide M or N', () => {
    try {
      connectivity({ cin: 32, cout: 64, groups: 7 });
      expect.unreachable();
    } catch (e) {
      expect(isCostError(e, 'groups-mismatch')).toBe(true);
      expect((e as Error).message).toContain('G = 7 must divide');
    }
  });
});

describe('valid groups and the spatial window', () => {
  it('validGroups(M, N) lists the divisors of gcd(M, N): 16, 16 → 1 2 4 8 16; 12, 18 → 1 2 3 6; 7, 5 → 1', () => {
    expect(validGroups(16, 16)).toEqual([1, 2, 4, 8, 16]);
    expect(validGroups(12, 18)).toEqual([1, 2, 3, 6]);
    expect(validGroups(7, 5)).toEqual([1]);
    expect(validGroups(32, 64)).toEqual([1, 2, 4, 8, 16, 32]);
  });
  it('every G of validGroups builds with connectivity, and no other G up to max(M, N) does', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 48 }), fc.integer({ min: 1, max: 48 }), (m, n) => {
        const valid = new Set(validGroups(m, n));
        for (let g = 1; g <= Math.max(m, n); g++) {
          let ok = true;
          try {
            connectivity({ cin: m, cout: n, groups: g });
          } catch (e) {
            ok = !isCostError(e);
          }
          expect(ok).toBe(valid.has(g));
        }
      }),
      { numRuns: 50 },
    );
  });
  it('nearestValidGroups(G, M, N) is the largest valid G at most G: 3 → 2, 5 → 4, 64 → 16 for M = N = 16', () => {
    expect(nearestValidGroups(3, 16, 16)).toBe(2);
    expect(nearestValidGroups(5, 16, 16)).toBe(4);
    expect(nearestValidGroups(64, 16, 16)).toBe(16);
    expect(nearestValidGroups(4, 16, 16)).toBe(4);
  });
  it("spatialWindow: 'same' padding as TensorFlow — 14, 3×3, s 1: D_G 14, 1 before; s 2: D_G 7, 0 before, 1 after", () => {
    expect(spatialWindow({ df: 14, k: 3 })).toEqual({ outSize: 14, padBefore: 1, padAfter: 1 });
    expect(spatialWindow({ df: 14, k: 3, s: 2 })).toEqual({ outSize: 7, padBefore: 0, padAfter: 1 });
    expect(spatialWindow({ df: 1, k: 11 })).toEqual({ outSize: 1, padBefore: 5, padAfter: 5 });
  });
  it('spatialWindow agrees with the reference convolution: the first output reads exactly the window it names', () => {
    for (const [df, k, s] of [[5, 3, 1], [6, 3, 2], [7, 5, 2], [4, 1, 3]]) {
      const w = spatialWindow({ df, k, s });
      const r = conv2d(featureMap(df, df, 1), convKernel(k, 1, 1), { stride: s, padding: 'same' });
      expect(r.output.height).toBe(w.outSize);
      const rows = r.steps[0].terms.map((t) => t.inY);
      expect(Math.min(...rows)).toBe(0 - w.padBefore);
      expect(Math.max(...rows)).toBe(k - 1 - w.padBefore);
    }
  });
});
