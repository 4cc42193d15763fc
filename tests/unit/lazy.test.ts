import { describe, expect, it } from 'vitest';
import { backoffMs, retryable } from '../../src/lib/lazy';

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
