/**
 * What float32 can tell apart, for judging results that TensorFlow.js returns as Float32Array.
 * IEEE 754 binary32 has a 24-bit significand: between 2ᵉ and 2ᵉ⁺¹ its numbers are 2ᵉ⁻²³ apart,
 * down to 2⁻¹²⁶, below which (subnormals) they are 2⁻¹⁴⁹ apart.
 */

/** float32Spacing(x): the gap between |x| and the next larger float32 (one ulp): 2^(e − 23) for 2ᵉ ≤ |x| < 2ᵉ⁺¹. */
export function float32Spacing(x: number): number {
  const a = Math.abs(x);
  if (!Number.isFinite(a)) return Number.NaN;
  if (a < 2 ** -126) return 2 ** -149;
  let e = Math.floor(Math.log2(a));
  // log2 may round across a power of two; settle e so that 2ᵉ ≤ a < 2ᵉ⁺¹ exactly.
  if (2 ** e > a) e -= 1;
  else if (2 ** (e + 1) <= a) e += 1;
  return 2 ** (e - 23);
}

/** Two computations of the same outputs, compared with each other and with the exact values. */
export interface OutputComparison {
  /** Number of outputs. */
  readonly outputs: number;
  /** How many outputs differ between the two computations at all. */
  readonly differing: number;
  /** max |a − b|, computed exactly (float32 values subtract exactly in float64). */
  readonly maxAbsDifference: number;
  /** Index of the first output with that largest difference (−1 when none differ). */
  readonly worstIndex: number;
  /** The exact value at worstIndex (NaN when none differ). */
  readonly exactAtWorst: number;
  /** max |output| of the exact values, the scale to judge a difference against. */
  readonly maxAbsOutput: number;
  /** max over both computations of |computed − exact|. */
  readonly maxErrorVsExact: number;
  /** float32Spacing(maxAbsOutput): the finest step float32 has at the largest output. */
  readonly spacingAtMax: number;
}

/** compareOutputs(a, b, exact): where two float32 results differ, and by how much against the exact values. */
export function compareOutputs(a: ArrayLike<number>, b: ArrayLike<number>, exact: ArrayLike<number>): OutputComparison {
  if (a.length !== b.length || a.length !== exact.length) throw new RangeError(`compareOutputs: lengths ${a.length}, ${b.length}, ${exact.length} differ`);
  let differing = 0;
  let maxAbsDifference = 0;
  let worstIndex = -1;
  let maxAbsOutput = 0;
  let maxErrorVsExact = 0;
  for (let i = 0; i < a.length; i++) {
    const d = Math.abs(a[i] - b[i]);
    if (d > 0) differing++;
    if (d > maxAbsDifference) {
      maxAbsDifference = d;
      worstIndex = i;
    }
    maxAbsOutput = Math.max(maxAbsOutput, Math.abs(exact[i]));
    maxErrorVsExact = Math.max(maxErrorVsExact, Math.abs(a[i] - exact[i]), Math.abs(b[i] - exact[i]));
  }
  return {
    outputs: a.length,
    differing,
    maxAbsDifference,
    worstIndex,
    exactAtWorst: worstIndex >= 0 ? exact[worstIndex] : Number.NaN,
    maxAbsOutput,
    maxErrorVsExact,
    spacingAtMax: float32Spacing(maxAbsOutput),
  };
}
