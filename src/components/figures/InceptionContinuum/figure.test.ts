import { describe, expect, it } from 'vitest';
import { figure } from './figure';
import type { SvgNode } from '../../figure-kit/svg';
import { defaultValues, findAll, testFrame } from '../../figure-kit/testing';
import { SLIDE_HEIGHT, SLIDE_WIDTH } from '../../figure-kit/frame';

const exact = (svg: SvgNode, name: string) => findAll(svg, (n) => n.attrs['data-quantity'] === name)[0]?.attrs['data-exact'];
// Xception's middle flow: 19×19×728, 3×3 kernels (Chollet 2017, Fig. 5).
const xc = { ...defaultValues, k: 3, m: 728, df: 19 };

/** Every x a node places something at, and every font-size attribute, for layout checks. */
function extents(svg: SvgNode): { xs: number[]; right: number[]; fontSizes: number[] } {
  const xs: number[] = [];
  const right: number[] = [];
  const fontSizes: number[] = [];
  for (const n of findAll(svg, () => true)) {
    for (const key of ['x', 'x1', 'x2', 'cx']) if (n.attrs[key] !== undefined) xs.push(Number(n.attrs[key]));
    if (n.tag === 'rect') right.push(Number(n.attrs.x) + Number(n.attrs.width));
    if (n.attrs['font-size'] !== undefined) fontSizes.push(Number(n.attrs['font-size']));
  }
  return { xs, right, fontSizes };
}

describe('inceptionContinuum.render(values, frame)', () => {
  it('at S = 4 of 728 shows 728² + 9·728²/4 = 1,722,448 parameters and 361 times that in mult-adds', () => {
    const { svg, tex } = figure.render({ ...xc, segments: 4 }, testFrame());
    expect(exact(svg, 'segments')).toBe('4');
    expect(exact(svg, 'params')).toBe('1722448');
    expect(exact(svg, 'macs')).toBe(String(1_722_448 * 361));
    expect(svg.attrs['data-point']).toBe('inception');
    expect(tex).toContain('1{,}722{,}448');
  });
  it('at S = 1 the block is a 1×1 then a regular 3×3: 10 · 728² = 5,299,840 parameters', () => {
    const { svg } = figure.render({ ...xc, segments: 1 }, testFrame());
    expect(exact(svg, 'params')).toBe('5299840');
    expect(svg.attrs['data-point']).toBe('regular');
  });
  it('at S = M it is the separable layer: 728² + 9·728 = 536,536 parameters', () => {
    const { svg, summary } = figure.render({ ...xc, segments: 728 }, testFrame());
    expect(exact(svg, 'params')).toBe('536536');
    expect(svg.attrs['data-point']).toBe('separable');
    expect(summary).toContain('depthwise separable');
  });
  it('draws one stop per divisor of M and fills the chosen one', () => {
    const { svg } = figure.render({ ...xc, segments: 4 }, testFrame());
    const stops = findAll(svg, (n) => typeof n.attrs.class === 'string' && n.attrs.class.startsWith('stop'));
    expect(stops).toHaveLength(16);
    expect(stops.filter((n) => String(n.attrs.class).includes(' on'))).toHaveLength(1);
    // The three named points: 1 (regular), 4 (Inception) and 728 (separable); 3 does not divide 728.
    expect(findAll(svg, (n) => String(n.attrs.class).includes('point-name')).map((n) => n.attrs['data-point'])).toEqual(['regular', 'inception', 'separable']);
  });
  it('draws every segment up to 8, and four, a gap and two beyond', () => {
    const count = (s: number) => findAll(figure.render({ ...defaultValues, m: 32, segments: s }, testFrame()).svg, (n) => n.attrs.class === 'op-spatial').length;
    expect(count(1)).toBe(1);
    expect(count(8)).toBe(8);
    expect(count(32)).toBe(6);
  });
  it('draws a stray S (not a divisor) at the nearest divisor rather than failing', () => {
    const { svg } = figure.render({ ...defaultValues, m: 32, segments: 5 }, testFrame());
    expect(exact(svg, 'segments')).toBe('4');
  });
  it.each([
    ['phone', testFrame(316)],
    ['laptop page', testFrame(680)],
    ['slide', { uid: 's', width: SLIDE_WIDTH, height: SLIDE_HEIGHT, context: 'slide' as const, lang: 'en' as const }],
    ['narrow slide', { uid: 's', width: 460, height: SLIDE_HEIGHT, context: 'slide' as const, lang: 'en' as const }],
  ])('is laid out inside its %s frame: viewBox as wide as the frame, nothing beyond it, no font-size attribute', (_, frame) => {
    for (const segments of [1, 4, 728]) {
      const { svg } = figure.render({ ...xc, segments }, frame);
      const [, , w, hgt] = String(svg.attrs.viewBox).split(' ').map(Number);
      expect(w).toBe(frame.width);
      if (frame.height) expect(hgt).toBeLessThanOrEqual(frame.height);
      for (const r of findAll(svg, (n) => n.tag === 'rect')) expect(Math.min(Number(r.attrs.width), Number(r.attrs.height))).toBeGreaterThanOrEqual(0);
      const { xs, right, fontSizes } = extents(svg);
      for (const x of [...xs, ...right]) expect(x).toBeLessThanOrEqual(frame.width);
      for (const x of xs) expect(x).toBeGreaterThanOrEqual(0);
      expect(fontSizes).toEqual([]);
    }
  });
});
