/**
 * The one parameter schema of the site: every slider, every URL key and every preset goes through
 * it. Short URL keys (k, m, n …) appear only here and in the URL codec below. It holds no words for
 * readers (every page's script reads the query with it): each parameter's name, unit, choices and
 * the messages about a value that could not be used are in src/i18n/params*.ts, per edition.
 */
import { nearestDivisor } from './divisors';
import { PIXEL_1_BIG_CORE } from './devices';
import { echoText } from './format';

/** URL key of each shared parameter. */
export type ParamName =
  | 'k'
  | 'm'
  | 'n'
  | 'df'
  | 'g'
  | 's'
  | 't'
  | 'alpha'
  | 'res'
  | 'dim'
  | 'seed'
  | 'act'
  | 'layer'
  | 'step'
  | 'segments'
  | 'sc'
  | 'sg'
  | 'precision'
  | 'peak'
  | 'bw'
  | 'ex';

export interface ParamSpec {
  /** URL key. */
  readonly name: ParamName;
  /** Symbol as the papers write it, as TeX. */
  readonly symbol: string;
  /** The symbol in plain text for control labels, "_" marking a subscript (D_K). */
  readonly abbr: string;
  readonly min: number;
  readonly max: number;
  /** Values snap to multiples of step (from 0); 1 means integers. */
  readonly step: number;
  readonly defaultValue: number;
  /** For a choice: how many there are; the URL holds the index 0 … choices − 1 (their names are words, in src/i18n). */
  readonly choices?: number;
  /**
   * The value must divide this other parameter's value (a number of groups or segments of its
   * channels). Controls offer its divisors only; any other value becomes the nearest divisor.
   */
  readonly divides?: ParamName;
}

const spec = (s: ParamSpec): ParamSpec => s;

/** Ranges and defaults of every shared parameter. */
export const PARAMS: Readonly<Record<ParamName, ParamSpec>> = {
  k: spec({ name: 'k', symbol: 'D_K', abbr: 'D_K', min: 1, max: 11, step: 1, defaultValue: 3 }),
  m: spec({ name: 'm', symbol: 'M', abbr: 'M', min: 1, max: 2048, step: 1, defaultValue: 32 }),
  n: spec({ name: 'n', symbol: 'N', abbr: 'N', min: 1, max: 2048, step: 1, defaultValue: 64 }),
  df: spec({ name: 'df', symbol: 'D_F', abbr: 'D_F', min: 1, max: 512, step: 1, defaultValue: 14 }),
  g: spec({ name: 'g', symbol: 'G', abbr: 'G', min: 1, max: 2048, step: 1, defaultValue: 1 }),
  s: spec({ name: 's', symbol: 's', abbr: 's', min: 1, max: 4, step: 1, defaultValue: 1 }),
  t: spec({ name: 't', symbol: 't', abbr: 't', min: 1, max: 12, step: 1, defaultValue: 6 }),
  alpha: spec({ name: 'alpha', symbol: '\\alpha', abbr: 'α', min: 0.1, max: 2, step: 0.05, defaultValue: 1 }),
  res: spec({ name: 'res', symbol: '\\rho \\cdot 224', abbr: 'res', min: 32, max: 512, step: 1, defaultValue: 224 }),
  dim: spec({ name: 'dim', symbol: 'n', abbr: 'n', min: 2, max: 64, step: 1, defaultValue: 5 }),
  seed: spec({ name: 'seed', symbol: '\\text{seed}', abbr: 'seed', min: 0, max: 999_999, step: 1, defaultValue: 1 }),
  act: spec({ name: 'act', symbol: '\\sigma', abbr: 'σ', min: 0, max: 2, step: 1, defaultValue: 0, choices: 3 }),
  layer: spec({ name: 'layer', symbol: '\\text{layer}', abbr: 'layer', min: 0, max: 4, step: 1, defaultValue: 0, choices: 5 }),
  step: spec({ name: 'step', symbol: '\\text{step}', abbr: 'step', min: 0, max: 9999, step: 1, defaultValue: 0 }),
  // Chollet 2017, §1.2: the number of channel segments the spatial convolutions of a block see.
  segments: spec({ name: 'segments', symbol: 'S', abbr: 'S', min: 1, max: 2048, step: 1, defaultValue: 4, divides: 'm' }),
  // Zhang et al. 2018 (ShuffleNet), §3.1: C channels in G groups in each of two stacked layers.
  sc: spec({ name: 'sc', symbol: 'C', abbr: 'C', min: 1, max: 24, step: 1, defaultValue: 12 }),
  sg: spec({ name: 'sg', symbol: 'G', abbr: 'G', min: 1, max: 24, step: 1, defaultValue: 3, divides: 'sc' }),
  // Bytes per number moved: the roofline's traffic (Williams et al. 2009).
  precision: spec({ name: 'precision', symbol: 'b', abbr: 'b', min: 0, max: 2, step: 1, defaultValue: 0, choices: 3 }),
  // Defaults: one big core of a Pixel 1 and its memory (devices.ts says where they come from).
  peak: spec({ name: 'peak', symbol: '\\pi', abbr: 'π', min: 0.1, max: 1_000_000, step: 0.1, defaultValue: PIXEL_1_BIG_CORE.peak }),
  bw: spec({ name: 'bw', symbol: '\\beta', abbr: 'β', min: 0.1, max: 10_000, step: 0.1, defaultValue: PIXEL_1_BIG_CORE.bandwidth }),
  ex: spec({ name: 'ex', symbol: '\\text{set}', abbr: 'set', min: 1, max: 999_999, step: 1, defaultValue: 1 }),
};

export const PARAM_NAMES = Object.keys(PARAMS) as ParamName[];

export type ParamValues = Partial<Record<ParamName, number>>;

/** Why a value given for a parameter was not used as it stood. */
export type IssueReason = 'not-a-number' | 'out-of-range' | 'off-step' | 'repeated' | 'empty' | 'not-a-divisor';

export interface ParamIssue {
  readonly name: ParamName;
  /** The text that was given, cut to 24 characters; shown as text, never as markup. */
  readonly given: string;
  readonly reason: IssueReason;
  /** The value used instead. */
  readonly used: number;
}

export function isParamName(key: string): key is ParamName {
  return Object.prototype.hasOwnProperty.call(PARAMS, key);
}

/** Decimal numbers only: no hex, no "Infinity", no units, no markup. */
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d{1,3})?$/;

/** Snap to the parameter's step without float residue (0.15000000000000002 → 0.15). */
function snap(p: ParamSpec, x: number): number {
  const steps = Math.round(x / p.step);
  const decimals = (String(p.step).split('.')[1] ?? '').length;
  return Number((steps * p.step).toFixed(decimals));
}

/**
 * Read one value as a reader or a URL gave it. Always returns a usable value; the issue, if any,
 * says what was wrong and what is used instead.
 */
export function coerceParam(name: ParamName, given: string | number, fallback?: number): { value: number; issue?: ParamIssue } {
  const p = PARAMS[name];
  const def = fallback ?? p.defaultValue;
  const text = typeof given === 'number' ? String(given) : given.trim();
  const shown = echoText(text);
  if (text === '') return { value: def, issue: { name, given: shown, reason: 'empty', used: def } };
  const x = typeof given === 'number' ? given : DECIMAL.test(text) ? Number(text) : NaN;
  if (!Number.isFinite(x)) return { value: def, issue: { name, given: shown, reason: 'not-a-number', used: def } };
  const clamped = Math.min(p.max, Math.max(p.min, x));
  if (clamped !== x) {
    const used = snap(p, clamped);
    return { value: used, issue: { name, given: shown, reason: 'out-of-range', used } };
  }
  const snapped = Math.min(p.max, Math.max(p.min, snap(p, x)));
  if (Math.abs(snapped - x) > 1e-9) return { value: snapped, issue: { name, given: shown, reason: 'off-step', used: snapped } };
  return { value: snapped };
}

/**
 * Parse a query string into values for the parameters a page uses. Unknown keys are ignored
 * (they may belong to the embed options); a repeated key uses its first value.
 */
export function parseParams(
  query: string | URLSearchParams,
  names: readonly ParamName[] = PARAM_NAMES,
  defaults: ParamValues = {},
): { values: Record<ParamName, number>; issues: ParamIssue[] } {
  const search = typeof query === 'string' ? new URLSearchParams(query) : query;
  const values = {} as Record<ParamName, number>;
  const issues: ParamIssue[] = [];
  for (const name of names) {
    const fallback = defaults[name] ?? PARAMS[name].defaultValue;
    const all = search.getAll(name);
    if (all.length === 0) {
      values[name] = fallback;
      continue;
    }
    const { value, issue } = coerceParam(name, all[0], fallback);
    values[name] = value;
    if (issue) issues.push(issue);
    if (all.length > 1) issues.push({ name, given: echoText(all.slice(1).join(', ')), reason: 'repeated', used: value });
  }
  const whole = { ...fallbackValues(defaults), ...values };
  for (const change of fitDivisors(whole)) {
    if (!names.includes(change.name)) continue;
    values[change.name] = change.used;
    // A default that does not divide a value from the link is fitted without a message.
    if (search.has(change.name)) issues.push({ name: change.name, given: String(change.given), reason: 'not-a-divisor', used: change.used });
  }
  return { values, issues };
}

/** Every parameter at the given default, or the schema's. */
function fallbackValues(defaults: ParamValues): Record<ParamName, number> {
  return Object.fromEntries(PARAM_NAMES.map((n) => [n, defaults[n] ?? PARAMS[n].defaultValue])) as Record<ParamName, number>;
}

/** A value that had to change because it did not divide the parameter it splits. */
export interface DivisorChange {
  readonly name: ParamName;
  readonly given: number;
  readonly used: number;
}

/**
 * Make every parameter with `divides` divide its partner, in place: a value that does not becomes
 * the nearest divisor (segments 5 of m = 32 → 4). Returns what changed, for messages.
 */
export function fitDivisors(values: Record<ParamName, number>): DivisorChange[] {
  const changes: DivisorChange[] = [];
  for (const name of PARAM_NAMES) {
    const of = PARAMS[name].divides;
    if (!of) continue;
    const whole = values[of];
    const v = values[name];
    if (whole % v === 0) continue;
    const used = nearestDivisor(whole, v);
    values[name] = used;
    changes.push({ name, given: v, used });
  }
  return changes;
}

/** Query string (without "?") holding the given values, in schema order, keys and numbers only. */
export function serializeParams(values: ParamValues, names: readonly ParamName[] = PARAM_NAMES): string {
  const out = new URLSearchParams();
  for (const name of PARAM_NAMES) {
    const v = values[name];
    if (names.includes(name) && v !== undefined && Number.isFinite(v)) out.set(name, String(v));
  }
  return out.toString();
}

/** A page's own query keys besides the parameters: key → the values it accepts (null: any, checked by the page). */
export type ExtraKeys = ReadonlyMap<string, readonly string[] | null>;

/**
 * The query string (without "?") a page keeps in its address bar for a query it was given: the
 * page's parameters that were given (first value, as used: clamped, rounded or replaced), in schema
 * order, then the page's own keys with an accepted value, in the order given. A parameter's name the
 * page does not use may be one of its own keys (an exercise sheet's `ex` and `seed`): the page reads
 * and checks it. Every other key — unknown, misspelt, repeated or hostile — is dropped, so it travels
 * into no link or snippet.
 */
export function canonicalQuery(
  query: string | URLSearchParams,
  names: readonly ParamName[] = PARAM_NAMES,
  extras: ExtraKeys = new Map(),
  defaults: ParamValues = {},
): string {
  const search = typeof query === 'string' ? new URLSearchParams(query) : query;
  const given = names.filter((n) => search.has(n));
  const { values } = parseParams(search, given, defaults);
  const out = new URLSearchParams(serializeParams(values, given));
  for (const [key, value] of search) {
    if (out.has(key) || !extras.has(key)) continue;
    const accepted = extras.get(key);
    if (accepted === null || accepted?.includes(value)) out.set(key, value);
  }
  return out.toString();
}
