import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { figure as convGeometry, MAX_DRAWN } from './figure';
import type { SvgNode } from '../../figure-kit/svg';
import { defaultValues as defaults, findAll as all, testFrame } from '../../figure-kit/testing';
import { layoutIssues } from '../../figure-kit/layout-check';
import { SLIDE_HEIGHT } from '../../figure-kit/frame';
import { pathRects } from '../../figure-kit/rects';

const LAYER = { standard: 0, grouped: 1, depthwise: 2, pointwise: 3, separable: 4 };
const exact = (svg: SvgNode, name: string) => all(svg, (n) => n.attrs['data-quantity'] === name)[0]?.attrs['data-exact'];
/** The matrix cells drawn filled (on) or empty (off): each kind is drawn as paths of rectangles. */
const cellsOf = (svg: SvgNode, kind: 'on' | 'off') => all(svg, (n) => typeof n.attrs.class === 'string' && n.attrs.class.startsWith(`cell ${kind}`)).flatMap((p) => pathRects(String(p.attrs.d)));
const onCells = (svg: SvgNode) => cellsOf(svg, 'on');
const kernels = (svg: SvgNode) => all(svg, (n) => n.attrs.class === 'kernel');
const faceSide = (svg: SvgNode, cls: string) => Number(all(all(svg, (n) => n.attrs.class === `face ${cls}`)[0], (n) => n.attrs.class === 'face-bg')[0].attrs.width);
const heightOf = (svg: SvgNode) => Number(String(svg.attrs.viewBox).split(' ')[3]);
const texts = (svg: SvgNode) => JSON.stringify(all(svg, (n) => n.tag === 'text'));
const slide = { ...testFrame(500, 's', 'slide'), height: SLIDE_HEIGHT };

describe('convGeometry.render(values, frame): channels', () => {
  it('standard: a dense matrix, M·N connections and D_K²·M·N params (Howard et al. 2017, §3.1)', () => {
    const { svg } = convGeometry.render({ ...defaults, m: 8, n: 12 }, testFrame());
    expect(onCells(svg)).toHaveLength(8 * 12);
    expect(exact(svg, 'connections')).toBe(String(96));
    expect(exact(svg, 'params')).toBe(String(9 * 8 * 12));
  });
  it('grouped: block-diagonal, M·N/G connections and params divided by G', () => {
    const { svg, tex } = convGeometry.render({ ...defaults, layer: LAYER.grouped, m: 12, n: 12, g: 3 }, testFrame());
    expect(onCells(svg)).toHaveLength((12 * 12) / 3);
    expect(exact(svg, 'params')).toBe(String((9 * 12 * 12) / 3));
    expect(tex).toContain('\\frac{12}{3}');
    for (const k of kernels(svg)) expect(String(k.attrs['data-reads']).split(' ')).toHaveLength(4);
  });
  it('depthwise (G = M = N): the diagonal; kernel n reads only input n', () => {
    const { svg } = convGeometry.render({ ...defaults, layer: LAYER.depthwise, m: 10, n: 10 }, testFrame());
    const ks = kernels(svg);
    expect(onCells(svg)).toHaveLength(10);
    // Every cell of the 10 × 10 matrix is drawn once: the 10 on the diagonal filled, the 90 others empty.
    const on = onCells(svg);
    const off = cellsOf(svg, 'off');
    expect(off).toHaveLength(90);
    const key = (c: { x: number; y: number }) => `${c.x},${c.y}`;
    expect(new Set([...on, ...off].map(key)).size).toBe(100);
    const xs = [...new Set([...on, ...off].map((c) => c.x))].sort((a, b) => a - b);
    const ys = [...new Set([...on, ...off].map((c) => c.y))].sort((a, b) => a - b);
    expect([xs.length, ys.length]).toEqual([10, 10]);
    // Cell (r, c) is filled exactly when r = c: the diagonal.
    for (const c of on) expect(xs.indexOf(c.x)).toBe(ys.indexOf(c.y));
    // Each kernel's column: one filled cell, and one marker beside its row, shown on hover/focus.
    for (const k of ks) expect(all(k, (n) => n.attrs.class === 'reads').flatMap((p) => pathRects(String(p.attrs.d)))).toHaveLength(1);
    ks.forEach((k, i) => expect(k.attrs['data-reads']).toBe(String(i)));
    expect(ks[3].attrs['aria-label']).toBe('Kernel 4 (output channel 4) reads input channel 4');
  });
  it('pointwise is 1×1 whatever D_K says: M·N params', () => {
    const { svg } = convGeometry.render({ ...defaults, layer: LAYER.pointwise, k: 7, m: 4, n: 6 }, testFrame());
    expect(exact(svg, 'params')).toBe(String(24));
    expect(onCells(svg)).toHaveLength(24);
  });
  it('separable: a diagonal M×M then a dense M×N, params D_K²·M + M·N, each matrix marked with its formula term', () => {
    const { svg, tex } = convGeometry.render({ ...defaults, layer: LAYER.separable, m: 6, n: 8 }, testFrame());
    const matrices = all(svg, (n) => n.attrs.class === 'matrix');
    expect(matrices.map((m) => m.attrs['data-term'])).toEqual(['depthwise', 'pointwise']);
    expect(onCells(svg)).toHaveLength(6 + 48);
    expect(exact(svg, 'params')).toBe(String(9 * 6 + 48));
    expect(tex).toContain('\\htmlData{term=depthwise}');
    expect(tex).toContain('\\htmlData{term=pointwise}');
  });
  it(`draws at most ${MAX_DRAWN} channels per axis and says so, for M = N = 512`, () => {
    const { svg } = convGeometry.render({ ...defaults, m: 512, n: 512 }, testFrame());
    expect(kernels(svg)).toHaveLength(MAX_DRAWN);
    expect(onCells(svg)).toHaveLength(MAX_DRAWN * MAX_DRAWN);
    expect(texts(svg)).toContain('showing 16 of 512');
    expect(texts(svg)).toContain('16 of 512 outputs');
    expect(exact(svg, 'connections')).toBe(String(512 * 512));
  });
  it('every kernel is focusable and labelled', () => {
    for (const k of kernels(convGeometry.render(defaults, testFrame()).svg)) {
      expect(k.attrs.tabindex).toBe(0);
      expect(String(k.attrs['aria-label'])).toMatch(/^Kernel \d+ \(output channel \d+\) reads /);
    }
  });
  it('colours input slabs by group with a palette of its own: no slab takes the depthwise or pointwise colour', () => {
    const { svg } = convGeometry.render({ ...defaults, layer: LAYER.grouped, m: 16, n: 16, g: 4 }, testFrame());
    const slabs = all(svg, (n) => String(n.attrs.class).startsWith('slab'));
    expect(slabs.length).toBeGreaterThan(16);
    for (const s of slabs) expect(String(s.attrs.class)).toMatch(/^slab( kernel-slab)? grp-[0-3]$/);
    const css = readFileSync('src/styles/parts/conv-geometry.css', 'utf8');
    const grpRules = css.split('}').filter((r) => /\.grp-\d/.test(r));
    for (const r of grpRules) expect(r).not.toMatch(/--c-(pointwise|depthwise)/);
  });
});

describe('convGeometry: the G slider never lands on an error', () => {
  it('M = N = 16: every G from 1 to 64 draws (greyed when G does not divide), at one height, never NaN', () => {
    const frame = testFrame(680);
    const h0 = heightOf(convGeometry.render({ ...defaults, layer: LAYER.grouped, m: 16, n: 16, g: 1 }, frame).svg);
    for (let g = 1; g <= 64; g++) {
      const { svg, summary } = convGeometry.render({ ...defaults, layer: LAYER.grouped, m: 16, n: 16, g }, frame);
      expect(all(svg, (n) => n.attrs['data-role'] === 'error')).toHaveLength(0);
      expect(heightOf(svg)).toBe(h0);
      expect(JSON.stringify(svg)).not.toContain('NaN');
      const valid = [1, 2, 4, 8, 16].includes(g);
      expect(svg.attrs['data-stale'] !== undefined).toBe(!valid);
      if (!valid) expect(summary).toContain(`G = ${g} does not divide both M = 16 and N = 16`);
    }
  });
  it('an impossible G keeps the nearest valid drawing, greyed, with the reason and the G that work', () => {
    const { svg } = convGeometry.render({ ...defaults, layer: LAYER.grouped, m: 32, n: 64, g: 7 }, testFrame());
    const reason = all(svg, (n) => n.attrs['data-role'] === 'stale-reason')[0];
    const words = reason.children.map((c) => (typeof c === 'string' ? c : c.children.join(''))).join(' ');
    expect(words).toContain('G = 7 does not divide both M = 32 and N = 64');
    expect(words).toContain('G can be 1, 2, 4, 8, 16, 32');
    // G = 4 is drawn: M·N/4 cells of the sampled 16×16 matrix are on (block-diagonal, 4 blocks).
    expect(onCells(svg)).toHaveLength((16 * 16) / 4);
    // The greyed numbers are not reported as the layer's values.
    expect(exact(svg, 'params')).toBeUndefined();
  });
});

describe('convGeometry: space, to scale', () => {
  it('at stride 2 the output face is drawn half the input’s size: D_G = ⌈14 / 2⌉ = 7', () => {
    const { svg, tex } = convGeometry.render({ ...defaults, df: 14, s: 2 }, testFrame());
    expect(faceSide(svg, 'face-out') / faceSide(svg, 'face-in')).toBeCloseTo(0.5, 9);
    expect(exact(svg, 'output-size')).toBe('7');
    expect(tex).toContain('7 \\cdot 7');
    expect(tex).not.toContain('D_F');
  });
  it('D_F = 1 is drawn much smaller than D_F = 14 (to scale, not the same box)', () => {
    const small = faceSide(convGeometry.render({ ...defaults, df: 1 }, testFrame()).svg, 'face-in');
    const big = faceSide(convGeometry.render({ ...defaults, df: 14 }, testFrame()).svg, 'face-in');
    expect(small * 5).toBeLessThan(big);
  });
  it('the kernel window covers D_K of the D_F cells, and with "same" padding hangs one cell over the edge (D_K = 3)', () => {
    const { svg } = convGeometry.render({ ...defaults, df: 14, k: 3 }, testFrame());
    const win = all(svg, (n) => n.attrs.class === 'window')[0];
    const faceIn = all(all(svg, (n) => n.attrs.class === 'face face-in')[0], (n) => n.attrs.class === 'face-bg')[0];
    const cell = Number(faceIn.attrs.width) / 14;
    expect(Number(win.attrs.width)).toBeCloseTo(3 * cell, 9);
    expect(Number(faceIn.attrs.x) - Number(win.attrs.x)).toBeCloseTo(cell, 9);
  });
  it('the input face is ruled into D_F × D_F cells: D_F − 1 lines each way, at every cell boundary to a hundredth (D_F = 14)', () => {
    const { svg } = convGeometry.render({ ...defaults, df: 14 }, testFrame());
    const face = all(svg, (n) => n.attrs.class === 'face face-in')[0];
    const bg = all(face, (n) => n.attrs.class === 'face-bg')[0];
    const [x0, y0, side] = [Number(bg.attrs.x), Number(bg.attrs.y), Number(bg.attrs.width)];
    const d = String(all(face, (n) => n.attrs.class === 'face-grid')[0].attrs.d);
    // Walk the path: M/m move (absolute/relative), v/h draw a line of the given length.
    const xs: number[] = [];
    const ys: number[] = [];
    let x = 0;
    let y = 0;
    for (const [, cmd, a, b] of d.matchAll(/([MmVvHh])(-?[\d.]+)(?:,(-?[\d.]+))?/g)) {
      if (cmd === 'M' || cmd === 'm') {
        x = cmd === 'M' ? Number(a) : x + Number(a);
        y = cmd === 'M' ? Number(b) : y + Number(b);
      } else if (cmd === 'v') {
        expect(Number(a)).toBeCloseTo(side, 1);
        xs.push(x);
        y += Number(a);
      } else if (cmd === 'h') {
        expect(Number(a)).toBeCloseTo(side, 1);
        ys.push(y);
        x += Number(a);
      }
    }
    const cell = side / 14;
    expect(xs).toHaveLength(13);
    expect(ys).toHaveLength(13);
    xs.forEach((v, i) => expect(Math.abs(v - (x0 + (i + 1) * cell))).toBeLessThan(0.011));
    ys.forEach((v, i) => expect(Math.abs(v - (y0 + (i + 1) * cell))).toBeLessThan(0.011));
    // Written to a hundredth, as the attributes are: no long fractions.
    expect(d).not.toMatch(/\.\d{3}/);
  });
  it('the formula counts D_G positions at any stride and links D_G to the output face', () => {
    for (const layer of Object.values(LAYER)) {
      const { svg, tex } = convGeometry.render({ ...defaults, layer, s: 2, g: 4 }, testFrame());
      expect(tex).toContain('D_G');
      expect(tex).not.toContain('D_F');
      expect(all(svg, (n) => n.attrs['data-term'] === 'output-size').length).toBeGreaterThan(0);
    }
  });
});

describe('convGeometry layout', () => {
  const cases = [
    defaults,
    { ...defaults, m: 512, n: 512, df: 224, k: 11, s: 4 },
    { ...defaults, layer: LAYER.grouped, m: 16, n: 16, g: 3 },
    { ...defaults, layer: LAYER.separable },
    { ...defaults, layer: LAYER.separable, m: 8, n: 8, df: 6 },
    { ...defaults, layer: LAYER.grouped, m: 8, n: 8, df: 6, g: 2 },
    { ...defaults, layer: LAYER.pointwise, k: 1, m: 8, n: 8, df: 6 },
  ];
  it('fits phone, page and slide: nothing beyond the edges, no text under 12 px, slides ≤ 236 units tall', () => {
    for (const values of cases) {
      for (const frame of [testFrame(316), testFrame(360), testFrame(680), testFrame(1000), slide]) {
        expect(layoutIssues(convGeometry.render(values, frame).svg, frame), `${frame.width} ${frame.context} ${JSON.stringify(values)}`).toEqual([]);
      }
    }
    for (const values of cases.slice(4)) expect(heightOf(convGeometry.render(values, slide).svg), JSON.stringify(values)).toBeLessThanOrEqual(236);
  });
  it('on a laptop (680 units) the standard picture is at most 300 tall: the matrix sits beside the tensors', () => {
    expect(heightOf(convGeometry.render(defaults, testFrame(680)).svg)).toBeLessThanOrEqual(300);
  });
  it('is about as tall at 316 as at 400 (no jump when the browser relays out)', () => {
    const h = (w: number) => heightOf(convGeometry.render(defaults, testFrame(w)).svg);
    expect(Math.abs(h(316) - h(400))).toBeLessThanOrEqual(30);
  });
  it('an impossible depthwise layer (N not a multiple of M) is a message at the height of the drawing', () => {
    const frame = testFrame(680);
    const { svg } = convGeometry.render({ ...defaults, layer: LAYER.depthwise, m: 8, n: 12 }, frame);
    expect(all(svg, (n) => n.attrs['data-role'] === 'error')).toHaveLength(1);
    expect(heightOf(svg)).toBe(heightOf(convGeometry.render({ ...defaults, m: 8, n: 12 }, frame).svg));
  });
});

describe('convGeometry tex', () => {
  it('typesets for every layer view and frame (KaTeX, throwOnError, terms trusted)', async () => {
    const katex = (await import('katex')).default;
    const { FIGURE_KATEX } = await import('../../figure-kit/katex-options');
    for (const layer of Object.values(LAYER)) {
      for (const frame of [testFrame(316), testFrame(680)]) {
        const { tex } = convGeometry.render({ ...defaults, layer, g: 4 }, frame);
        expect(() => katex.renderToString(tex!, { ...FIGURE_KATEX, displayMode: true, throwOnError: true })).not.toThrow();
      }
    }
  });
});
