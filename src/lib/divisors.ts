/**
 * Divisors of a channel count. Grouped layers need G to divide the channels they split
 * (Chollet 2017, §1.2: "non-overlapping segments"; Zhang et al. 2018, §3.1: g groups of n
 * channels), so a control for G or for the number of segments offers these values only.
 */
import { CostError } from './errors';

/** Every divisor of n, ascending: divisors(12) = [1, 2, 3, 4, 6, 12]. */
export function divisors(n: number): number[] {
  if (!Number.isSafeInteger(n) || n < 1) throw new CostError('invalid-size', `Only a positive whole number has divisors, got ${String(n)}.`, 'n');
  const low: number[] = [];
  const high: number[] = [];
  for (let d = 1; d * d <= n; d++) {
    if (n % d !== 0) continue;
    low.push(d);
    if (d * d !== n) high.push(n / d);
  }
  return low.concat(high.reverse());
}

/**
 * The divisor of n closest to x (the smaller one on a tie), so a value that does not split n
 * evenly becomes the nearest one that does: nearestDivisor(12, 5) = 4, nearestDivisor(728, 3) = 2.
 */
export function nearestDivisor(n: number, x: number): number {
  let best = 1;
  for (const d of divisors(n)) if (Math.abs(d - x) < Math.abs(best - x)) best = d;
  return best;
}
