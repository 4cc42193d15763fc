/**
 * The "standard vs separable" live block: times tf.conv2d against tf.depthwiseConv2d followed by
 * a 1×1 tf.conv2d on the reader's sizes, and checks in tfjs that a factorable kernel gives the
 * same output (MobileNet V1, Section 3.1: depthwise separable convolution factorises a standard
 * convolution into a depthwise and a 1×1 pointwise convolution).
 *
 * Every function takes the tfjs namespace as its first argument (the page passes the instance
 * from loadTf; tests pass tfjs-core on the cpu backend), uses the functional API only (core
 * alone registers no chained ops), wraps op chains in tf.tidy and disposes what escapes.
 * Timing uses an injected clock, so tests are deterministic and the browser passes
 * `() => performance.now()`.
 */
import type { Rank, Tensor, Tensor4D } from '@tensorflow/tfjs-core';
import {
  bestSeparableApproximation,
  conv2d as referenceConv2d,
  convKernel,
  depthwiseConv2d as referenceDepthwise,
  depthwiseKernel,
  factorableKernel,
  featureMap,
  pointwiseConv2d as referencePointwise,
  pointwiseKernel,
} from '../conv-reference';
import { outputSize } from '../cost';
import { gaussianMatrix, randomInts, randomUniforms } from '../random';
import { compareOutputs, type OutputComparison } from '../float32';
import type { Tf } from './load';

/** Sizes of one layer: input D_F×D_F×M, kernel D_K×D_K, N output channels. */
export interface ConvSizes {
  /** D_F, the input's height and width. */
  readonly featureSize: number;
  /** D_K. */
  readonly kernelSize: number;
  /** M. */
  readonly inChannels: number;
  /** N. */
  readonly outChannels: number;
  /** s (default 1). */
  readonly stride?: number;
  /** Default 'same', as in MobileNet. */
  readonly padding?: 'same' | 'valid';
}

/** Something that can be cancelled: an AbortSignal, or any `{ aborted }` flag. */
export interface Cancellable {
  readonly aborted: boolean;
}

/** Largest tensor (elements) the benchmark will allocate: 2²⁴ floats = 64 MiB. */
export const MAX_BENCH_ELEMENTS = 2 ** 24;

/** Options of benchConv. */
export interface BenchOptions {
  /** The clock in milliseconds; the browser passes `() => performance.now()`. */
  readonly now: () => number;
  /** Seed of the random input and kernels (default 1). */
  readonly seed?: number;
  /** Untimed runs of each variant first, to compile shaders and fill caches (default 1). */
  readonly warmup?: number;
  /** Timed runs of each variant; the median is reported (default 5). */
  readonly repeats?: number;
  /** Checked between runs; when set, benchConv stops and reports what it has. */
  readonly signal?: Cancellable;
}

/** Measured times (median of the repeats) and the measured speed-up. */
export interface BenchResult {
  /** Median time of tf.conv2d with the D_K×D_K×M×N kernel, ms. */
  readonly standardMs: number;
  /** Median time of tf.depthwiseConv2d then the 1×1 tf.conv2d, ms. */
  readonly separableMs: number;
  /** standardMs / separableMs; NaN when the clock could not resolve the separable run (0 ms). */
  readonly measuredSpeedup: number;
  /** tf.getBackend() during the runs. */
  readonly backend: string;
  /** Each timed run, in order, ms. */
  readonly standardRuns: readonly number[];
  readonly separableRuns: readonly number[];
  /** True when the signal stopped the benchmark before all repeats ran. */
  readonly aborted: boolean;
}

/**
 * benchConv(tf, sizes, { now, seed, warmup, repeats }): standard vs depthwise separable
 * convolution on a seeded D_F×D_F×M input. Per repeat, `now` is called exactly four times:
 * before and after the standard run, then before and after the separable run; each run ends
 * with `await data()`, so the time includes the device finishing its work. Warm-up runs are not
 * timed and do not call `now`.
 */
export async function benchConv(tf: Tf, sizes: ConvSizes, options: BenchOptions): Promise<BenchResult> {
  const s = resolveSizes(sizes);
  const { now, seed = 1, warmup = 1, repeats = 5, signal } = options;
  if (!Number.isInteger(warmup) || warmup < 0) throw new RangeError(`warmup must be a non-negative integer, got ${warmup}`);
  if (!Number.isInteger(repeats) || repeats < 1) throw new RangeError(`repeats must be a positive integer, got ${repeats}`);
  const { featureSize: F, kernelSize: K, inChannels: M, outChannels: N, stride, padding } = s;
  const outSize = outputSize(F, K, stride, padding);
  const largest = Math.max(F * F * M, K * K * M * N, outSize * outSize * Math.max(M, N));
  if (largest > MAX_BENCH_ELEMENTS) {
    throw new RangeError(`benchConv: a tensor of ${largest} elements is above the limit of ${MAX_BENCH_ELEMENTS}`);
  }
  // Different seeds for each tensor, derived from one: the same seed always gives the same data.
  const x = tf.tensor4d(randomUniforms(F * F * M, -1, 1, seed), [1, F, F, M]);
  const w = tf.tensor4d(randomUniforms(K * K * M * N, -1, 1, seed + 1), [K, K, M, N]);
  const dw = tf.tensor4d(randomUniforms(K * K * M, -1, 1, seed + 2), [K, K, M, 1]);
  const pw = tf.tensor4d(randomUniforms(M * N, -1, 1, seed + 3), [1, 1, M, N]);
  const standard = () => tf.tidy(() => tf.conv2d(x, w, stride, padding));
  const separable = () => tf.tidy(() => tf.conv2d(tf.depthwiseConv2d(x, dw, stride, padding), pw, 1, 'valid'));
  const standardRuns: number[] = [];
  const separableRuns: number[] = [];
  let aborted = false;
  try {
    for (let i = 0; i < warmup; i++) {
      await settle(standard());
      await settle(separable());
    }
    for (let r = 0; r < repeats; r++) {
      if (signal?.aborted) {
        aborted = true;
        break;
      }
      standardRuns.push(await timed(now, standard));
      separableRuns.push(await timed(now, separable));
    }
  } finally {
    tf.dispose([x, w, dw, pw]);
  }
  const standardMs = median(standardRuns);
  const separableMs = median(separableRuns);
  return {
    standardMs,
    separableMs,
    measuredSpeedup: separableMs > 0 ? standardMs / separableMs : Number.NaN,
    backend: tf.getBackend(),
    standardRuns,
    separableRuns,
    aborted,
  };
}

/**
 * The output of the standard and the separable layer with a factorable kernel, compared with
 * each other and with the exact output (see compareOutputs). Both come back from tfjs as float32;
 * their difference is computed exactly in float64.
 */
export interface EquivalenceResult extends OutputComparison {
  /** [height, width, N] of the output. */
  readonly outputShape: readonly [number, number, number];
  readonly backend: string;
}

/**
 * checkFactorableEquivalence(tf, sizes, seed): builds integer dw (−1..2) and pw (−1..2), the
 * standard kernel W[i,j,m,n] = dw[i,j,m]·pw[m,n] (factorableKernel), and an integer input
 * (0..4); runs tf.conv2d(x, W) and tf.depthwiseConv2d + 1×1 tf.conv2d, and compares both with
 * each other and with the exact output (the float64 reference convolution; every value is an
 * integer below 2²⁴, so float32 holds it exactly). On the cpu backend both are exact. The WebGL
 * backend's packed convolutions start each sum at 1e-15 and subtract it at the end (tfjs-backend-
 * webgl 4.22, conv_packed_gpu.js); a sum that passes through larger values and returns to 0 keeps
 * −1e-15, so outputs that should be 0 can differ by about 2e-15 there while all others agree.
 */
export async function checkFactorableEquivalence(tf: Tf, sizes: ConvSizes, seed = 1): Promise<EquivalenceResult> {
  const s = resolveSizes(sizes);
  const { featureSize: F, kernelSize: K, inChannels: M, outChannels: N, stride, padding } = s;
  checkSmall(s);
  const d = depthwiseKernel(K, M, randomInts(K * K * M, -1, 2, seed + 2));
  const p = pointwiseKernel(M, N, randomInts(M * N, -1, 2, seed + 3));
  const W = factorableKernel(d, p);
  const input = randomInts(F * F * M, 0, 4, seed);
  const [standard, separable] = tf.tidy(() => {
    const x = tf.tensor4d(Float32Array.from(input), [1, F, F, M]);
    return [
      tf.conv2d(x, tf.tensor4d(Float32Array.from(W.data), [K, K, M, N]), stride, padding),
      tf.conv2d(
        tf.depthwiseConv2d(x, tf.tensor4d(Float32Array.from(d.data), [K, K, M, 1]), stride, padding),
        tf.tensor4d(Float32Array.from(p.data), [1, 1, M, N]),
        1,
        'valid',
      ),
    ] as Tensor4D[];
  });
  try {
    const [a, b] = await Promise.all([standard.data(), separable.data()]);
    const exact = referenceConv2d(featureMap(F, F, M, input), W, { stride, padding, withTerms: false }).output.data;
    return {
      ...compareOutputs(a, b, exact),
      outputShape: [standard.shape[1], standard.shape[2], standard.shape[3]],
      backend: tf.getBackend(),
    };
  } finally {
    tf.dispose([standard, separable]);
  }
}

/** How well a separable layer can stand in for a general standard one. */
export interface ApproximationResult {
  /** ‖W − Ŵ‖_F / ‖W‖_F for the best Ŵ = dw ⊗ pw (bestSeparableApproximation). */
  readonly kernelRelativeError: number;
  /** ‖conv(x, W) − pointwise(depthwise(x))‖ / ‖conv(x, W)‖ on a seeded input. */
  readonly outputRelativeError: number;
  /** The backend that ran the convolutions, or 'reference' for the float64 reference. */
  readonly backend: string;
}

/**
 * separableApproximationError(tf | null, sizes, seed): draws a Gaussian D_K×D_K×M×N kernel W,
 * takes its best separable approximation dw[i,j,m]·pw[m,n], and compares the two layers'
 * outputs on a seeded input, in tfjs or (tf = null) with the float64 reference convolution.
 */
export async function separableApproximationError(tf: Tf | null, sizes: ConvSizes, seed = 1): Promise<ApproximationResult> {
  const s = resolveSizes(sizes);
  const { featureSize: F, kernelSize: K, inChannels: M, outChannels: N, stride, padding } = s;
  checkSmall(s);
  const W = convKernel(K, M, N, gaussianMatrix(K * K * M, N, seed + 1));
  const approx = bestSeparableApproximation(W);
  const input = featureMap(F, F, M, gaussianMatrix(F * F, M, seed));
  let a: ArrayLike<number>;
  let b: ArrayLike<number>;
  if (tf === null) {
    const options = { stride, padding, withTerms: false } as const;
    a = referenceConv2d(input, W, options).output.data;
    b = referencePointwise(referenceDepthwise(input, approx.depthwise, options).output, approx.pointwise, { withTerms: false }).output.data;
  } else {
    const [standard, separable] = tf.tidy(() => {
      const x = tf.tensor4d(Float32Array.from(input.data), [1, F, F, M]);
      return [
        tf.conv2d(x, tf.tensor4d(Float32Array.from(W.data), [K, K, M, N]), stride, padding),
        tf.conv2d(
          tf.depthwiseConv2d(x, tf.tensor4d(Float32Array.from(approx.depthwise.data), [K, K, M, 1]), stride, padding),
          tf.tensor4d(Float32Array.from(approx.pointwise.data), [1, 1, M, N]),
          1,
          'valid',
        ),
      ] as Tensor<Rank.R4>[];
    });
    try {
      [a, b] = await Promise.all([standard.data(), separable.data()]);
    } finally {
      tf.dispose([standard, separable]);
    }
  }
  let diff = 0;
  let norm = 0;
  for (let i = 0; i < a.length; i++) {
    diff += (a[i] - b[i]) ** 2;
    norm += a[i] ** 2;
  }
  return {
    kernelRelativeError: approx.relativeError,
    outputRelativeError: norm > 0 ? Math.sqrt(diff / norm) : 0,
    backend: tf === null ? 'reference' : tf.getBackend(),
  };
}

/** median(xs): the middle value, the mean of the two middle values for an even count, NaN if empty. */
export function median(xs: readonly number[]): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((p, q) => p - q);
  const h = s.length >> 1;
  return s.length % 2 === 1 ? s[h] : (s[h - 1] + s[h]) / 2;
}

function resolveSizes(sizes: ConvSizes): Required<ConvSizes> {
  const { featureSize, kernelSize, inChannels, outChannels, stride = 1, padding = 'same' } = sizes;
  for (const [name, v] of [
    ['featureSize', featureSize],
    ['kernelSize', kernelSize],
    ['inChannels', inChannels],
    ['outChannels', outChannels],
    ['stride', stride],
  ] as const) {
    if (!Number.isInteger(v) || v < 1) throw new RangeError(`${name} must be a positive integer, got ${v}`);
  }
  if (padding !== 'same' && padding !== 'valid') throw new RangeError(`padding must be 'same' or 'valid', got ${String(padding)}`);
  if (padding === 'valid' && kernelSize > featureSize) {
    throw new RangeError(`a ${kernelSize}×${kernelSize} kernel does not fit a ${featureSize}×${featureSize} input with 'valid' padding`);
  }
  return { featureSize, kernelSize, inChannels, outChannels, stride, padding };
}

/** The checks build kernels in float64 in plain loops: keep them to teaching sizes. */
function checkSmall(s: Required<ConvSizes>): void {
  const n = Math.max(s.featureSize ** 2 * s.inChannels, s.kernelSize ** 2 * s.inChannels * s.outChannels);
  if (n > 2 ** 20) throw new RangeError(`sizes too large for the equivalence check (${n} elements, limit ${2 ** 20})`);
}

async function timed(now: () => number, run: () => Tensor): Promise<number> {
  const t0 = now();
  await settle(run());
  return now() - t0;
}

/** Waits for a tensor's values (forcing the backend to finish) and disposes it. */
async function settle(t: Tensor): Promise<void> {
  try {
    await t.data();
  } finally {
    t.dispose();
  }
}
