/**
 * A slow job (a computation in a worker) asked for faster than it answers, e.g. while a slider is
 * dragged: only the newest request matters. `newestWins(run)` runs one job at a time and keeps at
 * most one more waiting; a request that arrives while one waits replaces it, and the replaced one
 * rejects with SupersededError without ever running. The job in flight is never cut short: its
 * answer still arrives (a caller may keep it, e.g. in a cache), and the caller decides whether it
 * is stale. DOM-free.
 */

/** The rejection of a request that a newer one replaced before it could start. */
export class SupersededError extends Error {
  constructor() {
    super('replaced by a newer request before it started');
    this.name = 'SupersededError';
  }
}

/** A job runner that keeps one job in flight and the newest request waiting. */
export interface NewestWins<A, R> {
  /** Ask for `run(args)`: now if nothing runs, else after the running job (unless replaced). */
  (args: A): Promise<R>;
  /** Jobs started or waiting: 0 (idle), 1 (one in flight) or 2 (one in flight, one waiting). */
  pending(): number;
}

/** newestWins(run): see above. A job that throws rejects its own request only. */
export function newestWins<A, R>(run: (args: A) => Promise<R>): NewestWins<A, R> {
  let running = false;
  let waiting: { args: A; resolve: (r: R) => void; reject: (e: unknown) => void } | undefined;

  const start = (args: A): Promise<R> => {
    running = true;
    let job: Promise<R>;
    try {
      job = Promise.resolve(run(args));
    } catch (e) {
      job = Promise.reject(e);
    }
    const next = (): void => {
      running = false;
      const w = waiting;
      waiting = undefined;
      if (w) start(w.args).then(w.resolve, w.reject);
    };
    job.then(next, next);
    return job;
  };

  const ask = ((args: A): Promise<R> => {
    if (!running) return start(args);
    waiting?.reject(new SupersededError());
    return new Promise<R>((resolve, reject) => {
      waiting = { args, resolve, reject };
    });
  }) as NewestWins<A, R>;
  ask.pending = () => (running ? 1 : 0) + (waiting ? 1 : 0);
  return ask;
}
