/**
 * The bottleneck block in the browser: on Run, import TensorFlow.js (never before), train both
 * variants with compareBottlenecks on the cpu backend, and redraw the loss curves once per
 * animation frame while they train. Stop aborts between epochs; Run starts over.
 */
import { params } from '../../figure-kit/store';
import { patch } from '../../figure-kit/svg';
import { formatTimes, toSignificant } from '../../../lib/format';
import { lossChart } from './chart';
import { isFetchFailure, lazy, tfDownloadMessage } from '../../figure-kit/lazy';

const tfParts = lazy(() => Promise.all([import('../../../lib/tf/load'), import('../../../lib/tf/bottleneck-train')]));

const fmtLoss = (x: number): string => (Number.isFinite(x) ? x.toExponential(2) : '—');

class BottleneckTrain extends HTMLElement {
  private running = false;
  private signal = { aborted: false };
  private losses = { relu: [] as number[], linear: [] as number[] };
  private frame = 0;

  connectedCallback(): void {
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
    const svg = this.querySelector('[data-role="chart"] svg');
    if (svg) patch(svg, lossChart(this.losses, this.epochs(), 'bottleneck-chart'));
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
