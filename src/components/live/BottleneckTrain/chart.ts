/**
 * The bottleneck block's chart: training loss (log scale) against epoch, the ReLU bottleneck on
 * the left and the linear one on the right, same axes. A pure function of the loss arrays, drawn
 * empty at build time and patched in place while the network trains.
 */
import { h, type SvgNode } from '../../figure-kit/svg';

export const CHART = { width: 480, height: 230 } as const;
/** Log₁₀ range of the loss axis: 10⁻⁵ to 10 (the losses run from about 2 down to 10⁻⁵). */
export const LOG_RANGE = [-5, 1] as const;
const Y0 = 22;
const Y1 = 190;
const PANELS = [
  { key: 'relu', title: 'ReLU after the bottleneck', x0: 46, x1: 248 },
  { key: 'linear', title: 'Linear bottleneck', x0: 276, x1: 470 },
] as const;

const SUP: Record<string, string> = { '-': '⁻', '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹' };
function tickLabel(e: number): string {
  if (e === 0) return '1';
  if (e === 1) return '10';
  if (e === -1) return '0.1';
  return `10${String(e).split('').map((c) => SUP[c]).join('')}`;
}

/** y of a loss on the log axis, clamped to the plotted range. */
export function lossY(loss: number): number {
  const l = Math.log10(Math.max(loss, 10 ** LOG_RANGE[0]));
  const u = (Math.min(l, LOG_RANGE[1]) - LOG_RANGE[0]) / (LOG_RANGE[1] - LOG_RANGE[0]);
  return Y1 - u * (Y1 - Y0);
}

/** The polyline of one loss curve over `epochs` epochs in the panel [x0, x1]. */
export function curvePath(losses: ArrayLike<number>, epochs: number, x0: number, x1: number): string {
  let d = '';
  for (let i = 0; i < losses.length; i++) {
    const x = x0 + ((i + 1) / epochs) * (x1 - x0);
    d += `${i ? 'L' : 'M'}${x.toFixed(1)} ${lossY(losses[i]).toFixed(1)}`;
  }
  return d;
}

/** lossChart({ relu, linear }, epochs, uid): the whole chart; empty arrays give the bare frame. */
export function lossChart(losses: { relu: ArrayLike<number>; linear: ArrayLike<number> }, epochs: number, uid: string): SvgNode {
  const ticks: number[] = [];
  for (let e = LOG_RANGE[0]; e <= LOG_RANGE[1]; e++) ticks.push(e);
  const last = (a: ArrayLike<number>) => (a.length ? a[a.length - 1] : undefined);
  const desc =
    losses.relu.length + losses.linear.length === 0
      ? 'Empty chart: training loss against epoch for the two networks, drawn when the training runs.'
      : `Training loss after ${losses.relu.length} epochs with a ReLU bottleneck: ${last(losses.relu) ?? 'not run'}; after ${losses.linear.length} epochs with a linear bottleneck: ${last(losses.linear) ?? 'not run yet'}.`;
  return h(
    'svg',
    { viewBox: `0 0 ${CHART.width} ${CHART.height}`, role: 'img', 'aria-labelledby': `${uid}-title ${uid}-desc`, class: 'fig-svg bt-chart' },
    h('title', { id: `${uid}-title` }, 'Training loss of a ReLU and a linear bottleneck'),
    h('desc', { id: `${uid}-desc` }, desc),
    ticks.map((e) => h('text', { class: 'fig-small', x: PANELS[0].x0 - 6, y: lossY(10 ** e) + 4, 'text-anchor': 'end' }, tickLabel(e))),
    PANELS.map((p) =>
      h(
        'g',
        { 'data-panel': p.key },
        h('text', { class: 'fig-heading', x: p.x0, y: 12 }, p.title),
        ticks.map((e) => h('line', { class: 'bt-grid', x1: p.x0, x2: p.x1, y1: lossY(10 ** e), y2: lossY(10 ** e) })),
        h('rect', { class: 'bt-frame', x: p.x0, y: Y0, width: p.x1 - p.x0, height: Y1 - Y0 }),
        [0, epochs / 2, epochs].map((e) => h('text', { class: 'fig-small', x: p.x0 + (e / epochs) * (p.x1 - p.x0), y: Y1 + 15, 'text-anchor': 'middle' }, String(e))),
        h('path', { class: `bt-curve bt-${p.key}`, d: curvePath(losses[p.key], epochs, p.x0, p.x1) || 'M0 0', 'data-epochs': losses[p.key].length }),
      ),
    ),
    h('text', { class: 'fig-small', x: CHART.width / 2, y: CHART.height - 6, 'text-anchor': 'middle' }, 'epoch (full-batch Adam step); loss = mean squared error, log scale'),
  );
}
