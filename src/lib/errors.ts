/**
 * Typed errors of the cost model. A `CostError` is thrown for a layer or network that cannot
 * exist (groups that do not divide the channels, a kernel larger than a 'valid' input, a size
 * that is not a positive integer) or whose count does not fit a float64 integer. The UI shows
 * `message`; code branches on `code`. The cost model never returns NaN instead of throwing.
 */

/** Why a cost could not be computed. */
export type CostErrorCode =
  /** A size (K, M, N, G, D_F, stride, classes, resolution) is not a positive safe integer. */
  | 'invalid-size'
  /** `kind` is not one of the known convolution kinds. */
  | 'invalid-kind'
  /** `padding` is neither 'same' nor 'valid'. */
  | 'invalid-padding'
  /** G does not divide M or N, or `groups` was given where the kind fixes it. */
  | 'groups-mismatch'
  /** A 'valid' convolution whose kernel is larger than its (padded) input. */
  | 'kernel-too-large'
  /** A pointwise (1×1) convolution given a kernel size other than 1. */
  | 'pointwise-kernel'
  /** A depthwise convolution whose N is not a multiple of M (N = M · depth multiplier). */
  | 'depth-multiplier'
  /** The width multiplier α is not a finite positive number, or leaves a layer with 0 channels. */
  | 'invalid-alpha'
  /** A count exceeds Number.MAX_SAFE_INTEGER (2⁵³ − 1) and cannot be represented exactly. */
  | 'overflow';

/** An impossible layer or an unrepresentable count; `code` for programs, `message` for people. */
export class CostError extends Error {
  /** Machine-readable reason. */
  readonly code: CostErrorCode;
  /** The offending field of the spec, where there is one (e.g. 'groups', 'k', 'alpha'). */
  readonly field?: string;

  constructor(code: CostErrorCode, message: string, field?: string) {
    super(message);
    this.name = 'CostError';
    this.code = code;
    if (field !== undefined) this.field = field;
  }
}

/** True when `e` is a CostError (optionally with the given code). */
export function isCostError(e: unknown, code?: CostErrorCode): e is CostError {
  return e instanceof CostError && (code === undefined || e.code === code);
}
