/**
 * The cost model's refusals as readers see them, English edition: the CostError's own message
 * (src/lib/errors.ts writes it in English), which errors.ts shows as it is, so this table is for the
 * live blocks' and the calculator's words. errors.zh.ts gives every code its Chinese words.
 */
import type { CostErrorCode } from '../lib/errors';

/** What a message is made from: the error's code, its field and its English message. */
export interface CostErrorInfo {
  readonly code: CostErrorCode;
  readonly field?: string;
  readonly message: string;
}

export type CostErrorWords = Readonly<Record<CostErrorCode, (e: CostErrorInfo) => string>>;

const own = (e: CostErrorInfo) => e.message;

export const errorsEn: CostErrorWords = {
  'invalid-size': own,
  'invalid-kind': own,
  'invalid-padding': own,
  'groups-mismatch': own,
  'kernel-too-large': own,
  'pointwise-kernel': own,
  'depth-multiplier': own,
  'invalid-alpha': own,
  overflow: own,
};
