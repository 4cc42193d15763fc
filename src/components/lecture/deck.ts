/**
 * The lecture player: one slide at a time, keyboard and clicker navigation, the slide in the URL
 * hash, each slide's figure set to its preset, a presenter window kept in step over a
 * BroadcastChannel, and everything the deck needs fetched up front so it runs offline once loaded.
 */
import { FIGURES } from '../figure-kit/registry';
import { params, setParams } from '../figure-kit/store';
import { PARAM_NAMES, isParamName, parseParams } from '../../lib/params';

const NEXT_KEYS = new Set(['ArrowRight', 'ArrowDown', 'PageDown', 'n', 'N']);
const PREV_KEYS = new Set(['ArrowLeft', 'ArrowUp', 'PageUp', 'p', 'P', 'Backspace']);

/** Keys typed into a control belong to the control, not to the deck. */
function isEditing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el) return false;
  return el.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA'].includes(el.tagName);
}

function slideFromHash(count: number): number | undefined {
  const m = /^#slide-(\d+)$/.exec(location.hash);
  if (!m) return undefined;
  const n = Number(m[1]);
  return n >= 1 && n <= count ? n - 1 : undefined;
}

function format(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = Math.floor(seconds % 60);
  return `${m}:${String(s).padStart(2, '0')}`;
}

class DeckPlayer extends HTMLElement {
  private slides: HTMLElement[] = [];
  private index = 0;
  private channel?: BroadcastChannel;
  private startedAt = Date.now();
  private pausedAt: number | undefined;

  connectedCallback(): void {
    this.slides = [...this.querySelectorAll<HTMLElement>('[data-slide]')];
    this.slides.forEach((s) => {
      const title = s.querySelector<HTMLElement>('.slide-title');
      if (title) title.tabIndex = -1;
    });
    if (this.slides.length === 0) return;
    const fromUrl = new URLSearchParams(location.search);
    const linkedState = PARAM_NAMES.some((n) => fromUrl.has(n));
    this.go(slideFromHash(this.slides.length) ?? 0, { preset: !linkedState, broadcast: false, focus: false });

    document.addEventListener('keydown', (e) => this.onKey(e));
    window.addEventListener('hashchange', () => {
      const i = slideFromHash(this.slides.length);
      if (i !== undefined && i !== this.index) this.go(i);
    });
    this.querySelectorAll<HTMLButtonElement>('button[data-action]').forEach((b) => {
      b.addEventListener('click', () => this.onAction(b.dataset.action ?? ''));
      b.disabled = false;
    });
    if ('BroadcastChannel' in window) {
      this.channel = new BroadcastChannel(`separable-deck:${this.dataset.deck}`);
      this.channel.onmessage = (e: MessageEvent<{ type: string; index: number }>) => {
        if (e.data?.type === 'goto' && Number.isInteger(e.data.index) && e.data.index !== this.index) this.go(e.data.index, { broadcast: false });
      };
    }
    if (document.documentElement.classList.contains('presenter')) this.startTimer();
    this.preload();
    const refit = (): void => {
      cancelAnimationFrame(this.fitFrame);
      this.fitFrame = requestAnimationFrame(() => this.fit());
    };
    window.addEventListener('resize', refit);
    document.addEventListener('sep:typeset', refit);
    new ResizeObserver(refit).observe(this.querySelector('.deck-slides') ?? this);
  }

  private fitFrame = 0;

  /**
   * Scale the showing slide's body down (never up) until the whole slide fits the screen, so a
   * figure with several controls still shows without scrolling at 1280×720.
   */
  private fit(): void {
    const body = this.slides[this.index]?.querySelector<HTMLElement>('.slide-body');
    if (!body || document.documentElement.classList.contains('presenter')) return;
    const current = Number(body.style.zoom || 1);
    const overflow = document.documentElement.scrollHeight - window.innerHeight;
    const height = body.getBoundingClientRect().height;
    if (height <= 0) return;
    if (overflow > 1) body.style.zoom = String(Math.max(0.55, current * ((height - overflow - 4) / height)));
    else if (current < 1 && overflow < -40) {
      body.style.zoom = String(Math.min(1, current * ((height - overflow - 4) / height)));
      requestAnimationFrame(() => this.fit());
    }
  }

  private onKey(e: KeyboardEvent): void {
    if (e.altKey || e.ctrlKey || e.metaKey || isEditing(e.target)) return;
    const onButton = (e.target as HTMLElement | null)?.tagName === 'BUTTON' || (e.target as HTMLElement | null)?.tagName === 'SUMMARY';
    if (e.key === ' ' && !onButton) {
      e.preventDefault();
      this.go(this.index + (e.shiftKey ? -1 : 1));
    } else if (NEXT_KEYS.has(e.key)) {
      e.preventDefault();
      this.go(this.index + 1);
    } else if (PREV_KEYS.has(e.key)) {
      e.preventDefault();
      this.go(this.index - 1);
    } else if (e.key === 'Home') {
      e.preventDefault();
      this.go(0);
    } else if (e.key === 'End') {
      e.preventDefault();
      this.go(this.slides.length - 1);
    } else if (e.key === 'f' || e.key === 'F') {
      this.onAction('fullscreen');
    }
  }

  private onAction(action: string): void {
    if (action === 'next') this.go(this.index + 1);
    else if (action === 'prev') this.go(this.index - 1);
    else if (action === 'fullscreen') {
      if (document.fullscreenElement) void document.exitFullscreen();
      else void document.documentElement.requestFullscreen?.().catch(() => undefined);
    } else if (action === 'presenter') {
      window.open(`${location.pathname}?presenter=1#slide-${this.index + 1}`, `separable-presenter-${this.dataset.deck}`, 'width=1000,height=700');
    } else if (action === 'timer-toggle') this.toggleTimer();
    else if (action === 'timer-reset') {
      this.startedAt = Date.now();
      if (this.pausedAt !== undefined) this.pausedAt = this.startedAt;
    }
  }

  /** Show slide i (clamped), start its figure at its preset, and tell the other window. */
  go(i: number, { preset = true, broadcast = true, focus = true }: { preset?: boolean; broadcast?: boolean; focus?: boolean } = {}): void {
    const next = Math.max(0, Math.min(this.slides.length - 1, i));
    const before = this.slides[this.index];
    const focusWasInside = before?.contains(document.activeElement);
    this.slides.forEach((s, k) => s.toggleAttribute('data-active', k === next));
    this.index = next;
    const slide = this.slides[next];
    const presetQuery = slide.dataset.preset ?? '';
    if (preset && presetQuery) {
      const names = [...new URLSearchParams(presetQuery).keys()].filter(isParamName);
      setParams(parseParams(presetQuery, names).values);
    }
    slide.querySelectorAll('sep-figure').forEach((f) => f.dispatchEvent(new Event('sep:redraw')));
    history.replaceState(history.state, '', `${location.pathname}${location.search}#slide-${next + 1}`);
    const title = slide.querySelector('.slide-title')?.textContent ?? '';
    const count = this.querySelector('[data-role=count]');
    if (count) count.textContent = `${next + 1} / ${this.slides.length}`;
    const announce = this.querySelector('[data-role=announce]');
    if (announce) announce.textContent = `Slide ${next + 1} of ${this.slides.length}: ${title}`;
    this.querySelector<HTMLButtonElement>('[data-action=prev]')?.toggleAttribute('aria-disabled', next === 0);
    this.querySelector<HTMLButtonElement>('[data-action=next]')?.toggleAttribute('aria-disabled', next === this.slides.length - 1);
    this.showPresenterPanel();
    cancelAnimationFrame(this.fitFrame);
    this.fitFrame = requestAnimationFrame(() => this.fit());
    if (focus && focusWasInside) slide.querySelector<HTMLElement>('.slide-title')?.focus();
    if (broadcast) this.channel?.postMessage({ type: 'goto', index: next });
  }

  private showPresenterPanel(): void {
    const notes = this.querySelector('[data-role=notes-view]');
    const nextView = this.querySelector('[data-role=next-view]');
    const slide = this.slides[this.index];
    if (notes) {
      notes.replaceChildren(...[...slide.querySelectorAll('[data-role=notes]')].map((n) => n.cloneNode(true)));
      if (!notes.hasChildNodes()) notes.textContent = 'No notes for this slide.';
    }
    if (nextView) {
      const upcoming = this.slides[this.index + 1];
      nextView.textContent = upcoming ? (upcoming.querySelector('.slide-title')?.textContent ?? '') : 'End of the deck.';
    }
  }

  private startTimer(): void {
    const timer = this.querySelector<HTMLElement>('[data-role=timer]');
    const elapsed = this.querySelector<HTMLElement>('[data-role=elapsed]');
    if (timer) timer.hidden = false;
    const tick = (): void => {
      const now = this.pausedAt ?? Date.now();
      const text = format((now - this.startedAt) / 1000);
      if (timer) timer.textContent = text;
      if (elapsed) elapsed.textContent = text;
    };
    tick();
    window.setInterval(tick, 500);
  }

  private toggleTimer(): void {
    const button = this.querySelector<HTMLButtonElement>('[data-action=timer-toggle]');
    if (this.pausedAt === undefined) {
      this.pausedAt = Date.now();
      if (button) button.textContent = 'Resume timer';
    } else {
      this.startedAt += Date.now() - this.pausedAt;
      this.pausedAt = undefined;
      if (button) button.textContent = 'Pause timer';
    }
  }

  /** Fetch every figure chunk, KaTeX and its fonts now, so the deck keeps working offline. */
  private preload(): void {
    const ids = new Set([...this.querySelectorAll<HTMLElement>('sep-figure')].map((f) => f.dataset.figure ?? ''));
    // A figure that computes in the browser (e.g. with TensorFlow.js) runs once now, which also
    // fetches everything its computation needs.
    for (const id of ids) void FIGURES[id]?.().then((def) => def.compute?.(params.get()).catch(() => undefined));
    void import('katex');
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
