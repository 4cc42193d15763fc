/**
 * The page's parameter store (browser only). One map of validated numbers, shared by every
 * control and figure on the page and mirrored to the query string. It holds values only: no DOM
 * nodes, no derived numbers.
 */
import { map } from 'nanostores';
import {
  PARAM_NAMES,
  coerceParam,
  fitDivisors,
  parseParams,
  serializeParams,
  type ParamIssue,
  type ParamName,
  type ParamValues,
} from '../../lib/params';
import { describeIssue } from '../../i18n/params';
import { pageLang } from '../../i18n/page-lang';
import { keepOnlyPageKeys, pageDefaults, pageParamNames } from './page-query';
import { loadWords, wordsReady } from '../../i18n/figures.load';
import { reportText } from '../ui/message-box';

export type Values = Record<ParamName, number>;

const defaults = pageDefaults();
const used = pageParamNames();
const initial = parseParams(location.search, PARAM_NAMES, defaults);

// Once every page script has read the query as given (and explained what it could not use), the
// address bar keeps only what the page uses: unknown or hostile keys never reach a shared link.
queueMicrotask(() => keepOnlyPageKeys(used, defaults));

/** The shared values. */
export const params = map<Values>(initial.values);

/**
 * Messages for the reader about values that could not be used as given, in the page's language:
 * at once where its words are in the bundle (English), on a Chinese page once they have arrived,
 * in the order they were reported. Should they fail to arrive, the next message or the browser
 * coming back online tries again, and the waiting messages come with it.
 */
let waiting: ParamIssue[] = [];
let asking = false;
function showWaiting(): void {
  const lang = pageLang();
  const show = (): void => {
    const now = waiting;
    waiting = [];
    reportText(...now.map((i) => describeIssue(i, lang)));
  };
  if (wordsReady(lang, 'params')) return show();
  if (asking || waiting.length === 0) return;
  asking = true;
  loadWords(lang, 'params').then(
    () => {
      asking = false;
      show();
    },
    () => {
      asking = false;
    },
  );
}
window.addEventListener('online', showWaiting);

export function report(issues: readonly ParamIssue[]): void {
  if (issues.length === 0) return;
  waiting.push(...issues);
  showWaiting();
}

report(initial.issues.filter((i) => used.includes(i.name)));

/**
 * Set one parameter from a control; returns the value used and reports any issue. A value that
 * must divide another (segments of M) becomes the nearest divisor, with a message; parameters
 * that split this one follow it silently (their controls show the new value).
 */
export function setParam(name: ParamName, given: string | number): number {
  const { value, issue } = coerceParam(name, given, defaults[name]);
  if (issue) report([issue]);
  const next = { ...params.get(), [name]: value };
  for (const change of fitDivisors(next)) {
    if (change.name === name) report([{ name, given: String(change.given), reason: 'not-a-divisor', used: change.used }]);
  }
  const now = params.get();
  if (PARAM_NAMES.some((n) => now[n] !== next[n])) params.set(next);
  return next[name];
}

/** Set several parameters at once (presets, lecture slides). */
export function setParams(values: ParamValues): void {
  const next = { ...params.get() };
  for (const [name, v] of Object.entries(values) as [ParamName, number][]) {
    next[name] = coerceParam(name, v, defaults[name]).value;
  }
  fitDivisors(next);
  params.set(next);
}

/** The query string holding the page's current state (for permalinks and embed snippets). */
export function currentQuery(): string {
  const keep = new URLSearchParams(location.search);
  for (const name of PARAM_NAMES) keep.delete(name);
  const state = serializeParams(params.get(), used);
  const extra = keep.toString();
  return [state, extra].filter(Boolean).join('&');
}

/**
 * The address bar follows the values once they pause for URL_DELAY_MS: writing it costs the
 * browser some milliseconds, too many for every step of a slider. Anything a reader does besides
 * (pointing, focusing, clicking: e.g. at a link that carries the query along) writes it at once.
 */
const URL_DELAY_MS = 400;
let pending = 0;
function writeQuery(): void {
  window.clearTimeout(pending);
  pending = 0;
  const q = currentQuery();
  history.replaceState(history.state, '', `${location.pathname}${q ? `?${q}` : ''}${location.hash}`);
}
params.listen(() => {
  window.clearTimeout(pending);
  pending = window.setTimeout(writeQuery, URL_DELAY_MS);
});
for (const event of ['pointerdown', 'focus', 'mouseenter', 'contextmenu', 'click', 'pagehide']) {
  window.addEventListener(event, () => pending && writeQuery(), true);
}
