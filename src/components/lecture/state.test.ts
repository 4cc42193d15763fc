import { describe, expect, it } from 'vitest';
import {
  back,
  clearGoto,
  clockReading,
  clockText,
  first,
  forward,
  goTo,
  initialDeck,
  jumpToTyped,
  keyCommand,
  last,
  overviewMove,
  pointAt,
  press,
  resetTimer,
  setBlank,
  setLaser,
  start,
  tick,
  toggleTimer,
  typeDigit,
} from './state';

// A deck of four slides (the second has two step builds, the last one), started on slide 1.
const deck = goTo(start(initialDeck([0, 2, 0, 1], 20, 1_000)), { slide: 0, step: 0 });

describe('deck state transitions', () => {
  it('forward walks every step build, then the next slide, and stops at the end (#slide-4.1)', () => {
    const seen: string[] = [];
    let s = deck;
    for (let i = 0; i < 7; i++) {
      s = forward(s);
      seen.push(`${s.pos.slide + 1}.${s.pos.step}`);
    }
    expect(seen).toEqual(['2.0', '2.1', '2.2', '3.0', '4.0', '4.1', '4.1']);
  });

  it('back undoes forward step by step, arriving on a slide with all its builds shown', () => {
    const s = goTo(deck, { slide: 2, step: 0 });
    expect(back(s).pos).toEqual({ slide: 1, step: 2 });
    expect(back(back(s)).pos).toEqual({ slide: 1, step: 1 });
    expect(back(deck)).toBe(deck);
  });

  it('the page as built shows slide 1 with nothing announced; the first goTo announces it', () => {
    const built = initialDeck([0, 2, 0, 1], 20);
    expect([built.ready, built.announced]).toEqual([false, null]);
    expect(goTo(built, { slide: 0, step: 0 }).announced).toBe(0);
  });

  it('goTo clamps into the deck and announces the slide it lands on', () => {
    expect(goTo(deck, { slide: 99, step: 9 }).pos).toEqual({ slide: 3, step: 1 });
    expect(goTo(deck, { slide: 1, step: 9 }).pos).toEqual({ slide: 1, step: 2 });
    expect(goTo(deck, { slide: 2, step: 0 }).announced).toBe(2);
    expect(first(goTo(deck, { slide: 3, step: 1 })).pos).toEqual({ slide: 0, step: 0 });
    expect(last(deck).pos).toEqual({ slide: 3, step: 1 });
  });

  it('typing 1 then 2 then Enter in a deck of four says there is no slide 12; 3 then Enter goes to slide 3', () => {
    const missed = jumpToTyped(typeDigit(typeDigit(deck, '1'), '2'));
    expect(missed.gotoMissed).toBe(true);
    expect(missed.pos).toEqual(deck.pos);
    expect(missed.digits).toBe('');
    const hit = jumpToTyped(typeDigit(deck, '3'));
    expect(hit.pos).toEqual({ slide: 2, step: 0 });
    expect(hit.gotoMissed).toBe(false);
    expect(clearGoto(missed).gotoMissed).toBe(false);
  });

  it('keeps the last four digits typed', () => {
    let s = deck;
    for (const d of '123456') s = typeDigit(s, d);
    expect(s.digits).toBe('3456');
    expect(typeDigit(s, 'x')).toBe(s);
  });

  it('on the room’s black screen a press brings the slide back first; in the console it moves on', () => {
    const dark = setBlank(goTo(deck, { slide: 2, step: 0 }), true);
    const room = press(dark, 'next', true);
    expect([room.blank, room.pos.slide]).toEqual([false, 2]);
    const console = press(dark, 'next', false);
    expect([console.blank, console.pos.slide]).toEqual([true, 3]);
  });

  it('the laser dot stays inside the 1280×720 canvas, rounds to whole px and goes with the laser', () => {
    const on = setLaser(deck, true);
    expect(pointAt(on, 100.4, 200.6).dot).toEqual({ x: 100, y: 201 });
    expect(pointAt(on, 1281, 10).dot).toBeNull();
    expect(pointAt(on, -1, -1).dot).toBeNull();
    expect(pointAt(deck, 100, 100).dot).toBeNull();
    expect(setLaser(pointAt(on, 5, 5), false).dot).toBeNull();
  });

  it('a transition that changes nothing returns the same state (the player then draws nothing)', () => {
    expect(setBlank(deck, false)).toBe(deck);
    expect(setLaser(deck, false)).toBe(deck);
    expect(clearGoto(deck)).toBe(deck);
    expect(tick(deck, deck.clock.now)).toBe(deck);
    expect(start(deck)).toBe(deck);
  });
});

describe('the presenter clock', () => {
  it('clockText writes m:ss with whole seconds: 0 → 0:00, 61.9 → 1:01, 1200 → 20:00, −75 → 1:15', () => {
    expect([0, 61.9, 1200, -75].map(clockText)).toEqual(['0:00', '1:01', '20:00', '1:15']);
  });

  it('a 20-minute talk 5 min 30 s in has 14:30 left; at 21 minutes it is over by 1:00', () => {
    expect(clockReading(tick(deck, 1_000 + 330_000))).toEqual({ elapsed: '5:30', remaining: '14:30', over: false });
    expect(clockReading(tick(deck, 1_000 + 21 * 60_000))).toEqual({ elapsed: '21:00', remaining: '1:00', over: true });
  });

  it('a pause leaves its time out: paused at 1:00 for 10 minutes, resumed, read a minute later → 2:00', () => {
    const paused = toggleTimer(deck, 1_000 + 60_000);
    expect(clockReading(tick(paused, 1_000 + 660_000)).elapsed).toBe('1:00');
    const resumed = toggleTimer(paused, 1_000 + 660_000);
    expect(clockReading(tick(resumed, 1_000 + 720_000)).elapsed).toBe('2:00');
  });

  it('reset starts from zero and stays paused if it was', () => {
    expect(clockReading(resetTimer(tick(deck, 500_000), 500_000)).elapsed).toBe('0:00');
    expect(resetTimer(toggleTimer(deck, 2_000), 9_000).clock.pausedAt).toBe(9_000);
  });
});

describe('keys', () => {
  it('→, ↓, PageDown, N and Space go forward; ←, ↑, PageUp, P, Backspace and Shift+Space go back', () => {
    for (const k of ['ArrowRight', 'ArrowDown', 'PageDown', 'n', 'N', ' ']) expect(keyCommand(k)).toBe('next');
    for (const k of ['ArrowLeft', 'ArrowUp', 'PageUp', 'p', 'P', 'Backspace']) expect(keyCommand(k)).toBe('prev');
    expect(keyCommand(' ', { shift: true })).toBe('prev');
  });

  it('Space on a button presses the button, not the deck', () => {
    expect(keyCommand(' ', { onButton: true })).toBeNull();
  });

  it('O and Esc open the overview, and in it close it; B and . black out, L lasers, F goes full screen, Home and End', () => {
    expect([keyCommand('o'), keyCommand('Escape')]).toEqual(['overview', 'overview']);
    expect([keyCommand('O', { overview: true }), keyCommand('Escape', { overview: true })]).toEqual(['close-overview', 'close-overview']);
    expect(keyCommand('ArrowRight', { overview: true })).toBeNull();
    expect([keyCommand('b'), keyCommand('.'), keyCommand('L'), keyCommand('f')]).toEqual(['blank', 'blank', 'laser', 'fullscreen']);
    expect([keyCommand('Home'), keyCommand('End'), keyCommand('x')]).toEqual(['first', 'last', null]);
  });

  it('while digits are typed, Enter jumps and Esc or Backspace clears them (Esc opens the overview otherwise)', () => {
    expect(keyCommand('7')).toEqual({ digit: '7' });
    expect(keyCommand('Enter', { typing: true })).toBe('jump');
    expect(keyCommand('Enter')).toBeNull();
    expect(keyCommand('Escape', { typing: true })).toBe('clear-goto');
    expect(keyCommand('Backspace', { typing: true })).toBe('clear-goto');
  });

  it('overviewMove: in a grid of 10 with 4 to a row, ↓ from 1 is 5, ↓ from 8 stops at 9, Home is 0, End is 9', () => {
    expect(overviewMove('ArrowDown', 1, 4, 10)).toBe(5);
    expect(overviewMove('ArrowDown', 8, 4, 10)).toBe(9);
    expect(overviewMove('ArrowLeft', 0, 4, 10)).toBe(0);
    expect(overviewMove('Home', 6, 4, 10)).toBe(0);
    expect(overviewMove('End', 2, 4, 10)).toBe(9);
    expect(overviewMove('Enter', 2, 4, 10)).toBeUndefined();
  });
});
