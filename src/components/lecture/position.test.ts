import { describe, expect, it } from 'vitest';
import { clampPosition, formatPosition, nextPosition, parsePosition, parsePositionClamped, previousPosition, typedSlide } from './position';
import { CANVAS, FIGURE_BOX_WIDTH, fitCanvas } from './canvas';
import { SLIDE_HEIGHT, SLIDE_WIDTH, SLIDE_ZOOM } from '../figure-kit/frame';

// A deck of four slides; slide 2 has three step builds, slide 4 has one.
const steps = [0, 3, 0, 1];

describe('deck positions', () => {
  it('parsePosition reads #slide-N and #slide-N.S, clamping the step to the slide', () => {
    expect(parsePosition('#slide-1', steps)).toEqual({ slide: 0, step: 0 });
    expect(parsePosition('#slide-2.2', steps)).toEqual({ slide: 1, step: 2 });
    expect(parsePosition('#slide-2.9', steps)).toEqual({ slide: 1, step: 3 });
    expect(parsePosition('#slide-3.1', steps)).toEqual({ slide: 2, step: 0 });
  });

  it('parsePosition refuses slides outside the deck and anything else', () => {
    for (const bad of ['', '#slide-0', '#slide-5', '#slide-', '#slide-2.', '#slide-x', '#figure-cost-bars', '#slide-1e3', '#slide-99999']) {
      expect(parsePosition(bad, steps), bad).toBeUndefined();
    }
  });

  it('formatPosition writes the short form without steps and round-trips', () => {
    expect(formatPosition({ slide: 0, step: 0 })).toBe('#slide-1');
    expect(formatPosition({ slide: 4, step: 2 })).toBe('#slide-5.2');
    for (let slide = 0; slide < steps.length; slide++)
      for (let step = 0; step <= steps[slide]; step++) expect(parsePosition(formatPosition({ slide, step }), steps)).toEqual({ slide, step });
  });

  it('nextPosition walks every step of every slide once, in order, and stops at the end', () => {
    const seen = [];
    let p = { slide: 0, step: 0 };
    for (let i = 0; i < 20; i++) {
      seen.push(formatPosition(p));
      p = nextPosition(p, steps);
    }
    // 4 slides + 3 + 1 step builds = 8 positions, then the last one repeats.
    expect([...new Set(seen)]).toEqual(['#slide-1', '#slide-2', '#slide-2.1', '#slide-2.2', '#slide-2.3', '#slide-3', '#slide-4', '#slide-4.1']);
  });

  it('previousPosition undoes nextPosition, and going back enters a slide with its steps shown', () => {
    expect(previousPosition({ slide: 2, step: 0 }, steps)).toEqual({ slide: 1, step: 3 });
    expect(previousPosition({ slide: 0, step: 0 }, steps)).toEqual({ slide: 0, step: 0 });
    let p = { slide: 0, step: 0 };
    for (let i = 0; i < 7; i++) {
      const q = nextPosition(p, steps);
      expect(previousPosition(q, steps)).toEqual(p);
      p = q;
    }
  });

  it('clampPosition keeps a position inside the deck', () => {
    expect(clampPosition({ slide: -3, step: 5 }, steps)).toEqual({ slide: 0, step: 0 });
    expect(clampPosition({ slide: 10, step: 5 }, steps)).toEqual({ slide: 3, step: 1 });
  });

  it('typedSlide takes a 1-based number within the deck only', () => {
    expect(typedSlide('3', 4)).toBe(2);
    expect(typedSlide('04', 4)).toBe(3);
    expect(typedSlide('0', 4)).toBeUndefined();
    expect(typedSlide('5', 4)).toBeUndefined();
    expect(typedSlide('', 4)).toBeUndefined();
    expect(typedSlide('1.5', 4)).toBeUndefined();
  });
});

describe('the slide canvas', () => {
  it('is 16:9', () => {
    expect(CANVAS.width * 9).toBe(CANVAS.height * 16);
  });

  it("gives a figure the box the figure kit lays slides out for (SLIDE_WIDTH units of SLIDE_ZOOM px)", () => {
    expect(FIGURE_BOX_WIDTH).toBe(1180);
    expect(SLIDE_WIDTH).toBe(Math.floor(FIGURE_BOX_WIDTH / SLIDE_ZOOM));
    // The picture's height budget fits under the top padding on a 720 px canvas.
    expect(SLIDE_HEIGHT * SLIDE_ZOOM).toBeLessThan(CANVAS.height - CANVAS.padTop - CANVAS.padBottom);
  });

  it('fitCanvas uses the largest scale that fits, centred on whole pixels', () => {
    expect(fitCanvas(1280, 720)).toEqual({ scale: 1, x: 0, y: 0 });
    expect(fitCanvas(1920, 1080)).toEqual({ scale: 1.5, x: 0, y: 0 });
    // A 16:10 laptop: width-bound, bands above and below.
    expect(fitCanvas(1440, 900)).toEqual({ scale: 1.125, x: 0, y: 45 });
    // A 4:3 projector.
    const { scale, x, y } = fitCanvas(1024, 768);
    expect(scale).toBe(0.8);
    expect([x, y]).toEqual([0, 96]);
    // A tall window: height is not the limit, width is.
    expect(fitCanvas(640, 2000).scale).toBe(0.5);
    expect(fitCanvas(0, 720)).toEqual({ scale: 1, x: 0, y: 0 });
  });
});

describe('parsePositionClamped(hash, steps)', () => {
  const steps = [0, 2, 0];
  it('clamps a slide number outside the deck into it, and a step to the slide’s steps', () => {
    expect(parsePositionClamped('#slide-9999', steps)).toEqual({ slide: 2, step: 0 });
    expect(parsePositionClamped('#slide-0', steps)).toEqual({ slide: 0, step: 0 });
    expect(parsePositionClamped('#slide-2.7', steps)).toEqual({ slide: 1, step: 2 });
    // Past any length a number check would allow: still the last slide, and its last step.
    expect(parsePositionClamped('#slide-99999999999', steps)).toEqual({ slide: 2, step: 0 });
    expect(parsePositionClamped(`#slide-${'9'.repeat(400)}.${'9'.repeat(400)}`, steps)).toEqual({ slide: 2, step: 0 });
    expect(parsePositionClamped('#slide-2.99999999999', steps)).toEqual({ slide: 1, step: 2 });
  });
  it('reads nothing from a hash that is not a slide number', () => {
    expect(parsePositionClamped('#slide-x', steps)).toBeUndefined();
    expect(parsePositionClamped('#intro', steps)).toBeUndefined();
  });
});
