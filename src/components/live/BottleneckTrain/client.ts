/**
 * The bottleneck block in the browser: on Run, import TensorFlow.js (never before), train both
 * variants with compareBottlenecks on the cpu backend, and redraw the loss curves and the two
 * networks' outputs once per animation frame while they train. Stop aborts between epochs; Run
 * starts over. The picture is laid out for its box's width and again whenever that changes.
 */
import { params } from '../../figure-kit/store';
import { patch } from '../../figure-kit/svg';
import { formatTimes, toSignificant } from '../../../lib/format';
import { bottleneckData } from '../../../lib/bottleneck';
import { trainingChart, type TrainingState } from './chart';
import { isFetchFailure, lazy, tfDownloadMessage } from '../../figure-kit/lazy';

const tfParts = lazy(() => Promise.all([import('../../../lib/tf/load'), import('../../../lib/tf/bottleneck-train')]));

const fmtLoss = (x: number): string => (Number.isFinite(x) ? x.toExponential(2) : '—');

class BottleneckTrain extends HTMLElement {
  private running = false;
  private signal = { aborted: false };
  private losses = { relu: [] as number[], linear: [] as number[] };
  private outputs: { relu?: Float32Array; linear?: Float32Array } = {};
  private readonly targets = bottleneckData().targets;
  private frame = 0;
  private width = 0;

  connectedCallback(): void {
    // The build drew a wide and a narrow picture; keep the one CSS shows and lay it out from now on.
    const wrap = this.querySelector<HTMLElement>('[data-role="chart"]')!;
    const variants = [...wrap.querySelectorAll('svg[data-variant]')];
    const shown = variants.find((svg) => getComputedStyle(svg).display !== 'none') ?? variants[0];
    for (const svg of variants) if (svg !== shown) svg.remove();
    shown?.removeAttribute('data-variant');
    this.draw();
    if ('ResizeObserver' in window) new ResizeObserver(() => wrap.clientWidth !== this.width && this.schedule()).observe(wrap);
    const run = this.button('run');
    const stop = this.button('stop');
    run.addEventListener('click', () => void this.run());
    stop.addEventListener('click', () => {
      this.signal.aborted = true;
      stop.disabled = true;
    });
    run.disabled = false;
    this.dataset.ready = '';
  }

  private button(role: string): HTMLButtonElement {
    return this.querySelector<HTMLButtonElement>(`button[data-role="${role}"]`)!;
  }

  private set(role: string, text: string, exact?: number): void {
    const el = this.querySelector<HTMLElement>(`[data-role="${role}"]`)!;
    el.textContent = text;
    if (exact !== undefined) el.dataset.exact = String(exact);
  }

  private epochs(): number {
    return Number(this.dataset.epochs ?? 300);
  }

  private draw(): void {
    this.frame = 0;
    const wrap = this.querySelector<HTMLElement>('[data-role="chart"]');
    const svg = wrap?.querySelector('svg');
    // A hidden block has no width to lay out for; it is drawn when shown.
    if (!wrap || !svg || wrap.clientWidth === 0) return;
    this.width = wrap.clientWidth;
    const state: TrainingState = {
      relu: { losses: this.losses.relu, outputs: this.outputs.relu },
      linear: { losses: this.losses.linear, outputs: this.outputs.linear },
      targets: this.targets,
      epochs: this.epochs(),
    };
    patch(svg, trainingChart(state, this.width, 'bottleneck-chart'));
  }

  private schedule(): void {
    if (!this.frame) this.frame = requestAnimationFrame(() => this.draw());
  }

  private async run(): Promise<void> {
    if (this.running) return;
    this.running = true;
    const run = this.button('run');
    const stop = this.button('stop');
    run.disabled = true;
    stop.disabled = false;
    this.signal = { aborted: false };
    this.losses = { relu: [], linear: [] };
    this.outputs = {};
    for (const r of ['loss-relu', 'loss-linear', 'gap']) this.set(r, 'running…');
    this.draw();
    this.dataset.state = 'loading';
    this.set('status', 'Loading TensorFlow.js…');
    try {
      const [{ loadTf }, train] = await tfParts();
      // Tiny matrices: the cpu backend is faster than a GPU round trip here, and gives the same numbers everywhere.
      const { tf, backend } = await loadTf({ preferred: ['cpu'] });
      this.set('backend', `${backend} (TensorFlow.js)`);
      this.querySelector<HTMLElement>('[data-role="backend"]')!.dataset.backend = backend;
      this.dataset.state = 'running';
      const seed = params.get().seed;
      this.set('status', `Training on the ${backend} backend, weights seed ${seed}…`);
      const t0 = performance.now();
      const result = await train.compareBottlenecks(tf, {
        seed,
        epochs: this.epochs(),
        signal: this.signal,
        onEpoch: (_e, loss, activation) => {
          this.losses[activation].push(loss);
          this.schedule();
        },
        onSnapshot: (_e, outputs, activation) => {
          this.outputs[activation] = outputs;
          this.schedule();
        },
      });
      const seconds = (performance.now() - t0) / 1000;
      this.draw();
      const { relu, linear, lossRatio } = result;
      this.set('loss-relu', `${fmtLoss(relu.finalLoss)} after ${relu.epochs} epochs`, relu.finalLoss);
      this.set('loss-linear', `${fmtLoss(linear.finalLoss)} after ${linear.epochs} epochs`, linear.finalLoss);
      const gapKnown = Number.isFinite(lossRatio);
      this.set('gap', gapKnown ? `${formatTimes(lossRatio)}: the ReLU bottleneck ends ${lossRatio >= 1 ? 'worse' : 'better'}` : 'not known (stopped before both ran)', gapKnown ? lossRatio : undefined);
      const stopped = relu.aborted || linear.aborted;
      this.dataset.state = stopped ? 'stopped' : 'done';
      this.dataset.seconds = String(seconds);
      this.set('status', stopped ? `Stopped after ${toSignificant(seconds, 2)} s. Press Run to start again.` : `Done in ${toSignificant(seconds, 2)} s on the ${backend} backend.`);
    } catch (e) {
      this.dataset.state = 'failed';
      this.set('status', isFetchFailure(e) ? tfDownloadMessage() : `This browser could not run the training: ${e instanceof Error ? e.message : String(e)}. The explanation above does not depend on it.`);
    } finally {
      this.running = false;
      run.disabled = false;
      stop.disabled = true;
    }
  }
}

customElements.define('bottleneck-train', BottleneckTrain);
