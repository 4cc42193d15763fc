/**
 * Browser side of every figure and control. Life cycle, once for all figures:
 *
 *   build time ── static SVG + disabled controls (readable with JavaScript off)
 *        │ page script runs
 *   controls enabled, store filled from the URL
 *        │ figure within 200 px of the viewport
 *   figure's render chunk loaded ── redraw from the store (patches the static SVG in place)
 *        │ (a failed fetch keeps the static SVG and is tried again: back online, or after a backoff)
 *        │ every store change while loaded
 *   redraw (same render function as the build) + polite summary for screen readers
 */
import { params, setParam } from './store';
import '../ui/scroll-regions';
import { FIGURES } from './registry';
import { lazy, retryLater } from './lazy';
import { patch } from './svg';
import type { FigureDef, FigureView } from './types';
import type { ParamName } from '../../lib/params';
import { ui } from '../../i18n';

const exportLoad = lazy(() => import('./export'));
const katexLoad = lazy(() => import('katex').then((m) => m.default));
function typeset(el: HTMLElement, tex: string): void {
  katexLoad().then(
    (katex) => {
      if (el.dataset.tex !== tex) return;
      el.innerHTML = katex.renderToString(tex, { displayMode: true, throwOnError: false });
      document.dispatchEvent(new Event('sep:typeset'));
    },
    // Offline: the formula keeps its last numbers until KaTeX arrives, then shows the newest.
    () => retryLater(() => el.dataset.tex === tex && typeset(el, tex), katexLoad),
  );
}

/**
 * A control for one shared parameter: a range with a number box, a select of choices, or step
 * buttons (data-delta = ±1). Controls render disabled at build time and are enabled here.
 */
class ParamControl extends HTMLElement {
  connectedCallback(): void {
    const name = this.dataset.params as ParamName;
    const range = this.querySelector<HTMLInputElement>('input[type=range]');
    const box = this.querySelector<HTMLInputElement>('input[type=number]');
    const select = this.querySelector('select');
    const buttons = [...this.querySelectorAll<HTMLButtonElement>('button[data-delta]')];
    const out = this.querySelector('output');
    const show = (v: number): void => {
      if (range && range.valueAsNumber !== v) range.value = String(v);
      if (box && document.activeElement !== box) box.value = String(v);
      if (select && select.value !== String(v)) select.value = String(v);
      // Steppers count from 1 for the reader (step 0 is “1 / N”).
      if (out) out.textContent = String(buttons.length > 0 ? v + 1 : v);
    };
    range?.addEventListener('input', () => setParam(name, range.value));
    box?.addEventListener('change', () => {
      box.value = String(setParam(name, box.value));
    });
    box?.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') box.value = String(setParam(name, box.value));
    });
    select?.addEventListener('change', () => setParam(name, select.value));
    for (const b of buttons) {
      b.addEventListener('click', () => {
        const max = Number(this.dataset.max ?? Infinity);
        const next = Math.min(max, Math.max(0, params.get()[name] + Number(b.dataset.delta)));
        setParam(name, next);
      });
    }
    params.subscribe((v) => show(v[name]));
    for (const input of [range, box, select, ...buttons]) input?.removeAttribute('disabled');
    this.dataset.ready = '';
  }
}

class SepFigure extends HTMLElement {
  private def?: FigureDef;
  private announceTimer = 0;
  private drawn = false;

  connectedCallback(): void {
    const id = this.dataset.figure ?? '';
    const load = FIGURES[id];
    if (!load) return;
    const menu = this.querySelector<HTMLDetailsElement>('[data-role=menu]');
    if (menu) {
      // The export code is fetched the first time a reader uses the menu.
      menu.addEventListener('click', (e) => {
        const button = (e.target as HTMLElement).closest<HTMLButtonElement>('button[data-action]');
        if (!button) return;
        const title = this.querySelector('svg title')?.textContent ?? id;
        exportLoad().then(
          (m) => m.runAction(this, button.dataset.action ?? '', title),
          () => {
            const status = this.querySelector('[data-role=menu-status]');
            if (status) status.textContent = ui().exportOffline;
          },
        );
      });
      menu.hidden = false;
    }
    // Lecture slides ask the figures of a newly shown slide to redraw from the store.
    this.addEventListener('sep:redraw', () => this.draw());
    // A figure that comes into view while its code cannot be fetched keeps its build-time picture
    // and hydrates as soon as the code arrives (back online, or on a later try).
    const start = (): void => {
      load().then(
        (def) => {
          this.def = def;
          params.subscribe(() => this.draw());
        },
        () => retryLater(start, load),
      );
    };
    if (!('IntersectionObserver' in window)) return start();
    const io = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          io.disconnect();
          start();
        }
      },
      { rootMargin: '200px' },
    );
    io.observe(this);
  }

  private generation = 0;

  private draw(): void {
    const def = this.def;
    if (!def) return;
    // A figure on a lecture slide that is not showing keeps its picture until its slide returns.
    if (this.closest('[data-slide]:not([data-active])')) return;
    const values = params.get();
    if (!def.compute) return this.show(def.render(values, this.dataset.uid ?? def.id));
    // Asynchronous data (e.g. TensorFlow.js): only the newest request may draw.
    const mine = ++this.generation;
    this.dataset.busy = '';
    def.compute(values).then(
      (data) => {
        if (mine !== this.generation) return;
        delete this.dataset.busy;
        this.show(def.render(values, this.dataset.uid ?? def.id, data));
      },
      () => {
        if (mine !== this.generation) return;
        delete this.dataset.busy;
        this.show(def.render(values, this.dataset.uid ?? def.id));
      },
    );
  }

  private show(view: FigureView): void {
    const svg = this.querySelector('svg');
    if (svg) patch(svg, view.svg);
    const formula = this.querySelector<HTMLElement>('[data-role=formula]');
    const tex = view.tex ?? '';
    if (formula && formula.dataset.tex !== tex) {
      formula.dataset.tex = tex;
      if (tex) typeset(formula, tex);
      else formula.textContent = '';
    }
    const live = this.querySelector('[data-role=announce]');
    const first = !this.drawn;
    this.drawn = true;
    if (first) this.dataset.ready = '';
    // Benchmarks and tests can wait for this instead of guessing when a redraw has happened.
    this.dispatchEvent(new Event('sep:drawn'));
    if (live && !first) {
      window.clearTimeout(this.announceTimer);
      this.announceTimer = window.setTimeout(() => (live.textContent = view.summary), 400);
    }
  }
}

customElements.define('param-control', ParamControl);
customElements.define('sep-figure', SepFigure);
