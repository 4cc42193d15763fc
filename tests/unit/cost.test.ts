import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addRational,
  assertPositiveInt,
  convCost,
  costRatio,
  gcd,
  outputSize,
  rational,
  rationalEquals,
  rationalToNumber,
  separableRatio,
  separableRatioAt,
  toSafeNumber,
  type ConvSpec,
} from '../../src/lib/cost';
import { CostError, isCostError } from '../../src/lib/errors';

/** Run f and return the CostError it throws (fails the test if it throws anything else or nothing). */
function costErrorOf(f: () => unknown): CostError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(CostError);
    return e as CostError;
  }
  throw new Error('expected a CostError');
}

describe('outputSize', () => {
  it("outputSize(…, 'same') is ⌈D/s⌉", () => {
    expect(outputSize(224, 3, 2, 'same')).toBe(112);
    expect(outputSize(7, 3, 2, 'same')).toBe(4); // ⌈7/2⌉
    expect(outputSize(14, 3, 1)).toBe(14); // defaults: stride 1, 'same'
  });
  it("outputSize(…, 'valid') is ⌊(D − D_K)/s⌋ + 1", () => {
    expect(outputSize(227, 11, 4, 'valid')).toBe(55); // source article 001: 227×227 input, 11×11 kernel → 55×55
    expect(outputSize(299, 3, 2, 'valid')).toBe(149); // Keras Xception block1_conv1
    expect(outputSize(149, 3, 1, 'valid')).toBe(147); // Keras Xception block1_conv2
    expect(outputSize(3, 3, 1, 'valid')).toBe(1);
  });
  it("outputSize throws 'kernel-too-large' for a 'valid' kernel larger than the input", () => {
    expect(costErrorOf(() => outputSize(2, 3, 1, 'valid')).code).toBe('kernel-too-large');
  });
  it("outputSize throws 'invalid-padding' for an unknown padding", () => {
    expect(costErrorOf(() => outputSize(8, 3, 1, 'full' as never)).code).toBe('invalid-padding');
  });
});

describe("convCost({kind:'standard',…})", () => {
  it("convCost({kind:'standard',…}) gives V1 Table 3's 14×14×512 layer: D_K²·M·N params, D_F²·D_K²·M·N mult-adds", () => {
    // Howard et al. 2017, Table 3, "Convolution": 462M mult-adds, 2.36M params.
    // 3·3·512·512 = 2,359,296; ·14·14 = 462,422,016.
    const c = convCost({ kind: 'standard', k: 3, cin: 512, cout: 512, inH: 14 });
    expect(c.params).toBe(2_359_296);
    expect(c.paramsNoBias).toBe(2_359_296);
    expect(c.biasParams).toBe(0);
    expect(c.multAdds).toBe(462_422_016);
    expect(c.flops2x).toBe(924_844_032);
    expect([c.outH, c.outW]).toEqual([14, 14]);
    expect(c.inputElements).toBe(14 * 14 * 512);
    expect(c.outputElements).toBe(14 * 14 * 512);
  });

  it("convCost({kind:'standard',…}) reproduces source article 001's example: 11²·3·6 = 2178 params, 55×55 output", () => {
    const c = convCost({ kind: 'standard', k: 11, cin: 3, cout: 6, inH: 227, stride: 4, padding: 'valid' });
    expect(c.params).toBe(2178);
    expect(c.outH).toBe(55);
    // Mult-adds: 55·55·11²·3·6 = 3025·2178 = 6,588,450.
    expect(c.multAdds).toBe(6_588_450);
    // Source article 001 without bias: (2·C₀·K² − 1)·H·W·C₁ = (726 − 1)·55·55·6 = 13,158,750.
    expect(c.flopsSeed).toBe(13_158_750);
  });

  it("convCost({kind:'standard',…, bias:true}) adds N params and drops the −1 in source article 001's FLOPs (2·3·11²·55²·6 = 13,176,900)", () => {
    const c = convCost({ kind: 'standard', k: 11, cin: 3, cout: 6, inH: 227, stride: 4, padding: 'valid', bias: true });
    expect(c.params).toBe(2178 + 6);
    expect(c.biasParams).toBe(6);
    expect(c.paramsNoBias).toBe(2178);
    expect(c.multAdds).toBe(6_588_450); // bias never enters mult-adds (paper convention)
    expect(c.flopsSeed).toBe(13_176_900); // the value source article 001 prints
  });

  it("convCost({kind:'standard',…}) handles a rectangular input (inW ≠ inH)", () => {
    const c = convCost({ kind: 'standard', k: 3, cin: 2, cout: 4, inH: 10, inW: 6, stride: 2 });
    expect([c.outH, c.outW]).toEqual([5, 3]);
    expect(c.multAdds).toBe(5 * 3 * 9 * 2 * 4);
  });

  it("convCost({kind:'standard', groups: 2}) throws 'groups-mismatch'", () => {
    expect(costErrorOf(() => convCost({ kind: 'standard', k: 3, cin: 4, cout: 4, inH: 8, groups: 2 })).code).toBe(
      'groups-mismatch',
    );
  });
});

describe("convCost({kind:'grouped',…})", () => {
  it("convCost({kind:'grouped',…}) reproduces source article 001's G = 3 params: 11²·(3/3)·(6/3)·3 = 726", () => {
    const c = convCost({ kind: 'grouped', k: 11, cin: 3, cout: 6, groups: 3, inH: 227, stride: 4, padding: 'valid' });
    expect(c.params).toBe(726);
    expect(c.groups).toBe(3);
    expect(c.multAdds).toBe(6_588_450 / 3);
  });

  it("convCost({kind:'grouped',…, bias:true}).flopsSeed is the standard count / G (13,176,900 / 3 = 4,392,300; source article 001 prints 2,205,225)", () => {
    const c = convCost({ kind: 'grouped', k: 11, cin: 3, cout: 6, groups: 3, inH: 227, stride: 4, padding: 'valid', bias: true });
    // (2·K²·C₀/G)·H·W·C₁ = 242·3025·6 = 4,392,300.
    expect(c.flopsSeed).toBe(4_392_300);
  });

  it("convCost({kind:'grouped',…}) throws 'groups-mismatch' unless G divides M and N, or when G is missing", () => {
    expect(costErrorOf(() => convCost({ kind: 'grouped', k: 3, cin: 6, cout: 8, groups: 4, inH: 8 })).code).toBe('groups-mismatch');
    expect(costErrorOf(() => convCost({ kind: 'grouped', k: 3, cin: 8, cout: 6, groups: 4, inH: 8 })).code).toBe('groups-mismatch');
    const e = costErrorOf(() => convCost({ kind: 'grouped', k: 3, cin: 8, cout: 8, inH: 8 }));
    expect(e.code).toBe('groups-mismatch');
    expect(e.field).toBe('groups');
  });

  it("convCost({kind:'grouped', groups: M, cout: M}) costs the same as kind 'depthwise' (G = M = N)", () => {
    const g = convCost({ kind: 'grouped', k: 3, cin: 32, cout: 32, groups: 32, inH: 112 });
    const d = convCost({ kind: 'depthwise', k: 3, cin: 32, cout: 32, inH: 112 });
    expect([g.params, g.multAdds]).toEqual([d.params, d.multAdds]);
    expect([d.params, d.multAdds]).toEqual([288, 112 * 112 * 288]); // D_K²·M, D_F²·D_K²·M
  });
});

describe("convCost({kind:'depthwise',…})", () => {
  it("convCost({kind:'depthwise',…}) costs D_K²·M params and D_K²·M·D_F² mult-adds (V1 eq. 3 depthwise term)", () => {
    // V1 Table 3 separable row's depthwise part: 3·3·512·14·14 = 903,168.
    const c = convCost({ kind: 'depthwise', k: 3, cin: 512, cout: 512, inH: 14 });
    expect(c.params).toBe(4608);
    expect(c.multAdds).toBe(903_168);
    expect(c.groups).toBe(512);
    expect(c.flopsSeed).toBe((2 * 9 - 1) * 14 * 14 * 512);
  });
  it("convCost({kind:'depthwise', cout: 2·M}) treats N/M as the depth multiplier", () => {
    const c = convCost({ kind: 'depthwise', k: 3, cin: 8, cout: 16, inH: 4 });
    expect(c.params).toBe(9 * 8 * 2);
    expect(c.multAdds).toBe(16 * 9 * 16);
  });
  it("convCost({kind:'depthwise',…}) throws 'depth-multiplier' when N is not a multiple of M, 'groups-mismatch' when G ≠ M", () => {
    expect(costErrorOf(() => convCost({ kind: 'depthwise', k: 3, cin: 8, cout: 12, inH: 4 })).code).toBe('depth-multiplier');
    expect(costErrorOf(() => convCost({ kind: 'depthwise', k: 3, cin: 8, cout: 8, inH: 4, groups: 4 })).code).toBe('groups-mismatch');
  });
});

describe("convCost({kind:'pointwise',…})", () => {
  it("convCost({kind:'pointwise',…}) costs M·N params and M·N·D_F² mult-adds (V1 eq. 3 pointwise term)", () => {
    const c = convCost({ kind: 'pointwise', k: 1, cin: 512, cout: 512, inH: 14 });
    expect(c.params).toBe(262_144);
    expect(c.multAdds).toBe(51_380_224);
  });
  it("convCost({kind:'pointwise', k: 3}) throws 'pointwise-kernel' naming the field", () => {
    const e = costErrorOf(() => convCost({ kind: 'pointwise', k: 3, cin: 4, cout: 4, inH: 4 }));
    expect(e.code).toBe('pointwise-kernel');
    expect(e.field).toBe('k');
    expect(e.message).toMatch(/1×1/);
  });
  it("convCost({kind:'pointwise', groups: 2}) throws 'groups-mismatch'", () => {
    expect(costErrorOf(() => convCost({ kind: 'pointwise', k: 1, cin: 4, cout: 4, inH: 4, groups: 2 })).code).toBe('groups-mismatch');
  });
});

describe("convCost({kind:'separable',…})", () => {
  it("convCost({kind:'separable',…}) gives V1 Table 3's separable row: 52.3M mult-adds, 0.27M params", () => {
    // 903,168 + 51,380,224 = 52,283,392; 4,608 + 262,144 = 266,752.
    const c = convCost({ kind: 'separable', k: 3, cin: 512, cout: 512, inH: 14 });
    expect(c.multAdds).toBe(52_283_392);
    expect(c.params).toBe(266_752);
    expect(c.parts!.depthwise.multAdds).toBe(903_168);
    expect(c.parts!.pointwise.multAdds).toBe(51_380_224);
    expect(c.parts!.depthwise.params).toBe(4608);
    expect(c.parts!.pointwise.params).toBe(262_144);
    expect(c.flops2x).toBe(2 * 52_283_392);
  });

  it("convCost({kind:'separable',…, bias:true}) has Keras SeparableConv2D's K²·M + M·N + N params", () => {
    // Keras SeparableConv2D(128, 3) on 64 channels: 9·64 + 64·128 + 128 = 8,896 (Xception's block2_sepconv1 is 8,768 without bias).
    const c = convCost({ kind: 'separable', k: 3, cin: 64, cout: 128, inH: 147, bias: true });
    expect(c.params).toBe(8896);
    expect(c.paramsNoBias).toBe(8768);
    expect(c.biasParams).toBe(128);
    expect(c.parts!.depthwise.bias).toBe(false);
    // Seed-style FLOPs: depthwise (2·9 − 1) per output, pointwise 2·64 per output (bias replaces the −1).
    expect(c.flopsSeed).toBe(17 * 147 * 147 * 64 + 128 * 147 * 147 * 128);
  });

  it("convCost({kind:'separable', stride: 2}) strides the depthwise part; the pointwise part runs on its output", () => {
    const c = convCost({ kind: 'separable', k: 3, cin: 4, cout: 8, inH: 9, stride: 2 });
    expect(c.outH).toBe(5);
    expect(c.parts!.pointwise.inH).toBe(5);
    expect(c.multAdds).toBe(25 * 9 * 4 + 25 * 4 * 8);
  });
});

describe('convCost: impossible layers throw typed errors, never NaN', () => {
  const base: ConvSpec = { kind: 'standard', k: 3, cin: 4, cout: 4, inH: 8 };
  it.each([
    ['k', 0],
    ['k', -3],
    ['cin', 2.5],
    ['cout', Number.NaN],
    ['inH', Number.POSITIVE_INFINITY],
    ['inW', 0],
    ['stride', 0],
    ['groups', 1.5],
    ['cin', 2 ** 60],
  ] as const)("convCost({…, %s: %s}) throws 'invalid-size'", (field, value) => {
    const e = costErrorOf(() => convCost({ ...base, [field]: value }));
    expect(e.code).toBe('invalid-size');
    expect(e.field).toBe(field);
  });
  it("convCost({kind:'unknown'}) throws 'invalid-kind'; padding 'full' throws 'invalid-padding'", () => {
    expect(costErrorOf(() => convCost({ ...base, kind: 'unknown' as never })).code).toBe('invalid-kind');
    expect(costErrorOf(() => convCost({ ...base, padding: 'full' as never })).code).toBe('invalid-padding');
    expect(costErrorOf(() => convCost(null as never)).code).toBe('invalid-kind');
  });
  it("convCost({…, padding:'valid'}) with a kernel larger than the input throws 'kernel-too-large'", () => {
    expect(costErrorOf(() => convCost({ ...base, k: 5, inH: 4, padding: 'valid' })).code).toBe('kernel-too-large');
    expect(costErrorOf(() => convCost({ ...base, kind: 'separable', k: 5, inH: 8, inW: 3, padding: 'valid' })).code).toBe('kernel-too-large');
  });
  it("convCost of a layer whose count exceeds 2^53 − 1 throws 'overflow'", () => {
    // 2^20 · 2^20 channels on a 2^10 × 2^10 map: M·N·D_F² = 2^60 mult-adds.
    const e = costErrorOf(() => convCost({ kind: 'pointwise', k: 1, cin: 2 ** 20, cout: 2 ** 20, inH: 2 ** 10 }));
    expect(e.code).toBe('overflow');
    expect(e.message).toMatch(/2\^53/);
  });

  it('any spec (valid or not) either throws a CostError or returns safe integers', () => {
    const size = fc.oneof(
      fc.integer({ min: 1, max: 4096 }),
      fc.constantFrom(0, -1, 0.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 40, 2 ** 53),
    );
    fc.assert(
      fc.property(
        fc.constantFrom('standard', 'grouped', 'depthwise', 'pointwise', 'separable', 'bogus'),
        size,
        size,
        size,
        size,
        fc.option(size, { nil: undefined }),
        fc.constantFrom('same', 'valid', 'bad'),
        fc.boolean(),
        (kind, k, cin, cout, inH, groups, padding, bias) => {
          let c;
          try {
            c = convCost({ kind, k, cin, cout, inH, groups, padding, bias } as ConvSpec);
          } catch (e) {
            return isCostError(e);
          }
          const counts = [c.params, c.paramsNoBias, c.multAdds, c.flops2x, c.flopsSeed, c.outH, c.outW, c.inputElements, c.outputElements];
          return counts.every((x) => Number.isSafeInteger(x) && x >= 0);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('convCost properties', () => {
  const channels = fc.integer({ min: 1, max: 4096 });
  it('separable is never costlier than standard for K ≥ 2, N ≥ 2 (strictly cheaper in params and mult-adds)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 11 }), channels, fc.integer({ min: 2, max: 4096 }), fc.integer({ min: 1, max: 64 }), (k, m, n, df) => {
        const sep = convCost({ kind: 'separable', k, cin: m, cout: n, inH: df });
        const std = convCost({ kind: 'standard', k, cin: m, cout: n, inH: df });
        return sep.multAdds < std.multAdds && sep.params < std.params;
      }),
      { numRuns: 200 },
    );
  });

  it('separable / standard equals 1/N + 1/K² exactly for all N, K (Howard et al. 2017, eq. 5), params and mult-adds', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 11 }), channels, channels, fc.integer({ min: 1, max: 64 }), fc.integer({ min: 1, max: 3 }), (k, m, n, df, stride) => {
        const sep = convCost({ kind: 'separable', k, cin: m, cout: n, inH: df, stride });
        const std = convCost({ kind: 'standard', k, cin: m, cout: n, inH: df, stride });
        const K2 = BigInt(k * k);
        const N = BigInt(n);
        // sep / std = (K² + N) / (K²·N), cross-multiplied in integers.
        const macsOk = BigInt(sep.multAdds) * K2 * N === BigInt(std.multAdds) * (K2 + N);
        const paramsOk = BigInt(sep.params) * K2 * N === BigInt(std.params) * (K2 + N);
        const ratioOk = rationalEquals(costRatio(sep.multAdds, std.multAdds), separableRatio({ k, n }));
        const sumOk = rationalEquals(separableRatio({ k, n }), addRational(rational(1, n), rational(1, k * k)));
        return macsOk && paramsOk && ratioOk && sumOk;
      }),
      { numRuns: 200 },
    );
  });

  it('grouped cost is exactly the standard cost / G', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 7 }),
        fc.integer({ min: 1, max: 64 }),
        fc.integer({ min: 1, max: 64 }),
        fc.integer({ min: 1, max: 32 }),
        fc.integer({ min: 1, max: 56 }),
        (k, mPerGroup, nPerGroup, g, df) => {
          const m = mPerGroup * g;
          const n = nPerGroup * g;
          const grouped = convCost({ kind: 'grouped', k, cin: m, cout: n, groups: g, inH: df });
          const std = convCost({ kind: 'standard', k, cin: m, cout: n, inH: df });
          return grouped.multAdds * g === std.multAdds && grouped.params * g === std.params;
        },
      ),
      { numRuns: 200 },
    );
  });

  it('mult-adds scale with resolution² exactly when the input is a multiple of the stride', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('standard', 'depthwise', 'pointwise', 'separable' as const),
        fc.integer({ min: 1, max: 64 }),
        fc.integer({ min: 1, max: 16 }),
        fc.integer({ min: 1, max: 2 }),
        fc.integer({ min: 1, max: 8 }),
        (kind, m, base, stride, scale) => {
          const k = kind === 'pointwise' ? 1 : 3;
          const cout = kind === 'depthwise' ? m : 2 * m;
          const a = convCost({ kind, k, cin: m, cout, inH: base * stride, stride });
          const b = convCost({ kind, k, cin: m, cout, inH: base * stride * scale, stride });
          return b.multAdds === a.multAdds * scale * scale && b.params === a.params;
        },
      ),
      { numRuns: 200 },
    );
  });

  it('pointwise cost scales exactly with α² when αM and αN are whole (V1 §3.3 width multiplier)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 256 }), fc.integer({ min: 1, max: 256 }), fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 28 }), (m, n, a, df) => {
        // α = a (an integer scaling of the base widths); cost(αM, αN) = α²·cost(M, N).
        const base = convCost({ kind: 'pointwise', k: 1, cin: m, cout: n, inH: df });
        const wide = convCost({ kind: 'pointwise', k: 1, cin: a * m, cout: a * n, inH: df });
        return wide.multAdds === a * a * base.multAdds && wide.params === a * a * base.params;
      }),
      { numRuns: 200 },
    );
  });

  it("huge layers never overflow silently: they throw 'overflow'", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2 ** 18, max: 2 ** 26 }),
        fc.integer({ min: 2 ** 18, max: 2 ** 26 }),
        fc.integer({ min: 2 ** 9, max: 2 ** 12 }),
        fc.constantFrom('standard', 'separable', 'pointwise' as const),
        (m, n, df, kind) => {
          // M·N·D_F² ≥ 2^18·2^18·2^18 = 2^54 > 2^53 − 1.
          try {
            convCost({ kind, k: kind === 'pointwise' ? 1 : 3, cin: m, cout: n, inH: df });
            return false;
          } catch (e) {
            return isCostError(e, 'overflow');
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('rationals', () => {
  it('gcd(a, b) is the greatest common divisor', () => {
    expect(gcd(576n, 73n)).toBe(1n);
    expect(gcd(4608n, 512n)).toBe(512n);
    expect(gcd(-12n, 18n)).toBe(6n);
    expect(gcd(0n, 5n)).toBe(5n);
  });
  it('rational(p, q) reduces by the gcd and keeps the sign on the numerator', () => {
    expect(rational(521 * 8, 4608 * 8)).toEqual({ num: 521n, den: 4608n });
    expect(rational(3, -6)).toEqual({ num: -1n, den: 2n });
    expect(rational(0, 7)).toEqual({ num: 0n, den: 1n });
    expect(() => rational(1, 0)).toThrow(expect.objectContaining({ code: 'invalid-size' }));
    // Not whole numbers: a typed error, not BigInt's RangeError.
    expect(() => rational(1.5, 2)).toThrow(expect.objectContaining({ code: 'invalid-size' }));
    expect(() => rational(1, Number.NaN)).toThrow(expect.objectContaining({ code: 'invalid-size' }));
  });
  it('addRational(1/64, 1/9) = 73/576 (the V1 ratio for N = 64, K = 3)', () => {
    expect(addRational(rational(1, 64), rational(1, 9))).toEqual({ num: 73n, den: 576n });
  });
  it('rationalEquals compares by cross-multiplication; rationalToNumber gives the float', () => {
    expect(rationalEquals({ num: 2n, den: 4n }, { num: 1n, den: 2n })).toBe(true);
    expect(rationalEquals(rational(1, 3), rational(1, 2))).toBe(false);
    expect(rationalToNumber(rational(73, 576))).toBeCloseTo(0.12673611, 8);
  });
  it('separableRatio({k:3, n:512}) = 1/512 + 1/9 = 521/4608 (V1 Table 3: 52.3M / 462M)', () => {
    expect(separableRatio({ k: 3, n: 512 })).toEqual({ num: 521n, den: 4608n });
    expect(rationalEquals(costRatio(52_283_392, 462_422_016), separableRatio({ k: 3, n: 512 }))).toBe(true);
    expect(costErrorOf(() => separableRatio({ k: 0, n: 4 })).code).toBe('invalid-size');
  });
  it('costRatio(a, b) rejects a zero or non-integer denominator', () => {
    expect(costErrorOf(() => costRatio(1, 0)).code).toBe('invalid-size');
    expect(costErrorOf(() => costRatio(1.5, 2)).code).toBe('invalid-size');
  });
});

describe('helpers and errors', () => {
  it("toSafeNumber(2^53) throws 'overflow'; 2^53 − 1 passes", () => {
    expect(toSafeNumber(2n ** 53n - 1n)).toBe(Number.MAX_SAFE_INTEGER);
    expect(costErrorOf(() => toSafeNumber(2n ** 53n)).code).toBe('overflow');
  });
  it("assertPositiveInt accepts 1 and rejects 0, 1.5, '3' with 'invalid-size'", () => {
    expect(() => assertPositiveInt(1, 'k')).not.toThrow();
    for (const bad of [0, 1.5, '3', undefined]) expect(costErrorOf(() => assertPositiveInt(bad, 'k')).code).toBe('invalid-size');
  });
  it('CostError is an Error with name, code and field; isCostError narrows by code', () => {
    const e = new CostError('overflow', 'too big', 'cin');
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('CostError');
    expect([e.code, e.field, e.message]).toEqual(['overflow', 'cin', 'too big']);
    expect(isCostError(e)).toBe(true);
    expect(isCostError(e, 'overflow')).toBe(true);
    expect(isCostError(e, 'invalid-size')).toBe(false);
    expect(isCostError(new Error('x'))).toBe(false);
    expect(new CostError('invalid-kind', 'x').field).toBeUndefined();
  });
});

describe('separableRatioAt', () => {
  it('separableRatioAt(3, 64) = 1/64 + 1/9 = 73/576 ≈ 0.1267 (Howard et al. 2017, §3.1)', () => {
    expect(separableRatioAt(3, 64)).toBeCloseTo(73 / 576, 15);
  });
  it('equals the exact separableRatio at every whole N and D_K (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 11 }), fc.integer({ min: 1, max: 4096 }), (k, n) => {
        expect(separableRatioAt(k, n)).toBeCloseTo(rationalToNumber(separableRatio({ k, n })), 12);
      }),
    );
  });
  it('tends to the floor 1/D_K² as N grows: 1/9 at N = ∞ for a 3×3 kernel', () => {
    expect(separableRatioAt(3, Infinity)).toBe(1 / 9);
    expect(separableRatioAt(3, 1e9)).toBeGreaterThan(1 / 9);
  });
});

describe('separableRatioAt refuses what is not a kernel or a width', () => {
  it('D_K or N of 0, below 0 or NaN is a typed error, not Infinity or NaN; N = ∞ is the asymptote 1/D_K²', () => {
    for (const [k, n] of [[0, 64], [3, 0], [-3, 64], [Number.NaN, 64], [3, Number.NaN], [Number.POSITIVE_INFINITY, 64]]) {
      expect(() => separableRatioAt(k, n)).toThrow(expect.objectContaining({ code: 'invalid-size' }));
    }
    expect(separableRatioAt(3, Number.POSITIVE_INFINITY)).toBe(1 / 9);
  });
});
