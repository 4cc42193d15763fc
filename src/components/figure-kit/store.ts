/**
 * The page's parameter store (browser only). One map of validated numbers, shared by every
 * control and figure on the page and mirrored to the query string. It holds values only: no DOM
 * nodes, no derived numbers.
 */
import { map } from 'nanostores';
import {
  PARAMS,
  PARAM_NAMES,
  canonicalQuery,
  coerceParam,
  describeIssue,
  fitDivisors,
  parseParams,
  serializeParams,
  type ExtraKeys,
  type ParamIssue,
  type ParamName,
  type ParamValues,
} from '../../lib/params';
import { pageLang } from '../../i18n';

export type Values = Record<ParamName, number>;

/** The page's own defaults (data-defaults on body, written by the build with the URL codec). */
function pageDefaults(): ParamValues {
  const raw = document.body.dataset.defaults;
  if (!raw) return {};
  const search = new URLSearchParams(raw);
  const names = PARAM_NAMES.filter((n) => search.has(n));
  return Object.fromEntries(names.map((n) => [n, parseParams(search, [n]).values[n]])) as ParamValues;
}

/** Names used by the figures and controls on this page (read once, from their data-params). */
function pageParamNames(): ParamName[] {
  const used = new Set<ParamName>();
  document.querySelectorAll<HTMLElement>('[data-params]').forEach((el) => {
    for (const name of (el.dataset.params ?? '').split(/\s+/)) if (name in PARAMS) used.add(name as ParamName);
  });
  return PARAM_NAMES.filter((n) => used.has(n));
}

/** The page's own query keys (body data-url-keys: `key` or `key=a|b`), e.g. an embed's theme. */
function pageExtraKeys(): ExtraKeys {
  const out = new Map<string, readonly string[] | null>();
  for (const token of (document.body.dataset.urlKeys ?? '').split(/\s+/)) {
    const [key, values] = token.split('=');
    if (key) out.set(key, values === undefined ? null : values.split('|'));
  }
  return out;
}

const defaults = pageDefaults();
const used = pageParamNames();
const initial = parseParams(location.search, PARAM_NAMES, defaults);

// Once every page script has read the query as given (and explained what it could not use), the
// address bar keeps only what the page uses: unknown or hostile keys never reach a shared link.
queueMicrotask(() => {
  const canonical = canonicalQuery(location.search, used, pageExtraKeys(), defaults);
  if (canonical !== location.search.replace(/^\?/, '')) {
    history.replaceState(history.state, '', `${location.pathname}${canonical ? `?${canonical}` : ''}${location.hash}`);
  }
});

/** The shared values. */
export const params = map<Values>(initial.values);

/** Show plain-text messages in the page's message box (never as markup). */
export function reportText(...messages: string[]): void {
  const box = document.getElementById('param-messages');
  if (!box || messages.length === 0) return;
  const list = box.querySelector('ul') ?? box.insertBefore(document.createElement('ul'), box.querySelector('button'));
  for (const message of messages) {
    const li = document.createElement('li');
    li.textContent = message;
    list.appendChild(li);
  }
  box.hidden = false;
}

document.querySelector('#param-messages [data-role=dismiss]')?.addEventListener('click', (e) => {
  const box = (e.currentTarget as HTMLElement).closest<HTMLElement>('#param-messages');
  if (box) {
    box.hidden = true;
    box.querySelector('ul')?.remove();
  }
});

/** Messages for the reader about values that could not be used as given. */
export function report(issues: readonly ParamIssue[]): void {
  const lang = pageLang();
  reportText(...issues.map((i) => describeIssue(i, lang)));
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
