/**
 * What the relu-manifold figure and its worker say to each other. The page posts the round trips
 * it lacks; the worker answers with plain arrays and the dots drawn, and fills its own cache for
 * every n of the same seed and σ while it has nothing else to do.
 */
import type { BackendFailure } from '../../../lib/tf/load';
import { DIM_RANGE, type Activation, type Inverse, type RoundTrip } from '../../../lib/manifold';
import type { Curves } from './curves';

/** One round trip to compute: n, seed, σ and the way back (the spiral is always POINTS long). */
export interface TripKey {
  readonly dim: number;
  readonly seed: number;
  readonly activation: Activation;
  readonly inverse: Inverse;
}

/** The cache key of a round trip: `n|seed|σ|inverse`. */
export const tripKey = (k: TripKey): string => `${k.dim}|${k.seed}|${k.activation}|${k.inverse}`;

/**
 * A round trip less the spiral itself (input and t are the same for every trip; the page has
 * them), with its dots drawn for a panel of side `dots.size` when the page said its size.
 */
export type TripData = Omit<RoundTrip, 'input' | 't'> & { readonly dots?: { readonly size: number; readonly paths: string[] } };

/**
 * Page → worker: compute these trips (and σ's curves when named), then fill for `fill`; draw each
 * trip's dots for panels of side `size` (0: not known yet).
 */
export interface TripsRequest {
  readonly kind: 'trips';
  readonly id: number;
  readonly size: number;
  readonly trips: readonly TripKey[];
  readonly curves: Activation | null;
  /** What to fill the cache for while idle: every n of this seed and σ, nearest `near` first. */
  readonly fill: { readonly seed: number; readonly activation: Activation; readonly near: number };
}

/** Page → worker: its panels now have side `size`; draw the dots of later trips for it. */
export interface SizeMessage {
  readonly kind: 'size';
  readonly size: number;
}

/** Everything the page says to the worker. */
export type PageMessage = TripsRequest | SizeMessage;

/** Worker → page. */
export type WorkerReply =
  /** TensorFlow.js has loaded in the worker on this backend. */
  | { readonly kind: 'ready'; readonly backend: string }
  /** TensorFlow.js could not load: why (per backend, when known) and a message for logs. */
  | { readonly kind: 'failed'; readonly failed: readonly BackendFailure[]; readonly message: string }
  /** The answer to request `id`: its trips, σ's curves if asked, and the milliseconds tfjs took. */
  | { readonly kind: 'trips'; readonly id: number; readonly trips: readonly TripData[]; readonly curves: Curves | null; readonly ms: number }
  /** Request `id` failed. */
  | { readonly kind: 'error'; readonly id: number; readonly message: string };

/** tripData(r, dots): the parts of a round trip that travel, and its dots if drawn. */
export function tripData(r: RoundTrip, dots?: TripData['dots']): TripData {
  const { input: _input, t: _t, ...rest } = r;
  return dots ? { ...rest, dots } : rest;
}

/** withSpiral(d, input, t): the round trip again, on the page's own copy of the spiral. */
export function withSpiral(d: TripData, input: Float64Array, t: Float64Array): RoundTrip {
  const { dots: _dots, ...rest } = d;
  return { ...rest, input, t };
}

/**
 * How far from the slider's n the worker fills while idle: a drag along n steps into trips it
 * has ready, and the worker does not spend a core on the whole range after every change of seed
 * or σ (the page, drawing on the same few cores, would wait for it).
 */
export const FILL_REACH = 6;

/**
 * fillOrder(near, reach): the n of the fill, nearest the slider's first (where a drag goes next),
 * then outwards, at most `reach` away.
 */
export function fillOrder(near: number, reach = Infinity): number[] {
  const all: number[] = [];
  for (let dim = DIM_RANGE.min; dim <= DIM_RANGE.max; dim++) if (Math.abs(dim - near) <= reach) all.push(dim);
  return all.sort((a, b) => Math.abs(a - near) - Math.abs(b - near) || a - b);
}
