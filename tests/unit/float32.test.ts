import { describe, expect, it } from 'vitest';
import { compareOutputs, float32Spacing } from '../../src/lib/float32';

describe('float32Spacing', () => {
  it('is 2^(e − 23) for 2ᵉ ≤ |x| < 2ᵉ⁺¹: 2⁻²³ at 1, 2⁻¹⁵ ≈ 3.05e-5 at 430 (2⁸ ≤ 430 < 2⁹), 1 at 2²³, 2 at 2²⁴', () => {
    expect(float32Spacing(1)).toBe(2 ** -23);
    expect(float32Spacing(1.5)).toBe(2 ** -23);
    expect(float32Spacing(430)).toBe(2 ** -15);
    expect(float32Spacing(-430)).toBe(2 ** -15);
    expect(float32Spacing(2 ** 23)).toBe(1);
    expect(float32Spacing(2 ** 24)).toBe(2);
    expect(float32Spacing(2 ** 24 - 1)).toBe(1);
  });

  it('agrees with float32 itself: x + spacing/2 rounds back to x, x + spacing is the next float32 (powers of two and between)', () => {
    for (const x of [1, 3, 430, 0.1, 1e-10, 2 ** 20 + 0.5, 65504]) {
      const f = Math.fround(x);
      const s = float32Spacing(f);
      expect(Math.fround(f + s)).toBe(f + s);
      expect(Math.fround(f + s / 4)).toBe(f);
    }
  });

  it('is the subnormal step 2⁻¹⁴⁹ at 0 and below 2⁻¹²⁶; NaN for infinities', () => {
    expect(float32Spacing(0)).toBe(2 ** -149);
    expect(float32Spacing(2 ** -130)).toBe(2 ** -149);
    expect(float32Spacing(2 ** -126)).toBe(2 ** -149);
    expect(float32Spacing(Infinity)).toBeNaN();
  });
});

describe('compareOutputs', () => {
  it('two results that differ by ±1e-15 at an output that is exactly 0: difference 2e-15 there, every other output exact', () => {
    // The case TensorFlow.js's WebGL backend produces: a sum that returns to 0 keeps a float32 1e-15 of either sign.
    const tiny = Math.fround(1e-15);
    const a = Float32Array.from([430, -tiny, 3, 0]);
    const b = Float32Array.from([430, tiny, 3, 0]);
    const r = compareOutputs(a, b, [430, 0, 3, 0]);
    expect(r.outputs).toBe(4);
    expect(r.differing).toBe(1);
    expect(r.maxAbsDifference).toBe(2 * tiny);
    expect(r.worstIndex).toBe(1);
    expect(r.exactAtWorst).toBe(0);
    expect(r.maxAbsOutput).toBe(430);
    expect(r.maxErrorVsExact).toBe(tiny);
    expect(r.spacingAtMax).toBe(2 ** -15);
  });

  it('identical results: nothing differs, worst index −1; a one-ulp error at 430 shows as 2⁻¹⁵', () => {
    const same = compareOutputs([1, 2], [1, 2], [1, 2]);
    expect([same.differing, same.maxAbsDifference, same.worstIndex]).toEqual([0, 0, -1]);
    expect(same.exactAtWorst).toBeNaN();
    const ulp = compareOutputs([430], [430 + 2 ** -15], [430]);
    expect(ulp.maxAbsDifference).toBe(2 ** -15);
    expect(() => compareOutputs([1], [1, 2], [1])).toThrow(RangeError);
  });
});
