import { describe, expect, it } from 'vitest';
import { BENCH_ELEMENT_LIMIT, benchPlan } from '../../src/lib/bench-guard';
import { MAX_BENCH_ELEMENTS } from '../../src/lib/tf/conv-bench';

describe('benchPlan(sizes)', () => {
  it('uses the same element limit as benchConv', () => {
    expect(BENCH_ELEMENT_LIMIT).toBe(MAX_BENCH_ELEMENTS);
  });
  it('predicts standard ÷ separable = 1/(1/N + 1/D_K²): 576/73 ≈ 7.89 for K 3, N 64', () => {
    const p = benchPlan({ k: 3, m: 32, n: 64, df: 14 });
    expect(p.theoreticalSpeedup).toBeCloseTo(576 / 73, 12);
    expect(p.standardMultAdds).toBe(9 * 32 * 64 * 196);
    expect(p.refusal).toBeNull();
    expect(p.checkFits).toBe(true);
  });
  it('refuses a kernel of more than 2²⁴ numbers and says why', () => {
    const p = benchPlan({ k: 11, m: 2048, n: 2048, df: 7 });
    expect(p.refusal).toContain('more than the 16,777,216');
    expect(p.checkFits).toBe(false);
  });
  it('refuses a layer that fits in memory but would take too long', () => {
    const p = benchPlan({ k: 3, m: 256, n: 256, df: 112 });
    expect(p.refusal).toContain('mult-adds per run');
  });
});
