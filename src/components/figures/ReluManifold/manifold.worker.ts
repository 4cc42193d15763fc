/**
 * The relu-manifold figure's worker: TensorFlow.js round trips and the curves against n, off the
 * page's main thread, so a slider drag never waits for them. It loads tfjs on the cpu backend
 * when it starts (says 'ready' or 'failed') and answers each request with plain arrays and the
 * dots drawn for the page's panel size. While it has nothing else to do it computes the n near
 * the slider's (FILL_REACH either way) for the last seed and σ into its own cache, one at a time,
 * nearest first: a drag along n then waits for a message, not a computation, and the page's main
 * thread receives only the panels it draws. A request waits for one round trip at most.
 */
import { loadTf, TfUnavailableError, type Tf } from '../../../lib/tf/load';
import { reluRoundTripTf } from '../../../lib/tf/manifold-tf';
import { computeCurves, POINTS } from './curves';
import { panelDots } from './dots';
import { FILL_REACH, fillOrder, tripData, tripKey, type TripData, type TripKey, type PageMessage, type TripsRequest, type WorkerReply } from './protocol';
import { spiral } from '../../../lib/manifold';

/** The worker's side of postMessage (typed here: the project's TypeScript lib is the DOM's). */
const scope = self as unknown as {
  postMessage(message: WorkerReply, transfer?: Transferable[]): void;
  onmessage: ((e: MessageEvent<PageMessage>) => void) | null;
};
const post = (m: WorkerReply): void => scope.postMessage(m);

const loading: Promise<{ tf: Tf; backend: string }> = loadTf({ preferred: ['cpu'] });
loading.then(
  (l) => post({ kind: 'ready', backend: l.backend }),
  (e: unknown) => post({ kind: 'failed', failed: e instanceof TfUnavailableError ? e.failed : [], message: e instanceof Error ? e.message : String(e) }),
);

/** Trips computed here, by key, less the spiral, with their dots; oldest dropped first. */
const cache = new Map<string, { d: TripData; dots?: TripData['dots'] }>();
/** A few seeds' and σ's fills (26 trips each) and their paper panels; about 60 kB each. */
const CACHE_MAX = 140;
/** Where each point sits along the spiral (the same for every trip): colours the dots. */
const along = spiral({ points: POINTS }).t;
let fillFor: TripsRequest['fill'] | undefined;
let fillTimer: ReturnType<typeof setTimeout> | undefined;
/** Requests and fill trips under way. */
let active = 0;

/** Side of the page's panels, as it last said (0: not known). */
let size = 0;

/** A trip from the cache or computed, with its dots drawn at the page's panel size. */
async function trip(k: TripKey): Promise<TripData> {
  const key = tripKey(k);
  let entry = cache.get(key);
  if (!entry) {
    const { tf } = await loading;
    entry = { d: tripData(await reluRoundTripTf(tf, { ...k, points: POINTS })) };
    if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value as string);
    cache.set(key, entry);
  }
  if (size > 0 && entry.dots?.size !== size) entry.dots = { size, paths: panelDots(entry.d.reconstructed, along, entry.d.lost, size) };
  return entry.dots ? { ...entry.d, dots: entry.dots } : entry.d;
}

scope.onmessage = (e) => {
  const req = e.data;
  if (req.kind === 'size') {
    size = req.size;
    return;
  }
  active += 1;
  fillFor = req.fill;
  if (req.size > 0) size = req.size;
  void answer(req).finally(() => {
    active -= 1;
    scheduleFill();
  });
};

/** Answers a request, always: with its trips, or with why not (the page then draws on its own). */
async function answer(req: TripsRequest): Promise<void> {
  try {
    const t0 = performance.now();
    const trips: TripData[] = [];
    for (const k of req.trips) trips.push(await trip(k));
    const ms = performance.now() - t0;
    const curves = req.curves ? computeCurves(req.curves) : null;
    // Copied, not moved: the cache here keeps its own.
    post({ kind: 'trips', id: req.id, trips, curves, ms });
  } catch (err) {
    post({ kind: 'error', id: req.id, message: err instanceof Error ? err.message : String(err) });
  }
}

/** The next trip of the fill not in the cache yet. */
function nextFill(): TripKey | undefined {
  if (!fillFor) return undefined;
  const { seed, activation, near } = fillFor;
  for (const dim of fillOrder(near, FILL_REACH)) {
    for (const inverse of ['pinv', 'active'] as const) {
      const k = { dim, inverse, seed, activation };
      if (!cache.has(tripKey(k))) return k;
    }
  }
  return undefined;
}

/** One fill trip per task, so that a request arriving meanwhile is taken next. */
function scheduleFill(): void {
  if (fillTimer !== undefined) return;
  fillTimer = setTimeout(() => {
    fillTimer = undefined;
    const k = active > 0 ? undefined : nextFill();
    if (!k) return;
    active += 1;
    trip(k)
      .catch(() => undefined)
      .finally(() => {
        active -= 1;
        scheduleFill();
      });
  }, 0);
}
