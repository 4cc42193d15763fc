import { describe, expect, it } from 'vitest';
import { newestWins, SupersededError } from '../../src/lib/newest';

/** A job runner whose jobs finish only when the test says so; records what started, in order. */
function manual() {
  const started: number[] = [];
  const open = new Map<number, { resolve: (v: string) => void; reject: (e: unknown) => void }>();
  const run = (n: number) =>
    new Promise<string>((resolve, reject) => {
      started.push(n);
      open.set(n, { resolve, reject });
    });
  return { started, open, run };
}

/** Lets every settled promise's callbacks run. */
const flush = () => new Promise((r) => setTimeout(r, 0));

describe('newestWins(run)', () => {
  it('runs a request at once when idle and answers it', async () => {
    const m = manual();
    const ask = newestWins(m.run);
    const a = ask(1);
    expect(m.started).toEqual([1]);
    expect(ask.pending()).toBe(1);
    m.open.get(1)!.resolve('one');
    expect(await a).toBe('one');
    expect(ask.pending()).toBe(0);
  });

  it('keeps one job in flight and only the newest waiting: 2 and 3 are replaced by 4, which runs after 1', async () => {
    const m = manual();
    const ask = newestWins(m.run);
    const results: string[] = [];
    const a = ask(1).then((v) => results.push(`1:${v}`));
    const b = ask(2).catch((e: unknown) => results.push(`2:${(e as Error).name}`));
    const c = ask(3).catch((e: unknown) => results.push(`3:${(e as Error).name}`));
    const d = ask(4).then((v) => results.push(`4:${v}`));
    // One in flight, one waiting: never more.
    expect(ask.pending()).toBe(2);
    await flush();
    expect(m.started).toEqual([1]);
    expect(results).toEqual(['2:SupersededError', '3:SupersededError']);
    m.open.get(1)!.resolve('a');
    await flush();
    // The job in flight is not cut short: its answer arrives, then the newest starts.
    expect(m.started).toEqual([1, 4]);
    m.open.get(4)!.resolve('d');
    await Promise.all([a, b, c, d]);
    expect(results).toEqual(['2:SupersededError', '3:SupersededError', '1:a', '4:d']);
    expect(m.started).toEqual([1, 4]);
    expect(ask.pending()).toBe(0);
  });

  it('a failed job rejects only its own request, and the waiting one still runs', async () => {
    const m = manual();
    const ask = newestWins(m.run);
    const a = ask(1);
    const b = ask(2);
    m.open.get(1)!.reject(new TypeError('worker failed'));
    await expect(a).rejects.toThrow('worker failed');
    await flush();
    expect(m.started).toEqual([1, 2]);
    m.open.get(2)!.resolve('two');
    expect(await b).toBe('two');
  });

  it('a job that throws before returning a promise rejects its request and leaves the runner usable', async () => {
    let calls = 0;
    const ask = newestWins((n: number) => {
      calls += 1;
      if (n < 0) throw new RangeError('negative');
      return Promise.resolve(n * 2);
    });
    await expect(ask(-1)).rejects.toBeInstanceOf(RangeError);
    expect(await ask(21)).toBe(42);
    expect(calls).toBe(2);
  });

  it('rejects a replaced request with SupersededError, which a caller can tell from a failure', async () => {
    const m = manual();
    const ask = newestWins(m.run);
    void ask(1);
    const replaced = ask(2);
    void ask(3).catch(() => undefined);
    const e = await replaced.catch((x: unknown) => x);
    expect(e).toBeInstanceOf(SupersededError);
    m.open.get(1)!.resolve('x');
    await flush();
    m.open.get(3)!.resolve('y');
  });
});
