/**
 * The ConvBench block as a pure function of its state: the page's sizes, the life cycle of a run
 * and what it measured. The build renders it for the page's defaults; the browser patches the same
 * tree whenever the sizes, the run or the chart's width change.
 */
import { h, type SvgNode } from '../../figure-kit/svg';
import { REFERENCE_WIDTH } from '../../figure-kit/frame';
import { htmlSubscripted } from '../../figure-kit/text';
import { BENCH_REPEATS, BENCH_WARMUP, benchPlan, type BenchSizes } from '../../../lib/bench-guard';
import { formatInt, formatTimes, toSignificant } from '../../../lib/format';
import type { OutputComparison } from '../../../lib/float32';
import type { LiveStrings } from '../../../i18n/live.en';
import { byCode } from '../../../i18n/by-code';
import { rich } from '../../ui/rich-text';
import { isBusy, type LiveState } from '../lifecycle';
import { backendText, failureText } from '../status';
import { benchChart, equivalenceText, type BenchMeasurement } from './chart';

/** Sizes for the equivalence check when the reader's are too large to build in float64. */
export const SMALL: BenchSizes = { k: 3, m: 8, n: 16, df: 8 };

export interface ConvBenchResult {
  /** The sizes the run was for. */
  readonly sizes: BenchSizes;
  readonly timing: BenchMeasurement;
  readonly equivalence?: OutputComparison;
  /** Relative error of the best separable approximation of a random kernel: output and kernel. */
  readonly approx?: { readonly output: number; readonly kernel: number };
}

export interface ConvBenchState {
  readonly sizes: BenchSizes;
  readonly life: LiveState;
  /** Whether this browser offers WebGL (false: the run says why it used cpu). */
  readonly webgl: boolean;
  /** The script is running, so the button can be pressed. */
  readonly ready: boolean;
  readonly result?: ConvBenchResult;
  /** The chart's width in CSS px; null draws the build's wide and narrow drafts. */
  readonly chartWidth: number | null;
}

/** The sizes as the block names them. */
export const sizeText = (s: BenchSizes): string => `D_K = ${s.k}, M = ${s.m}, N = ${s.n}, D_F = ${s.df}`;

const same = (a: BenchSizes, b: BenchSizes): boolean => a.k === b.k && a.m === b.m && a.n === b.n && a.df === b.df;

/** The status line for a state. */
export function convBenchStatus(s: ConvBenchState, t: LiveStrings): string {
  const c = t.convBench;
  const life = s.life;
  if (s.result && !same(s.result.sizes, s.sizes) && !isBusy(life)) return c.stale(sizeText(s.result.sizes));
  switch (life.phase) {
    case 'idle':
    case 'cancelled':
      return c.idle;
    case 'loading':
      return t.common.loadingTf;
    case 'running':
      return c.timing(backendText(life, s.webgl, t.common));
    case 'done': {
      const predicted = formatTimes(benchPlan(s.sizes).theoreticalSpeedup);
      const measured = s.result?.timing.measuredSpeedup ?? Number.NaN;
      const backend = backendText(life, s.webgl, t.common);
      if (!(measured > 0)) return c.doneUntimed(backend, predicted);
      return measured >= benchPlan(s.sizes).theoreticalSpeedup ? c.doneAtLeast(backend, formatTimes(measured), predicted) : c.doneShort(backend, formatTimes(measured), predicted);
    }
    case 'failed':
      return failureText(life.reason, t.common, c.failed);
  }
}

const ms = (x: number, t: LiveStrings): string => t.common.ms(toSignificant(x, 3));

/** convBenchView(state, strings): the block's section. */
export function convBenchView(s: ConvBenchState, t: LiveStrings): SvgNode {
  const c = t.convBench;
  const plan = benchPlan(s.sizes);
  const r = s.result;
  const current = r && same(r.sizes, s.sizes) ? r.timing : undefined;
  const chartState = { predictedSpeedup: plan.theoreticalSpeedup, run: current };
  const charts =
    s.chartWidth === null
      ? (['wide', 'narrow'] as const).map((variant) => {
          const svg = benchChart(chartState, REFERENCE_WIDTH[variant], `conv-bench-chart-${variant}`, c.chart);
          return { ...svg, attrs: { ...svg.attrs, 'data-variant': variant } };
        })
      : [benchChart(chartState, s.chartWidth, 'conv-bench-chart', c.chart)];
  const measured = r ? (Number.isFinite(r.timing.measuredSpeedup) ? r.timing.measuredSpeedup : 0) : undefined;
  const smaller = r && !benchPlan(r.sizes).checkFits ? c.smallerLayer(sizeText(SMALL)) : '';
  const eq = r?.equivalence;
  const backend = 'backend' in s.life ? s.life.backend : undefined;
  return h(
    'section',
    { 'aria-labelledby': 'conv-bench-title' },
    h('h3', { id: 'conv-bench-title' }, c.title),
    h(
      'p',
      {},
      rich(c.intro, {
        sizes: h('span', { 'data-role': 'sizes' }, htmlSubscripted(sizeText(s.sizes))),
        speedup: h('strong', {}, h('span', { 'data-quantity': 'theoretical-speedup', 'data-exact': String(plan.theoreticalSpeedup) }, formatTimes(plan.theoreticalSpeedup))),
        macs: h('span', { 'data-role': 'macs' }, c.against(formatInt(plan.standardMultAdds), formatInt(plan.separableMultAdds))),
      }),
    ),
    h('p', { class: 'live-refusal', 'data-role': 'refusal', hidden: plan.refusal === null }, plan.refusal ? byCode(c.refusal, plan.refusal) : ''),
    h(
      'p',
      {},
      h('button', { type: 'button', class: 'live-button', 'data-role': 'run', disabled: !s.ready || isBusy(s.life) || plan.refusal !== null }, c.run),
      ' ',
      h('span', { class: 'live-status', 'data-role': 'status', 'aria-live': 'polite' }, htmlSubscripted(convBenchStatus(s, t))),
    ),
    h('div', { class: 'live-chart', 'data-role': 'chart' }, charts),
    h(
      'table',
      { class: 'live-table' },
      h('caption', {}, c.caption(BENCH_REPEATS, BENCH_WARMUP)),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, c.colLayer), h('th', { scope: 'col' }, c.colMacs), h('th', { scope: 'col' }, c.colMeasured))),
      h(
        'tbody',
        {},
        h('tr', {}, h('th', { scope: 'row' }, c.rowStandard), h('td', { 'data-role': 'std-macs' }, formatInt(plan.standardMultAdds)), h('td', { 'data-role': 'std-ms', 'data-exact': r ? String(r.timing.standardMs) : undefined }, r ? ms(r.timing.standardMs, t) : '—')),
        h('tr', {}, h('th', { scope: 'row' }, c.rowSeparable), h('td', { 'data-role': 'sep-macs' }, formatInt(plan.separableMultAdds)), h('td', { 'data-role': 'sep-ms', 'data-exact': r ? String(r.timing.separableMs) : undefined }, r ? ms(r.timing.separableMs, t) : '—')),
        h(
          'tr',
          {},
          h('th', { scope: 'row' }, c.rowSpeedup),
          h('td', { 'data-role': 'theory' }, c.predicted(formatTimes(plan.theoreticalSpeedup))),
          h('td', { 'data-role': 'measured', 'data-exact': measured === undefined ? undefined : String(measured) }, measured === undefined ? t.common.notRunYet : measured > 0 ? c.measured(formatTimes(measured)) : c.tooFast),
        ),
      ),
    ),
    h('p', {}, t.common.backendIs, h('strong', { 'data-role': 'backend', 'data-backend': backend }, backend ?? t.common.notLoaded)),
    h('p', { class: 'live-why' }, rich(c.why)),
    h('h4', {}, c.sameOutputTitle),
    h('p', {}, rich(c.sameOutput)),
    h('p', { class: 'live-why' }, rich(c.webglNote)),
    h(
      'ul',
      { class: 'live-results' },
      h(
        'li',
        {},
        c.factorable,
        ' ',
        h(
          'strong',
          {
            'data-role': 'max-diff',
            'data-exact': eq ? String(eq.maxAbsDifference) : undefined,
            'data-differing': eq ? String(eq.differing) : undefined,
            'data-outputs': eq ? String(eq.outputs) : undefined,
            'data-exact-at-worst': eq ? String(eq.exactAtWorst) : undefined,
          },
          eq ? htmlSubscripted(`${equivalenceText(eq, c)}${smaller}.`) : t.common.notRunYet,
        ),
      ),
      h(
        'li',
        {},
        c.random,
        ' ',
        h(
          'strong',
          { 'data-role': 'approx', 'data-exact': r?.approx ? String(r.approx.output) : undefined },
          r?.approx ? htmlSubscripted(`${c.approx(toSignificant(r.approx.output * 100, 3), toSignificant(r.approx.kernel * 100, 3))}${smaller}`) : t.common.notRunYet,
        ),
      ),
    ),
  );
}
