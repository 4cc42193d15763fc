/**
 * relu-manifold: the spiral experiment of MobileNet V2, Figure 1 (Sandler et al. 2018): a 2-D
 * spiral x is embedded in n dimensions by a random T, passed through σ (ReLU, ReLU6 or nothing)
 * and mapped back with T⁺. Panels for n = 2, 3, 5, 15, 30 (the paper's) and a free n, all drawn
 * at the input's scale, with the reconstruction error of each; below, the error against n over
 * several random T. At build time every number comes from src/lib/manifold.ts (float64); in the
 * browser `compute` redoes the panels with TensorFlow.js (float32), loaded only then.
 */
import { scaleLinear } from 'd3-scale';
import { errorCurve, reluRoundTrip, type Activation, type ErrorCurvePoint, type RoundTrip } from '../../../lib/manifold';
import { PARAMS } from '../../../lib/params';
import { toSignificant } from '../../../lib/format';
import { h, type SvgNode } from '../../figure-kit/svg';
import type { FigureDef, FigureParams, FigureView } from '../../figure-kit/types';
import { quantity } from '../../figure-kit/marks';

/** The paper's panels (Figure 1: n = 2, 3, 5, 15, 30). */
export const FIXED_DIMS = [2, 3, 5, 15, 30] as const;
/** Spiral points per panel: enough that a torn arm shows as a gap. */
export const POINTS = 2000;
/** Colour bands along the spiral; each band is one path. */
export const BANDS = 12;
/** Dimensions and seeds (1 … CURVE_SEEDS) of the error-against-n plot; 500 points per T. */
export const CURVE_DIMS = [2, 3, 4, 5, 6, 8, 10, 12, 15, 20, 30, 40, 64] as const;
export const CURVE_SEEDS = 6;
const CURVE_POINTS = 500;

const ACTS: readonly Activation[] = ['relu', 'relu6', 'linear'];
/** The `act` parameter (0, 1, 2) as the manifold's activation. */
export function activationOf(act: number): Activation {
  return ACTS[Math.round(act)] ?? 'relu';
}

/** What `compute` hands to render: the panels from tfjs and the backend that ran them. */
export interface ManifoldData {
  readonly backend: string;
  readonly seed: number;
  readonly activation: Activation;
  readonly panels: ReadonlyMap<number, RoundTrip>;
  /** Milliseconds tfjs spent on the panels that were not cached. */
  readonly ms: number;
}

const W = 480;
const P = 114;
const GAP = 8;
const ROW = 154;
const RANGE = 8.8; // the spiral's radius is 8 (SPIRAL_RADIUS); a little margin
const PX = P / (2 * RANGE);
const PLOT = { x0: 46, x1: 466, y0: 352, y1: 476 };
const H = 522;

/** One path of dots ("m dx dy h0", round caps) per colour band; coordinates in tenths of a pixel. */
export function dotPaths(xy: Float64Array, t: Float64Array, toX: (v: number) => number, toY: (v: number) => number): string[] {
  const out: string[][] = Array.from({ length: BANDS }, () => []);
  const pen: [number, number][] = Array.from({ length: BANDS }, () => [NaN, NaN]);
  for (let i = 0; i < t.length; i++) {
    const b = Math.min(BANDS - 1, Math.floor(t[i] * BANDS));
    const x = Math.round(toX(xy[2 * i]) * 10);
    const y = Math.round(toY(xy[2 * i + 1]) * 10);
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    const [px, py] = pen[b];
    out[b].push(Number.isNaN(px) ? `M${x / 10} ${y / 10}h0` : `m${fmt((x - px) / 10)} ${fmt((y - py) / 10)}h0`);
    pen[b] = [x, y];
  }
  return out.map((parts) => parts.join(''));
}

/** Shortest decimal: 0.5 → ".5", −0.5 → "-.5". */
function fmt(v: number): string {
  const s = String(Math.round(v * 10) / 10);
  return s.replace(/^(-?)0\./, '$1.');
}

function formatError(e: number): string {
  return e < 5e-4 ? '0.000' : toSignificant(e, 3);
}

/** Paths of a point set, memoised on its array: a slider move redraws one panel, not seven. */
const pathMemo = new WeakMap<Float64Array, string[]>();
function panelPaths(xy: Float64Array, t: Float64Array): string[] {
  let paths = pathMemo.get(xy);
  if (!paths) {
    paths = dotPaths(xy, t, (v) => P / 2 + v * PX, (v) => P / 2 - v * PX);
    pathMemo.set(xy, paths);
  }
  return paths;
}

/** The float64 round trip, memoised (the last few: seed and σ change rarely, n often). */
const tsMemo = new Map<string, RoundTrip>();
function tsTrip(dim: number, seed: number, activation: Activation): RoundTrip {
  const key = `${dim}|${seed}|${activation}`;
  let r = tsMemo.get(key);
  if (!r) {
    r = reluRoundTrip({ dim, points: POINTS, seed, activation });
    if (tsMemo.size >= 24) tsMemo.delete(tsMemo.keys().next().value as string);
    tsMemo.set(key, r);
  }
  return r;
}

function panel(uid: string, x: number, y: number, label: string, r: { t: Float64Array; xy: Float64Array }, error: number | undefined, dim: number | undefined, free: boolean): SvgNode {
  const paths = panelPaths(r.xy, r.t);
  return h(
    'g',
    { transform: `translate(${x} ${y})`, 'data-panel': dim ?? 'input' },
    h('text', { class: free ? 'fig-heading rm-free-label' : 'fig-heading', x: 0, y: 12 }, label),
    h('rect', { class: free ? 'rm-panel rm-free' : 'rm-panel', x: 0, y: 18, width: P, height: P, rx: 3 }),
    h(
      'g',
      { transform: 'translate(0 18)', 'clip-path': `url(#${uid}-clip)` },
      paths.map((d, b) => (d ? h('path', { class: `rm-dots rm-b${b}`, d }) : null)),
    ),
    error === undefined
      ? h('text', { class: 'fig-small', x: 0, y: 18 + P + 16 }, 'the spiral x')
      : h('text', { class: 'fig-small', x: 0, y: 18 + P + 16 }, 'error ', quantity('error', error, formatError(error), { 'data-dim': String(dim) })),
  );
}

const curveCache = new Map<Activation, { pinv: ErrorCurvePoint[]; active: ErrorCurvePoint[] }>();

/** Error against n for σ, over seeds 1 … CURVE_SEEDS (cached: it depends on σ only). */
export function curvesFor(activation: Activation): { pinv: ErrorCurvePoint[]; active: ErrorCurvePoint[] } {
  let c = curveCache.get(activation);
  if (!c) {
    const base = { dims: CURVE_DIMS, seeds: CURVE_SEEDS, points: CURVE_POINTS, activation };
    c = { pinv: errorCurve({ ...base, inverse: 'pinv' }), active: errorCurve({ ...base, inverse: 'active' }) };
    curveCache.set(activation, c);
  }
  return c;
}

const LOG2 = Math.log(2);
const LOG64 = Math.log(64);
/** x position of n on the plot's log axis. */
export function curveX(n: number): number {
  return PLOT.x0 + ((Math.log(n) - LOG2) / (LOG64 - LOG2)) * (PLOT.x1 - PLOT.x0);
}

function plot(activation: Activation, dim: number, seedErrors: { dim: number; error: number }[]): SvgNode {
  const { pinv, active } = curvesFor(activation);
  const top = Math.max(1, ...pinv.map((p) => p.mean + p.std), ...active.map((p) => p.mean + p.std), ...seedErrors.map((s) => s.error));
  const y = scaleLinear().domain([0, top]).nice(4).range([PLOT.y1, PLOT.y0]);
  const line = (pts: ErrorCurvePoint[]) => pts.map((p, i) => `${i ? 'L' : 'M'}${curveX(p.dim).toFixed(1)} ${y(p.mean).toFixed(1)}`).join('');
  const band = (pts: ErrorCurvePoint[]) =>
    pts.map((p, i) => `${i ? 'L' : 'M'}${curveX(p.dim).toFixed(1)} ${y(p.mean + p.std).toFixed(1)}`).join('') +
    [...pts].reverse().map((p) => `L${curveX(p.dim).toFixed(1)} ${y(Math.max(0, p.mean - p.std)).toFixed(1)}`).join('') +
    'Z';
  return h(
    'g',
    { 'data-role': 'error-plot' },
    h('text', { class: 'fig-heading', x: 0, y: PLOT.y0 - 14 }, `Error against n, mean ± spread over ${CURVE_SEEDS} random T`),
    y.ticks(4).map((v) =>
      h('g', {}, h('line', { class: 'rm-grid', x1: PLOT.x0, x2: PLOT.x1, y1: y(v), y2: y(v) }), h('text', { class: 'fig-small', x: PLOT.x0 - 6, y: y(v) + 4, 'text-anchor': 'end' }, String(v))),
    ),
    [2, 3, 5, 10, 15, 30, 64].map((n) => h('text', { class: 'fig-small', x: curveX(n), y: PLOT.y1 + 15, 'text-anchor': 'middle' }, String(n))),
    h('text', { class: 'fig-small', x: PLOT.x1, y: PLOT.y1 + 30, 'text-anchor': 'end' }, 'n (log scale)'),
    h('line', { class: 'rm-marker', x1: curveX(dim), x2: curveX(dim), y1: PLOT.y0, y2: PLOT.y1 }),
    h('path', { class: 'rm-band rm-band-pinv', d: band(pinv) }),
    h('path', { class: 'rm-band rm-band-active', d: band(active) }),
    h('path', { class: 'rm-line rm-line-pinv', d: line(pinv), 'data-series': 'pinv' }),
    h('path', { class: 'rm-line rm-line-active', d: line(active), 'data-series': 'active' }),
    seedErrors.map((s) => h('circle', { class: 'rm-seed-dot', cx: curveX(s.dim), cy: y(s.error), r: 3 })),
    h('g', { class: 'rm-legend' },
      h('line', { class: 'rm-line rm-line-pinv', x1: PLOT.x1 - 190, x2: PLOT.x1 - 172, y1: PLOT.y0 + 6, y2: PLOT.y0 + 6 }),
      h('text', { class: 'fig-small', x: PLOT.x1 - 167, y: PLOT.y0 + 10 }, 'back with T⁺ (panels)'),
      h('line', { class: 'rm-line rm-line-active', x1: PLOT.x1 - 190, x2: PLOT.x1 - 172, y1: PLOT.y0 + 22, y2: PLOT.y0 + 22 }),
      h('text', { class: 'fig-small', x: PLOT.x1 - 167, y: PLOT.y0 + 26 }, 'back from active coordinates'),
      h('circle', { class: 'rm-seed-dot', cx: PLOT.x1 - 181, cy: PLOT.y0 + 38, r: 3 }),
      h('text', { class: 'fig-small', x: PLOT.x1 - 167, y: PLOT.y0 + 42 }, 'this seed’s panels'),
    ),
  );
}

function render(v: FigureParams, uid: string, data?: ManifoldData): FigureView {
  const activation = activationOf(v.act);
  const seed = v.seed;
  const dim = Math.min(64, Math.max(2, Math.round(v.dim)));
  const usable = data && data.seed === seed && data.activation === activation ? data : undefined;
  const trip = (n: number): RoundTrip => usable?.panels.get(n) ?? tsTrip(n, seed, activation);
  const first = trip(FIXED_DIMS[0]);
  const dims = [...FIXED_DIMS, dim];
  const trips = dims.map(trip);
  const actName = PARAMS.act.choices?.[Math.round(v.act)] ?? 'ReLU';
  const cells: SvgNode[] = [
    panel(uid, 0, 0, 'input', { xy: first.input, t: first.t }, undefined, undefined, false),
    ...trips.map((r, i) => {
      const slot = i + 1;
      const free = i === FIXED_DIMS.length;
      return panel(uid, (slot % 4) * (P + GAP), Math.floor(slot / 4) * ROW, free ? `n = ${dims[i]} (slider)` : `n = ${dims[i]}`, { xy: r.reconstructed, t: r.t }, r.error, dims[i], free);
    }),
    h(
      'g',
      { transform: `translate(${3 * (P + GAP)} ${ROW})`, 'aria-hidden': 'true' },
      h('text', { class: 'fig-small', x: 0, y: 12 }, 'colour: position'),
      h('text', { class: 'fig-small', x: 0, y: 27 }, 'along the spiral'),
      Array.from({ length: BANDS }, (_, b) => h('rect', { class: `rm-swatch rm-b${b}`, x: b * (P / BANDS), y: 36, width: P / BANDS + 0.5, height: 12 })),
      h('text', { class: 'fig-small', x: 0, y: 64 }, 'centre'),
      h('text', { class: 'fig-small', x: P, y: 64, 'text-anchor': 'end' }, 'outer end'),
    ),
  ];
  const backend = usable
    ? `Panels computed in this browser by TensorFlow.js (${usable.backend} backend, float32).`
    : 'Panels computed when the page was built (TypeScript, float64).';
  const meanSq = first.relativeError > 0 ? first.error / first.relativeError : 0;
  const errs = trips.map((r, i) => `n = ${dims[i]}: ${formatError(r.error)}`).join('; ');
  const summary = `${actName}, seed ${seed}: reconstruction error at n = ${dim} is ${formatError(trips[trips.length - 1].error)} (n = 2: ${formatError(trips[0].error)}, n = 30: ${formatError(trips[4].error)}).`;
  const title = h('title', { id: `${uid}-title` }, `A spiral sent through ${actName} in n dimensions and back`);
  const desc = h(
    'desc',
    { id: `${uid}-desc` },
    `${POINTS} points of a spiral (mean squared radius ${toSignificant(meanSq, 3)}) are mapped to n dimensions by a random matrix T (seed ${seed}), passed through ${actName} and mapped back with the pseudo-inverse of T. Mean squared reconstruction errors: ${errs}. A plot below shows the error against n averaged over ${CURVE_SEEDS} random matrices.`,
  );
  const svg = h(
    'svg',
    { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-labelledby': `${uid}-title ${uid}-desc`, class: 'fig-svg rm' },
    title,
    desc,
    h('defs', {}, h('clipPath', { id: `${uid}-clip` }, h('rect', { x: 0, y: 0, width: P, height: P }))),
    cells,
    h('text', { class: 'fig-small', x: 0, y: 2 * ROW + 8, 'data-role': 'backend', 'data-backend': usable?.backend ?? 'build', 'data-ms': usable ? String(Math.round(usable.ms * 10) / 10) : undefined }, backend),
    plot(activation, dim, trips.map((r, i) => ({ dim: dims[i], error: r.error }))),
  );
  return { svg, summary };
}

type Loaded = { tf: import('../../../lib/tf/load').Tf; backend: string; run: typeof import('../../../lib/tf/manifold-tf').reluRoundTripTf };
let loading: Promise<Loaded> | undefined;
/** tfjs round trips by `n|seed|σ`, oldest dropped first; about 80 kB each. */
const tripCache = new Map<string, RoundTrip>();
const CACHE_MAX = 80;
let prefetchFor = '';

function remember(key: string, r: RoundTrip): void {
  if (tripCache.size >= CACHE_MAX) tripCache.delete(tripCache.keys().next().value as string);
  tripCache.set(key, r);
}

/**
 * After a draw, fill the cache for every n of the slider (same seed and σ) one n per frame, so
 * that dragging n redraws from the cache within a frame. A newer seed or σ cancels the fill.
 */
async function prefetch(l: Loaded, seed: number, activation: Activation): Promise<void> {
  const mine = `${seed}|${activation}`;
  prefetchFor = mine;
  for (let n = 2; n <= 64; n++) {
    await new Promise((r) => setTimeout(r, 16));
    if (prefetchFor !== mine) return;
    const key = `${n}|${seed}|${activation}`;
    if (!tripCache.has(key)) remember(key, await l.run(l.tf, { dim: n, points: POINTS, seed, activation }));
  }
}

/**
 * Browser only: the panels with TensorFlow.js. tfjs-core and the cpu backend are fetched the
 * first time this runs (the figure has come into view), never with the page. The cpu backend
 * answers a 2000 × 64 round trip in milliseconds and is the same on every device; the page's
 * training block uses it too, so the two never switch tfjs' global backend under each other.
 */
async function compute(v: FigureParams): Promise<ManifoldData> {
  loading ??= Promise.all([import('../../../lib/tf/load'), import('../../../lib/tf/manifold-tf')]).then(async ([load, m]) => {
    const got = await load.loadTf({ preferred: ['cpu'] });
    return { tf: got.tf, backend: got.backend, run: m.reluRoundTripTf };
  });
  const l = await loading;
  const activation = activationOf(v.act);
  const seed = v.seed;
  const dim = Math.min(64, Math.max(2, Math.round(v.dim)));
  const panels = new Map<number, RoundTrip>();
  const t0 = performance.now();
  for (const n of new Set([...FIXED_DIMS, dim])) {
    const key = `${n}|${seed}|${activation}`;
    let r = tripCache.get(key);
    if (!r) {
      r = await l.run(l.tf, { dim: n, points: POINTS, seed, activation });
      remember(key, r);
    }
    panels.set(n, r);
  }
  const ms = performance.now() - t0;
  if (prefetchFor !== `${seed}|${activation}`) void prefetch(l, seed, activation);
  return { backend: l.backend, seed, activation, panels, ms };
}

export const figure: FigureDef<ManifoldData> = {
  id: 'relu-manifold',
  title: 'ReLU in n dimensions and back: the spiral experiment',
  chapter: '/linear-bottlenecks/',
  source: 'Sandler et al. 2018, Figure 1; computed by the site and with TensorFlow.js',
  params: ['dim', 'seed', 'act'],
  compute,
  render,
};
