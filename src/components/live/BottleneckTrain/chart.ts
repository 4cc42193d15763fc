/**
 * The bottleneck block's picture, a pure function of the training so far: the loss of both runs
 * on one log axis, and beside it what each network gives back for the spiral (its 2-D outputs over
 * the target spiral's outline). The ReLU run is vermillion, dashed and drawn with triangles; the
 * linear one blue, solid and drawn with dots (Okabe and Ito's colour-blind-safe pair), so the two
 * differ in more than hue. Drawn empty at build time and patched in place while the networks train.
 *
 * Laid out for the width it gets (CSS px): loss chart and the two spirals in one row when there is
 * room, the spirals under the chart on a phone.
 */
import { h, type SvgNode } from '../../figure-kit/svg';
import { NARROW_BELOW } from '../../figure-kit/frame';
import { scaleLog } from 'd3-scale';
import { linePath } from '../../figure-kit/paths';
import { liveEn, type LiveStrings } from '../../../i18n/live.en';

type ChartStrings = LiveStrings['bottleneck']['chart'];

/** Log₁₀ range of the loss axis: 10⁻⁵ to 10 (the losses run from about 2 down to 10⁻⁵). */
export const LOG_RANGE = [-5, 1] as const;
/** Half-width of the spiral panels' square domain: targets lie in [−1, 1]². */
const DOMAIN = 1.2;
const GAP = 16;

/** One run as far as it has gone. */
export interface RunState {
  /** Training loss per epoch so far. */
  readonly losses: ArrayLike<number>;
  /** The network's latest 2-D outputs (P×2, interleaved), if any. */
  readonly outputs?: ArrayLike<number>;
}

/** What the chart draws. */
export interface TrainingState {
  readonly relu: RunState;
  readonly linear: RunState;
  /** The target spiral (P×2, interleaved). */
  readonly targets: ArrayLike<number>;
  /** Epochs each run will take (the x axis). */
  readonly epochs: number;
}

const RUNS = ['relu', 'linear'] as const;

/** Where things go for a width. */
export interface ChartLayout {
  readonly width: number;
  readonly height: number;
  /** The loss plot's box. */
  readonly loss: { x0: number; x1: number; y0: number; y1: number };
  /** Top-left corner of each spiral panel, and their side. */
  readonly spirals: { relu: [number, number]; linear: [number, number]; size: number };
}

/** layout(width): loss plot left and spirals right, or the spirals under the plot below 520. */
export function chartLayout(width: number): ChartLayout {
  const W = Math.max(240, Math.floor(width));
  if (W < NARROW_BELOW) {
    const size = Math.min(220, Math.floor((W - GAP) / 2));
    const loss = { x0: 44, x1: W - 16, y0: 40, y1: 220 };
    const top = loss.y1 + 64;
    return { width: W, height: top + size + 20, loss, spirals: { relu: [0, top], linear: [W - size, top], size } };
  }
  const size = Math.min(200, Math.floor((W - 2 * GAP) * 0.24));
  const left = W - 2 * size - GAP;
  const loss = { x0: 44, x1: left - GAP - 16, y0: 40, y1: 40 + size + 10 };
  return { width: W, height: loss.y1 + 48, loss, spirals: { relu: [left, 40], linear: [W - size, 40], size } };
}

const SUP: Record<string, string> = { '-': '⁻', '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹' };
function tickLabel(e: number): string {
  if (e === 0) return '1';
  if (e === 1) return '10';
  if (e === -1) return '0.1';
  return `10${String(e).split('').map((c) => SUP[c]).join('')}`;
}

/** y of a loss on the log axis of a box, clamped to the plotted range. */
export function lossY(loss: number, box: { y0: number; y1: number }): number {
  return scaleLog().domain([10 ** LOG_RANGE[0], 10 ** LOG_RANGE[1]]).range([box.y1, box.y0]).clamp(true)(Math.max(loss, 10 ** LOG_RANGE[0]));
}

/** The polyline of one loss curve over `epochs` epochs in the box [x0, x1]. */
export function curvePath(losses: ArrayLike<number>, epochs: number, box: { x0: number; x1: number; y0: number; y1: number }): string {
  return linePath(Array.from(losses), (_, i) => box.x0 + ((i + 1) / epochs) * (box.x1 - box.x0), (loss) => lossY(loss, box));
}

/** Ticks of the epoch axis: every 100 (or 50, 20, 10 for short runs), 0 and the last epoch included. */
export function epochTicks(epochs: number): number[] {
  const step = [10, 20, 50, 100, 200, 500].find((s) => epochs / s <= 4) ?? 1000;
  const ticks: number[] = [];
  for (let e = 0; e < epochs; e += step) ticks.push(e);
  // The last tick is the end of training; drop one that would crowd it.
  if (epochs - ticks[ticks.length - 1] <= step / 2) ticks.pop();
  ticks.push(epochs);
  return ticks;
}

/** Markers for a run's outputs in one path: dots for linear, triangles for ReLU. */
export function markerPath(outputs: ArrayLike<number>, shape: 'dot' | 'triangle', toX: (v: number) => number, toY: (v: number) => number): string {
  let d = '';
  const r = 2.6;
  for (let k = 0; k + 1 < outputs.length; k += 2) {
    const x = toX(Math.max(-DOMAIN, Math.min(DOMAIN, outputs[k])));
    const y = toY(Math.max(-DOMAIN, Math.min(DOMAIN, outputs[k + 1])));
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    d +=
      shape === 'dot'
        ? `M${(x - r).toFixed(1)} ${y.toFixed(1)}a${r} ${r} 0 1 0 ${2 * r} 0a${r} ${r} 0 1 0 ${-2 * r} 0`
        : `M${x.toFixed(1)} ${(y - 1.2 * r).toFixed(1)}l${(1.1 * r).toFixed(1)} ${(1.9 * r).toFixed(1)}h${(-2.2 * r).toFixed(1)}z`;
  }
  return d;
}

function spiralPanel(key: 'relu' | 'linear', at: [number, number], size: number, state: TrainingState, words: ChartStrings): SvgNode {
  const run = state[key];
  const toX = (v: number) => size / 2 + (v / DOMAIN) * (size / 2);
  const toY = (v: number) => size / 2 - (v / DOMAIN) * (size / 2);
  const t = state.targets;
  const outline = linePath(Array.from({ length: Math.floor(t.length / 2) }, (_, i) => 2 * i), (k) => toX(t[k]), (k) => toY(t[k + 1]));
  const outputs = run.outputs;
  const count = outputs ? Math.floor(outputs.length / 2) : 0;
  return h(
    'g',
    { transform: `translate(${at[0]} ${at[1]})`, 'data-role': `spiral-${key}`, 'data-points': count },
    h('text', { class: 'fig-heading', x: 0, y: -8 }, key === 'relu' ? words.reluOutput : words.linearOutput),
    h('rect', { class: `bt-panel bt-panel-${key}`, x: 0, y: 0, width: size, height: size, rx: 3 }),
    h('path', { class: 'bt-target', d: outline }),
    count > 0
      ? h('path', { class: `bt-points bt-points-${key}`, d: markerPath(outputs!, key === 'relu' ? 'triangle' : 'dot', toX, toY) })
      : h('text', { class: 'fig-small', x: size / 2, y: size / 2 + 4, 'text-anchor': 'middle' }, words.notRun),
  );
}

/** trainingChart(state, width, uid): the whole picture; empty runs give the bare frame and the target outlines. */
export function trainingChart(state: TrainingState, width: number, uid: string, t: ChartStrings = liveEn.bottleneck.chart): SvgNode {
  const L = chartLayout(width);
  const box = L.loss;
  const ticks: number[] = [];
  for (let e = LOG_RANGE[0]; e <= LOG_RANGE[1]; e++) ticks.push(e);
  const ex = (e: number) => box.x0 + (e / state.epochs) * (box.x1 - box.x0);
  const last = (a: ArrayLike<number>) => (a.length ? a[a.length - 1] : undefined);
  const empty = state.relu.losses.length + state.linear.losses.length === 0;
  const lastText = (a: ArrayLike<number>) => {
    const v = last(a);
    return v === undefined ? t.notRun : String(v);
  };
  const desc = empty ? t.empty : t.desc(state.relu.losses.length, lastText(state.relu.losses), state.linear.losses.length, lastText(state.linear.losses));
  const eTicks = epochTicks(state.epochs);
  return h(
    'svg',
    { viewBox: `0 0 ${L.width} ${L.height}`, role: 'img', 'aria-labelledby': `${uid}-title ${uid}-desc`, class: 'fig-svg bt-chart', 'data-layout': L.width < NARROW_BELOW ? 'narrow' : 'wide' },
    h('title', { id: `${uid}-title` }, t.title),
    h('desc', { id: `${uid}-desc` }, desc),
    h('text', { class: 'fig-heading', x: 0, y: 14 }, t.heading),
    // Legend: line style and colour together, so the pair reads without colour too.
    RUNS.map((key, i) =>
      h(
        'g',
        { transform: `translate(${L.width < NARROW_BELOW ? (i * L.width) / 2 : box.x0 + i * 150} 24)` },
        h('line', { class: `bt-curve bt-key-${key}`, x1: 0, x2: 20, y1: 0, y2: 0 }),
        h('text', { class: 'fig-small', x: 26, y: 4 }, key === 'relu' ? t.reluKey : t.linearKey),
      ),
    ),
    ticks.map((e) => h('line', { class: 'bt-grid', x1: box.x0, x2: box.x1, y1: lossY(10 ** e, box), y2: lossY(10 ** e, box) })),
    ticks.map((e) => h('text', { class: 'fig-small', x: box.x0 - 6, y: lossY(10 ** e, box) + 4, 'text-anchor': 'end' }, tickLabel(e))),
    h('rect', { class: 'bt-frame', x: box.x0, y: box.y0, width: box.x1 - box.x0, height: box.y1 - box.y0 }),
    eTicks.map((e, i) =>
      h('text', { class: 'fig-small', x: ex(e), y: box.y1 + 15, 'text-anchor': i === eTicks.length - 1 ? 'end' : i === 0 ? 'start' : 'middle' }, String(e)),
    ),
    h('text', { class: 'fig-small', x: (box.x0 + box.x1) / 2, y: box.y1 + 32, 'text-anchor': 'middle' }, t.epochAxis),
    RUNS.map((key) => h('path', { class: `bt-curve bt-${key}`, d: curvePath(state[key].losses, state.epochs, box) || 'M0 0', 'data-epochs': state[key].losses.length })),
    spiralPanel('relu', L.spirals.relu, L.spirals.size, state, t),
    spiralPanel('linear', L.spirals.linear, L.spirals.size, state, t),
  );
}
