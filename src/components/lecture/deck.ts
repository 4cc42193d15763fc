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
 * Everything a deck needs is fetched up front, so it runs offline once loaded.
 */
import { FIGURES } from '../figure-kit/registry';
import { params, setParams } from '../figure-kit/store';
import { PARAM_NAMES, isParamName, parseParams, type ParamValues } from '../../lib/params';
import { CANVAS, fitCanvas } from './canvas';
import { clampPosition, formatPosition, nextPosition, parsePositionClamped, previousPosition, typedSlide, type Position } from './position';
import { LECTURE } from '../../i18n/lecture';

/** The deck's words, in the language of the page. */
const t = LECTURE[document.documentElement.lang.startsWith('zh') ? 'zh' : 'en'];

const NEXT_KEYS = new Set(['ArrowRight', 'ArrowDown', 'PageDown', 'n', 'N']);
const PREV_KEYS = new Set(['ArrowLeft', 'ArrowUp', 'PageUp', 'p', 'P', 'Backspace']);

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

function clock(seconds: number): string {
  const s = Math.floor(Math.abs(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/**
 * A still copy of a slide for the overview grid: no controls, ids, live regions, notes or custom
 * elements (so nothing in it hydrates, takes focus or repeats an id of the deck).
 */
function snapshot(slide: HTMLElement): HTMLElement {
  const copy = slide.cloneNode(true) as HTMLElement;
  copy.querySelectorAll('.controls, .notes, [data-role=announce], figcaption, noscript, .fig-menu, .sr-only').forEach((n) => n.remove());
  for (const el of [...copy.querySelectorAll<HTMLElement>('*')]) {
    if (!(el instanceof SVGElement)) el.removeAttribute('id');
    el.removeAttribute('tabindex');
  }
  for (const el of [...copy.querySelectorAll('sep-figure, param-control, a, h2, section')]) {
    const plain = document.createElement(el.tagName === 'A' ? 'span' : 'div');
    plain.className = el.getAttribute('class') ?? '';
    plain.append(...el.childNodes);
    el.replaceWith(plain);
  }
  const root = document.createElement('div');
  root.className = `${slide.className} thumb-slide`;
  root.append(...copy.childNodes);
  return root;
}

class DeckPlayer extends HTMLElement {
  private slides: HTMLElement[] = [];
  /** The step builds of each slide, in the order they appear. */
  private fragments: HTMLElement[][] = [];
  private steps: number[] = [];
  private pos: Position = { slide: 0, step: 0 };
  private mode: 'room' | 'presenter' | 'preview' = 'room';
  private channel?: BroadcastChannel;
  private stage!: HTMLElement;
  private canvas!: HTMLElement;
  private place = { scale: 1, x: 0, y: 0 };
  private blank = false;
  private laser = false;
  private digits = '';
  private digitsTimer = 0;
  private awakeTimer = 0;
  private fitFrame = 0;
  private pointerFrame = 0;
  /** Slider values last received from the other window (not sent back). */
  private remoteParams = '';
  private startedAt = Date.now();
  private pausedAt: number | undefined;
  private nextFrame?: HTMLIFrameElement;

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
    this.steps = this.fragments.map((f) => f.length);
    this.slides.forEach((s) => {
      const title = s.querySelector<HTMLElement>('.slide-title');
      if (title) title.tabIndex = -1;
    });

    const linkedState = PARAM_NAMES.some((n) => new URLSearchParams(location.search).has(n));
    this.go(parsePositionClamped(location.hash, this.steps) ?? { slide: 0, step: 0 }, { preset: !linkedState, broadcast: false, focus: false });
    window.addEventListener('hashchange', () => {
      const p = parsePositionClamped(location.hash, this.steps);
      if (p && formatPosition(p) !== formatPosition(this.pos)) this.go(p);
      // A slide hash that names no slide as written (#slide-9999, #slide-x) is corrected in place.
      else if (location.hash.startsWith('#slide-') && location.hash !== formatPosition(this.pos)) {
        history.replaceState(history.state, '', `${location.pathname}${location.search}${formatPosition(this.pos)}`);
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
    this.querySelectorAll<HTMLButtonElement>('button[data-action]').forEach((b) => {
      b.addEventListener('click', () => this.onAction(b.dataset.action ?? ''));
      b.disabled = false;
    });
    // The control bar shows while the mouse moves (and whenever it holds the focus).
    const bar = this.byRole('bar');
    document.addEventListener('pointermove', () => {
      if (!bar) return;
      bar.dataset.awake = '';
      window.clearTimeout(this.awakeTimer);
      this.awakeTimer = window.setTimeout(() => delete bar.dataset.awake, 2500);
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
    if (this.mode === 'presenter') this.startConsole();
  }

  // ── Position ────────────────────────────────────────────────────────────────────────────────

  /** Show a position (clamped): its slide, its figure at its preset, its first `step` builds. */
  go(to: Position, { preset = true, broadcast = true, focus = true }: { preset?: boolean; broadcast?: boolean; focus?: boolean } = {}): void {
    const p = clampPosition(to, this.steps);
    const changed = p.slide !== this.pos.slide || !this.slides[p.slide].hasAttribute('data-active');
    const focusWasInside = this.slides[this.pos.slide]?.contains(document.activeElement);
    this.pos = p;
    const slide = this.slides[p.slide];
    if (changed) {
      this.slides.forEach((s, k) => s.toggleAttribute('data-active', k === p.slide));
      const presetQuery = slide.dataset.preset ?? '';
      if (preset && presetQuery) {
        const names = [...new URLSearchParams(presetQuery).keys()].filter(isParamName);
        setParams(parseParams(presetQuery, names).values);
      }
      slide.querySelectorAll('sep-figure').forEach((f) => f.dispatchEvent(new Event('sep:redraw')));
    }
    this.fragments[p.slide].forEach((f, k) => f.toggleAttribute('data-shown', k < p.step));
    history.replaceState(history.state, '', `${location.pathname}${location.search}${formatPosition(p)}`);

    const total = this.slides.length;
    const title = slide.querySelector('.slide-title')?.textContent ?? '';
    const count = t.count(p.slide + 1, total);
    for (const name of ['count', 'number']) {
      const el = this.byRole(name);
      if (el) el.textContent = count;
    }
    // The console also says how many step builds the slide has left to show.
    const consoleCount = this.byRole('console-count');
    if (consoleCount) consoleCount.textContent = this.steps[p.slide] > 0 ? `${count} · ${t.steps(p.step, this.steps[p.slide])}` : count;
    const progress = this.byRole('progress');
    if (progress) progress.style.width = `${((p.slide + 1) / total) * 100}%`;
    if (changed) {
      const announce = this.byRole('announce');
      if (announce) announce.textContent = t.announce(p.slide + 1, total, title);
    }
    this.byRole('bar')?.querySelector('[data-action=prev]')?.toggleAttribute('aria-disabled', p.slide === 0 && p.step === 0);
    this.byRole('bar')?.querySelector('[data-action=next]')?.toggleAttribute('aria-disabled', p.slide === total - 1 && p.step === this.steps[p.slide]);
    if (this.mode === 'presenter') this.showConsole();
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
    const slide = this.slides[this.pos.slide];
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
    if (!this.byRole('overview')?.hidden) return this.onOverviewKey(e);
    const target = e.target as HTMLElement | null;
    const onButton = target?.tagName === 'BUTTON' || target?.tagName === 'SUMMARY' || target?.tagName === 'A';
    if (/^[0-9]$/.test(e.key)) return this.typeDigit(e.key);
    if (e.key === 'Enter' && this.digits) {
      e.preventDefault();
      return this.jumpToTyped();
    }
    if (this.digits && (e.key === 'Escape' || e.key === 'Backspace')) {
      e.preventDefault();
      return this.clearDigits();
    }
    const forward = NEXT_KEYS.has(e.key) || (e.key === ' ' && !onButton && !e.shiftKey);
    const back = PREV_KEYS.has(e.key) || (e.key === ' ' && !onButton && e.shiftKey);
    if (forward || back) {
      e.preventDefault();
      // A key press on a black screen brings the slide back first, as in PowerPoint.
      if (this.blank && this.mode === 'room') return this.setBlank(false, true);
      return this.go(forward ? nextPosition(this.pos, this.steps) : previousPosition(this.pos, this.steps));
    }
    switch (e.key) {
      case 'Home':
        e.preventDefault();
        return this.go({ slide: 0, step: 0 });
      case 'End':
        e.preventDefault();
        return this.go({ slide: this.slides.length - 1, step: this.steps[this.slides.length - 1] });
      case 'o':
      case 'O':
      case 'Escape':
        e.preventDefault();
        return this.openOverview();
      case 'b':
      case 'B':
      case '.':
        return this.setBlank(!this.blank, true);
      case 'l':
      case 'L':
        return this.setLaser(!this.laser, true);
      case 'f':
      case 'F':
        return this.onAction('fullscreen');
    }
  }

  private onAction(action: string): void {
    switch (action) {
      case 'next':
        return this.go(nextPosition(this.pos, this.steps));
      case 'prev':
        return this.go(previousPosition(this.pos, this.steps));
      case 'overview':
        return this.openOverview();
      case 'blank':
        return this.setBlank(!this.blank, true);
      case 'laser':
        return this.setLaser(!this.laser, true);
      case 'fullscreen':
        if (document.fullscreenElement) void document.exitFullscreen();
        else void document.documentElement.requestFullscreen?.().catch(() => undefined);
        return;
      case 'presenter':
        window.open(`${location.pathname}?presenter=1${formatPosition(this.pos)}`, `separable-presenter-${this.dataset.deck}`, 'width=1280,height=720');
        return;
      case 'timer-toggle':
        return this.toggleTimer();
      case 'timer-reset':
        this.startedAt = Date.now();
        if (this.pausedAt !== undefined) this.pausedAt = this.startedAt;
        return this.tick();
    }
  }

  // ── Go to a typed slide number ──────────────────────────────────────────────────────────────

  private typeDigit(d: string): void {
    this.digits = (this.digits + d).slice(-4);
    const box = this.byRole('goto');
    if (box) {
      box.textContent = `${t.goto} ${this.digits}`;
      box.hidden = false;
    }
    window.clearTimeout(this.digitsTimer);
    this.digitsTimer = window.setTimeout(() => this.clearDigits(), 4000);
  }

  private jumpToTyped(): void {
    const i = typedSlide(this.digits, this.slides.length);
    this.clearDigits();
    if (i === undefined) {
      const box = this.byRole('goto');
      if (box) {
        box.textContent = t.gotoOutOfRange(this.slides.length);
        box.hidden = false;
        this.digitsTimer = window.setTimeout(() => this.clearDigits(), 2500);
      }
      return;
    }
    this.go({ slide: i, step: 0 });
  }

  private clearDigits(): void {
    this.digits = '';
    window.clearTimeout(this.digitsTimer);
    const box = this.byRole('goto');
    if (box) box.hidden = true;
  }

  // ── Overview ────────────────────────────────────────────────────────────────────────────────

  private openOverview(): void {
    const dialog = this.byRole('overview');
    const grid = this.byRole('overview-grid');
    if (!dialog || !grid) return;
    grid.replaceChildren(
      ...this.slides.map((s, i) => {
        const title = s.querySelector('.slide-title')?.textContent ?? '';
        const link = document.createElement('a');
        link.className = 'thumb';
        link.href = formatPosition({ slide: i, step: 0 });
        link.dataset.index = String(i);
        link.setAttribute('aria-label', t.slideLabel(i + 1, title));
        if (i === this.pos.slide) link.setAttribute('aria-current', 'true');
        const frame = document.createElement('span');
        frame.className = 'thumb-frame';
        frame.setAttribute('aria-hidden', 'true');
        const canvas = document.createElement('span');
        canvas.className = 'thumb-canvas';
        canvas.append(snapshot(s));
        frame.append(canvas);
        const label = document.createElement('span');
        label.className = 'thumb-label';
        label.textContent = `${i + 1} · ${title}`;
        link.append(frame, label);
        return link;
      }),
    );
    dialog.hidden = false;
    for (const name of ['stage', 'bar']) this.byRole(name)?.setAttribute('inert', '');
    grid.querySelector<HTMLElement>('[aria-current]')?.focus();
    grid.querySelector<HTMLElement>('[aria-current]')?.scrollIntoView({ block: 'nearest' });
  }

  private closeOverview(): void {
    const dialog = this.byRole('overview');
    if (!dialog || dialog.hidden) return;
    dialog.hidden = true;
    this.byRole('overview-grid')?.replaceChildren();
    for (const name of ['stage', 'bar']) this.byRole(name)?.removeAttribute('inert');
    this.slides[this.pos.slide].querySelector<HTMLElement>('.slide-title')?.focus();
  }

  /** In the overview: arrows move between slides, Enter opens one, Esc or O goes back. */
  private onOverviewKey(e: KeyboardEvent): void {
    if (e.key === 'Escape' || e.key === 'o' || e.key === 'O') {
      e.preventDefault();
      return this.closeOverview();
    }
    const links = [...(this.byRole('overview-grid')?.querySelectorAll<HTMLAnchorElement>('a.thumb') ?? [])];
    const at = links.indexOf(document.activeElement as HTMLAnchorElement);
    const from = at < 0 ? this.pos.slide : at;
    const top = links[0]?.offsetTop ?? 0;
    const perRow = Math.max(1, links.filter((l) => l.offsetTop === top).length);
    const moves: Record<string, number> = { ArrowRight: 1, ArrowLeft: -1, ArrowDown: perRow, ArrowUp: -perRow, Home: -Infinity, End: Infinity };
    if (!(e.key in moves)) return;
    e.preventDefault();
    const to = Math.max(0, Math.min(links.length - 1, from + moves[e.key]));
    links[to]?.focus();
  }

  // ── Black screen and laser ──────────────────────────────────────────────────────────────────

  private setBlank(on: boolean, broadcast: boolean): void {
    this.blank = on;
    const cover = this.byRole('blank');
    if (cover) cover.hidden = !on;
    const note = this.byRole('blanked');
    if (note) note.hidden = !on;
    this.byRole('bar')?.querySelector('[data-action=blank]')?.setAttribute('aria-pressed', String(on));
    if (broadcast) this.post({ type: 'blank', on });
  }

  private setLaser(on: boolean, broadcast: boolean): void {
    this.laser = on;
    this.canvas.toggleAttribute('data-laser', on);
    this.byRole('bar')?.querySelector('[data-action=laser]')?.setAttribute('aria-pressed', String(on));
    if (!on) this.pointAt(-1, -1, false);
    if (broadcast) this.post({ type: 'laser', on });
  }

  private onPointer(e: PointerEvent): void {
    if (!this.laser) return;
    const box = this.stage.getBoundingClientRect();
    const { scale, x, y } = this.place;
    const cx = (e.clientX - box.left - x) / scale;
    const cy = (e.clientY - box.top - y) / scale;
    cancelAnimationFrame(this.pointerFrame);
    this.pointerFrame = requestAnimationFrame(() => this.pointAt(cx, cy, true));
  }

  /** Put the laser dot at canvas coordinates (outside the canvas hides it). */
  private pointAt(x: number, y: number, broadcast: boolean): void {
    const dot = this.byRole('laser');
    if (!dot) return;
    const inside = this.laser && x >= 0 && y >= 0 && x <= CANVAS.width && y <= CANVAS.height;
    dot.hidden = !inside;
    if (inside) dot.style.transform = `translate(${Math.round(x)}px, ${Math.round(y)}px)`;
    if (broadcast && this.laser) this.post({ type: 'pointer', x: inside ? Math.round(x) : -1, y: inside ? Math.round(y) : -1 });
  }

  // ── The other window ────────────────────────────────────────────────────────────────────────

  private post(message: Message): void {
    this.channel?.postMessage(message);
  }

  private onMessage(m: Message): void {
    if (!m || typeof m !== 'object') return;
    switch (m.type) {
      case 'hello':
        return this.post({ type: 'state', slide: this.pos.slide, step: this.pos.step, blank: this.blank, laser: this.laser });
      case 'state':
        if (!Number.isInteger(m.slide) || !Number.isInteger(m.step)) return;
        if (m.slide !== this.pos.slide || m.step !== this.pos.step) this.go({ slide: m.slide, step: m.step }, { broadcast: false });
        if (typeof m.blank === 'boolean' && m.blank !== this.blank) this.setBlank(m.blank, false);
        if (typeof m.laser === 'boolean' && m.laser !== this.laser) this.setLaser(m.laser, false);
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

  // ── Presenter console ───────────────────────────────────────────────────────────────────────

  private startConsole(): void {
    const holder = this.byRole('next-view');
    if (holder) {
      this.nextFrame = document.createElement('iframe');
      this.nextFrame.title = t.upcoming;
      holder.replaceChildren(this.nextFrame);
    }
    this.showConsole();
    this.tick();
    window.setInterval(() => this.tick(), 500);
  }

  private showConsole(): void {
    const notes = this.byRole('notes-view');
    const slide = this.slides[this.pos.slide];
    if (notes) {
      notes.replaceChildren(...[...slide.querySelectorAll('[data-role=notes]')].map((n) => n.cloneNode(true)));
      if (!notes.hasChildNodes()) notes.textContent = t.noNotes;
      notes.scrollTop = 0;
    }
    const holder = this.byRole('next-view');
    const upcoming = this.pos.slide + 1 < this.slides.length ? this.pos.slide + 1 : undefined;
    if (holder) holder.toggleAttribute('data-end', upcoming === undefined);
    if (this.nextFrame && upcoming !== undefined) {
      const src = `${location.pathname}?preview=1${formatPosition({ slide: upcoming, step: 0 })}`;
      // Same page, new hash: the frame moves to the slide without reloading.
      if (this.nextFrame.getAttribute('src') !== src) this.nextFrame.src = src;
    }
  }

  private tick(): void {
    const now = this.pausedAt ?? Date.now();
    const elapsed = (now - this.startedAt) / 1000;
    const left = Number(this.dataset.minutes) * 60 - elapsed;
    const e = this.byRole('elapsed');
    if (e) e.textContent = clock(elapsed);
    const r = this.byRole('remaining');
    if (r) r.textContent = clock(left);
    const label = this.byRole('remaining-label');
    if (label) label.textContent = left < 0 ? t.over : t.remaining;
    this.byRole('remaining')?.toggleAttribute('data-over', left < 0);
  }

  private toggleTimer(): void {
    const button = this.querySelector<HTMLButtonElement>('[data-action=timer-toggle]');
    if (this.pausedAt === undefined) {
      this.pausedAt = Date.now();
      if (button) button.textContent = t.resumeTimer;
    } else {
      this.startedAt += Date.now() - this.pausedAt;
      this.pausedAt = undefined;
      if (button) button.textContent = t.pauseTimer;
    }
    this.tick();
  }

  /** Fetch every figure chunk, KaTeX and its fonts now, so the deck keeps working offline. */
  private preload(): void {
    const ids = new Set([...this.querySelectorAll<HTMLElement>('sep-figure')].map((f) => f.dataset.figure ?? ''));
    // A figure that computes in the browser (e.g. with TensorFlow.js) runs once now, which also
    // fetches everything its computation needs.
    // A preload that fails (offline) is only a head start lost: each figure loads again when shown.
    for (const id of ids) void FIGURES[id]?.().then((def) => def.compute?.(params.get()), () => undefined).catch(() => undefined);
    void import('katex').catch(() => undefined);
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
