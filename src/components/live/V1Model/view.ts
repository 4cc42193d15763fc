/**
 * The V1Model block's panel as a pure function of its state: the site's counts for the page's α
 * and resolution, the life cycle of a run, what the run measured and the reader's backend choice.
 * The build renders it for the page's defaults; the browser patches the same tree. (The sliders
 * above the panel are the page's own controls.)
 */
import { h, type SvgNode } from '../../figure-kit/svg';
import { frameworkCounts, mobilenetV1, type Architecture } from '../../../lib/architectures';
import { isCostError } from '../../../lib/errors';
import { formatInt } from '../../../lib/format';
import { cpuGuard, type LayerTime } from '../../../lib/tf/model-run';
import type { LiveStrings } from '../../../i18n/live.en';
import { fill } from '../../ui/rich-text';
import { isBusy, type LiveState } from '../lifecycle';
import { backendText, failureText } from '../status';
import { countChart, timeChart } from './chart';
import { paperParams } from './paper-count';

export type BackendChoice = 'auto' | 'cpu' | 'webgl';
export const BACKEND_CHOICES: readonly BackendChoice[] = ['auto', 'cpu', 'webgl'];

/** What a finished (or cancelled) run measured, for the setting it ran at. */
export interface V1Result {
  readonly alpha: number;
  readonly res: number;
  readonly counts: { readonly total: number; readonly trainable: number; readonly nonTrainable: number };
  readonly expectedKeras: number;
  readonly buildMs: number;
  readonly runs: readonly number[];
  readonly medianMs: number;
  readonly layers: readonly LayerTime[];
  readonly aborted: boolean;
}

/** Where a run is: building, or a forward pass of `total`. */
export type V1Progress = { readonly kind: 'building' } | { readonly kind: 'pass'; readonly done: number; readonly total: number };

export interface V1ModelState {
  readonly alpha: number;
  readonly res: number;
  readonly life: LiveState;
  readonly webgl: boolean;
  readonly ready: boolean;
  readonly choice: BackendChoice;
  readonly progress?: V1Progress;
  /** Cancel was pressed and the run has not stopped yet. */
  readonly cancelling: boolean;
  /** The last run cancelled before the model was built. */
  readonly cancelledEarly: boolean;
  readonly result?: V1Result;
  /** The charts' width in CSS px. */
  readonly chartWidth: number;
}

/** Backends to try, in order, for the reader's choice (none: WebGL chosen where there is none). */
export function preferredBackends(choice: BackendChoice, webgl: boolean): ('webgl' | 'cpu')[] {
  if (choice === 'cpu') return ['cpu'];
  if (choice === 'webgl') return webgl ? ['webgl'] : [];
  return webgl ? ['webgl', 'cpu'] : ['cpu'];
}

const ms = (x: number, t: LiveStrings): string => (Number.isFinite(x) ? t.common.ms(x >= 100 ? String(Math.round(x)) : x.toFixed(1)) : '–');

/** The architecture for a setting, or the message of the cost model's refusal. */
function architecture(alpha: number, res: number, t: LiveStrings): Architecture | string {
  try {
    return mobilenetV1({ alpha, resolution: res });
  } catch (e) {
    if (isCostError(e)) return t.common.costError[e.code](e);
    throw e;
  }
}

/** The cpu warning for a setting (none on WebGL). */
function warning(s: V1ModelState, arch: Architecture | string, t: LiveStrings): string {
  if (typeof arch === 'string') return arch;
  if (preferredBackends(s.choice, s.webgl)[0] === 'webgl') return '';
  const guard = cpuGuard(arch.multAdds);
  if (guard === 'refuse') return t.v1Model.cpuRefuse(formatInt(arch.multAdds));
  if (guard === 'slow') return t.v1Model.cpuSlow;
  return '';
}

/** The status line for a state. */
export function v1ModelStatus(s: V1ModelState, t: LiveStrings): string {
  const v = t.v1Model;
  const life = s.life;
  if (s.cancelling && isBusy(life)) return t.common.cancelling;
  switch (life.phase) {
    case 'idle':
      return '';
    case 'loading':
      return t.common.loadingTf;
    case 'running':
      if (s.progress?.kind === 'pass') return s.progress.done === 0 ? v.firstPass(s.progress.total) : v.passDone(s.progress.done, s.progress.total);
      return v.building(String(s.alpha), String(s.res), life.backend);
    case 'done':
      return v.done(life.backend);
    case 'cancelled':
      return s.cancelledEarly ? v.cancelled : v.cancelledDisposed;
    case 'failed': {
      if (life.reason.kind !== 'refused') return failureText(life.reason, t.common, v.failed);
      const arch = architecture(s.alpha, s.res, t);
      return v.refused(typeof arch === 'string' ? '—' : formatInt(arch.multAdds));
    }
  }
}

const quantity = (name: string, role: string, value: number | undefined) =>
  h('span', { 'data-quantity': name, 'data-exact': value === undefined ? undefined : String(value), 'data-role': role }, value === undefined ? '—' : formatInt(value));

/** v1ModelView(state, strings): the panel under the sliders. */
export function v1ModelView(s: V1ModelState, t: LiveStrings): SvgNode {
  const v = t.v1Model;
  const arch = architecture(s.alpha, s.res, t);
  const ok = typeof arch !== 'string';
  const fw = ok ? frameworkCounts(arch) : undefined;
  const r = s.result;
  const current = r && r.alpha === s.alpha && r.res === s.res ? r : undefined;
  const warn = warning(s, arch, t);
  const busy = isBusy(s.life);
  const backend = 'backend' in s.life ? s.life.backend : undefined;
  const same = r ? r.counts.total === r.expectedKeras : false;
  const forward = s.cancelledEarly ? v.cancelledBeforeBuilt : !r ? '–' : r.runs.length ? v.runs(ms(r.medianMs, t), r.runs.map((x) => ms(x, t)).join(', ')) : v.noTimedPass;
  const time = ok && current && current.layers.length > 0 ? timeChart(arch, current.layers, s.chartWidth, 'v1m', v.chart) : undefined;
  return h(
    'div',
    { class: 'v1m-panel', 'data-role': 'panel' },
    h(
      'dl',
      { class: 'live-results' },
      h('dt', {}, v.setting),
      h(
        'dd',
        {},
        fill(v.settingValue, {
          alpha: h('span', { 'data-role': 'alpha' }, String(s.alpha)),
          res: h('span', { 'data-role': 'res' }, String(s.res)),
          macs: quantity('macs', 'macs', ok ? arch.multAdds : undefined),
        }),
      ),
      h('dt', {}, v.siteKeras),
      h('dd', {}, quantity('params-keras', 'site-keras', fw?.keras.total)),
      h('dt', {}, v.sitePaper),
      h('dd', {}, fill(v.paperPrints, { count: quantity('params', 'site-paper', ok ? arch.params : undefined), paper: h('span', { 'data-role': 'paper' }, paperParams(s.alpha, s.res, v)) })),
      h('dt', {}, fill(v.countParams, { code: h('code', {}, 'model.countParams()') })),
      h(
        'dd',
        { 'data-role': 'count', 'data-quantity': r ? 'count-params' : undefined, 'data-exact': r ? String(r.counts.total) : undefined, 'data-match': r ? String(same) : undefined },
        r ? v.counted(formatInt(r.counts.total), formatInt(r.counts.trainable), formatInt(r.counts.nonTrainable), same, String(r.alpha), String(r.res)) : v.notBuilt,
      ),
      h('dt', {}, v.buildTime),
      h('dd', { 'data-role': 'build', 'data-ms': r ? String(r.buildMs) : undefined }, r ? ms(r.buildMs, t) : '–'),
      h('dt', {}, v.forward),
      h('dd', { 'data-role': 'forward', 'data-ms': r && !s.cancelledEarly ? String(r.medianMs) : undefined }, forward),
      h('dt', {}, t.common.backend),
      h('dd', { 'data-role': 'backend', 'data-backend': backend }, backend ? backendText(s.life, s.webgl, t.common) : '–'),
    ),
    h(
      'div',
      { class: 'v1m-charts', 'data-role': 'charts' },
      ok ? countChart(arch, current?.counts.total, s.chartWidth, 'v1m', v.chart) : null,
      h('div', { 'data-role': 'time-wrap', hidden: !time }, time ? { ...time, attrs: { ...time.attrs, 'data-role': 'time-chart' } } : h('svg', { 'data-role': 'time-chart', class: 'fig-svg v1m-time' })),
    ),
    h('p', { class: 'live-warn', 'data-role': 'warn', hidden: !warn }, warn),
    h(
      'div',
      { class: 'live-backend' },
      h('label', { for: 'v1-model-backend' }, v.backendChoice),
      h(
        'select',
        { id: 'v1-model-backend', 'data-role': 'backend-choice', disabled: !s.ready },
        BACKEND_CHOICES.map((c) => h('option', { value: c, selected: c === s.choice }, c === 'auto' ? v.auto : c)),
      ),
    ),
    h(
      'div',
      { class: 'live-actions' },
      h('button', { type: 'button', class: 'live-button', 'data-role': 'run', disabled: !s.ready || busy || !ok }, v.run),
      h('button', { type: 'button', class: 'live-button live-button-secondary', 'data-role': 'cancel', hidden: !busy }, t.common.cancel),
    ),
    h('p', { class: 'live-status', 'data-role': 'status', role: 'status', 'aria-live': 'polite' }, v1ModelStatus(s, t)),
  );
}
