/**
 * The relu-manifold figure's curves against n (error and lost fraction over random T) and its
 * sizes, shared by the figure (which draws them, and computes them at build time) and its worker
 * (which computes them in the browser, off the page's main thread). They depend on σ only.
 */
import { errorCurve, lostCurve, type Activation, type ErrorCurvePoint, type LostCurvePoint } from '../../../lib/manifold';

/** Spiral points per panel: enough that a torn arm shows as a gap. */
export const POINTS = 2000;
/** Dimensions and seeds (1 … CURVE_SEEDS) of the error-against-n plot; 500 points per T. */
export const CURVE_DIMS = [2, 3, 4, 5, 6, 8, 10, 12, 15, 20, 30, 40, 64] as const;
export const CURVE_SEEDS = 6;
/** Random T per n in the lost-against-n plot: enough for its mean to sit on (1 + n)/2ⁿ. */
export const LOST_SEEDS = 100;
const CURVE_POINTS = 500;

/** Error (both ways back) and lost fraction against n for one σ. */
export interface Curves {
  readonly pinv: ErrorCurvePoint[];
  readonly active: ErrorCurvePoint[];
  readonly lost: LostCurvePoint[];
}

/** The curves for σ, computed (float64, a few hundred milliseconds). */
export function computeCurves(activation: Activation): Curves {
  const base = { dims: CURVE_DIMS, seeds: CURVE_SEEDS, points: CURVE_POINTS, activation };
  return {
    pinv: errorCurve({ ...base, inverse: 'pinv' }),
    active: errorCurve({ ...base, inverse: 'active' }),
    lost: lostCurve({ dims: CURVE_DIMS, seeds: LOST_SEEDS, points: CURVE_POINTS, activation }),
  };
}
