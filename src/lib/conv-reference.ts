/**
 * A tiny hand-written reference convolution for the `conv-steps` teaching widget: every output
 * value comes with the products that were summed into it, so the page can print
 * "3·1 + 0·2 + … = 14". Float64, plain loops, no tfjs; the tfjs runners are checked against it.
 *
 * Layouts follow TensorFlow (and so `tf.conv2d` / `tf.depthwiseConv2d`):
 * - a feature map is HWC: value (y, x, c) at data[(y·W + x)·C + c];
 * - a standard kernel is D_K×D_K×M×N (HWIO): W[i, j, m, n] at ((i·D_K + j)·M + m)·N + n;
 * - a depthwise kernel is D_K×D_K×M (channel multiplier 1, as in MobileNet): dw[i, j, m];
 * - a pointwise kernel is M×N: pw[m, n].
 * Padding 'same' is TensorFlow's: output size ⌈D_F / s⌉, total padding
 * max((out − 1)·s + D_K − D_F, 0), the smaller half before (top/left).
 */
import { outputSize } from './cost';
import { mulberry32, randomInt } from './random';

/** A feature map D_F×D_F×M (height × width × channels), HWC row-major. */
export interface FeatureMap {
  readonly height: number;
  readonly width: number;
  readonly channels: number;
  readonly data: Float64Array;
}

/** A standard kernel K of size D_K×D_K×M×N (HWIO). */
export interface ConvKernel {
  readonly size: number;
  readonly inChannels: number;
  readonly outChannels: number;
  readonly data: Float64Array;
}

/** A depthwise kernel: one D_K×D_K filter per input channel m (layout [i, j, m]). */
export interface DepthwiseKernel {
  readonly size: number;
  readonly channels: number;
  readonly data: Float64Array;
}

/** A pointwise (1×1) kernel M→N (layout [m, n]). */
export interface PointwiseKernel {
  readonly inChannels: number;
  readonly outChannels: number;
  readonly data: Float64Array;
}

/** Stride s and padding of a convolution. */
export interface ConvOptions {
  readonly stride?: number;
  readonly padding?: 'valid' | 'same';
  /** List the products of every output value (default true); false leaves `steps` empty. */
  readonly withTerms?: boolean;
}

/** One product input · weight that contributes to an output value. */
export interface ConvTerm {
  /** Kernel row i and column j (0 for pointwise). */
  readonly i: number;
  readonly j: number;
  /** Input channel m. */
  readonly m: number;
  /** Input position; outside the map (padding) when `padded`. */
  readonly inY: number;
  readonly inX: number;
  /** True where the kernel hangs over the border: the input is a padding zero. */
  readonly padded: boolean;
  readonly input: number;
  readonly weight: number;
}

/** How one output value (y, x, n) came about: its products and their sum. */
export interface ConvStep {
  readonly y: number;
  readonly x: number;
  /** Output channel (for depthwise, the channel m it came from). */
  readonly n: number;
  readonly value: number;
  readonly terms: readonly ConvTerm[];
}

/** Output map and, per output value in HWC order (steps[k] explains output.data[k]), its sum; `steps` is empty when `withTerms` is false. */
export interface ConvResult {
  readonly output: FeatureMap;
  readonly steps: readonly ConvStep[];
}

/** featureMap(H, W, C, values): an H×W×C map in HWC order (zeros if no values). */
export function featureMap(height: number, width: number, channels: number, values?: ArrayLike<number>): FeatureMap {
  checkPositiveInt('height', height);
  checkPositiveInt('width', width);
  checkPositiveInt('channels', channels);
  return { height, width, channels, data: filled(height * width * channels, values, 'feature map') };
}

/** convKernel(D_K, M, N, values): a D_K×D_K×M×N standard kernel (HWIO). */
export function convKernel(size: number, inChannels: number, outChannels: number, values?: ArrayLike<number>): ConvKernel {
  checkPositiveInt('kernel size', size);
  checkPositiveInt('inChannels', inChannels);
  checkPositiveInt('outChannels', outChannels);
  return { size, inChannels, outChannels, data: filled(size * size * inChannels * outChannels, values, 'kernel') };
}

/** depthwiseKernel(D_K, M, values): M filters of D_K×D_K (layout [i, j, m]). */
export function depthwiseKernel(size: number, channels: number, values?: ArrayLike<number>): DepthwiseKernel {
  checkPositiveInt('kernel size', size);
  checkPositiveInt('channels', channels);
  return { size, channels, data: filled(size * size * channels, values, 'depthwise kernel') };
}

/** pointwiseKernel(M, N, values): the 1×1 kernel M→N (layout [m, n]). */
export function pointwiseKernel(inChannels: number, outChannels: number, values?: ArrayLike<number>): PointwiseKernel {
  checkPositiveInt('inChannels', inChannels);
  checkPositiveInt('outChannels', outChannels);
  return { inChannels, outChannels, data: filled(inChannels * outChannels, values, 'pointwise kernel') };
}


/**
 * conv2d(F, K, { stride, padding }): the standard convolution
 * G[y, x, n] = Σ_{i,j,m} K[i, j, m, n] · F[s·y + i − p, s·x + j − p, m] (MobileNet V1, eq. 1),
 * with every product listed.
 */
export function conv2d(input: FeatureMap, kernel: ConvKernel, options: ConvOptions = {}): ConvResult {
  if (kernel.inChannels !== input.channels) {
    throw new RangeError(`conv2d: kernel has M = ${kernel.inChannels} input channels, the map has ${input.channels}`);
  }
  const K = kernel.size;
  const M = kernel.inChannels;
  const N = kernel.outChannels;
  return slide(input, K, N, options, (n, add) => {
    for (let i = 0; i < K; i++) {
      for (let j = 0; j < K; j++) {
        for (let m = 0; m < M; m++) add(i, j, m, kernel.data[((i * K + j) * M + m) * N + n]);
      }
    }
  });
}

/**
 * depthwiseConv2d(F, dw, { stride, padding }): one filter per input channel,
 * Ĝ[y, x, m] = Σ_{i,j} dw[i, j, m] · F[s·y + i − p, s·x + j − p, m] (MobileNet V1, eq. 3).
 */
export function depthwiseConv2d(input: FeatureMap, kernel: DepthwiseKernel, options: ConvOptions = {}): ConvResult {
  if (kernel.channels !== input.channels) {
    throw new RangeError(`depthwiseConv2d: kernel has ${kernel.channels} channels, the map has ${input.channels}`);
  }
  const K = kernel.size;
  const M = kernel.channels;
  return slide(input, K, M, options, (m, add) => {
    for (let i = 0; i < K; i++) {
      for (let j = 0; j < K; j++) add(i, j, m, kernel.data[(i * K + j) * M + m]);
    }
  });
}

/** pointwiseConv2d(F, pw): the 1×1 convolution G[y, x, n] = Σ_m pw[m, n] · F[y, x, m]. */
export function pointwiseConv2d(input: FeatureMap, kernel: PointwiseKernel, { withTerms = true }: { withTerms?: boolean } = {}): ConvResult {
  if (kernel.inChannels !== input.channels) {
    throw new RangeError(`pointwiseConv2d: kernel has M = ${kernel.inChannels} input channels, the map has ${input.channels}`);
  }
  const M = kernel.inChannels;
  const N = kernel.outChannels;
  return slide(input, 1, N, { stride: 1, padding: 'valid', withTerms }, (n, add) => {
    for (let m = 0; m < M; m++) add(0, 0, m, kernel.data[m * N + n]);
  });
}

/** separableConv2d(F, dw, pw, options): depthwise then pointwise, the MobileNet V1 building block. */
export function separableConv2d(
  input: FeatureMap,
  depthwise: DepthwiseKernel,
  pointwise: PointwiseKernel,
  options: ConvOptions = {},
): { depthwise: ConvResult; pointwise: ConvResult } {
  const dw = depthwiseConv2d(input, depthwise, options);
  return { depthwise: dw, pointwise: pointwiseConv2d(dw.output, pointwise, { withTerms: options.withTerms }) };
}

/**
 * factorableKernel(dw, pw): the standard kernel W[i, j, m, n] = dw[i, j, m] · pw[m, n]. Its
 * convolution equals depthwise-then-pointwise (swap the sums over m and (i, j)), which is what a
 * separable layer can express: D_K²·M + M·N numbers instead of D_K²·M·N.
 */
export function factorableKernel(depthwise: DepthwiseKernel, pointwise: PointwiseKernel): ConvKernel {
  if (depthwise.channels !== pointwise.inChannels) {
    throw new RangeError(`factorableKernel: depthwise has ${depthwise.channels} channels, pointwise expects M = ${pointwise.inChannels}`);
  }
  const K = depthwise.size;
  const M = depthwise.channels;
  const N = pointwise.outChannels;
  const data = new Float64Array(K * K * M * N);
  for (let ij = 0; ij < K * K; ij++) {
    for (let m = 0; m < M; m++) {
      const d = depthwise.data[ij * M + m];
      for (let n = 0; n < N; n++) data[(ij * M + m) * N + n] = d * pointwise.data[m * N + n];
    }
  }
  return { size: K, inChannels: M, outChannels: N, data };
}

/** The best separable approximation of a standard kernel and how far it is from it. */
export interface SeparableApproximation {
  readonly depthwise: DepthwiseKernel;
  readonly pointwise: PointwiseKernel;
  /** factorableKernel(depthwise, pointwise). */
  readonly kernel: ConvKernel;
  /** ‖W − Ŵ‖_F / ‖W‖_F (0 for the zero kernel). */
  readonly relativeError: number;
  /** Per input channel m, the singular values of the D_K²×N slice W[:, :, m, :], largest first. */
  readonly singularValues: readonly Float64Array[];
}

/**
 * bestSeparableApproximation(W): the kernel dw[i, j, m]·pw[m, n] nearest to W in Frobenius norm.
 * The terms for different m share nothing, so per input channel this is the best rank-1
 * approximation of the D_K²×N matrix W[:, :, m, :], its top singular pair σ₁u₁v₁ᵀ
 * (Eckart–Young). dw[:, :, m] = σ₁u₁ and pw[m, :] = v₁, signed so that Σ_n pw[m, n] ≥ 0.
 * The singular values come from a cyclic Jacobi eigensolver on the smaller Gram matrix in
 * float64; unlike power iteration it does not stall when σ₁ ≈ σ₂.
 */
export function bestSeparableApproximation(kernel: ConvKernel): SeparableApproximation {
  const K = kernel.size;
  const M = kernel.inChannels;
  const N = kernel.outChannels;
  const R = K * K;
  const dw = new Float64Array(R * M);
  const pw = new Float64Array(M * N);
  const singularValues: Float64Array[] = [];
  for (let m = 0; m < M; m++) {
    const A = new Float64Array(R * N); // A[r, n] = W[r, m, n]
    for (let r = 0; r < R; r++) {
      for (let n = 0; n < N; n++) A[r * N + n] = kernel.data[(r * M + m) * N + n];
    }
    const { sigma, u, v, all } = topSingular(A, R, N);
    let sum = 0;
    for (let n = 0; n < N; n++) sum += v[n];
    const sign = sum < 0 ? -1 : 1;
    for (let r = 0; r < R; r++) dw[r * M + m] = sign * sigma * u[r];
    for (let n = 0; n < N; n++) pw[m * N + n] = sign * v[n];
    singularValues.push(all);
  }
  const depthwise = { size: K, channels: M, data: dw };
  const pointwise = { inChannels: M, outChannels: N, data: pw };
  const approx = factorableKernel(depthwise, pointwise);
  let diff = 0;
  let norm = 0;
  for (let k = 0; k < kernel.data.length; k++) {
    const d = kernel.data[k] - approx.data[k];
    diff += d * d;
    norm += kernel.data[k] * kernel.data[k];
  }
  return {
    depthwise,
    pointwise,
    kernel: approx,
    relativeError: norm > 0 ? Math.sqrt(diff / norm) : 0,
    singularValues,
  };
}

/** The top singular triple of a rows×cols matrix A (row-major) and all its singular values. */
function topSingular(A: Float64Array, rows: number, cols: number): { sigma: number; u: Float64Array; v: Float64Array; all: Float64Array } {
  // Eigen-decompose the smaller Gram matrix: AᵀA (cols×cols) or AAᵀ (rows×rows).
  const useCols = cols <= rows;
  const size = useCols ? cols : rows;
  const G = new Float64Array(size * size);
  for (let a = 0; a < size; a++) {
    for (let b = a; b < size; b++) {
      let s = 0;
      if (useCols) for (let r = 0; r < rows; r++) s += A[r * cols + a] * A[r * cols + b];
      else for (let c = 0; c < cols; c++) s += A[a * cols + c] * A[b * cols + c];
      G[a * size + b] = s;
      G[b * size + a] = s;
    }
  }
  const { values, vectors } = jacobiEigen(G, size);
  let top = 0;
  for (let k = 1; k < size; k++) if (values[k] > values[top]) top = k;
  const all = Float64Array.from(values, (x) => Math.sqrt(Math.max(0, x))).sort().reverse();
  const sigma = Math.sqrt(Math.max(0, values[top]));
  const u = new Float64Array(rows);
  const v = new Float64Array(cols);
  if (sigma === 0) {
    // The zero slice: any unit pair will do; dw = 0 makes the product 0.
    v[0] = 1;
    return { sigma: 0, u, v, all };
  }
  if (useCols) {
    for (let c = 0; c < cols; c++) v[c] = vectors[c * size + top];
    for (let r = 0; r < rows; r++) {
      let s = 0;
      for (let c = 0; c < cols; c++) s += A[r * cols + c] * v[c];
      u[r] = s / sigma; // u = Av / σ
    }
  } else {
    for (let r = 0; r < rows; r++) u[r] = vectors[r * size + top];
    for (let c = 0; c < cols; c++) {
      let s = 0;
      for (let r = 0; r < rows; r++) s += A[r * cols + c] * u[r];
      v[c] = s / sigma; // v = Aᵀu / σ
    }
  }
  return { sigma, u, v, all };
}

/** Cyclic Jacobi eigen-decomposition of a symmetric size×size matrix; column k of `vectors` is eigenvector k. */
function jacobiEigen(matrix: Float64Array, size: number): { values: Float64Array; vectors: Float64Array } {
  const a = Float64Array.from(matrix);
  const V = new Float64Array(size * size);
  for (let k = 0; k < size; k++) V[k * size + k] = 1;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    let total = 0;
    for (let p = 0; p < size; p++) {
      for (let q = 0; q < size; q++) {
        const x = a[p * size + q] * a[p * size + q];
        total += x;
        if (p !== q) off += x;
      }
    }
    if (off <= 1e-30 * total || off === 0) break;
    for (let p = 0; p < size - 1; p++) {
      for (let q = p + 1; q < size; q++) {
        const apq = a[p * size + q];
        if (apq === 0) continue;
        const theta = (a[q * size + q] - a[p * size + p]) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < size; k++) {
          const akp = a[k * size + p];
          const akq = a[k * size + q];
          a[k * size + p] = c * akp - s * akq;
          a[k * size + q] = s * akp + c * akq;
        }
        for (let k = 0; k < size; k++) {
          const apk = a[p * size + k];
          const aqk = a[q * size + k];
          a[p * size + k] = c * apk - s * aqk;
          a[q * size + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < size; k++) {
          const vkp = V[k * size + p];
          const vkq = V[k * size + q];
          V[k * size + p] = c * vkp - s * vkq;
          V[k * size + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const values = new Float64Array(size);
  for (let k = 0; k < size; k++) values[k] = a[k * size + k];
  return { values, vectors: V };
}

/** The small worked example of the `conv-steps` figure. */
export interface ConvStepsExample {
  readonly input: FeatureMap;
  readonly depthwise: DepthwiseKernel;
  readonly pointwise: PointwiseKernel;
}

/**
 * convStepsExample(seed): a 5×5×3 input with integers 0..4, three 3×3 depthwise filters with
 * integers −1..2 and a 3→2 pointwise kernel with integers −1..2. Small integers keep every
 * product and sum exact and readable ("3·1 + 0·2 + … = 14").
 */
export function convStepsExample(
  seed = 1,
  { size = 5, kernelSize = 3, inChannels = 3, outChannels = 2 }: { size?: number; kernelSize?: number; inChannels?: number; outChannels?: number } = {},
): ConvStepsExample {
  const rng = mulberry32(seed);
  const ints = (length: number, lo: number, hi: number) => Array.from({ length }, () => randomInt(rng, lo, hi));
  return {
    input: featureMap(size, size, inChannels, ints(size * size * inChannels, 0, 4)),
    depthwise: depthwiseKernel(kernelSize, inChannels, ints(kernelSize * kernelSize * inChannels, -1, 2)),
    pointwise: pointwiseKernel(inChannels, outChannels, ints(inChannels * outChannels, -1, 2)),
  };
}

/** The standard-convolution version of the `conv-steps` example. */
export interface ConvStepsStandardExample {
  readonly input: FeatureMap;
  readonly kernel: ConvKernel;
}

/**
 * convStepsStandardExample(seed): the same 5×5×3 input as convStepsExample(seed), and a standard
 * 3×3×3×2 kernel with integers −1..2 from a stream of its own (seed + 7919), so chapter 1's
 * standard layer and chapter 3's separable one read the same picture.
 */
export function convStepsStandardExample(seed = 1): ConvStepsStandardExample {
  const { input } = convStepsExample(seed);
  const rng = mulberry32(seed + 7919);
  const k = input.channels;
  return { input, kernel: convKernel(3, k, 2, Array.from({ length: 3 * 3 * k * 2 }, () => randomInt(rng, -1, 2))) };
}

/** Slides a D_K×D_K window over the map; `visit(out, add)` adds the products of one output channel. */
function slide(
  input: FeatureMap,
  K: number,
  outChannels: number,
  options: ConvOptions,
  visit: (out: number, add: (i: number, j: number, m: number, weight: number) => void) => void,
): ConvResult {
  const stride = options.stride ?? 1;
  const padding = options.padding ?? 'valid';
  const withTerms = options.withTerms ?? true;
  checkPositiveInt('stride', stride);
  if (padding !== 'valid' && padding !== 'same') throw new RangeError(`padding must be 'valid' or 'same', got ${String(padding)}`);
  const { height: H, width: W, channels: C } = input;
  if (padding === 'valid' && (K > H || K > W)) {
    throw new RangeError(`a ${K}×${K} kernel does not fit a ${H}×${W} map with 'valid' padding`);
  }
  const outH = outputSize(H, K, stride, padding);
  const outW = outputSize(W, K, stride, padding);
  const padTop = padding === 'same' ? Math.floor(Math.max((outH - 1) * stride + K - H, 0) / 2) : 0;
  const padLeft = padding === 'same' ? Math.floor(Math.max((outW - 1) * stride + K - W, 0) / 2) : 0;
  const out = new Float64Array(outH * outW * outChannels);
  const steps: ConvStep[] = [];
  for (let y = 0; y < outH; y++) {
    for (let x = 0; x < outW; x++) {
      for (let o = 0; o < outChannels; o++) {
        const terms: ConvTerm[] = [];
        let value = 0;
        visit(o, (i, j, m, weight) => {
          const inY = y * stride + i - padTop;
          const inX = x * stride + j - padLeft;
          const padded = inY < 0 || inY >= H || inX < 0 || inX >= W;
          const v = padded ? 0 : input.data[(inY * W + inX) * C + m];
          value += v * weight;
          if (withTerms) terms.push({ i, j, m, inY, inX, padded, input: v, weight });
        });
        out[(y * outW + x) * outChannels + o] = value;
        if (withTerms) steps.push({ y, x, n: o, value, terms });
      }
    }
  }
  return { output: { height: outH, width: outW, channels: outChannels, data: out }, steps };
}

function filled(length: number, values: ArrayLike<number> | undefined, what: string): Float64Array {
  if (values === undefined) return new Float64Array(length);
  if (values.length !== length) throw new RangeError(`${what}: expected ${length} values, got ${values.length}`);
  return Float64Array.from(values as ArrayLike<number>);
}

function checkPositiveInt(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 1) throw new RangeError(`${name} must be a positive integer, got ${value}`);
}
