import { describe, expect, it } from 'vitest';
import { figure as ratioCurves, plotFor, spread, CURVE_KERNELS } from './figure';
import type { SvgNode } from '../../figure-kit/svg';
import { pathPoints } from '../../figure-kit/paths';
import { defaultValues as defaults, findAll as all, testFrame } from '../../figure-kit/testing';
import { layoutIssues } from '../../figure-kit/layout-check';
import { SLIDE_HEIGHT } from '../../figure-kit/frame';

const q = (svg: SvgNode, name: string) => all(svg, (n) => n.attrs['data-quantity'] === name)[0]?.attrs;
const curves = (svg: SvgNode) => all(svg, (n) => n.attrs.class?.toString().startsWith('rc-curve') === true);

describe('ratioCurves.render(values, frame)', () => {
  it('marks 1/64 + 1/9 = 73/576 for the defaults (Howard et al. 2017, eq. 5)', () => {
    const { svg, tex } = ratioCurves.render(defaults, testFrame());
    expect(q(svg, 'ratio')?.['data-fraction']).toBe('73/576');
    expect(tex).toContain('\\frac{73}{576}');
  });
  it('draws a curve for K = 1, 3, 5, 7 plus the reader’s K, each with its asymptote 1/K²', () => {
    const { svg } = ratioCurves.render({ ...defaults, k: 11 }, testFrame());
    expect(curves(svg).map((n) => Number(n.attrs['data-k']))).toEqual([...CURVE_KERNELS, 11]);
    const asym = all(svg, (n) => n.attrs['data-asymptote'] !== undefined).map((n) => Number(n.attrs['data-asymptote']));
    expect(asym).toEqual([1, 1 / 9, 1 / 25, 1 / 49, 1 / 121]);
  });
  it('keeps the floor of D_K = 11, 1/121, inside the plot (not clamped onto the bottom edge)', () => {
    const p = plotFor(testFrame());
    expect(p.y(1 / 121)).toBeLessThan(p.bottom - 4);
    expect(p.y(1 / 49)).toBeLessThan(p.y(1 / 121));
  });
  it('puts the marker on the curve: at (N, 1/N + 1/K²) in the log scales, at every width', () => {
    for (const frame of [testFrame(316), testFrame(680), { ...testFrame(500, 's', 'slide'), height: SLIDE_HEIGHT }]) {
      const p = plotFor(frame);
      const { svg } = ratioCurves.render({ ...defaults, k: 5, n: 256 }, frame);
      const c = all(svg, (n) => n.attrs.class === 'rc-marker')[0];
      expect(Number(c.attrs.cx)).toBeCloseTo(p.x(256), 6);
      expect(Number(c.attrs.cy)).toBeCloseTo(p.y(1 / 256 + 1 / 25), 6);
    }
  });
  it('each curve lies above its asymptote and approaches it: the path’s last point is within 1.5 px', () => {
    const p = plotFor(testFrame());
    const { svg } = ratioCurves.render(defaults, testFrame());
    for (const g of curves(svg)) {
      const k = Number(g.attrs['data-k']);
      const d = String(all(g, (n) => n.tag === 'path')[0].attrs.d);
      const ys = pathPoints(d).map(([, y]) => y);
      const asymY = p.y(1 / (k * k));
      for (const y of ys) expect(y).toBeLessThanOrEqual(asymY + 0.06); // smaller y = higher ratio (path rounded to 0.1)
      expect(asymY - ys[ys.length - 1]).toBeLessThan(k === 1 ? 2 : 1.5);
    }
  });
  it('links the formula’s two terms: 1/D_K² is the reader’s asymptote, 1/N the gap from it up to the marker', () => {
    const p = plotFor(testFrame());
    const { svg, tex } = ratioCurves.render({ ...defaults, k: 3, n: 16 }, testFrame());
    expect(tex).toContain('\\htmlData{term=depthwise}{\\frac{1}{N}}');
    const floor = all(svg, (n) => n.tag === 'line' && n.attrs['data-term'] === 'pointwise');
    expect(floor.map((n) => n.attrs['data-asymptote'])).toEqual([1 / 9]);
    const gap = all(svg, (n) => n.attrs['data-term'] === 'depthwise')[0];
    expect(Number(gap.attrs.y1)).toBeCloseTo(p.y(1 / 9), 6);
    expect(Number(gap.attrs.y2)).toBeCloseTo(p.y(1 / 16 + 1 / 9), 6);
  });
  it('spread(ys, gap) keeps the order and at least `gap` between labels, inside [lo, hi]', () => {
    const out = spread([100, 104, 50, 103], 14, 0, 200);
    expect(out[2]).toBe(50);
    const sorted = [...out].sort((a, b) => a - b);
    for (let i = 1; i < sorted.length; i++) expect(sorted[i] - sorted[i - 1]).toBeGreaterThanOrEqual(14 - 1e-9);
    expect(Math.max(...spread([195, 198, 199], 14, 0, 200))).toBeLessThanOrEqual(200);
  });
  it('the curve labels never overlap, whatever the reader’s K', () => {
    for (let k = 1; k <= 11; k++) {
      const texts = all(ratioCurves.render({ ...defaults, k }, testFrame(316)).svg, (n) => n.tag === 'text' && /1\/\d+|: 1$/.test(JSON.stringify(n.children)));
      const ys = texts.map((t) => Number(t.attrs.y)).sort((a, b) => a - b);
      for (let i = 1; i < ys.length; i++) expect(ys[i] - ys[i - 1]).toBeGreaterThanOrEqual(13.9);
    }
  });
  it('lays out for phone, page and slide: nothing beyond the edges, no text under 12 px, slides within their height', () => {
    for (const frame of [testFrame(316), testFrame(360), testFrame(680), testFrame(1000), { ...testFrame(500, 's', 'slide'), height: SLIDE_HEIGHT }]) {
      for (const k of [1, 3, 8, 11]) expect(layoutIssues(ratioCurves.render({ ...defaults, k, n: 2048 }, frame).svg, frame), `${frame.width} k ${k}`).toEqual([]);
    }
    const slide = ratioCurves.render(defaults, { ...testFrame(500, 's', 'slide'), height: SLIDE_HEIGHT }).svg;
    expect(Number(String(slide.attrs.viewBox).split(' ')[3])).toBeLessThanOrEqual(236);
  });
  it('says a 1×1 "separable" layer costs more (1/N + 1 > 1), and writes no raw D_K', () => {
    const { svg, summary } = ratioCurves.render({ ...defaults, k: 1, n: 8 }, testFrame());
    expect(summary).toContain('costs more');
    expect(JSON.stringify(svg)).not.toContain('D_K');
    for (const lang of ['en', 'zh'] as const) expect(ratioCurves.title(lang)).not.toContain('_');
  });
});
