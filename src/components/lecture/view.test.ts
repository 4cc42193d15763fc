import { describe, expect, it } from 'vitest';
import { h, toMarkup } from '../figure-kit/svg';
import { findAll } from '../figure-kit/testing';
import { lectureEn } from '../../i18n/lecture.en';
import { lectureZh } from '../../i18n/lecture.zh';
import { role, textOf } from '../../../tests/unit/support/tree';
import { goTo, initialDeck, setBlank, setOverview, start, tick, toggleTimer, typeDigit, jumpToTyped, setLaser, pointAt } from './state';
import { barView, clockView, deckView, gotoView, laserView, nextView, notesView, overviewView, stillCopy, type DeckContent } from './view';

const content: DeckContent = { titles: ['One', 'Two', 'Three'], exitHref: '/lecture/', path: '/lecture/x/', presenter: false };
const built = initialDeck([0, 2, 1], 15);
const running = goTo(start(built), { slide: 1, step: 1 });

describe('deckView(state, words, content)', () => {
  it('the page as built: buttons disabled, no count, nothing announced, the clock at 0:00 of 15:00', () => {
    const v = deckView(built, lectureEn, content);
    const buttons = findAll(v.bar, (n) => n.tag === 'button');
    expect(buttons).toHaveLength(7);
    expect(buttons.every((b) => b.attrs.disabled === true)).toBe(true);
    expect(textOf(role(v.bar, 'count'))).toBe('');
    expect(textOf(v.announce)).toBe('');
    expect(textOf(role(v.clock, 'elapsed'))).toBe('0:00');
    expect(textOf(role(v.clock, 'remaining'))).toBe('15:00');
    expect(toMarkup(v.bar)).toContain('<button type="button" data-action="prev" disabled>← Previous</button>');
    expect(toMarkup(v.blank)).toBe('<div class="deck-blank" data-role="blank" hidden></div>');
  });

  it('slide 2 of 3 with one of two builds shown: count 2 / 3, the console says step 1 of 2, the bar 2/3 filled', () => {
    const v = deckView(running, lectureEn, content);
    expect(textOf(role(v.bar, 'count'))).toBe('2 / 3');
    expect(textOf(v.number)).toBe('2 / 3');
    expect(textOf(role(v.clock, 'console-count'))).toBe('2 / 3 · step 1 of 2');
    expect(v.progress.attrs.style).toBe(`width: ${(2 / 3) * 100}%;`);
    expect(textOf(v.announce)).toBe('Slide 2 of 3: Two');
    expect(findAll(v.bar, (n) => n.tag === 'button').every((b) => !b.attrs.disabled)).toBe(true);
  });

  it('marks Previous at the start and Next at the end as going nowhere', () => {
    const at = (slide: number, step: number) => barView(goTo(start(built), { slide, step }), lectureEn, content);
    const flag = (tree: ReturnType<typeof at>, action: string) => findAll(tree, (n) => n.attrs['data-action'] === action)[0].attrs['aria-disabled'];
    expect([flag(at(0, 0), 'prev'), flag(at(0, 0), 'next')]).toEqual(['true', undefined]);
    expect([flag(at(2, 1), 'prev'), flag(at(2, 1), 'next')]).toEqual([undefined, 'true']);
  });

  it('the black screen and the laser press their buttons and show their layers', () => {
    const s = pointAt(setLaser(setBlank(running, true), true), 10, 20);
    const bar = barView(s, lectureEn, content);
    expect(findAll(bar, (n) => n.attrs['aria-pressed'] === 'true').map((n) => n.attrs['data-action'])).toEqual(['blank', 'laser']);
    expect(deckView(s, lectureEn, content).blank.attrs.hidden).toBe(false);
    expect(laserView(s).attrs).toMatchObject({ hidden: false, style: 'transform: translate(10px, 20px);' });
    expect(role(clockView(s, lectureEn), 'blanked').attrs.hidden).toBe(false);
  });

  it('go-to: the digits typed, then in Chinese the note that the deck has no such slide', () => {
    expect(textOf(gotoView(typeDigit(running, '9'), lectureEn))).toBe('Go to slide 9');
    const missed = gotoView(jumpToTyped(typeDigit(running, '9')), lectureZh);
    expect([missed.attrs.hidden, textOf(missed)]).toEqual([false, '没有这一张：本讲义共 3 张。']);
    expect(gotoView(running, lectureEn).attrs.hidden).toBe(true);
  });

  it('the overview lists every slide as a link to its hash, the current one marked, and makes the bar inert', () => {
    const thumbs = content.titles.map((t) => h('div', { class: 'slide thumb-slide' }, t));
    const open = setOverview(running, true);
    const tree = overviewView(open, lectureEn, { ...content, thumbs });
    const links = findAll(tree, (n) => n.tag === 'a');
    expect(links.map((l) => l.attrs.href)).toEqual(['#slide-1', '#slide-2', '#slide-3']);
    expect(links.map((l) => l.attrs['aria-current'])).toEqual([undefined, 'true', undefined]);
    expect(links[2].attrs['aria-label']).toBe('Slide 3: Three');
    expect(tree.attrs.hidden).toBe(false);
    expect(barView(open, lectureEn, content).attrs.inert).toBe(true);
    expect(findAll(overviewView(running, lectureEn, { ...content, thumbs }), (n) => n.tag === 'a')).toEqual([]);
  });

  it('the console: the slide’s notes (or a line saying there are none), the next slide in a preview frame, the end', () => {
    const presenter = { ...content, presenter: true };
    const note = h('aside', { class: 'notes' }, 'Say this.');
    expect(textOf(notesView(running, lectureEn, { ...presenter, notes: [note] }))).toBe('Say this.');
    expect(textOf(notesView(running, lectureEn, { ...presenter, notes: [] }))).toBe('No notes for this slide.');
    const frame = findAll(nextView(running, lectureEn, presenter), (n) => n.tag === 'iframe')[0];
    expect(frame.attrs.src).toBe('/lecture/x/?preview=1#slide-3');
    expect(nextView(goTo(running, { slide: 2, step: 0 }), lectureEn, presenter).attrs['data-end']).toBe(true);
    expect(findAll(nextView(running, lectureEn, content), (n) => n.tag === 'iframe')).toEqual([]);
  });

  it('the clock: paused it offers to resume; past the time it says how much over', () => {
    const paused = toggleTimer(running, running.clock.now);
    expect(textOf(findAll(clockView(paused, lectureEn), (n) => n.attrs['data-action'] === 'timer-toggle')[0])).toBe('Resume timer');
    const late = clockView(tick(running, running.clock.startedAt + 16 * 60_000), lectureEn);
    expect(textOf(role(late, 'remaining-label'))).toBe('Over by');
    expect(role(late, 'remaining').attrs['data-over']).toBe(true);
    expect(textOf(role(late, 'remaining'))).toBe('1:00');
  });
});

describe('stillCopy(slide)', () => {
  const slide = h(
    'section',
    { class: 'slide', 'data-slide': '', id: 's1', 'aria-label': 'One' },
    h('h2', { class: 'slide-title', tabindex: '-1', id: 'one' }, 'One'),
    h('sep-figure', { class: 'figure', 'data-figure': 'x' }, h('div', { class: 'controls' }, h('input', {})), h('svg', { id: 'clip' }, h('g', { id: 'keep', tabindex: '0' })), h('figcaption', {}, 'c')),
    h('a', { href: '/x', id: 'l' }, 'link'),
    h('aside', { class: 'notes' }, 'notes'),
    h('p', { class: 'sr-only' }, 'hidden'),
  );
  const copy = stillCopy(slide);
  const markup = toMarkup(copy);

  it('leaves out controls, captions, notes and screen-reader text', () => {
    expect(markup).not.toMatch(/controls|<input|figcaption|notes|sr-only/);
  });

  it('turns figures, links, headings and sections into plain boxes that keep only their class', () => {
    expect(findAll(copy, (n) => ['sep-figure', 'a', 'h2', 'section'].includes(n.tag))).toEqual([]);
    expect(markup).toContain('<div class="slide-title">One</div>');
    expect(markup).toContain('<span class="">link</span>');
    expect(copy.attrs.class).toBe('slide thumb-slide');
  });

  it('drops ids outside SVG and every tabindex; ids inside SVG stay for its references', () => {
    expect(findAll(copy, (n) => n.attrs.tabindex !== undefined)).toEqual([]);
    expect(findAll(copy, (n) => n.attrs.id !== undefined).map((n) => n.attrs.id)).toEqual(['clip', 'keep']);
  });
});
