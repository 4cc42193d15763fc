/**
 * MobileNet V1 and V2 built with tf.layers (random weights) in the Keras structure, for the
 * "Real model" live block and for the Vitest cross-check of the cost model against a real
 * framework's countParams(). The tfjs namespace is passed in (only types are imported here), so
 * this module never loads TensorFlow.js by itself. Layer widths come from the same tables as
 * `src/lib/architectures.ts`; the layer shapes, and so the counts, are tfjs's own.
 * The caller owns the returned model and must call `model.dispose()`.
 */
import type * as tfjs from '@tensorflow/tfjs';
import {
  mobilenetV2Widths,
  V1_STEM,
  V1_TABLE,
  V2_STEM,
  v2BlockPlan,
  type MobileNetOptions,
  type V2Rounding,
} from '../architectures';
import { invertedResidualLayers, shortcutRule } from '../blocks';
import { assertPositiveInt } from '../cost';
import { CostError } from '../errors';

/** The TensorFlow.js namespace (`import('@tensorflow/tfjs')`), passed in by the caller. */
export type TF = typeof tfjs;
type SymbolicTensor = tfjs.SymbolicTensor;

function resolve(opts: MobileNetOptions): { alpha: number; resolution: number; classes: number } {
  const alpha = opts.alpha ?? 1;
  const resolution = opts.resolution ?? 224;
  const classes = opts.classes ?? 1000;
  if (!Number.isFinite(alpha) || alpha <= 0) {
    throw new CostError('invalid-alpha', `The width multiplier α must be a positive number, got ${String(alpha)}.`, 'alpha');
  }
  assertPositiveInt(resolution, 'resolution');
  assertPositiveInt(classes, 'classes');
  return { alpha, resolution, classes };
}

/** Conv (no bias) → BatchNorm → ReLU6 (ReLU6 omitted when `linear`), as Keras applications do. */
function convBnRelu(
  tf: TF,
  x: SymbolicTensor,
  layer: tfjs.layers.Layer,
  name: string,
  linear = false,
): SymbolicTensor {
  let y = layer.apply(x) as SymbolicTensor;
  y = tf.layers.batchNormalization({ name: `${name}_bn`, epsilon: 1e-3, momentum: 0.99 }).apply(y) as SymbolicTensor;
  if (!linear) y = tf.layers.reLU({ maxValue: 6, name: `${name}_relu` }).apply(y) as SymbolicTensor;
  return y;
}

/**
 * MobileNet V1 (Howard et al. 2017, Table 1) as keras.applications.MobileNet: conv 3×3/2 + BN +
 * ReLU6, 13 × (depthwise 3×3 + BN + ReLU6, pointwise 1×1 + BN + ReLU6), global average pool,
 * dense with bias and softmax. Channels ⌊c·α⌋; 'same' padding. countParams() = paper params + 4·BN.
 */
export function buildMobileNetV1(tf: TF, opts: MobileNetOptions = {}): tfjs.LayersModel {
  const { alpha, resolution, classes } = resolve(opts);
  const width = (c: number) => {
    const w = Math.floor(c * alpha);
    if (w < 1) throw new CostError('invalid-alpha', `α = ${alpha} leaves a layer of ${c} channels with none.`, 'alpha');
    return w;
  };
  const input = tf.input({ shape: [resolution, resolution, 3], name: 'input' });
  let x = convBnRelu(
    tf,
    input,
    tf.layers.conv2d({
      filters: width(V1_STEM.filters),
      kernelSize: V1_STEM.k,
      strides: V1_STEM.stride,
      padding: 'same',
      useBias: false,
      name: 'conv1',
    }),
    'conv1',
  );
  V1_TABLE.forEach(([filters, stride], i) => {
    const id = i + 1;
    x = convBnRelu(
      tf,
      x,
      tf.layers.depthwiseConv2d({ kernelSize: 3, strides: stride, padding: 'same', useBias: false, name: `conv_dw_${id}` }),
      `conv_dw_${id}`,
    );
    x = convBnRelu(
      tf,
      x,
      tf.layers.conv2d({ filters: width(filters), kernelSize: 1, padding: 'same', useBias: false, name: `conv_pw_${id}` }),
      `conv_pw_${id}`,
    );
  });
  x = tf.layers.globalAveragePooling2d({ name: 'global_average_pooling' }).apply(x) as SymbolicTensor;
  const output = tf.layers.dense({ units: classes, activation: 'softmax', name: 'predictions' }).apply(x) as SymbolicTensor;
  return tf.model({ inputs: input, outputs: output, name: `mobilenet_v1_${alpha}_${resolution}` });
}

/**
 * MobileNet V2 (Sandler et al. 2018, Table 2) as keras.applications.MobileNetV2: conv 3×3/2,
 * 17 inverted residual blocks (expand 1×1 + BN + ReLU6 unless t = 1, depthwise 3×3 + BN +
 * ReLU6, linear project 1×1 + BN, identity add when stride 1 and cin = cout), conv 1×1 to 1280
 * (1280·α rounded when α > 1) + BN + ReLU6, global average pool, dense with bias.
 */
export function buildMobileNetV2(tf: TF, opts: MobileNetOptions & { rounding?: V2Rounding } = {}): tfjs.LayersModel {
  const { alpha, resolution, classes } = resolve(opts);
  const widths = mobilenetV2Widths(alpha, opts.rounding ?? 'keras');
  const input = tf.input({ shape: [resolution, resolution, 3], name: 'input' });
  let x = convBnRelu(
    tf,
    input,
    tf.layers.conv2d({
      filters: widths.stem,
      kernelSize: V2_STEM.k,
      strides: V2_STEM.stride,
      padding: 'same',
      useBias: false,
      name: 'Conv1',
    }),
    'Conv1',
  );
  // The blocks as the cost model runs them (v2BlockPlan), each block's layers as src/lib/blocks.ts
  // composes them (Sandler et al. 2018, Table 1).
  for (const b of v2BlockPlan(widths)) {
    const blockInput = x;
    let y = x;
    for (const l of invertedResidualLayers(b)) {
      const name = `${b.prefix}_${l.role}`;
      const layer =
        l.kind === 'depthwise'
          ? tf.layers.depthwiseConv2d({ kernelSize: l.k, strides: l.stride, padding: 'same', useBias: false, name })
          : tf.layers.conv2d({ filters: l.cout, kernelSize: 1, padding: 'same', useBias: false, name });
      y = convBnRelu(tf, y, layer, name, l.activation === 'linear');
    }
    if (shortcutRule(b).identity) y = tf.layers.add({ name: `${b.prefix}_add` }).apply([blockInput, y]) as SymbolicTensor;
    x = y;
  }
  x = convBnRelu(
    tf,
    x,
    tf.layers.conv2d({ filters: widths.head, kernelSize: 1, padding: 'same', useBias: false, name: 'Conv_1' }),
    'Conv_1',
  );
  x = tf.layers.globalAveragePooling2d({ name: 'global_average_pooling' }).apply(x) as SymbolicTensor;
  const output = tf.layers.dense({ units: classes, activation: 'softmax', name: 'Logits' }).apply(x) as SymbolicTensor;
  return tf.model({ inputs: input, outputs: output, name: `mobilenet_v2_${alpha}_${resolution}` });
}

/** A model's parameter counts as Keras reports them (total = trainable + non-trainable). */
export interface ModelCounts {
  total: number;
  trainable: number;
  nonTrainable: number;
}

/** countParams() and its trainable / non-trainable split (BN moving mean and variance are non-trainable). */
export function modelCounts(model: tfjs.LayersModel): ModelCounts {
  const size = (ws: tfjs.LayerVariable[]) =>
    ws.reduce((s, w) => s + w.shape.reduce<number>((p, d) => p * (d ?? 1), 1), 0);
  return { total: model.countParams(), trainable: size(model.trainableWeights), nonTrainable: size(model.nonTrainableWeights) };
}

/** Build a model, read its counts, dispose it: no tensor outlives the call. */
export function countModelParams(
  tf: TF,
  which: 'mobilenet-v1' | 'mobilenet-v2',
  opts: MobileNetOptions & { rounding?: V2Rounding } = {},
): ModelCounts {
  const model = which === 'mobilenet-v1' ? buildMobileNetV1(tf, opts) : buildMobileNetV2(tf, opts);
  try {
    return modelCounts(model);
  } finally {
    model.dispose();
  }
}
