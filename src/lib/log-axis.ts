/**
 * Where a count sits on a logarithmic axis that spans whole decades: equal ratios take equal
 * lengths, so 10^d, 10^(d+1) … are evenly spaced. A small pure stand-in for d3-scale's scaleLog
 * with clamping, for a figure that needs nothing else from it (and ships on the home page).
 */

/**
 * x of `value` on an axis whose decades [lo, hi] (10^lo … 10^hi) run from x0 to x1:
 * x0 + (log10(value) − lo) / (hi − lo) · (x1 − x0), clamped to [x0, x1]. A count of 0 or less
 * (no place on a log axis) and anything below 10^lo sit at x0.
 */
export function logAxisX(value: number, [lo, hi]: readonly [number, number], x0: number, x1: number): number {
  if (!(value > 0) || hi === lo) return x0;
  const t = (Math.log10(value) - lo) / (hi - lo);
  if (Number.isNaN(t) || t <= 0) return x0;
  if (t >= 1) return x1;
  return x0 + t * (x1 - x0);
}
