/**
 * The bottleneck block in the browser: its state, and the view patched over the build's markup.
 * On Run, import TensorFlow.js (never before), train both variants with compareBottlenecks on the
 * cpu backend, and redraw once per animation frame while they train. Stop aborts between epochs;
 * Run starts over. The picture is laid out for its box's width and again whenever that changes.
 */
import { params } from '../../figure-kit/store';
import { patch } from '../../figure-kit/svg';
import { bottleneckData } from '../../../lib/bottleneck';
import { isFetchFailure, lazy } from '../../figure-kit/lazy';
import { langOf } from '../../../i18n/page-lang';
import { loadLive } from '../../../i18n/live.load';
import type { LiveStrings } from '../../../i18n/live.en';
import { IDLE, failureOf, isBusy, step, type LiveEvent } from '../lifecycle';
import { bottleneckView, type BottleneckState } from './view';
import { importAfresh } from '../../../lib/lazy';
import { keepShownChart } from '../shown-chart';

const tfParts = lazy(() => Promise.all([importAfresh(() => import('../../../lib/tf/load')), importAfresh(() => import('../../../lib/tf/bottleneck-train'))]));

class BottleneckTrain extends HTMLElement {
  private state!: BottleneckState;
  private t!: LiveStrings;
  private signal = { aborted: false };
  /** The run under way: losses and outputs as they arrive (copied into the state on each frame). */
  private trace = { relu: [] as number[], linear: [] as number[], outputs: {} as { relu?: Float32Array; linear?: Float32Array } };
  private frame = 0;

  connectedCallback(): void {
    void this.start();
  }

  private async start(): Promise<void> {
    this.t = await loadLive(langOf(this));
    const wrap = this.querySelector<HTMLElement>('[data-role="chart"]')!;
    const drawn = keepShownChart(wrap);
    const empty = { relu: { losses: [] }, linear: { losses: [] }, targets: bottleneckData().targets };
    this.state = { life: IDLE, ready: true, epochs: Number(this.dataset.epochs ?? 300), seed: params.get().seed, stopping: false, training: empty, chartWidth: wrap.clientWidth || drawn };
    if ('ResizeObserver' in window) new ResizeObserver(() => wrap.clientWidth > 0 && wrap.clientWidth !== this.state.chartWidth && this.update({ chartWidth: wrap.clientWidth })).observe(wrap);
    this.addEventListener('click', (e) => {
      const role = (e.target as Element).closest<HTMLElement>('button[data-role]')?.dataset.role;
      if (role === 'run') void this.run();
      else if (role === 'stop' && isBusy(this.state.life)) {
        this.signal.aborted = true;
        this.update({ stopping: true });
      }
    });
    this.render();
    this.dataset.ready = '';
  }

  private render(): void {
    this.frame = 0;
    patch(this.querySelector('section')!, bottleneckView(this.state, this.t));
    this.dataset.state = this.state.life.phase;
  }

  private update(change: Partial<BottleneckState>): void {
    this.state = { ...this.state, ...change };
    this.render();
  }

  private go(event: LiveEvent, change: Partial<BottleneckState> = {}): void {
    this.update({ ...change, life: step(this.state.life, event) });
  }

  /** The training so far, as the state's copy. */
  private snapshot(): BottleneckState['training'] {
    const { relu, linear, outputs } = this.trace;
    return { relu: { losses: relu.slice(), outputs: outputs.relu }, linear: { losses: linear.slice(), outputs: outputs.linear }, targets: this.state.training.targets };
  }

  /** Redraw the training on the next animation frame (once, however many epochs end before it). */
  private schedule(): void {
    if (!this.frame) this.frame = requestAnimationFrame(() => this.update({ training: this.snapshot() }));
  }

  private async run(): Promise<void> {
    if (isBusy(this.state.life)) return;
    this.signal = { aborted: false };
    this.trace = { relu: [], linear: [], outputs: {} };
    const seed = params.get().seed;
    this.go({ type: 'start' }, { seed, stopping: false, result: undefined, training: this.snapshot() });
    try {
      const [{ loadTf }, train] = await tfParts();
      // Tiny matrices: the cpu backend is faster than a GPU round trip here, and gives the same numbers everywhere.
      const { tf, backend } = await loadTf({ preferred: ['cpu'] });
      this.go({ type: 'loaded', backend });
      const t0 = performance.now();
      const result = await train.compareBottlenecks(tf, {
        seed,
        epochs: this.state.epochs,
        signal: this.signal,
        onEpoch: (_e, loss, activation) => {
          this.trace[activation].push(loss);
          this.schedule();
        },
        onSnapshot: (_e, outputs, activation) => {
          this.trace.outputs[activation] = outputs;
          this.schedule();
        },
      });
      const seconds = (performance.now() - t0) / 1000;
      const { relu, linear, lossRatio } = result;
      const stopped = relu.aborted || linear.aborted;
      this.dataset.seconds = String(seconds);
      this.go({ type: stopped ? 'cancel' : 'finish' }, {
        stopping: false,
        training: this.snapshot(),
        result: { relu: { finalLoss: relu.finalLoss, epochs: relu.epochs }, linear: { finalLoss: linear.finalLoss, epochs: linear.epochs }, lossRatio, seconds },
      });
    } catch (e) {
      this.go({ type: 'fail', reason: failureOf(e, isFetchFailure(e), navigator.onLine === false) }, { stopping: false });
    }
  }
}

customElements.define('bottleneck-train', BottleneckTrain);
