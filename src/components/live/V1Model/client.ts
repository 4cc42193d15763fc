/**
 * Browser side of the V1Model block: its state, and the panel's view patched over the build's
 * markup whenever the state changes. TensorFlow.js (the full union package: tf.layers is needed)
 * is imported only when the reader presses "Build and run"; nothing here loads it on page load.
 */
import { params } from '../../figure-kit/store';
import { followParams } from '../../figure-kit/follow';
import { mobilenetV1 } from '../../../lib/architectures';
// model-run imports TensorFlow.js types only, so this static import loads no tfjs code.
import { cpuGuard, runMobileNetV1 } from '../../../lib/tf/model-run';
import { patch } from '../../figure-kit/svg';
import { isFetchFailure, lazy } from '../../figure-kit/lazy';
import { langOf } from '../../../i18n/page-lang';
import { loadLive } from '../../../i18n/live.load';
import type { LiveStrings } from '../../../i18n/live.en';
import { hasWebGl } from '../../ui/browser';
import { IDLE, failureOf, isBusy, step, type LiveEvent } from '../lifecycle';
import { BACKEND_CHOICES, preferredBackends, v1ModelView, type BackendChoice, type V1ModelState } from './view';
import { importAfresh } from '../../../lib/lazy';

const tfLoad = lazy(() => importAfresh(() => import('../../../lib/tf/load')));

/**
 * Let the page handle input and paint: continue in a new task, behind what is already queued.
 * (scheduler.yield() would continue ahead of other tasks, and a click could wait a whole run.)
 */
function yieldToPage(): Promise<void> {
  return new Promise((ok) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => ok();
    channel.port2.postMessage(null);
  });
}

/** Between two layers: yield when the page has waited 20 ms or more, so Cancel is handled within a layer. */
function betweenLayers(): () => Promise<void> {
  let last = performance.now();
  return async () => {
    if (performance.now() - last < 20) return;
    await yieldToPage();
    last = performance.now();
  };
}

class V1Model extends HTMLElement {
  private state!: V1ModelState;
  private t!: LiveStrings;
  private signal = { aborted: false };

  private el<T extends HTMLElement = HTMLElement>(role: string): T {
    return this.querySelector<T>(`[data-role="${role}"]`)!;
  }

  connectedCallback(): void {
    void this.start();
  }

  private async start(): Promise<void> {
    this.t = await loadLive(langOf(this));
    const { alpha, res } = params.get();
    this.state = { alpha, res, life: IDLE, webgl: hasWebGl(), ready: true, choice: 'auto', cancelling: false, cancelledEarly: false, chartWidth: this.el('charts').clientWidth || 640 };
    followParams(this, ['alpha', 'res'], (v) => this.update({ alpha: v.alpha, res: v.res }));
    this.addEventListener('click', (e) => {
      const role = (e.target as Element).closest<HTMLElement>('button[data-role]')?.dataset.role;
      if (role === 'run') void this.run();
      else if (role === 'cancel' && isBusy(this.state.life)) {
        this.signal.aborted = true;
        this.update({ cancelling: true });
      }
    });
    this.addEventListener('change', (e) => {
      const choice = (e.target as HTMLSelectElement).value as BackendChoice;
      if ((e.target as Element).matches('[data-role=backend-choice]') && BACKEND_CHOICES.includes(choice)) this.update({ choice });
    });
    // The charts are laid out for their box: redraw when it changes width.
    const charts = this.el('charts');
    if ('ResizeObserver' in window) new ResizeObserver(() => charts.clientWidth > 0 && charts.clientWidth !== this.state.chartWidth && this.update({ chartWidth: charts.clientWidth })).observe(charts);
    this.render();
  }

  private render(): void {
    patch(this.el('panel'), v1ModelView(this.state, this.t));
    const life = this.state.life;
    this.dataset.state = life.phase;
    if (life.phase === 'failed') this.dataset.reason = life.reason.kind;
    else delete this.dataset.reason;
  }

  private update(change: Partial<V1ModelState>): void {
    this.state = { ...this.state, ...change };
    this.render();
  }

  private go(event: LiveEvent, change: Partial<V1ModelState> = {}): void {
    this.update({ ...change, life: step(this.state.life, event) });
  }

  /** The run ends: Cancel goes, and a keyboard user on it is put back on the run button. */
  private end(event: LiveEvent, change: Partial<V1ModelState> = {}): void {
    const cancelHadFocus = document.activeElement === this.el('cancel');
    this.go(event, { ...change, cancelling: false });
    if (cancelHadFocus) this.el('run').focus();
  }

  private async run(): Promise<void> {
    if (isBusy(this.state.life)) return;
    // The store's values, even those a frame has not shown yet.
    const { alpha, res } = params.get();
    this.update({ alpha, res });
    const arch = mobilenetV1({ alpha, resolution: res });
    const t = this.t;
    this.signal = { aborted: false };
    const runButton = this.el<HTMLButtonElement>('run');
    // Keyboard users land on Cancel while the run lasts, and back on the button afterwards.
    const hadFocus = document.activeElement === runButton;
    this.go({ type: 'start' }, { cancelling: false, cancelledEarly: false, progress: undefined });
    if (hadFocus) this.el('cancel').focus();
    try {
      const { loadTfLayers } = await tfLoad();
      const preferred = preferredBackends(this.state.choice, this.state.webgl);
      if (preferred.length === 0) throw new Error(t.v1Model.noWebGlChoose);
      const { tf, backend, failed } = await loadTfLayers({ preferred });
      this.go({ type: 'loaded', backend, fellBack: failed });
      if (backend === 'cpu' && cpuGuard(arch.multAdds) === 'refuse') {
        this.end({ type: 'fail', reason: { kind: 'refused' } });
        return;
      }
      if (this.signal.aborted) throw new DOMException('cancelled', 'AbortError');
      this.update({ progress: { kind: 'building' } });
      await new Promise((resolve) => setTimeout(resolve, 0));
      await tf.nextFrame();
      const result = await runMobileNetV1(tf, {
        alpha,
        resolution: res,
        now: () => performance.now(),
        warmup: 1,
        repeats: 3,
        perLayer: true,
        signal: this.signal,
        between: betweenLayers(),
        onPass: async (done, total) => {
          this.update({ progress: { kind: 'pass', done, total } });
          // A cpu pass blocks the page; between passes let input (Cancel) and painting through.
          await new Promise((resolve) => setTimeout(resolve, 0));
          await tf.nextFrame();
        },
      });
      const measured = { alpha, res, counts: result.counts, expectedKeras: result.expectedKeras, buildMs: result.buildMs, runs: result.runs, medianMs: result.medianMs, layers: result.layers, aborted: result.aborted };
      this.end({ type: result.aborted ? 'cancel' : 'finish' }, { result: measured });
    } catch (e) {
      if (e instanceof DOMException && e.name === 'AbortError') this.end({ type: 'cancel' }, { cancelledEarly: true });
      else this.end({ type: 'fail', reason: failureOf(e, isFetchFailure(e), navigator.onLine === false) });
    }
  }
}

customElements.define('v1-model', V1Model);
