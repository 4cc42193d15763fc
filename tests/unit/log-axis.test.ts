import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { logAxisX } from '../../src/lib/log-axis';

describe('logAxisX(value, [lo, hi], x0, x1)', () => {
  it('puts 10^d at d − lo decades of (x1 − x0)/(hi − lo) each', () => {
    // Decades 1 … 13 over 120 units: 10 units a decade, 10^7 is 6 decades in.
    expect(logAxisX(1e7, [1, 13], 0, 120)).toBe(60);
    expect(logAxisX(10, [1, 13], 0, 120)).toBe(0);
    expect(logAxisX(1e13, [1, 13], 0, 120)).toBe(120);
    // Decades 0 … 9 from 40 to 400: 40 units a decade; 1000 is 3 decades in.
    expect(logAxisX(1000, [0, 9], 40, 400)).toBe(160);
  });
  it('puts the geometric mean of two counts halfway between them (√(10 · 1000) = 100)', () => {
    const a = logAxisX(10, [0, 4], 0, 400);
    const b = logAxisX(1000, [0, 4], 0, 400);
    expect(logAxisX(100, [0, 4], 0, 400)).toBeCloseTo((a + b) / 2, 9);
    // 2 sits log10(2) ≈ 0.30103 of a decade past 1.
    expect(logAxisX(2, [0, 4], 0, 400)).toBeCloseTo(30.103, 3);
  });
  it('clamps to the ends: below 10^lo at x0, above 10^hi at x1; 0 and negatives at x0', () => {
    expect(logAxisX(1, [1, 13], 0, 120)).toBe(0);
    expect(logAxisX(1e20, [1, 13], 0, 120)).toBe(120);
    expect(logAxisX(0, [1, 13], 0, 120)).toBe(0);
    expect(logAxisX(-5, [1, 13], 0, 120)).toBe(0);
    expect(logAxisX(Number.NaN, [1, 13], 0, 120)).toBe(0);
    expect(logAxisX(Number.POSITIVE_INFINITY, [1, 13], 0, 120)).toBe(120);
  });
  it('runs either way: a range from right to left mirrors the axis', () => {
    expect(logAxisX(1e3, [0, 4], 400, 0)).toBe(100);
    expect(logAxisX(1e5, [0, 4], 400, 0)).toBe(0);
  });
  it('is increasing in the count and stays inside [x0, x1]', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-3, max: 1e15, noNaN: true }), fc.double({ min: 1e-3, max: 1e15, noNaN: true }), (a, b) => {
        const [u, v] = a < b ? [a, b] : [b, a];
        const xu = logAxisX(u, [1, 13], 0, 120);
        const xv = logAxisX(v, [1, 13], 0, 120);
        return xu <= xv && xu >= 0 && xv <= 120;
      }),
    );
  });
});
