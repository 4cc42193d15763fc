import { describe, expect, it } from 'vitest';
import { figure, MAX_BAR } from './figure';
import { invertedResidual } from '../../../lib/blocks';
import type { SvgNode } from '../../figure-kit/svg';
import { defaultValues as defaults, findAll as all, testFrame } from '../../figure-kit/testing';
import { SLIDE_HEIGHT, SLIDE_WIDTH } from '../../figure-kit/frame';

const slideFrame = { ...testFrame(SLIDE_WIDTH, 's', 'slide'), height: SLIDE_HEIGHT };
/** A slide whose figure box is narrower (a presenter's preview, a slide with text beside the figure). */
const narrowSlide = { ...testFrame(480, 'n', 'slide'), height: SLIDE_HEIGHT };

const q = (svg: SvgNode, name: string) => Number(all(svg, (n) => n.attrs['data-quantity'] === name)[0]?.attrs['data-exact']);
const block = (svg: SvgNode, which: string) => all(svg, (n) => n.attrs['data-block'] === which)[0];
const heights = (g: SvgNode) => all(g, (n) => n.tag === 'rect' && String(n.attrs.class).includes('bs-tensor')).map((r) => Number(r.attrs.height));
const text = (n: SvgNode | string): string => (typeof n === 'string' ? n : n.children.map(text).join(''));

describe('blockShapes.render(values)', () => {
  it('costs block_5_2 of MobileNet V2 (64 → 384 → 64 at 14×14, t = 6): 52,608 params, 10,311,168 mult-adds (Sandler et al. 2018, Table 2)', () => {
    const { svg, tex } = figure.render({ ...defaults, m: 64, n: 64, df: 14, t: 6, s: 1 }, testFrame());
    expect(q(svg, 'params-inverted')).toBe(52_608);
    expect(q(svg, 'macs-inverted')).toBe(10_311_168);
    // §3.3: h·w·d′·t·(d′ + k² + d″) = 14·14·64·6·(64 + 9 + 64).
    expect(tex).toContain('10{,}311{,}168');
    // ResNet block narrowed 6×: 64 → 11 → 11 → 64, 64·11 + 9·11·11 + 11·64 weights.
    expect(q(svg, 'params-residual')).toBe(64 * 11 + 9 * 11 * 11 + 11 * 64);
  });
  it('draws tensor heights in proportion to their channels', () => {
    const { svg } = figure.render({ ...defaults, m: 64, n: 64, df: 14, t: 6, s: 1 }, testFrame());
    const inv = heights(block(svg, 'inverted'));
    expect(inv[1]).toBeCloseTo(MAX_BAR, 9); // 384 is the widest tensor
    expect(inv[1] / inv[0]).toBeCloseTo(6, 9);
    const res = heights(block(svg, 'residual'));
    expect(res[0] / res[1]).toBeCloseTo(64 / 11, 9);
  });
  it('draws the identity shortcut only for stride 1 and equal channels, and says why otherwise', () => {
    const shortcutOf = (v: Partial<typeof defaults>) => {
      const g = block(figure.render({ ...defaults, ...v }, testFrame()).svg, 'inverted');
      return { drawn: all(g, (n) => n.attrs['data-shortcut'] === 'identity').length, note: text(all(g, (n) => n.attrs['data-role'] === 'shortcut-note')[0]) };
    };
    expect(shortcutOf({ m: 24, n: 24, s: 1 }).drawn).toBe(1);
    expect(shortcutOf({ m: 24, n: 24, s: 2 })).toEqual({ drawn: 0, note: 'no shortcut: stride 2 shrinks the map' });
    expect(shortcutOf({ m: 3, n: 6, s: 1 })).toEqual({ drawn: 0, note: 'no shortcut: 3 ≠ 6 channels' });
  });
  it('skips the expansion layer when t = 1 (Table 2, first bottleneck: 800 weights)', () => {
    const { svg } = figure.render({ ...defaults, m: 32, n: 16, df: 112, t: 1, s: 1 }, testFrame());
    expect(heights(block(svg, 'inverted'))).toHaveLength(3);
    expect(q(svg, 'params-inverted')).toBe(800);
  });
  it('draws exact counts at the largest values the sliders allow (2048 channels, t = 12, 512×512: below 2⁵³)', () => {
    // 512²·2048·12·(2048 + 9 + 2048) = 26,446,261,125,120 mult-adds (Sandler et al. 2018, §3.3), well below 2⁵³ ≈ 9.007e15.
    const { svg } = figure.render({ ...defaults, m: 2048, n: 2048, t: 12, df: 512, s: 1 }, testFrame());
    expect(all(svg, (n) => n.attrs['data-role'] === 'error')).toHaveLength(0);
    expect(q(svg, 'macs-inverted')).toBe(26_446_261_125_120);
  });
  it('shows an error instead of a half-drawn figure when a count exceeds 2⁵³', () => {
    // 1024²·65,536·12·(65,536 + 9 + 65,536) ≈ 1.08e17 mult-adds > 2⁵³ − 1 ≈ 9.007e15: not exact in a double.
    const big = { m: 65_536, n: 65_536, t: 12, df: 1024, s: 1 };
    expect(1024 ** 2 * 65_536 * 12 * (65_536 + 9 + 65_536)).toBeGreaterThan(Number.MAX_SAFE_INTEGER);
    expect(() => invertedResidual({ cin: big.m, cout: big.n, t: big.t, stride: 1, size: big.df })).toThrow(expect.objectContaining({ code: 'overflow' }));
    const { svg } = figure.render({ ...defaults, ...big }, testFrame());
    expect(String(svg.attrs.class)).toContain('fig-error');
    expect(all(svg, (n) => n.attrs['data-role'] === 'error')).toHaveLength(1);
    expect(all(svg, (n) => n.attrs['data-quantity'] !== undefined)).toHaveLength(0);
  });
  it('draws the shortcut as a skip connection: a path from the input over the block into a ⊕ on the output', () => {
    for (const frame of [testFrame(316), testFrame(725), slideFrame]) {
      const g = block(figure.render({ ...defaults, m: 24, n: 24, df: 56, t: 6, s: 1 }, frame).svg, 'inverted');
      const skip = all(g, (n) => n.attrs['data-shortcut'] === 'identity')[0];
      expect(skip.attrs['data-term']).toBe('shortcut');
      const path = all(skip, (n) => n.tag === 'path' && n.attrs.class === 'bs-shortcut')[0];
      const plus = all(skip, (n) => n.tag === 'circle')[0];
      const tensors = all(g, (n) => String(n.attrs.class).includes('bs-tensor'));
      const [input, output] = [tensors[0], tensors[tensors.length - 1]];
      const d = String(path.attrs.d);
      const [mx, my] = d.slice(1).split(/[ V]/).map(Number);
      // Starts on top of the input tensor (the path's numbers are written to two decimals), ends
      // (arrowhead) just above the ⊕, which sits above the output.
      expect(Math.abs(mx - (Number(input.attrs.x) + Number(input.attrs.width) / 2))).toBeLessThanOrEqual(0.005);
      expect(Math.abs(my - Number(input.attrs.y))).toBeLessThanOrEqual(0.005);
      expect(Number(plus.attrs.cx)).toBeCloseTo(Number(output.attrs.x) + Number(output.attrs.width) / 2, 6);
      expect(Number(plus.attrs.cy)).toBeLessThan(Number(output.attrs.y));
      expect(path.attrs['marker-end']).toBeDefined();
    }
  });

  it('names each layer with the term of the formula it is counted in', () => {
    const { svg } = figure.render({ ...defaults, m: 24, n: 24, df: 56, t: 6, s: 1 }, testFrame());
    const terms = (which: string) => all(block(svg, which), (n) => String(n.attrs.class) === 'bs-op').map((n) => n.attrs['data-term']);
    expect(terms('inverted')).toEqual(['expand', 'depthwise', 'project']);
    expect(terms('residual')).toEqual(['pointwise', 'conv', 'pointwise']);
    // The two expanded tensors (t·M = 6·24 = 144 channels) are what the factor t counts.
    expect(all(block(svg, 'inverted'), (n) => n.attrs['data-term'] === 'expansion-factor' && n.attrs['data-channels'] !== undefined).map((n) => n.attrs['data-channels'])).toEqual([144, 144]);
  });

  it('points every term of its formula (§3.3: expansion d′, depthwise k², projection d″, t) at a labelled, focusable mark, tensors and layers in reading order', () => {
    for (const s of [1, 2]) {
      const { svg, tex } = figure.render({ ...defaults, m: 24, n: 24, df: 56, t: 6, s }, testFrame());
      const named = [...new Set([...(tex ?? '').matchAll(/\\htmlData\{term=([a-z-]+)\}/g)].map((m) => m[1]))].sort();
      expect(named).toEqual(['depthwise', 'expand', 'expansion-factor', 'project']);
      const inv = block(svg, 'inverted');
      for (const term of named) {
        const marks = all(inv, (n) => n.attrs['data-term'] === term && n.attrs.tabindex === 0);
        expect(marks.length, term).toBeGreaterThan(0);
        expect(String(marks[0].attrs['data-term-label']), term).not.toBe('undefined');
      }
      expect(all(inv, (n) => n.attrs['data-term'] === 'expansion-factor' && n.attrs.tabindex === 0)[0].attrs['data-term-label']).toBe('expansion factor t = 6: 6 × 24 = 144 channels at 56×56');
      // Tab order: input, expand, wide (t), depthwise, wide (t), project, output.
      const order = all(inv, (n) => n.attrs['data-tensor'] !== undefined || n.attrs['data-layer'] !== undefined).map((n) => n.attrs['data-layer'] ?? `tensor ${n.attrs['data-tensor']}`);
      expect(order).toEqual(['tensor 0', 'expand', 'tensor 1', 'depthwise', 'tensor 2', 'project', 'tensor 3']);
    }
    // The Chinese edition announces the same counts in its own words.
    const zh = figure.render({ ...defaults, m: 24, n: 24, df: 56, t: 6, s: 1 }, testFrame(680, 't', 'page', 'zh')).svg;
    expect(all(zh, (n) => n.attrs['data-term'] === 'expansion-factor' && n.attrs.tabindex === 0)[0].attrs['data-term-label']).toBe('扩展因子 t = 6：6 × 24 = 144 个通道，特征图 56×56');
  });

  it('lays itself out for the frame: side by side on pages and slides, stacked on phones, within the slide\'s height', () => {
    for (const [frame, stacked] of [[testFrame(316), true], [testFrame(360), true], [testFrame(520), false], [testFrame(725), false], [slideFrame, false], [narrowSlide, undefined]] as const) {
      for (const v of [{ m: 24, n: 24, t: 6, s: 1 }, { m: 320, n: 1280, t: 12, s: 2 }, { m: 16, n: 16, t: 1, s: 1 }]) {
        const { svg } = figure.render({ ...defaults, df: 56, ...v }, frame);
        const [, , w, hgt] = String(svg.attrs.viewBox).split(' ').map(Number);
        expect(w).toBe(frame.width);
        if (frame.context === 'slide') expect(hgt, `slide ${frame.width} wide`).toBeLessThanOrEqual(SLIDE_HEIGHT);
        const [res, inv] = ['residual', 'inverted'].map((b) => (block(svg, b) ? all(block(svg, b), (n) => String(n.attrs.class).includes('bs-tensor')) : []));
        // A narrow slide shows the inverted residual alone.
        if (stacked === undefined) expect(res).toHaveLength(0);
        else if (stacked) expect(Number(inv[0].attrs.y)).toBeGreaterThan(Number(res[0].attrs.y) + 100);
        else expect(Number(inv[0].attrs.x)).toBeGreaterThan(Number(res[res.length - 1].attrs.x));
        for (const t of all(svg, (n) => n.tag === 'text')) {
          const x = Number(t.attrs.x);
          const len = text(t).length * 6.5;
          const anchor = t.attrs['text-anchor'] ?? 'start';
          const [l, r] = anchor === 'middle' ? [x - len / 2, x + len / 2] : anchor === 'end' ? [x - len, x] : [x, x + len];
          expect(l, text(t)).toBeGreaterThanOrEqual(-2);
          expect(r, `${text(t)} at ${frame.width}`).toBeLessThanOrEqual(frame.width + 2);
        }
      }
    }
  });
});
