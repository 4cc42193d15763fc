/**
 * MobileNet V1, MobileNet V2 and Xception as data: each network is a table transcribed from its
 * paper (table number beside it), and one walker turns the table into layers whose costs come
 * from `convCost`. Conventions: mult-adds count conv and FC weights only;
 * `params` is weights + FC bias (the papers' count); BN is reported as `bnChannels`, and
 * `frameworkCounts` shows how Keras and PyTorch totals arise from it.
 */
import { assertPositiveInt, convCost, toSafeNumber, type ConvCost, type ConvSpec } from './cost';
import { invertedResidualLayers, shortcutRule } from './blocks';
import { CostError } from './errors';

/** Layer kinds in an architecture table. */
export type LayerKind = 'conv' | 'depthwise' | 'pointwise' | 'fc' | 'separable';

/** One costed layer of a network (square feature maps). */
export interface ArchLayer {
  /** Keras layer name (e.g. 'conv_pw_1', 'block_3_expand', 'block2_sepconv1'). */
  name: string;
  kind: LayerKind;
  /** Weights + bias (only the FC layer has a bias in these networks). */
  params: number;
  /** Weights only. */
  weights: number;
  /** Mult-adds over the weights (no bias, no BN). */
  multAdds: number;
  /** D_K. */
  k: number;
  stride: number;
  cin: number;
  cout: number;
  /** Input and output feature-map size (height = width). */
  inH: number;
  outH: number;
  /** Activation elements read and written (inH²·M, outH²·N), for memory figures. */
  inputElements: number;
  outputElements: number;
  /** Channels of the BatchNorm after this layer (0 when none: the FC layer). */
  bnChannels: number;
  /** Index of the bottleneck block (V2) or module (Xception) the layer belongs to. */
  block?: number;
  /** What the layer does inside its block. */
  role?: 'stem' | 'expand' | 'depthwise' | 'project' | 'pointwise' | 'shortcut' | 'head' | 'classifier';
  /** The convCost this layer came from. */
  cost: ConvCost;
}

/** A MobileNet V2 bottleneck block (Sandler et al. 2018, Table 1). */
export interface BottleneckBlock {
  index: number;
  /** Expansion factor t. */
  t: number;
  cin: number;
  /** Expanded width t·cin (the depthwise layer's channels). */
  hidden: number;
  cout: number;
  stride: number;
  inH: number;
  outH: number;
  /** Identity shortcut: only when stride = 1 and cin = cout (paper §3.3, Figure 4). */
  shortcut: boolean;
  params: number;
  multAdds: number;
}

/** A network's layers and totals. */
export interface Architecture {
  name: 'mobilenet-v1' | 'mobilenet-v2' | 'xception';
  alpha: number;
  resolution: number;
  classes: number;
  layers: ArchLayer[];
  /** Σ weights + FC bias: the papers' parameter count. */
  params: number;
  /** Σ weights (no bias). */
  weights: number;
  /** Σ mult-adds. */
  multAdds: number;
  /** Σ channels of all BatchNorm layers. */
  bnChannels: number;
  /** Number of BatchNorm layers (PyTorch keeps one num_batches_tracked buffer each). */
  bnLayers: number;
  /** V2 only: the 17 bottleneck blocks. */
  blocks?: BottleneckBlock[];
}

/** Options shared by the MobileNets. */
export interface MobileNetOptions {
  /** Width multiplier α (> 0). Default 1. */
  alpha?: number;
  /** Input resolution (square). Default 224. */
  resolution?: number;
  /** Classifier outputs. Default 1000. */
  classes?: number;
}

/** Which reference implementation's V2 channel rounding to follow. */
export type V2Rounding = 'keras' | 'torchvision';

function checkOptions(alpha: number, resolution: number, classes: number): void {
  if (typeof alpha !== 'number' || !Number.isFinite(alpha) || alpha <= 0) {
    throw new CostError('invalid-alpha', `The width multiplier α must be a positive number, got ${String(alpha)}.`, 'alpha');
  }
  assertPositiveInt(resolution, 'resolution');
  assertPositiveInt(classes, 'classes');
}

function layerFrom(
  name: string,
  kind: LayerKind,
  spec: ConvSpec,
  extra: Pick<ArchLayer, 'bnChannels'> & Partial<Pick<ArchLayer, 'block' | 'role'>>,
): ArchLayer {
  const cost = convCost(spec);
  const layer: ArchLayer = {
    name,
    kind,
    params: cost.params,
    weights: cost.paramsNoBias,
    multAdds: cost.multAdds,
    k: cost.k,
    stride: cost.stride,
    cin: cost.cin,
    cout: cost.cout,
    inH: cost.inH,
    outH: cost.outH,
    inputElements: cost.inputElements,
    outputElements: cost.outputElements,
    bnChannels: extra.bnChannels,
    cost,
  };
  if (extra.block !== undefined) layer.block = extra.block;
  if (extra.role !== undefined) layer.role = extra.role;
  return layer;
}

/** Global average pooling then a dense layer with bias: weights M·classes, mult-adds M·classes. */
function classifier(name: string, cin: number, classes: number): ArchLayer {
  return layerFrom(name, 'fc', { kind: 'pointwise', k: 1, cin, cout: classes, inH: 1, bias: true }, {
    bnChannels: 0,
    role: 'classifier',
  });
}

function totals(
  name: Architecture['name'],
  alpha: number,
  resolution: number,
  classes: number,
  layers: ArchLayer[],
): Architecture {
  let params = 0n;
  let weights = 0n;
  let macs = 0n;
  let bn = 0n;
  let bnLayers = 0;
  for (const l of layers) {
    params += BigInt(l.params);
    weights += BigInt(l.weights);
    macs += BigInt(l.multAdds);
    bn += BigInt(l.bnChannels);
    if (l.bnChannels > 0) bnLayers += 1;
  }
  return {
    name,
    alpha,
    resolution,
    classes,
    layers,
    params: toSafeNumber(params, 'parameter count'),
    weights: toSafeNumber(weights, 'parameter count'),
    multAdds: toSafeNumber(macs, 'mult-add count'),
    bnChannels: toSafeNumber(bn, 'BN channel count'),
    bnLayers,
  };
}

// ---------------------------------------------------------------------------------------------
// MobileNet V1 — Howard et al. 2017, arXiv:1704.04861, Table 1 "MobileNet Body Architecture".
// Rows after the first conv are (filters of the pointwise conv, stride of the depthwise conv).
// Table 1 prints the 13th depthwise layer ("Conv dw / s2" on 7×7×1024) with stride 2, but its
// output is listed as 7×7×1024 and the reference implementation (Keras) uses stride 1: we use 1
// (see PAPER_GAPS in paper-tables.ts).
/** MobileNet V1 first layer: Conv 3×3, 32 filters, stride 2 (Table 1, row 1). */
export const V1_STEM = { filters: 32, k: 3, stride: 2 } as const;
/** MobileNet V1 Table 1: the 13 depthwise separable layers as [pointwise filters, depthwise stride]. */
export const V1_TABLE: ReadonlyArray<readonly [filters: number, stride: number]> = [
  [64, 1],
  [128, 2],
  [128, 1],
  [256, 2],
  [256, 1],
  [512, 2],
  [512, 1], // 5 × (Conv dw/s1 3×3×512 + Conv/s1 1×1×512×512) on 14×14
  [512, 1],
  [512, 1],
  [512, 1],
  [512, 1],
  [1024, 2],
  [1024, 1], // Table 1 prints s2 here; the listed 7×7 output and Keras both mean s1
];

/** Options for MobileNet V1 beyond α, resolution and classes (paper Tables 4 and 5). */
export interface MobileNetV1Options extends MobileNetOptions {
  /** Drop the five separable 14×14×512 layers (paper Table 5 "Shallow MobileNet"). */
  shallow?: boolean;
  /** Replace each depthwise + pointwise pair by one standard 3×3 conv (paper Table 4 "Conv MobileNet"). */
  fullConv?: boolean;
}

/**
 * MobileNet V1 (Howard et al. 2017, Table 1): conv 3×3/2, 13 depthwise separable layers
 * (dw 3×3 + BN + ReLU, pw 1×1 + BN + ReLU), average pool, FC with bias: 28 costed layers.
 * Channels are ⌊c·α⌋ as Keras (`int(filters * alpha)`); spatial sizes use 'same' padding
 * (⌈D/s⌉). `shallow` removes the five 14×14×512 separable layers (Table 5); `fullConv` makes
 * every separable layer a standard 3×3 conv (Table 4).
 */
export function mobilenetV1(given: MobileNetV1Options = {}): Architecture {
  const options = given ?? {};
  const alpha = options.alpha ?? 1;
  const resolution = options.resolution ?? 224;
  const classes = options.classes ?? 1000;
  checkOptions(alpha, resolution, classes);
  const width = (c: number): number => {
    const w = Math.floor(c * alpha);
    if (w < 1) {
      throw new CostError('invalid-alpha', `α = ${alpha} leaves a layer of ${c} channels with none.`, 'alpha');
    }
    return w;
  };
  const rows = options.shallow ? V1_TABLE.filter((_, i) => i < 6 || i > 10) : V1_TABLE;
  const layers: ArchLayer[] = [];
  const stemOut = width(V1_STEM.filters);
  const stem = layerFrom(
    'conv1',
    'conv',
    { kind: 'standard', k: V1_STEM.k, cin: 3, cout: stemOut, inH: resolution, stride: V1_STEM.stride },
    { bnChannels: stemOut, role: 'stem' },
  );
  layers.push(stem);
  let size = stem.outH;
  let channels = stemOut;
  rows.forEach(([filters, stride], i) => {
    const id = i + 1;
    if (options.fullConv) {
      const out = width(filters);
      const conv = layerFrom(
        `conv_${id}`,
        'conv',
        { kind: 'standard', k: 3, cin: channels, cout: out, inH: size, stride },
        { bnChannels: out, block: id },
      );
      layers.push(conv);
      size = conv.outH;
      channels = out;
      return;
    }
    const dw = layerFrom(
      `conv_dw_${id}`,
      'depthwise',
      { kind: 'depthwise', k: 3, cin: channels, cout: channels, inH: size, stride },
      { bnChannels: channels, block: id, role: 'depthwise' },
    );
    const out = width(filters);
    const pw = layerFrom(
      `conv_pw_${id}`,
      'pointwise',
      { kind: 'pointwise', k: 1, cin: channels, cout: out, inH: dw.outH },
      { bnChannels: out, block: id, role: 'pointwise' },
    );
    layers.push(dw, pw);
    size = pw.outH;
    channels = out;
  });
  layers.push(classifier('conv_preds', channels, classes));
  return totals('mobilenet-v1', alpha, resolution, classes, layers);
}

// ---------------------------------------------------------------------------------------------
// MobileNet V2 — Sandler et al. 2018, arXiv:1801.04381, Table 2. Rows: (t, c, n, s): expansion,
// output channels, repeats, stride of the first repeat. Preceded by conv2d 3×3/2 with 32 filters
// and followed by conv2d 1×1 with 1280 filters, avgpool 7×7 and a 1×1 conv (FC) to k classes.
/** MobileNet V2 Table 2 bottleneck rows as { t, c, n, s }. */
export const V2_TABLE: ReadonlyArray<{ t: number; c: number; n: number; s: number }> = [
  { t: 1, c: 16, n: 1, s: 1 },
  { t: 6, c: 24, n: 2, s: 2 },
  { t: 6, c: 32, n: 3, s: 2 },
  { t: 6, c: 64, n: 4, s: 2 },
  { t: 6, c: 96, n: 3, s: 1 },
  { t: 6, c: 160, n: 3, s: 2 },
  { t: 6, c: 320, n: 1, s: 1 },
];
/** MobileNet V2 Table 2, first row: conv2d 3×3, 32 filters, stride 2. */
export const V2_STEM = { filters: 32, k: 3, stride: 2 } as const;
/** MobileNet V2 Table 2: the last conv2d 1×1 has 1280 filters (scaled only when α > 1). */
export const V2_HEAD_FILTERS = 1280;

/**
 * Round a channel count to a multiple of `divisor` (≥ divisor), never more than 10% below v:
 * max(8, ⌊(v + 4) / 8⌋·8), plus 8 if that is < 0.9·v (Keras/torchvision `_make_divisible`).
 */
export function makeDivisible(v: number, divisor = 8): number {
  if (!Number.isFinite(v) || v < 0) throw new CostError('invalid-size', `A channel count must be a number from 0, got ${String(v)}.`);
  assertPositiveInt(divisor, 'divisor');
  const rounded = Math.max(divisor, Math.floor(Math.trunc(v + divisor / 2) / divisor) * divisor);
  return rounded < 0.9 * v ? rounded + divisor : rounded;
}

/**
 * MobileNet V2 channel widths for α. 'keras': makeDivisible(⌊c·α⌋) for block outputs (Keras
 * `_make_divisible(int(filters * alpha), 8)`); 'torchvision': makeDivisible(c·α). Both round the
 * stem as makeDivisible(32·α) and keep the head at 1280 unless α > 1 (then makeDivisible(1280·α)),
 * following the paper (§6.1: the multiplier is not applied to the last conv for α < 1).
 */
export function mobilenetV2Widths(alpha: number, rounding: V2Rounding = 'keras'): { stem: number; blocks: number[]; head: number } {
  checkOptions(alpha, 1, 1);
  const block = (c: number) => (rounding === 'keras' ? makeDivisible(Math.floor(c * alpha)) : makeDivisible(c * alpha));
  return {
    stem: makeDivisible(V2_STEM.filters * alpha),
    blocks: V2_TABLE.map((row) => block(row.c)),
    head: alpha > 1 ? makeDivisible(V2_HEAD_FILTERS * alpha) : V2_HEAD_FILTERS,
  };
}

/** One inverted-residual block of MobileNet V2, in the order the network runs them. */
export interface V2BlockPlan {
  /** 0 to 16. */
  readonly index: number;
  /** Keras's name prefix for its layers: expanded_conv, then block_1 … block_16. */
  readonly prefix: string;
  readonly cin: number;
  readonly cout: number;
  /** Expansion factor t of its row. */
  readonly t: number;
  /** The row's stride s on its first repeat, 1 on the others. */
  readonly stride: number;
}

/**
 * The 17 blocks of MobileNet V2 for channel widths `widths` (mobilenetV2Widths): each row of
 * Sandler et al. 2018, Table 2, repeated n times ("The first layer of each sequence has a stride
 * s and all others use stride 1", its caption), each block reading the channels the one before wrote (the
 * stem's, for the first). The cost model and the TensorFlow.js model are both built from it.
 */
export function v2BlockPlan(widths: { readonly stem: number; readonly blocks: readonly number[] }): V2BlockPlan[] {
  if (widths?.blocks?.length !== V2_TABLE.length) throw new CostError('invalid-size', `MobileNet V2 has ${V2_TABLE.length} block widths, one per row of its Table 2.`);
  assertPositiveInt(widths.stem, 'stem width');
  widths.blocks.forEach((c) => assertPositiveInt(c, 'block width'));
  const plan: V2BlockPlan[] = [];
  let cin = widths.stem;
  V2_TABLE.forEach((row, r) => {
    const cout = widths.blocks[r];
    for (let i = 0; i < row.n; i++) {
      const index = plan.length;
      plan.push({ index, prefix: index === 0 ? 'expanded_conv' : `block_${index}`, cin, cout, t: row.t, stride: i === 0 ? row.s : 1 });
      cin = cout;
    }
  });
  return plan;
}

/** Options for MobileNet V2. */
export interface MobileNetV2Options extends MobileNetOptions {
  /** Channel rounding of the block outputs; default 'keras' (identical at the standard α values). */
  rounding?: V2Rounding;
}

/**
 * MobileNet V2 (Sandler et al. 2018, Table 2): conv 3×3/2, 17 inverted-residual bottlenecks
 * (expand 1×1 + BN + ReLU6 — omitted when t = 1 —, depthwise 3×3 + BN + ReLU6, linear project
 * 1×1 + BN), conv 1×1 to 1280 + BN + ReLU6, average pool, FC with bias. Hidden width t·cin.
 */
export function mobilenetV2(given: MobileNetV2Options = {}): Architecture {
  const options = given ?? {};
  const alpha = options.alpha ?? 1;
  const resolution = options.resolution ?? 224;
  const classes = options.classes ?? 1000;
  checkOptions(alpha, resolution, classes);
  const widths = mobilenetV2Widths(alpha, options.rounding ?? 'keras');
  const layers: ArchLayer[] = [];
  const blocks: BottleneckBlock[] = [];
  const stem = layerFrom(
    'Conv1',
    'conv',
    { kind: 'standard', k: V2_STEM.k, cin: 3, cout: widths.stem, inH: resolution, stride: V2_STEM.stride },
    { bnChannels: widths.stem, role: 'stem' },
  );
  layers.push(stem);
  let size = stem.outH;
  const plan = v2BlockPlan(widths);
  for (const b of plan) {
    const blockLayers: ArchLayer[] = [];
    let inH = size;
    for (const l of invertedResidualLayers(b)) {
      const costed = layerFrom(`${b.prefix}_${l.role}`, l.kind, { kind: l.kind, k: l.k, cin: l.cin, cout: l.cout, inH, stride: l.stride }, { bnChannels: l.cout, block: b.index, role: l.role });
      blockLayers.push(costed);
      inH = costed.outH;
    }
    const project = blockLayers[blockLayers.length - 1];
    const hidden = blockLayers.find((l) => l.role === 'depthwise')!.cin;
    layers.push(...blockLayers);
    blocks.push({
      index: b.index,
      t: b.t,
      cin: b.cin,
      hidden,
      cout: b.cout,
      stride: b.stride,
      inH: size,
      outH: project.outH,
      shortcut: shortcutRule(b).identity,
      params: blockLayers.reduce((s, l) => s + l.params, 0),
      multAdds: blockLayers.reduce((s, l) => s + l.multAdds, 0),
    });
    size = project.outH;
  }
  layers.push(
    layerFrom(
      'Conv_1',
      'pointwise',
      { kind: 'pointwise', k: 1, cin: plan[plan.length - 1].cout, cout: widths.head, inH: size },
      { bnChannels: widths.head, role: 'head' },
    ),
  );
  layers.push(classifier('Logits', widths.head, classes));
  return { ...totals('mobilenet-v2', alpha, resolution, classes, layers), blocks };
}

// ---------------------------------------------------------------------------------------------
// Xception — Chollet 2017, arXiv:1610.02357, Figure 5, as keras.applications.Xception builds it
// (default input 299×299). Every conv and SeparableConv2D has no bias and a BN after it; the
// entry-flow and exit-flow modules have a 1×1 stride-2 conv + BN on the residual path; max
// pooling 3×3/2 'same' ends each of those modules.
interface XceptionModule {
  /** Keras block number. */
  block: number;
  /** SeparableConv2D filters, in order. */
  separable: number[];
  /** Filters of the strided 1×1 residual projection; undefined for an identity shortcut. */
  shortcut?: number;
}
/** Xception Figure 5 after the two stem convs: entry flow (blocks 2–4), middle flow ×8, exit flow (13–14). */
export const XCEPTION_TABLE: readonly XceptionModule[] = [
  { block: 2, separable: [128, 128], shortcut: 128 },
  { block: 3, separable: [256, 256], shortcut: 256 },
  { block: 4, separable: [728, 728], shortcut: 728 },
  ...[5, 6, 7, 8, 9, 10, 11, 12].map((block) => ({ block, separable: [728, 728, 728] })),
  { block: 13, separable: [728, 1024], shortcut: 1024 },
  { block: 14, separable: [1536, 2048] },
];
/** Xception Figure 5 stem: Conv 32 3×3 stride 2, Conv 64 3×3, both 'valid' in Keras (299 → 149 → 147). */
export const XCEPTION_STEM: ReadonlyArray<{ filters: number; stride: number }> = [
  { filters: 32, stride: 2 },
  { filters: 64, stride: 1 },
];

/**
 * The smallest input Keras builds Xception for: width and height "no smaller than 71" (Keras
 * Applications, `Xception(input_shape=…)`); below it xception() still counts, but no library builds it.
 */
export const XCEPTION_MIN_RESOLUTION = 71;

/**
 * Xception as Keras builds it (Chollet 2017, Figure 5): 36 conv layers (2 convs + 34
 * SeparableConv2D, params D_K²·M + M·N, no bias) in 14 modules, 4 residual 1×1/2 projections
 * (kind 'pointwise'), global average pool, FC with bias. Default resolution 299.
 */
export function xception(given: { resolution?: number; classes?: number } = {}): Architecture {
  const options = given ?? {};
  const resolution = options.resolution ?? 299;
  const classes = options.classes ?? 1000;
  checkOptions(1, resolution, classes);
  const layers: ArchLayer[] = [];
  let size = resolution;
  let channels = 3;
  XCEPTION_STEM.forEach(({ filters, stride }, i) => {
    const l = layerFrom(
      `block1_conv${i + 1}`,
      'conv',
      { kind: 'standard', k: 3, cin: channels, cout: filters, inH: size, stride, padding: 'valid' },
      { bnChannels: filters, block: 1, role: 'stem' },
    );
    layers.push(l);
    size = l.outH;
    channels = filters;
  });
  for (const m of XCEPTION_TABLE) {
    const inSize = size;
    const inChannels = channels;
    m.separable.forEach((filters, i) => {
      const l = layerFrom(
        `block${m.block}_sepconv${i + 1}`,
        'separable',
        { kind: 'separable', k: 3, cin: channels, cout: filters, inH: size },
        { bnChannels: filters, block: m.block },
      );
      layers.push(l);
      channels = filters;
    });
    if (m.shortcut !== undefined) {
      // MaxPooling2D(3, strides=2, padding='same') on the main path; 1×1/2 conv on the residual.
      const proj = layerFrom(
        `block${m.block}_shortcut`,
        'pointwise',
        { kind: 'pointwise', k: 1, cin: inChannels, cout: m.shortcut, inH: inSize, stride: 2 },
        { bnChannels: m.shortcut, block: m.block, role: 'shortcut' },
      );
      layers.push(proj);
      size = proj.outH;
    }
  }
  layers.push(classifier('predictions', channels, classes));
  return totals('xception', 1, resolution, classes, layers);
}

// ---------------------------------------------------------------------------------------------
/** How one network's parameter total comes out in the paper, in Keras and in PyTorch. */
export interface FrameworkCounts {
  /** Weights + FC bias, no BN (the papers' count). */
  paper: number;
  /** Keras model.count_params(): + 4 per BN channel (γ, β trainable; moving mean, variance not). */
  keras: { total: number; trainable: number; nonTrainable: number };
  /**
   * PyTorch: sum(p.numel() for p in model.parameters()) adds 2 per BN channel (weight, bias);
   * running_mean / running_var (2 per channel) and num_batches_tracked (1 per BN layer) are
   * buffers, in the state_dict but not in parameters().
   */
  pytorch: { parameters: number; bufferElements: number };
}

/** Framework totals from an architecture: paper P, Keras P + 4·BN, PyTorch P + 2·BN (+ buffers). */
export function frameworkCounts(arch: Pick<Architecture, 'params' | 'bnChannels' | 'bnLayers'>): FrameworkCounts {
  const p = BigInt(arch.params);
  const bn = BigInt(arch.bnChannels);
  const safe = (v: bigint) => toSafeNumber(v, 'parameter count');
  return {
    paper: arch.params,
    keras: { total: safe(p + 4n * bn), trainable: safe(p + 2n * bn), nonTrainable: safe(2n * bn) },
    pytorch: { parameters: safe(p + 2n * bn), bufferElements: safe(2n * bn + BigInt(arch.bnLayers)) },
  };
}

/** Per-kind totals of a network (paper V1 Table 2 "Resource per layer type"). */
export interface KindTotals {
  layers: number;
  params: number;
  weights: number;
  multAdds: number;
}

/** Sum params, weights and mult-adds of a network's layers by kind. */
export function costByKind(arch: Pick<Architecture, 'layers'>): Partial<Record<LayerKind, KindTotals>> {
  const out: Partial<Record<LayerKind, KindTotals>> = {};
  for (const l of arch.layers) {
    const t = (out[l.kind] ??= { layers: 0, params: 0, weights: 0, multAdds: 0 });
    t.layers += 1;
    t.params = toSafeNumber(BigInt(t.params) + BigInt(l.params));
    t.weights = toSafeNumber(BigInt(t.weights) + BigInt(l.weights));
    t.multAdds = toSafeNumber(BigInt(t.multAdds) + BigInt(l.multAdds));
  }
  return out;
}
