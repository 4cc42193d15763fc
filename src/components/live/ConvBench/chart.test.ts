import { describe, expect, it } from 'vitest';
import { benchChart, benchLayout, equivalenceText, niceCeil, type BenchChartState } from './chart';
import { compareOutputs } from '../../../lib/float32';
import type { SvgNode } from '../../figure-kit/svg';
import { findAll as all } from '../../figure-kit/testing';

const run: BenchChartState = {
  predictedSpeedup: 7.9,
  run: { standardMs: 4, separableMs: 2, standardRuns: [3.9, 4, 4.4], separableRuns: [2, 1.9, 2.5], measuredSpeedup: 2 },
};
const bar = (svg: SvgNode, cls: string) => all(svg, (n) => n.tag === 'rect' && String(n.attrs.class).includes(cls))[0];
const texts = (svg: SvgNode) => all(svg, (n) => n.tag === 'text');

describe('benchChart', () => {
  it('niceCeil rounds up to 1, 2 or 5 × 10ᵏ: 4.4 → 5, 7.9 → 10, 12 → 20, 0.03 → 0.05, 2 → 2', () => {
    expect([4.4, 7.9, 12, 0.03, 2].map(niceCeil)).toEqual([5, 10, 20, 0.05, 2]);
  });

  it('draws time bars in proportion to the medians (4 ms twice as long as 2 ms) and a dot for every timed run', () => {
    const svg = benchChart(run, 680, 'c');
    const std = bar(svg, 'cb-standard');
    const sep = bar(svg, 'cb-separable');
    expect(Number(std.attrs.width)).toBeCloseTo(2 * Number(sep.attrs.width), 6);
    expect(all(svg, (n) => n.attrs.class === 'cb-run' && n.tag === 'circle')).toHaveLength(6 + 1); // + the legend's dot
  });

  it('marks on the separable row the time the mult-adds predict: standard ÷ 7.9 = 0.506 ms', () => {
    const svg = benchChart(run, 680, 'c');
    const mark = all(svg, (n) => n.tag === 'line' && n.attrs.class === 'cb-predicted' && n.attrs['data-ms'] !== undefined)[0];
    expect(Number(mark.attrs['data-ms'])).toBeCloseTo(4 / 7.9, 12);
  });

  it('puts predicted and measured speed-up on one axis: 7.9× is 3.95 times as long as 2×', () => {
    const svg = benchChart(run, 680, 'c');
    const p = Number(bar(svg, 'cb-speed-predicted').attrs.width);
    const m = Number(bar(svg, 'cb-speed-measured').attrs.width);
    expect(p / m).toBeCloseTo(7.9 / 2, 6);
  });

  it('before a run shows the prediction only, and says the rest is not run yet', () => {
    const svg = benchChart({ predictedSpeedup: 7.9 }, 680, 'c');
    expect(bar(svg, 'cb-speed-predicted')).toBeDefined();
    expect(bar(svg, 'cb-speed-measured')).toBeUndefined();
    expect(texts(svg).some((t) => t.children.join('').includes('not run yet'))).toBe(true);
    // A separable run too fast for the clock: no measured bar, a plain note.
    const fast = benchChart({ predictedSpeedup: 7.9, run: { ...run.run!, measuredSpeedup: Number.NaN } }, 680, 'c');
    expect(bar(fast, 'cb-speed-measured')).toBeUndefined();
    expect(texts(fast).some((t) => t.children.join('') === 'too fast to time')).toBe(true);
  });

  it('is laid out in CSS px for its width: labels above the bars on a phone, beside them on a page; nothing past the width', () => {
    expect(benchLayout(316).narrow).toBe(true);
    expect(benchLayout(680).narrow).toBe(false);
    for (const width of [316, 360, 680, 900]) {
      const svg = benchChart(run, width, 'c');
      expect(String(svg.attrs.viewBox).split(' ').map(Number)[2]).toBe(width);
      for (const t of texts(svg)) {
        const text = t.children.filter((c) => typeof c === 'string').join('');
        const x = Number(t.attrs.x) + (/translate\(([\d.]+)/.exec(String(all(svg, (n) => n.children.includes(t))[0]?.attrs.transform ?? ''))?.[1] ? Number(/translate\(([\d.]+)/.exec(String(all(svg, (n) => n.children.includes(t))[0].attrs.transform))![1]) : 0);
        const w = text.length * 6.8;
        const left = t.attrs['text-anchor'] === 'end' ? x - w : t.attrs['text-anchor'] === 'middle' ? x - w / 2 : x;
        expect(left, `${width}: ${text}`).toBeGreaterThanOrEqual(-1);
        expect(left + w, `${width}: ${text}`).toBeLessThanOrEqual(width + 1);
        expect(String(t.attrs.class)).toMatch(/fig-(small|label|heading)/);
      }
      expect(all(svg, (n) => n.attrs['font-size'] !== undefined)).toEqual([]);
    }
  });
});

describe('equivalenceText', () => {
  it('says where a 2e-15 difference is: at an output that should be 0, with float32’s step at the largest output beside it', () => {
    // What the WebGL backend returns: a sum that should be 0 comes back as ±1e-15 (float32), everything else exact.
    const tiny = Math.fround(1e-15);
    const eq = compareOutputs(Float32Array.from([430, -tiny, 3]), Float32Array.from([430, tiny, 3]), [430, 0, 3]);
    expect(equivalenceText(eq)).toBe(
      'identical in 2 of 3 outputs; the largest difference is 2.0e-15, at an output whose exact value is 0. For scale: float32 numbers near the largest output, 430, are 3.1e-5 apart',
    );
  });

  it('says identical, and equal to the exact integers, when nothing differs', () => {
    expect(equivalenceText(compareOutputs([430, 3], [430, 3], [430, 3]))).toBe('identical in all 2 outputs, and equal to the exact integers (the largest is 430)');
  });
});
