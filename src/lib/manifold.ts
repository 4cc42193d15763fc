/**
 * The ReLU round trip of MobileNet V2, Figure 1 (Sandler et al. 2018, arXiv:1801.04381):
 * "An initial spiral is embedded into an n-dimensional space using a random matrix T followed
 * by ReLU, and then projected back to the 2D space using T⁻¹" (n = 2, 3, 5, 15, 30).
 *
 * For n > 2, T (n×2) has no inverse; T⁻¹ is read as the Moore–Penrose pseudo-inverse
 * T⁺ = (TᵀT)⁻¹Tᵀ, computed in float64 from a 2×2 inverse. Points are stored interleaved
 * (x₀, y₀, x₁, y₁, …), i.e. a row-major P×2 matrix, which is also the layout tfjs wants.
 *
 * Two ways back are offered, because they teach different things:
 * - `inverse: 'pinv'` (default, the paper's text): x̂ = T⁺·σ(Tx). With ReLU, x̂ does not tend to
 *   x as n grows but to x/2: for Gaussian rows tᵢ, E[tᵢtᵢᵀ·1{tᵢ·x > 0}] = I/2 (split E[ttᵀ] = I
 *   over the two half-spaces, equal by the symmetry t → −t), so TᵀDT ≈ TᵀT/2 and the error
 *   levels off near ¼·mean|x|² instead of vanishing. Pictures of this experiment hide the ½
 *   because each panel has its own axes.
 * - `inverse: 'active'`: x̂ = (DₓT)⁺·σ(Tx), where Dₓ keeps only the coordinates the activation
 *   left in its linear region (0 < z for ReLU, 0 < z < 6 for ReLU6). This is the paper's own
 *   argument (Section 3.2 and Appendix A): ReLU is invertible on the points whose active
 *   coordinates still span the manifold's 2 dimensions. The error is then exactly 0 for every
 *   point with two independent active coordinates, which for Gaussian T fails with probability
 *   (n + 1)/2ⁿ per point, so it falls to 0 as n grows.
 *
 * A point is *lost* when σ(Tx) does not pin it down: fewer than two independent coordinates are
 * left in σ's linear region (`lostPoints`). Those are the points no later layer can recover; all
 * others come back exactly from their active coordinates, so what survives is the manifold up to
 * the linear map T⁺ and the ½ above, which the next layer's weights can learn.
 */
import { gaussianMatrix } from './random';

/** σ in the paper's Figure 1: ReLU, ReLU6 = min(max(z, 0), 6) (Section 3.2), or the identity. */
export type Activation = 'relu' | 'relu6' | 'linear';

/** How σ(Tx) is mapped back to 2-D: T⁺ (the paper) or (DₓT)⁺ over the active coordinates. */
export type Inverse = 'pinv' | 'active';

/** Smallest and largest embedding dimension n; the UI clamps the `dim` slider to this range. */
export const DIM_RANGE = { min: 2, max: 64 } as const;

/** Smallest and largest number of spiral points. */
export const POINTS_RANGE = { min: 1, max: 20_000 } as const;

/** Default number of spiral points: enough for a smooth curve, cheap at n = 64 (about 1 ms). */
export const DEFAULT_POINTS = 1000;

/** Default seed of T, as in the shared parameter schema (src/lib/params.ts). */
export const DEFAULT_SEED = 1;

/**
 * Outer radius of the spiral. Each coordinate tᵢ·x of Tx is N(0, |x|²) over the draw of T, so
 * with |x| up to 8 the ReLU6 ceiling is reached by P(z > 6/8) ≈ 23% of the coordinates of the
 * outermost points and about 7% at half radius: saturation visibly bends the outer arm while
 * the inner arm behaves like ReLU. With a unit spiral ReLU6 would equal ReLU.
 */
export const SPIRAL_RADIUS = 8;

/** Default number of turns of the spiral (θ runs over [0, 2π·turns]). */
export const SPIRAL_TURNS = 1.5;

/** The error thrown for a parameter outside its range; the UI clamps before calling. */
export class ManifoldRangeError extends RangeError {
  /** The offending option's name (`dim`, `points`, `seed`, `activation`, `inverse`). */
  readonly parameter: string;
  /** The value that was given. */
  readonly value: unknown;
  constructor(parameter: string, value: unknown, expected: string) {
    super(`manifold: ${parameter} must be ${expected}, got ${String(value)}`);
    this.name = 'ManifoldRangeError';
    this.parameter = parameter;
    this.value = value;
  }
}

/** A sampled spiral: points and their position along it. */
export interface Spiral {
  /** Interleaved x, y of each point (a row-major P×2 matrix). */
  readonly points: Float64Array;
  /** Position of each point along the curve, arc length / total length, in [0, 1]. */
  readonly t: Float64Array;
}

/**
 * spiral({ points, turns, radius }): an Archimedean spiral r = b·θ (b = radius / θ_max) sampled
 * at equal arc length, so colouring by `t` shows position along the curve and no arm is denser.
 * Arc length s(θ) = (b/2)(θ√(1+θ²) + asinh θ); θ(s) is found by Newton's method (s′ = b√(1+θ²)).
 */
export function spiral({
  points = DEFAULT_POINTS,
  turns = SPIRAL_TURNS,
  radius = SPIRAL_RADIUS,
}: { points?: number; turns?: number; radius?: number } = {}): Spiral {
  checkPoints(points);
  if (!(turns > 0) || !Number.isFinite(turns)) throw new ManifoldRangeError('turns', turns, 'a positive number');
  if (!(radius > 0) || !Number.isFinite(radius)) throw new ManifoldRangeError('radius', radius, 'a positive number');
  const thetaMax = 2 * Math.PI * turns;
  const arc = (th: number) => 0.5 * (th * Math.sqrt(1 + th * th) + Math.asinh(th)); // s(θ)/b
  const total = arc(thetaMax);
  const b = radius / thetaMax;
  const xy = new Float64Array(2 * points);
  const t = new Float64Array(points);
  let theta = 0;
  for (let k = 0; k < points; k++) {
    const u = points === 1 ? 0 : k / (points - 1);
    const target = u * total;
    // s grows like θ²/2, so √(2s) is a good start; it is also monotone in k, so warm-start.
    theta = Math.max(theta, Math.min(thetaMax, Math.sqrt(2 * target)));
    for (let it = 0; it < 50; it++) {
      const step = (arc(theta) - target) / Math.sqrt(1 + theta * theta);
      theta = Math.min(thetaMax, Math.max(0, theta - step));
      if (Math.abs(step) < 1e-13 * (1 + theta)) break;
    }
    const r = b * theta;
    xy[2 * k] = r * Math.cos(theta);
    xy[2 * k + 1] = r * Math.sin(theta);
    t[k] = u;
  }
  return { points: xy, t };
}

/** embeddingMatrix(n, seed): the paper's random T, n×2 row-major with N(0, 1) entries. */
export function embeddingMatrix(dim: number, seed: number = DEFAULT_SEED): Float64Array {
  checkDim(dim);
  checkSeed(seed);
  return gaussianMatrix(dim, 2, seed);
}

/**
 * pseudoInverse(T, n): T⁺ = (TᵀT)⁻¹Tᵀ, 2×n row-major, for an n×2 T of rank 2. For n = 2 this is
 * T⁻¹. Throws if T is (numerically) of rank below 2: its columns at an angle whose sine is below
 * 10⁻⁷, or a column of zeros.
 *
 * Computed as R⁻¹Qᵀ from T = QR (Gram–Schmidt on the two columns, the second made orthogonal to
 * the first twice), not from TᵀT: forming TᵀT squares T's condition number, and a nearly
 * singular T (seed 70911 at n = 2) then gave a linear round trip an error of 10⁻¹⁸, where QR keeps
 * it at rounding.
 */
export function pseudoInverse(matrix: Float64Array, dim: number): Float64Array {
  if (matrix.length !== 2 * dim) {
    throw new ManifoldRangeError('matrix', matrix.length, `of length 2·n = ${2 * dim}`);
  }
  const col = (j: number): Float64Array => Float64Array.from({ length: dim }, (_, i) => matrix[2 * i + j]);
  const dot = (u: Float64Array, v: Float64Array): number => u.reduce((sum, x, i) => sum + x * v[i], 0);
  const q1 = col(0);
  const v = col(1);
  const r11 = Math.sqrt(dot(q1, q1));
  const norm2 = Math.sqrt(dot(v, v));
  const rankBelow2 = (): RangeError => new RangeError('manifold: T has rank < 2, so T⁺ = (TᵀT)⁻¹Tᵀ does not exist');
  if (!(r11 > 0 && norm2 > 0)) throw rankBelow2();
  for (let i = 0; i < dim; i++) q1[i] /= r11;
  let r12 = 0;
  for (let pass = 0; pass < 2; pass++) {
    const s = dot(q1, v);
    for (let i = 0; i < dim; i++) v[i] -= s * q1[i];
    r12 += s;
  }
  const r22 = Math.sqrt(dot(v, v));
  if (!(r22 > 1e-7 * norm2)) throw rankBelow2();
  // T⁺ = R⁻¹Qᵀ with R = [[r11, r12], [0, r22]]: row 1 is q₂/r22, row 0 is (q₁ − r12·row 1)/r11.
  const out = new Float64Array(2 * dim);
  for (let i = 0; i < dim; i++) {
    out[dim + i] = v[i] / r22 / r22;
    out[i] = (q1[i] - r12 * out[dim + i]) / r11;
  }
  return out;
}

/** The 2×2 Gram matrix [[a, b], [b, c]] = (D_x·T)ᵀ(D_x·T) of T's rows active at x, their number and u = (D_x·T)ᵀ·(T·x). */
export interface ActiveGram {
  readonly a: number;
  readonly b: number;
  readonly c: number;
  readonly u0: number;
  readonly u1: number;
  readonly rows: number;
}

/**
 * activeGram(T, n, x, σ): the Gram matrix of the rows tᵢ of T (n×2) whose coordinate zᵢ = tᵢ·x is
 * in σ's linear region (isActive), with u = Σ tᵢzᵢ over the same rows. With σ linear every row is
 * active, so activeGram(T, n, 0, 0, 'linear') is TᵀT, the matrix pseudoInverse inverts; lostPoints
 * asks whether the active rows' Gram matrix has rank 2 (Sandler et al. 2018, Appendix A).
 */
export function activeGram(matrix: Float64Array, dim: number, x: number, y: number, activation: Activation): ActiveGram {
  let a = 0;
  let b = 0;
  let c = 0;
  let u0 = 0;
  let u1 = 0;
  let rows = 0;
  for (let i = 0; i < dim; i++) {
    const p = matrix[2 * i];
    const q = matrix[2 * i + 1];
    const z = p * x + q * y;
    if (isActive(z, activation)) {
      rows++;
      a += p * p;
      b += p * q;
      c += q * q;
      u0 += p * z;
      u1 += q * z;
    }
  }
  return { a, b, c, u0, u1, rows };
}

/** activate(z, σ): one coordinate through σ. */
export function activate(z: number, activation: Activation): number {
  if (activation === 'linear') return z;
  if (activation === 'relu') return z > 0 ? z : 0;
  return z > 0 ? (z < 6 ? z : 6) : 0;
}

/** Options of the round trip; `points` is how many spiral points to sample. */
export interface RoundTripOptions {
  /** n, the embedding dimension: an integer in 2..64. */
  dim: number;
  /** Number of spiral points P: an integer in 1..20000 (default 1000). */
  points?: number;
  /** Seed of T (default 1). */
  seed?: number;
  /** σ (default 'relu'). */
  activation?: Activation;
  /** The way back (default 'pinv', the paper's T⁻¹). */
  inverse?: Inverse;
}

/** The round trip's options after validation and defaults. */
export type ResolvedRoundTripOptions = Required<RoundTripOptions>;

/** The result of x → σ(Tx) → x̂ for every spiral point. */
export interface RoundTrip extends ResolvedRoundTripOptions {
  /** Position of each point along the spiral, in [0, 1]. */
  readonly t: Float64Array;
  /** The spiral x, interleaved (P×2). */
  readonly input: Float64Array;
  /** The reconstruction x̂, interleaved (P×2). */
  readonly reconstructed: Float64Array;
  /** Reconstruction error: mean over points of |x̂ − x|². */
  readonly error: number;
  /** error / mean |x|²: 0 is perfect, 1 is as bad as answering 0 for every point. */
  readonly relativeError: number;
  /** Fraction of the P·n coordinates that σ left in its linear region (1 for linear). */
  readonly activeFraction: number;
  /** 1 for each point that σ(Tx) does not pin down (see lostPoints), else 0. */
  readonly lost: Uint8Array;
  /** Fraction of the points that are lost: count / P (see predictedLostFraction). */
  readonly lostFraction: number;
}

/** resolveRoundTripOptions(o): validates and fills in defaults (shared with the tfjs version). */
export function resolveRoundTripOptions(options: RoundTripOptions): ResolvedRoundTripOptions {
  const {
    dim,
    points = DEFAULT_POINTS,
    seed = DEFAULT_SEED,
    activation = 'relu',
    inverse = 'pinv',
  } = options;
  checkDim(dim);
  checkPoints(points);
  checkSeed(seed);
  if (activation !== 'relu' && activation !== 'relu6' && activation !== 'linear') {
    throw new ManifoldRangeError('activation', activation, "one of 'relu', 'relu6', 'linear'");
  }
  if (inverse !== 'pinv' && inverse !== 'active') {
    throw new ManifoldRangeError('inverse', inverse, "one of 'pinv', 'active'");
  }
  return { dim, points, seed, activation, inverse };
}

/**
 * reluRoundTrip({ dim: n, points, seed, activation: σ, inverse }): the spiral x through
 * x̂ = T⁺σ(Tx) (or (DₓT)⁺σ(Tx)), with the mean squared reconstruction error.
 */
export function reluRoundTrip(options: RoundTripOptions): RoundTrip {
  const o = resolveRoundTripOptions(options);
  const { points: input, t } = spiral({ points: o.points });
  const T = embeddingMatrix(o.dim, o.seed);
  return roundTripWith(o, input, t, T);
}

/** The round trip on given points and a given T (n×2); reluRoundTrip draws both. */
export function roundTripWith(
  o: ResolvedRoundTripOptions,
  input: Float64Array,
  t: Float64Array,
  T: Float64Array,
): RoundTrip {
  const n = o.dim;
  const count = input.length / 2;
  const reconstructed = new Float64Array(input.length);
  const pinv = o.inverse === 'pinv' ? pseudoInverse(T, n) : undefined;
  const lost = lostPoints(input, T, n, o.activation);
  let lostCount = 0;
  for (let k = 0; k < count; k++) lostCount += lost[k];
  let sq = 0;
  let norm = 0;
  let active = 0;
  for (let k = 0; k < count; k++) {
    const x = input[2 * k];
    const y = input[2 * k + 1];
    let r0 = 0;
    let r1 = 0;
    if (pinv) {
      for (let i = 0; i < n; i++) {
        const z = T[2 * i] * x + T[2 * i + 1] * y;
        const h = activate(z, o.activation);
        if (isActive(z, o.activation)) active++;
        r0 += pinv[i] * h;
        r1 += pinv[n + i] * h;
      }
    } else {
      // Least squares on the active rows only: (DT)ᵀ(DT) x̂ = (DT)ᵀ σ(Tx).
      const { a, b, c, u0, u1, rows } = activeGram(T, n, x, y, o.activation);
      active += rows;
      const trace = a + c;
      const det = a * c - b * b;
      if (det > RANK_TOLERANCE * trace * trace) {
        r0 = (c * u0 - b * u1) / det;
        r1 = (a * u1 - b * u0) / det;
      } else if (trace > 0) {
        // Rank 1 (one active row, or parallel rows): G⁺ = G / trace², the best we can do.
        r0 = (a * u0 + b * u1) / (trace * trace);
        r1 = (b * u0 + c * u1) / (trace * trace);
      }
    }
    reconstructed[2 * k] = r0;
    reconstructed[2 * k + 1] = r1;
    sq += (r0 - x) * (r0 - x) + (r1 - y) * (r1 - y);
    norm += x * x + y * y;
  }
  const error = count > 0 ? sq / count : 0;
  return {
    ...o,
    t,
    input,
    reconstructed,
    error,
    relativeError: norm > 0 ? sq / norm : 0,
    activeFraction: count > 0 ? active / (count * n) : 1,
    lost,
    lostFraction: count > 0 ? lostCount / count : 0,
  };
}

/**
 * Rows whose Gram matrix [[a, b], [b, c]] has det ≤ RANK_TOLERANCE·trace² count as rank < 2
 * (parallel to rounding). Two Gaussian rows are that close to parallel with probability ~1e-6.
 */
export const RANK_TOLERANCE = 1e-12;

/** Whether coordinate z is in σ's linear region, where σ can be undone: 0 < z (< 6 for ReLU6). */
export function isActive(z: number, activation: Activation): boolean {
  if (activation === 'linear') return true;
  return z > 0 && (activation === 'relu' || z < 6);
}

/**
 * positivelySpans(T, n): whether the rows tᵢ of T (n×2) positively span the plane, i.e. every
 * direction has a row at an angle under 90° to it: the angles of the rows, sorted, leave no gap of
 * π or more. Then Tx ≤ 0 only at x = 0, so σ(Tx) = 0 tells that x was the origin.
 */
export function positivelySpans(matrix: Float64Array, dim: number): boolean {
  const angles: number[] = [];
  for (let i = 0; i < dim; i++) {
    const p = matrix[2 * i];
    const q = matrix[2 * i + 1];
    if (p !== 0 || q !== 0) angles.push(Math.atan2(q, p));
  }
  if (angles.length < 3) return false;
  angles.sort((u, v) => u - v);
  let gap = angles[0] + 2 * Math.PI - angles[angles.length - 1];
  for (let i = 1; i < angles.length; i++) gap = Math.max(gap, angles[i] - angles[i - 1]);
  return gap < Math.PI;
}

/**
 * lostPoints(x, T, n, σ): 1 for each point that cannot be recovered from σ(Tx), else 0. Where σ
 * is linear on the coordinates D_x keeps (isActive), D_x·σ(Tx) = D_x·T·x, so x is recovered
 * exactly when D_x·T has rank 2: two independent active coordinates (Sandler et al. 2018, §3.2
 * and Appendix A). With fewer, other points give the same σ(Tx) (a whole segment, for one active
 * coordinate), so the point is lost. One exception: at x = 0 every coordinate is 0, and if the rows
 * positively span the plane no other x has σ(Tx) = 0, so the origin is known.
 */
export function lostPoints(input: Float64Array, matrix: Float64Array, dim: number, activation: Activation): Uint8Array {
  const count = input.length / 2;
  const lost = new Uint8Array(count);
  let originKnown: boolean | undefined;
  for (let k = 0; k < count; k++) {
    const x = input[2 * k];
    const y = input[2 * k + 1];
    const { a, b, c } = activeGram(matrix, dim, x, y, activation);
    const trace = a + c;
    if (a * c - b * b > RANK_TOLERANCE * trace * trace && trace > 0) continue;
    if (x === 0 && y === 0) {
      originKnown ??= positivelySpans(matrix, dim);
      if (originKnown) continue;
    }
    lost[k] = 1;
  }
  return lost;
}

/**
 * predictedLostFraction(n): (1 + n)/2ⁿ, the probability that a point x ≠ 0 is lost after ReLU
 * for a random Gaussian T (n×2). Each tᵢ·x is N(0, |x|²), so positive with probability ½,
 * independently over the n rows; two positive Gaussian rows are independent with probability 1,
 * so x is lost exactly when 0 or 1 rows are positive: (C(n,0) + C(n,1))/2ⁿ = (1 + n)/2ⁿ. The paper
 * makes the point in words (Sandler et al. 2018, §3.2 and Appendix A); this count is derived in
 * chapter 5 of this site, and lostCurve checks it against random T.
 */
export function predictedLostFraction(dim: number): number {
  checkDim(dim);
  return (1 + dim) / 2 ** dim;
}

/** The lost fraction for one n over several random T, against the prediction. */
export interface LostCurvePoint {
  /** n. */
  readonly dim: number;
  /** Mean over the seeds of the fraction of points lost. */
  readonly mean: number;
  readonly min: number;
  readonly max: number;
  /** (1 + n)/2ⁿ (for ReLU; the prediction does not cover ReLU6 or linear). */
  readonly predicted: number;
  /** The fraction for each seed, in the order of `seeds`. */
  readonly fractions: Float64Array;
}

/**
 * lostCurve({ dims, seeds, points, activation }): the fraction of the spiral's points lost after
 * σ, against n, for several random T (a count k means seeds 1..k), with (1 + n)/2ⁿ beside it.
 */
export function lostCurve({
  dims,
  seeds,
  points = DEFAULT_POINTS,
  activation = 'relu',
}: {
  dims: readonly number[];
  seeds: number | readonly number[];
  points?: number;
  activation?: Activation;
}): LostCurvePoint[] {
  const seedList = typeof seeds === 'number' ? countSeeds(seeds) : seeds;
  if (seedList.length === 0) throw new ManifoldRangeError('seeds', seeds, 'at least one seed');
  const { points: input } = spiral({ points });
  return dims.map((dim) => {
    resolveRoundTripOptions({ dim, points, activation });
    const fractions = Float64Array.from(seedList, (seed) => {
      checkSeed(seed);
      const lost = lostPoints(input, embeddingMatrix(dim, seed), dim, activation);
      let n = 0;
      for (let k = 0; k < lost.length; k++) n += lost[k];
      return n / points;
    });
    return {
      dim,
      mean: fractions.reduce((acc, f) => acc + f, 0) / fractions.length,
      min: Math.min(...fractions),
      max: Math.max(...fractions),
      predicted: predictedLostFraction(dim),
      fractions,
    };
  });
}

/** Error statistics over several random T for one n. */
export interface ErrorCurvePoint {
  /** n. */
  readonly dim: number;
  /** Mean of the reconstruction error over the seeds. */
  readonly mean: number;
  /** Population standard deviation over the seeds. */
  readonly std: number;
  readonly min: number;
  readonly median: number;
  readonly max: number;
  /** Mean of the relative error (error / mean |x|²). */
  readonly meanRelative: number;
  /** The error for each seed, in the order of `seeds`. */
  readonly errors: Float64Array;
}

/**
 * errorCurve({ dims, seeds }): reconstruction error against n, with its spread over several
 * random T per n. `seeds` is a list, or a count k meaning seeds 1..k.
 */
export function errorCurve({
  dims,
  seeds,
  points = DEFAULT_POINTS,
  activation = 'relu',
  inverse = 'pinv',
}: {
  dims: readonly number[];
  seeds: number | readonly number[];
  points?: number;
  activation?: Activation;
  inverse?: Inverse;
}): ErrorCurvePoint[] {
  const seedList = typeof seeds === 'number' ? countSeeds(seeds) : seeds;
  if (seedList.length === 0) throw new ManifoldRangeError('seeds', seeds, 'at least one seed');
  const { points: input, t } = spiral({ points });
  return dims.map((dim) => {
    const errors = new Float64Array(seedList.length);
    let relative = 0;
    seedList.forEach((seed, s) => {
      const o = resolveRoundTripOptions({ dim, points, seed, activation, inverse });
      const r = roundTripWith(o, input, t, embeddingMatrix(dim, seed));
      errors[s] = r.error;
      relative += r.relativeError;
    });
    const sorted = Float64Array.from(errors).sort();
    const m = sorted.length;
    const mean = errors.reduce((acc, e) => acc + e, 0) / m;
    const variance = errors.reduce((acc, e) => acc + (e - mean) * (e - mean), 0) / m;
    const median = m % 2 === 1 ? sorted[(m - 1) / 2] : (sorted[m / 2 - 1] + sorted[m / 2]) / 2;
    return {
      dim,
      mean,
      std: Math.sqrt(variance),
      min: sorted[0],
      median,
      max: sorted[m - 1],
      meanRelative: relative / m,
      errors,
    };
  });
}

function countSeeds(count: number): number[] {
  if (!Number.isInteger(count) || count < 1) throw new ManifoldRangeError('seeds', count, 'a positive integer count or a list');
  return Array.from({ length: count }, (_, i) => i + 1);
}

function checkDim(dim: number): void {
  if (!Number.isInteger(dim) || dim < DIM_RANGE.min || dim > DIM_RANGE.max) {
    throw new ManifoldRangeError('dim', dim, `an integer in ${DIM_RANGE.min}..${DIM_RANGE.max}`);
  }
}

function checkPoints(points: number): void {
  if (!Number.isInteger(points) || points < POINTS_RANGE.min || points > POINTS_RANGE.max) {
    throw new ManifoldRangeError('points', points, `an integer in ${POINTS_RANGE.min}..${POINTS_RANGE.max}`);
  }
}

function checkSeed(seed: number): void {
  if (!Number.isFinite(seed)) throw new ManifoldRangeError('seed', seed, 'a finite number');
}
