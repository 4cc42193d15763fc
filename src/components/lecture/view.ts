/**
 * What the lecture player draws around the slides, as trees: deckView(state, words, content) gives
 * one tree per part (the control bar, the progress bar, the slide number, the laser dot, the black
 * screen, the go-to note, the overview, the presenter console's notes, next slide and clock, the
 * live region). The layout renders them into the page at build time (the state before the player
 * starts) and the player patches each part's element with the same function as the state changes.
 * The slides themselves are the author's markup and are not part of it.
 */
import { h, type SvgNode } from '../figure-kit/svg';
import type { LectureStrings } from '../../i18n/lecture.en';
import { canvasStyle } from './canvas';
import { formatPosition } from './position';
import { atEnd, atStart, clockReading, type DeckState } from './state';

/** What the view shows besides the state: read from the page, not changed by the player. */
export interface DeckContent {
  /** Each slide's title, in order. */
  readonly titles: readonly string[];
  /** The lecture list the bar links back to. */
  readonly exitHref: string;
  /** The deck's path, for the console's next-slide frame. */
  readonly path: string;
  /** The page is the presenter console. */
  readonly presenter: boolean;
  /** Still copies of the slides (stillCopy), while the overview is open. */
  readonly thumbs?: readonly SvgNode[];
  /** The current slide's speaker notes, in the console. */
  readonly notes?: readonly SvgNode[];
}

export const DECK_PARTS = ['bar', 'progress', 'number', 'laser', 'blank', 'goto', 'overview', 'notes', 'next', 'clock', 'announce'] as const;
export type DeckPart = (typeof DECK_PARTS)[number];

/** The element each part patches: the one with this data-role. */
export const PART_ROLE: Readonly<Record<DeckPart, string>> = {
  bar: 'bar',
  progress: 'progress',
  number: 'number',
  laser: 'laser',
  blank: 'blank',
  goto: 'goto',
  overview: 'overview',
  notes: 'notes-view',
  next: 'next-view',
  clock: 'clock',
  announce: 'announce',
};

/** "3 / 35", once the player runs (empty in the page as built). */
function countText(s: DeckState, t: LectureStrings): string {
  return s.ready ? t.count(s.pos.slide + 1, s.steps.length) : '';
}

function button(action: string, label: string, s: DeckState, attrs: Record<string, string | boolean | undefined> = {}): SvgNode {
  return h('button', { type: 'button', 'data-action': action, disabled: !s.ready, ...attrs }, label);
}

export function barView(s: DeckState, t: LectureStrings, c: DeckContent): SvgNode {
  return h(
    'nav',
    { class: 'deck-bar', 'aria-label': t.controls, 'data-role': 'bar', 'data-awake': s.awake, inert: s.overview },
    h('a', { class: 'deck-exit', href: c.exitHref }, t.lectures),
    h('span', { class: 'deck-count', 'data-role': 'count', 'aria-hidden': 'true' }, countText(s, t)),
    h(
      'span',
      { class: 'deck-buttons' },
      button('prev', t.previous, s, { 'aria-disabled': s.ready && atStart(s) ? 'true' : undefined }),
      button('next', t.next, s, { 'aria-disabled': s.ready && atEnd(s) ? 'true' : undefined }),
      button('overview', t.overview, s, { 'aria-keyshortcuts': 'O' }),
      button('blank', t.blank, s, { 'aria-keyshortcuts': 'B', 'aria-pressed': String(s.blank) }),
      button('laser', t.laser, s, { 'aria-keyshortcuts': 'L', 'aria-pressed': String(s.laser) }),
      button('fullscreen', t.fullscreen, s, { 'aria-keyshortcuts': 'F' }),
      button('presenter', t.presenter, s),
    ),
  );
}

/** The progress bar's filled part: the share of slides reached. */
export function progressView(s: DeckState): SvgNode {
  return h('span', { 'data-role': 'progress', style: s.ready ? `width: ${((s.pos.slide + 1) / s.steps.length) * 100}%;` : undefined });
}

export function numberView(s: DeckState, t: LectureStrings): SvgNode {
  return h('div', { class: 'deck-number', 'aria-hidden': 'true', 'data-role': 'number' }, countText(s, t));
}

export function laserView(s: DeckState): SvgNode {
  return h('div', {
    class: 'laser-dot',
    'aria-hidden': 'true',
    'data-role': 'laser',
    hidden: s.dot === null,
    style: s.dot ? `transform: translate(${s.dot.x}px, ${s.dot.y}px);` : undefined,
  });
}

export function blankView(s: DeckState): SvgNode {
  return h('div', { class: 'deck-blank', 'data-role': 'blank', hidden: !s.blank });
}

/** The digits typed so far, or the note that the number named no slide. */
export function gotoView(s: DeckState, t: LectureStrings): SvgNode {
  const text = s.gotoMissed ? t.gotoOutOfRange(s.steps.length) : s.digits ? `${t.goto} ${s.digits}` : '';
  return h('p', { class: 'deck-goto', 'data-role': 'goto', hidden: text === '' }, text);
}

/** A link to slide i in the overview: its still copy and its number and title. */
function thumbView(i: number, s: DeckState, t: LectureStrings, c: DeckContent, copy: SvgNode): SvgNode {
  const title = c.titles[i] ?? '';
  return h(
    'a',
    { class: 'thumb', href: formatPosition({ slide: i, step: 0 }), 'data-index': String(i), 'aria-label': t.slideLabel(i + 1, title), 'aria-current': i === s.pos.slide ? 'true' : undefined },
    h('span', { class: 'thumb-frame', 'aria-hidden': 'true' }, h('span', { class: 'thumb-canvas' }, copy)),
    h('span', { class: 'thumb-label' }, `${i + 1} · ${title}`),
  );
}

export function overviewView(s: DeckState, t: LectureStrings, c: DeckContent): SvgNode {
  const thumbs = s.overview ? (c.thumbs ?? []) : [];
  return h(
    'div',
    { class: 'deck-overview', 'data-role': 'overview', role: 'dialog', 'aria-modal': 'true', 'aria-label': t.overviewTitle, hidden: !s.overview },
    h('p', { class: 'deck-overview-title' }, t.overviewTitle),
    h('div', { class: 'deck-overview-grid', 'data-role': 'overview-grid', style: canvasStyle() }, thumbs.map((copy, i) => thumbView(i, s, t, c, copy))),
    h('p', { class: 'deck-keys' }, t.keys),
  );
}

/** The console's notes: the slide's own, or a line saying it has none. */
export function notesView(s: DeckState, t: LectureStrings, c: DeckContent): SvgNode {
  const notes = c.presenter && s.ready ? (c.notes?.length ? c.notes : [t.noNotes]) : [];
  return h('div', { class: 'console-notes-body', 'data-role': 'notes-view' }, notes);
}

/**
 * The console's next slide: the same page in a frame (?preview=1), moved by its hash so it never
 * reloads. After the last slide the frame gives way to "end of the deck" (and stays where it was).
 */
export function nextView(s: DeckState, t: LectureStrings, c: DeckContent): SvgNode {
  const live = c.presenter && s.ready;
  const upcoming = Math.min(s.pos.slide + 1, s.steps.length - 1);
  return h(
    'div',
    { class: 'console-next-frame', 'data-role': 'next-view', 'data-end-text': t.endOfDeck, 'data-end': live && s.pos.slide + 1 >= s.steps.length },
    live && h('iframe', { title: t.upcoming, src: `${c.path}?preview=1${formatPosition({ slide: upcoming, step: 0 })}` }),
  );
}

/** The console's slide count (with the step builds left), clock and timer buttons. */
export function clockView(s: DeckState, t: LectureStrings): SvgNode {
  const count = countText(s, t);
  const steps = s.steps[s.pos.slide] ?? 0;
  const { elapsed, remaining, over } = clockReading(s);
  return h(
    'section',
    { class: 'console-clock', 'aria-label': t.clock, 'data-role': 'clock' },
    h('p', { class: 'console-count', 'data-role': 'console-count' }, count && steps > 0 ? `${count} · ${t.steps(s.pos.step, steps)}` : count),
    h(
      'p',
      { class: 'console-time' },
      ' ',
      h('span', {}, `${t.elapsed} `, h('strong', { 'data-role': 'elapsed' }, elapsed)),
      ' ',
      h('span', { 'data-role': 'remaining-label' }, over ? t.over : t.remaining),
      ' ',
      h('strong', { 'data-role': 'remaining', 'data-over': over }, remaining),
      ' ',
      h('span', { class: 'console-of' }, t.ofTotal(`${s.minutes}:00`)),
      ' ',
    ),
    h('p', { class: 'console-blanked', 'data-role': 'blanked', hidden: !s.blank }, t.blanked),
    h(
      'p',
      { class: 'console-buttons' },
      ' ',
      button('timer-toggle', s.clock.pausedAt === null ? t.pauseTimer : t.resumeTimer, s),
      ' ',
      button('timer-reset', t.resetTimer, s),
      ' ',
    ),
    h('p', { class: 'deck-keys' }, t.keys),
  );
}

/** The live region: which slide is showing, said once per slide. */
export function announceView(s: DeckState, t: LectureStrings, c: DeckContent): SvgNode {
  const i = s.announced;
  return h('p', { class: 'sr-only', role: 'status', 'aria-live': 'polite', 'data-role': 'announce' }, i === null ? '' : t.announce(i + 1, s.steps.length, c.titles[i] ?? ''));
}

const PARTS: Readonly<Record<DeckPart, (s: DeckState, t: LectureStrings, c: DeckContent) => SvgNode>> = {
  bar: barView,
  progress: progressView,
  number: numberView,
  laser: laserView,
  blank: blankView,
  goto: gotoView,
  overview: overviewView,
  notes: notesView,
  next: nextView,
  clock: clockView,
  announce: announceView,
};

/** One part's tree. */
export function partView(part: DeckPart, s: DeckState, t: LectureStrings, c: DeckContent): SvgNode {
  return PARTS[part](s, t, c);
}

/** Every part's tree. */
export function deckView(s: DeckState, t: LectureStrings, c: DeckContent): Record<DeckPart, SvgNode> {
  return Object.fromEntries(DECK_PARTS.map((p) => [p, PARTS[p](s, t, c)])) as Record<DeckPart, SvgNode>;
}

// ── Still copies for the overview ─────────────────────────────────────────────────────────────

/** What a thumbnail leaves out: controls, notes, captions, live regions and what only screen readers read. */
const LEFT_OUT_CLASSES = ['controls', 'notes', 'fig-menu', 'sr-only'];
const LEFT_OUT_TAGS = new Set(['figcaption', 'noscript']);
/** Elements a thumbnail keeps only as a plain box (so nothing in it hydrates, links or is a heading). */
const PLAIN = new Set(['sep-figure', 'param-control', 'a', 'h2', 'section']);

function leftOut(node: SvgNode): boolean {
  if (LEFT_OUT_TAGS.has(node.tag) || node.attrs['data-role'] === 'announce') return true;
  const cls = typeof node.attrs.class === 'string' ? node.attrs.class.split(/\s+/) : [];
  return LEFT_OUT_CLASSES.some((c) => cls.includes(c));
}

function still(node: SvgNode | string, svg: boolean): SvgNode | string | null {
  if (typeof node === 'string') return node;
  if (leftOut(node)) return null;
  const inSvg = svg || node.tag === 'svg';
  const children = node.children.map((c) => still(c, inSvg && node.tag !== 'foreignObject')).filter((c): c is SvgNode | string => c !== null);
  if (PLAIN.has(node.tag)) return h(node.tag === 'a' ? 'span' : 'div', { class: String(node.attrs.class ?? '') }, children);
  const attrs: Record<string, SvgNode['attrs'][string]> = {};
  for (const [k, v] of Object.entries(node.attrs)) {
    if (k === 'tabindex' || (k === 'id' && !inSvg)) continue;
    attrs[k] = v;
  }
  return h(node.tag, attrs, children);
}

/**
 * A still copy of a slide for the overview grid: no controls, ids, live regions, notes or custom
 * elements, so nothing in it hydrates, takes the focus or repeats an id of the deck. (Ids inside
 * SVG stay: the picture's own references need them.)
 */
export function stillCopy(slide: SvgNode): SvgNode {
  const children = slide.children.map((c) => still(c, false)).filter((c): c is SvgNode | string => c !== null);
  return h('div', { class: `${String(slide.attrs.class ?? '')} thumb-slide` }, children);
}
