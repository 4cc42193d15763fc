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
 * them, dynamically, the first time it runs; importing this module itself loads no tfjs. The
 * data and the defaults are in src/lib/bottleneck.ts, which pages may import without this module. It takes the tfjs namespace as an argument
 * so the page can pass the instance loadTf returned.
 */
import type { Scalar, Tensor2D, Variable } from '@tensorflow/tfjs-core';
import { BOTTLENECK_DEFAULTS, bottleneckData } from '../bottleneck';
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
  /**
   * Called every `snapshotEvery` epochs and after the last one with the network's 2-D output for
   * every point (P×2, interleaved), so a page can draw the spiral as it is being learnt.
   */
  readonly onSnapshot?: (epoch: number, predictions: Float32Array) => void;
  /** Epochs between snapshots (default 10). */
  readonly snapshotEvery?: number;
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

export { BOTTLENECK_DEFAULTS, EMBEDDING_SEED, bottleneckData } from '../bottleneck';

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
    onSnapshot,
    snapshotEvery = 10,
  } = options;
  if (activation !== 'relu' && activation !== 'linear') throw new RangeError(`activation must be 'relu' or 'linear', got ${String(activation)}`);
  for (const [name, v] of [
    ['bottleneck', bottleneck],
    ['hidden', hidden],
    ['inputDim', inputDim],
    ['points', points],
    ['yieldEvery', yieldEvery],
    ['snapshotEvery', snapshotEvery],
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
      if (onSnapshot && (e % snapshotEvery === 0 || e === epochs)) {
        const out = tf.tidy(() => forward(X));
        const predictions = (await out.data()) as Float32Array;
        out.dispose();
        onSnapshot(e, predictions);
      }
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
 * same seed and data; `onEpoch` and `onSnapshot` get the variant as a third argument.
 */
export async function compareBottlenecks(
  tf: Tf,
  options: Omit<BottleneckOptions, 'activation' | 'onEpoch' | 'onSnapshot'> & {
    onEpoch?: (epoch: number, loss: number, activation: BottleneckActivation) => void;
    onSnapshot?: (epoch: number, predictions: Float32Array, activation: BottleneckActivation) => void;
  } = {},
): Promise<BottleneckComparison> {
  const { onEpoch, onSnapshot, ...rest } = options;
  const run = (activation: BottleneckActivation) =>
    trainBottleneck(tf, {
      ...rest,
      activation,
      onEpoch: onEpoch && ((e, l) => onEpoch(e, l, activation)),
      onSnapshot: onSnapshot && ((e, p) => onSnapshot(e, p, activation)),
    });
  const relu = await run('relu');
  const linear = await run('linear');
  return { relu, linear, lossRatio: relu.finalLoss / linear.finalLoss };
}

/** Registers tfjs-core's gradient functions once (idempotent: the registry is global); a failed fetch is tried again. */
const registerGradients = retryable(() => import('@tensorflow/tfjs-core/dist/register_all_gradients'), { firstDelayMs: 0 });
