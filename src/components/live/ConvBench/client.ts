/**
 * The ConvBench block in the browser: its state, and the view patched over the build's markup
 * whenever the state changes. It follows the page's sizes (the shared store) with the cost
 * model's prediction at once; TensorFlow.js is imported only when the reader presses Run, so a
 * reader who never runs it downloads none of it.
 */
import { params } from '../../figure-kit/store';
import { followParams } from '../../figure-kit/follow';
import { patch } from '../../figure-kit/svg';
import { BENCH_REPEATS, BENCH_WARMUP, benchPlan, type BenchSizes } from '../../../lib/bench-guard';
import { isFetchFailure, lazy } from '../../figure-kit/lazy';
import { langOf } from '../../../i18n/page-lang';
import { loadLive } from '../../../i18n/live.load';
import type { LiveStrings } from '../../../i18n/live.en';
import { hasWebGl } from '../../ui/browser';
import { IDLE, failureOf, isBusy, step, type LiveEvent } from '../lifecycle';
import { SMALL, convBenchView, type ConvBenchState } from './view';
import { importAfresh } from '../../../lib/lazy';
import { keepShownChart } from '../shown-chart';

const tfParts = lazy(() => Promise.all([importAfresh(() => import('../../../lib/tf/load')), importAfresh(() => import('../../../lib/tf/conv-bench'))]));

const sizesOf = (v: BenchSizes): BenchSizes => ({ k: v.k, m: v.m, n: v.n, df: v.df });

class ConvBench extends HTMLElement {
  private state!: ConvBenchState;
  private t!: LiveStrings;

  connectedCallback(): void {
    void this.start();
  }

  private async start(): Promise<void> {
    this.t = await loadLive(langOf(this));
    const wrap = this.querySelector<HTMLElement>('[data-role=chart]')!;
    const drawn = keepShownChart(wrap);
    this.state = { sizes: sizesOf(params.get()), life: IDLE, webgl: hasWebGl(), ready: true, chartWidth: wrap.clientWidth || drawn };
    // Only its four sizes move it (followParams: once per frame, and not while far from the screen).
    followParams(this, ['k', 'm', 'n', 'df'], (v) => this.update({ sizes: sizesOf(v) }));
    this.addEventListener('click', (e) => {
      if ((e.target as Element).closest('[data-role=run]')) void this.run();
    });
    // The chart's width as its ResizeObserver reads it (no layout forced while a slider moves).
    if ('ResizeObserver' in window)
      new ResizeObserver(([entry]) => {
        const width = Math.round(entry?.contentRect.width ?? 0);
        if (width > 0 && width !== this.state.chartWidth) this.update({ chartWidth: width });
      }).observe(wrap);
    this.render();
    this.dataset.ready = '';
  }

  private render(): void {
    patch(this.querySelector('section')!, convBenchView(this.state, this.t));
    this.dataset.state = this.state.life.phase;
  }

  private update(change: Partial<ConvBenchState>): void {
    this.state = { ...this.state, ...change };
    this.render();
  }

  private go(event: LiveEvent, change: Partial<ConvBenchState> = {}): void {
    this.update({ ...change, life: step(this.state.life, event) });
  }

  private async run(): Promise<void> {
    if (isBusy(this.state.life)) return;
    // The store's sizes, even those a frame has not shown yet.
    this.update({ sizes: sizesOf(params.get()) });
    const s = this.state.sizes;
    const plan = benchPlan(s);
    if (plan.refusal) return;
    this.go({ type: 'start' });
    try {
      const [{ loadTf }, bench] = await tfParts();
      const preferred = this.state.webgl ? (['webgl', 'cpu'] as const) : (['cpu'] as const);
      const { tf, backend, failed } = await loadTf({ preferred });
      this.go({ type: 'loaded', backend, fellBack: failed });
      await tf.nextFrame();
      const sizes = { kernelSize: s.k, inChannels: s.m, outChannels: s.n, featureSize: s.df };
      const timing = await bench.benchConv(tf, sizes, { now: () => performance.now(), warmup: BENCH_WARMUP, repeats: BENCH_REPEATS });
      this.update({ result: { sizes: s, timing } });
      await tf.nextFrame();
      const small = plan.checkFits ? sizes : { kernelSize: SMALL.k, inChannels: SMALL.m, outChannels: SMALL.n, featureSize: SMALL.df };
      const equivalence = await bench.checkFactorableEquivalence(tf, small);
      this.update({ result: { sizes: s, timing, equivalence } });
      await tf.nextFrame();
      const a = await bench.separableApproximationError(tf, small);
      this.go({ type: 'finish' }, { result: { sizes: s, timing, equivalence, approx: { output: a.outputRelativeError, kernel: a.kernelRelativeError } } });
    } catch (e) {
      this.go({ type: 'fail', reason: failureOf(e, isFetchFailure(e), navigator.onLine === false) });
    }
  }
}

customElements.define('conv-bench', ConvBench);
