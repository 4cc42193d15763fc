import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alphaRhoEstimate, scalingExample } from '../../src/lib/scaling';
import { mobilenetV1 } from '../../src/lib/architectures';
import { CostError } from '../../src/lib/errors';

describe('scalingExample({ alpha, resolution })', () => {
  it('gives Table 3 of Howard et al. 2017 at α 1, 224: 3·3·512·14·14 + 512·512·14·14 = 52,283,392 (52.3M)', () => {
    const s = scalingExample({ alpha: 1, resolution: 224 });
    expect([s.channels, s.featureSize]).toEqual([512, 14]);
    expect([s.depthwise, s.pointwise, s.multAdds]).toEqual([903_168, 51_380_224, 52_283_392]);
    expect(s.layerRatio).toBe(1);
    expect(s.networkRatio).toBe(1);
    expect(s.alpha2rho2).toBe(1);
  });

  it('gives Table 3\'s last row at α 0.75, ρ = 160/224 = 0.714: D_F = 10, 15,091,200 mult-adds (15.1M)', () => {
    const s = scalingExample({ alpha: 0.75, resolution: 160 });
    expect([s.channels, s.featureSize]).toEqual([384, 10]);
    expect([s.depthwise, s.pointwise, s.multAdds]).toEqual([345_600, 14_745_600, 15_091_200]);
    expect(s.rho).toBeCloseTo(0.714, 3);
    expect(s.tex).toContain('= 345{,}600 + 14{,}745{,}600 = 15{,}091{,}200');
    expect(s.tex).toContain('\\alpha M \\cdot \\alpha N \\cdot \\rho D_F \\cdot \\rho D_F');
  });

  it('scales the layer between α²ρ² and αρ²: the pointwise term holds α², the depthwise term only α', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 16 }), fc.integer({ min: 2, max: 20 }), (a16, r16) => {
        // 512·α and res/16 whole numbers, so eq. 7 holds exactly.
        const alpha = a16 / 16;
        const resolution = r16 * 16;
        const s = scalingExample({ alpha, resolution });
        const rho = resolution / 224;
        expect(s.layerRatio).toBeCloseTo((rho * rho * (9 * alpha + 512 * alpha * alpha)) / (9 + 512), 12);
        expect(s.layerRatio).toBeGreaterThanOrEqual(s.alpha2rho2 - 1e-12);
        expect(s.layerRatio).toBeLessThanOrEqual(alpha * rho * rho + 1e-12);
      }),
    );
  });

  it('for the whole network at the 16 published settings the saving is a little less than α²ρ² predicts', () => {
    for (const alpha of [1, 0.75, 0.5, 0.25]) {
      for (const resolution of [224, 192, 160, 128]) {
        const s = scalingExample({ alpha, resolution });
        expect(s.networkRatio).toBe(mobilenetV1({ alpha, resolution }).multAdds / mobilenetV1().multAdds);
        expect(s.networkRatio).toBeGreaterThanOrEqual(s.alpha2rho2 - 1e-12);
        // …but within a factor 1.2 of it.
        expect(s.networkRatio / s.alpha2rho2).toBeLessThan(1.2);
      }
    }
  });

  it('with terms, wraps eq. 7\'s depthwise and pointwise products and α², ρ² for the figure, and is otherwise the same TeX', () => {
    const plain = scalingExample({ alpha: 0.75, resolution: 160 });
    const linked = scalingExample({ alpha: 0.75, resolution: 160 }, undefined, { terms: true });
    // Table 3, α 0.75 at 160: depthwise 3·3·384·10·10 = 345,600, pointwise 384·384·10·10 = 14,745,600.
    expect(linked.tex).toContain('\\htmlData{term=depthwise}{3 \\cdot 3 \\cdot 384 \\cdot 10 \\cdot 10}');
    expect(linked.tex).toContain('\\htmlData{term=pointwise}{14{,}745{,}600}');
    expect(linked.tex).toContain('\\htmlData{term=alpha}{\\alpha^2}\\htmlData{term=rho}{\\rho^2}');
    const unwrap = (tex: string): string => {
      let out = tex;
      for (let prev = ''; prev !== out; ) {
        prev = out;
        out = out.replace(/\\htmlData\{term=[a-z-]+\}\{((?:[^{}]|\{[^{}]*\})*)\}/g, '$1');
      }
      return out;
    };
    expect(unwrap(linked.tex)).toBe(plain.tex);
  });

  it('throws CostError when α leaves the layer without channels', () => {
    expect(() => scalingExample({ alpha: 0.01, resolution: 224 })).toThrow(CostError);
  });
});

describe('alphaRhoEstimate', () => {
  it('scales a cost by α²ρ²: 1,000,000 at α = 0.5, ρ = 0.5 is 62,500; α = ρ = 1 leaves it (Howard et al. 2017, §3.3–3.4)', () => {
    expect(alphaRhoEstimate(1_000_000, 0.5, 0.5)).toBe(62_500);
    expect(alphaRhoEstimate(568_740_352, 1, 1)).toBe(568_740_352);
  });
  it('is an estimate, not the exact count: α = 0.25 at 128 differs from the network the table builds', () => {
    const est = alphaRhoEstimate(mobilenetV1().multAdds, 0.25, 128 / 224);
    expect(est).not.toBe(mobilenetV1({ alpha: 0.25, resolution: 128 }).multAdds);
  });
});

describe('alphaRhoEstimate refuses what is not a cost or a multiplier', () => {
  it('NaN, 0 or negative α and ρ, or a negative cost, are a typed error; α = ρ = 0.5 divide a cost by α²ρ² = 16 (Howard et al. 2017, §3.4)', () => {
    expect(alphaRhoEstimate(1600, 0.5, 0.5)).toBe(100);
    for (const [w, a, r] of [[1600, Number.NaN, 1], [1600, 1, Number.NaN], [1600, 0, 1], [1600, 1, -1], [-1, 1, 1], [Number.POSITIVE_INFINITY, 1, 1]]) {
      expect(() => alphaRhoEstimate(w, a, r)).toThrow(CostError);
    }
  });
});
