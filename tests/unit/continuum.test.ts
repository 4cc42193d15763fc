import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { continuum, continuumPoint, inceptionBlock, inceptionBlockTex } from '../../src/lib/continuum';
import { convCost } from '../../src/lib/cost';
import { CostError } from '../../src/lib/errors';

// Xception's middle flow: 19 × 19 × 728 (Chollet 2017, Fig. 5), 3 × 3 kernels.
const xc = { kernelSize: 3, channels: 728, featureSize: 19 };

describe('inceptionBlock({ kernelSize, channels, featureSize, segments })', () => {
  it('at S = 1 is a regular 3×3 convolution preceded by a 1×1: 728² + 9·728² = 5,299,840 weights', () => {
    const b = inceptionBlock({ ...xc, segments: 1 });
    expect(b.params).toBe(5_299_840);
    expect(b.multAdds).toBe(5_299_840 * 361);
    const std = convCost({ kind: 'standard', k: 3, cin: 728, cout: 728, inH: 19 });
    const pw = convCost({ kind: 'pointwise', k: 1, cin: 728, cout: 728, inH: 19 });
    expect(b.params).toBe(std.params + pw.params);
    expect(b.multAdds).toBe(std.multAdds + pw.multAdds);
    expect(b.point).toBe('regular');
  });
  it('at S = M is the 1×1 then a depthwise 3×3 (Xception’s order): 728² + 9·728 = 536,536 weights', () => {
    const b = inceptionBlock({ ...xc, segments: 728 });
    expect(b.params).toBe(536_536);
    const pw = convCost({ kind: 'pointwise', k: 1, cin: 728, cout: 728, inH: 19 });
    const dw = convCost({ kind: 'depthwise', k: 3, cin: 728, cout: 728, inH: 19 });
    expect(b.params).toBe(pw.params + dw.params);
    expect(b.multAdds).toBe(pw.multAdds + dw.multAdds);
    expect(b.point).toBe('separable');
  });
  it('at S = 4 (an Inception module) the 3×3 part is a quarter: 529,984 + 1,192,464 = 1,722,448 weights, 621,803,728 mult-adds', () => {
    const b = inceptionBlock({ ...xc, segments: 4 });
    expect(b.pointwise.params).toBe(529_984);
    expect(b.spatial.params).toBe(1_192_464);
    expect(b.params).toBe(1_722_448);
    expect(b.multAdds).toBe(621_803_728);
    expect(b.spatial.groups).toBe(4);
    expect(b.point).toBe('inception');
  });
  it('at every S equals a 1×1 plus a grouped convolution with G = S, and at the ends the standard and separable layers (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 7 }), fc.integer({ min: 1, max: 96 }), fc.integer({ min: 1, max: 32 }), (k, m, df) => {
        const all = continuum({ kernelSize: k, channels: m, featureSize: df });
        // Hand count: params M² + D_K²·M²/S; mult-adds D_F² times that (stride 1, 'same').
        for (const b of all) {
          expect(b.params).toBe(m * m + (k * k * m * m) / b.segments);
          expect(b.multAdds).toBe(df * df * b.params);
        }
        const first = all[0];
        const last = all[all.length - 1];
        expect(first.segments).toBe(1);
        expect(first.params).toBe(convCost({ kind: 'standard', k, cin: m, cout: m, inH: df }).params + m * m);
        expect(last.segments).toBe(m);
        // M = N, so the 1×1-first block costs what Keras's depthwise-first separable layer costs.
        const sep = convCost({ kind: 'separable', k, cin: m, cout: m, inH: df });
        expect(last.params).toBe(sep.params);
        expect(last.multAdds).toBe(sep.multAdds);
      }),
      { numRuns: 50 },
    );
  });
  it('refuses a number of segments that does not divide M, with the cost model’s error', () => {
    expect(() => inceptionBlock({ ...xc, segments: 3 })).toThrow(CostError);
    expect(() => inceptionBlock({ ...xc, segments: 0 })).toThrow(/must divide/);
  });
});

describe('continuum({ kernelSize, channels, featureSize })', () => {
  it('has one block per divisor of M, cheapest last', () => {
    const all = continuum({ kernelSize: 3, channels: 32, featureSize: 14 });
    expect(all.map((b) => b.segments)).toEqual([1, 2, 4, 8, 16, 32]);
    for (let i = 1; i < all.length; i++) expect(all[i].params).toBeLessThan(all[i - 1].params);
  });
});

describe('continuumPoint(segments, channels)', () => {
  it('names the three points of Chollet 2017 §1.2: regular (1), Inception (3 or 4), separable (M)', () => {
    expect(continuumPoint(1, 32)).toBe('regular');
    expect(continuumPoint(4, 32)).toBe('inception');
    expect(continuumPoint(3, 12)).toBe('inception');
    expect(continuumPoint(32, 32)).toBe('separable');
    expect(continuumPoint(8, 32)).toBe('between');
  });
});

describe('inceptionBlockTex(block)', () => {
  it('writes the count with the numbers substituted and ends on the same total', () => {
    const b = inceptionBlock({ ...xc, segments: 4 });
    const { tex, value } = inceptionBlockTex(b);
    expect(value).toBe(1_722_448);
    expect(tex).toContain('\\frac{3^2 \\cdot 728^2}{4}');
    expect(tex).toContain('529{,}984 + 1{,}192{,}464 = 1{,}722{,}448');
  });
});

describe('inceptionBlockTex(block, lines)', () => {
  it('breaks into three aligned lines for a narrow column, with the same numbers', () => {
    const { tex } = inceptionBlockTex(inceptionBlock({ ...xc, segments: 728 }), true);
    expect(tex).toBe('\\begin{aligned}\\text{params} &= 728^2 + \\frac{3^2 \\cdot 728^2}{728} \\\\ &= 529{,}984 + 6{,}552 \\\\ &= 536{,}536\\end{aligned}');
  });
});
