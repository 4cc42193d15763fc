/** A random small convolution problem for property tests: sizes, stride, padding and integer data. */
import fc from 'fast-check';

/** Small integers, so every sum is exact in float64 and in float32. */
const int = fc.integer({ min: -3, max: 3 });
const arr = (length: number) => fc.array(int, { minLength: length, maxLength: length });

export interface ConvProblemSizes {
  size: number;
  k: number;
  m: number;
  n: number;
  stride: number;
  padding: 'valid' | 'same';
}

/**
 * Input f (and a second input g, for linearity), a depthwise kernel dw, a pointwise kernel pw and a
 * standard kernel w, all HWC / HWIO, for a size×size×m input. 'valid' problems never have a kernel
 * larger than the input.
 */
export function convProblem({ maxSize = 7 }: { maxSize?: number } = {}) {
  return fc
    .record({
      size: fc.integer({ min: 1, max: maxSize }),
      k: fc.integer({ min: 1, max: 3 }),
      m: fc.integer({ min: 1, max: 3 }),
      n: fc.integer({ min: 1, max: 3 }),
      stride: fc.integer({ min: 1, max: 3 }),
      padding: fc.constantFrom('valid' as const, 'same' as const),
    })
    .filter((p) => p.padding === 'same' || p.size >= p.k)
    .chain((p: ConvProblemSizes) =>
      fc.record({
        p: fc.constant(p),
        f: arr(p.size * p.size * p.m),
        g: arr(p.size * p.size * p.m),
        dw: arr(p.k * p.k * p.m),
        pw: arr(p.m * p.n),
        w: arr(p.k * p.k * p.m * p.n),
      }),
    );
}
