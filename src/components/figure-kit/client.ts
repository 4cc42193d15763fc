/**
 * Browser side of every figure and control. Life cycle, once for all figures:
 *
 *   build time ── static SVG + disabled controls (readable with JavaScript off)
 *        │ page script runs
 *   controls enabled, store filled from the URL
 *        │ figure within 200 px of the viewport
 *   figure's render chunk loaded ── keep the build's picture that CSS shows for this box (wide
 *        │  (on a Chinese page,        or narrow), drop the other, redraw it for the measured width
 *        │   its words too)
 *        │ (a failed fetch keeps the static SVG and is tried again: back online, or after a backoff)
 *        │ every store change, and every change of the box's width, while loaded
 *   redraw (same render function as the build) + polite summary for screen readers
 *        (a redraw that needs words not fetched yet, such as a refusal's, keeps the picture shown,
 *        fetches them and redraws)
 */
import { subscribeKeys } from 'nanostores';
import { params, setParam } from './store';
import '../ui/scroll-regions';
import './term-links';
import './ghosts';
import { FIGURES } from './registry';
import { lazy, retryLater } from './lazy';
import { patch, patchFrom, type SvgNode } from './svg';
import { frameFor } from './frame';
import type { FigureContext, FigureDef, FigureFrame, FigureParams, FigureView } from './types';
import type { ParamName } from '../../lib/params';
import { divisors } from '../../lib/divisors';
import { loadFigureWords, loadWords, wordsReady, type WordArea } from '../../i18n/figures.load';
import { WordsNotRegistered } from '../../i18n/registry';
import type { Lang } from '../../lib/locale';
import { importAfresh, type Retryable } from '../../lib/lazy';
import { langAt } from './lang';

const exportLoad = lazy(() => importAfresh(() => import('./export')));

/**
 * Words in a language: one figure's (English is in its code), which a Chinese page fetches with
 * the figure and which it waits for before its first redraw; or one area's (the kit's, the
 * parameters', the cost model's refusals), fetched when something first reads them: the menu
 * waits for the kit's before it acts, and a redraw that asks for an area not yet here fetches it
 * and draws again (see `render`). Nothing is fetched with the page itself: a figure out of view
 * asks for nothing, and the first one draws without the kit's words.
 */
const wordLoads = new Map<string, Retryable<void>>();
function words(lang: Lang, what: { figure: string } | { area: WordArea }): Retryable<void> {
  const key = 'figure' in what ? `${lang}:${what.figure}` : `${lang}/${what.area}`;
  let load = wordLoads.get(key);
  if (!load) {
    const get = 'figure' in what ? () => loadFigureWords(lang, what.figure) : () => loadWords(lang, what.area);
    wordLoads.set(key, (load = lazy(get)));
  }
  return load;
}
/** KaTeX, and the code that redraws a formula by its numbers, once fetched (a control taken, or a first change, fetches them). */
let katexNow: { katex: typeof import('katex').default; fast: typeof import('./renumber'); write: Typesetting } | undefined;
/**
 * What writes a typeset formula into the page: the site's trimming of KaTeX's markup, and what
 * tells whether the page's own KaTeX rules and faces draw a markup (katex-sheets.ts).
 */
interface Typesetting {
  lighterKatex: typeof import('../../lib/katex-markup').lighterKatex;
  untilDrawable: typeof import('./katex-sheets').untilDrawable;
}
const katexLoad = lazy(() =>
  Promise.all([importAfresh(() => import('katex')), importAfresh(() => import('./renumber')), importAfresh(() => import('../../lib/katex-markup')), importAfresh(() => import('./katex-sheets'))]).then(([k, fast, markup, sheets]) => {
    katexNow = { katex: k.default, fast, write: { lighterKatex: markup.lighterKatex, untilDrawable: sheets.untilDrawable } };
    return katexNow;
  }),
);
/**
 * Fetch KaTeX and the code that redraws formulas now, not at the first change: a deck does, so that
 * its slides still typeset offline (nothing is fetched while the browser says it is offline).
 */
export function preloadTypesetting(): Promise<unknown> {
  return katexLoad();
}
/** The TeX each formula's drawing shows (the build's, in data-tex, until it is first changed). */
const shownTex = new WeakMap<HTMLElement, string>();
/**
 * Show the formula `tex` in `el`. When where its shape draws its numbers is known, they are written
 * into the drawing in the frame after the picture's (renumber.ts, renumberNextFrame: a few text
 * nodes, no typesetting). When more than numbers changed (a number grew a thousands separator, =
 * became ≈), or where its numbers are drawn is not known yet, the drawing alone is typeset after
 * the picture's frame, about half the work of the whole. The MathML that screen readers read
 * follows once the changes pause (renumber.ts, settle).
 */
function typeset(el: HTMLElement, tex: string): void {
  const k = katexNow;
  if (!k?.fast.renumberNextFrame(el, shownTex, (shown, want) => redrawn(k, el, shown, want, 'numbers'), (want) => typesetLater(el, want))) typesetLater(el, tex);
}

/** Typeset `el`'s drawing as `tex` after the frame that draws the picture (a drag's newest only). */
function typesetLater(el: HTMLElement, tex: string): void {
  // After the frame that draws the picture has painted: the picture reaches the screen first, and
  // the formula follows in a task of its own (a drag's newest only).
  window.setTimeout(() => {
    if (el.dataset.tex !== tex) return;
    const shown = shownTex.get(el);
    if (!katexNow || shown === undefined) return typesetWhole(el, tex);
    const { lighterKatex, untilDrawable } = katexNow.write;
    const how = katexNow.fast.redrawDuringDrag(el, shown, tex, katexNow.katex, lighterKatex, (markup) => untilDrawable(markup) === undefined);
    if (!how) return typesetWhole(el, tex);
    redrawn(katexNow, el, shown, tex, how);
  }, 0);
}

/** After `el`'s drawing went from `shown` to `tex` during a drag: its MathML once changes pause. */
function redrawn(k: NonNullable<typeof katexNow>, el: HTMLElement, shown: string, tex: string, how: 'numbers' | 'drawing'): void {
  shownTex.set(el, tex);
  // Digits are all one width: only numbers that grew or shrank change the formula's width,
  // which those listening (scrolling regions, a slide fitting its formulas) measure.
  if (how === 'drawing' || tex.length !== shown.length) el.dispatchEvent(new Event('sep:typeset', { bubbles: true }));
  // Once changes pause: its MathML, or the whole formula where the drawing no longer shows `tex`.
  k.fast.settle(el, tex, shownTex, k, () => typesetWhole(el, tex));
}

/** Typeset `el` whole as `tex` (renumber.ts, typesetWhole), once KaTeX is here. */
function typesetWhole(el: HTMLElement, tex: string): void {
  katexLoad().then(
    (k) => k.fast.typesetWhole(el, tex, shownTex, k),
    // Offline: the formula keeps its last numbers until KaTeX arrives, then shows the newest.
    () => retryLater(() => el.dataset.tex === tex && typesetWhole(el, tex), katexLoad),
  );
}

/**
 * A control for one shared parameter: a range with a number box, a select of choices, step
 * buttons (data-delta = ±1), or a range over the divisors of another parameter (data-divides).
 * Controls render disabled at build time and are enabled here.
 */
class ParamControl extends HTMLElement {
  connectedCallback(): void {
    const name = this.dataset.params as ParamName;
    const range = this.querySelector<HTMLInputElement>('input[type=range]');
    const box = this.querySelector<HTMLInputElement>('input[type=number]');
    const select = this.querySelector('select');
    const buttons = [...this.querySelectorAll<HTMLButtonElement>('button[data-delta]')];
    const out = this.querySelector('output');
    // A divisor slider (data-divides): the range moves through the divisors of another parameter.
    const of = this.dataset.divides as ParamName | undefined;
    const note = this.querySelector<HTMLElement>('[data-role=divisor-note]');
    let whole = 0;
    let steps: number[] = [];
    const fit = (w: number): void => {
      if (!of || w === whole) return;
      whole = w;
      steps = divisors(w);
      if (range) range.max = String(steps.length - 1);
      if (note) {
        note.textContent = (this.dataset.note ?? '')
          .replace('{count}', String(steps.length))
          .replace('{symbol}', this.dataset.symbol ?? of)
          .replace('{value}', String(w));
      }
    };
    const show = (v: number): void => {
      if (range && of) {
        const i = String(Math.max(0, steps.indexOf(v)));
        if (range.value !== i) range.value = i;
        range.setAttribute('aria-valuetext', String(v));
      } else if (range && range.valueAsNumber !== v) range.value = String(v);
      if (box && document.activeElement !== box) box.value = String(v);
      if (select && select.value !== String(v)) select.value = String(v);
      // Steppers count from 1 for the reader (step 0 is “1 / N”).
      if (out) out.textContent = String(buttons.length > 0 ? v + 1 : v);
    };
    range?.addEventListener('input', () => setParam(name, of ? (steps[range.valueAsNumber] ?? 1) : range.value));
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
    subscribeKeys(params, of ? [name, of] : [name], (v) => {
      if (of) fit(v[of]);
      show(v[name]);
    });
    for (const input of [range, box, select, ...buttons]) input?.removeAttribute('disabled');
    // A reader who takes a control (focus, a pointer down) is about to change a value: the code
    // that redraws formulas is fetched now, not by the first change, where its parsing shared the
    // frames of the first steps (at 4x CPU throttle, the first step's formula came 178 ms after
    // the key on /depthwise-separable/), and where the formulas draw their numbers is found while
    // the page is idle (renumber.ts, learnShapes).
    const warm = (): void => {
      if (document.querySelector('[data-role=formula]')) katexLoad().then((k) => k.fast.learnShapes(document, k), () => 0);
    };
    this.addEventListener('focusin', warm, { once: true });
    this.addEventListener('pointerdown', warm, { once: true });
    this.dataset.ready = '';
  }
}

/** A figure's answer that takes longer than this dims its picture until it arrives. */
const SLOW_MS = 250;

/** Changes closer together than this are one movement (a drag): no easing between them. */
const MOVING_MS = 300;

/**
 * How long an off-screen figure waits after the last change before it redraws. Long enough that a
 * drag on a slow phone, a step every tenth of a second or so, never stops for it (each such redraw
 * is a task of its own that a step's input would wait behind); a figure coming near the screen
 * redraws at once (flush), and printing draws every figure first.
 */
const OFF_SCREEN_DELAY_MS = 800;

/**
 * Which figures are on screen. Only they redraw at every change: a figure just above or below the
 * one a reader drags (both drawn from M, say) waits until the changes pause, or until it comes
 * near the screen (`nearScreen`), which redraws it before it shows.
 */
const onScreen =
  'IntersectionObserver' in window
    ? new IntersectionObserver((entries) => {
        for (const e of entries) {
          const fig = e.target as SepFigure;
          fig.inView = e.isIntersecting;
          // Off screen its marks do not ease (global.css): each frame of easing would repaint
          // the page for marks nobody sees. Set as it crosses, not at every change.
          fig.toggleAttribute('data-far', !fig.inView);
          if (fig.inView) fig.flush(false);
        }
      })
    : undefined;

/** Figures within half a screen of it: a redraw still waiting happens as one comes this close. */
const nearScreen =
  'IntersectionObserver' in window
    ? new IntersectionObserver(
        (entries) => {
          for (const e of entries) if (e.isIntersecting) (e.target as SepFigure).flush(true);
        },
        { rootMargin: '50% 0px' },
      )
    : undefined;

window.addEventListener('beforeprint', () => {
  for (const fig of document.querySelectorAll<SepFigure>('sep-figure')) fig.flush?.(true);
});

class SepFigure extends HTMLElement {
  private def?: FigureDef;
  private announceTimer = 0;
  private drawn = false;
  /** Width of the picture's box when it was last drawn (CSS px, or canvas px on slides). */
  private boxWidth = 0;
  private pendingFrame = 0;

  /** Whether the figure is on screen or close to it (see `onScreen` below); true until known. */
  inView = true;
  private pendingLater = 0;

  /**
   * Redraw before the next paint, several requests in one frame making one redraw. A figure off
   * screen redraws once changes pause instead, so a drag repaints only the figures a reader sees.
   */
  private schedule(): void {
    if (!this.inView) {
      window.clearTimeout(this.pendingLater);
      this.pendingLater = window.setTimeout(() => {
        this.pendingLater = 0;
        this.draw();
      }, OFF_SCREEN_DELAY_MS);
      return;
    }
    if (this.pendingFrame) return;
    this.pendingFrame = requestAnimationFrame(() => {
      this.pendingFrame = 0;
      this.draw();
    });
  }

  /**
   * When the last change came (performance.now()). None yet reads as long ago: a first change
   * soon after the page opened is not a drag.
   */
  private lastChange = -Infinity;
  private movingTimer = 0;
  /** Holds the figure's boxes at their tallest from a change until changes pause (hold.ts). */
  private holdStill?: () => void;

  /**
   * Changes that follow each other within MOVING_MS (a drag, a held arrow key) mark the figure
   * `data-moving` until they pause; its CSS then drops the easing of its marks.
   */
  private markMoving(): void {
    // Off screen nothing eases (the figure redraws once changes pause).
    if (!this.inView) return;
    const now = performance.now();
    if (now - this.lastChange < MOVING_MS && this.dataset.moving === undefined) this.dataset.moving = '';
    this.lastChange = now;
    // The picture and the whole figure keep still through a drag (hold.ts), released with the
    // formula's own hold once changes pause (renumber.ts, settle). That code comes with the
    // formulas' (a first change fetches it).
    if (katexNow) (this.holdStill ??= katexNow.fast.holdWhileMoving([...this.querySelectorAll<HTMLElement>('figure,.fig-frame')], katexNow.fast.SETTLE_MS))();
    if (this.dataset.moving === undefined) return;
    window.clearTimeout(this.movingTimer);
    this.movingTimer = window.setTimeout(() => delete this.dataset.moving, MOVING_MS);
  }

  /** Came on screen, or the page is about to print: a redraw still waiting happens now. */
  flush(now: boolean): void {
    if (!this.pendingLater) return;
    window.clearTimeout(this.pendingLater);
    this.pendingLater = 0;
    if (now) this.draw();
    else this.schedule();
  }

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
        const lang = langAt(this);
        Promise.all([exportLoad(), words(lang, { figure: id })(), words(lang, { area: 'kit' })()]).then(
          ([m]) => m.runAction(this, button.dataset.action ?? '', title),
          () => {
            // The build wrote this sentence in the page's language: it needs nothing downloaded.
            const status = this.querySelector<HTMLElement>('[data-role=menu-status]');
            if (status) status.textContent = status.dataset.offline ?? '';
          },
        );
      });
      menu.hidden = false;
    }
    // Lecture slides ask the figures of a newly shown slide to redraw from the store.
    this.addEventListener('sep:redraw', () => this.draw());
    // A figure that comes into view while its code cannot be fetched keeps its build-time picture
    // and hydrates as soon as the code arrives (back online, or on a later try).
    const text = words(langAt(this), { figure: id });
    const start = (): void => {
      Promise.all([load(), text()]).then(
        ([def]) => {
          this.def = def;
          this.keepShownVariant();
          onScreen?.observe(this);
          nearScreen?.observe(this);
          // Only the figure's own parameters redraw it, at most once per frame however many
          // inputs a fast drag fires in between.
          let first = true;
          subscribeKeys(params, [...def.params], () => {
            // The first call is the subscription itself, not a change.
            if (!first) this.markMoving();
            first = false;
            this.schedule();
          });
          // A new width (rotation, window resize, a slide scaled to another screen) gets a new layout.
          // Its callback runs just after layout, so reading the box there costs nothing; a redraw
          // then uses that size instead of asking for a layout between two figures' patches.
          if ('ResizeObserver' in window) {
            const frame = this.querySelector('.fig-frame');
            if (frame)
              new ResizeObserver(() => {
                this.known = { width: this.measure(), height: this.measureHeight() };
                if (this.known.width === this.boxWidth && this.known.height === this.boxHeight) return;
                this.schedule();
              }).observe(frame);
          }
        },
        () => retryLater(start, load.wait() >= text.wait() ? load : text),
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

  /**
   * The build drew a wide and a narrow picture (and formula) and CSS shows the one that fits. Keep
   * that one and remove the others, so ids stay unique and one picture is patched from now on.
   */
  private keepShownVariant(): void {
    const all = [...this.querySelectorAll<Element>('[data-variant]')];
    if (new Set(all.map((el) => el.getAttribute('data-variant'))).size < 2) return;
    const shown = all.find((el) => el.tagName.toLowerCase() === 'svg' && getComputedStyle(el).display !== 'none');
    const keep = shown?.getAttribute('data-variant') ?? all[0].getAttribute('data-variant');
    for (const el of all) if (el.getAttribute('data-variant') !== keep) el.remove();
  }

  /** The width the picture may take: its box's width in layout pixels (untransformed). */
  private measure(): number {
    return this.querySelector('.fig-frame')?.clientWidth ?? 0;
  }

  /** On a slide, the height the picture's box has (the slide sets it); 0 elsewhere. */
  private measureHeight(): number {
    return this.dataset.context === 'slide' ? (this.querySelector('.fig-frame')?.clientHeight ?? 0) : 0;
  }

  private boxHeight = 0;

  /** The box's size as the ResizeObserver last reported it (width 0: not known, or hidden). */
  private known = { width: 0, height: 0 };

  private generation = 0;

  private draw(): void {
    const def = this.def;
    if (!def) return;
    // A figure on a lecture slide that is not showing keeps its picture until its slide returns.
    if (this.closest('[data-slide]:not([data-active])')) return;
    // Measuring here would force a layout for every figure a change redraws in this frame.
    const box = this.known.width || this.measure();
    // A hidden box (display: none) has no width to lay out for; it is drawn when shown.
    if (box === 0) return;
    this.boxWidth = box;
    this.boxHeight = this.known.width ? this.known.height : this.measureHeight();
    const frame = frameFor(this.dataset.uid ?? def.id, box, (this.dataset.context ?? 'page') as FigureContext, this.boxHeight, langAt(this));
    const values = params.get();
    if (!def.compute) return this.show(this.render(def, values, frame));
    // Asynchronous data (e.g. TensorFlow.js): only the newest request may draw.
    const mine = ++this.generation;
    this.computing(true);
    def.compute(values).then(
      (data) => {
        if (mine !== this.generation) return;
        this.computing(false);
        this.show(this.render(def, values, frame, data));
      },
      () => {
        if (mine !== this.generation) return;
        this.computing(false);
        this.show(this.render(def, values, frame));
      },
    );
  }

  private slowTimer = 0;

  /**
   * The figure computes (data-busy) or has finished. Its picture dims (data-slow) only once it
   * has waited SLOW_MS for an answer (newer requests replacing older ones): most answers take a
   * frame or two, and dimming for those made the picture flicker at every step of a drag, and
   * repainted all of it twice.
   */
  private computing(on: boolean): void {
    if (on) {
      if (this.dataset.busy === undefined) this.slowTimer = window.setTimeout(() => (this.dataset.slow = ''), SLOW_MS);
      this.dataset.busy = '';
      return;
    }
    window.clearTimeout(this.slowTimer);
    delete this.dataset.busy;
    delete this.dataset.slow;
  }

  /**
   * The figure's view, or none when drawing it needs words of the page's edition that have not
   * arrived (a refusal's, a parameter's choice): the figure keeps the picture it shows, never an
   * English or empty one, fetches those words (tried again while they fail) and draws again.
   */
  private render(def: FigureDef, values: FigureParams, frame: FigureFrame, data?: unknown): FigureView | undefined {
    try {
      return def.render(values, frame, data);
    } catch (e) {
      // Words that arrived and still are not there would be a mistake in their module: it shows.
      if (!(e instanceof WordsNotRegistered) || wordsReady(e.lang, e.area)) throw e;
      const load = words(e.lang, { area: e.area });
      load().then(
        () => this.schedule(),
        () => retryLater(() => this.schedule(), load),
      );
      return undefined;
    }
  }

  /** The tree the picture was last patched with, and the element it was patched into. */
  private shown?: { svg: Element; tree: SvgNode };

  private show(view: FigureView | undefined): void {
    if (!view) return;
    const svg = this.querySelector('svg');
    if (svg) {
      // The first redraw reads the build's picture from the page; each later one compares the new
      // tree with the last in JavaScript and touches only what changed (a step moves a few marks
      // among hundreds), instead of reading every attribute back from the page.
      if (this.shown?.svg === svg) patchFrom(svg, this.shown.tree, view.svg);
      else patch(svg, view.svg);
      this.shown = { svg, tree: view.svg };
    }
    const formula = this.querySelector<HTMLElement>('[data-role=formula]');
    const tex = view.tex ?? '';
    if (formula && formula.dataset.tex !== tex) {
      // Until typeset here, the drawing is the build's, of the TeX it was written with.
      if (!shownTex.has(formula) && formula.dataset.tex) shownTex.set(formula, formula.dataset.tex);
      formula.dataset.tex = tex;
      if (tex) typeset(formula, tex);
      else {
        formula.textContent = '';
        shownTex.delete(formula);
      }
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
