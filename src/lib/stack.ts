/**
 * The calculator's model: a stack of layers applied one after another to an input tensor, each
 * layer's output shape chained into the next, its cost from `convCost`, and totals under the
 * papers', Keras's and PyTorch's parameter conventions and three FLOP conventions.
 *
 * A layer may instead sit on a residual branch (`from`): it reads the tensor that entered an
 * earlier row and its output is added to the main path, so its output must have the main path's
 * shape (Xception's strided 1×1 projections, Chollet 2017 Fig. 5; ResNet's projection shortcut,
 * He et al. 2016 §3.3). An invalid layer is marked with its reason and left out of the totals;
 * the rows after it keep computing.
 */
import { assertPositiveInt, convCost, outputSize, toSafeNumber, type ConvCost, type Padding } from './cost';
import { invertedResidualLayers, shortcutRule } from './blocks';
import { CostError, isCostError, type CostErrorCode } from './errors';

/** Row kinds. 'inverted' = MobileNet V2 bottleneck: expand 1×1, depthwise, linear project 1×1. */
export type StackKind =
  | 'standard'
  | 'grouped'
  | 'depthwise'
  | 'pointwise'
  | 'separable'
  | 'inverted'
  | 'fc'
  | 'maxpool'
  | 'avgpool'
  | 'gap';

export const STACK_KINDS: readonly StackKind[] = [
  'standard',
  'grouped',
  'depthwise',
  'pointwise',
  'separable',
  'inverted',
  'fc',
  'maxpool',
  'avgpool',
  'gap',
];

/** A field of a row, as the editor and the codecs name it. */
export type LayerField = 'kind' | 'k' | 'out' | 'groups' | 'stride' | 'padding' | 'bias' | 't' | 'from';

/** One row of the stack. Fields a kind does not use are kept but ignored. */
export interface StackLayer {
  kind: StackKind;
  /** D_K, kernel (or pool window) size. */
  k: number;
  /** Output channels N; null = same as the input (depthwise with depth multiplier 1). */
  out: number | null;
  /** G, for 'grouped'. */
  groups: number;
  stride: number;
  padding: Padding;
  /** Bias on the layer's convolutions (on every conv of an inverted residual). */
  bias: boolean;
  /** Expansion factor t, for 'inverted' (t = 1: no expand layer, as the first V2 block). */
  t: number;
  /** 1-based row whose input this layer reads; its output is added to the main path. null: main path. */
  from: number | null;
}

/** Height × width × channels. */
export interface Shape {
  h: number;
  w: number;
  c: number;
}

/** The whole calculation: input shape, BN after every conv layer or not, the rows. */
export interface Stack {
  input: Shape;
  /** A BatchNorm after every convolution (every conv of an inverted residual); never after FC or pooling. */
  bn: boolean;
  layers: StackLayer[];
}

/** Which fields each kind reads (the editor disables the others). */
export const KIND_FIELDS: Readonly<Record<StackKind, readonly LayerField[]>> = {
  standard: ['k', 'out', 'stride', 'padding', 'bias', 'from'],
  grouped: ['k', 'out', 'groups', 'stride', 'padding', 'bias', 'from'],
  depthwise: ['k', 'out', 'stride', 'padding', 'bias', 'from'],
  pointwise: ['out', 'stride', 'padding', 'bias', 'from'],
  separable: ['k', 'out', 'stride', 'padding', 'bias', 'from'],
  inverted: ['k', 'out', 'stride', 'padding', 'bias', 't', 'from'],
  fc: ['out', 'bias'],
  maxpool: ['k', 'stride', 'padding', 'from'],
  avgpool: ['k', 'stride', 'padding', 'from'],
  gap: [],
};

/** Largest value accepted for each number field (and input sizes), so a hostile link stays small. */
export const LIMITS = { k: 64, out: 1_000_000, groups: 1_000_000, stride: 64, t: 64, size: 100_000, channels: 1_000_000, rows: 300 } as const;

/** A fresh row of a kind with the defaults its codecs leave out. */
export function defaultLayer(kind: StackKind): StackLayer {
  return {
    kind,
    k: kind === 'pointwise' || kind === 'fc' || kind === 'gap' ? 1 : 3,
    out: kind === 'depthwise' || kind === 'maxpool' || kind === 'avgpool' || kind === 'gap' ? null : 64,
    groups: kind === 'grouped' ? 2 : 1,
    stride: 1,
    padding: 'same',
    bias: kind === 'fc',
    t: kind === 'inverted' ? 6 : 1,
    from: null,
  };
}

/** A row: defaults of its kind, overridden by `fields`. */
export function layer(kind: StackKind, fields: Partial<Omit<StackLayer, 'kind'>> = {}): StackLayer {
  return { ...defaultLayer(kind), ...fields };
}

/** Why a row cannot be computed: the cost model's refusal (its code), or a residual branch that cannot be added. */
export type BranchErrorCode = 'branch-no-input' | 'branch-first-row' | 'branch-row' | 'branch-shape';
export type StackErrorCode = CostErrorCode | BranchErrorCode;

/** A row's error: `code` for programs and translations, `message` in English, and the parts a message names. */
export interface StackError {
  code: StackErrorCode;
  message: string;
  field?: LayerField;
  /** The branch's source row, and the last row it may read ('branch-*' codes). */
  from?: number;
  last?: number;
  /** The branch's output and the main path's shape ('branch-shape'), as H×W×C. */
  shapes?: readonly [string, string];
}

/** Per-row result. Counts are exact; BN is reported as channels (the conventions add it). */
export interface LayerResult {
  /** 1-based row number. */
  row: number;
  layer: StackLayer;
  /** Input shape (undefined when it cannot be known, e.g. a bad branch reference). */
  input?: Shape;
  /** Output shape of this layer (for a branch: its own output, added to the main path). */
  output?: Shape;
  /** Why the row cannot be computed; it is then left out of the totals. */
  error?: StackError;
  /** Weights + bias. */
  params: number;
  weights: number;
  biasParams: number;
  multAdds: number;
  flops2x: number;
  flopsSeed: number;
  /** Channels of the BatchNorm layers after this row's convolutions. */
  bnChannels: number;
  bnLayers: number;
  /** Inverted residual only: identity shortcut (stride 1 and input channels = output channels). */
  shortcut?: boolean;
  /** Inverted residual only: hidden width t·M. */
  hidden?: number;
}

/** What a parameter total means. */
export type ParamConvention = 'paper' | 'keras' | 'pytorch';
/** Which FLOP count: mult-adds, 2·mult-adds, or (2·fan-in − 1)·outputs (+1 with bias). */
export type FlopConvention = 'macs' | '2macs' | 'seed';

export const PARAM_CONVENTIONS: readonly ParamConvention[] = ['paper', 'keras', 'pytorch'];
export const FLOP_CONVENTIONS: readonly FlopConvention[] = ['macs', '2macs', 'seed'];

/** BN numbers per channel counted by each convention (Keras γ β mean var; PyTorch γ β). */
export const BN_PER_CHANNEL: Readonly<Record<ParamConvention, number>> = { paper: 0, keras: 4, pytorch: 2 };

/** Totals of the computed rows, exact (BigInt: a sum of safe integers may not be one). */
export interface StackTotals {
  rows: number;
  invalidRows: number;
  params: bigint;
  weights: bigint;
  multAdds: bigint;
  flops2x: bigint;
  flopsSeed: bigint;
  bnChannels: bigint;
  bnLayers: number;
  keras: { total: bigint; trainable: bigint; nonTrainable: bigint };
  pytorch: { parameters: bigint; bufferElements: bigint };
}

/** Per-kind share (V1 paper Table 2 "Resource per layer type"). */
export interface KindShare {
  kind: StackKind;
  layers: number;
  params: bigint;
  compute: bigint;
}

/** A computed stack. */
export interface StackResult {
  layers: LayerResult[];
  /** Shape leaving the last row. */
  output: Shape;
  totals: StackTotals;
}

const zero = (row: number, l: StackLayer): LayerResult => ({
  row,
  layer: l,
  params: 0,
  weights: 0,
  biasParams: 0,
  multAdds: 0,
  flops2x: 0,
  flopsSeed: 0,
  bnChannels: 0,
  bnLayers: 0,
});

const fmtShape = (s: Shape): string => `${s.h}×${s.w}×${s.c}`;

/** "224×224×3": the shape as the table prints it. */
export function shapeText(s: Shape): string {
  return fmtShape(s);
}

function fieldOf(e: CostError): LayerField | undefined {
  switch (e.field) {
    case 'k':
      return 'k';
    case 'groups':
      return 'groups';
    case 'cout':
      return 'out';
    case 'stride':
      return 'stride';
    case 'padding':
      return 'padding';
    case 't':
      return 't';
    default:
      return undefined;
  }
}

/** a + b, exact: a row of several convolutions can pass 2^53 although each of them stays below. */
const sum = (a: number, b: number, what: string): number => toSafeNumber(BigInt(a) + BigInt(b), what);

function addCost(r: LayerResult, c: ConvCost, bn: boolean): void {
  r.params = sum(r.params, c.params, 'parameter count');
  r.weights = sum(r.weights, c.paramsNoBias, 'parameter count');
  r.biasParams = sum(r.biasParams, c.biasParams, 'bias count');
  r.multAdds = sum(r.multAdds, c.multAdds, 'mult-add count');
  r.flops2x = sum(r.flops2x, c.flops2x, 'FLOP count');
  r.flopsSeed = sum(r.flopsSeed, c.flopsSeed, 'FLOP count');
  if (bn) {
    r.bnChannels += c.cout;
    r.bnLayers += 1;
  }
}

/**
 * The shape a row would output, where it can be known without its cost (for chaining past errors):
 * not when a field it depends on is itself wrong (output channels typed past their limit, say).
 */
function intendedShape(l: StackLayer, input: Shape): Shape | undefined {
  const out = l.out ?? input.c;
  const outKnown = Number.isSafeInteger(out) && out >= 1 && out <= LIMITS.out;
  try {
    switch (l.kind) {
      case 'gap':
        return { h: 1, w: 1, c: input.c };
      case 'fc':
        return outKnown ? { h: 1, w: 1, c: out } : undefined;
      default: {
        const h = outputSize(input.h, l.kind === 'pointwise' ? 1 : l.k, l.stride, l.padding);
        const w = outputSize(input.w, l.kind === 'pointwise' ? 1 : l.k, l.stride, l.padding);
        if (l.kind === 'maxpool' || l.kind === 'avgpool') return { h, w, c: input.c };
        return outKnown ? { h, w, c: out } : undefined;
      }
    }
  } catch {
    return undefined;
  }
}

/** A row's input must be a real shape: whole numbers from 1 (the calculator's own fields keep it so). */
function checkInput(input: Shape): void {
  assertPositiveInt(input.h, 'The input height');
  assertPositiveInt(input.w, 'The input width');
  assertPositiveInt(input.c, 'The input channels');
}

const FIELD_NAMES: Readonly<Record<'k' | 'out' | 'groups' | 'stride' | 't', string>> = {
  k: 'Kernel size k',
  out: 'Output channels',
  groups: 'Groups',
  stride: 'Stride',
  t: 'Expansion t',
};

/** Every number field the kind reads must be a whole number within LIMITS (out may be null: as the input). */
function checkFields(l: StackLayer): void {
  for (const f of ['k', 'out', 'groups', 'stride', 't'] as const) {
    if (!KIND_FIELDS[l.kind].includes(f)) continue;
    const v = l[f];
    if (f === 'out' && v === null) continue;
    const max = LIMITS[f];
    if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 1 || v > max) {
      throw new CostError('invalid-size', `${FIELD_NAMES[f]} must be a whole number from 1 to ${max}.`, f === 'out' ? 'cout' : f);
    }
  }
}

/** Cost of one row on a given input. Throws CostError for an impossible layer. */
function computeRow(row: number, l: StackLayer, input: Shape, bn: boolean): LayerResult {
  checkFields(l);
  checkInput(input);
  const r = zero(row, l);
  r.input = input;
  const base = { inH: input.h, inW: input.w, stride: l.stride, padding: l.padding, bias: l.bias };
  switch (l.kind) {
    case 'standard':
    case 'grouped':
    case 'pointwise':
    case 'separable': {
      const c = convCost({
        kind: l.kind,
        k: l.k,
        cin: input.c,
        cout: l.out ?? input.c,
        ...(l.kind === 'grouped' ? { groups: l.groups } : {}),
        ...base,
      });
      addCost(r, c, bn);
      r.output = { h: c.outH, w: c.outW, c: c.cout };
      return r;
    }
    case 'depthwise': {
      const c = convCost({ kind: 'depthwise', k: l.k, cin: input.c, cout: l.out ?? input.c, ...base });
      addCost(r, c, bn);
      r.output = { h: c.outH, w: c.outW, c: c.cout };
      return r;
    }
    case 'inverted': {
      // Sandler et al. 2018, Table 1: 1×1 conv + ReLU6 (omitted when t = 1), 3×3 dwise stride s + ReLU6, linear 1×1.
      if (!Number.isSafeInteger(l.t) || l.t < 1) throw new CostError('invalid-size', `t must be a positive whole number, got ${String(l.t)}.`, 't');
      const out = l.out ?? input.c;
      let h = input.h;
      let w = input.w;
      for (const c of invertedResidualLayers({ cin: input.c, cout: out, t: l.t, stride: l.stride, k: l.k })) {
        // The depthwise layer keeps the row's padding; 1×1 layers are the same under either.
        const cost = convCost({ kind: c.kind, k: c.k, cin: c.cin, cout: c.cout, inH: h, inW: w, stride: c.stride, bias: l.bias, ...(c.role === 'depthwise' ? { padding: l.padding } : {}) });
        addCost(r, cost, bn);
        h = cost.outH;
        w = cost.outW;
        if (c.role === 'depthwise') r.hidden = c.cout;
      }
      r.output = { h, w, c: out };
      // §3.3 and Fig. 4: the identity shortcut only when the block keeps both stride 1 and the width.
      r.shortcut = shortcutRule({ cin: input.c, cout: out, stride: l.stride }).identity;
      return r;
    }
    case 'fc': {
      // Flatten, then a dense layer: fan-in H·W·C (1·1·C after global pooling).
      const fanIn = BigInt(input.h) * BigInt(input.w) * BigInt(input.c);
      if (fanIn > BigInt(Number.MAX_SAFE_INTEGER)) throw new CostError('overflow', 'The flattened input is too large to count exactly.');
      const c = convCost({ kind: 'pointwise', k: 1, cin: Number(fanIn), cout: l.out ?? input.c, inH: 1, bias: l.bias });
      addCost(r, c, false);
      r.output = { h: 1, w: 1, c: c.cout };
      return r;
    }
    case 'maxpool':
    case 'avgpool': {
      const h = outputSize(input.h, l.k, l.stride, l.padding);
      const w = outputSize(input.w, l.k, l.stride, l.padding);
      r.output = { h, w, c: input.c };
      return r;
    }
    case 'gap':
      r.output = { h: 1, w: 1, c: input.c };
      return r;
    default:
      throw new CostError('invalid-kind', `Unknown layer kind ${String((l as StackLayer).kind)}.`, 'kind');
  }
}

/**
 * Compute every row: shapes chained from `stack.input`, exact costs from `convCost`, errors per
 * row. A row on a residual branch reads the input of row `from` and must output the main path's
 * shape. A row that fails passes on the shape it was meant to produce when that is known, else
 * its input, so the rows below still compute.
 */
export function computeStack(stack: Stack): StackResult {
  const results: LayerResult[] = [];
  let main: Shape = { ...stack.input };
  stack.layers.forEach((l, i) => {
    const row = i + 1;
    // Only kinds that read `from` can be a branch (a dense layer or a global pool cannot: KIND_FIELDS).
    const onBranch = l.from !== null && KIND_FIELDS[l.kind].includes('from');
    let input: Shape | undefined = main;
    if (onBranch) {
      const from = l.from as number;
      const valid = Number.isSafeInteger(from) && from >= 1 && from < row;
      input = valid ? results[from - 1].input : undefined;
      if (!input) {
        const r = zero(row, l);
        r.error = {
          code: valid ? 'branch-no-input' : row === 1 ? 'branch-first-row' : 'branch-row',
          from,
          last: row - 1,
          message:
            valid
              ? `Row ${from} has no known input to branch from.`
              : row === 1
                ? 'The first row has no row above it to branch from.'
                : `A residual branch must read a row above this one (1 to ${row - 1}).`,
          field: 'from',
        };
        results.push(r);
        return;
      }
    }
    let r: LayerResult;
    try {
      r = computeRow(row, l, input, stack.bn);
    } catch (e) {
      if (!isCostError(e)) throw e;
      r = zero(row, l);
      r.input = input;
      r.error = { code: e.code, message: e.message, field: fieldOf(e) };
      const guess = intendedShape(l, input);
      if (guess) r.output = guess;
      if (!onBranch) main = guess ?? main;
      results.push(r);
      return;
    }
    if (onBranch) {
      const out = r.output as Shape;
      if (out.h !== main.h || out.w !== main.w || out.c !== main.c) {
        const bad = zero(row, l);
        bad.input = input;
        bad.output = out;
        bad.error = {
          code: 'branch-shape',
          shapes: [fmtShape(out), fmtShape(main)],
          message: `The branch gives ${fmtShape(out)} but the main path is ${fmtShape(main)} here; a residual add needs equal shapes.`,
          field: out.c !== main.c ? 'out' : 'stride',
        };
        results.push(bad);
        return;
      }
    } else {
      main = r.output as Shape;
    }
    results.push(r);
  });
  return { layers: results, output: main, totals: totalsOf(results) };
}

function totalsOf(rows: readonly LayerResult[]): StackTotals {
  let params = 0n;
  let weights = 0n;
  let macs = 0n;
  let f2 = 0n;
  let fs = 0n;
  let bn = 0n;
  let bnLayers = 0;
  let invalid = 0;
  for (const r of rows) {
    if (r.error) {
      invalid += 1;
      continue;
    }
    params += BigInt(r.params);
    weights += BigInt(r.weights);
    macs += BigInt(r.multAdds);
    f2 += BigInt(r.flops2x);
    fs += BigInt(r.flopsSeed);
    bn += BigInt(r.bnChannels);
    bnLayers += r.bnLayers;
  }
  return {
    rows: rows.length,
    invalidRows: invalid,
    params,
    weights,
    multAdds: macs,
    flops2x: f2,
    flopsSeed: fs,
    bnChannels: bn,
    bnLayers,
    keras: { total: params + 4n * bn, trainable: params + 2n * bn, nonTrainable: 2n * bn },
    pytorch: { parameters: params + 2n * bn, bufferElements: 2n * bn + BigInt(bnLayers) },
  };
}

/** A row's parameters under a convention: weights + bias, plus the BN numbers that convention counts. */
export function rowParams(r: LayerResult, convention: ParamConvention): bigint {
  return BigInt(r.params) + BigInt(BN_PER_CHANNEL[convention]) * BigInt(r.bnChannels);
}

/** A row's compute under a FLOP convention. */
export function rowCompute(r: LayerResult, convention: FlopConvention): bigint {
  return BigInt(convention === 'macs' ? r.multAdds : convention === '2macs' ? r.flops2x : r.flopsSeed);
}

/** The total parameters under a convention (Keras: count_params() total). */
export function totalParams(t: StackTotals, convention: ParamConvention): bigint {
  return convention === 'paper' ? t.params : convention === 'keras' ? t.keras.total : t.pytorch.parameters;
}

/** The total compute under a FLOP convention. */
export function totalCompute(t: StackTotals, convention: FlopConvention): bigint {
  return convention === 'macs' ? t.multAdds : convention === '2macs' ? t.flops2x : t.flopsSeed;
}

/** Parameters and compute summed by row kind, in STACK_KINDS order, kinds with no valid row left out. */
export function shareByKind(result: StackResult, params: ParamConvention, flops: FlopConvention): KindShare[] {
  const by = new Map<StackKind, KindShare>();
  for (const r of result.layers) {
    if (r.error) continue;
    const s = by.get(r.layer.kind) ?? { kind: r.layer.kind, layers: 0, params: 0n, compute: 0n };
    s.layers += 1;
    s.params += rowParams(r, params);
    s.compute += rowCompute(r, flops);
    by.set(r.layer.kind, s);
  }
  return STACK_KINDS.filter((k) => by.has(k)).map((k) => by.get(k) as KindShare);
}

/** part / whole as a percentage string with `decimals` places, exact rounding half up ("94.86%"). */
export function percentText(part: bigint, whole: bigint, decimals = 2): string {
  if (whole === 0n) return '—';
  const scale = 10n ** BigInt(decimals + 2);
  const scaled = (part * scale * 2n + whole) / (2n * whole);
  const s = scaled.toString().padStart(decimals + 1, '0');
  return decimals === 0 ? `${s}%` : `${s.slice(0, -decimals)}.${s.slice(-decimals)}%`;
}

// ---------------------------------------------------------------------------------------------
// Presets: their ids here, their stacks in stack-presets.ts (walked from src/lib/architectures.ts's
// tables, which the calculator fetches only when a preset is loaded).

/** Preset ids. */
export type PresetId = 'mobilenet-v1' | 'mobilenet-v2' | 'xception' | 'resnet-stage';
export const PRESET_IDS: readonly PresetId[] = ['mobilenet-v1', 'mobilenet-v2', 'xception', 'resnet-stage'];
/** The stack the calculator opens with (and shows without JavaScript). */
export const DEFAULT_PRESET: PresetId = 'mobilenet-v1';

/** A deep copy (rows are plain objects). */
export function cloneStack(s: Stack): Stack {
  return { input: { ...s.input }, bn: s.bn, layers: s.layers.map((l) => ({ ...l })) };
}

/** Move row `index` (0-based) by `delta`, keeping branch references pointing at the same rows. */
export function moveLayer(s: Stack, index: number, delta: -1 | 1): Stack {
  const j = index + delta;
  if (index < 0 || index >= s.layers.length || j < 0 || j >= s.layers.length) return s;
  const out = cloneStack(s);
  [out.layers[index], out.layers[j]] = [out.layers[j], out.layers[index]];
  const a = index + 1;
  const b = j + 1;
  for (const l of out.layers) {
    if (l.from === a) l.from = b;
    else if (l.from === b) l.from = a;
  }
  return out;
}

/** Remove row `index` (0-based); references below shift up, references to it become invalid (0). */
export function removeLayer(s: Stack, index: number): Stack {
  if (index < 0 || index >= s.layers.length) return s;
  const out = cloneStack(s);
  out.layers.splice(index, 1);
  const removed = index + 1;
  for (const l of out.layers) {
    if (l.from === null) continue;
    if (l.from === removed) l.from = 0;
    else if (l.from > removed) l.from -= 1;
  }
  return out;
}

/** Insert `row` after row `index` (0-based; −1 for the top); references below shift down. */
export function insertLayer(s: Stack, index: number, row: StackLayer): Stack {
  const at = Math.max(0, Math.min(s.layers.length, index + 1));
  const out = cloneStack(s);
  for (const l of out.layers) if (l.from !== null && l.from > at) l.from += 1;
  out.layers.splice(at, 0, { ...row });
  return out;
}
