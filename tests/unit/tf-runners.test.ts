import fc from 'fast-check';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { describe, expect, it } from 'vitest';
import {
  conv2d,
  convKernel,
  depthwiseConv2d,
  depthwiseKernel,
  featureMap,
} from '../../src/lib/conv-reference';
import { reluRoundTrip, type Activation, type Inverse } from '../../src/lib/manifold';
import {
  benchConv,
  checkFactorableEquivalence,
  MAX_BENCH_ELEMENTS,
  median,
  separableApproximationError,
} from '../../src/lib/tf/conv-bench';
import { loadTf, selectBackend, TfUnavailableError } from '../../src/lib/tf/load';
import { reluRoundTripTf } from '../../src/lib/tf/manifold-tf';
import { convProblem } from './support/conv-problem';
import { useCpuBackend } from './support/tf-cpu';

useCpuBackend(tf);

/** Runs `f` and checks that it leaves tf.memory().numTensors as it found it. */
async function noLeak<T>(f: () => Promise<T>): Promise<T> {
  const before = tf.memory().numTensors;
  const out = await f();
  expect(tf.memory().numTensors).toBe(before);
  return out;
}

describe('loadTf', () => {
  it("loadTf({ preferred: ['cpu'] }) resolves tfjs-core on the cpu backend with no failures", async () => {
    const loaded = await loadTf({ preferred: ['cpu'] });
    expect(loaded.backend).toBe('cpu');
    expect(loaded.failed).toEqual([]);
    expect(loaded.tf.getBackend()).toBe('cpu');
    // The same engine the tests use: tensors made through either namespace are counted once.
    expect(loaded.tf.engine()).toBe(tf.engine());
  });

  it('loadTf() in Node: webgl is tried first, fails with a reason, and cpu runs', async () => {
    const loaded = await loadTf();
    expect(loaded.backend).toBe('cpu');
    expect(loaded.failed).toHaveLength(1);
    expect(loaded.failed[0].backend).toBe('webgl');
    // tfjs-backend-webgl registers itself only in a browser (isBrowser()).
    expect(loaded.failed[0].reason.code).toBe('init-error');
    expect(loaded.failed[0].reason).toMatchObject({ detail: expect.stringMatching(/webgl/i) });
  });

  it("loadTf({ preferred: ['wasm', 'cpu'] }) reports wasm as not bundled and falls back to cpu", async () => {
    const loaded = await loadTf({ preferred: ['wasm', 'cpu'] });
    expect(loaded.backend).toBe('cpu');
    expect(loaded.failed).toEqual([{ backend: 'wasm', reason: { code: 'not-bundled' } }]);
  });

  it('selectBackend: a backend whose initialisation fails (setBackend → false) is reported and skipped', async () => {
    try {
      const loaded = await selectBackend(tf, {
        preferred: ['wasm', 'cpu'],
        importers: {
          wasm: async () => {
            tf.registerBackend('wasm', () => {
              throw new Error('no WebAssembly SIMD');
            });
          },
        },
      });
      expect(loaded.backend).toBe('cpu');
      expect(loaded.failed).toEqual([{ backend: 'wasm', reason: { code: 'no-init' } }]);
    } finally {
      tf.removeBackend('wasm');
    }
  });

  it('loadTf rejects with TfUnavailableError listing every failure when no backend runs', async () => {
    const error = await loadTf({ preferred: ['wasm'], importers: { wasm: () => Promise.reject(new Error('offline')) } }).catch((e) => e);
    expect(error).toBeInstanceOf(TfUnavailableError);
    expect(error.failed).toEqual([{ backend: 'wasm', reason: { code: 'not-loaded', detail: 'offline' } }]);
    expect(error.message).toContain('wasm (not-loaded: offline)');
    const none = await loadTf({ preferred: [] }).catch((e) => e);
    expect(none).toBeInstanceOf(TfUnavailableError);
    expect(none.message).toContain('no backend was requested');
    expect(tf.getBackend()).toBe('cpu');
  });
});

describe('reference convolution agrees with tfjs', () => {
  const problem = convProblem({ maxSize: 6 });

  it('conv2d and depthwiseConv2d equal tf.conv2d / tf.depthwiseConv2d exactly (HWC/HWIO, TF padding) (property)', () => {
    fc.assert(
      fc.property(problem, ({ p, f, w }) => {
        const F = featureMap(p.size, p.size, p.m, f);
        const K = convKernel(p.k, p.m, p.n, w);
        const D = depthwiseKernel(p.k, p.m, w.slice(0, p.k * p.k * p.m));
        const [standard, depthwise] = tf.tidy(() => {
          const x = tf.tensor4d(f, [1, p.size, p.size, p.m]);
          return [
            Array.from(tf.conv2d(x, tf.tensor4d(w, [p.k, p.k, p.m, p.n]), p.stride, p.padding).dataSync()),
            Array.from(tf.depthwiseConv2d(x, tf.tensor4d(Array.from(D.data), [p.k, p.k, p.m, 1]), p.stride, p.padding).dataSync()),
          ];
        });
        expect(Array.from(conv2d(F, K, { ...p, withTerms: false }).output.data)).toEqual(standard);
        expect(Array.from(depthwiseConv2d(F, D, { ...p, withTerms: false }).output.data)).toEqual(depthwise);
      }),
      { numRuns: 60 },
    );
  });
});

describe('benchConv', () => {
  const sizes = { featureSize: 8, kernelSize: 3, inChannels: 4, outChannels: 8 };

  it('benchConv(tf, sizes, { now }) reports the medians of the injected clock: 5 / 1.5 = 3.33×', async () => {
    // Per repeat: standard start, end, separable start, end. Standard runs 5, 3, 9 ms; separable 1, 2, 1.5 ms.
    const ticks = [0, 5, 5, 6, 6, 9, 9, 11, 11, 20, 20, 21.5];
    let calls = 0;
    const now = () => ticks[calls++];
    const r = await noLeak(() => benchConv(tf, sizes, { now, repeats: 3, warmup: 2, seed: 4 }));
    expect(calls).toBe(12);
    expect(r.standardRuns).toEqual([5, 3, 9]);
    expect(r.separableRuns).toEqual([1, 2, 1.5]);
    expect(r.standardMs).toBe(5);
    expect(r.separableMs).toBe(1.5);
    expect(r.measuredSpeedup).toBeCloseTo(10 / 3, 12);
    expect(r.backend).toBe('cpu');
    expect(r.aborted).toBe(false);
  });

  it('benchConv: a clock that cannot resolve the separable run gives measuredSpeedup NaN, not Infinity', async () => {
    const r = await noLeak(() => benchConv(tf, sizes, { now: () => 7, repeats: 2 }));
    expect(r.standardMs).toBe(0);
    expect(Number.isNaN(r.measuredSpeedup)).toBe(true);
  });

  it('benchConv stops between repeats when the signal is aborted and frees its tensors', async () => {
    const signal = { aborted: false };
    let calls = 0;
    const now = () => {
      calls++;
      if (calls === 4) signal.aborted = true; // end of the first repeat
      return calls;
    };
    const r = await noLeak(() => benchConv(tf, sizes, { now, repeats: 5, signal }));
    expect(r.aborted).toBe(true);
    expect(r.standardRuns).toHaveLength(1);
    expect(r.separableRuns).toHaveLength(1);
  });

  it('benchConv with performance.now measures positive times on real work', async () => {
    const r = await noLeak(() => benchConv(tf, { featureSize: 16, kernelSize: 3, inChannels: 8, outChannels: 16 }, { now: () => performance.now(), repeats: 3 }));
    expect(r.standardMs).toBeGreaterThan(0);
    expect(Number.isFinite(r.measuredSpeedup)).toBe(true);
  });

  it('benchConv rejects repeats 0, negative warm-up, oversized tensors and a kernel larger than a valid input', async () => {
    const now = () => 0;
    await expect(benchConv(tf, sizes, { now, repeats: 0 })).rejects.toThrow(RangeError);
    await expect(benchConv(tf, sizes, { now, warmup: -1 })).rejects.toThrow(RangeError);
    await expect(benchConv(tf, { ...sizes, featureSize: 4097, inChannels: 1 }, { now })).rejects.toThrow(String(MAX_BENCH_ELEMENTS));
    await expect(benchConv(tf, { ...sizes, featureSize: 2, padding: 'valid' }, { now })).rejects.toThrow(/does not fit/);
    await expect(benchConv(tf, { ...sizes, inChannels: 0 }, { now })).rejects.toThrow(/inChannels/);
  });
});

describe('median', () => {
  it('median([3, 1, 2]) = 2, median([4, 1, 3, 2]) = 2.5, median([]) = NaN', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(Number.isNaN(median([]))).toBe(true);
  });
});

describe('checkFactorableEquivalence', () => {
  it('conv2d with W = dw·pw equals depthwise + pointwise exactly on cpu (integers are exact in float32)', async () => {
    for (const sizes of [
      { featureSize: 5, kernelSize: 3, inChannels: 3, outChannels: 2 },
      { featureSize: 7, kernelSize: 3, inChannels: 8, outChannels: 16, stride: 2 },
      { featureSize: 6, kernelSize: 5, inChannels: 4, outChannels: 3, padding: 'valid' as const },
    ]) {
      const r = await noLeak(() => checkFactorableEquivalence(tf, sizes, 3));
      expect(r.maxAbsDifference).toBe(0);
      expect(r.differing).toBe(0);
      // Both equal the exact (float64 reference) output, not just each other.
      expect(r.maxErrorVsExact).toBe(0);
      expect(r.maxAbsOutput).toBeGreaterThan(0);
      expect(r.outputs).toBe(r.outputShape[0] * r.outputShape[1] * r.outputShape[2]);
      expect(r.backend).toBe('cpu');
    }
  });

  it('checkFactorableEquivalence reports the output shape: 7×7, stride 2, same → 4×4×N', async () => {
    const r = await checkFactorableEquivalence(tf, { featureSize: 7, kernelSize: 3, inChannels: 2, outChannels: 5, stride: 2 });
    expect(r.outputShape).toEqual([4, 4, 5]);
    await expect(checkFactorableEquivalence(tf, { featureSize: 2048, kernelSize: 3, inChannels: 1, outChannels: 1 })).rejects.toThrow(/too large/);
  });
});

describe('separableApproximationError', () => {
  it('separableApproximationError: tfjs and the float64 reference agree; a random kernel is not separable', async () => {
    const sizes = { featureSize: 6, kernelSize: 3, inChannels: 3, outChannels: 4 };
    const ref = await separableApproximationError(null, sizes, 5);
    const live = await noLeak(() => separableApproximationError(tf, sizes, 5));
    expect(ref.backend).toBe('reference');
    expect(live.backend).toBe('cpu');
    expect(live.kernelRelativeError).toBe(ref.kernelRelativeError);
    expect(Math.abs(live.outputRelativeError - ref.outputRelativeError)).toBeLessThan(1e-5);
    expect(ref.kernelRelativeError).toBeGreaterThan(0.1);
    expect(ref.kernelRelativeError).toBeLessThan(1);
    expect(ref.outputRelativeError).toBeGreaterThan(0);
  });

  it('separableApproximationError with D_K = 1: a 1×1 kernel is always dw·pw, so both errors are ≈ 0', async () => {
    // W[0,0,m,n] = 1·W[0,0,m,n]: per m the slice is 1×N, rank 1.
    const r = await separableApproximationError(tf, { featureSize: 4, kernelSize: 1, inChannels: 3, outChannels: 5 }, 2);
    expect(r.kernelRelativeError).toBeLessThan(1e-12);
    expect(r.outputRelativeError).toBeLessThan(1e-5);
  });
});

describe('reluRoundTripTf', () => {
  const cases: [number, Activation, Inverse][] = [];
  for (const dim of [2, 3, 5, 15, 30, 64]) {
    for (const activation of ['relu', 'relu6', 'linear'] as const) {
      for (const inverse of ['pinv', 'active'] as const) cases.push([dim, activation, inverse]);
    }
  }

  it('reluRoundTripTf matches reluRoundTrip within float32 tolerance for n = 2…64, every σ and inverse', async () => {
    for (const [dim, activation, inverse] of cases) {
      const options = { dim, activation, inverse, seed: 3, points: 500 };
      const pure = reluRoundTrip(options);
      const live = await noLeak(() => reluRoundTripTf(tf, options));
      expect(live.input).toEqual(pure.input);
      expect(live.reconstructed).toBeInstanceOf(Float64Array);
      let worst = 0;
      for (let i = 0; i < pure.reconstructed.length; i++) worst = Math.max(worst, Math.abs(live.reconstructed[i] - pure.reconstructed[i]));
      expect(worst, `${dim} ${activation} ${inverse}`).toBeLessThan(1e-3);
      expect(Math.abs(live.error - pure.error), `${dim} ${activation} ${inverse}`).toBeLessThan(1e-4 * (1 + pure.error));
      expect(Math.abs(live.activeFraction - pure.activeFraction)).toBeLessThan(1e-3);
      // Which points are lost is decided once, in float64: the same points in both.
      expect(live.lost).toEqual(pure.lost);
      expect(live.lostFraction).toBe(pure.lostFraction);
    }
  });

  it('reluRoundTripTf: the linear round trip is exact to float32 (error < 1e-8)', async () => {
    const r = await reluRoundTripTf(tf, { dim: 30, activation: 'linear' });
    expect(r.error).toBeLessThan(1e-8);
  });

  it('reluRoundTripTf rejects a dim outside 2..64 before touching tfjs', async () => {
    await expect(noLeak(() => reluRoundTripTf(tf, { dim: 1 }))).rejects.toThrow(/dim/);
  });
});
