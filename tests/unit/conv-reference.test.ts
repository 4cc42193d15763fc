import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bestSeparableApproximation,
  conv2d,
  convKernel,
  convStepsExample,
  convStepsStandardExample,
  depthwiseConv2d,
  depthwiseKernel,
  factorableKernel,
  featureMap,
  pointwiseConv2d,
  pointwiseKernel,
  separableConv2d,
  type ConvResult,
  type FeatureMap,
} from '../../src/lib/conv-reference';
import { convProblem } from './support/conv-problem';

const values = (r: ConvResult) => Array.from(r.output.data);

// A 3×3×1 input used by the hand-computed cases (rows top to bottom):
//   1 2 0
//   0 1 3
//   2 1 1
const F3 = featureMap(3, 3, 1, [1, 2, 0, 0, 1, 3, 2, 1, 1]);

const problem = convProblem();


describe('conv2d', () => {
  it('conv2d(3×3 map, 2×2 kernel [[1,0],[−1,2]], valid) = [[3,7],[0,2]] with the products listed', () => {
    // (0,0): 1·1 + 2·0 + 0·(−1) + 1·2 = 3     (0,1): 2·1 + 0·0 + 1·(−1) + 3·2 = 7
    // (1,0): 0·1 + 1·0 + 2·(−1) + 1·2 = 0     (1,1): 1·1 + 3·0 + 1·(−1) + 1·2 = 2
    const r = conv2d(F3, convKernel(2, 1, 1, [1, 0, -1, 2]));
    expect(r.output).toMatchObject({ height: 2, width: 2, channels: 1 });
    expect(values(r)).toEqual([3, 7, 0, 2]);
    expect(r.steps[0].terms.map((t) => [t.input, t.weight])).toEqual([
      [1, 1],
      [2, 0],
      [0, -1],
      [1, 2],
    ]);
    expect(r.steps[1]).toMatchObject({ y: 0, x: 1, n: 0, value: 7 });
    expect(r.steps[1].terms.map((t) => [t.inY, t.inX])).toEqual([
      [0, 1],
      [0, 2],
      [1, 1],
      [1, 2],
    ]);
  });

  it("conv2d(3×3 map, 3×3 plus kernel, 'same') = up + left + right + down − centre, by hand", () => {
    // Kernel [[0,1,0],[1,−1,1],[0,1,0]], zero padding of 1 on each side:
    // (0,0): 0+0+2+0−1 = 1   (0,1): 0+1+0+1−2 = 0   (0,2): 0+2+0+3−0 = 5
    // (1,0): 1+0+1+2−0 = 4   (1,1): 2+0+3+1−1 = 5   (1,2): 0+1+0+1−3 = −1
    // (2,0): 0+0+1+0−2 = −1  (2,1): 1+2+1+0−1 = 3   (2,2): 3+1+0+0−1 = 3
    const plus = convKernel(3, 1, 1, [0, 1, 0, 1, -1, 1, 0, 1, 0]);
    const r = conv2d(F3, plus, { padding: 'same' });
    expect(values(r)).toEqual([1, 0, 5, 4, 5, -1, -1, 3, 3]);
    // At (0,0) the whole top row and the left column hang over the border: 5 padded terms.
    expect(r.steps[0].terms.filter((t) => t.padded)).toHaveLength(5);
    expect(r.steps[0].terms.filter((t) => t.padded).every((t) => t.input === 0)).toBe(true);
    // 'valid' keeps only the centre; stride 2 'same' keeps the corners (pad 1 on top and left).
    expect(values(conv2d(F3, plus))).toEqual([5]);
    expect(values(conv2d(F3, plus, { stride: 2, padding: 'same' }))).toEqual([1, 5, -1, 3]);
  });

  it("conv2d with odd total padding puts the extra zero after, as TensorFlow does: 2×2 ones on [[1,2],[3,4]] → [[10,6],[7,4]]", () => {
    // 'same', D_F = 2, D_K = 2: total padding (2 − 1)·1 + 2 − 2 = 1 → 0 before, 1 after (bottom/right).
    // (0,0): 1+2+3+4 = 10   (0,1): 2+0+4+0 = 6   (1,0): 3+4+0+0 = 7   (1,1): 4
    const r = conv2d(featureMap(2, 2, 1, [1, 2, 3, 4]), convKernel(2, 1, 1, [1, 1, 1, 1]), { padding: 'same' });
    expect(values(r)).toEqual([10, 6, 7, 4]);
  });

  it('conv2d: every step value is the sum of its products and equals output.data in HWC order', () => {
    fc.assert(
      fc.property(problem, ({ p, f, w }) => {
        const r = conv2d(featureMap(p.size, p.size, p.m, f), convKernel(p.k, p.m, p.n, w), p);
        expect(r.steps).toHaveLength(r.output.data.length);
        r.steps.forEach((s, idx) => {
          expect(s.terms).toHaveLength(p.k * p.k * p.m);
          expect(s.terms.reduce((acc, t) => acc + t.input * t.weight, 0)).toBe(s.value);
          expect(r.output.data[(s.y * r.output.width + s.x) * r.output.channels + s.n]).toBe(s.value);
          expect(idx).toBe((s.y * r.output.width + s.x) * r.output.channels + s.n);
        });
      }),
      { numRuns: 60 },
    );
  });

  it('conv2d is linear in the input: conv(2F − 3G) = 2·conv(F) − 3·conv(G) (property, exact integers)', () => {
    fc.assert(
      fc.property(problem, ({ p, f, g, w }) => {
        const K = convKernel(p.k, p.m, p.n, w);
        const mix = featureMap(p.size, p.size, p.m, f.map((v, i) => 2 * v - 3 * g[i]));
        const a = conv2d(featureMap(p.size, p.size, p.m, f), K, p).output.data;
        const b = conv2d(featureMap(p.size, p.size, p.m, g), K, p).output.data;
        expect(Array.from(conv2d(mix, K, p).output.data)).toEqual(Array.from(a, (v, i) => 2 * v - 3 * b[i]));
      }),
      { numRuns: 60 },
    );
  });

  it('conv2d is linear in the kernel: conv(F, K₁ + K₂) = conv(F, K₁) + conv(F, K₂) (property)', () => {
    fc.assert(
      fc.property(problem, ({ p, f, w }) => {
        const F = featureMap(p.size, p.size, p.m, f);
        const w2 = w.map((v, i) => (v * 7 + i) % 5);
        const sum = conv2d(F, convKernel(p.k, p.m, p.n, w.map((v, i) => v + w2[i])), p).output.data;
        const a = conv2d(F, convKernel(p.k, p.m, p.n, w), p).output.data;
        const b = conv2d(F, convKernel(p.k, p.m, p.n, w2), p).output.data;
        expect(Array.from(sum)).toEqual(Array.from(a, (v, i) => v + b[i]));
      }),
      { numRuns: 40 },
    );
  });

  it('conv2d with withTerms: false returns the same output and no steps', () => {
    const plus = convKernel(3, 1, 1, [0, 1, 0, 1, -1, 1, 0, 1, 0]);
    const r = conv2d(F3, plus, { padding: 'same', withTerms: false });
    expect(values(r)).toEqual([1, 0, 5, 4, 5, -1, -1, 3, 3]);
    expect(r.steps).toHaveLength(0);
  });

  it('conv2d rejects a channel mismatch, a kernel larger than a valid map, stride 0 and bad padding', () => {
    expect(() => conv2d(F3, convKernel(1, 2, 1))).toThrow(/input channels/);
    expect(() => conv2d(F3, convKernel(4, 1, 1))).toThrow(RangeError);
    expect(() => conv2d(F3, convKernel(1, 1, 1), { stride: 0 })).toThrow(RangeError);
    expect(() => conv2d(F3, convKernel(1, 1, 1), { padding: 'full' as never })).toThrow(RangeError);
    expect(() => featureMap(2, 2, 1, [1, 2, 3])).toThrow(/expected 4 values/);
    expect(() => featureMap(0, 2, 1)).toThrow(RangeError);
  });
});

describe('depthwiseConv2d / pointwiseConv2d / separableConv2d', () => {
  // A 2×2×2 map: channel 0 = [[1,2],[3,4]], channel 1 = [[5,6],[7,8]] (HWC: [1,5, 2,6, 3,7, 4,8]).
  const F2 = featureMap(2, 2, 2, [1, 5, 2, 6, 3, 7, 4, 8]);
  // Depthwise 2×2: channel 0 = [[1,0],[0,1]] (main diagonal), channel 1 = [[0,1],[1,0]] (anti-diagonal).
  const dw = depthwiseKernel(2, 2, [1, 0, 0, 1, 0, 1, 1, 0]);

  it('depthwiseConv2d filters each channel alone: channel 0 → 1 + 4 = 5, channel 1 → 6 + 7 = 13', () => {
    const r = depthwiseConv2d(F2, dw);
    expect(values(r)).toEqual([5, 13]);
    expect(r.steps[1].terms.every((t) => t.m === 1)).toBe(true);
    expect(r.steps[1].terms.map((t) => t.input)).toEqual([5, 6, 7, 8]);
  });

  it('pointwiseConv2d with pw = [[2],[−1]] gives 2·c₀ − c₁ = [−3, −2, −1, 0]', () => {
    const r = pointwiseConv2d(F2, pointwiseKernel(2, 1, [2, -1]));
    expect(values(r)).toEqual([-3, -2, -1, 0]);
    expect(r.steps[0].terms.map((t) => `${t.input}·${t.weight}`)).toEqual(['1·2', '5·-1']);
  });

  it('separableConv2d: [5, 13] through pw = [[1,2],[3,−1]] gives [5 + 39, 10 − 13] = [44, −3]', () => {
    const pw = pointwiseKernel(2, 2, [1, 2, 3, -1]);
    const r = separableConv2d(F2, dw, pw);
    expect(values(r.depthwise)).toEqual([5, 13]);
    expect(values(r.pointwise)).toEqual([44, -3]);
    // The factored standard kernel gives the same two numbers in one convolution.
    expect(values(conv2d(F2, factorableKernel(dw, pw)))).toEqual([44, -3]);
  });

  it('pointwiseConv2d(F, pw) equals conv2d with the 1×1 kernel pw (property)', () => {
    fc.assert(
      fc.property(problem, ({ p, f, pw }) => {
        const F = featureMap(p.size, p.size, p.m, f);
        expect(values(pointwiseConv2d(F, pointwiseKernel(p.m, p.n, pw)))).toEqual(values(conv2d(F, convKernel(1, p.m, p.n, pw))));
      }),
      { numRuns: 40 },
    );
  });

  it('depthwiseConv2d(F, dw) equals conv2d with the diagonal kernel W[i,j,m,n] = dw[i,j,m]·δₘₙ (property)', () => {
    fc.assert(
      fc.property(problem, ({ p, f, dw: d }) => {
        const F = featureMap(p.size, p.size, p.m, f);
        const identity = Array.from({ length: p.m * p.m }, (_, i) => (Math.floor(i / p.m) === i % p.m ? 1 : 0));
        const W = factorableKernel(depthwiseKernel(p.k, p.m, d), pointwiseKernel(p.m, p.m, identity));
        expect(values(depthwiseConv2d(F, depthwiseKernel(p.k, p.m, d), p))).toEqual(values(conv2d(F, W, p)));
      }),
      { numRuns: 40 },
    );
  });

  it('depthwise and pointwise reject channel mismatches', () => {
    expect(() => depthwiseConv2d(F2, depthwiseKernel(2, 3))).toThrow(/channels/);
    expect(() => pointwiseConv2d(F2, pointwiseKernel(3, 1))).toThrow(/input channels/);
    expect(() => factorableKernel(depthwiseKernel(2, 2), pointwiseKernel(3, 1))).toThrow(/channels/);
  });
});

describe('factorableKernel', () => {
  it('factorableKernel(dw, pw)[i,j,m,n] = dw[i,j,m]·pw[m,n]', () => {
    const dw = depthwiseKernel(1, 2, [2, 3]);
    const pw = pointwiseKernel(2, 2, [1, -1, 4, 5]);
    // [m=0: 2·1, 2·(−1); m=1: 3·4, 3·5]
    expect(Array.from(factorableKernel(dw, pw).data)).toEqual([2, -2, 12, 15]);
  });

  it('conv2d(F, factorableKernel(dw, pw)) equals pointwise(depthwise(F)) exactly, any size, stride, padding (property)', () => {
    fc.assert(
      fc.property(problem, ({ p, f, dw, pw }) => {
        const F = featureMap(p.size, p.size, p.m, f);
        const d = depthwiseKernel(p.k, p.m, dw);
        const q = pointwiseKernel(p.m, p.n, pw);
        const standard = conv2d(F, factorableKernel(d, q), p);
        const separable = separableConv2d(F, d, q, p).pointwise;
        expect(values(standard)).toEqual(values(separable));
      }),
      { numRuns: 100 },
    );
  });
});

describe('bestSeparableApproximation', () => {
  it('of a factorable kernel: relative error ≈ 0 and the kernel is recovered (property)', () => {
    fc.assert(
      fc.property(problem, ({ p, dw, pw }) => {
        const W = factorableKernel(depthwiseKernel(p.k, p.m, dw), pointwiseKernel(p.m, p.n, pw));
        const approx = bestSeparableApproximation(W);
        expect(approx.relativeError).toBeLessThan(1e-7);
        approx.kernel.data.forEach((v, i) => expect(Math.abs(v - W.data[i])).toBeLessThan(1e-9));
      }),
      { numRuns: 60 },
    );
  });

  it('of the slice diag(3, 1) (D_K = 2, M = 1, N = 2): σ = [3, 1], dw = (3,0,0,0), pw = (1,0), error 1/√10', () => {
    // W[:, :, 0, :] as a 4×2 matrix [[3,0],[0,1],[0,0],[0,0]]; best rank 1 keeps σ₁ = 3.
    const W = convKernel(2, 1, 2, [3, 0, 0, 1, 0, 0, 0, 0]);
    const a = bestSeparableApproximation(W);
    expect(Array.from(a.singularValues[0])).toEqual([3, 1]);
    expect(Array.from(a.depthwise.data)).toEqual([3, 0, 0, 0]);
    expect(Array.from(a.pointwise.data)).toEqual([1, 0]);
    expect(a.relativeError).toBeCloseTo(1 / Math.sqrt(10), 14);
  });

  it('of [[1,0],[0,1],[0,0],[0,0]] (σ₁ = σ₂ = 1): error √(1/2), no stall on the tie', () => {
    const a = bestSeparableApproximation(convKernel(2, 1, 2, [1, 0, 0, 1, 0, 0, 0, 0]));
    expect(a.relativeError).toBeCloseTo(Math.SQRT1_2, 12);
  });

  it('of a negated slice: pw is signed so that Σₙ pw[m,n] ≥ 0 and dw carries the sign', () => {
    const a = bestSeparableApproximation(convKernel(1, 1, 2, [-3, -4]));
    expect(a.pointwise.data[0]).toBeCloseTo(0.6, 14);
    expect(a.pointwise.data[1]).toBeCloseTo(0.8, 14);
    expect(a.depthwise.data[0]).toBeCloseTo(-5, 13);
    expect(a.relativeError).toBeLessThan(1e-15);
  });

  it('of the zero kernel: error 0 and a zero approximation', () => {
    const a = bestSeparableApproximation(convKernel(3, 2, 2));
    expect(a.relativeError).toBe(0);
    expect(a.kernel.data.every((v) => v === 0)).toBe(true);
  });

  it('of a random kernel: 0 < error ≤ 1, error² = Σ σₖ²(k ≥ 2) / ‖W‖², and no other dw·pw is closer (property)', () => {
    fc.assert(
      fc.property(problem, ({ p, w, dw, pw }) => {
        const W = convKernel(p.k, p.m, p.n, w);
        const norm2 = w.reduce((s, v) => s + v * v, 0);
        fc.pre(norm2 > 0);
        const a = bestSeparableApproximation(W);
        expect(a.relativeError).toBeLessThanOrEqual(1 + 1e-12);
        const tail = a.singularValues.reduce((s, sv) => s + sv.slice(1).reduce((t, x) => t + x * x, 0), 0);
        expect(a.relativeError ** 2).toBeCloseTo(tail / norm2, 9);
        // Any other candidate dw·pw (here the random one, at its best overall scale) is no closer.
        const C = factorableKernel(depthwiseKernel(p.k, p.m, dw), pointwiseKernel(p.m, p.n, pw)).data;
        const dot = C.reduce((s, c, i) => s + c * w[i], 0);
        const cc = C.reduce((s, c) => s + c * c, 0);
        const scale = cc > 0 ? dot / cc : 0;
        const candidate = C.reduce((s, c, i) => s + (w[i] - scale * c) ** 2, 0);
        expect(a.relativeError ** 2 * norm2).toBeLessThanOrEqual(candidate + 1e-9);
      }),
      { numRuns: 80 },
    );
  });

  it('of a generic 3×3×2×4 kernel the error is strictly positive (a separable layer cannot express it)', () => {
    const w = Array.from({ length: 72 }, (_, i) => ((i * 37) % 11) - 5);
    expect(bestSeparableApproximation(convKernel(3, 2, 4, w)).relativeError).toBeGreaterThan(0.1);
  });
});

describe('convStepsExample', () => {
  it('convStepsExample(seed): 5×5×3 input in 0..4, 3×3×3 depthwise in −1..2, 3→2 pointwise in −1..2', () => {
    const ex = convStepsExample(1);
    const check = (m: FeatureMap | { data: Float64Array }, lo: number, hi: number) =>
      m.data.every((v) => Number.isInteger(v) && v >= lo && v <= hi);
    expect(ex.input).toMatchObject({ height: 5, width: 5, channels: 3 });
    expect(ex.input.data).toHaveLength(75);
    expect(check(ex.input, 0, 4)).toBe(true);
    expect(ex.depthwise).toMatchObject({ size: 3, channels: 3 });
    expect(check(ex.depthwise, -1, 2)).toBe(true);
    expect(ex.pointwise).toMatchObject({ inChannels: 3, outChannels: 2 });
    expect(check(ex.pointwise, -1, 2)).toBe(true);
    // All five input values show up in 75 draws (the chance of missing one is 5·(4/5)⁷⁵ ≈ 3e-7).
    expect(new Set(ex.input.data).size).toBe(5);
  });

  it('convStepsExample is reproducible per seed and differs between seeds', () => {
    expect(Array.from(convStepsExample(2).input.data)).toEqual(Array.from(convStepsExample(2).input.data));
    expect(Array.from(convStepsExample(2).input.data)).not.toEqual(Array.from(convStepsExample(3).input.data));
  });

  it('convStepsExample feeds the reference conv: 5×5 → 3×3 depthwise (valid) → 3×3×2 pointwise', () => {
    const ex = convStepsExample(4, { size: 5 });
    const r = separableConv2d(ex.input, ex.depthwise, ex.pointwise);
    expect(r.depthwise.output).toMatchObject({ height: 3, width: 3, channels: 3 });
    expect(r.pointwise.output).toMatchObject({ height: 3, width: 3, channels: 2 });
    expect(values(conv2d(ex.input, factorableKernel(ex.depthwise, ex.pointwise)))).toEqual(values(r.pointwise));
  });
});

describe('convStepsStandardExample', () => {
  it('convStepsStandardExample(seed): the separable example’s input and a 3×3×3×2 kernel in −1..2, seeded', () => {
    const ex = convStepsStandardExample(1);
    expect(ex.input.data).toEqual(convStepsExample(1).input.data);
    expect(ex.kernel).toMatchObject({ size: 3, inChannels: 3, outChannels: 2 });
    expect(ex.kernel.data).toHaveLength(54);
    expect(ex.kernel.data.every((v) => Number.isInteger(v) && v >= -1 && v <= 2)).toBe(true);
    expect(convStepsStandardExample(1).kernel.data).toEqual(ex.kernel.data);
    expect(convStepsStandardExample(2).kernel.data).not.toEqual(ex.kernel.data);
  });
  it('its output at (0, 0) for output 1 is the sum over three channels of nine products (conv2d, valid)', () => {
    const { input, kernel } = convStepsStandardExample(3);
    const r = conv2d(input, kernel);
    let expected = 0;
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) for (let m = 0; m < 3; m++) expected += input.data[(i * 5 + j) * 3 + m] * kernel.data[((i * 3 + j) * 3 + m) * 2];
    expect(r.output.data[0]).toBe(expected);
    expect(r.output).toMatchObject({ height: 3, width: 3, channels: 2 });
  });
});
