/**
 * The ConvBench block in the browser. It follows the page's sizes (the shared store) with the
 * cost model's prediction at once; TensorFlow.js is imported only when the reader presses Run,
 * so a reader who never runs it downloads none of it.
 */
import { subscribeKeys } from 'nanostores';
import { params } from '../../figure-kit/store';
import { patch } from '../../figure-kit/svg';
import { BENCH_REPEATS, BENCH_WARMUP, benchPlan, type BenchSizes } from '../../../lib/bench-guard';
import { formatInt, formatTimes, toSignificant } from '../../../lib/format';
import { benchChart, equivalenceText, type BenchMeasurement } from './chart';
import { isFetchFailure, lazy, tfDownloadMessage } from '../../figure-kit/lazy';

const tfParts = lazy(() => Promise.all([import('../../../lib/tf/load'), import('../../../lib/tf/conv-bench')]));

/** A WebGL context can be had here (headless Chromium with --disable-gpu has none). */
function hasWebGl(): boolean {
  try {
    const canvas = document.createElement('canvas');
    return Boolean(canvas.getContext('webgl2') ?? canvas.getContext('webgl'));
  } catch {
    return false;
  }
}

const ms = (x: number): string => `${toSignificant(x, 3)} ms`;

/** Sizes for the equivalence check: the reader's when small enough, else a small layer. */
const SMALL: BenchSizes = { k: 3, m: 8, n: 16, df: 8 };

/** The sizes as the block names them. */
const sizeKey = (s: BenchSizes): string => `D_K = ${s.k}, M = ${s.m}, N = ${s.n}, D_F = ${s.df}`;

class ConvBench extends HTMLElement {
  private running = false;
  private lastRun = '';
  private measured?: BenchMeasurement;
  private width = 0;
  /** The chart box's width as its ResizeObserver last read it. */
  private known = 0;

  connectedCallback(): void {
    const run = this.el('run') as HTMLButtonElement;
    // The build drew a wide and a narrow chart; keep the one CSS shows and lay it out from now on.
    const wrap = this.el('chart');
    const variants = [...wrap.querySelectorAll('svg[data-variant]')];
    const shown = variants.find((svg) => getComputedStyle(svg).display !== 'none') ?? variants[0];
    for (const svg of variants) if (svg !== shown) svg.remove();
    shown?.removeAttribute('data-variant');
    // Only its four sizes move it, once per frame however many inputs a drag fires.
    let pending = 0;
    subscribeKeys(params, ['k', 'm', 'n', 'df'], () => {
      if (pending) return;
      pending = requestAnimationFrame(() => {
        pending = 0;
        this.follow(this.sizes());
      });
    });
    this.follow(this.sizes());
    run.addEventListener('click', () => void this.run());
    // The chart's width comes from here (read just after layout), not from the box at each redraw.
    if ('ResizeObserver' in window)
      new ResizeObserver(() => {
        this.known = wrap.clientWidth;
        if (this.known !== this.width) this.drawChart();
      }).observe(wrap);
    this.dataset.ready = '';
  }

  /** The chart for the page's sizes, with the last run's measurements when they are for these sizes. */
  private drawChart(): void {
    const wrap = this.el('chart');
    const svg = wrap.querySelector('svg');
    const width = this.known || wrap.clientWidth;
    if (!svg || width === 0) return;
    this.width = width;
    const s = this.sizes();
    const run = this.lastRun === sizeKey(s) ? this.measured : undefined;
    patch(svg, benchChart({ predictedSpeedup: benchPlan(s).theoreticalSpeedup, run }, this.width, 'conv-bench-chart'));
  }

  private el(role: string): HTMLElement {
    return this.querySelector<HTMLElement>(`[data-role="${role}"]`)!;
  }

  private sizes(): BenchSizes {
    const v = params.get();
    return { k: v.k, m: v.m, n: v.n, df: v.df };
  }

  private set(role: string, text: string, exact?: number): void {
    const el = this.el(role);
    el.textContent = text;
    if (exact !== undefined) el.dataset.exact = String(exact);
  }

  /** Update the prediction and the guard for new sizes (no tfjs involved). */
  private follow(s: BenchSizes): void {
    const plan = benchPlan(s);
    const key = sizeKey(s);
    this.set('sizes', key);
    this.drawChart();
    const theory = this.querySelector<HTMLElement>('[data-quantity="theoretical-speedup"]')!;
    theory.textContent = formatTimes(plan.theoreticalSpeedup);
    theory.dataset.exact = String(plan.theoreticalSpeedup);
    this.set('macs', `${formatInt(plan.standardMultAdds)} against ${formatInt(plan.separableMultAdds)}`);
    this.set('std-macs', formatInt(plan.standardMultAdds));
    this.set('sep-macs', formatInt(plan.separableMultAdds));
    this.set('theory', `${formatTimes(plan.theoreticalSpeedup)} predicted`);
    const refusal = this.el('refusal');
    refusal.textContent = plan.refusal ?? '';
    refusal.hidden = plan.refusal === null;
    (this.el('run') as HTMLButtonElement).disabled = this.running || plan.refusal !== null;
    if (this.lastRun && this.lastRun !== key) this.set('status', `The results below are for ${this.lastRun}. Press Run to time the new sizes.`);
  }

  private async run(): Promise<void> {
    if (this.running) return;
    const s = this.sizes();
    const plan = benchPlan(s);
    if (plan.refusal) return;
    const button = this.el('run') as HTMLButtonElement;
    this.running = true;
    button.disabled = true;
    this.dataset.state = 'loading';
    this.set('status', 'Loading TensorFlow.js…');
    try {
      const [{ loadTf }, bench] = await tfParts();
      const preferred = hasWebGl() ? (['webgl', 'cpu'] as const) : (['cpu'] as const);
      const { tf, backend, failed } = await loadTf({ preferred });
      const fellBack = failed.length > 0 ? ` (${failed.map((f) => `${f.backend} ${f.reason}`).join('; ')})` : preferred.length === 1 ? ' (this browser offers no WebGL)' : '';
      this.set('backend', backend);
      this.el('backend').dataset.backend = backend;
      this.set('status', `Timing on the ${backend} backend${fellBack}…`);
      this.dataset.state = 'running';
      await tf.nextFrame();
      const sizes = { kernelSize: s.k, inChannels: s.m, outChannels: s.n, featureSize: s.df };
      const r = await bench.benchConv(tf, sizes, { now: () => performance.now(), warmup: BENCH_WARMUP, repeats: BENCH_REPEATS });
      this.set('std-ms', ms(r.standardMs), r.standardMs);
      this.set('sep-ms', ms(r.separableMs), r.separableMs);
      const measured = Number.isFinite(r.measuredSpeedup) ? r.measuredSpeedup : 0;
      this.set('measured', measured > 0 ? `${formatTimes(measured)} measured` : 'too fast to time', measured);
      this.lastRun = sizeKey(s);
      this.measured = r;
      this.drawChart();
      await tf.nextFrame();
      const small = plan.checkFits ? sizes : { kernelSize: SMALL.k, inChannels: SMALL.m, outChannels: SMALL.n, featureSize: SMALL.df };
      const note = plan.checkFits ? '' : ` (on a smaller layer, D_K = ${SMALL.k}, M = ${SMALL.m}, N = ${SMALL.n}, D_F = ${SMALL.df}: yours is too large to build in float64 here)`;
      const eq = await bench.checkFactorableEquivalence(tf, small);
      this.set('max-diff', `${equivalenceText(eq)}${note}.`, eq.maxAbsDifference);
      const diffEl = this.el('max-diff');
      diffEl.dataset.differing = String(eq.differing);
      diffEl.dataset.outputs = String(eq.outputs);
      diffEl.dataset.exactAtWorst = String(eq.exactAtWorst);
      await tf.nextFrame();
      const approx = await bench.separableApproximationError(tf, small);
      this.set('approx', `${toSignificant(approx.outputRelativeError * 100, 3)}% (kernel: ${toSignificant(approx.kernelRelativeError * 100, 3)}%)${note}`, approx.outputRelativeError);
      const verdict =
        measured >= plan.theoreticalSpeedup
          ? `at least the ${formatTimes(plan.theoreticalSpeedup)} the count predicts.`
          : `short of the ${formatTimes(plan.theoreticalSpeedup)} the count predicts; see why below.`;
      this.set('status', `Done on ${backend}${fellBack}: the separable pair ran ${measured > 0 ? formatTimes(measured) : 'too fast to time, so no'} faster, ${verdict}`);
      this.dataset.state = 'done';
    } catch (e) {
      this.dataset.state = 'failed';
      this.set('status', isFetchFailure(e) ? tfDownloadMessage() : `This browser could not run the block: ${e instanceof Error ? e.message : String(e)}. The predicted numbers above still hold.`);
    } finally {
      this.running = false;
      button.disabled = benchPlan(this.sizes()).refusal !== null;
    }
  }
}

customElements.define('conv-bench', ConvBench);
