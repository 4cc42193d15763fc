/**
 * What an exercise sheet's address asks for: /exercises/<chapter>/?seed=7 (one set; `ex` is read
 * too, as in a chapter's "Check yourself" link), &count=30 (sets 7 … 36, one per student) and
 * &solutions=1 (the worked solutions after each set). The build draws set 1 alone, without
 * solutions, so a sheet asked for that way needs no code in the browser.
 */
import { PARAMS, coerceParam } from './params';

export interface SheetRequest {
  /** The first set's number, by the exercise-set parameter's rules (whole, 1 … 999,999). */
  readonly seed: number;
  /** How many consecutive sets, 1 … MAX_SHEETS. */
  readonly count: number;
  readonly solutions: boolean;
}

/** The most sets one address prints (a class of 60). */
export const MAX_SHEETS = 60;

/** The sheet the build draws: set 1 (the exercise set's default), once, without solutions. */
export const BUILT_SHEET: SheetRequest = { seed: PARAMS.ex.defaultValue, count: 1, solutions: false };

/** Read a sheet's query; a value that cannot be used becomes the nearest usable one (a count of 0 or "many" is 1). */
export function sheetRequest(query: string | URLSearchParams): SheetRequest {
  const q = typeof query === 'string' ? new URLSearchParams(query) : query;
  const seed = coerceParam('ex', q.get('seed') ?? q.get('ex') ?? String(PARAMS.ex.defaultValue)).value;
  const count = Math.min(MAX_SHEETS, Math.max(1, Math.floor(Number(q.get('count') ?? '1')) || 1));
  return { seed, count, solutions: q.get('solutions') === '1' };
}

/** Whether a request is the sheet the build already drew (then the page keeps its markup). */
export function isBuiltSheet(r: SheetRequest): boolean {
  return r.seed === BUILT_SHEET.seed && r.count === BUILT_SHEET.count && r.solutions === BUILT_SHEET.solutions;
}
