import { describe, expect, it } from 'vitest';
import { backoffMs, failedModuleUrl, importAfresh, retryable, retryUrl } from '../../src/lib/lazy';

/** A load that fails while `offline` is set, counting its calls. */
function flaky() {
  const state = { offline: true, calls: 0 };
  const load = () => {
    state.calls += 1;
    return state.offline ? Promise.reject(new TypeError('Failed to fetch dynamically imported module')) : Promise.resolve('module');
  };
  return { state, load };
}

describe('backoffMs(failures)', () => {
  it('doubles from the first delay and stops at the longest', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7].map((n) => backoffMs(n))).toEqual([0, 1000, 2000, 4000, 8000, 16000, 30000, 30000]);
    expect(backoffMs(3, 100, 250)).toBe(250);
    expect(backoffMs(1e6)).toBe(30000);
  });
});

describe('retryable(load)', () => {
  it('loads once and shares the value and the load in flight', async () => {
    let calls = 0;
    const get = retryable(() => {
      calls += 1;
      return Promise.resolve(42);
    });
    const [a, b] = await Promise.all([get(), get()]);
    expect([a, b, await get(), calls]).toEqual([42, 42, 42, 1]);
  });

  it('does not keep a failed load: the next use after the backoff tries again and succeeds', async () => {
    let t = 0;
    const { state, load } = flaky();
    const get = retryable(load, { now: () => t });
    await expect(get()).rejects.toThrow('Failed to fetch');
    expect(get.failures()).toBe(1);
    expect(get.wait()).toBe(1000);
    // Within the backoff: rejected at once, nothing fetched.
    t = 999;
    await expect(get()).rejects.toThrow('Failed to fetch');
    expect(state.calls).toBe(1);
    t = 1000;
    await expect(get()).rejects.toThrow();
    expect(state.calls).toBe(2);
    expect(get.wait()).toBe(2000);
    state.offline = false;
    t = 3000;
    await expect(get()).resolves.toBe('module');
    expect([state.calls, get.failures(), get.wait()]).toEqual([3, 0, 0]);
  });

  it('reset() lets the next use try at once (back online)', async () => {
    const { state, load } = flaky();
    const get = retryable(load, { now: () => 0 });
    await expect(get()).rejects.toThrow();
    state.offline = false;
    await expect(get()).rejects.toThrow();
    expect(state.calls).toBe(1);
    get.reset();
    await expect(get()).resolves.toBe('module');
    expect(state.calls).toBe(2);
  });

  it('turns a load that throws synchronously into a rejection', async () => {
    const get = retryable<number>(() => {
      throw new Error('no');
    });
    await expect(get()).rejects.toThrow('no');
    expect(get.failures()).toBe(1);
  });
});

describe('failedModuleUrl(error)', () => {
  it('reads the address Chromium and Firefox name in a failed dynamic import', () => {
    // Chromium 150: TypeError "Failed to fetch dynamically imported module: <url>"; Firefox: "error loading dynamically imported module: <url>".
    expect(failedModuleUrl(new TypeError('Failed to fetch dynamically imported module: http://127.0.0.1:4321/_astro/figure.Ab1_-x.js'))).toBe('http://127.0.0.1:4321/_astro/figure.Ab1_-x.js');
    expect(failedModuleUrl(new TypeError('error loading dynamically imported module: https://example.org/_astro/katex.B2.js'))).toBe('https://example.org/_astro/katex.B2.js');
    expect(failedModuleUrl('Failed to fetch dynamically imported module: http://h/a.js')).toBe('http://h/a.js');
  });

  it('names nothing for other errors, no address, or an address already asked for again', () => {
    // Safari names no address.
    expect(failedModuleUrl(new TypeError('Importing a module script failed.'))).toBeUndefined();
    expect(failedModuleUrl(new Error('Unable to preload CSS for /_astro/x.css'))).toBeUndefined();
    expect(failedModuleUrl(new Error('Failed to fetch dynamically imported module: /_astro/x.js'))).toBeUndefined();
    expect(failedModuleUrl(new Error('Failed to fetch dynamically imported module: javascript:alert(1)'))).toBeUndefined();
    expect(failedModuleUrl(new Error('Failed to fetch dynamically imported module: http://h/a.js?retry=1'))).toBeUndefined();
    expect(failedModuleUrl(undefined)).toBeUndefined();
  });
});

describe('retryUrl(url, attempt)', () => {
  it('adds the attempt as a query', () => {
    expect(retryUrl('http://h/_astro/a.js', 1)).toBe('http://h/_astro/a.js?retry=1');
    expect(retryUrl('http://h/_astro/a.js', 12)).toBe('http://h/_astro/a.js?retry=12');
  });
});

describe('importAfresh(load)', () => {
  /** A module import that the browser keeps failed once it has failed (as Chromium 150 does). */
  function keptFailure(url: string) {
    const state = { network: false, calls: 0, asked: [] as string[] };
    let failed = false;
    const load = (): Promise<string> => {
      state.calls += 1;
      if (failed || !state.network) {
        failed = true;
        return Promise.reject(new TypeError(`Failed to fetch dynamically imported module: ${url}`));
      }
      return Promise.resolve('module');
    };
    const importUrl = (u: string): Promise<unknown> => {
      state.asked.push(u);
      return state.network ? Promise.resolve(`module from ${u}`) : Promise.reject(new TypeError(`Failed to fetch dynamically imported module: ${u}`));
    };
    return { state, load, importUrl };
  }

  it('passes a first failure on, then asks for the module under a new address on each later call until one arrives', async () => {
    const url = 'http://h/_astro/one.js';
    const { state, load, importUrl } = keptFailure(url);
    await expect(importAfresh(load, { importUrl, offline: () => false })).rejects.toThrow(url);
    expect(state.asked).toEqual([]);
    await expect(importAfresh(load, { importUrl, offline: () => false })).rejects.toThrow(`${url}?retry=1`);
    state.network = true;
    // The plain import still fails (kept); the retry gets it.
    expect(await importAfresh(load, { importUrl, offline: () => false })).toBe(`module from ${url}?retry=2`);
    // Later imports share the module the retry got: no third address, no second copy.
    expect(await importAfresh(load, { importUrl, offline: () => false })).toBe(`module from ${url}?retry=2`);
    expect(state.asked).toEqual([`${url}?retry=1`, `${url}?retry=2`]);
    expect(state.calls).toBe(4);
  });

  it('returns what loads at once, and passes on an error that names no module', async () => {
    expect(await importAfresh(() => Promise.resolve(7), { importUrl: () => Promise.reject(new Error('not asked')) })).toBe(7);
    const asked: string[] = [];
    const bug = new RangeError('a bug in the module');
    for (let i = 0; i < 2; i++) {
      await expect(importAfresh(() => Promise.reject(bug), { importUrl: (u) => (asked.push(u), Promise.resolve()) })).rejects.toBe(bug);
    }
    expect(asked).toEqual([]);
  });

  it('imports nothing while offline, so no shared chunk is left failed', async () => {
    let calls = 0;
    const load = (): Promise<string> => {
      calls += 1;
      return Promise.resolve('module');
    };
    await expect(importAfresh(load, { offline: () => true })).rejects.toThrow('offline');
    expect(calls).toBe(0);
    expect(await importAfresh(load, { offline: () => false })).toBe('module');
    expect(calls).toBe(1);
  });
});
