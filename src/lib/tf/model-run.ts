/**
 * Build MobileNet V1 with tf.layers (random weights) and time its forward pass: what the live
 * "Real model" block runs. DOM-free; the caller passes tfjs, the clock, a cancel flag and what to
 * do between layers. Timing follows the tfjs-examples habit: one untimed warm-up (shader
 * compilation, buffer allocation), then the median of a few timed runs, each ending with
 * `await data()` so the time includes the device finishing its work.
 *
 * A pass runs one layer at a time (forwardInSteps) rather than through model.predict: the page
 * can handle Cancel between two layers instead of after a whole pass, and predict's graph cache
 * (tfjs-layers keeps the last 100 models' sorted graphs) would keep every disposed model alive.
 */
import type * as tfjs from '@tensorflow/tfjs';
import { frameworkCounts, mobilenetV1, type MobileNetOptions } from '../architectures';
import { randomUniforms } from '../random';
import { median, type Cancellable } from './conv-bench';
import { forgetLayersNames, loadLayersNames, releaseBackendMemory, type LayersNames } from './load';
import { buildMobileNetV1, modelCounts, type ModelCounts, type TF } from './models';

/** Options of forwardInSteps. */
export interface StepOptions {
  /** Checked after every layer: when set, the pass stops and nothing is returned. */
  readonly signal?: Cancellable;
  /** Awaited after every layer (the browser yields to the page there). */
  readonly between?: () => void | Promise<void>;
}

/**
 * forwardInSteps(tf, model, x, { signal, between }): model.predict(x) one layer at a time, for a
 * model whose layers form a chain (MobileNet V1). Each intermediate tensor is disposed once the
 * next layer has read it. Resolves the output (the caller disposes it), or undefined when
 * cancelled, with every intermediate disposed either way.
 */
export async function forwardInSteps(tf: TF, model: tfjs.LayersModel, x: tfjs.Tensor, options: StepOptions = {}): Promise<tfjs.Tensor | undefined> {
  const layers = model.layers.slice(1);
  layers.forEach((layer, i) => {
    const from = layer.inboundNodes[0]?.inboundLayers ?? [];
    if (layer.inboundNodes.length !== 1 || from.length !== 1 || from[0] !== model.layers[i]) {
      throw new Error(`forwardInSteps needs a chain of layers; ${layer.name} does not read only the layer before it.`);
    }
  });
  let y = x;
  try {
    for (const layer of layers) {
      const input = y;
      y = tf.tidy(() => layer.apply(input, { training: false }) as tfjs.Tensor);
      if (input !== x) input.dispose();
      if (options.signal?.aborted) break;
      await options.between?.();
      if (options.signal?.aborted) break;
    }
  } catch (e) {
    if (y !== x) y.dispose();
    throw e;
  }
  if (options.signal?.aborted) {
    if (y !== x) y.dispose();
    return undefined;
  }
  return y;
}

/** Options of runMobileNetV1. */
export interface ModelRunOptions extends MobileNetOptions {
  /** The clock in milliseconds (the browser passes `() => performance.now()`). */
  readonly now: () => number;
  /** Untimed forward passes first (default 1). */
  readonly warmup?: number;
  /** Timed forward passes; the median is reported (default 3). */
  readonly repeats?: number;
  /** Seed of the random input image (default 1). */
  readonly seed?: number;
  /** Checked after every layer; when set, the run stops and reports what it has. */
  readonly signal?: Cancellable;
  /**
   * Awaited after every layer (the browser yields to the page there, so Cancel takes effect within
   * a layer's time). Time spent in it is not counted in a pass.
   */
  readonly between?: () => void | Promise<void>;
  /**
   * Called once the model is built (done = 0) and after each pass (e.g. to update a progress
   * line); awaited, so it can yield to the page.
   */
  readonly onPass?: (done: number, total: number) => void | Promise<void>;
  /** After the timed passes, run one more pass layer by layer and time each costed layer (default false). */
  readonly perLayer?: boolean;
  /** How to load tfjs-layers' record of names, emptied after the model is disposed (default: the bundled module). */
  readonly layersNames?: () => Promise<LayersNames>;
}

/** The measured time of one costed layer (its convolution, BatchNorm and ReLU6 together). */
export interface LayerTime {
  /** The cost model's layer name (`conv1`, `conv_dw_1`, … `conv_preds`), or `pool` for the global average pool. */
  readonly name: string;
  readonly ms: number;
}

/** What one run measured. */
export interface ModelRunResult {
  /** countParams() and its trainable / non-trainable split. */
  readonly counts: ModelCounts;
  /** The site's own count for the same α and resolution (paper convention; Keras adds 4 per BN channel). */
  readonly expectedKeras: number;
  /** Time to build the model (layers and random weights), ms. */
  readonly buildMs: number;
  /** Each timed forward pass, ms. */
  readonly runs: readonly number[];
  /** Median of `runs` (NaN when cancelled before any timed pass). */
  readonly medianMs: number;
  /** Output shape of the forward pass, [1, classes]. */
  readonly outputShape: readonly number[];
  /** Sum of the softmax output (≈ 1: a sanity check that the pass ran). */
  readonly outputSum: number;
  readonly backend: string;
  readonly aborted: boolean;
  /** With `perLayer`: one pass, layer by layer, in network order (empty otherwise or when cancelled). */
  readonly layers: readonly LayerTime[];
}

/**
 * The cost model's name for a tf.layers layer of buildMobileNetV1: a convolution's BatchNorm and
 * ReLU6 count with it (`conv_dw_3_bn` → `conv_dw_3`), the dense layer is `conv_preds` (Keras' name
 * for the 1×1 classifier), the pool is `pool`.
 */
export function costedLayerName(tfName: string): string {
  if (tfName === 'predictions') return 'conv_preds';
  if (tfName === 'global_average_pooling') return 'pool';
  return tfName.replace(/_(bn|relu)$/, '');
}

/**
 * timeLayers(tf, model, x, now): runs a chain model one layer at a time on x, reading each output
 * back before the clock stops (so a GPU's time counts), and sums the times of the layers that share
 * a costed name. Every intermediate tensor is disposed; x is not.
 */
export async function timeLayers(tf: TF, model: tfjs.LayersModel, x: tfjs.Tensor, now: () => number): Promise<LayerTime[]> {
  const out: { name: string; ms: number }[] = [];
  let h: tfjs.Tensor = x;
  try {
    for (const layer of model.layers) {
      if (layer.getClassName() === 'InputLayer') continue;
      const start = now();
      // tidy: what a layer makes on the way (BatchNorm's intermediates) goes with it.
      const y = tf.tidy(() => layer.apply(h) as tfjs.Tensor);
      await y.data();
      const ms = now() - start;
      if (h !== x) h.dispose();
      h = y;
      const name = costedLayerName(layer.name);
      const last = out[out.length - 1];
      if (last && last.name === name) last.ms += ms;
      else out.push({ name, ms });
    }
  } finally {
    if (h !== x) h.dispose();
  }
  return out;
}

/**
 * runMobileNetV1(tf, { alpha, resolution, now, warmup, repeats, seed, signal }): builds the
 * model, counts its parameters, runs warm-up and timed forward passes on a seeded random
 * 1×res×res×3 image, and disposes everything it made (no tensor outlives the call, and the names
 * tfjs-layers gave the model's tensors and weights are forgotten).
 */
export async function runMobileNetV1(tf: TF, options: ModelRunOptions): Promise<ModelRunResult> {
  const { now, warmup = 1, repeats = 3, seed = 1, signal, onPass, perLayer = false } = options;
  let paused = 0;
  const between =
    options.between &&
    (async () => {
      const t = now();
      await options.between?.();
      paused += now() - t;
    });
  if (!Number.isInteger(warmup) || warmup < 0) throw new RangeError(`warmup must be a non-negative integer, got ${warmup}`);
  if (!Number.isInteger(repeats) || repeats < 1) throw new RangeError(`repeats must be a positive integer, got ${repeats}`);
  const arch = mobilenetV1(options);
  const expectedKeras = frameworkCounts(arch).keras.total;
  const r = arch.resolution;
  const t0 = now();
  const model = buildMobileNetV1(tf, options);
  const buildMs = now() - t0;
  const x = tf.tensor4d(randomUniforms(r * r * 3, 0, 1, seed), [1, r, r, 3]);
  const runs: number[] = [];
  let outputShape: number[] = [];
  let outputSum = Number.NaN;
  let aborted = false;
  /** One forward pass; false when it was cancelled part-way. */
  const pass = async (): Promise<boolean> => {
    const y = await forwardInSteps(tf, model, x, { signal, between });
    if (!y) return false;
    try {
      const data = await y.data();
      outputShape = y.shape;
      let s = 0;
      for (const v of data) s += v;
      outputSum = s;
    } finally {
      y.dispose();
    }
    return true;
  };
  const total = warmup + repeats;
  const backend = tf.getBackend();
  try {
    await onPass?.(0, total);
    for (let i = 0; i < total; i++) {
      if (signal?.aborted) {
        aborted = true;
        break;
      }
      paused = 0;
      const start = now();
      const done = await pass();
      const ms = now() - start - paused;
      if (!done) {
        aborted = true;
        break;
      }
      if (i >= warmup) runs.push(ms);
      await onPass?.(i + 1, total);
    }
    const layers = perLayer && !aborted && !signal?.aborted ? await timeLayers(tf, model, x, now) : [];
    return {
      counts: modelCounts(model),
      expectedKeras,
      buildMs,
      runs,
      medianMs: median(runs),
      outputShape,
      outputSum,
      backend,
      aborted,
      layers,
    };
  } finally {
    x.dispose();
    model.dispose();
    // The textures the passes used stay in WebGL's pool after dispose; give them back.
    releaseBackendMemory(tf);
    // And the ~220 names the model's tensors and weights were given (kept by tfjs-layers for good).
    forgetLayersNames(tf, await (options.layersNames ?? loadLayersNames)().catch((): LayersNames => ({})));
  }
}

/**
 * Whether a setting is too heavy for the cpu backend. Measured in headless Chromium on a
 * 2-core machine, a cpu forward pass takes about 10 ms per million mult-adds (α 1, 224: about
 * 5 s), and the block runs four passes. Above `CPU_WARN_MACS` (≈ 3 s a pass) the block warns
 * and offers Cancel; above `CPU_MAX_MACS` (≈ 25 s a pass) it refuses to run on cpu.
 */
export const CPU_WARN_MACS = 300e6;
export const CPU_MAX_MACS = 2.5e9;
export function cpuGuard(multAdds: number): 'ok' | 'slow' | 'refuse' {
  if (multAdds > CPU_MAX_MACS) return 'refuse';
  if (multAdds > CPU_WARN_MACS) return 'slow';
  return 'ok';
}
