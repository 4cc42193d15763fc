/**
 * What the lecture player shows, as one small immutable state, and every change to it as a pure
 * function (state, input) → state. The player (deck.ts) turns keys, clicks, messages from the other
 * window and the clock into these calls and patches its view (view.ts) with the result; a function
 * that changes nothing returns the state it was given, so the player can skip the patch.
 *
 *   keys / buttons / messages ──▶ transition(state, …) ──▶ state ──▶ deckView(state, words) ──▶ patch
 */
import { CANVAS } from './canvas';
import { clampPosition, nextPosition, previousPosition, typedSlide, type Position } from './position';

export interface DeckState {
  /** How many step builds each slide has. */
  readonly steps: readonly number[];
  readonly pos: Position;
  /** The player has started (buttons work, counts show); false in the page as built. */
  readonly ready: boolean;
  /** The room sees a black screen. */
  readonly blank: boolean;
  readonly laser: boolean;
  /** Where the laser dot stands, in canvas px; null while it is hidden. */
  readonly dot: { readonly x: number; readonly y: number } | null;
  /** Digits typed towards a go-to-slide (at most four). */
  readonly digits: string;
  /** The last go-to named no slide of the deck (a note says so until the next key). */
  readonly gotoMissed: boolean;
  readonly overview: boolean;
  /** The control bar shows while the mouse moves. */
  readonly awake: boolean;
  /** The slide the live region last announced; null before the player starts. */
  readonly announced: number | null;
  /** The talk's length, and the presenter's clock in ms since the epoch (`pausedAt` while paused). */
  readonly minutes: number;
  readonly clock: { readonly startedAt: number; readonly pausedAt: number | null; readonly now: number };
}

/** The state of a deck whose slides have `steps` step builds, as the page is built: slide 1, nothing running. */
export function initialDeck(steps: readonly number[], minutes: number, now = 0): DeckState {
  return {
    steps,
    pos: { slide: 0, step: 0 },
    ready: false,
    blank: false,
    laser: false,
    dot: null,
    digits: '',
    gotoMissed: false,
    overview: false,
    awake: false,
    announced: null,
    minutes,
    clock: { startedAt: now, pausedAt: null, now },
  };
}

/** The player has started: the controls work and the counts show. */
export function start(s: DeckState): DeckState {
  return s.ready ? s : { ...s, ready: true };
}

// ── Position ──────────────────────────────────────────────────────────────────────────────────

/** Show a position (clamped into the deck); the live region announces the slide it lands on. */
export function goTo(s: DeckState, to: Position): DeckState {
  const pos = clampPosition(to, s.steps);
  if (pos.slide === s.pos.slide && pos.step === s.pos.step && s.announced === pos.slide) return s;
  return { ...s, pos, announced: pos.slide };
}

/** One press forward: the next step build or the next slide. */
export const forward = (s: DeckState): DeckState => goTo(s, nextPosition(s.pos, s.steps));

/** One press back: hide the last step shown, or the previous slide as it was left. */
export const back = (s: DeckState): DeckState => goTo(s, previousPosition(s.pos, s.steps));

/** The first slide, nothing built. */
export const first = (s: DeckState): DeckState => goTo(s, { slide: 0, step: 0 });

/** The last slide with all its builds shown. */
export const last = (s: DeckState): DeckState => goTo(s, { slide: s.steps.length - 1, step: s.steps[s.steps.length - 1] ?? 0 });

/** Whether a press back or forward can move at all (the bar marks the buttons that cannot). */
export function atStart(s: DeckState): boolean {
  return s.pos.slide === 0 && s.pos.step === 0;
}
export function atEnd(s: DeckState): boolean {
  return s.pos.slide === s.steps.length - 1 && s.pos.step === s.steps[s.pos.slide];
}

// ── Go to a typed slide number ────────────────────────────────────────────────────────────────

/** A digit typed: the last four digits are kept. */
export function typeDigit(s: DeckState, d: string): DeckState {
  if (!/^[0-9]$/.test(d)) return s;
  return { ...s, digits: (s.digits + d).slice(-4), gotoMissed: false };
}

/** Enter after digits: go to that slide, or say there is no such slide. */
export function jumpToTyped(s: DeckState): DeckState {
  const i = typedSlide(s.digits, s.steps.length);
  const cleared = { ...s, digits: '', gotoMissed: false };
  return i === undefined ? { ...cleared, gotoMissed: true } : goTo(cleared, { slide: i, step: 0 });
}

/** The typed digits (or the note about a missed go-to) go away. */
export function clearGoto(s: DeckState): DeckState {
  return s.digits === '' && !s.gotoMissed ? s : { ...s, digits: '', gotoMissed: false };
}

// ── Overview, black screen, laser, bar ────────────────────────────────────────────────────────

export function setOverview(s: DeckState, open: boolean): DeckState {
  return s.overview === open ? s : { ...s, overview: open };
}

export function setBlank(s: DeckState, on: boolean): DeckState {
  return s.blank === on ? s : { ...s, blank: on };
}

/** The laser on or off; off hides its dot. */
export function setLaser(s: DeckState, on: boolean): DeckState {
  return s.laser === on && (on || s.dot === null) ? s : { ...s, laser: on, dot: on ? s.dot : null };
}

/** The laser dot at canvas px (x, y) rounded to whole px; hidden outside the canvas or with the laser off. */
export function pointAt(s: DeckState, x: number, y: number): DeckState {
  const inside = s.laser && x >= 0 && y >= 0 && x <= CANVAS.width && y <= CANVAS.height;
  const dot = inside ? { x: Math.round(x), y: Math.round(y) } : null;
  if (dot === null ? s.dot === null : s.dot !== null && s.dot.x === dot.x && s.dot.y === dot.y) return s;
  return { ...s, dot };
}

export function setAwake(s: DeckState, awake: boolean): DeckState {
  return s.awake === awake ? s : { ...s, awake };
}

// ── The presenter's clock ─────────────────────────────────────────────────────────────────────

/** The clock read at `now` (ms). */
export function tick(s: DeckState, now: number): DeckState {
  return s.clock.now === now ? s : { ...s, clock: { ...s.clock, now } };
}

/** Pause the clock, or resume it with the paused time left out. */
export function toggleTimer(s: DeckState, now: number): DeckState {
  const { startedAt, pausedAt } = s.clock;
  return pausedAt === null
    ? { ...s, clock: { startedAt, pausedAt: now, now } }
    : { ...s, clock: { startedAt: startedAt + now - pausedAt, pausedAt: null, now } };
}

/** Start the clock again from zero (still paused if it was). */
export function resetTimer(s: DeckState, now: number): DeckState {
  return { ...s, clock: { startedAt: now, pausedAt: s.clock.pausedAt === null ? null : now, now } };
}

/** Seconds as m:ss, whole seconds towards zero; the sign is dropped (the label says "over"). */
export function clockText(seconds: number): string {
  const t = Math.floor(Math.abs(seconds));
  return `${Math.floor(t / 60)}:${String(t % 60).padStart(2, '0')}`;
}

/** What the console's clock shows: time since the start (paused time left out) and time left. */
export function clockReading(s: DeckState): { elapsed: string; remaining: string; over: boolean } {
  const { startedAt, pausedAt, now } = s.clock;
  const elapsed = ((pausedAt ?? now) - startedAt) / 1000;
  const left = s.minutes * 60 - elapsed;
  return { elapsed: clockText(elapsed), remaining: clockText(left), over: left < 0 };
}

// ── Keys ──────────────────────────────────────────────────────────────────────────────────────

/** What a key asks of the deck. */
export type Command =
  | 'next'
  | 'prev'
  | 'first'
  | 'last'
  | 'overview'
  | 'close-overview'
  | 'blank'
  | 'laser'
  | 'fullscreen'
  | 'jump'
  | 'clear-goto'
  | { digit: string };

const NEXT_KEYS = new Set(['ArrowRight', 'ArrowDown', 'PageDown', 'n', 'N']);
const PREV_KEYS = new Set(['ArrowLeft', 'ArrowUp', 'PageUp', 'p', 'P', 'Backspace']);

/**
 * The command for a key, or null for a key the deck leaves alone. `onButton`: the focus is on a
 * button, summary or link, where Space presses it instead of moving on. In the overview only Esc
 * and O (back) are the deck's; its arrows move the focus (overviewMove).
 */
export function keyCommand(key: string, { shift = false, onButton = false, typing = false, overview = false } = {}): Command | null {
  if (overview) return key === 'Escape' || key === 'o' || key === 'O' ? 'close-overview' : null;
  if (/^[0-9]$/.test(key)) return { digit: key };
  if (typing && key === 'Enter') return 'jump';
  if (typing && (key === 'Escape' || key === 'Backspace')) return 'clear-goto';
  if (NEXT_KEYS.has(key) || (key === ' ' && !onButton && !shift)) return 'next';
  if (PREV_KEYS.has(key) || (key === ' ' && !onButton && shift)) return 'prev';
  switch (key) {
    case 'Home':
      return 'first';
    case 'End':
      return 'last';
    case 'o':
    case 'O':
    case 'Escape':
      return 'overview';
    case 'b':
    case 'B':
    case '.':
      return 'blank';
    case 'l':
    case 'L':
      return 'laser';
    case 'f':
    case 'F':
      return 'fullscreen';
  }
  return null;
}

/**
 * In the overview grid of `count` thumbnails, `perRow` to a row: the thumbnail a key moves the focus
 * to from `from`, or undefined for a key that does not move it.
 */
export function overviewMove(key: string, from: number, perRow: number, count: number): number | undefined {
  const moves: Record<string, number> = { ArrowRight: 1, ArrowLeft: -1, ArrowDown: perRow, ArrowUp: -perRow, Home: -Infinity, End: Infinity };
  if (!(key in moves) || count === 0) return undefined;
  return Math.max(0, Math.min(count - 1, from + moves[key]));
}

/**
 * A press forward or back. On a black screen in the room the first press brings the slide back
 * instead, as in PowerPoint; the presenter's console moves on at once.
 */
export function press(s: DeckState, dir: 'next' | 'prev', room: boolean): DeckState {
  if (s.blank && room) return setBlank(s, false);
  return dir === 'next' ? forward(s) : back(s);
}
