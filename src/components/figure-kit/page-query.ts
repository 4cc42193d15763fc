/**
 * What a page's address bar may keep (browser only): the parameters its figures and controls use,
 * its own defaults and its own keys (an embed's theme, the calculator's stack). Every page runs
 * `keepOnlyPageKeys` once at load, with or without figures, so unknown or hostile keys never reach
 * a shared link.
 */
import { PARAMS, PARAM_NAMES, canonicalQuery, parseParams, type ExtraKeys, type ParamName, type ParamValues } from '../../lib/params';

/** The page's own defaults (data-defaults on body, written by the build with the URL codec). */
export function pageDefaults(): ParamValues {
  const raw = document.body.dataset.defaults;
  if (!raw) return {};
  const search = new URLSearchParams(raw);
  const names = PARAM_NAMES.filter((n) => search.has(n));
  return Object.fromEntries(names.map((n) => [n, parseParams(search, [n]).values[n]])) as ParamValues;
}

/** Names used by the figures and controls on this page (read once, from their data-params). */
export function pageParamNames(): ParamName[] {
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

/** Rewrite the address bar (without a history entry) to keep only what this page uses. */
export function keepOnlyPageKeys(used: readonly ParamName[] = pageParamNames(), defaults: ParamValues = pageDefaults()): void {
  const canonical = canonicalQuery(location.search, used, pageExtraKeys(), defaults);
  if (canonical !== location.search.replace(/^\?/, '')) {
    history.replaceState(history.state, '', `${location.pathname}${canonical ? `?${canonical}` : ''}${location.hash}`);
  }
}
