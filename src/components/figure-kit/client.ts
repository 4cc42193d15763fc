/**
 * Browser side of every figure and control. Life cycle, once for all figures:
 *
 *   build time ── static SVG + disabled controls (readable with JavaScript off)
 *        │ page script runs
 *   controls enabled, store filled from the URL
 *        │ figure within 200 px of the viewport
 *   figure's render chunk loaded ── redraw from the store (patches the static SVG in place)
 *        │ every store change while loaded
 *   redraw (same render function as the build) + polite summary for screen readers
 */
import { params, setParam } from './store';
import { FIGURES } from './registry';
import { patch } from './svg';
import type { FigureDef, FigureView } from './types';
import type { ParamName } from '../../lib/params';

let katexLoad: Promise<typeof import('katex').default> | undefined;
function typeset(el: HTMLElement, tex: string): void {
  katexLoad ??= import('katex').then((m) => m.default);
  void katexLoad.then((katex) => {
    if (el.dataset.tex === tex) el.innerHTML = katex.renderToString(tex, { displayMode: true, throwOnError: false });
  });
}

class ParamControl extends HTMLElement {
  connectedCallback(): void {
    const name = this.dataset.params as ParamName;
    const range = this.querySelector<HTMLInputElement>('input[type=range]');
    const box = this.querySelector<HTMLInputElement>('input[type=number]');
    const out = this.querySelector('output');
    const show = (v: number): void => {
      if (range && range.valueAsNumber !== v) range.value = String(v);
      if (box && document.activeElement !== box) box.value = String(v);
      if (out) out.textContent = String(v);
    };
    range?.addEventListener('input', () => setParam(name, range.value));
    box?.addEventListener('change', () => {
      box.value = String(setParam(name, box.value));
    });
    box?.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') box.value = String(setParam(name, box.value));
    });
    params.subscribe((v) => show(v[name]));
    for (const input of [range, box]) input?.removeAttribute('disabled');
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
    const start = (): void => {
      void load().then((def) => {
        this.def = def;
        params.subscribe(() => this.draw());
        this.dataset.ready = '';
      });
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

  private draw(): void {
    if (!this.def) return;
    const view: FigureView = this.def.render(params.get(), this.dataset.uid ?? this.def.id);
    const svg = this.querySelector('svg');
    if (svg) patch(svg, view.svg);
    const formula = this.querySelector<HTMLElement>('[data-role=formula]');
    if (formula && view.tex !== undefined && formula.dataset.tex !== view.tex) {
      formula.dataset.tex = view.tex;
      typeset(formula, view.tex);
    }
    const live = this.querySelector('[data-role=announce]');
    const first = !this.drawn;
    this.drawn = true;
    if (live && !first) {
      window.clearTimeout(this.announceTimer);
      this.announceTimer = window.setTimeout(() => (live.textContent = view.summary), 400);
    }
  }
}

customElements.define('param-control', ParamControl);
customElements.define('sep-figure', SepFigure);
