import { describe, expect, it } from 'vitest';
import { figure as costBars, logX, MACS_DECADES } from './figure';
import type { SvgNode } from '../../figure-kit/svg';
import { defaultValues as defaults, findAll as all, testFrame } from '../../figure-kit/testing';
import { layoutIssues } from '../../figure-kit/layout-check';
import { SLIDE_HEIGHT } from '../../figure-kit/frame';

const q = (svg: SvgNode, name: string) => all(svg, (n) => n.attrs['data-quantity'] === name)[0]?.attrs['data-exact'];
const width = (n: SvgNode | undefined) => Number(n?.attrs.width);
const byGhost = (svg: SvgNode, key: string) => all(svg, (n) => n.attrs['data-ghost-key'] === key)[0];
/** The two rows of the share panel: [depthwise, pointwise] marks of row 1 (share of standard) and row 2 (zoom). */
const shareRows = (svg: SvgNode) => {
  const dw = all(svg, (n) => n.tag === 'rect' && n.attrs['data-term'] === 'depthwise' && n.attrs.height === 16);
  const pw = all(svg, (n) => n.tag === 'rect' && n.attrs['data-term'] === 'pointwise' && n.attrs.height === 16);
  return { share: [dw[0], pw[0]], zoom: [dw[1], pw[1]] };
};
const outline = (svg: SvgNode) => all(svg, (n) => n.attrs.class === 'cb-outline')[0];

describe('costBars.render(values, frame)', () => {
  it('shows the exact counts of Howard et al. eq. 1–4 for the defaults (K 3, M 32, N 64, D_F 14)', () => {
    const { svg } = costBars.render(defaults, testFrame());
    expect(q(svg, 'macs-standard')).toBe(String(9 * 32 * 64 * 196));
    expect(q(svg, 'macs-separable')).toBe(String(9 * 32 * 196 + 32 * 64 * 196));
    expect(q(svg, 'params-standard')).toBe(String(9 * 32 * 64));
    expect(q(svg, 'params-separable')).toBe(String(9 * 32 + 32 * 64));
    expect(q(svg, 'ratio')).toBe(String(73 / 576));
  });

  it('the mult-add bars move when N changes (a fixed log axis): N 64 → 269 lengthens the standard bar by log10(269/64) decades', () => {
    const frame = testFrame(680);
    const a = costBars.render({ ...defaults, n: 64 }, frame).svg;
    const b = costBars.render({ ...defaults, n: 269 }, frame).svg;
    const [x0, x1] = [84, 680 - 96];
    const perDecade = (x1 - x0) / (MACS_DECADES[1] - MACS_DECADES[0]);
    const grow = width(byGhost(b, 'macs-macs-standard')) - width(byGhost(a, 'macs-macs-standard'));
    expect(grow).toBeCloseTo(Math.log10(269 / 64) * perDecade, 6);
    expect(grow).toBeGreaterThan(25);
    // The separable bar grows too, by (9 + 269)/(9 + 64) (Howard et al. 2017, eq. 4 over N).
    const sepGrow = width(byGhost(b, 'macs-macs-separable')) - width(byGhost(a, 'macs-macs-separable'));
    expect(sepGrow).toBeCloseTo(Math.log10((9 + 269) / (9 + 64)) * perDecade, 6);
    // The ticks stay where they are: the axis is fixed, not rescaled to the values.
    const ticks = (svg: SvgNode) => all(svg, (n) => n.attrs.class === 'cb-tick').map((n) => n.attrs.x1);
    expect(ticks(b)).toEqual(ticks(a));
  });

  it('logX puts 10^d at its place on the fixed axis and clamps counts outside it', () => {
    expect(logX(1e7, [1, 13], 0, 120)).toBeCloseTo(60, 9);
    expect(logX(1, [1, 13], 0, 120)).toBe(0);
    expect(logX(1e20, [1, 13], 0, 120)).toBe(120);
  });

  it('the share row draws depthwise = 1/N and pointwise = 1/D_K² of the standard outline (eq. 5): K 5, N 10 → 0.1 and 0.04', () => {
    const { svg } = costBars.render({ ...defaults, k: 5, n: 10 }, testFrame());
    const { share, zoom } = shareRows(svg);
    const std = width(outline(svg));
    expect(width(share[0]) / std).toBeCloseTo(1 / 10, 9);
    expect(width(share[1]) / std).toBeCloseTo(1 / 25, 9);
    // The zoom row shows the same two parts at full width: depthwise : pointwise = K² : N = 25 : 10.
    expect(width(zoom[0]) / width(zoom[1])).toBeCloseTo(2.5, 9);
    expect(width(zoom[0]) + width(zoom[1])).toBeCloseTo(680 - 84, 9);
  });

  it('with K = 1 the separable layer costs more: the axis ends at its total, the standard outline is 1/1.25 of it', () => {
    const { svg, summary } = costBars.render({ ...defaults, k: 1, n: 4 }, testFrame());
    const { share } = shareRows(svg);
    expect(width(outline(svg)) / (width(share[0]) + width(share[1]))).toBeCloseTo(0.8, 9);
    expect(summary).toContain('costs more');
  });

  it('every bar that can change has a ghost placeholder for its previous value', () => {
    const { svg } = costBars.render(defaults, testFrame());
    const keys = all(svg, (n) => n.attrs['data-ghost-key'] !== undefined).map((n) => n.attrs['data-ghost-key']);
    const ghosts = all(svg, (n) => n.attrs['data-ghost-of'] !== undefined).map((n) => n.attrs['data-ghost-of']);
    expect(keys.length).toBeGreaterThanOrEqual(6);
    for (const k of ghosts) expect(keys).toContain(k);
  });

  it('links 1/N and 1/D_K² of the formula to the depthwise and pointwise marks (data-term)', () => {
    const { svg, tex } = costBars.render(defaults, testFrame());
    expect(tex).toContain('\\htmlData{term=depthwise}{\\frac{1}{N}}');
    expect(tex).toContain('\\htmlData{term=pointwise}{\\frac{1}{D_K^2}}');
    const focusable = all(svg, (n) => n.attrs.tabindex === 0);
    expect(focusable.map((n) => n.attrs['data-term'])).toEqual(['depthwise', 'pointwise']);
    for (const f of focusable) expect(String(f.attrs['aria-label'])).toMatch(/of the standard cost/);
  });

  it('gives the TeX of 1/N + 1/D_K² with the same numbers, one step per line when narrow', () => {
    expect(costBars.render(defaults, testFrame()).tex).toContain('\\frac{73}{576}');
    const narrow = costBars.render(defaults, testFrame(316)).tex!;
    expect(narrow.startsWith('\\begin{aligned}')).toBe(true);
    expect(narrow.split(' \\\\ ').length).toBeGreaterThanOrEqual(4);
  });

  it('lays out for its frame: phone, laptop and slide — nothing beyond the edges, no text under 12 px, slides within their height', () => {
    for (const values of [defaults, { ...defaults, k: 11, m: 2048, n: 2048, df: 512 }, { ...defaults, k: 1, m: 1, n: 1, df: 1 }]) {
      for (const frame of [testFrame(316), testFrame(360), testFrame(680), testFrame(1000), { ...testFrame(500, 's', 'slide'), height: SLIDE_HEIGHT }]) {
        expect(layoutIssues(costBars.render(values, frame).svg, frame), `${frame.width} ${frame.context}`).toEqual([]);
      }
    }
    // On a slide the picture is short enough for the slide's figure box (≤ 236 units, 46vh of 720 px / 1.4).
    const slide = costBars.render(defaults, { ...testFrame(500, 's', 'slide'), height: SLIDE_HEIGHT }).svg;
    expect(Number(String(slide.attrs.viewBox).split(' ')[3])).toBeLessThanOrEqual(236);
  });

  it('the phone layout is about as tall at 316 as at 400 (no jump when the browser relays out)', () => {
    const h = (w: number) => Number(String(costBars.render(defaults, testFrame(w)).svg.attrs.viewBox).split(' ')[3]);
    expect(Math.abs(h(316) - h(400))).toBeLessThanOrEqual(20);
  });

  it('has a title and description wired to aria-labelledby with the given uid, and no raw D_K anywhere in its text', () => {
    const { svg, summary } = costBars.render(defaults, testFrame(680, 'fig-7'));
    expect(svg.attrs['aria-labelledby']).toBe('fig-7-title fig-7-desc');
    expect(svg.attrs.role).toBe('img');
    expect(JSON.stringify(svg)).not.toContain('D_K');
    expect(summary).not.toContain('_');
  });
});
