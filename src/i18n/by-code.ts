/**
 * Messages that src/lib returns as a code plus the values they name are worded per language by
 * one function per code. `WordsByCode` is the type of such a table (so a missing code fails to
 * type-check), `byCode` looks one up.
 */

/** One function per code, each given the message of that code (and any extra arguments). */
export type WordsByCode<U extends { readonly code: string }, Extra extends unknown[] = []> = {
  readonly [C in U['code']]: (m: Extract<U, { readonly code: C }>, ...extra: Extra) => string;
};

/** The words for `m`, from the table of its language. */
export function byCode<U extends { readonly code: string }, Extra extends unknown[] = []>(words: WordsByCode<U, Extra>, m: U, ...extra: Extra): string {
  return (words[m.code as U['code']] as (m: U, ...extra: Extra) => string)(m, ...extra);
}
