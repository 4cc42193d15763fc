import { describe, expect, it } from 'vitest';
import { channelRanges, circlesPath, figure, segmentsPath } from './figure';
import type { SvgNode } from '../../figure-kit/svg';
import { defaultValues, findAll, testFrame } from '../../figure-kit/testing';
import { SLIDE_HEIGHT, SLIDE_WIDTH } from '../../figure-kit/frame';

const exact = (svg: SvgNode, name: string) => findAll(svg, (n) => n.attrs['data-quantity'] === name)[0]?.attrs['data-exact'];

describe('channelShuffle.render(values, frame)', () => {
  it('C = 12, G = 3: each output sees 4 inputs without the shuffle and all 12 with it; 96 weights either way', () => {
    const { svg, summary } = figure.render({ ...defaultValues, sc: 12, sg: 3 }, testFrame());
    expect(exact(svg, 'reach-plain')).toBe('4');
    expect(exact(svg, 'reach-shuffled')).toBe('12');
    // Two grouped 1×1 layers: 2 · 12 · 12 / 3 = 96 weights.
    expect(exact(svg, 'params-plain')).toBe('96');
    expect(exact(svg, 'params-shuffled')).toBe('96');
    expect(summary).toContain('sees 4 of the 12 inputs, with it 12');
  });
  it('draws C²/G lines per grouped layer and C shuffle lines per panel: 2 · (2 · 48 + 12) for C = 12, G = 3, one path per colour and column pair', () => {
    const { svg } = figure.render({ ...defaultValues, sc: 12, sg: 3 }, testFrame());
    const edges = findAll(svg, (n) => String(n.attrs.class).startsWith('edge '));
    expect(edges.every((n) => n.tag === 'path')).toBe(true);
    const lines = (cls: RegExp) => edges.filter((n) => cls.test(String(n.attrs.class))).reduce((sum, n) => sum + (String(n.attrs.d).match(/M/g) ?? []).length, 0);
    expect(lines(/^edge grp-/)).toBe(2 * 2 * 48);
    expect(lines(/^edge move grp-/)).toBe(2 * 12);
    // Three groups, three colours: layer lines and shuffle lines of each, in each panel.
    expect(edges).toHaveLength(2 * (3 + 3));
    // Output 1 of the plain panel is fed by inputs 1–4 of group 1 (blue): four lines into its row.
    const plain = findAll(svg, (n) => n.attrs.class === 'panel panel-plain')[0];
    const blue = findAll(plain, (n) => n.attrs.class === 'edge grp-0')[0];
    const ends = [...String(blue.attrs.d).matchAll(/L([\d.]+) ([\d.]+)/g)].map((m) => `${m[1]},${m[2]}`);
    expect(new Set(ends).size).toBe(2 * 4);
  });
  it('rings the inputs each output sees, one path of circles per output', () => {
    const { svg } = figure.render({ ...defaultValues, sc: 6, sg: 3 }, testFrame());
    const shuffled = findAll(svg, (n) => n.attrs.class === 'panel panel-shuffled')[0];
    const outs = findAll(shuffled, (n) => n.attrs.class === 'out');
    const circles = (out: SvgNode) => (String(findAll(out, (n) => n.attrs.class === 'ring')[0].attrs.d).match(/M/g) ?? []).length;
    // With the shuffle output 6 sees inputs 3–6.
    expect(circles(outs[5])).toBe(4);
    expect(outs.map(circles)).toEqual([4, 4, 4, 4, 4, 4]);
  });
  it('labels each output with the inputs it sees (1-based ranges)', () => {
    const { svg } = figure.render({ ...defaultValues, sc: 6, sg: 3 }, testFrame());
    const labels = findAll(svg, (n) => n.attrs.class === 'out').map((n) => n.attrs['aria-label']);
    expect(labels).toHaveLength(12);
    expect(labels[0]).toBe('Output 1 sees inputs 1–2');
    // With the shuffle, output 1 reads first-layer outputs 1 and 3: groups 1 and 2, inputs 1–4.
    expect(labels[6]).toBe('Output 1 sees inputs 1–4');
    expect(labels[11]).toBe('Output 6 sees inputs 3–6');
  });
  it('colours the shuffled panel’s second-layer inputs by the group they came from', () => {
    const { svg } = figure.render({ ...defaultValues, sc: 6, sg: 3 }, testFrame());
    const panel = findAll(svg, (n) => n.attrs.class === 'panel panel-shuffled')[0];
    // One path of circles per colour: each circle starts at its left edge (x − r, y).
    const circles = findAll(panel, (n) => n.tag === 'path' && String(n.attrs.class).startsWith('node grp')).flatMap((n) =>
      [...String(n.attrs.d).matchAll(/M([\d.]+) ([\d.]+)/g)].map((m) => ({ x: Number(m[1]), y: Number(m[2]), cls: n.attrs.class })),
    );
    expect(circles).toHaveLength(3 * 6);
    const columns = [...new Set(circles.map((c) => c.x))].sort((a, b) => a - b);
    expect(columns).toHaveLength(3);
    const third = circles.filter((c) => c.x === columns[2]).sort((a, b) => a.y - b.y);
    // Column 3 (after the shuffle) holds first-layer outputs 0 2 4 1 3 5: groups 0 1 2 0 1 2.
    expect(third.map((c) => c.cls)).toEqual(['node grp-0', 'node grp-1', 'node grp-2', 'node grp-0', 'node grp-1', 'node grp-2']);
    // Before it, the channels keep their own groups: 0 0 1 1 2 2.
    expect(circles.filter((c) => c.x === columns[1]).sort((a, b) => a.y - b.y).map((c) => c.cls)).toEqual(['node grp-0', 'node grp-0', 'node grp-1', 'node grp-1', 'node grp-2', 'node grp-2']);
  });
  it('draws a stray G (not a divisor of C) at the nearest divisor', () => {
    const { svg } = figure.render({ ...defaultValues, sc: 12, sg: 5 }, testFrame());
    expect(exact(svg, 'groups')).toBe('4');
  });
  it.each([
    ['phone', testFrame(316)],
    ['laptop page', testFrame(680)],
    ['slide', { uid: 's', width: SLIDE_WIDTH, height: SLIDE_HEIGHT, context: 'slide' as const, lang: 'en' as const }],
    ['narrow slide', { uid: 's', width: 460, height: SLIDE_HEIGHT, context: 'slide' as const, lang: 'en' as const }],
  ])('is laid out inside its %s frame for every C up to 24', (_, frame) => {
    for (const [sc, sg] of [
      [1, 1],
      [12, 3],
      [24, 1],
      [24, 24],
    ]) {
      const { svg } = figure.render({ ...defaultValues, sc, sg }, frame);
      const [, , w, hgt] = String(svg.attrs.viewBox).split(' ').map(Number);
      expect(w).toBe(frame.width);
      if (frame.height) expect(hgt).toBeLessThanOrEqual(frame.height);
      for (const r of findAll(svg, (n) => n.tag === 'rect')) expect(Math.min(Number(r.attrs.width), Number(r.attrs.height))).toBeGreaterThanOrEqual(0);
      for (const n of findAll(svg, () => true)) {
        for (const key of ['x', 'x1', 'x2', 'cx']) if (n.attrs[key] !== undefined) expect(Number(n.attrs[key])).toBeLessThanOrEqual(w);
        for (const key of ['y', 'y1', 'y2', 'cy']) if (n.attrs[key] !== undefined) expect(Number(n.attrs[key])).toBeLessThanOrEqual(hgt);
        expect(n.attrs['font-size']).toBeUndefined();
        // Lines, circles and rings drawn as paths: every point they move or draw a line to.
        if (n.tag === 'path')
          for (const m of String(n.attrs.d).matchAll(/[ML](-?[\d.]+) (-?[\d.]+)/g)) {
            expect(Number(m[1])).toBeGreaterThanOrEqual(0);
            expect(Number(m[1])).toBeLessThanOrEqual(w);
            expect(Number(m[2])).toBeLessThanOrEqual(hgt);
          }
      }
    }
  });
});

describe('segmentsPath and circlesPath', () => {
  it('write each segment as a move and a line, and each circle as two half arcs, to a tenth of a unit', () => {
    expect(segmentsPath([
      [0, 0, 10, 5.04],
      [1.25, 2, 3, 4],
    ])).toBe('M0 0L10 5M1.3 2L3 4');
    // A circle of radius 2 around (5, 5): from (3, 5) a half arc to (7, 5) and back.
    expect(circlesPath([[5, 5]], 2)).toBe('M3 5a2 2 0 1 0 4 0a2 2 0 1 0 -4 0');
    expect(circlesPath([], 2)).toBe('');
  });
});

describe('channelRanges(list)', () => {
  it('writes runs of channels as 1-based ranges', () => {
    expect(channelRanges([0])).toBe('1');
    expect(channelRanges([0, 1, 2, 3])).toBe('1–4');
    expect(channelRanges([0, 1, 4, 5, 8])).toBe('1–2, 5–6 and 9');
  });
});
