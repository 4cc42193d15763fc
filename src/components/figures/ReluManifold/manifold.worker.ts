/**
 * The relu-manifold figure's worker: TensorFlow.js round trips and the curves against n, off the
 * page's main thread, so a slider drag never waits for them. It loads tfjs on the cpu backend
 * when it starts (says 'ready' or 'failed'), answers each request with plain arrays (and the dots drawn for the page's panel size), and while it
 * has nothing else to do computes the other n of the last seed and σ one at a time, so that a
 * drag along n finds every panel in the page's cache. A request waits for one round trip at most.
 */
import { loadTf, TfUnavailableError, type Tf } from '../../../lib/tf/load';
import { reluRoundTripTf } from '../../../lib/tf/manifold-tf';
import { computeCurves, POINTS } from './curves';
import { panelDots } from './dots';
import { fillOrder, transferables, tripData, tripKey, type TripData, type TripKey, type PageMessage, type TripsRequest, type WorkerReply } from './protocol';

/** The worker's side of postMessage (typed here: the project's TypeScript lib is the DOM's). */
const scope = self as unknown as {
  postMessage(message: WorkerReply, transfer?: Transferable[]): void;
  onmessage: ((e: MessageEvent<PageMessage>) => void) | null;
};
const post = (m: WorkerReply, transfer: ArrayBuffer[] = []): void => scope.postMessage(m, transfer);

const loading: Promise<{ tf: Tf; backend: string }> = loadTf({ preferred: ['cpu'] });
loading.then(
  (l) => post({ kind: 'ready', backend: l.backend }),
  (e: unknown) => post({ kind: 'failed', failed: e instanceof TfUnavailableError ? e.failed : [], message: e instanceof Error ? e.message : String(e) }),
);

/** Keys the page has been sent (it may drop some from its cache; then it asks again). */
const sent = new Set<string>();
let fillFor: TripsRequest['fill'] | undefined;
let fillTimer: ReturnType<typeof setTimeout> | undefined;
/** Requests and fill trips under way. */
let active = 0;

/** Side of the page's panels, as it last said (0: not known). */
let size = 0;

async function trip(k: TripKey): Promise<TripData> {
  const { tf } = await loading;
  const r = await reluRoundTripTf(tf, { ...k, points: POINTS });
  sent.add(tripKey(k));
  return tripData(r, size > 0 ? { size, paths: panelDots(r.reconstructed, r.t, r.lost, size) } : undefined);
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
    post({ kind: 'trips', id: req.id, trips, curves, ms }, transferables(trips));
  } catch (err) {
    post({ kind: 'error', id: req.id, message: err instanceof Error ? err.message : String(err) });
  }
}

/** The next trip of the fill that the page has not been sent. */
function nextFill(): TripKey | undefined {
  if (!fillFor) return undefined;
  const { seed, activation, near } = fillFor;
  for (const dim of fillOrder(near)) {
    for (const inverse of ['pinv', 'active'] as const) {
      const k = { dim, inverse, seed, activation };
      if (!sent.has(tripKey(k))) return k;
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
    trip(k).then(
      (d) => post({ kind: 'fill', trip: d }, transferables([d])),
      () => undefined,
    ).finally(() => {
      active -= 1;
      scheduleFill();
    });
  }, 0);
}
