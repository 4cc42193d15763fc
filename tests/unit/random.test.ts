import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  gaussianMatrix,
  mulberry32,
  normalizeSeed,
  randomInt,
  randomInts,
  randomNormal,
  randomUniforms,
} from '../../src/lib/random';

describe('normalizeSeed', () => {
  it('normalizeSeed(0) is 0: the splitmix32 finaliser maps 0 to 0 (every step multiplies or xors 0)', () => {
    expect(normalizeSeed(0)).toBe(0);
  });

  it('normalizeSeed(s) is a 32-bit unsigned integer, floors fractions and decorrelates neighbours', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 }), (s) => {
        const h = normalizeSeed(s);
        expect(Number.isInteger(h) && h >= 0 && h < 2 ** 32).toBe(true);
        expect(normalizeSeed(s + 0.5)).toBe(h);
        expect(normalizeSeed(s + 1)).not.toBe(h);
      }),
    );
  });

  it('normalizeSeed(NaN) and normalizeSeed(Infinity) throw a RangeError', () => {
    expect(() => normalizeSeed(Number.NaN)).toThrow(RangeError);
    expect(() => normalizeSeed(Infinity)).toThrow(RangeError);
  });
});

describe('mulberry32', () => {
  it('mulberry32(0) reproduces the published algorithm on state 0', () => {
    // Values from the reference code (bryc, "PRNGs.md", mulberry32) run with a = 0:
    // 0.26642920868471265, 0.0003297457005828619, 0.2232720274478197.
    const rng = mulberry32(0);
    expect(rng()).toBe(0.26642920868471265);
    expect(rng()).toBe(0.0003297457005828619);
    expect(rng()).toBe(0.2232720274478197);
  });

  it('mulberry32(seed) is deterministic and stays in [0, 1)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999 }), (seed) => {
        const a = mulberry32(seed);
        const b = mulberry32(seed);
        for (let i = 0; i < 50; i++) {
          const x = a();
          expect(x).toBe(b());
          expect(x >= 0 && x < 1).toBe(true);
        }
      }),
      { numRuns: 50 },
    );
  });

  it('mulberry32(1) and mulberry32(2) give different streams', () => {
    const a = mulberry32(1);
    const b = mulberry32(2);
    const same = Array.from({ length: 20 }, () => a() === b()).filter(Boolean).length;
    expect(same).toBe(0);
  });

  it('mulberry32 is uniform: each tenth of [0, 1) gets 10% ± 1% of 20000 draws (σ ≈ 0.21%)', () => {
    const rng = mulberry32(7);
    const bins = new Array(10).fill(0);
    for (let i = 0; i < 20_000; i++) bins[Math.floor(rng() * 10)]++;
    for (const b of bins) expect(Math.abs(b / 20_000 - 0.1)).toBeLessThan(0.01);
  });
});

describe('randomNormal', () => {
  it('randomNormal(rng) has mean 0 ± 0.03 and variance 1 ± 0.05 over 20000 draws (≈ 4σ bands)', () => {
    const normal = randomNormal(mulberry32(3));
    let s = 0;
    let s2 = 0;
    const n = 20_000;
    for (let i = 0; i < n; i++) {
      const z = normal();
      s += z;
      s2 += z * z;
    }
    const mean = s / n;
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(Math.abs(s2 / n - mean * mean - 1)).toBeLessThan(0.05);
  });

  it('randomNormal(rng, μ, σ) is μ + σ·z for the same stream z', () => {
    const z = randomNormal(mulberry32(5));
    const x = randomNormal(mulberry32(5), 10, 3);
    for (let i = 0; i < 11; i++) expect(x()).toBeCloseTo(10 + 3 * z(), 12);
  });
});

describe('randomInt / randomInts', () => {
  it('randomInt(rng, −1, 2) hits every value of the closed range and nothing else', () => {
    const rng = mulberry32(11);
    const seen = new Set<number>();
    for (let i = 0; i < 1000; i++) seen.add(randomInt(rng, -1, 2));
    expect([...seen].sort((a, b) => a - b)).toEqual([-1, 0, 1, 2]);
  });

  it('randomInt(rng, lo, lo) is lo; randomInt with hi < lo or fractions throws', () => {
    expect(randomInt(mulberry32(1), 4, 4)).toBe(4);
    expect(() => randomInt(mulberry32(1), 3, 2)).toThrow(RangeError);
    expect(() => randomInt(mulberry32(1), 0.5, 2)).toThrow(RangeError);
  });

  it('randomInts(length, lo, hi, seed) has the length, the range, and is reproducible', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 200 }), fc.integer({ min: -5, max: 5 }), fc.integer({ min: 0, max: 6 }), fc.nat(), (length, lo, span, seed) => {
        const a = randomInts(length, lo, lo + span, seed);
        expect(a.length).toBe(length);
        for (const v of a) expect(v >= lo && v <= lo + span).toBe(true);
        expect(Array.from(randomInts(length, lo, lo + span, seed))).toEqual(Array.from(a));
      }),
      { numRuns: 60 },
    );
    expect(() => randomInts(-1, 0, 1, 0)).toThrow(RangeError);
  });
});

describe('randomUniforms', () => {
  it('randomUniforms(n, −1, 1, seed) lies in [−1, 1) and is reproducible', () => {
    const a = randomUniforms(1000, -1, 1, 9);
    expect(a).toBeInstanceOf(Float32Array);
    for (const v of a) expect(v >= -1 && v < 1).toBe(true);
    expect(Array.from(randomUniforms(1000, -1, 1, 9))).toEqual(Array.from(a));
    expect(() => randomUniforms(1.5, 0, 1, 0)).toThrow(RangeError);
  });
});

describe('gaussianMatrix', () => {
  it('gaussianMatrix(n, 2, seed) is the first n rows of gaussianMatrix(n + 1, 2, seed)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.nat(), (n, seed) => {
        const small = gaussianMatrix(n, 2, seed);
        const big = gaussianMatrix(n + 1, 2, seed);
        expect(Array.from(big.subarray(0, 2 * n))).toEqual(Array.from(small));
      }),
      { numRuns: 40 },
    );
  });

  it('gaussianMatrix(r, c, seed, σ) is σ times the unit matrix', () => {
    const unit = gaussianMatrix(4, 3, 2);
    const scaled = gaussianMatrix(4, 3, 2, 0.5);
    expect(unit.length).toBe(12);
    unit.forEach((v, i) => expect(scaled[i]).toBeCloseTo(0.5 * v, 14));
    expect(() => gaussianMatrix(-1, 2, 0)).toThrow(RangeError);
  });
});
