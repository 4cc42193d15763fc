/**
 * Chollet 2017 (arXiv:1610.02357), §1.1–1.2: a regular convolution, an Inception module and a
 * depthwise separable convolution are points on one spectrum, set by the number S of independent
 * channel segments the spatial convolutions see. The block here keeps M channels, as Xception's
 * middle flow does (728 → 728): a 1×1 convolution M → M maps cross-channel correlations, then a
 * D_K × D_K convolution over S non-overlapping segments of M/S channels each maps spatial
 * correlations — a grouped convolution with G = S (the cost model's kind 'grouped').
 *
 *   S = 1: a regular convolution preceded by a 1×1 (the single-segment case)
 *   S = 3 or 4: Inception modules ("a few hundreds of channels into 3 or 4 segments")
 *   S = M: one segment per channel, the "extreme" Inception module: a 1×1 then a depthwise
 *          convolution, a depthwise separable convolution with its two steps in Xception's order
 */
import { convCost, toSafeNumber, type ConvCost } from './cost';
import { CostError } from './errors';
import { divisors } from './divisors';
import { texInt } from './tex';

/** Which named point of the spectrum a number of segments is, if any. */
export type ContinuumPoint = 'regular' | 'inception' | 'separable' | 'between';

/** Chollet 2017, §1.2: Inception modules divide the channels into 3 or 4 segments. */
export const INCEPTION_SEGMENTS: readonly number[] = [3, 4];

/** One block of the spectrum: the 1×1, the segmented spatial convolution and their sum. */
export interface ContinuumBlock {
  /** S. */
  segments: number;
  /** M (in and out). */
  channels: number;
  /** D_K. */
  kernelSize: number;
  /** D_F. */
  featureSize: number;
  /** The 1×1 convolution M → M. */
  pointwise: ConvCost;
  /** The D_K × D_K convolution over S segments (grouped, G = S). */
  spatial: ConvCost;
  /** Weights of both (no bias: a BatchNorm follows each, as in Xception). */
  params: number;
  /** Mult-adds of both. */
  multAdds: number;
  point: ContinuumPoint;
}

/** The named point a number of segments is: regular (1), separable (M), Inception (3 or 4). */
export function continuumPoint(segments: number, channels: number): ContinuumPoint {
  if (segments === 1) return 'regular';
  if (segments === channels) return 'separable';
  if (INCEPTION_SEGMENTS.includes(segments)) return 'inception';
  return 'between';
}

/**
 * The block's cost: params M·M + D_K²·(M/S)·M and mult-adds D_F²·(that), from convCost
 * (pointwise M → M, then grouped D_K × D_K with G = S). Throws CostError('groups-mismatch') when
 * S does not divide M, and the cost model's errors for impossible sizes.
 */
export function inceptionBlock({ kernelSize, channels, featureSize, segments }: { kernelSize: number; channels: number; featureSize: number; segments: number }): ContinuumBlock {
  const pointwise = convCost({ kind: 'pointwise', k: 1, cin: channels, cout: channels, inH: featureSize });
  if (!Number.isSafeInteger(segments) || segments < 1 || channels % segments !== 0) {
    throw new CostError('groups-mismatch', `S = ${String(segments)} segments must divide the M = ${channels} channels.`, 'segments');
  }
  const spatial = convCost({ kind: 'grouped', k: kernelSize, cin: channels, cout: channels, groups: segments, inH: featureSize });
  return {
    segments,
    channels,
    kernelSize,
    featureSize,
    pointwise,
    spatial,
    params: toSafeNumber(BigInt(pointwise.params) + BigInt(spatial.params), 'parameter count'),
    multAdds: toSafeNumber(BigInt(pointwise.multAdds) + BigInt(spatial.multAdds), 'mult-add count'),
    point: continuumPoint(segments, channels),
  };
}

/** The whole spectrum for M channels: one block per divisor S of M, S ascending. */
export function continuum({ kernelSize, channels, featureSize }: { kernelSize: number; channels: number; featureSize: number }): ContinuumBlock[] {
  return divisors(channels).map((segments) => inceptionBlock({ kernelSize, channels, featureSize, segments }));
}

/**
 * TeX of the block's parameter count with the numbers substituted:
 * M^2 + D_K^2 · M^2 / S = total, from the same convCost values the figure shows. `lines` breaks it
 * into three aligned lines for a narrow column.
 */
export function inceptionBlockTex(block: ContinuumBlock, lines = false): { tex: string; value: number } {
  const { channels: m, kernelSize: k, segments: s } = block;
  const spatial = s === 1 ? `${k}^2 \\cdot ${m}^2` : `\\frac{${k}^2 \\cdot ${m}^2}{${s}}`;
  const parts = `${texInt(block.pointwise.params)} + ${texInt(block.spatial.params)}`;
  const total = texInt(block.params);
  const tex = lines
    ? `\\begin{aligned}\\text{params} &= ${m}^2 + ${spatial} \\\\ &= ${parts} \\\\ &= ${total}\\end{aligned}`
    : `\\underbrace{${m}^2}_{1\\times1} + \\underbrace{${spatial}}_{${k}\\times${k}\\text{ on ${s === 1 ? '1 segment' : `${s} segments`}}}` +
      ` = ${parts} = ${total}\\ \\text{params}`;
  return { tex, value: block.params };
}
