/**
 * The linear-bottleneck experiment (MobileNet V2, Section 3.2 and Figure 6a: a ReLU after the
 * narrow layer of a block destroys information when the layer is about as narrow as the
 * manifold it carries; the paper keeps the last 1×1 of each block linear).
 *
 * Task: points of a 2-D spiral, embedded in D = 16 dimensions by a fixed random matrix, are
 * regressed back to their 2-D coordinates by an hourglass MLP
 *   16 → 64 (ReLU) → k (bottleneck: ReLU or linear) → 64 (ReLU) → 2,   k = 2 by default,
 * trained with Adam on mean squared error. The two variants start from the same seeded weights
 * and see the same data; only the bottleneck's activation differs. With k equal to the
 * manifold's dimension, a ReLU bottleneck must map the spiral into the positive quadrant to keep
 * it, and whatever lands outside is flattened onto an axis and cannot be recovered.
 *
 * tfjs-core alone registers no gradients (toolchain notes §4.2), so trainBottleneck imports
 * them, dynamically, the first time it runs; importing this module itself loads no tfjs, and a
 * page may import BOTTLENECK_DEFAULTS at build time. It takes the tfjs namespace as an argument
 * so the page can pass the instance loadTf returned.
 */
import type { Scalar, Tensor2D, Variable } from '@tensorflow/tfjs-core';
import { spiral } from '../manifold';
import { gaussianMatrix } from '../random';
import { retryable } from '../lazy';
import type { Tf } from './load';
import type { Cancellable } from './conv-bench';

/** Activation after the bottleneck layer: the paper's point is that it should be linear. */
export type BottleneckActivation = 'relu' | 'linear';

/** Options of one training run. */
export interface BottleneckOptions {
  /** The bottleneck's activation (default 'relu'). */
  readonly activation?: BottleneckActivation;
  /** Width k of the bottleneck (default 2, the spiral's own dimension). */
  readonly bottleneck?: number;
  /** Width of the two expanded layers (default 64). */
  readonly hidden?: number;
  /** Dimension D the spiral is embedded in (default 16). */
  readonly inputDim?: number;
  /** Number of spiral points, the training set (default 64). */
  readonly points?: number;
  /** Full-batch Adam steps (default 200). */
  readonly epochs?: number;
  /** Adam learning rate (default 0.02). */
  readonly learningRate?: number;
  /** Seed of the weights; the embedding matrix has its own fixed seed (default 1). */
  readonly seed?: number;
  /** Called after every epoch with the epoch (1-based) and its training loss. */
  readonly onEpoch?: (epoch: number, loss: number) => void;
  /** Checked every epoch; when set, training stops and returns what it has. */
  readonly signal?: Cancellable;
  /** Yield to the event loop (tf.nextFrame) every this many epochs, so a page stays responsive (default 10). */
  readonly yieldEvery?: number;
}

/** What one training run produced. */
export interface BottleneckResult {
  readonly activation: BottleneckActivation;
  /** Training loss (mean squared error) after each epoch. */
  readonly losses: Float32Array;
  /** Loss of the trained network on the whole training set; NaN if aborted before epoch 1. */
  readonly finalLoss: number;
  /** The network's 2-D output for each spiral point, interleaved (P×2), after training. */
  readonly predictions: Float32Array;
  /** The spiral targets, interleaved (P×2). */
  readonly targets: Float32Array;
  /** Epochs actually run. */
  readonly epochs: number;
  /** True when the signal stopped training early. */
  readonly aborted: boolean;
}

/**
 * Defaults of trainBottleneck, for pages to show: chosen so that, on the cpu backend, both variants
 * train in about a second each, and the ReLU bottleneck ends worse in 20 of 20 seeds tried.
 */
export const BOTTLENECK_DEFAULTS = {
  bottleneck: 2,
  hidden: 64,
  inputDim: 16,
  points: 64,
  epochs: 200,
  learningRate: 0.02,
} as const;

/** Seed of the fixed 16×2 embedding matrix: the data set does not change with the weight seed. */
export const EMBEDDING_SEED = 2018;

/**
 * bottleneckData({ points, inputDim }): the spiral (radius 1) as targets y ∈ ℝ² and its
 * embedding x = E·y ∈ ℝ^D with a fixed Gaussian E scaled by 1/√2, so each xᵢ has about the
 * variance of y.
 */
export function bottleneckData({ points = BOTTLENECK_DEFAULTS.points, inputDim = BOTTLENECK_DEFAULTS.inputDim }: { points?: number; inputDim?: number } = {}): {
  inputs: Float32Array;
  targets: Float32Array;
} {
  const y = spiral({ points, radius: 1 }).points;
  const E = gaussianMatrix(inputDim, 2, EMBEDDING_SEED, Math.SQRT1_2);
  const x = new Float32Array(points * inputDim);
  for (let k = 0; k < points; k++) {
    for (let i = 0; i < inputDim; i++) x[k * inputDim + i] = E[2 * i] * y[2 * k] + E[2 * i + 1] * y[2 * k + 1];
  }
  return { inputs: x, targets: Float32Array.from(y) };
}

/**
 * trainBottleneck(tf, { activation, bottleneck: k, epochs, seed, onEpoch, signal }): trains the
 * 16 → 64 → k → 64 → 2 network with Adam and reports the loss per epoch. Weights are He-normal
 * from the seeded generator (N(0, 2/fan_in)), biases 0. Leaves no tensors behind.
 */
export async function trainBottleneck(tf: Tf, options: BottleneckOptions = {}): Promise<BottleneckResult> {
  const {
    activation = 'relu',
    bottleneck = BOTTLENECK_DEFAULTS.bottleneck,
    hidden = BOTTLENECK_DEFAULTS.hidden,
    inputDim = BOTTLENECK_DEFAULTS.inputDim,
    points = BOTTLENECK_DEFAULTS.points,
    epochs = BOTTLENECK_DEFAULTS.epochs,
    learningRate = BOTTLENECK_DEFAULTS.learningRate,
    seed = 1,
    onEpoch,
    signal,
    yieldEvery = 10,
  } = options;
  if (activation !== 'relu' && activation !== 'linear') throw new RangeError(`activation must be 'relu' or 'linear', got ${String(activation)}`);
  for (const [name, v] of [
    ['bottleneck', bottleneck],
    ['hidden', hidden],
    ['inputDim', inputDim],
    ['points', points],
    ['yieldEvery', yieldEvery],
  ] as const) {
    if (!Number.isInteger(v) || v < 1) throw new RangeError(`${name} must be a positive integer, got ${v}`);
  }
  if (!Number.isInteger(epochs) || epochs < 0) throw new RangeError(`epochs must be a non-negative integer, got ${epochs}`);
  if (!(learningRate > 0)) throw new RangeError(`learningRate must be positive, got ${learningRate}`);
  await registerGradients();

  const { inputs, targets } = bottleneckData({ points, inputDim });
  const widths = [inputDim, hidden, bottleneck, hidden, 2];
  const X = tf.tensor2d(inputs, [points, inputDim]);
  const Y = tf.tensor2d(targets, [points, 2]);
  const params: Variable[] = [];
  for (let l = 0; l < 4; l++) {
    const [fanIn, fanOut] = [widths[l], widths[l + 1]];
    const w = gaussianMatrix(fanIn, fanOut, seed * 16 + l, Math.sqrt(2 / fanIn));
    // tf.variable copies its initial value, which is then ours to dispose.
    const [w0, b0] = [tf.tensor2d(Float32Array.from(w), [fanIn, fanOut]), tf.zeros([1, fanOut])];
    params.push(tf.variable(w0, true), tf.variable(b0, true));
    tf.dispose([w0, b0]);
  }
  const forward = (x: Tensor2D): Tensor2D => {
    let h = x;
    for (let l = 0; l < 4; l++) {
      h = tf.add(tf.matMul(h, params[2 * l] as Tensor2D), params[2 * l + 1]);
      // ReLU after the two expansions; after the bottleneck only in the 'relu' variant.
      if (l === 0 || l === 2 || (l === 1 && activation === 'relu')) h = tf.relu(h);
    }
    return h;
  };
  const lossOf = (): Scalar => tf.mean(tf.square(tf.sub(forward(X), Y)));
  const optimizer = tf.train.adam(learningRate);
  const losses: number[] = [];
  let aborted = false;
  try {
    for (let e = 1; e <= epochs; e++) {
      if (signal?.aborted) {
        aborted = true;
        break;
      }
      const loss = optimizer.minimize(lossOf, true, params);
      // minimize(returnCost = true) always returns the cost.
      const value = (await loss!.data())[0];
      loss!.dispose();
      losses.push(value);
      onEpoch?.(e, value);
      if (e % yieldEvery === 0) await tf.nextFrame();
    }
    const final = tf.tidy(() => {
      const out = forward(X);
      return [out, tf.mean(tf.square(tf.sub(out, Y)))];
    });
    const [predictions, finalLoss] = await Promise.all(final.map((t) => t.data()));
    tf.dispose(final);
    return {
      activation,
      losses: Float32Array.from(losses),
      finalLoss: losses.length > 0 ? finalLoss[0] : Number.NaN,
      predictions: predictions as Float32Array,
      targets,
      epochs: losses.length,
      aborted,
    };
  } finally {
    optimizer.dispose();
    tf.dispose([X, Y, ...params]);
  }
}

/** Both variants trained from the same weights, and the gap between them. */
export interface BottleneckComparison {
  readonly relu: BottleneckResult;
  readonly linear: BottleneckResult;
  /** relu.finalLoss / linear.finalLoss: above 1 means the ReLU bottleneck lost information. */
  readonly lossRatio: number;
}

/**
 * compareBottlenecks(tf, options): trainBottleneck with a ReLU and with a linear bottleneck,
 * same seed and data; `onEpoch` gets the variant as a third argument.
 */
export async function compareBottlenecks(
  tf: Tf,
  options: Omit<BottleneckOptions, 'activation' | 'onEpoch'> & {
    onEpoch?: (epoch: number, loss: number, activation: BottleneckActivation) => void;
  } = {},
): Promise<BottleneckComparison> {
  const { onEpoch, ...rest } = options;
  const relu = await trainBottleneck(tf, { ...rest, activation: 'relu', onEpoch: onEpoch && ((e, l) => onEpoch(e, l, 'relu')) });
  const linear = await trainBottleneck(tf, { ...rest, activation: 'linear', onEpoch: onEpoch && ((e, l) => onEpoch(e, l, 'linear')) });
  return { relu, linear, lossRatio: relu.finalLoss / linear.finalLoss };
}

/** Registers tfjs-core's gradient functions once (idempotent: the registry is global); a failed fetch is tried again. */
const registerGradients = retryable(() => import('@tensorflow/tfjs-core/dist/register_all_gradients'), { firstDelayMs: 0 });
