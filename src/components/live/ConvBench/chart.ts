/**
 * The ConvBench block's picture, a pure function of the prediction and the measurements: the time
 * of each layer (a bar for the median, a dot for every timed run, and on the separable row the
 * time the mult-adds predict), then the predicted and the measured speed-up on one axis. Before a
 * run only the prediction is drawn. Laid out for the width it gets (CSS px): labels left of the
 * bars where there is room, above them on a phone.
 */
import { h, type SvgNode } from '../../figure-kit/svg';
import { NARROW_BELOW } from '../../figure-kit/frame';
import { formatInt, formatTimes, toSignificant } from '../../../lib/format';
import type { OutputComparison } from '../../../lib/float32';
import { liveEn, type LiveStrings } from '../../../i18n/live.en';

type ChartStrings = LiveStrings['convBench']['chart'];

/** What was measured (see benchConv in src/lib/tf/conv-bench.ts). */
export interface BenchMeasurement {
  readonly standardMs: number;
  readonly separableMs: number;
  readonly standardRuns: readonly number[];
  readonly separableRuns: readonly number[];
  /** standardMs / separableMs; NaN when the separable run was too fast to time. */
  readonly measuredSpeedup: number;
}

/** What the chart draws. */
export interface BenchChartState {
  /** Standard ÷ separable mult-adds (benchPlan). */
  readonly predictedSpeedup: number;
  readonly run?: BenchMeasurement;
}

const ROW = 30;
const BAR = 16;

/** x positions of a row's bar: label column (wide) or none (narrow), and the plot's span. */
export function benchLayout(width: number): { narrow: boolean; x0: number; x1: number; labelAbove: number } {
  const W = Math.max(240, Math.floor(width));
  const narrow = W < NARROW_BELOW;
  return { narrow, x0: narrow ? 0 : 176, x1: W - 64, labelAbove: narrow ? 16 : 0 };
}

/** A "nice" axis end at or above v: 1, 2 or 5 times a power of ten. */
export function niceCeil(v: number): number {
  if (!(v > 0) || !Number.isFinite(v)) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  return [1, 2, 5, 10].map((m) => m * p).find((c) => c >= v * (1 - 1e-12)) ?? 10 * p;
}

const ms = (x: number): string => `${toSignificant(x, 3)} ms`;

/** benchChart(state, width, uid): the whole picture. */
export function benchChart(state: BenchChartState, width: number, uid: string, t: ChartStrings = liveEn.convBench.chart): SvgNode {
  const L = benchLayout(width);
  const W = Math.max(240, Math.floor(width));
  const run = state.run;
  const nodes: SvgNode[] = [];
  let y = 0;
  const rowLabel = (text: string, yy: number, cls = 'fig-label') =>
    L.narrow ? h('text', { class: cls, x: 0, y: yy + 12 }, text) : h('text', { class: cls, x: L.x0 - 10, y: yy + L.labelAbove + BAR / 2 + 4, 'text-anchor': 'end' }, text);
  const rowH = ROW + L.labelAbove;

  // 1. Time per layer.
  nodes.push(h('text', { class: 'fig-heading', x: 0, y: y + 14 }, t.timePerLayer));
  y += 24;
  if (run) {
    const all = [...run.standardRuns, ...run.separableRuns, run.standardMs, run.separableMs];
    const end = niceCeil(Math.max(...all.filter(Number.isFinite), 1e-3));
    const x = (v: number) => L.x0 + (Math.max(0, v) / end) * (L.x1 - L.x0);
    const rows = [
      { key: 'standard', label: t.standard, median: run.standardMs, runs: run.standardRuns },
      { key: 'separable', label: t.separable, median: run.separableMs, runs: run.separableRuns },
    ] as const;
    rows.forEach((r, i) => {
      const top = y + i * rowH + L.labelAbove;
      nodes.push(rowLabel(r.label, y + i * rowH));
      nodes.push(h('rect', { class: `cb-bar cb-${r.key}`, x: L.x0, y: top, width: Math.max(1, x(r.median) - L.x0), height: BAR, 'data-ms': String(r.median) }));
      nodes.push(h('g', { class: 'cb-runs' }, r.runs.map((t) => h('circle', { class: 'cb-run', cx: x(t), cy: top + BAR / 2, r: 2.5 }))));
      // The median in a column of its own at the right, clear of the dots.
      nodes.push(h('text', { class: 'fig-small', x: W, y: top + BAR / 2 + 4, 'text-anchor': 'end' }, ms(r.median)));
    });
    // What the mult-adds predict for the separable pair, given the standard layer's time.
    const predicted = run.standardMs / state.predictedSpeedup;
    const top = y + rowH + L.labelAbove;
    nodes.push(h('line', { class: 'cb-predicted', x1: x(predicted), x2: x(predicted), y1: top - 4, y2: top + BAR + 4, 'data-ms': String(predicted) }));
    y += 2 * rowH;
    nodes.push(h('line', { class: 'cb-axis', x1: L.x0, x2: L.x1, y1: y - 6, y2: y - 6 }));
    nodes.push(h('text', { class: 'fig-small', x: L.x0, y: y + 8 }, '0'));
    nodes.push(h('text', { class: 'fig-small', x: L.x1, y: y + 8, 'text-anchor': 'end' }, ms(end)));
    y += 14;
    nodes.push(
      h('g', { class: 'cb-key', transform: `translate(${L.x0} ${y})` }, [
        h('line', { class: 'cb-predicted', x1: 0, x2: 0, y1: 0, y2: 14 }),
        h('text', { class: 'fig-small', x: 8, y: 12 }, t.scaledKey),
        h('circle', { class: 'cb-run', cx: L.narrow ? 4 : 232, cy: L.narrow ? 26 : 8, r: 2.5 }),
        h('text', { class: 'fig-small', x: L.narrow ? 12 : 240, y: L.narrow ? 30 : 12 }, t.eachRun(run.standardRuns.length)),
      ]),
    );
    y += L.narrow ? 40 : 24;
  } else {
    nodes.push(h('text', { class: 'fig-small', x: 0, y: y + 14 }, t.notRun));
    y += 26;
  }

  // 2. Speed-up, predicted against measured, on one axis.
  y += 8;
  nodes.push(h('text', { class: 'fig-heading', x: 0, y: y + 14 }, t.speedup));
  y += 24;
  const measured = run && Number.isFinite(run.measuredSpeedup) ? run.measuredSpeedup : undefined;
  const end = niceCeil(Math.max(state.predictedSpeedup, measured ?? 0, 1));
  const sx = (v: number) => L.x0 + (v / end) * (L.x1 - L.x0);
  const speedRows = [
    { key: 'predicted', label: t.predictedRow, value: state.predictedSpeedup as number | undefined },
    { key: 'measured', label: t.measuredRow, value: measured },
  ] as const;
  speedRows.forEach((r, i) => {
    const top = y + i * rowH + L.labelAbove;
    nodes.push(rowLabel(r.label, y + i * rowH));
    if (r.value === undefined) {
      nodes.push(h('text', { class: 'fig-small', x: L.x0, y: top + BAR / 2 + 4 }, run ? t.tooFast : t.notRunYet));
    } else {
      nodes.push(h('rect', { class: `cb-bar cb-speed-${r.key}`, x: L.x0, y: top, width: Math.max(1, sx(r.value) - L.x0), height: BAR, 'data-speedup': String(r.value) }));
      nodes.push(h('text', { class: 'fig-small', x: sx(r.value) + 6, y: top + BAR / 2 + 4 }, formatTimes(r.value)));
    }
  });
  y += 2 * rowH;
  // 1× is "no faster": a separable pair left of it would be slower than the standard layer.
  nodes.push(h('line', { class: 'cb-one', x1: sx(1), x2: sx(1), y1: y - 2 * rowH + L.labelAbove - 4, y2: y - 6 }));
  nodes.push(h('line', { class: 'cb-axis', x1: L.x0, x2: L.x1, y1: y - 6, y2: y - 6 }));
  nodes.push(h('text', { class: 'fig-small', x: L.x0, y: y + 8 }, '0'));
  nodes.push(h('text', { class: 'fig-small', x: sx(1), y: y + 8, 'text-anchor': 'middle' }, sx(1) - L.x0 > 18 ? '1×' : ''));
  nodes.push(h('text', { class: 'fig-small', x: L.x1, y: y + 8, 'text-anchor': 'end' }, formatTimes(end)));
  y += 14;

  const summary = run
    ? t.summaryRun(ms(run.standardMs), ms(run.separableMs), measured ? formatTimes(measured) : undefined, formatTimes(state.predictedSpeedup))
    : t.summaryIdle(formatTimes(state.predictedSpeedup));
  return h(
    'svg',
    { viewBox: `0 0 ${W} ${Math.ceil(y)}`, role: 'img', 'aria-labelledby': `${uid}-title ${uid}-desc`, class: 'fig-svg cb-chart', 'data-layout': L.narrow ? 'narrow' : 'wide', 'data-time-rows': run ? 2 : 0 },
    h('title', { id: `${uid}-title` }, t.title),
    h('desc', { id: `${uid}-desc` }, summary),
    nodes,
  );
}

/**
 * equivalenceText(comparison): how the standard and the separable outputs compare, in words:
 * exact agreement, or how many differ, by how much, at what exact value, and float32's step there.
 */
export function equivalenceText(
  eq: Pick<OutputComparison, 'differing' | 'outputs' | 'maxAbsDifference' | 'exactAtWorst' | 'maxAbsOutput' | 'spacingAtMax'>,
  t: LiveStrings['convBench'] = liveEn.convBench,
): string {
  const largest = formatInt(eq.maxAbsOutput);
  if (eq.differing === 0) return t.identicalAll(formatInt(eq.outputs), largest);
  return t.identicalSome(formatInt(eq.outputs - eq.differing), formatInt(eq.outputs), eq.maxAbsDifference.toExponential(1), formatInt(eq.exactAtWorst), largest, eq.spacingAtMax.toExponential(1));
}
