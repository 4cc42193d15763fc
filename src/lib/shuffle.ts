/**
 * Channel shuffle (Zhang, Zhou, Lin & Sun 2018, ShuffleNet, arXiv:1707.01083, §3.1, Fig. 1):
 * two grouped convolutions stacked one on the other never pass information between groups, since
 * each output of the second layer depends only on the inputs of its own group. Shuffling the
 * channels between the layers — reshape the C = G·n channels to (G, n), transpose, flatten — hands
 * every group of the second layer channels from several groups of the first. It costs no weights.
 */
import { convCost, toSafeNumber, type ConvCost } from './cost';
import { CostError } from './errors';

function check(channels: number, groups: number): number {
  if (!Number.isSafeInteger(channels) || channels < 1) throw new CostError('invalid-size', `C must be a positive whole number, got ${String(channels)}.`, 'channels');
  if (!Number.isSafeInteger(groups) || groups < 1 || channels % groups !== 0) {
    throw new CostError('groups-mismatch', `G = ${String(groups)} must divide the C = ${channels} channels.`, 'groups');
  }
  return channels / groups;
}

/** The group of channel c (0-based) when C channels are split into G groups of n = C/G. */
export function groupOf(c: number, channels: number, groups: number): number {
  return Math.floor(c / check(channels, groups));
}

/**
 * The shuffle as a permutation: position p of the shuffled channels holds channel perm[p].
 * Channel c = g·n + j (group g, j-th in it) goes to position j·G + g.
 */
export function channelShuffle(channels: number, groups: number): number[] {
  const n = check(channels, groups);
  const perm = new Array<number>(channels);
  for (let g = 0; g < groups; g++) for (let j = 0; j < n; j++) perm[j * groups + g] = g * n + j;
  return perm;
}

/** Two stacked grouped layers C → C → C with G groups each, and what each final output can see. */
export interface StackedGroups {
  channels: number;
  groups: number;
  shuffle: boolean;
  /** Which first-layer output feeds each position of the second layer's input (the identity without a shuffle). */
  order: number[];
  /** For each output of the second layer, the inputs of the first it depends on (ascending). */
  reach: number[][];
  /** Inputs the first output depends on (by symmetry, every output depends on as many). */
  reachPerOutput: number;
  /** One grouped layer's cost (D_K × D_K, C → C, G groups). */
  layer: ConvCost;
  /** Weights of both layers; the shuffle adds none. */
  params: number;
  multAdds: number;
}

/**
 * Follow the connections of two grouped layers (with a shuffle between them or not) from every
 * output back to the inputs. Costs come from convCost (kind 'grouped'), twice.
 */
export function stackedGroups({ channels, groups, shuffle, kernelSize = 1, featureSize = 1 }: { channels: number; groups: number; shuffle: boolean; kernelSize?: number; featureSize?: number }): StackedGroups {
  check(channels, groups);
  const order = shuffle ? channelShuffle(channels, groups) : Array.from({ length: channels }, (_, i) => i);
  // Layer 1: output c reads the inputs of its group. Layer 2 input position p carries layer-1 output order[p].
  const sameGroup = (c: number): number[] => {
    const g = groupOf(c, channels, groups);
    const n = channels / groups;
    return Array.from({ length: n }, (_, j) => g * n + j);
  };
  const reach = Array.from({ length: channels }, (_, out) => {
    const seen = new Set<number>();
    for (const p of sameGroup(out)) for (const input of sameGroup(order[p])) seen.add(input);
    return [...seen].sort((a, b) => a - b);
  });
  const layer = convCost({ kind: 'grouped', k: kernelSize, cin: channels, cout: channels, groups, inH: featureSize });
  return {
    channels,
    groups,
    shuffle,
    order,
    reach,
    reachPerOutput: reach[0].length,
    layer,
    params: toSafeNumber(2n * BigInt(layer.params), 'parameter count'),
    multAdds: toSafeNumber(2n * BigInt(layer.multAdds), 'mult-add count'),
  };
}
