/**
 * Seeded randomness for every random tensor, kernel and point cloud on the site.
 *
 * Why our own generator: build-time SVG must equal the hydrated SVG and tests must be stable,
 * so every random number in `src/` comes from here, never from the platform generator. The uniform stream is
 * mulberry32 (Tommy Ettinger, public domain): 32-bit integer arithmetic only (`Math.imul`,
 * shifts), so it is bit-identical on every JavaScript engine. Normals use Marsaglia's polar form
 * of Box–Muller, which needs only `Math.sqrt` (correctly rounded by IEEE 754) and `Math.log`
 * (no trigonometry), so the normal stream is as portable as the engine's `Math.log`.
 */

/** A uniform generator on [0, 1): each call returns the next number of one seeded stream. */
export type Rng = () => number;

/**
 * Maps any finite number to a 32-bit unsigned seed. Small neighbouring seeds (0, 1, 2 …) are
 * decorrelated by one round of the splitmix32 finaliser, so `seed` and `seed + 1` give unrelated
 * streams (a reader who moves the seed slider sees a new draw, not a shifted one).
 */
export function normalizeSeed(seed: number): number {
  if (!Number.isFinite(seed)) {
    throw new RangeError(`seed must be a finite number, got ${String(seed)}`);
  }
  let h = Math.floor(seed) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** mulberry32(seed): a uniform generator on [0, 1) with a 2³² period, seeded by `normalizeSeed`. */
export function mulberry32(seed: number): Rng {
  let a = normalizeSeed(seed);
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** randomNormal(rng, μ, σ): a generator of N(μ, σ²) draws (polar Box–Muller; pairs are cached). */
export function randomNormal(rng: Rng, mean = 0, std = 1): () => number {
  let spare: number | undefined;
  return () => {
    if (spare !== undefined) {
      const z = spare;
      spare = undefined;
      return mean + std * z;
    }
    let u: number;
    let v: number;
    let s: number;
    do {
      u = 2 * rng() - 1;
      v = 2 * rng() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const f = Math.sqrt((-2 * Math.log(s)) / s);
    spare = v * f;
    return mean + std * u * f;
  };
}

/** randomInt(rng, lo, hi): one integer drawn uniformly from the closed range [lo, hi]. */
export function randomInt(rng: Rng, lo: number, hi: number): number {
  if (!Number.isInteger(lo) || !Number.isInteger(hi) || hi < lo) {
    throw new RangeError(`randomInt needs integers lo ≤ hi, got [${lo}, ${hi}]`);
  }
  return lo + Math.floor(rng() * (hi - lo + 1));
}

/** randomInts(length, lo, hi, seed): `length` integers uniform on [lo, hi] (for small worked examples). */
export function randomInts(length: number, lo: number, hi: number, seed: number): Int32Array {
  if (!Number.isInteger(length) || length < 0) {
    throw new RangeError(`length must be a non-negative integer, got ${length}`);
  }
  const rng = mulberry32(seed);
  const out = new Int32Array(length);
  for (let i = 0; i < length; i++) out[i] = randomInt(rng, lo, hi);
  return out;
}

/** randomUniforms(length, lo, hi, seed): `length` floats uniform on [lo, hi) (benchmark inputs). */
export function randomUniforms(length: number, lo: number, hi: number, seed: number): Float32Array {
  if (!Number.isInteger(length) || length < 0) {
    throw new RangeError(`length must be a non-negative integer, got ${length}`);
  }
  const rng = mulberry32(seed);
  const out = new Float32Array(length);
  const span = hi - lo;
  for (let i = 0; i < length; i++) out[i] = lo + span * rng();
  return out;
}

/**
 * gaussianMatrix(rows, cols, seed, σ): a row-major rows×cols matrix of independent N(0, σ²) draws.
 * Row r is always drawn before row r + 1, so the matrix for n rows is the first n rows of the
 * matrix for n + 1 rows with the same seed (the manifold slider adds dimensions, it does not
 * redraw the ones already shown).
 */
export function gaussianMatrix(rows: number, cols: number, seed: number, std = 1): Float64Array {
  if (!Number.isInteger(rows) || rows < 0 || !Number.isInteger(cols) || cols < 0) {
    throw new RangeError(`matrix shape must be non-negative integers, got ${rows}×${cols}`);
  }
  const normal = randomNormal(mulberry32(seed), 0, std);
  const out = new Float64Array(rows * cols);
  for (let i = 0; i < out.length; i++) out[i] = normal();
  return out;
}
