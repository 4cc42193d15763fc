/**
 * A value loaded on first use (typically a dynamic `import()`) and kept once it has arrived. A
 * failed load is not kept: the next use tries again, no sooner than a backoff that starts at
 * `firstDelayMs` and doubles after each failure up to `maxDelayMs`, so a page on a flaky network
 * recovers by itself without asking the server on every keystroke. `reset()` lets the next use
 * try at once (the browser says it is back online). DOM-free: the caller passes the clock.
 */

/** A lazily loaded value with retry; call it to get the value. */
export interface Retryable<T> {
  /**
   * The value: starts the load, or joins the one in flight. After a failure it tries again once
   * the backoff has passed; before that it rejects at once with the last error, without loading.
   */
  (): Promise<T>;
  /** Let the next call try at once, whatever the backoff (e.g. the network came back). */
  reset(): void;
  /** Milliseconds until the next call may try again: 0 when it may try now, or has loaded. */
  wait(): number;
  /** Failed attempts since the last success. */
  failures(): number;
}

/** Options of retryable(). */
export interface RetryOptions {
  /** Clock in milliseconds (default Date.now). */
  readonly now?: () => number;
  /** Backoff after the first failure (default 1000 ms). */
  readonly firstDelayMs?: number;
  /** Longest backoff (default 30 000 ms). */
  readonly maxDelayMs?: number;
}

/** Backoff after `failures` failures: first·2^(failures−1), at most max; 0 before any failure. */
export function backoffMs(failures: number, firstDelayMs = 1000, maxDelayMs = 30_000): number {
  if (failures <= 0) return 0;
  return Math.min(maxDelayMs, firstDelayMs * 2 ** Math.min(failures - 1, 30));
}

/** retryable(load, options): `load` runs on the first call, and again after a failure (see above). */
export function retryable<T>(load: () => Promise<T>, options: RetryOptions = {}): Retryable<T> {
  const now = options.now ?? (() => Date.now());
  const first = options.firstDelayMs ?? 1000;
  const max = options.maxDelayMs ?? 30_000;
  let value: Promise<T> | undefined;
  let failures = 0;
  let lastError: unknown;
  let retryAt = 0;
  const get = (() => {
    if (value) return value;
    if (failures > 0 && now() < retryAt) return Promise.reject(lastError);
    let attempt: Promise<T>;
    try {
      attempt = Promise.resolve(load());
    } catch (e) {
      attempt = Promise.reject(e);
    }
    value = attempt.then(
      (v) => {
        failures = 0;
        return v;
      },
      (e: unknown) => {
        value = undefined;
        failures += 1;
        lastError = e;
        retryAt = now() + backoffMs(failures, first, max);
        throw e;
      },
    );
    return value;
  }) as Retryable<T>;
  get.reset = () => {
    retryAt = 0;
  };
  get.wait = () => (value || failures === 0 ? 0 : Math.max(0, retryAt - now()));
  get.failures = () => failures;
  return get;
}

/**
 * The address of the module a failed dynamic import could not fetch, as Chromium and Firefox name
 * it in the error ("Failed to fetch dynamically imported module: URL", "error loading dynamically
 * imported module: URL"); undefined for any other error, or one that names no http(s) address
 * (or one with a query: an address already asked for again).
 */
export function failedModuleUrl(e: unknown): string | undefined {
  return /dynamically imported module:?\s+(https?:\/\/[^\s?#]+)(?!\S)/i.exec(e instanceof Error ? e.message : String(e))?.[1];
}

/** The address to ask for a module again, on the `attempt`-th retry: the same file, `?retry=n`. */
export function retryUrl(url: string, attempt: number): string {
  return `${url}?retry=${attempt}`;
}

/** Each module address whose fetch failed: its retries so far, and the module a retry is getting or got. */
const refetched = new Map<string, { tries: number; module?: Promise<unknown> }>();

/**
 * A dynamic import, `load` (`() => import('./x')`), that can be tried again after its fetch failed.
 * A browser may keep a failed module for the page's life (Chromium 150 does): importing it again
 * fails at once, without asking the network. So when `load` fails naming a module that failed
 * before, that module is asked for under a new address (`retryUrl`), once per call, and the module
 * a retry got is shared by every later import of that address. The first failure is passed on as
 * it is: the caller decides when to call again (see retryable). A module whose own imports failed
 * is not helped by this: they stay failed until a reload. So nothing is imported while `offline()`
 * says so (by default, while the browser says it is offline): a chunk that several imports share
 * would fail for each of them, for good.
 */
export async function importAfresh<M>(
  load: () => Promise<M>,
  { offline = () => globalThis.navigator?.onLine === false, importUrl = (url: string): Promise<unknown> => import(/* @vite-ignore */ url) }: { offline?: () => boolean; importUrl?: (url: string) => Promise<unknown> } = {},
): Promise<M> {
  if (offline()) throw new Error('offline');
  try {
    return await load();
  } catch (e) {
    const url = failedModuleUrl(e);
    const seen = url === undefined ? undefined : refetched.get(url);
    if (!seen) {
      if (url !== undefined) refetched.set(url, { tries: 0 });
      throw e;
    }
    seen.module ??= importUrl(retryUrl(url as string, ++seen.tries)).catch((f: unknown) => {
      seen.module = undefined;
      throw f;
    });
    return (await seen.module) as M;
  }
}
