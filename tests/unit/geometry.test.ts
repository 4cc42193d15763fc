import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { connectivity, groupOf, layerView, sampleChannels, LAYER_VIEWS } from '../../src/lib/geometry';
import { PARAMS } from '../../src/lib/params';
import { isCostError } from '../../src/lib/errors';

const count = (cells: readonly (readonly boolean[])[]): number => cells.flat().filter(Boolean).length;

describe('geometry', () => {
  it('layerView(i) follows the choices of the layer parameter', () => {
    expect(LAYER_VIEWS.length).toBe(PARAMS.layer.choices!.length);
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
