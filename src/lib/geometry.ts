/**
 * Which input channels each output channel of a convolution reads: the M×N connectivity matrix
 * that goes from dense (standard, G = 1) through block-diagonal (grouped) to diagonal
 * (depthwise, G = M), and the evenly spaced subset of channels a figure can afford to draw.
 * Notation: Howard et al. 2017 (arXiv:1704.04861) §3.1; groups as in Krizhevsky et al. 2012.
 */
import { CostError } from './errors';
import { assertPositiveInt, outputSize } from './cost';

/** The layer views, in the order of the `layer` parameter's choices (src/lib/params.ts). */
export const LAYER_VIEWS = ['standard', 'grouped', 'depthwise', 'pointwise', 'separable'] as const;
export type LayerView = (typeof LAYER_VIEWS)[number];

/** layerView(i): the view for the `layer` parameter's value i (standard for anything unknown). */
export function layerView(index: number): LayerView {
  return LAYER_VIEWS[index] ?? 'standard';
}

/**
 * sampleChannels(total, max): at most `max` channel indices spread evenly over 0 … total − 1,
 * ⌊i·total/count⌋, so every group keeps its share of the drawn channels.
 */
export function sampleChannels(total: number, max = 16): number[] {
  assertPositiveInt(total, 'channels');
  assertPositiveInt(max, 'max');
  const count = Math.min(total, max);
  return Array.from({ length: count }, (_, i) => Math.floor((i * total) / count));
}

/** groupOf(c, C, G): the group of channel c when C channels are split into G equal groups. */
export function groupOf(channel: number, channels: number, groups: number): number {
  return Math.floor(channel / (channels / groups));
}

/** A connectivity matrix, possibly a sample of the full M×N one. */
export interface Connectivity {
  /** Input channels drawn (rows), indices into 0 … M − 1. */
  readonly rows: readonly number[];
  /** Output channels drawn (columns), indices into 0 … N − 1. */
  readonly cols: readonly number[];
  /** cells[r][c]: output cols[c] reads input rows[r]. */
  readonly cells: readonly (readonly boolean[])[];
  /** Group of each drawn output channel. */
  readonly colGroups: readonly number[];
  /** Group of each drawn input channel. */
  readonly rowGroups: readonly number[];
  readonly groups: number;
  /** Connected (input, output) pairs in the whole layer: M·N/G. */
  readonly connections: number;
}

/**
 * connectivity({ cin: M, cout: N, groups: G }, max): output n reads input m exactly when both are
 * in the same group, ⌊m/(M/G)⌋ = ⌊n/(N/G)⌋. G = 1 is dense, G = M = N the identity (depthwise);
 * N = d·M with G = M is depthwise with depth multiplier d. Throws CostError('groups-mismatch')
 * unless G divides M and N, as convCost does.
 */
export function connectivity({ cin, cout, groups }: { cin: number; cout: number; groups: number }, max = 16): Connectivity {
  assertPositiveInt(cin, 'cin');
  assertPositiveInt(cout, 'cout');
  assertPositiveInt(groups, 'groups');
  if (cin % groups !== 0 || cout % groups !== 0) {
    throw new CostError('groups-mismatch', `G = ${groups} must divide both M = ${cin} and N = ${cout}.`, 'groups');
  }
  const rows = sampleChannels(cin, max);
  const cols = sampleChannels(cout, max);
  const rowGroups = rows.map((m) => groupOf(m, cin, groups));
  const colGroups = cols.map((n) => groupOf(n, cout, groups));
  const cells = rowGroups.map((rg) => colGroups.map((cg) => rg === cg));
  return { rows, cols, cells, rowGroups, colGroups, groups, connections: (cin / groups) * cout };
}

/**
 * validGroups(M, N): every G that splits both M and N into equal groups — the divisors of
 * gcd(M, N), ascending. G = 1 is standard; G = M = N depthwise.
 */
export function validGroups(cin: number, cout: number): number[] {
  assertPositiveInt(cin, 'cin');
  assertPositiveInt(cout, 'cout');
  let a = cin;
  let b = cout;
  while (b) [a, b] = [b, a % b];
  const out: number[] = [];
  for (let d = 1; d * d <= a; d++) {
    if (a % d === 0) out.push(d, a / d);
  }
  return [...new Set(out)].sort((x, y) => x - y);
}

/** nearestValidGroups(G, M, N): the largest valid G' ≤ G (1 at least), the drawing kept for an invalid G. */
export function nearestValidGroups(groups: number, cin: number, cout: number): number {
  const valid = validGroups(cin, cout);
  return valid.filter((g) => g <= groups).pop() ?? 1;
}

/** Where the first D_K×D_K window sits on a D_F×D_F input with 'same' padding and stride s. */
export interface SpatialWindow {
  /** D_G = ⌈D_F / s⌉. */
  readonly outSize: number;
  /** Zero rows (and columns) added before the input: ⌊max((D_G − 1)·s + D_K − D_F, 0) / 2⌋. */
  readonly padBefore: number;
  /** Zero rows added after it (the larger half). */
  readonly padAfter: number;
}

/**
 * spatialWindow({ df, k, s }): TensorFlow's 'same' padding — output D_G = ⌈D_F / s⌉, total padding
 * max((D_G − 1)·s + D_K − D_F, 0), the smaller half before. Output pixel (y, x) reads input rows
 * s·y − padBefore … s·y − padBefore + D_K − 1.
 */
export function spatialWindow({ df, k, s = 1 }: { df: number; k: number; s?: number }): SpatialWindow {
  assertPositiveInt(df, 'feature size');
  assertPositiveInt(k, 'k');
  assertPositiveInt(s, 'stride');
  const outSize = outputSize(df, k, s, 'same');
  const total = Math.max((outSize - 1) * s + k - df, 0);
  const padBefore = Math.floor(total / 2);
  return { outSize, padBefore, padAfter: total - padBefore };
}
