/**
 * The cost model: parameters and mult-adds of one convolution layer, exact integers.
 *
 * Notation (Howard et al. 2017, arXiv:1704.04861, §3.1): D_K kernel size (`k`), M input
 * channels (`cin`), N output channels (`cout`), D_F feature-map size, G groups.
 * Conventions: mult-adds count weights only (no bias, no BN), as the
 * papers do; `params` includes the bias when `bias` is true; BN is counted by the
 * architectures, never here. Every product is formed in BigInt and checked against
 * Number.MAX_SAFE_INTEGER, so a result is either exact or a CostError('overflow').
 */
import { CostError } from './errors';

/** The convolution kinds the cost model knows. */
export type ConvKind = 'standard' | 'grouped' | 'depthwise' | 'pointwise' | 'separable';
/** 'same': D_out = ⌈D_in / s⌉; 'valid': D_out = ⌊(D_in − D_K) / s⌋ + 1 (TensorFlow/Keras). */
export type Padding = 'same' | 'valid';

/** One convolution layer. Defaults: stride 1, padding 'same', inW = inH, bias false. */
export interface ConvSpec {
  kind: ConvKind;
  /** D_K, kernel size (square). 'pointwise' requires 1. */
  k: number;
  /** M, input channels. */
  cin: number;
  /** N, output channels. For 'depthwise' N = M · depth multiplier. */
  cout: number;
  /** G, for 'grouped' (required there); 'standard' accepts only 1, 'depthwise' only M. */
  groups?: number;
  /** Input height (D_F of the input). */
  inH: number;
  /** Input width; defaults to inH. */
  inW?: number;
  stride?: number;
  padding?: Padding;
  /** Add N bias terms (for 'separable': on the pointwise part only, as Keras SeparableConv2D). */
  bias?: boolean;
}

/** Exact cost of one layer. All counts are safe integers. */
export interface ConvCost {
  kind: ConvKind;
  k: number;
  cin: number;
  cout: number;
  /** Effective groups: 1 standard/pointwise, G grouped, M depthwise; for separable, 1. */
  groups: number;
  stride: number;
  padding: Padding;
  bias: boolean;
  inH: number;
  inW: number;
  outH: number;
  outW: number;
  /** Weights + bias (if any). */
  params: number;
  /** Weights only (params without bias). */
  paramsNoBias: number;
  /** Bias terms: N when bias, else 0. */
  biasParams: number;
  /** Multiply-accumulates over the weights: D_out_H · D_out_W · (weights), no bias. */
  multAdds: number;
  /** FLOPs as 2 · mult-adds (one multiply + one add per MAC). */
  flops2x: number;
  /**
   * Source article 001's FLOP count: (2 · fan-in − 1) · H_out · W_out · N without bias, 2 · fan-in · … with
   * bias (the bias add replaces the missing add), fan-in = D_K² · M / G. For 'standard' this is
   * (2·C₀·K² − 1)·H·W·C₁. For 'separable' the sum of its depthwise (no bias) and pointwise parts.
   */
  flopsSeed: number;
  /** Activation sizes (elements): inH·inW·M and outH·outW·N. */
  inputElements: number;
  outputElements: number;
  /** For 'separable' only: the depthwise D_K×D_K part and the pointwise 1×1 part. */
  parts?: { depthwise: ConvCost; pointwise: ConvCost };
}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** Convert an exact BigInt count to a number, throwing CostError('overflow') if unsafe. */
export function toSafeNumber(value: bigint, what = 'count'): number {
  if (value > MAX_SAFE || value < -MAX_SAFE) {
    throw new CostError(
      'overflow',
      `The ${what} (${value.toString()}) is larger than 2^53 − 1 and cannot be shown exactly.`,
    );
  }
  return Number(value);
}

/** Throw CostError('invalid-size') unless x is a positive safe integer. */
export function assertPositiveInt(x: unknown, field: string): asserts x is number {
  if (typeof x !== 'number' || !Number.isSafeInteger(x) || x < 1) {
    throw new CostError(
      'invalid-size',
      `${field} must be a positive whole number, got ${String(x)}.`,
      field,
    );
  }
}

/** Output size along one axis: 'same' ⌈D/s⌉, 'valid' ⌊(D − D_K)/s⌋ + 1 (throws if D_K > D). */
export function outputSize(inSize: number, k: number, stride = 1, padding: Padding = 'same'): number {
  assertPositiveInt(inSize, 'input size');
  assertPositiveInt(k, 'k');
  assertPositiveInt(stride, 'stride');
  if (padding === 'same') return Math.ceil(inSize / stride);
  if (padding === 'valid') {
    if (k > inSize) {
      throw new CostError(
        'kernel-too-large',
        `A ${k}×${k} kernel does not fit a ${inSize}-pixel input without padding ('valid').`,
        'k',
      );
    }
    return Math.floor((inSize - k) / stride) + 1;
  }
  throw new CostError('invalid-padding', `padding must be 'same' or 'valid', got ${String(padding)}.`, 'padding');
}

const KINDS: readonly ConvKind[] = ['standard', 'grouped', 'depthwise', 'pointwise', 'separable'];

interface Normalised {
  k: number;
  cin: number;
  cout: number;
  groups: number;
  inH: number;
  inW: number;
  stride: number;
  padding: Padding;
  bias: boolean;
}

/** Cost of a (grouped) K×K convolution M→N with G groups; standard, grouped, depthwise, pointwise are special cases. */
function groupedCore(kind: ConvKind, s: Normalised): ConvCost {
  const outH = outputSize(s.inH, s.k, s.stride, s.padding);
  const outW = outputSize(s.inW, s.k, s.stride, s.padding);
  const K = BigInt(s.k);
  const M = BigInt(s.cin);
  const N = BigInt(s.cout);
  const G = BigInt(s.groups);
  const spatial = BigInt(outH) * BigInt(outW);
  // Weights: G groups, each D_K² · (M/G) · (N/G) = D_K² · (M/G) · N in all.
  const fanIn = K * K * (M / G);
  const weights = fanIn * N;
  const biasParams = s.bias ? N : 0n;
  const macs = spatial * weights;
  const outputs = spatial * N;
  const seed = (2n * fanIn - 1n + (s.bias ? 1n : 0n)) * outputs;
  return {
    kind,
    k: s.k,
    cin: s.cin,
    cout: s.cout,
    groups: s.groups,
    stride: s.stride,
    padding: s.padding,
    bias: s.bias,
    inH: s.inH,
    inW: s.inW,
    outH,
    outW,
    params: toSafeNumber(weights + biasParams, 'parameter count'),
    paramsNoBias: toSafeNumber(weights, 'parameter count'),
    biasParams: toSafeNumber(biasParams, 'bias count'),
    multAdds: toSafeNumber(macs, 'mult-add count'),
    flops2x: toSafeNumber(2n * macs, 'FLOP count'),
    flopsSeed: toSafeNumber(seed, 'FLOP count'),
    inputElements: toSafeNumber(BigInt(s.inH) * BigInt(s.inW) * M, 'input size'),
    outputElements: toSafeNumber(outputs, 'output size'),
  };
}

/**
 * Cost of one convolution layer: params (weights + optional bias) and mult-adds
 * D_F_out² · D_K² · (M/G) · N, with the kind fixing G (standard 1, depthwise M, pointwise D_K = 1);
 * 'separable' = depthwise D_K×D_K on M (no bias) then pointwise M→N (bias as given):
 * params D_K²·M + M·N (+N), mult-adds D_K²·M·D_F² + M·N·D_F² (Howard et al. 2017, eq. 5).
 * 'depthwise' accepts N = M·d (depth multiplier d, as Keras DepthwiseConv2D), else throws.
 * 'pointwise' requires k = 1 and throws CostError('pointwise-kernel') otherwise.
 * Throws CostError for impossible layers and for counts beyond Number.MAX_SAFE_INTEGER.
 */
export function convCost(spec: ConvSpec): ConvCost {
  if (spec === null || typeof spec !== 'object') {
    throw new CostError('invalid-kind', 'A layer description is required.', 'kind');
  }
  const kind = spec.kind;
  if (!KINDS.includes(kind)) {
    throw new CostError(
      'invalid-kind',
      `kind must be one of ${KINDS.join(', ')}; got ${String(kind)}.`,
      'kind',
    );
  }
  assertPositiveInt(spec.k, 'k');
  assertPositiveInt(spec.cin, 'cin');
  assertPositiveInt(spec.cout, 'cout');
  assertPositiveInt(spec.inH, 'inH');
  const inW = spec.inW ?? spec.inH;
  assertPositiveInt(inW, 'inW');
  const stride = spec.stride ?? 1;
  assertPositiveInt(stride, 'stride');
  const padding = spec.padding ?? 'same';
  if (padding !== 'same' && padding !== 'valid') {
    throw new CostError('invalid-padding', `padding must be 'same' or 'valid', got ${String(padding)}.`, 'padding');
  }
  const bias = spec.bias === true;
  if (spec.groups !== undefined) assertPositiveInt(spec.groups, 'groups');
  const base = { k: spec.k, cin: spec.cin, cout: spec.cout, inH: spec.inH, inW, stride, padding, bias };

  switch (kind) {
    case 'standard':
      if (spec.groups !== undefined && spec.groups !== 1) {
        throw new CostError(
          'groups-mismatch',
          `A standard convolution has one group; use kind 'grouped' for G = ${spec.groups}.`,
          'groups',
        );
      }
      return groupedCore(kind, { ...base, groups: 1 });
    case 'grouped': {
      const g = spec.groups;
      if (g === undefined) {
        throw new CostError('groups-mismatch', 'A grouped convolution needs the number of groups G.', 'groups');
      }
      if (spec.cin % g !== 0 || spec.cout % g !== 0) {
        throw new CostError(
          'groups-mismatch',
          `G = ${g} must divide both M = ${spec.cin} and N = ${spec.cout}.`,
          'groups',
        );
      }
      return groupedCore(kind, { ...base, groups: g });
    }
    case 'depthwise':
      if (spec.groups !== undefined && spec.groups !== spec.cin) {
        throw new CostError(
          'groups-mismatch',
          `A depthwise convolution has G = M = ${spec.cin} groups, not ${spec.groups}.`,
          'groups',
        );
      }
      if (spec.cout % spec.cin !== 0) {
        throw new CostError(
          'depth-multiplier',
          `A depthwise convolution outputs M · d channels (d = depth multiplier); N = ${spec.cout} is not a multiple of M = ${spec.cin}.`,
          'cout',
        );
      }
      return groupedCore(kind, { ...base, groups: spec.cin });
    case 'pointwise':
      if (spec.k !== 1) {
        throw new CostError(
          'pointwise-kernel',
          `A pointwise convolution is 1×1; got k = ${spec.k}. Use kind 'standard' for a ${spec.k}×${spec.k} kernel.`,
          'k',
        );
      }
      if (spec.groups !== undefined && spec.groups !== 1) {
        throw new CostError('groups-mismatch', 'A pointwise convolution has one group; use kind \'grouped\' with k = 1.', 'groups');
      }
      return groupedCore(kind, { ...base, groups: 1 });
    case 'separable': {
      if (spec.groups !== undefined && spec.groups !== 1) {
        throw new CostError('groups-mismatch', 'A separable convolution takes no groups.', 'groups');
      }
      const depthwise = groupedCore('depthwise', { ...base, cout: spec.cin, groups: spec.cin, bias: false });
      const pointwise = groupedCore('pointwise', {
        k: 1,
        cin: spec.cin,
        cout: spec.cout,
        groups: 1,
        inH: depthwise.outH,
        inW: depthwise.outW,
        stride: 1,
        padding: 'same',
        bias,
      });
      const sum = (a: number, b: number, what: string) => toSafeNumber(BigInt(a) + BigInt(b), what);
      return {
        kind,
        ...base,
        groups: 1,
        outH: pointwise.outH,
        outW: pointwise.outW,
        params: sum(depthwise.params, pointwise.params, 'parameter count'),
        paramsNoBias: sum(depthwise.paramsNoBias, pointwise.paramsNoBias, 'parameter count'),
        biasParams: pointwise.biasParams,
        multAdds: sum(depthwise.multAdds, pointwise.multAdds, 'mult-add count'),
        flops2x: sum(depthwise.flops2x, pointwise.flops2x, 'FLOP count'),
        flopsSeed: sum(depthwise.flopsSeed, pointwise.flopsSeed, 'FLOP count'),
        inputElements: depthwise.inputElements,
        outputElements: pointwise.outputElements,
        parts: { depthwise, pointwise },
      };
    }
  }
  // Unreachable: `kind` was checked against KINDS above.
  throw new CostError('invalid-kind', `Unknown kind ${String(kind)}.`, 'kind');
}

/** An exact non-negative rational p/q, reduced (gcd(p, q) = 1, q > 0). */
export interface Rational {
  num: bigint;
  den: bigint;
}

/** Greatest common divisor of two BigInts (non-negative result). */
export function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/** The reduced rational num/den (den ≠ 0; sign carried by num). */
export function rational(num: bigint | number, den: bigint | number): Rational {
  let p = 0n;
  let q = 0n;
  try {
    p = BigInt(num);
    q = BigInt(den);
  } catch {
    // BigInt refuses 1.5 and NaN with a RangeError; q is still 0n, and callers get a CostError.
  }
  if (q === 0n) throw new CostError('invalid-size', 'A fraction needs whole numbers and a non-zero denominator.');
  if (q < 0n) {
    p = -p;
    q = -q;
  }
  const d = gcd(p, q) || 1n;
  return { num: p / d, den: q / d };
}

/** a + b, reduced. */
export function addRational(a: Rational, b: Rational): Rational {
  return rational(a.num * b.den + b.num * a.den, a.den * b.den);
}

/** Exact equality of two rationals by cross-multiplication. */
export function rationalEquals(a: Rational, b: Rational): boolean {
  return a.num * b.den === b.num * a.den;
}

/** The nearest float64 to p/q. */
export function rationalToNumber(r: Rational): number {
  return Number(r.num) / Number(r.den);
}

/**
 * Separable / standard cost, exactly: (D_K²·M + M·N) / (D_K²·M·N) = 1/N + 1/D_K²
 * (Howard et al. 2017, §3.1, the line after eq. 5). The same for params and for mult-adds; independent of M and D_F.
 */
export function separableRatio({ k, n }: { k: number; n: number }): Rational {
  assertPositiveInt(k, 'k');
  assertPositiveInt(n, 'n');
  const K2 = BigInt(k) * BigInt(k);
  return rational(K2 + BigInt(n), K2 * BigInt(n));
}

/**
 * separableRatioAt(D_K, N): 1/N + 1/D_K² as a real number, for N on a continuous axis (a curve is
 * drawn between whole N); N = Infinity gives the floor 1/D_K², the pointwise layer's share
 * (Howard et al. 2017, §3.1). separableRatio gives the exact fraction at whole N.
 */
export function separableRatioAt(k: number, n: number): number {
  // N may be Infinity (the curve's asymptote, 1/D_K²); neither may be 0, negative or NaN.
  if (!(k > 0 && k < Infinity && n > 0)) throw new CostError('invalid-size', 'D_K and N must be positive.');
  return 1 / n + 1 / (k * k);
}

/** costA / costB as an exact reduced rational (e.g. separable.multAdds / standard.multAdds). */
export function costRatio(a: number, b: number): Rational {
  if (!Number.isSafeInteger(a) || !Number.isSafeInteger(b) || b === 0) {
    throw new CostError('invalid-size', `A cost ratio needs whole numbers and a non-zero denominator, got ${a}/${b}.`);
  }
  return rational(BigInt(a), BigInt(b));
}
