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
    // The largest tensor is the kernel: 11² · 2048 · 2048 = 507,510,784 numbers.
    expect(p.refusal).toEqual({ code: 'tensor-too-large', elements: 11 * 11 * 2048 * 2048, limit: 2 ** 24 });
    expect(p.checkFits).toBe(false);
  });
  it('refuses a layer that fits in memory but would take too long', () => {
    const p = benchPlan({ k: 3, m: 256, n: 256, df: 112 });
    // 3² · 256 · 256 · 112² mult-adds (same padding, stride 1): 7,398,752,256 > 10⁸.
    expect(p.refusal).toEqual({ code: 'too-many-mult-adds', multAdds: 9 * 256 * 256 * 112 * 112, limit: 100_000_000 });
  });
});
