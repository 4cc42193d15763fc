import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  activate,
  activeGram,
  DIM_RANGE,
  embeddingMatrix,
  errorCurve,
  isActive,
  lostCurve,
  lostPoints,
  ManifoldRangeError,
  positivelySpans,
  predictedLostFraction,
  pseudoInverse,
  reluRoundTrip,
  resolveRoundTripOptions,
  roundTripWith,
  spiral,
  SPIRAL_RADIUS,
} from '../../src/lib/manifold';

/** Mean over seeds 1..k of the round-trip error. */
function meanError(dim: number, k: number, activation: 'relu' | 'relu6' | 'linear' = 'relu', inverse: 'pinv' | 'active' = 'pinv'): number {
  let s = 0;
  for (let seed = 1; seed <= k; seed++) s += reluRoundTrip({ dim, seed, activation, inverse }).error;
  return s / k;
}

describe('spiral', () => {
  it('spiral() starts at the origin and ends at radius 8 after 1.5 turns, i.e. at (−8, 0)', () => {
    const { points, t } = spiral({ points: 101 });
    expect(points[0]).toBe(0);
    expect(points[1]).toBe(0);
    expect(points[200]).toBeCloseTo(-SPIRAL_RADIUS, 10); // θ = 3π: (8·cos 3π, 8·sin 3π)
    expect(points[201]).toBeCloseTo(0, 10);
    expect(t[0]).toBe(0);
    expect(t[50]).toBe(0.5);
    expect(t[100]).toBe(1);
  });

  it('spiral() is sampled at equal arc length: chords are equal to 0.1% and add up to s(θ_max)', () => {
    const P = 2001;
    const { points } = spiral({ points: P });
    // s(θ) = (b/2)(θ√(1+θ²) + asinh θ) with b = 8 / 3π and θ_max = 3π.
    const th = 3 * Math.PI;
    const b = 8 / th;
    const total = (b / 2) * (th * Math.sqrt(1 + th * th) + Math.asinh(th));
    const chords: number[] = [];
    for (let k = 1; k < P; k++) chords.push(Math.hypot(points[2 * k] - points[2 * k - 2], points[2 * k + 1] - points[2 * k - 1]));
    const mean = total / (P - 1);
    for (const c of chords) expect(Math.abs(c / mean - 1)).toBeLessThan(1e-3);
    expect(chords.reduce((a, c) => a + c, 0) / total).toBeCloseTo(1, 4);
  });

  it('spiral({ radius, turns }) scales: every point of radius 2 is a quarter of radius 8', () => {
    const a = spiral({ points: 50, radius: 2 }).points;
    const b = spiral({ points: 50, radius: 8 }).points;
    a.forEach((v, i) => expect(v).toBeCloseTo(b[i] / 4, 12));
    expect(() => spiral({ turns: 0 })).toThrow(ManifoldRangeError);
    expect(() => spiral({ radius: -1 })).toThrow(ManifoldRangeError);
  });

  it('spiral({ points: 1 }) is the origin alone', () => {
    expect(Array.from(spiral({ points: 1 }).points)).toEqual([0, 0]);
  });
});

describe('embeddingMatrix / pseudoInverse', () => {
  it('embeddingMatrix(n, seed) is n×2 and nested in n (the slider adds rows, keeps the old ones)', () => {
    const t5 = embeddingMatrix(5, 3);
    const t6 = embeddingMatrix(6, 3);
    expect(t5.length).toBe(10);
    expect(Array.from(t6.subarray(0, 10))).toEqual(Array.from(t5));
    expect(Array.from(embeddingMatrix(5, 4))).not.toEqual(Array.from(t5));
  });

  it('pseudoInverse of T = [[1,0],[0,1],[1,1]] is (1/3)[[2,−1,1],[−1,2,1]] (by hand: (TᵀT)⁻¹ = (1/3)[[2,−1],[−1,2]])', () => {
    const pinv = pseudoInverse(Float64Array.from([1, 0, 0, 1, 1, 1]), 3);
    const expected = [2, -1, 1, -1, 2, 1].map((v) => v / 3);
    pinv.forEach((v, i) => expect(v).toBeCloseTo(expected[i], 15));
  });

  it('pseudoInverse of a square T is T⁻¹: [[2,1],[1,1]]⁻¹ = [[1,−1],[−1,2]]', () => {
    const pinv = pseudoInverse(Float64Array.from([2, 1, 1, 1]), 2);
    [1, -1, -1, 2].forEach((v, i) => expect(pinv[i]).toBeCloseTo(v, 14));
  });

  it('pseudoInverse(T)·T = I₂ for every seeded T (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 64 }), fc.integer({ min: 0, max: 999_999 }), (n, seed) => {
        const T = embeddingMatrix(n, seed);
        const P = pseudoInverse(T, n);
        for (let r = 0; r < 2; r++) {
          for (let c = 0; c < 2; c++) {
            let s = 0;
            for (let i = 0; i < n; i++) s += P[r * n + i] * T[2 * i + c];
            expect(Math.abs(s - (r === c ? 1 : 0))).toBeLessThan(1e-9);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('pseudoInverse of a rank-1 T ([[1,2],[2,4]]) throws; a wrong length throws', () => {
    expect(() => pseudoInverse(Float64Array.from([1, 2, 2, 4]), 2)).toThrow(/rank < 2/);
    expect(() => pseudoInverse(Float64Array.from([1, 2, 2]), 2)).toThrow(ManifoldRangeError);
  });
});

describe('activeGram', () => {
  const T = Float64Array.from([1, 0, 0, 1, 1, 1]); // rows (1,0), (0,1), (1,1)

  it("activeGram(T, 3, 0, 0, 'linear') is TᵀT = [[2,1],[1,2]] over all 3 rows (by hand)", () => {
    expect(activeGram(T, 3, 0, 0, 'linear')).toEqual({ a: 2, b: 1, c: 2, u0: 0, u1: 0, rows: 3 });
  });

  it("at x = (1, −2) only row (1,0) is positive under ReLU: G = [[1,0],[0,0]], u = (1, 0) (by hand: z = 1, −2, −1)", () => {
    expect(activeGram(T, 3, 1, -2, 'relu')).toEqual({ a: 1, b: 0, c: 0, u0: 1, u1: 0, rows: 1 });
  });

  it('at x = (2, 1) all rows are active: u = Σ tᵢzᵢ = (5, 4) = G·x (by hand: z = 2, 1, 3)', () => {
    expect(activeGram(T, 3, 2, 1, 'relu')).toEqual({ a: 2, b: 1, c: 2, u0: 5, u1: 4, rows: 3 });
  });

  it("ReLU6 drops a row whose coordinate is 6 or more: x = (7, 1) keeps only (0,1)", () => {
    expect(activeGram(T, 3, 7, 1, 'relu6')).toEqual({ a: 0, b: 0, c: 1, u0: 0, u1: 1, rows: 1 });
  });

  it('u equals G·x over the active rows for every seeded T and x (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 40 }), fc.integer({ min: 1, max: 1000 }), fc.double({ min: -3, max: 3, noNaN: true }), fc.double({ min: -3, max: 3, noNaN: true }), (n, seed, x, y) => {
        const g = activeGram(embeddingMatrix(n, seed), n, x, y, 'relu');
        expect(g.u0).toBeCloseTo(g.a * x + g.b * y, 9);
        expect(g.u1).toBeCloseTo(g.b * x + g.c * y, 9);
        expect(g.rows).toBeGreaterThanOrEqual(0);
        expect(g.rows).toBeLessThanOrEqual(n);
      }),
      { numRuns: 200 },
    );
  });
});

describe('activate', () => {
  it('activate: ReLU(−1) = 0, ReLU(7) = 7, ReLU6(7) = 6, ReLU6(3.5) = 3.5, linear(−1) = −1', () => {
    expect(activate(-1, 'relu')).toBe(0);
    expect(activate(7, 'relu')).toBe(7);
    expect(activate(7, 'relu6')).toBe(6);
    expect(activate(3.5, 'relu6')).toBe(3.5);
    expect(activate(-2, 'relu6')).toBe(0);
    expect(activate(-1, 'linear')).toBe(-1);
  });
});

describe('roundTripWith (hand-computed cases)', () => {
  const threePoints = Float64Array.from([1, 2, -1, -2, 1, -2]);
  const t = Float64Array.from([0, 0.5, 1]);

  it('with T = I and ReLU: (1,2) → (1,2), (−1,−2) → (0,0), (1,−2) → (1,0); error (0 + 5 + 4)/3 = 3', () => {
    const o = resolveRoundTripOptions({ dim: 2, points: 3, activation: 'relu' });
    const r = roundTripWith(o, threePoints, t, Float64Array.from([1, 0, 0, 1]));
    expect(Array.from(r.reconstructed)).toEqual([1, 2, 0, 0, 1, 0]);
    expect(r.error).toBe(3);
    expect(r.relativeError).toBeCloseTo(9 / 15, 15); // Σ|x|² = 5 + 5 + 5
    expect(r.activeFraction).toBe(3 / 6);
  });

  it("T = [[1,0],[0,1],[1,1]], x = (1,−2): σ(Tx) = (1,0,0); T⁺ gives (2/3, −1/3), 'active' gives (1, 0)", () => {
    const T = Float64Array.from([1, 0, 0, 1, 1, 1]);
    const x = Float64Array.from([1, -2]);
    const one = Float64Array.from([0]);
    const pinv = roundTripWith(resolveRoundTripOptions({ dim: 3, points: 1 }), x, one, T);
    expect(pinv.reconstructed[0]).toBeCloseTo(2 / 3, 15);
    expect(pinv.reconstructed[1]).toBeCloseTo(-1 / 3, 15);
    expect(pinv.error).toBeCloseTo(26 / 9, 14); // (1/3)² + (5/3)²
    const active = roundTripWith(resolveRoundTripOptions({ dim: 3, points: 1, inverse: 'active' }), x, one, T);
    expect(Array.from(active.reconstructed)).toEqual([1, 0]); // projection onto the one active row
    expect(active.error).toBe(4);
  });

  it("'active' with no active coordinate maps to the origin: x = (−1,−1), T = I", () => {
    const r = roundTripWith(
      resolveRoundTripOptions({ dim: 2, points: 1, inverse: 'active' }),
      Float64Array.from([-1, -1]),
      Float64Array.from([0]),
      Float64Array.from([1, 0, 0, 1]),
    );
    expect(Array.from(r.reconstructed)).toEqual([0, 0]);
    expect(r.error).toBe(2);
  });
});

describe('reluRoundTrip', () => {
  it("reluRoundTrip({ activation: 'linear' }) is exact: error < 1e-20 for every n and seed (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 64 }),
        fc.integer({ min: 0, max: 999_999 }),
        fc.constantFrom('pinv' as const, 'active' as const),
        (dim, seed, inverse) => {
          const r = reluRoundTrip({ dim, seed, points: 200, activation: 'linear', inverse });
          expect(r.error).toBeLessThan(1e-20);
          expect(r.activeFraction).toBe(1);
        },
      ),
      { numRuns: 100 },
    );
  });
  it('a nearly singular T stays exact: n = 2, seed 70911 (found by the property above: 1.6·10⁻¹⁸ when T⁺ was formed from TᵀT)', () => {
    // In exact arithmetic T⁺T = I, so the error is 0; in floats it is rounding, far below 10⁻²⁰.
    expect(reluRoundTrip({ dim: 2, seed: 70911, points: 200, activation: 'linear', inverse: 'pinv' }).error).toBeLessThan(1e-20);
  });

  it('reluRoundTrip returns P points, the spiral as input, and its options with defaults', () => {
    const r = reluRoundTrip({ dim: 5 });
    expect(r.input).toBeInstanceOf(Float64Array);
    expect(r.reconstructed.length).toBe(2000);
    expect(r.t.length).toBe(1000);
    expect(Array.from(r.input)).toEqual(Array.from(spiral().points));
    expect({ dim: r.dim, points: r.points, seed: r.seed, activation: r.activation, inverse: r.inverse }).toEqual({
      dim: 5,
      points: 1000,
      seed: 1,
      activation: 'relu',
      inverse: 'pinv',
    });
  });

  it('reluRoundTrip is deterministic in the seed and changes with it', () => {
    expect(reluRoundTrip({ dim: 5, seed: 3 }).error).toBe(reluRoundTrip({ dim: 5, seed: 3 }).error);
    expect(reluRoundTrip({ dim: 5, seed: 3 }).error).not.toBe(reluRoundTrip({ dim: 5, seed: 4 }).error);
  });

  it('ReLU with T⁺ (the paper): mean error over 10 seeds falls, n = 2 > 5 > 30', () => {
    const e2 = meanError(2, 10);
    const e5 = meanError(5, 10);
    const e30 = meanError(30, 10);
    expect(e2).toBeGreaterThan(e5);
    expect(e5).toBeGreaterThan(e30);
  });

  it('ReLU with T⁺ levels off at ¼·mean|x|² as n grows (x̂ → x/2 since E[ttᵀ·1{t·x>0}] = I/2)', () => {
    let rel = 0;
    for (let seed = 1; seed <= 10; seed++) rel += reluRoundTrip({ dim: 64, seed }).relativeError;
    expect(rel / 10).toBeGreaterThan(0.2);
    expect(rel / 10).toBeLessThan(0.3);
    // Half the coordinates are zeroed: each tᵢ·x > 0 with probability ½.
    const r = reluRoundTrip({ dim: 64, seed: 1 });
    expect(Math.abs(r.activeFraction - 0.5)).toBeLessThan(0.1);
  });

  it("ReLU with 'active' (invert on the kept coordinates): mean error falls n = 2 > 3 > 5 > 15 and is ≈ 0 at n = 30", () => {
    const e = [2, 3, 5, 15, 30].map((n) => meanError(n, 10, 'relu', 'active'));
    for (let i = 1; i < e.length; i++) expect(e[i - 1]).toBeGreaterThan(e[i]);
    expect(e[4]).toBeLessThan(1e-12);
    // At n = 2 information is really lost: the error is a large share of mean|x|² ≈ 31.
    expect(e[0]).toBeGreaterThan(5);
  });

  it('ReLU6 equals ReLU on every point whose coordinates all stay below 6', () => {
    const relu = reluRoundTrip({ dim: 15, seed: 2 });
    const relu6 = reluRoundTrip({ dim: 15, seed: 2, activation: 'relu6' });
    const T = embeddingMatrix(15, 2);
    let below = 0;
    let differ = 0;
    for (let k = 0; k < relu.points; k++) {
      let max = -Infinity;
      for (let i = 0; i < 15; i++) max = Math.max(max, T[2 * i] * relu.input[2 * k] + T[2 * i + 1] * relu.input[2 * k + 1]);
      const same = relu.reconstructed[2 * k] === relu6.reconstructed[2 * k] && relu.reconstructed[2 * k + 1] === relu6.reconstructed[2 * k + 1];
      if (max < 6) {
        below++;
        expect(same).toBe(true);
      } else if (!same) differ++;
    }
    // Radius 8 makes saturation matter: some points saturate and change, many do not.
    expect(below).toBeGreaterThan(100);
    expect(differ).toBeGreaterThan(100);
  });

  it('ReLU6 loses more than ReLU with T⁺ at n = 30 (mean over 10 seeds), and keeps fewer coordinates', () => {
    expect(meanError(30, 10, 'relu6')).toBeGreaterThan(meanError(30, 10, 'relu'));
    expect(reluRoundTrip({ dim: 30, activation: 'relu6' }).activeFraction).toBeLessThan(reluRoundTrip({ dim: 30 }).activeFraction);
  });

  it("ReLU6 with 'active' is exact again at n = 64: enough coordinates land in (0, 6)", () => {
    expect(meanError(64, 5, 'relu6', 'active')).toBeLessThan(1e-12);
  });

  it('reluRoundTrip rejects dim outside 2..64, fractional dim, bad points, seed, activation', () => {
    const bad: [Record<string, unknown>, string][] = [
      [{ dim: 1 }, 'dim'],
      [{ dim: DIM_RANGE.max + 1 }, 'dim'],
      [{ dim: 2.5 }, 'dim'],
      [{ dim: Number.NaN }, 'dim'],
      [{ dim: 5, points: 0 }, 'points'],
      [{ dim: 5, points: 20_001 }, 'points'],
      [{ dim: 5, seed: Infinity }, 'seed'],
      [{ dim: 5, activation: 'tanh' }, 'activation'],
      [{ dim: 5, inverse: 'lstsq' }, 'inverse'],
    ];
    for (const [options, parameter] of bad) {
      let caught: unknown;
      try {
        reluRoundTrip(options as never);
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeInstanceOf(ManifoldRangeError);
      expect(caught).toBeInstanceOf(RangeError);
      expect((caught as ManifoldRangeError).parameter).toBe(parameter);
      expect((caught as Error).message).toContain(parameter);
    }
  });

  it('reluRoundTrip({ dim: 64, points: 2000 }) takes under 5 ms (about 1 ms idle; fastest of 21 runs, robust to a busy CI)', () => {
    for (let i = 0; i < 5; i++) reluRoundTrip({ dim: 64, points: 2000, seed: i });
    const times: number[] = [];
    for (let i = 0; i < 21; i++) {
      const t0 = performance.now();
      reluRoundTrip({ dim: 64, points: 2000, seed: i });
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    expect(times[0]).toBeLessThan(5);
  });
});

describe('errorCurve', () => {
  it('errorCurve({ dims, seeds: [..] }) agrees with reluRoundTrip seed by seed', () => {
    const [point] = errorCurve({ dims: [5], seeds: [3, 7, 11], points: 300 });
    const errors = [3, 7, 11].map((seed) => reluRoundTrip({ dim: 5, seed, points: 300 }).error);
    expect(Array.from(point.errors)).toEqual(errors);
    const mean = (errors[0] + errors[1] + errors[2]) / 3;
    expect(point.mean).toBeCloseTo(mean, 12);
    expect(point.min).toBe(Math.min(...errors));
    expect(point.max).toBe(Math.max(...errors));
    expect(point.median).toBe([...errors].sort((a, b) => a - b)[1]);
    const std = Math.sqrt(errors.reduce((s, e) => s + (e - mean) ** 2, 0) / 3);
    expect(point.std).toBeCloseTo(std, 10);
  });

  it('errorCurve({ seeds: k }) uses seeds 1..k; the median of an even count is the middle mean', () => {
    const [a] = errorCurve({ dims: [3], seeds: 4, points: 200 });
    const [b] = errorCurve({ dims: [3], seeds: [1, 2, 3, 4], points: 200 });
    expect(Array.from(a.errors)).toEqual(Array.from(b.errors));
    const s = Array.from(a.errors).sort((x, y) => x - y);
    expect(a.median).toBe((s[1] + s[2]) / 2);
  });

  it("errorCurve with 'active' falls with n and is ≈ 0 at n = 30; min ≤ median ≤ max", () => {
    const curve = errorCurve({ dims: [2, 3, 5, 15, 30], seeds: 10, inverse: 'active' });
    expect(curve.map((p) => p.dim)).toEqual([2, 3, 5, 15, 30]);
    for (let i = 1; i < curve.length; i++) expect(curve[i].mean).toBeLessThan(curve[i - 1].mean);
    expect(curve[4].mean).toBeLessThan(1e-12);
    for (const p of curve) {
      expect(p.min).toBeLessThanOrEqual(p.median);
      expect(p.median).toBeLessThanOrEqual(p.max);
      expect(p.std).toBeGreaterThanOrEqual(0);
      expect(p.meanRelative).toBeLessThanOrEqual(1);
    }
  });

  it('errorCurve rejects an empty seed list, a zero count and an out-of-range dim', () => {
    expect(() => errorCurve({ dims: [2], seeds: [] })).toThrow(ManifoldRangeError);
    expect(() => errorCurve({ dims: [2], seeds: 0 })).toThrow(ManifoldRangeError);
    expect(() => errorCurve({ dims: [65], seeds: 2 })).toThrow(ManifoldRangeError);
  });
});

describe('lostPoints (hand-computed cases)', () => {
  const I = Float64Array.from([1, 0, 0, 1]);

  it('T = I, ReLU: only points with both coordinates positive keep two active rows; (1,1) and (2,.5) kept, the other quadrants lost', () => {
    const x = Float64Array.from([1, 1, -1, 1, 1, -1, -1, -1, 2, 0.5]);
    expect(Array.from(lostPoints(x, I, 2, 'relu'))).toEqual([0, 1, 1, 1, 0]);
  });

  it('two active rows that are parallel do not count: T = [[1,0],[2,0],[0,−1]], x = (1,1) is lost, x = (1,−1) is kept', () => {
    const T = Float64Array.from([1, 0, 2, 0, 0, -1]);
    // x = (1,1): Tx = (1, 2, −1), active rows (1,0) and (2,0), rank 1. x = (1,−1): Tx = (1, 2, 1), rank 2.
    expect(Array.from(lostPoints(Float64Array.from([1, 1, 1, -1]), T, 3, 'relu'))).toEqual([1, 0]);
  });

  it('ReLU6: a coordinate at 6 or above is saturated, not active: T = I, (7,1) is lost, (5,1) is kept', () => {
    expect(Array.from(lostPoints(Float64Array.from([7, 1, 5, 1, 6, 1]), I, 2, 'relu6'))).toEqual([1, 0, 1]);
    expect(Array.from(lostPoints(Float64Array.from([7, 1]), I, 2, 'relu'))).toEqual([0]);
  });

  it('linear loses nothing: every point of the third quadrant is kept with T = I', () => {
    expect(Array.from(lostPoints(Float64Array.from([-1, -1, -3, -0.5]), I, 2, 'linear'))).toEqual([0, 0]);
  });

  it('the origin is known when the rows positively span the plane (T = [[1,0],[−1,0],[0,1],[0,−1]]), lost with T = I', () => {
    const cross = Float64Array.from([1, 0, -1, 0, 0, 1, 0, -1]);
    expect(positivelySpans(cross, 4)).toBe(true);
    expect(positivelySpans(I, 2)).toBe(false);
    // Three rows 120° apart span positively; three rows within a half-plane do not.
    const c = Math.cos((2 * Math.PI) / 3);
    const s = Math.sin((2 * Math.PI) / 3);
    expect(positivelySpans(Float64Array.from([1, 0, c, s, c, -s]), 3)).toBe(true);
    expect(positivelySpans(Float64Array.from([1, 0, 0, 1, -1, 0.01]), 3)).toBe(false);
    expect(Array.from(lostPoints(Float64Array.from([0, 0]), cross, 4, 'relu'))).toEqual([0]);
    expect(Array.from(lostPoints(Float64Array.from([0, 0]), I, 2, 'relu'))).toEqual([1]);
  });

  it('isActive: ReLU keeps z > 0, ReLU6 keeps 0 < z < 6, linear keeps every z', () => {
    expect([-1, 0, 3, 6, 7].map((z) => isActive(z, 'relu'))).toEqual([false, false, true, true, true]);
    expect([-1, 0, 3, 6, 7].map((z) => isActive(z, 'relu6'))).toEqual([false, false, true, false, false]);
    expect([-1, 0, 7].map((z) => isActive(z, 'linear'))).toEqual([true, true, true]);
  });

  it("roundTripWith reports lost and lostFraction, and 'active' recovers every point that is not lost exactly", () => {
    const x = Float64Array.from([1, 1, -1, 1, 1, -1, -1, -1, 2, 0.5]);
    const t = Float64Array.from([0, 0.25, 0.5, 0.75, 1]);
    const r = roundTripWith(resolveRoundTripOptions({ dim: 2, points: 5, inverse: 'active' }), x, t, I);
    expect(Array.from(r.lost)).toEqual([0, 1, 1, 1, 0]);
    expect(r.lostFraction).toBe(3 / 5);
    expect([r.reconstructed[0], r.reconstructed[1], r.reconstructed[8], r.reconstructed[9]]).toEqual([1, 1, 2, 0.5]);
  });

  it('n = 2: on a circle of evenly spaced directions, T loses the fraction (π + θ)/2π, θ the angle between its rows', () => {
    // Both rows positive on the wedge between the half-planes tᵢ·x > 0: an arc of π − θ, so
    // (π − θ)/2π is kept and (π + θ)/2π is lost. Averaged over θ uniform on [0, π]: 3/4 = (1 + 2)/2².
    const P = 3600;
    const circle = new Float64Array(2 * P);
    for (let k = 0; k < P; k++) {
      circle[2 * k] = Math.cos((2 * Math.PI * (k + 0.5)) / P);
      circle[2 * k + 1] = Math.sin((2 * Math.PI * (k + 0.5)) / P);
    }
    for (const seed of [1, 2, 3, 4]) {
      const T = embeddingMatrix(2, seed);
      const theta = Math.acos((T[0] * T[2] + T[1] * T[3]) / (Math.hypot(T[0], T[1]) * Math.hypot(T[2], T[3])));
      const lost = lostPoints(circle, T, 2, 'relu').reduce((a, l) => a + l, 0) / P;
      expect(Math.abs(lost - (Math.PI + theta) / (2 * Math.PI))).toBeLessThanOrEqual(2 / P);
    }
  });
});

describe('predictedLostFraction', () => {
  // Each row of a Gaussian T is positive at a fixed x ≠ 0 with probability ½, independently: a point is lost when
  // 0 or 1 of the n rows are positive, (C(n,0) + C(n,1))/2ⁿ (chapter 5's derivation of Sandler et al. 2018, §3.2).
  it('(1 + n)/2ⁿ: 3/4 at n = 2, 1/2 at 3, 6/32 at 5, 16/32768 at 15, 31/2³⁰ at 30 (0 or 1 of n fair coins positive)', () => {
    expect(predictedLostFraction(2)).toBe(0.75);
    expect(predictedLostFraction(3)).toBe(0.5);
    expect(predictedLostFraction(5)).toBe(0.1875);
    expect(predictedLostFraction(15)).toBe(16 / 32768);
    expect(predictedLostFraction(30)).toBe(31 / 2 ** 30);
    expect(() => predictedLostFraction(1)).toThrow(ManifoldRangeError);
  });
});

describe('lostCurve', () => {
  it('the mean over 200 random T meets (1 + n)/2ⁿ: each row of a Gaussian T is positive at x with probability ½, whatever x', () => {
    // Per seed the n = 2 fraction is (π + θ)/2π on a circle, spread ±0.14 around 3/4; the mean of 200 is within ±0.03 of it.
    for (const p of lostCurve({ dims: [2, 3, 5, 8], seeds: 200, points: 400 })) {
      expect(Math.abs(p.mean - p.predicted), `n = ${p.dim}`).toBeLessThan(0.03);
      expect(p.min).toBeLessThanOrEqual(p.mean);
      expect(p.max).toBeGreaterThanOrEqual(p.mean);
    }
  });

  it('agrees with reluRoundTrip seed by seed, and nothing is lost at n = 30 for seeds 1..20', () => {
    const [p2, p30] = lostCurve({ dims: [2, 30], seeds: [1, 2, 3], points: 500 });
    expect(Array.from(p2.fractions)).toEqual([1, 2, 3].map((seed) => reluRoundTrip({ dim: 2, seed, points: 500 }).lostFraction));
    expect(p30.fractions.every((f) => f === 0)).toBe(true);
    expect(lostCurve({ dims: [30], seeds: 20, points: 500 })[0].max).toBe(0);
  });

  it('linear loses nothing at any n; ReLU6 loses more than ReLU at n = 3 (saturated coordinates are not active either)', () => {
    expect(lostCurve({ dims: [2, 64], seeds: 3, activation: 'linear' }).map((p) => p.max)).toEqual([0, 0]);
    const relu = lostCurve({ dims: [3], seeds: 10 })[0].mean;
    const relu6 = lostCurve({ dims: [3], seeds: 10, activation: 'relu6' })[0].mean;
    expect(relu6).toBeGreaterThan(relu);
  });

  it('lostCurve rejects an empty seed list and an out-of-range dim', () => {
    expect(() => lostCurve({ dims: [2], seeds: [] })).toThrow(ManifoldRangeError);
    expect(() => lostCurve({ dims: [65], seeds: 1 })).toThrow(ManifoldRangeError);
  });
});
