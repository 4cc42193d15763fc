import { describe, expect, it } from 'vitest';
import { figure } from './figure';
import type { SvgNode } from '../../figure-kit/svg';
import { defaultValues, findAll, testFrame } from '../../figure-kit/testing';
import { SLIDE_HEIGHT, SLIDE_WIDTH } from '../../figure-kit/frame';

const exact = (svg: SvgNode, name: string) => Number(findAll(svg, (n) => n.attrs['data-quantity'] === name)[0]?.attrs['data-exact']);

describe('arithmeticIntensity.render(values, frame)', () => {
  it('gives the intensities of the defaults (K 3, M 32, N 64, D_F 14, float32) as counted by hand', () => {
    const { svg } = figure.render(defaultValues, testFrame());
    // Depthwise: 9·32·196 = 56,448 mult-adds; (6,272 + 6,272 + 288) · 4 = 51,328 bytes.
    expect(exact(svg, 'intensity-depthwise')).toBeCloseTo(56_448 / 51_328, 12);
    // Pointwise: 32·64·196 = 401,408; (6,272 + 12,544 + 2,048) · 4 = 83,456 bytes.
    expect(exact(svg, 'intensity-pointwise')).toBeCloseTo(401_408 / 83_456, 12);
    // Standard: 9·32·64·196 = 3,612,672; (6,272 + 12,544 + 18,432) · 4 = 148,992 bytes.
    expect(exact(svg, 'intensity-standard')).toBeCloseTo(3_612_672 / 148_992, 12);
  });
  it('halves the bytes at 16 bits: every intensity doubles', () => {
    const a = figure.render(defaultValues, testFrame()).svg;
    const b = figure.render({ ...defaultValues, precision: 1 }, testFrame()).svg;
    for (const name of ['intensity-standard', 'intensity-depthwise', 'intensity-pointwise']) expect(exact(b, name)).toBeCloseTo(2 * exact(a, name), 12);
  });
  it('places the ridge at π/β and counts memory-bound layers: only V1’s classifier on a Pixel 1 big core', () => {
    const { svg } = figure.render(defaultValues, testFrame());
    expect(exact(svg, 'ridge')).toBeCloseTo(8.6 / 29.9, 12);
    expect(exact(svg, 'memory-bound-v1')).toBe(1);
    // On an H200 (33,500 G mult-adds/s, 4,800 GB/s): 13 depthwise layers, conv1, conv_pw_1 and the classifier.
    const gpu = figure.render({ ...defaultValues, peak: 33_500, bw: 4_800 }, testFrame()).svg;
    expect(exact(gpu, 'memory-bound-v1')).toBe(16);
  });
  it('puts Table 4 beside the cost model: 75 / 113 ms against 300,774,272 / 568,740,352 mult-adds', () => {
    const { svg } = figure.render(defaultValues, testFrame());
    expect(exact(svg, 'time-ratio')).toBeCloseTo(75 / 113, 12);
    expect(exact(svg, 'macs-ratio')).toBeCloseTo(300_774_272 / 568_740_352, 12);
  });
  it('bounds each network by the sum of max(W/π, Q/β) over its layers; compute-bound V1 takes about W/π', () => {
    const { svg } = figure.render(defaultValues, testFrame());
    // 568,740,352 mult-adds at 8.6 G/s = 66.1 ms; the memory-bound classifier adds a little.
    expect(exact(svg, 'bound-v1-ms')).toBeGreaterThan(568_740_352 / 8.6e6);
    expect(exact(svg, 'bound-v1-ms')).toBeLessThan(568_740_352 / 8.6e6 + 0.2);
  });
  it('draws every V1 (28) and V2 layer (53) in the strips', () => {
    const { svg } = figure.render(defaultValues, testFrame());
    expect(findAll(svg, (n) => n.tag === 'circle' && String(n.attrs.class).startsWith('layer k-')).length).toBe(28 + 53 + 4);
  });
  it('gives each layer dot its name and intensity as hover text in the browser’s picture, and leaves it to that redraw in the build’s draft', () => {
    const dots = (svg: SvgNode) => findAll(svg, (n) => n.tag === 'circle' && n.attrs.class !== undefined && /^layer k-/.test(String(n.attrs.class)) && n.attrs.r === 4 && n.attrs.cy !== undefined);
    const live = figure.render(defaultValues, testFrame()).svg;
    const tips = dots(live).flatMap((c) => c.children.filter((k): k is SvgNode => typeof k !== 'string' && k.tag === 'title'));
    expect(tips).toHaveLength(28 + 53);
    // conv_dw_1: 3,612,672 mult-adds over 3,212,416 bytes (tests/unit/roofline.test.ts) = 1.12 a byte.
    expect(tips.map((t) => String(t.children[0]))).toContain('conv_dw_1: 1.12 mult-adds per byte, compute-bound');
    const draft = figure.render(defaultValues, { ...testFrame(), draft: true }).svg;
    expect(findAll(draft, (n) => n.tag === 'title')).toHaveLength(1);
    // The same picture otherwise: the same dots at the same places.
    expect(dots(draft).map((c) => [c.attrs.cx, c.attrs.class])).toEqual(dots(live).map((c) => [c.attrs.cx, c.attrs.class]));
  });
  it.each([
    ['phone', testFrame(316)],
    ['laptop page', testFrame(680)],
    ['wide laptop', testFrame(1100)],
    ['slide', { uid: 's', width: SLIDE_WIDTH, height: SLIDE_HEIGHT, context: 'slide' as const, lang: 'en' as const }],
    ['narrow slide', { uid: 's', width: 460, height: SLIDE_HEIGHT, context: 'slide' as const, lang: 'en' as const }],
  ])('is laid out inside its %s frame', (_, frame) => {
    for (const v of [defaultValues, { ...defaultValues, peak: 33_500, bw: 4_800, precision: 2 }, { ...defaultValues, k: 1, m: 2048, n: 2048, df: 224 }]) {
      const { svg } = figure.render(v, frame);
      const [, , w, hgt] = String(svg.attrs.viewBox).split(' ').map(Number);
      expect(w).toBe(frame.width);
      if (frame.height) expect(hgt).toBeLessThanOrEqual(frame.height);
      for (const r of findAll(svg, (n) => n.tag === 'rect')) expect(Math.min(Number(r.attrs.width), Number(r.attrs.height))).toBeGreaterThanOrEqual(0);
      for (const n of findAll(svg, () => true)) {
        for (const key of ['x', 'x1', 'x2', 'cx']) if (n.attrs[key] !== undefined) expect(Number(n.attrs[key])).toBeLessThanOrEqual(w);
        expect(n.attrs['font-size']).toBeUndefined();
      }
    }
  });
});
