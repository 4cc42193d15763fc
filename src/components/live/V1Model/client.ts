/**
 * Browser side of the V1Model block. TensorFlow.js (the full union package: tf.layers is needed)
 * is imported only when the reader presses "Build and run"; nothing here loads it on page load.
 */
import { params } from '../../figure-kit/store';
import { frameworkCounts, mobilenetV1 } from '../../../lib/architectures';
import { isCostError } from '../../../lib/errors';
import { formatInt } from '../../../lib/format';
import { paperParams } from './paper-count';
// model-run imports TensorFlow.js types only, so this static import loads no tfjs code.
import { cpuGuard, runMobileNetV1, type LayerTime } from '../../../lib/tf/model-run';
import { patch } from '../../figure-kit/svg';
import { countChart, timeChart } from './chart';
import { isFetchFailure, lazy, tfDownloadMessage } from '../../figure-kit/lazy';

const tfLoad = lazy(() => import('../../../lib/tf/load'));

/** Whether this browser can make a WebGL context at all; without one tfjs would log errors trying. */
function hasWebGL(): boolean {
  try {
    const canvas = document.createElement('canvas');
    return Boolean(canvas.getContext('webgl2') ?? canvas.getContext('webgl'));
  } catch {
    return false;
  }
}


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

const ms = (x: number): string => (Number.isFinite(x) ? `${x >= 100 ? Math.round(x) : x.toFixed(1)} ms` : '–');

class V1Model extends HTMLElement {
  private running = false;
  private signal = { aborted: false };
  private webgl = false;
  /** The last run's results, for the setting they were measured at. */
  private measured?: { key: string; counted: number; layers: readonly LayerTime[] };
  private chartWidth = 0;

  private el<T extends HTMLElement = HTMLElement>(role: string): T {
    return this.querySelector<T>(`[data-role="${role}"]`)!;
  }

  connectedCallback(): void {
    this.webgl = hasWebGL();
    const run = this.el<HTMLButtonElement>('run');
    const cancel = this.el<HTMLButtonElement>('cancel');
    params.subscribe((v) => this.show(v.alpha, v.res));
    run.addEventListener('click', () => void this.run());
    cancel.addEventListener('click', () => {
      this.signal.aborted = true;
      this.el('status').textContent = 'Cancelling…';
    });
    const choice = this.el<HTMLSelectElement>('backend-choice');
    choice.addEventListener('change', () => this.show(params.get().alpha, params.get().res));
    choice.disabled = false;
    run.disabled = false;
    // The charts are laid out for their box: redraw when it changes width.
    const charts = this.el('charts');
    if ('ResizeObserver' in window)
      new ResizeObserver(() => {
        if (charts.clientWidth !== this.chartWidth) this.drawCharts();
      }).observe(charts);
  }

  /** Redraw the count chart (and the time chart after a run) for the current setting and width. */
  private drawCharts(): void {
    const charts = this.el('charts');
    const width = charts.clientWidth;
    if (width === 0) return;
    this.chartWidth = width;
    const { alpha, res } = params.get();
    let arch;
    try {
      arch = mobilenetV1({ alpha, resolution: res });
    } catch (e) {
      if (isCostError(e)) return;
      throw e;
    }
    const current = this.measured?.key === `${alpha}|${res}` ? this.measured : undefined;
    const count = charts.querySelector('svg.v1m-count');
    if (count) {
      const chart = countChart(arch, current?.counted, width, 'v1m');
      patch(count, chart);
    }
    const time = charts.querySelector<SVGSVGElement>('[data-role=time-chart]');
    if (!time) return;
    const wrap = this.el('time-wrap');
    if (current && current.layers.length > 0) {
      const chart = timeChart(arch, current.layers, width, 'v1m');
      patch(time, { ...chart, attrs: { ...chart.attrs, 'data-role': 'time-chart' } });
      wrap.hidden = false;
    } else wrap.hidden = true;
  }

  /** Backends to try, in order, for the reader's choice. */
  private preferred(): ('webgl' | 'cpu')[] {
    const choice = this.el<HTMLSelectElement>('backend-choice').value;
    if (choice === 'cpu') return ['cpu'];
    if (choice === 'webgl') return this.webgl ? ['webgl'] : [];
    return this.webgl ? ['webgl', 'cpu'] : ['cpu'];
  }

  /** The site's numbers for the current setting, and the cpu warning. */
  private show(alpha: number, res: number): void {
    for (const e of this.querySelectorAll('[data-role=alpha]')) e.textContent = String(alpha);
    for (const e of this.querySelectorAll('[data-role=res]')) e.textContent = String(res);
    const warn = this.el('warn');
    try {
      const arch = mobilenetV1({ alpha, resolution: res });
      const fw = frameworkCounts(arch);
      this.setQuantity('macs', arch.multAdds);
      this.setQuantity('site-keras', fw.keras.total);
      this.setQuantity('site-paper', arch.params);
      this.el('paper').textContent = paperParams(alpha, res);
      this.drawCharts();
      if (this.preferred()[0] === 'webgl') warn.hidden = true;
      else if (cpuGuard(arch.multAdds) === 'refuse') {
        warn.hidden = false;
        warn.textContent = `On the cpu backend this setting (${formatInt(arch.multAdds)} mult-adds) would take minutes per pass; choose a smaller α or resolution to run it there.`;
      } else if (cpuGuard(arch.multAdds) === 'slow') {
        warn.hidden = false;
        warn.textContent = `On the cpu backend this setting takes seconds per pass (four passes in all). You can cancel.`;
      } else warn.hidden = true;
    } catch (e) {
      if (!isCostError(e)) throw e;
      warn.hidden = false;
      warn.textContent = e.message;
    }
  }

  private setQuantity(role: string, value: number): void {
    const e = this.el(role);
    e.dataset.exact = String(value);
    e.textContent = formatInt(value);
  }

  private async run(): Promise<void> {
    if (this.running) return;
    const { alpha, res } = params.get();
    const status = this.el('status');
    const runButton = this.el<HTMLButtonElement>('run');
    const cancel = this.el<HTMLButtonElement>('cancel');
    let arch;
    try {
      arch = mobilenetV1({ alpha, resolution: res });
    } catch (e) {
      status.textContent = e instanceof Error ? e.message : String(e);
      return;
    }
    this.running = true;
    this.signal = { aborted: false };
    // Keyboard users land on Cancel while the run lasts, and back on the button afterwards.
    const hadFocus = document.activeElement === runButton;
    cancel.hidden = false;
    if (hadFocus) cancel.focus();
    runButton.disabled = true;
    this.dataset.state = 'loading';
    status.textContent = 'Loading TensorFlow.js…';
    try {
      const { loadTfLayers } = await tfLoad();
      const preferred = this.preferred();
      if (preferred.length === 0) throw new Error('this browser cannot create a WebGL context; choose cpu.');
      const { tf, backend, failed } = await loadTfLayers({ preferred });
      const why = failed.length ? ` (${failed.map((f) => `${f.backend}: ${f.reason}`).join('; ')})` : this.webgl ? '' : ' (no WebGL in this browser)';
      this.el('backend').textContent = `${backend}${why}`;
      this.el('backend').dataset.backend = backend;
      if (backend === 'cpu' && cpuGuard(arch.multAdds) === 'refuse') {
        status.textContent = `Not run: ${formatInt(arch.multAdds)} mult-adds is too much for the cpu backend. Choose a smaller α or resolution.`;
        this.dataset.state = 'refused';
        return;
      }
      if (this.signal.aborted) throw new DOMException('cancelled', 'AbortError');
      status.textContent = `Building MobileNet V1 at α ${alpha}, ${res}×${res} on ${backend}…`;
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
          status.textContent = done === 0 ? `Built; forward pass 1 of ${total}…` : `Forward pass ${done} of ${total} done…`;
          // A cpu pass blocks the page; between passes let input (Cancel) and painting through.
          await new Promise((resolve) => setTimeout(resolve, 0));
          await tf.nextFrame();
        },
      });
      const count = this.el('count');
      const same = result.counts.total === result.expectedKeras;
      count.dataset.quantity = 'count-params';
      count.dataset.exact = String(result.counts.total);
      count.dataset.match = String(same);
      count.textContent = `${formatInt(result.counts.total)} (trainable ${formatInt(result.counts.trainable)}, non-trainable ${formatInt(result.counts.nonTrainable)}) — ${same ? 'equals' : 'differs from'} the site's Keras count, α ${alpha}, ${res}×${res}`;
      const build = this.el('build');
      build.dataset.ms = String(result.buildMs);
      build.textContent = ms(result.buildMs);
      const forward = this.el('forward');
      forward.dataset.ms = String(result.medianMs);
      forward.textContent = result.runs.length
        ? `${ms(result.medianMs)} (runs: ${result.runs.map(ms).join(', ')})`
        : 'cancelled before a timed pass';
      this.measured = { key: `${alpha}|${res}`, counted: result.counts.total, layers: result.layers };
      this.drawCharts();
      this.dataset.state = result.aborted ? 'cancelled' : 'done';
      status.textContent = result.aborted ? 'Cancelled; the model was disposed.' : `Done on ${result.backend}. The model was disposed.`;
    } catch (e) {
      if (e instanceof DOMException && e.name === 'AbortError') {
        this.dataset.state = 'cancelled';
        this.el('forward').textContent = 'cancelled before the model was built';
        status.textContent = 'Cancelled.';
      } else if (isFetchFailure(e)) {
        this.dataset.state = 'error';
        status.textContent = tfDownloadMessage();
      } else {
        this.dataset.state = 'error';
        status.textContent = `Could not run: ${e instanceof Error ? e.message : String(e)}`;
      }
    } finally {
      this.running = false;
      runButton.disabled = false;
      const cancelHadFocus = document.activeElement === cancel;
      cancel.hidden = true;
      if (cancelHadFocus) runButton.focus();
    }
  }
}

customElements.define('v1-model', V1Model);
