/**
 * The lecture player. One slide at a time on a 1280×720 canvas scaled to the screen; keyboard and
 * clicker navigation through slides and their step builds, with the position in the URL hash
 * (#slide-5.2); each slide's figure set to its preset; an overview of all slides; go-to-slide by
 * number; a black screen; a laser pointer; and the presenter console, kept in step with the room's
 * window over a BroadcastChannel (position, black screen, laser and slider values both ways).
 *
 *   room window ──state / blank / laser / pointer / params──▶ presenter console (?presenter=1)
 *               ◀─────────────── the same messages ──────────
 *   presenter console ── the next slide in an iframe (?preview=1#slide-N): canvas only, no keys
 *
 * What the player shows is a DeckState (state.ts): keys, clicks, messages and the clock go through
 * its pure transitions, and each change patches the parts of the view (view.ts) that the build
 * rendered from the same function. What stays here is what only a browser does: focus, the URL,
 * the channel, fitting the canvas and the slides' own attributes (which one shows, which builds).
 *
 * Everything a deck needs is fetched up front, so it runs offline once loaded.
 */
import { preloadTypesetting } from '../figure-kit/client';
import { FIGURES } from '../figure-kit/registry';
import { params, setParams } from '../figure-kit/store';
import { patch } from '../figure-kit/svg';
import { PARAM_NAMES, isParamName, parseParams, type ParamValues } from '../../lib/params';
import { fitCanvas } from './canvas';
import { formatPosition, parsePositionClamped, type Position } from './position';
import { readTree } from './read';
import {
  clearGoto,
  first,
  goTo,
  initialDeck,
  jumpToTyped,
  keyCommand,
  last,
  overviewMove,
  pointAt,
  press,
  resetTimer,
  setAwake,
  setBlank,
  setLaser,
  setOverview,
  start,
  tick,
  toggleTimer,
  typeDigit,
  type DeckState,
} from './state';
import { DECK_PARTS, PART_ROLE, partView, stillCopy, type DeckContent, type DeckPart } from './view';
import { LECTURE } from '../../i18n/lecture';

/** The deck's words, in the language of the page. */
const t = LECTURE[document.documentElement.lang.startsWith('zh') ? 'zh' : 'en'];

type Message =
  | { type: 'hello' }
  | { type: 'state'; slide: number; step: number; blank?: boolean; laser?: boolean }
  | { type: 'blank'; on: boolean }
  | { type: 'laser'; on: boolean }
  | { type: 'pointer'; x: number; y: number } // canvas px; x < 0 hides the dot
  | { type: 'params'; values: ParamValues };

/** Keys typed into a control belong to the control, not to the deck. */
function isEditing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el) return false;
  return el.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA'].includes(el.tagName);
}

/** Parts whose trees are large: patched only when what they show changed. */
const HEAVY: Partial<Record<DeckPart, (s: DeckState, c: DeckContent) => unknown[]>> = {
  overview: (s, c) => [s.overview, s.pos.slide, c.thumbs],
  notes: (s, c) => [s.ready, c.notes],
  next: (s) => [s.ready, s.pos.slide],
};

class DeckPlayer extends HTMLElement {
  private slides: HTMLElement[] = [];
  /** The step builds of each slide, in the order they appear. */
  private fragments: HTMLElement[][] = [];
  private state: DeckState = initialDeck([], 0);
  private content: DeckContent = { titles: [], exitHref: '', path: '', presenter: false };
  private mode: 'room' | 'presenter' | 'preview' = 'room';
  private channel?: BroadcastChannel;
  private stage!: HTMLElement;
  private canvas!: HTMLElement;
  private place = { scale: 1, x: 0, y: 0 };
  /** What each heavy part was last drawn from. */
  private drawn = new Map<DeckPart, unknown[]>();
  private digitsTimer = 0;
  private awakeTimer = 0;
  private fitFrame = 0;
  private pointerFrame = 0;
  /** Slider values last received from the other window (not sent back). */
  private remoteParams = '';

  private byRole<T extends HTMLElement = HTMLElement>(name: string): T | null {
    return this.querySelector<T>(`[data-role="${name}"]`);
  }

  connectedCallback(): void {
    const html = document.documentElement.classList;
    this.mode = html.contains('preview') ? 'preview' : html.contains('presenter') ? 'presenter' : 'room';
    this.stage = this.byRole('stage') ?? this;
    this.canvas = this.byRole('canvas') ?? this;
    this.slides = [...this.canvas.querySelectorAll<HTMLElement>(':scope > [data-slide]')];
    if (this.slides.length === 0) return;
    this.fragments = this.slides.map((s) => {
      s.querySelectorAll('[data-fragment-items] li').forEach((li) => li.setAttribute('data-fragment', ''));
      return [...s.querySelectorAll<HTMLElement>('[data-fragment]')];
    });
    this.slides.forEach((s) => {
      const title = s.querySelector<HTMLElement>('.slide-title');
      if (title) title.tabIndex = -1;
    });
    this.content = {
      titles: this.slides.map((s) => s.querySelector('.slide-title')?.textContent ?? ''),
      exitHref: this.querySelector('.deck-exit')?.getAttribute('href') ?? '',
      path: location.pathname,
      presenter: this.mode === 'presenter',
    };
    const initial = initialDeck(
      this.fragments.map((f) => f.length),
      Number(this.dataset.minutes),
      Date.now(),
    );
    // The preview frame is a picture: its controls never start.
    this.state = this.mode === 'preview' ? initial : start(initial);

    const linkedState = PARAM_NAMES.some((n) => new URLSearchParams(location.search).has(n));
    this.go(parsePositionClamped(location.hash, this.state.steps) ?? { slide: 0, step: 0 }, { preset: !linkedState, broadcast: false, focus: false });
    window.addEventListener('hashchange', () => {
      const p = parsePositionClamped(location.hash, this.state.steps);
      if (p && formatPosition(p) !== formatPosition(this.state.pos)) this.go(p);
      // A slide hash that names no slide as written (#slide-9999, #slide-x) is corrected in place.
      else if (location.hash.startsWith('#slide-') && location.hash !== formatPosition(this.state.pos)) {
        history.replaceState(history.state, '', `${location.pathname}${location.search}${formatPosition(this.state.pos)}`);
      }
    });
    const refit = (): void => {
      cancelAnimationFrame(this.fitFrame);
      this.fitFrame = requestAnimationFrame(() => this.fit());
    };
    window.addEventListener('resize', refit);
    new ResizeObserver(refit).observe(this.stage);
    document.addEventListener('sep:typeset', () => this.fitFormulas());
    this.fit();
    if (this.mode === 'preview') {
      // A picture of the next slide inside the presenter console: nothing in it to reach or read twice.
      this.inert = true;
      this.setAttribute('aria-hidden', 'true');
      return;
    }
    this.preload();

    document.addEventListener('keydown', (e) => this.onKey(e));
    // The bar's and the console's buttons (a figure's own menu buttons are the figure's).
    this.addEventListener('click', (e) => {
      const b = (e.target as Element | null)?.closest<HTMLButtonElement>('[data-role=bar] button[data-action], [data-role=clock] button[data-action]');
      if (b) this.onAction(b.dataset.action ?? '');
    });
    // The control bar shows while the mouse moves (and whenever it holds the focus).
    document.addEventListener('pointermove', () => {
      this.set(setAwake(this.state, true));
      window.clearTimeout(this.awakeTimer);
      this.awakeTimer = window.setTimeout(() => this.set(setAwake(this.state, false)), 2500);
    });
    this.stage.addEventListener('pointermove', (e) => this.onPointer(e));
    this.stage.addEventListener('pointerleave', () => this.pointAt(-1, -1, true));
    this.byRole('overview')?.addEventListener('click', (e) => {
      const link = (e.target as HTMLElement).closest<HTMLAnchorElement>('a[data-index]');
      if (!link) return;
      e.preventDefault();
      this.closeOverview();
      this.go({ slide: Number(link.dataset.index), step: 0 });
    });

    if ('BroadcastChannel' in window) {
      this.channel = new BroadcastChannel(`separable-deck:${this.dataset.deck}`);
      this.channel.onmessage = (e: MessageEvent<Message>) => this.onMessage(e.data);
      params.listen((values) => {
        const json = JSON.stringify(values);
        if (json !== this.remoteParams) this.post({ type: 'params', values });
      });
      this.post({ type: 'hello' });
    }
    if (this.mode === 'presenter') {
      this.set(tick(this.state, Date.now()));
      window.setInterval(() => this.set(tick(this.state, Date.now())), 500);
    }
  }

  // ── State and view ──────────────────────────────────────────────────────────────────────────

  /** Take a new state and patch the parts of the view; the same state draws nothing. */
  private set(next: DeckState): void {
    if (next === this.state && this.drawn.size > 0) return;
    this.state = next;
    this.draw();
  }

  private draw(): void {
    const s = this.state;
    for (const part of DECK_PARTS) {
      const inputs = HEAVY[part]?.(s, this.content);
      const before = this.drawn.get(part);
      if (inputs && before && inputs.every((x, i) => x === before[i])) continue;
      const el = this.byRole(PART_ROLE[part]);
      if (el) patch(el, partView(part, s, t, this.content));
      this.drawn.set(part, inputs ?? []);
    }
    // The page's own elements that reflect the state: the stage is out of reach behind the
    // overview, and the canvas shows the laser's cursor.
    this.stage.toggleAttribute('inert', s.overview);
    this.canvas.toggleAttribute('data-laser', s.laser);
  }

  // ── Position ────────────────────────────────────────────────────────────────────────────────

  /** Show a position (clamped): its slide, its figure at its preset, its first `step` builds. */
  go(to: Position, { preset = true, broadcast = true, focus = true }: { preset?: boolean; broadcast?: boolean; focus?: boolean } = {}): void {
    const before = this.state.pos;
    const next = goTo(this.state, to);
    const p = next.pos;
    const changed = p.slide !== before.slide || !this.slides[p.slide].hasAttribute('data-active');
    const focusWasInside = this.slides[before.slide]?.contains(document.activeElement);
    const slide = this.slides[p.slide];
    if (changed) {
      this.slides.forEach((s, k) => s.toggleAttribute('data-active', k === p.slide));
      const presetQuery = slide.dataset.preset ?? '';
      if (preset && presetQuery) {
        const names = [...new URLSearchParams(presetQuery).keys()].filter(isParamName);
        setParams(parseParams(presetQuery, names).values);
      }
      slide.querySelectorAll('sep-figure').forEach((f) => f.dispatchEvent(new Event('sep:redraw')));
      if (this.mode === 'presenter') this.content = { ...this.content, notes: [...slide.querySelectorAll('[data-role=notes]')].map(readTree) };
    }
    this.fragments[p.slide].forEach((f, k) => f.toggleAttribute('data-shown', k < p.step));
    history.replaceState(history.state, '', `${location.pathname}${location.search}${formatPosition(p)}`);
    this.set(next);
    if (changed && this.mode === 'presenter') {
      const notes = this.byRole('notes-view');
      if (notes) notes.scrollTop = 0;
    }
    if (changed) requestAnimationFrame(() => this.fitFormulas());
    if (changed && focus && focusWasInside) slide.querySelector<HTMLElement>('.slide-title')?.focus();
    if (broadcast) this.post({ type: 'state', slide: p.slide, step: p.step });
  }

  /** Scale the canvas to the largest size that fits its stage. */
  private fit(): void {
    this.place = fitCanvas(this.stage.clientWidth, this.stage.clientHeight);
    const { scale, x, y } = this.place;
    this.canvas.style.transform = `translate(${x}px, ${y}px) scale(${scale})`;
  }

  /**
   * A figure's formula stands beside its controls when there is room, else on a row of its own,
   * and shrinks (to no less than 70%) only if even that row is too narrow. Display math in the
   * slide's text shrinks the same way if it is wider than the slide (it is written to fit; this
   * keeps a live value or a long number from being cut off).
   */
  private fitFormulas(): void {
    const slide = this.slides[this.state.pos.slide];
    for (const fig of slide.querySelectorAll<HTMLElement>('.slide-figure sep-figure')) {
      const box = fig.querySelector<HTMLElement>('.formula');
      const tex = box?.querySelector<HTMLElement>('.katex-display > .katex');
      if (!box || !tex) continue;
      tex.style.fontSize = '';
      fig.removeAttribute('data-formula-row');
      if (tex.scrollWidth <= box.clientWidth + 1) continue;
      fig.setAttribute('data-formula-row', '');
      if (tex.scrollWidth > box.clientWidth + 1) tex.style.fontSize = `${Math.max(0.7, box.clientWidth / tex.scrollWidth)}em`;
    }
    for (const tex of slide.querySelectorAll<HTMLElement>('.slide-text .katex-display > .katex')) {
      tex.style.fontSize = '';
      const box = tex.parentElement as HTMLElement;
      if (tex.scrollWidth > box.clientWidth + 1) tex.style.fontSize = `${Math.max(0.6, box.clientWidth / tex.scrollWidth)}em`;
    }
  }

  // ── Keys and buttons ────────────────────────────────────────────────────────────────────────

  private onKey(e: KeyboardEvent): void {
    if (e.altKey || e.ctrlKey || e.metaKey || isEditing(e.target)) return;
    const target = e.target as HTMLElement | null;
    const onButton = target?.tagName === 'BUTTON' || target?.tagName === 'SUMMARY' || target?.tagName === 'A';
    const s = this.state;
    const command = keyCommand(e.key, { shift: e.shiftKey, onButton, typing: s.digits !== '', overview: s.overview });
    if (s.overview && command === null) return this.onOverviewKey(e);
    if (command === null) return;
    if (typeof command === 'object') return this.typeDigit(command.digit);
    if (!['blank', 'laser', 'fullscreen'].includes(command)) e.preventDefault();
    switch (command) {
      case 'close-overview':
        return this.closeOverview();
      case 'jump':
        return this.jumpToTyped();
      case 'clear-goto':
        return this.clearGoto();
      case 'next':
      case 'prev':
        return this.press(command);
      case 'first':
        return this.go(first(s).pos);
      case 'last':
        return this.go(last(s).pos);
      default:
        return this.onAction(command);
    }
  }

  /** Forward or back; on the room's black screen the press brings the slide back first. */
  private press(dir: 'next' | 'prev'): void {
    const next = press(this.state, dir, this.mode === 'room');
    if (next.blank !== this.state.blank) return this.setBlank(next.blank, true);
    this.go(next.pos);
  }

  private onAction(action: string): void {
    switch (action) {
      case 'next':
      case 'prev':
        return this.go(press(this.state, action, false).pos);
      case 'overview':
        return this.openOverview();
      case 'blank':
        return this.setBlank(!this.state.blank, true);
      case 'laser':
        return this.setLaser(!this.state.laser, true);
      case 'fullscreen':
        if (document.fullscreenElement) void document.exitFullscreen();
        else void document.documentElement.requestFullscreen?.().catch(() => undefined);
        return;
      case 'presenter':
        window.open(`${location.pathname}?presenter=1${formatPosition(this.state.pos)}`, `separable-presenter-${this.dataset.deck}`, 'width=1280,height=720');
        return;
      case 'timer-toggle':
        return this.set(toggleTimer(this.state, Date.now()));
      case 'timer-reset':
        return this.set(resetTimer(this.state, Date.now()));
    }
  }

  // ── Go to a typed slide number ──────────────────────────────────────────────────────────────

  private typeDigit(d: string): void {
    this.set(typeDigit(this.state, d));
    window.clearTimeout(this.digitsTimer);
    this.digitsTimer = window.setTimeout(() => this.clearGoto(), 4000);
  }

  private jumpToTyped(): void {
    window.clearTimeout(this.digitsTimer);
    const next = jumpToTyped(this.state);
    if (next.gotoMissed) {
      this.set(next);
      this.digitsTimer = window.setTimeout(() => this.clearGoto(), 2500);
      return;
    }
    this.set(clearGoto(this.state));
    this.go(next.pos);
  }

  private clearGoto(): void {
    window.clearTimeout(this.digitsTimer);
    this.set(clearGoto(this.state));
  }

  // ── Overview ────────────────────────────────────────────────────────────────────────────────

  private openOverview(): void {
    const grid = this.byRole('overview-grid');
    if (!grid) return;
    this.content = { ...this.content, thumbs: this.slides.map((s) => stillCopy(readTree(s))) };
    this.set(setOverview(this.state, true));
    grid.querySelector<HTMLElement>('[aria-current]')?.focus();
    grid.querySelector<HTMLElement>('[aria-current]')?.scrollIntoView({ block: 'nearest' });
  }

  private closeOverview(): void {
    if (!this.state.overview) return;
    this.content = { ...this.content, thumbs: undefined };
    this.set(setOverview(this.state, false));
    this.slides[this.state.pos.slide].querySelector<HTMLElement>('.slide-title')?.focus();
  }

  /** In the overview: arrows move between slides, Enter opens one (a link), Esc or O goes back. */
  private onOverviewKey(e: KeyboardEvent): void {
    const links = [...(this.byRole('overview-grid')?.querySelectorAll<HTMLAnchorElement>('a.thumb') ?? [])];
    const at = links.indexOf(document.activeElement as HTMLAnchorElement);
    const top = links[0]?.offsetTop ?? 0;
    const perRow = Math.max(1, links.filter((l) => l.offsetTop === top).length);
    const to = overviewMove(e.key, at < 0 ? this.state.pos.slide : at, perRow, links.length);
    if (to === undefined) return;
    e.preventDefault();
    links[to]?.focus();
  }

  // ── Black screen and laser ──────────────────────────────────────────────────────────────────

  private setBlank(on: boolean, broadcast: boolean): void {
    this.set(setBlank(this.state, on));
    if (broadcast) this.post({ type: 'blank', on });
  }

  private setLaser(on: boolean, broadcast: boolean): void {
    this.set(setLaser(this.state, on));
    if (broadcast) this.post({ type: 'laser', on });
  }

  private onPointer(e: PointerEvent): void {
    if (!this.state.laser) return;
    const box = this.stage.getBoundingClientRect();
    const { scale, x, y } = this.place;
    const cx = (e.clientX - box.left - x) / scale;
    const cy = (e.clientY - box.top - y) / scale;
    cancelAnimationFrame(this.pointerFrame);
    this.pointerFrame = requestAnimationFrame(() => this.pointAt(cx, cy, true));
  }

  /** Put the laser dot at canvas coordinates (outside the canvas hides it). */
  private pointAt(x: number, y: number, broadcast: boolean): void {
    this.set(pointAt(this.state, x, y));
    const dot = this.state.dot;
    if (broadcast && this.state.laser) this.post({ type: 'pointer', x: dot ? dot.x : -1, y: dot ? dot.y : -1 });
  }

  // ── The other window ────────────────────────────────────────────────────────────────────────

  private post(message: Message): void {
    this.channel?.postMessage(message);
  }

  private onMessage(m: Message): void {
    if (!m || typeof m !== 'object') return;
    const s = this.state;
    switch (m.type) {
      case 'hello':
        return this.post({ type: 'state', slide: s.pos.slide, step: s.pos.step, blank: s.blank, laser: s.laser });
      case 'state':
        if (!Number.isInteger(m.slide) || !Number.isInteger(m.step)) return;
        if (m.slide !== s.pos.slide || m.step !== s.pos.step) this.go({ slide: m.slide, step: m.step }, { broadcast: false });
        if (typeof m.blank === 'boolean' && m.blank !== this.state.blank) this.setBlank(m.blank, false);
        if (typeof m.laser === 'boolean' && m.laser !== this.state.laser) this.setLaser(m.laser, false);
        return;
      case 'blank':
        return this.setBlank(Boolean(m.on), false);
      case 'laser':
        return this.setLaser(Boolean(m.on), false);
      case 'pointer':
        if (Number.isFinite(m.x) && Number.isFinite(m.y)) this.pointAt(m.x, m.y, false);
        return;
      case 'params': {
        // Values come through the same schema as the URL: clamped, never trusted.
        const given = Object.fromEntries(Object.entries(m.values ?? {}).filter(([k, v]) => isParamName(k) && typeof v === 'number'));
        const current = params.get();
        if (Object.entries(given).every(([k, v]) => current[k as keyof typeof current] === v)) return;
        this.remoteParams = JSON.stringify({ ...current, ...given });
        setParams(given as ParamValues);
        return;
      }
    }
  }

  /** Fetch every figure chunk, KaTeX and its fonts now, so the deck keeps working offline. */
  private preload(): void {
    const ids = new Set([...this.querySelectorAll<HTMLElement>('sep-figure')].map((f) => f.dataset.figure ?? ''));
    // A figure that computes in the browser (e.g. with TensorFlow.js) runs once now, which also
    // fetches everything its computation needs.
    // A preload that fails (offline) is only a head start lost: each figure loads again when shown.
    for (const id of ids) void FIGURES[id]?.().then((def) => def.compute?.(params.get()), () => undefined).catch(() => undefined);
    void preloadTypesetting().catch(() => undefined);
    // KaTeX's whole stylesheet and faces, which a formula the slides' own math lacks a rule or
    // character for needs.
    void import('../figure-kit/katex-sheets').then((sheets) => sheets.linkWholeKatex(), () => undefined);
    // Each KaTeX face is split into a subset with the site's math characters (the one declared
    // last) and the original file for the face's other characters; the slides draw with the subsets.
    const katexFaces = new Map<string, FontFace>();
    document.fonts?.forEach((face) => {
      if (face.family.replace(/["']/g, '').startsWith('KaTeX')) katexFaces.set(`${face.family}|${face.style}|${face.weight}`, face);
    });
    for (const face of katexFaces.values()) void face.load().catch(() => undefined);
  }
}

customElements.define('deck-player', DeckPlayer);
