import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { divisors, nearestDivisor } from '../../src/lib/divisors';
import { CostError } from '../../src/lib/errors';

describe('divisors(n)', () => {
  it('lists the divisors in order, once each (a square counts its root once)', () => {
    expect(divisors(1)).toEqual([1]);
    expect(divisors(12)).toEqual([1, 2, 3, 4, 6, 12]);
    expect(divisors(36)).toEqual([1, 2, 3, 4, 6, 9, 12, 18, 36]);
    expect(divisors(17)).toEqual([1, 17]);
  });
  it('gives the 16 divisors of 728 = 2³·7·13, the width of Xception’s middle flow (Chollet 2017, Fig. 5)', () => {
    expect(divisors(728)).toEqual([1, 2, 4, 7, 8, 13, 14, 26, 28, 52, 56, 91, 104, 182, 364, 728]);
  });
  it('every listed number divides n, and every divisor is listed (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), (n) => {
        const list = divisors(n);
        for (const d of list) expect(n % d).toBe(0);
        let count = 0;
        for (let d = 1; d <= n; d++) if (n % d === 0) count++;
        expect(list).toHaveLength(count);
      }),
      { numRuns: 60 },
    );
  });
  it('refuses what has no divisors list: 0, fractions, NaN', () => {
    expect(() => divisors(0)).toThrow(CostError);
    expect(() => divisors(1.5)).toThrow(CostError);
    expect(() => divisors(Number.NaN)).toThrow(CostError);
  });
});

describe('nearestDivisor(n, x)', () => {
  it('keeps a divisor, and otherwise picks the closest one, the smaller on a tie', () => {
    expect(nearestDivisor(32, 8)).toBe(8);
    expect(nearestDivisor(32, 5)).toBe(4);
    expect(nearestDivisor(32, 25)).toBe(32); // |32 − 25| = 7 < |16 − 25| = 9
    expect(nearestDivisor(12, 5)).toBe(4); // 4 and 6 are both 1 away
    expect(nearestDivisor(728, 3)).toBe(2); // 2 and 4 are both 1 away
    expect(nearestDivisor(17, 9)).toBe(1); // 1 and 17 are both 8 away
    expect(nearestDivisor(17, 2048)).toBe(17);
  });
});
