/**
 * relu-manifold: the spiral experiment of MobileNet V2, Figure 1 (Sandler et al. 2018): a 2-D
 * spiral x is embedded in n dimensions by a random T, passed through σ (ReLU, ReLU6 or nothing)
 * and mapped back. For n = 2, 3, 5, 15, 30 (the paper's) and the slider's n, two ways back side by
 * side: T⁺ as in the paper, and least squares on the coordinates σ left active, which is exact for
 * every point that is not lost. Lost points (fewer than two independent active coordinates) are
 * drawn dark, the input spiral as a faint outline. Below, the fraction lost against n with the
 * prediction (1 + n)/2ⁿ, and the error against n. At build time every number comes from
 * src/lib/manifold.ts (float64); in the browser `compute` has a worker (manifold.worker.ts) redo
 * the panels with TensorFlow.js (float32) and the curves, off the main thread, loaded only then.
 *
 * Layouts (frame.width units): wide pages put the six columns in one row and the two charts side
 * by side; narrow ones (phones) three columns in two groups and the charts stacked; slides keep
 * one short row pair within frame.height, with the lost chart beside it where there is room.
 */
import { retryable } from '../../../lib/lazy';
import { newestWins } from '../../../lib/newest';
import { tripKey, withSpiral, type TripData, type TripKey, type SizeMessage, type TripsRequest, type WorkerReply } from './protocol';
import { BANDS, dotPaths, panelDots, RANGE } from './dots';
import { computeCurves, CURVE_DIMS, CURVE_SEEDS, LOST_SEEDS, POINTS, type Curves } from './curves';
import { scaleLinear, scaleLog } from 'd3-scale';
import { areaPath, linePath } from '../../figure-kit/paths';
import {
  predictedLostFraction,
  reluRoundTrip,
  spiral,
  type Activation,
  type ErrorCurvePoint,
  type Inverse,
  type RoundTrip,
} from '../../../lib/manifold';
import { toSignificant } from '../../../lib/format';
import { h, type SvgNode } from '../../figure-kit/svg';
import { rounded } from '../../figure-kit/rounded';
import type { FigureDef, FigureFrame, FigureParams, FigureView } from '../../figure-kit/types';
import { quantity, wrapWords } from '../../figure-kit/marks';
import { isNarrow } from '../../figure-kit/frame';
import { textUnits } from '../../figure-kit/text';
import { figureWords } from '../../../i18n/figures';
import { reluManifoldEn } from '../../../i18n/figures/relu-manifold.en';
import type { Lang } from '../../../i18n';
import { paramText } from '../../../i18n/params';

/** This figure's words in a language (its English ones are bundled with it). */
const words = (lang: Lang): typeof reluManifoldEn => figureWords(lang, 'reluManifold', reluManifoldEn);

type Text = typeof reluManifoldEn;

/** The paper's panels (Figure 1: n = 2, 3, 5, 15, 30). */
export const FIXED_DIMS = [2, 3, 5, 15, 30] as const;
export { POINTS, CURVE_DIMS, CURVE_SEEDS, LOST_SEEDS, BANDS, RANGE, dotPaths };
const ACTS: readonly Activation[] = ['relu', 'relu6', 'linear'];
/** The `act` parameter (0, 1, 2) as the manifold's activation. */
export function activationOf(act: number): Activation {
  return ACTS[Math.round(act)] ?? 'relu';
}

/** Both ways back for one n. */
export interface PanelPair {
  readonly pinv: RoundTrip;
  readonly active: RoundTrip;
}

/** What `compute` hands to render: the panels from tfjs and the backend that ran them. */
export interface ManifoldData {
  readonly backend: string;
  readonly seed: number;
  readonly activation: Activation;
  readonly panels: ReadonlyMap<number, PanelPair>;
  /** Milliseconds tfjs spent on the panels that were not cached. */
  readonly ms: number;
}

/**
 * panelDims(n): the paper's n and the slider's, in order, each once. When the slider sits on one
 * of the paper's n, that panel is the slider's and there are five.
 */
export function panelDims(dim: number): number[] {
  return [...new Set<number>([...FIXED_DIMS, dim])].sort((a, b) => a - b);
}

/**
 * columnKey(n, dim): the key of n's marks when the slider is at `dim`. The paper's n keep theirs,
 * and the slider's own column is 'slider' whatever its n, so a step patches that column in place.
 */
export function columnKey(n: number, dim: number): string {
  return n === dim && !(FIXED_DIMS as readonly number[]).includes(n) ? 'slider' : String(n);
}

const GAP = 8;
/** Approximate advance of one character of 12 px text, for laying out labels. */
const CHAR = 6.8;

/** A percentage that keeps small fractions visible: 0.7505 → "75%", 0.0005 → "0.05%". */
export function formatLost(f: number): string {
  if (f === 0) return '0%';
  return `${toSignificant(100 * f, f >= 0.1 ? 2 : 1)}%`;
}

function formatError(e: number): string {
  return e < 5e-4 ? '0.000' : toSignificant(e, 3);
}

/** Side of the panels last drawn: the worker draws the dots of new round trips at this size. */
let drawnPanel = 0;
/** Tells the worker a new panel size (set once it runs; never at build time). */
let onPanelSize: ((size: number) => void) | undefined;

/** Paths of a point set at a panel size, memoised on its array: a slider move redraws one column. */
const pathMemo = new WeakMap<Float64Array, Map<number, string[]>>();
function panelPaths(r: RoundTrip, xy: Float64Array, size: number): string[] {
  let bySize = pathMemo.get(xy);
  if (!bySize) pathMemo.set(xy, (bySize = new Map()));
  let paths = bySize.get(size);
  if (!paths) {
    paths = panelDots(xy, r.t, r.lost, size);
    bySize.set(size, paths);
  }
  return paths;
}

/** Keep dots drawn elsewhere (the worker) for a point set at a panel size. */
function keepPaths(xy: Float64Array, size: number, paths: string[]): void {
  let bySize = pathMemo.get(xy);
  if (!bySize) pathMemo.set(xy, (bySize = new Map()));
  bySize.set(size, paths);
}

/** The input spiral as one faint polyline (every 8th point), memoised per panel size. */
const outlineMemo = new WeakMap<Float64Array, Map<number, string>>();
function outlinePath(input: Float64Array, size: number): string {
  let bySize = outlineMemo.get(input);
  if (!bySize) outlineMemo.set(input, (bySize = new Map()));
  let d = bySize.get(size);
  if (d === undefined) {
    const px = size / (2 * RANGE);
    const every8th = Array.from({ length: Math.ceil(input.length / 16) }, (_, i) => 8 * i);
    d = linePath(every8th, (k) => size / 2 + input[2 * k] * px, (k) => size / 2 - input[2 * k + 1] * px);
    bySize.set(size, d);
  }
  return d;
}

/** The float64 round trip, memoised (the last few: seed and σ change rarely, n often). */
const tsMemo = new Map<string, RoundTrip>();
function tsTrip(dim: number, seed: number, activation: Activation, inverse: Inverse): RoundTrip {
  const key = `${dim}|${seed}|${activation}|${inverse}`;
  let r = tsMemo.get(key);
  if (!r) {
    r = reluRoundTrip({ dim, points: POINTS, seed, activation, inverse });
    if (tsMemo.size >= 48) tsMemo.delete(tsMemo.keys().next().value as string);
    tsMemo.set(key, r);
  }
  return r;
}

const curveCache = new Map<Activation, Curves>();

/** Error and lost fraction against n for σ, over random T (cached: they depend on σ only). */
export function curvesFor(activation: Activation): Curves {
  let c = curveCache.get(activation);
  if (!c) {
    c = computeCurves(activation);
    curveCache.set(activation, c);
  }
  return c;
}

/** Where things go for a frame: panel size, columns per group, and how the charts sit. */
export interface ManifoldLayout {
  readonly kind: 'wide' | 'narrow' | 'slide';
  /** Side of one square panel. */
  readonly panel: number;
  /** Panels per row (a group is a T⁺ row above an active row). */
  readonly columns: number;
  /** Width kept at the left for the row names (slides write them sideways). */
  readonly side: number;
  /** The charts: both below side by side, both below stacked, the lost one to the right, or none. */
  readonly charts: 'side' | 'stacked' | 'right' | 'none';
  /** Width of one chart. */
  readonly chartWidth: number;
}

const CHART_H = 160;
const RIGHT_CHART_MIN = 220;
/** Vertical space of a slide's panel block besides its two panels: legend, n labels, two value lines. */
const SLIDE_TEXT = 22 + 18 + 2 * 18 + 4;
/**
 * Tallest slide picture that lecture.css shows at full size on a 1280×720 screen (46vh = 331 px,
 * at 1.4 px per unit); frame.height may allow more.
 */
const SLIDE_FIT = 236;

/** layout(frame): the arrangement for frame.width (and frame.height on slides). */
export function layout(frame: FigureFrame): ManifoldLayout {
  const W = frame.width;
  if (frame.context === 'slide') {
    const side = 18;
    const cap = Math.min(120, Math.floor((Math.min(frame.height ?? SLIDE_FIT, SLIDE_FIT) - SLIDE_TEXT) / 2));
    const across = (w: number) => Math.floor((w - side - 5 * GAP) / 6);
    if (across(W - RIGHT_CHART_MIN - GAP) < 64) {
      return { kind: 'slide', panel: Math.max(40, Math.min(cap, across(W))), columns: 6, side, charts: 'none', chartWidth: 0 };
    }
    const panel = Math.min(cap, across(W - RIGHT_CHART_MIN - GAP));
    const chartWidth = Math.min(340, W - (side + 6 * panel + 5 * GAP) - GAP);
    return { kind: 'slide', panel, columns: 6, side, charts: 'right', chartWidth };
  }
  if (isNarrow(frame)) {
    return { kind: 'narrow', panel: Math.floor((W - 2 * GAP) / 3), columns: 3, side: 0, charts: 'stacked', chartWidth: W };
  }
  const panel = Math.min(96, Math.floor((W - 5 * GAP) / 6));
  const side = W >= 600;
  return { kind: 'wide', panel, columns: 6, side: 0, charts: side ? 'side' : 'stacked', chartWidth: side ? Math.floor((W - 3 * GAP) / 2) : W };
}

/** One panel: the input's outline, the kept points by colour band, the lost ones dark. */
function panel(uid: string, x: number, y: number, size: number, r: RoundTrip, row: Inverse, dim: number, slider: boolean): SvgNode {
  const paths = panelPaths(r, r.reconstructed, size);
  return h(
    'g',
    { transform: rounded`translate(${x} ${y})`, 'data-panel': dim, 'data-row': row, 'data-slider': slider ? '' : undefined },
    h('rect', { class: slider ? 'rm-panel rm-free' : 'rm-panel', x: 0, y: 0, width: size, height: size, rx: 3 }),
    h(
      'g',
      // Keyed: a colour band that empties or fills leaves the other bands' paths as they are.
      { 'clip-path': `url(#${uid}-clip)`, 'data-keyed': true },
      // The input spiral is the same in every panel: drawn once (defs) and placed here.
      h('use', { class: 'rm-input', href: `#${uid}-spiral`, 'data-key': 'input' }),
      paths.slice(0, BANDS).map((d, b) => (d ? h('path', { class: `rm-dots rm-b${b}`, d, 'data-key': `b${b}` }) : null)),
      paths[BANDS] ? h('path', { class: 'rm-dots rm-lost', d: paths[BANDS], 'data-count': r.lost.reduce((a, l) => a + l, 0), 'data-key': 'lost' }) : null,
    ),
  );
}

/** A legend laid out left to right, wrapping at the width; returns the nodes and the height used. */
function legend(items: { width: number; draw: (x: number, y: number) => SvgNode }[], width: number, y0: number): { nodes: SvgNode[]; height: number } {
  const nodes: SvgNode[] = [];
  let x = 0;
  let y = y0;
  for (const it of items) {
    if (x > 0 && x + it.width > width) {
      x = 0;
      y += 18;
    }
    nodes.push(it.draw(x, y));
    x += it.width + 16;
  }
  return { nodes, height: y - y0 + 18 };
}

function legendItems(T: Text, kind: ManifoldLayout['kind']): { width: number; draw: (x: number, y: number) => SvgNode }[] {
  const ramp = 48;
  const text = (s: string) => textUnits(s) * CHAR;
  const along = kind === 'slide' ? T.alongShort : T.alongLong;
  const lost = kind === 'slide' ? T.lostShort : T.lostLong;
  const input = kind === 'slide' ? T.inputShort : T.inputLong;
  const yours = kind === 'slide' ? T.yoursShort : T.yoursLong;
  return [
    {
      width: ramp + 6 + text(along),
      draw: (x, y) =>
        h(
          'g',
          { transform: rounded`translate(${x} ${y})` },
          Array.from({ length: BANDS }, (_, b) => h('rect', { class: `rm-swatch rm-b${b}`, x: (b * ramp) / BANDS, y: 3, width: ramp / BANDS + 0.3, height: 9 })),
          h('text', { class: 'fig-small', x: ramp + 6, y: 12 }, along),
        ),
    },
    {
      width: 14 + text(lost),
      draw: (x, y) => h('g', { transform: rounded`translate(${x} ${y})` }, h('path', { class: 'rm-dots rm-lost rm-key-dot', d: 'M5 7.5h0' }), h('text', { class: 'fig-small', x: 14, y: 12 }, lost)),
    },
    {
      width: 22 + text(input),
      draw: (x, y) => h('g', { transform: rounded`translate(${x} ${y})` }, h('line', { class: 'rm-input', x1: 0, x2: 16, y1: 7.5, y2: 7.5 }), h('text', { class: 'fig-small', x: 22, y: 12 }, input)),
    },
    {
      width: 20 + text(yours),
      draw: (x, y) => h('g', { transform: rounded`translate(${x} ${y})` }, h('rect', { class: 'rm-panel rm-free', x: 1, y: 2, width: 12, height: 11, rx: 2 }), h('text', { class: 'fig-small rm-free-label', x: 20, y: 12 }, yours)),
    },
  ];
}

/** The charts' n axis: log scale from 2 to 64 (the slider's range) across [x0, x1]. */
const nAxis = (x0: number, x1: number) => scaleLog().domain([2, 64]).range([x0, x1]);

/** Frame, ticks and title of a chart with a log n axis; returns the plot box and its nodes. */
function chartFrame(T: Text, width: number, height: number, title: string, y: (v: number) => number, yTicks: number[], yLabel: (v: number) => string, box: { x0: number; x1: number; y0: number; y1: number }): SvgNode {
  const xt = width >= 280 ? [2, 3, 5, 10, 15, 30, 64] : [2, 5, 15, 64];
  return h(
    'g',
    {},
    h('text', { class: 'fig-heading', x: 0, y: 14 }, title),
    yTicks.map((v) =>
      h('g', {}, h('line', { class: 'rm-grid', x1: box.x0, x2: box.x1, y1: y(v), y2: y(v) }), h('text', { class: 'fig-small', x: box.x0 - 6, y: y(v) + 4, 'text-anchor': 'end' }, yLabel(v))),
    ),
    xt.map((n) => h('text', { class: 'fig-small', x: nAxis(box.x0, box.x1)(n), y: box.y1 + 15, 'text-anchor': 'middle' }, String(n))),
    h('text', { class: 'fig-small', x: box.x1, y: height - 2, 'text-anchor': 'end' }, T.nAxis),
  );
}

/** The slider's marker on a chart: a dashed line, moved by a CSS transform so it can glide. */
function sliderMarker(x: number, box: { y0: number; y1: number }): SvgNode {
  return h('g', { class: 'rm-marker-g', style: `transform: translateX(${x.toFixed(1)}px)` }, h('line', { class: 'rm-marker', x1: 0, x2: 0, y1: box.y0, y2: box.y1 }));
}

/** Lost fraction against n: the prediction (1 + n)/2ⁿ, the mean over random T, and these panels. */
function lostChart(T: Text, width: number, height: number, activation: Activation, dim: number, panels: { dim: number; lost: number }[], compact: boolean): SvgNode {
  const box = { x0: 44, x1: width - 12, y0: 26, y1: height - 34 };
  const y = scaleLinear().domain([0, 1]).range([box.y1, box.y0]);
  const { lost } = curvesFor(activation);
  const x = nAxis(box.x0, box.x1);
  const predicted = linePath(Array.from({ length: 63 }, (_, i) => i + 2), (n) => x(n), (n) => y(predictedLostFraction(n)));
  const title = compact ? T.lostTitleShort : T.lostTitleLong;
  const names = [activation === 'relu' ? T.predictedRelu : T.predictedOther, compact ? T.meanShort(String(LOST_SEEDS)) : T.meanLong(String(LOST_SEEDS)), T.thePanels];
  const lx = Math.max(box.x0 + 40, box.x1 - 22 - Math.max(...names.map((t) => textUnits(t) * CHAR)));
  return h(
    'g',
    { 'data-role': 'lost-plot' },
    chartFrame(T, width, height, title, y, [0, 0.25, 0.5, 0.75, 1], (v) => `${Math.round(v * 100)}%`, box),
    sliderMarker(x(dim), box),
    h('path', { class: 'rm-line rm-line-predicted', d: predicted, 'data-series': 'predicted' }),
    lost.map((p) => h('circle', { class: 'rm-mean-dot', cx: x(p.dim), cy: y(p.mean), r: 3.5, 'data-dim': p.dim, 'data-mean': String(p.mean) })),
    h('g', { 'data-keyed': true }, panels.map((p) => h('circle', { class: p.dim === dim ? 'rm-seed-dot rm-seed-free' : 'rm-seed-dot', cx: x(p.dim), cy: y(p.lost), r: 3.5, 'data-key': columnKey(p.dim, dim) }))),
    h(
      'g',
      { class: 'rm-legend', transform: rounded`translate(${lx} ${box.y0 + 4})` },
      h('line', { class: 'rm-line rm-line-predicted', x1: 0, x2: 16, y1: 6, y2: 6 }),
      h('text', { class: 'fig-small', x: 22, y: 10 }, names[0]),
      h('circle', { class: 'rm-mean-dot', cx: 8, cy: 24, r: 3.5 }),
      h('text', { class: 'fig-small', x: 22, y: 28 }, names[1]),
      h('circle', { class: 'rm-seed-dot', cx: 8, cy: 42, r: 3.5 }),
      h('text', { class: 'fig-small', x: 22, y: 46 }, names[2]),
    ),
  );
}

/** Error against n over several random T, both ways back; the dots are this seed's panels. */
function errorChart(T: Text, width: number, height: number, activation: Activation, dim: number, panels: { dim: number; error: number }[]): SvgNode {
  const box = { x0: 44, x1: width - 12, y0: 26, y1: height - 34 };
  const { pinv, active } = curvesFor(activation);
  const top = Math.max(1, ...pinv.map((p) => p.mean + p.std), ...active.map((p) => p.mean + p.std), ...panels.map((s) => s.error));
  const y = scaleLinear().domain([0, top]).nice(4).range([box.y1, box.y0]);
  const x = nAxis(box.x0, box.x1);
  const line = (pts: ErrorCurvePoint[]) => linePath(pts, (p) => x(p.dim), (p) => y(p.mean));
  const band = (pts: ErrorCurvePoint[]) => areaPath(pts, (p) => x(p.dim), (p) => y(Math.max(0, p.mean - p.std)), (p) => y(p.mean + p.std));
  const lx = Math.max(box.x0 + 40, box.x1 - 22 - Math.max(...[T.backPinv, T.fromActive, T.pinvPanels].map((t) => textUnits(t) * CHAR)));
  return h(
    'g',
    { 'data-role': 'error-plot' },
    chartFrame(T, width, height, T.errorTitle(String(CURVE_SEEDS)), y, y.ticks(4), String, box),
    sliderMarker(x(dim), box),
    h('path', { class: 'rm-band rm-band-pinv', d: band(pinv) }),
    h('path', { class: 'rm-band rm-band-active', d: band(active) }),
    h('path', { class: 'rm-line rm-line-pinv', d: line(pinv), 'data-series': 'pinv' }),
    h('path', { class: 'rm-line rm-line-active', d: line(active), 'data-series': 'active' }),
    h('g', { 'data-keyed': true }, panels.map((s) => h('circle', { class: s.dim === dim ? 'rm-seed-dot rm-seed-free' : 'rm-seed-dot', cx: x(s.dim), cy: y(s.error), r: 3.5, 'data-key': columnKey(s.dim, dim) }))),
    h(
      'g',
      { class: 'rm-legend', transform: rounded`translate(${lx} ${box.y0 + 4})` },
      h('line', { class: 'rm-line rm-line-pinv', x1: 0, x2: 16, y1: 6, y2: 6 }),
      h('text', { class: 'fig-small', x: 22, y: 10 }, T.backPinv),
      h('line', { class: 'rm-line rm-line-active', x1: 0, x2: 16, y1: 24, y2: 24 }),
      h('text', { class: 'fig-small', x: 22, y: 28 }, T.fromActive),
      h('circle', { class: 'rm-seed-dot', cx: 8, cy: 42, r: 3.5 }),
      h('text', { class: 'fig-small', x: 22, y: 46 }, T.pinvPanels),
    ),
  );
}

function render(v: FigureParams, frame: FigureFrame, data?: ManifoldData): FigureView {
  const uid = frame.uid;
  const T = words(frame.lang);
  const W = frame.width;
  const activation = activationOf(v.act);
  const seed = v.seed;
  const dim = Math.min(64, Math.max(2, Math.round(v.dim)));
  const usable = data && data.seed === seed && data.activation === activation ? data : undefined;
  const pair = (n: number): PanelPair => usable?.panels.get(n) ?? { pinv: tsTrip(n, seed, activation, 'pinv'), active: tsTrip(n, seed, activation, 'active') };
  const dims = panelDims(dim);
  const pairs = dims.map(pair);
  const L = layout(frame);
  const P = L.panel;
  if (P !== drawnPanel) {
    drawnPanel = P;
    // In the browser, the worker draws the dots of the trips it computes from now on at this size.
    onPanelSize?.(P);
  }
  const actName = paramText(frame.lang).choices.act[Math.round(v.act)] ?? 'ReLU';
  const nodes: SvgNode[] = [];
  let y = 0;

  // Legend: what the colours, the dark dots, the outline and the frame mean.
  const key = legend(legendItems(T, L.kind), W, y);
  nodes.push(...key.nodes);
  y += key.height + 4;

  const groups: number[][] = [];
  for (let i = 0; i < dims.length; i += L.columns) groups.push(dims.slice(i, i + L.columns).map((_, j) => i + j));
  const colX = (c: number) => L.side + c * (P + GAP);
  const blockTop = y;
  // Where each group's rows sit: the n labels, then a T⁺ row above an active row.
  const rowTops: { labels: number; pinv: number; active: number }[] = [];
  const rows: { inverse: Inverse; heading: string; side: string }[] = [
    { inverse: 'pinv', heading: L.kind === 'narrow' ? T.rowPinvShort : T.rowPinvLong, side: T.rowPinvSide },
    { inverse: 'active', heading: L.kind === 'narrow' ? T.rowActiveShort : T.rowActiveLong, side: T.rowActiveSide },
  ];
  groups.forEach((_, gi) => {
    const top = { labels: 0, pinv: 0, active: 0 };
    rows.forEach((row, ri) => {
      // Row names once, above the first group; later groups keep the same order of rows.
      if (L.kind !== 'slide' && gi === 0) {
        nodes.push(h('text', { class: 'fig-label rm-row-name', x: 0, y: y + 13 }, row.heading));
        y += 20;
      }
      if (ri === 0) {
        top.labels = y;
        y += 18;
      }
      if (L.kind === 'slide') {
        nodes.push(h('text', { class: 'fig-small rm-row-name', transform: `translate(12 ${(y + P / 2).toFixed(1)}) rotate(-90)`, 'text-anchor': 'middle' }, row.side));
      }
      top[row.inverse] = y;
      y += P + 18;
    });
    rowTops.push(top);
    y += gi < groups.length - 1 ? 10 : 4;
  });
  // One group of marks per n, matched by key when the picture is patched: when the slider's n
  // passes one of the paper's, its column comes or goes alone and the others only move.
  const columns = dims.map((n, i) => {
    const gi = Math.floor(i / L.columns);
    const x = colX(i % L.columns);
    const slider = n === dim;
    const top = rowTops[gi];
    const pinv = pairs[i].pinv;
    const active = pairs[i].active;
    return h(
      'g',
      { 'data-key': columnKey(n, dim) },
      h('text', { class: slider ? 'fig-heading rm-free-label' : 'fig-heading', x, y: top.labels + 13, 'data-label-dim': n }, `n = ${n}`),
      panel(uid, x, top.pinv, P, pinv, 'pinv', n, slider),
      h('text', { class: 'fig-small', x, y: top.pinv + P + 14 }, T.error, quantity('error', pinv.error, formatError(pinv.error), { 'data-dim': String(n) })),
      panel(uid, x, top.active, P, active, 'active', n, slider),
      h(
        'text',
        { class: 'fig-small', x, y: top.active + P + 14 },
        T.lost,
        quantity('lost', active.lostFraction, formatLost(active.lostFraction), { 'data-dim': String(n), 'data-count': String(active.lost.reduce((a, l) => a + l, 0)) }),
      ),
    );
  });
  nodes.push(h('g', { 'data-keyed': true }, columns));
  const blockBottom = y;

  const lostPanels = dims.map((n, i) => ({ dim: n, lost: pairs[i].active.lostFraction }));
  const errorPanels = dims.map((n, i) => ({ dim: n, error: pairs[i].pinv.error }));
  if (L.charts === 'right') {
    const cx = W - L.chartWidth;
    const height = Math.max(160, blockBottom - blockTop);
    nodes.push(h('g', { transform: rounded`translate(${cx} ${blockTop})` }, lostChart(T, L.chartWidth, height, activation, dim, lostPanels, true)));
    y = Math.max(y, blockTop + height);
  } else if (L.charts === 'side') {
    y += 6;
    nodes.push(h('g', { transform: rounded`translate(0 ${y})` }, lostChart(T, L.chartWidth, CHART_H, activation, dim, lostPanels, false)));
    nodes.push(h('g', { transform: rounded`translate(${W - L.chartWidth} ${y})` }, errorChart(T, L.chartWidth, CHART_H, activation, dim, errorPanels)));
    y += CHART_H + 8;
  } else if (L.charts === 'stacked') {
    y += 6;
    nodes.push(h('g', { transform: rounded`translate(0 ${y})` }, lostChart(T, L.chartWidth, CHART_H, activation, dim, lostPanels, false)));
    y += CHART_H + 10;
    nodes.push(h('g', { transform: rounded`translate(0 ${y})` }, errorChart(T, L.chartWidth, CHART_H, activation, dim, errorPanels)));
    y += CHART_H + 8;
  }

  const backendText = usable ? T.backendBrowser(usable.backend) : T.backendBuild;
  const backendAttrs = { 'data-role': 'backend', 'data-backend': usable?.backend ?? 'build', 'data-ms': usable ? String(Math.round(usable.ms * 10) / 10) : undefined };
  if (L.kind === 'slide') {
    // No room for the sentence on a slide; the backend stays readable by tests and tools.
    nodes.push(h('g', backendAttrs));
  } else {
    const lines = wrapWords(backendText, Math.floor(W / CHAR));
    nodes.push(h('text', { class: 'fig-small', ...backendAttrs }, lines.map((l, i) => h('tspan', { x: 0, y: y + 12 + i * 16 }, l))));
    y += lines.length * 16 + 2;
  }
  const H = Math.ceil(y);

  const at = dims.indexOf(dim);
  const mine = pairs[at];
  const meanSq = mine.pinv.relativeError > 0 ? mine.pinv.error / mine.pinv.relativeError : 0;
  const lostText = dims.map((n, i) => `n = ${n}: ${formatLost(pairs[i].active.lostFraction)}`).join(T.listSep);
  const errs = dims.map((n, i) => `n = ${n}: ${formatError(pairs[i].pinv.error)}`).join(T.listSep);
  const prediction = activation === 'relu' ? T.predicted(formatLost(predictedLostFraction(dim))) : '';
  const summary = T.summary(actName, String(seed), String(dim), formatLost(mine.active.lostFraction), prediction, formatError(mine.pinv.error));
  const title = h('title', { id: `${uid}-title` }, T.svgTitle(actName));
  const desc = h(
    'desc',
    { id: `${uid}-desc` },
    T.desc(String(POINTS), toSignificant(meanSq, 3), String(seed), actName, lostText, errs),
  );
  const svg = h(
    'svg',
    { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-labelledby': `${uid}-title ${uid}-desc`, class: 'fig-svg rm', 'data-layout': L.kind },
    title,
    desc,
    h('defs', {}, h('clipPath', { id: `${uid}-clip` }, h('rect', { x: 0, y: 0, width: P, height: P })), h('path', { id: `${uid}-spiral`, d: outlinePath(pairs[0].pinv.input, P) })),
    nodes,
  );
  return { svg, summary };
}

/** The page's copy of the spiral, shared by every round trip that comes from the worker. */
let pageSpiral: { input: Float64Array; t: Float64Array } | undefined;
function spiralHere(): { input: Float64Array; t: Float64Array } {
  if (!pageSpiral) {
    const s = spiral({ points: POINTS });
    pageSpiral = { input: s.points, t: s.t };
  }
  return pageSpiral;
}

/** tfjs round trips by `n|seed|σ|inverse`, oldest dropped first; about 50 kB each. */
const tripCache = new Map<string, RoundTrip>();
const CACHE_MAX = 160;

function remember(d: TripData): RoundTrip {
  const key = tripKey(d);
  const { input, t } = spiralHere();
  const r = withSpiral(d, input, t);
  if (d.dots) keepPaths(r.reconstructed, d.dots.size, d.dots.paths);
  tripCache.delete(key);
  if (tripCache.size >= CACHE_MAX) tripCache.delete(tripCache.keys().next().value as string);
  tripCache.set(key, r);
  return r;
}

/** The worker and the backend tfjs runs on there. */
interface Connection {
  readonly worker: Worker;
  readonly backend: string;
}

/** Requests sent to the worker and not yet answered, by id. */
const replies = new Map<number, { resolve: (m: Extract<WorkerReply, { kind: 'trips' }>) => void; reject: (e: Error) => void }>();
let lastId = 0;

/**
 * Starts the worker (its script and tfjs are fetched now, never with the page) and resolves when
 * tfjs runs there. Rejects when the worker cannot start or tfjs cannot load (offline, an old
 * browser); the figure then keeps drawing from its own float64 code. A worker that fails later is
 * dropped, and the next draw starts a new one.
 */
function open(): Promise<Connection> {
  return new Promise((resolve, reject) => {
    let worker: Worker;
    try {
      worker = new Worker(new URL('./manifold.worker.ts', import.meta.url), { type: 'module', name: 'relu-manifold' });
    } catch (e) {
      reject(e instanceof Error ? e : new Error(String(e)));
      return;
    }
    let started = false;
    const fail = (why: Error): void => {
      worker.terminate();
      onPanelSize = undefined;
      for (const r of replies.values()) r.reject(why);
      replies.clear();
      if (started) connection = connector();
      else reject(why);
    };
    worker.onmessage = (e: MessageEvent<WorkerReply>) => {
      const m = e.data;
      if (m.kind === 'ready') {
        started = true;
        onPanelSize = (size) => worker.postMessage({ kind: 'size', size } satisfies SizeMessage);
        resolve({ worker, backend: m.backend });
      } else if (m.kind === 'failed') fail(new Error(m.message));
      else {
        const waiting = replies.get(m.id);
        replies.delete(m.id);
        if (m.kind === 'trips') waiting?.resolve(m);
        else waiting?.reject(new Error(m.message));
      }
    };
    worker.onerror = (e: ErrorEvent) => {
      // Handled here: the figure falls back to its own code, so this is not an uncaught error.
      e.preventDefault();
      fail(new Error(e.message || 'the relu-manifold worker could not start'));
    };
    worker.onmessageerror = () => fail(new Error('a message from the relu-manifold worker could not be read'));
  });
}

/** The connection, made on first use; a failed start is tried again on a later draw (backoff). */
const connector = () => retryable(open, { now: () => performance.now() });
let connection = connector();
let listening = false;

/** The round trips and curves a drawing needs: the slider's n and the paper's, both ways back. */
interface Want {
  readonly seed: number;
  readonly activation: Activation;
  /** The slider's n. */
  readonly dim: number;
  readonly dims: readonly number[];
}

const keysOf = (w: Want): TripKey[] => w.dims.flatMap((dim) => (['pinv', 'active'] as const).map((inverse) => ({ dim, seed: w.seed, activation: w.activation, inverse })));

function dataFrom(w: Want, backend: string, ms: number, got: ReadonlyMap<string, RoundTrip>): ManifoldData {
  const trip = (k: TripKey): RoundTrip => got.get(tripKey(k)) ?? (tripCache.get(tripKey(k)) as RoundTrip);
  const panels = new Map<number, PanelPair>();
  for (const dim of w.dims) {
    const base = { dim, seed: w.seed, activation: w.activation };
    panels.set(dim, { pinv: trip({ ...base, inverse: 'pinv' }), active: trip({ ...base, inverse: 'active' }) });
  }
  return { backend, seed: w.seed, activation: w.activation, panels, ms };
}

/**
 * One request to the worker at a time and the newest one waiting: while a reader drags, the
 * positions passed over are never computed. What to ask for is decided when the request starts,
 * so trips that arrived meanwhile (an earlier answer, the idle fill) are not asked for again.
 */
const ask = newestWins(async (w: Want): Promise<ManifoldData> => {
  const conn = await connection();
  const missing = keysOf(w).filter((k) => !tripCache.has(tripKey(k)));
  const curves = curveCache.has(w.activation) ? null : w.activation;
  if (missing.length === 0 && curves === null) return dataFrom(w, conn.backend, 0, new Map());
  const id = ++lastId;
  const reply = await new Promise<Extract<WorkerReply, { kind: 'trips' }>>((resolve, reject) => {
    replies.set(id, { resolve, reject });
    const request: TripsRequest = { kind: 'trips', id, size: drawnPanel, trips: missing, curves, fill: { seed: w.seed, activation: w.activation, near: w.dim } };
    conn.worker.postMessage(request);
  });
  if (reply.curves) curveCache.set(w.activation, reply.curves);
  const got = new Map(reply.trips.map((d) => [tripKey(d), remember(d)]));
  return dataFrom(w, conn.backend, reply.ms, got);
});

/**
 * Browser only: the panels with TensorFlow.js, in a worker, so a slider drag never waits for them
 * on the page's main thread. The worker, tfjs-core and the cpu backend are fetched the first time
 * this runs (the figure has come into view), never with the page. The cpu backend answers a
 * 2000 × 64 round trip in milliseconds and gives the same float32 numbers on every device. Panels
 * drawn before are drawn again from the page's cache within the same frame; others come from the
 * worker, which fills its own cache for the slider's seed and σ while idle.
 */
async function compute(v: FigureParams): Promise<ManifoldData> {
  if (!listening) {
    listening = true;
    // Back online: the next draw may start the worker at once, whatever the backoff.
    window.addEventListener('online', () => connection.reset());
  }
  const activation = activationOf(v.act);
  const dim = Math.min(64, Math.max(2, Math.round(v.dim)));
  const w: Want = { seed: v.seed, activation, dim, dims: panelDims(dim) };
  const cached = curveCache.has(activation) && keysOf(w).every((k) => tripCache.has(tripKey(k)));
  if (cached && connection.wait() === 0 && connection.failures() === 0) {
    const conn = await connection();
    return dataFrom(w, conn.backend, 0, new Map());
  }
  return ask(w);
}

export const figure: FigureDef<ManifoldData> = {
  id: 'relu-manifold',
  title: (lang) => words(lang).title,
  chapter: '/linear-bottlenecks/',
  source: (lang) => words(lang).source,
  params: ['dim', 'seed', 'act'],
  compute,
  render,
};
