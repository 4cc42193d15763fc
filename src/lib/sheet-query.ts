/**
 * What an exercise sheet's address asks for: /exercises/<chapter>/?seed=7 (one set; `ex` is read
 * too, as in a chapter's "Check yourself" link), &count=30 (sets 7 … 36, one per student) and
 * &solutions=1 (the worked solutions after each set). The build draws set 1 alone, without
 * solutions, so a sheet asked for that way needs no code in the browser.
 */
import { PARAMS, coerceParam } from './params';
import { echoText, formatInt } from './format';

export interface SheetRequest {
  /** The first set's number, by the exercise-set parameter's rules (whole, 1 … 999,999). */
  readonly seed: number;
  /** How many consecutive sets, 1 … MAX_SHEETS, none past the last set. */
  readonly count: number;
  readonly solutions: boolean;
}

/** A value of the address that the sheet could not use as given: the set, the count, or sets past the last. */
export interface SheetProblem {
  readonly kind: 'set' | 'count' | 'past-last';
  /** The text given (set, count), or the first set (past-last). */
  readonly given: string;
  /** What is used instead: the set, or the count. */
  readonly used: number;
}

/** The most sets one address prints (a class of 60). */
export const MAX_SHEETS = 60;

/** The sheet the build draws: set 1 (the exercise set's default), once, without solutions. */
export const BUILT_SHEET: SheetRequest = { seed: PARAMS.ex.defaultValue, count: 1, solutions: false };

/** Read a sheet's query; a value that cannot be used becomes the nearest usable one (a count of 0 or "many" is 1). */
export function sheetRequest(query: string | URLSearchParams): SheetRequest {
  return readSheetQuery(query).request;
}

/**
 * Read a sheet's query and say what could not be used as given: a set that is not a whole number
 * from 1 to 999,999 (the exercise-set parameter's rules), a count that is not one from 1 to
 * MAX_SHEETS, or sets that would run past the last set (the count is cut). `query` is the address
 * that holds the values used, with the key the reader gave for the set (`seed` or `ex`).
 */
export function readSheetQuery(query: string | URLSearchParams): { request: SheetRequest; problems: SheetProblem[]; query: string } {
  const q = typeof query === 'string' ? new URLSearchParams(query) : query;
  const problems: SheetProblem[] = [];
  const key = q.has('seed') ? 'seed' : q.has('ex') ? 'ex' : undefined;
  const givenSet = key ? (q.get(key) as string) : undefined;
  const set = coerceParam('ex', givenSet ?? String(PARAMS.ex.defaultValue));
  if (set.issue && givenSet !== undefined) problems.push({ kind: 'set', given: set.issue.given, used: set.value });
  const givenCount = q.get('count');
  let count = 1;
  if (givenCount !== null) {
    // Decimal digits only (no hex, no exponent), rounded down and brought within 1 … MAX_SHEETS.
    const n = /^\s*-?\d{1,9}(\.\d*)?\s*$/.test(givenCount) ? Math.floor(Number(givenCount)) : Number.NaN;
    count = Number.isFinite(n) ? Math.min(MAX_SHEETS, Math.max(1, n)) : 1;
    if (String(count) !== givenCount.trim()) problems.push({ kind: 'count', given: echoText(givenCount), used: count });
  }
  const room = PARAMS.ex.max - set.value + 1;
  if (count > room) {
    count = room;
    problems.push({ kind: 'past-last', given: formatInt(set.value), used: count });
  }
  const solutions = q.get('solutions') === '1';
  const out = new URLSearchParams();
  if (key) out.set(key, String(set.value));
  if (givenCount !== null) out.set('count', String(count));
  if (solutions) out.set('solutions', '1');
  return { request: { seed: set.value, count, solutions }, problems, query: out.toString() };
}

/** Whether a request is the sheet the build already drew (then the page keeps its markup). */
export function isBuiltSheet(r: SheetRequest): boolean {
  return r.seed === BUILT_SHEET.seed && r.count === BUILT_SHEET.count && r.solutions === BUILT_SHEET.solutions;
}
