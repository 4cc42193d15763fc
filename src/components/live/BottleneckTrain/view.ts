/**
 * The BottleneckTrain block as a pure function of its state: the set-up in words, the buttons,
 * the training so far (loss curves and the two networks' outputs), the final numbers and the life
 * cycle. The build renders it before anything has run; the browser patches the same tree once per
 * animation frame while the networks train.
 */
import { h, type SvgNode } from '../../figure-kit/svg';
import { REFERENCE_WIDTH } from '../../figure-kit/frame';
import { BOTTLENECK_DEFAULTS } from '../../../lib/bottleneck';
import { formatTimes, toSignificant } from '../../../lib/format';
import type { LiveStrings } from '../../../i18n/live.en';
import { rich } from '../../ui/rich-text';
import { isBusy, type LiveState } from '../lifecycle';
import { failureText } from '../status';
import { trainingChart, type TrainingState } from './chart';

/** One run's end. */
export interface RunEnd {
  readonly finalLoss: number;
  readonly epochs: number;
}

export interface BottleneckState {
  readonly life: LiveState;
  readonly ready: boolean;
  /** Adam steps per run. */
  readonly epochs: number;
  /** The weights' seed of the run under way or last run. */
  readonly seed: number;
  /** Stop was pressed and the run has not stopped yet. */
  readonly stopping: boolean;
  /** The training so far (losses per epoch and the latest outputs of each network). */
  readonly training: Omit<TrainingState, 'epochs'>;
  /** The last run's end: both final losses, their ratio and how long it took. */
  readonly result?: { readonly relu: RunEnd; readonly linear: RunEnd; readonly lossRatio: number; readonly seconds: number };
  /** The chart's width in CSS px; null draws the build's wide and narrow drafts. */
  readonly chartWidth: number | null;
}

const loss = (x: number): string => (Number.isFinite(x) ? x.toExponential(2) : '—');

/** The status line for a state. */
export function bottleneckStatus(s: BottleneckState, t: LiveStrings): string {
  const b = t.bottleneck;
  const life = s.life;
  const seconds = s.result ? toSignificant(s.result.seconds, 2) : '';
  switch (life.phase) {
    case 'idle':
      return b.idle;
    case 'loading':
      return t.common.loadingTf;
    case 'running':
      return b.training(life.backend, s.seed);
    case 'done':
      return b.done(seconds, life.backend);
    case 'cancelled':
      return b.stopped(seconds);
    case 'failed':
      return failureText(life.reason, t.common, b.failed);
  }
}

/** bottleneckView(state, strings): the block's section. */
export function bottleneckView(s: BottleneckState, t: LiveStrings): SvgNode {
  const b = t.bottleneck;
  const { points, inputDim, hidden, bottleneck } = BOTTLENECK_DEFAULTS;
  const chartState: TrainingState = { ...s.training, epochs: s.epochs };
  const charts =
    s.chartWidth === null
      ? (['wide', 'narrow'] as const).map((variant) => {
          const svg = trainingChart(chartState, REFERENCE_WIDTH[variant], `bottleneck-chart-${variant}`, b.chart);
          return { ...svg, attrs: { ...svg.attrs, 'data-variant': variant } };
        })
      : [trainingChart(chartState, s.chartWidth, 'bottleneck-chart', b.chart)];
  const busy = isBusy(s.life);
  const r = busy ? undefined : s.result;
  const pending = busy ? b.running : t.common.notRunYet;
  const backend = 'backend' in s.life ? s.life.backend : undefined;
  const gapKnown = r !== undefined && Number.isFinite(r.lossRatio);
  const n = (x: number) => String(x);
  return h(
    'section',
    { 'aria-labelledby': 'bottleneck-train-title' },
    h('h3', { id: 'bottleneck-train-title' }, b.title),
    h('p', {}, rich(b.setup, { points: n(points), inputDim: n(inputDim), hidden: n(hidden), bottleneck: n(bottleneck), epochs: n(s.epochs) })),
    h(
      'p',
      {},
      h('button', { type: 'button', class: 'live-button', 'data-role': 'run', disabled: !s.ready || busy }, b.run),
      ' ',
      h('button', { type: 'button', class: 'live-button live-button-secondary', 'data-role': 'stop', disabled: !busy || s.stopping }, b.stop),
      ' ',
      h('span', { class: 'bt-status', 'data-role': 'status', 'aria-live': 'polite' }, bottleneckStatus(s, t)),
    ),
    h('div', { class: 'bt-frame-wrap', 'data-role': 'chart' }, charts),
    h(
      'dl',
      { class: 'bt-results' },
      h('dt', {}, b.lossRelu),
      h('dd', { 'data-role': 'loss-relu', 'data-exact': r ? String(r.relu.finalLoss) : undefined }, r ? b.after(loss(r.relu.finalLoss), r.relu.epochs) : pending),
      h('dt', {}, b.lossLinear),
      h('dd', { 'data-role': 'loss-linear', 'data-exact': r ? String(r.linear.finalLoss) : undefined }, r ? b.after(loss(r.linear.finalLoss), r.linear.epochs) : pending),
      h('dt', {}, b.gap),
      h('dd', { 'data-role': 'gap', 'data-exact': gapKnown ? String(r.lossRatio) : undefined }, !r ? pending : gapKnown ? b.gapValue(formatTimes(r.lossRatio), r.lossRatio >= 1) : b.gapUnknown),
      h('dt', {}, t.common.backend),
      h('dd', { 'data-role': 'backend', 'data-backend': backend }, backend ? b.backendTf(backend) : t.common.notLoaded),
    ),
  );
}
