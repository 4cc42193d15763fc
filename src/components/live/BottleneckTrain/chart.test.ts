import { describe, expect, it } from 'vitest';
import { chartLayout, curvePath, epochTicks, lossY, markerPath, trainingChart, type TrainingState } from './chart';
import { bottleneckData } from '../../../lib/bottleneck';
import type { SvgNode } from '../../figure-kit/svg';
import { findAll as all } from '../../figure-kit/testing';
import { pathPoints } from '../../figure-kit/paths';

const targets = bottleneckData().targets;
const empty: TrainingState = { relu: { losses: [] }, linear: { losses: [] }, targets, epochs: 300 };
const viewBox = (svg: SvgNode) => String(svg.attrs.viewBox).split(' ').map(Number);
const texts = (svg: SvgNode) => all(svg, (n) => n.tag === 'text');

/** Absolute x of a text and its estimated extent (12 px text: about 6.8 px a character). */
function extent(svg: SvgNode): { text: string; left: number; right: number }[] {
  const out: { text: string; left: number; right: number }[] = [];
  const walk = (n: SvgNode, dx: number) => {
    const m = /translate\(([-\d.]+)/.exec(String(n.attrs.transform ?? ''));
    const x0 = dx + (m ? Number(m[1]) : 0);
    if (n.tag === 'text') {
      const text = n.children.filter((c) => typeof c === 'string').join('');
      const w = text.length * 6.8;
      const x = x0 + Number(n.attrs.x ?? 0);
      const a = n.attrs['text-anchor'];
      const left = a === 'end' ? x - w : a === 'middle' ? x - w / 2 : x;
      out.push({ text, left, right: left + w });
    }
    for (const c of n.children) if (typeof c !== 'string') walk(c, x0);
  };
  walk(svg, 0);
  return out;
}

describe('trainingChart', () => {
  it('puts equal loss ratios at equal heights (log axis): 1 → 0.1 spans what 0.01 → 0.001 spans', () => {
    const box = chartLayout(680).loss;
    expect(lossY(1, box) - lossY(0.1, box)).toBeCloseTo(lossY(0.01, box) - lossY(0.001, box), 9);
    expect(lossY(1e-9, box)).toBe(lossY(1e-5, box)); // clamped at the bottom
  });

  it('draws one vertex per epoch, the last at the right edge after all epochs', () => {
    const box = { x0: 0, x1: 300, y0: 0, y1: 100 };
    const d = curvePath([1, 0.1, 0.01], 3, box);
    const points = pathPoints(d);
    expect(points).toHaveLength(3);
    expect(points.map(([x]) => x)).toEqual([100, 200, 300]);
    // The axis spans 10⁻⁵ … 10 (6 decades) over 100 units: loss 10ᵉ sits at 100 − (e + 5)·100/6, by hand.
    const want = [100 - (5 * 100) / 6, 100 - (4 * 100) / 6, 100 - (3 * 100) / 6];
    points.forEach(([, y], i) => expect(Math.abs(y - want[i])).toBeLessThanOrEqual(0.06));
  });

  it('labels the epoch axis 0, 100, 200, 300 with the last label ending at the plot’s right edge, not past it', () => {
    expect(epochTicks(300)).toEqual([0, 100, 200, 300]);
    expect(epochTicks(200)).toEqual([0, 50, 100, 150, 200]);
    expect(epochTicks(25)).toEqual([0, 10, 25]);
    for (const width of [316, 360, 680, 900]) {
      const svg = trainingChart(empty, width, 'c');
      const lastLabel = texts(svg).find((t) => t.children[0] === '300')!;
      expect(lastLabel.attrs['text-anchor']).toBe('end');
      expect(Number(lastLabel.attrs.x)).toBe(chartLayout(width).loss.x1);
    }
  });

  it('is laid out in CSS px for its width: the viewBox is the width, no text runs past it, no font size set', () => {
    for (const width of [316, 360, 520, 680, 900]) {
      const svg = trainingChart({ ...empty, relu: { losses: [1, 0.5], outputs: targets }, linear: { losses: [1], outputs: targets } }, width, 'c');
      expect(viewBox(svg)[2]).toBe(width);
      for (const t of extent(svg)) {
        expect(t.left, `${width}: ${t.text}`).toBeGreaterThanOrEqual(-1);
        expect(t.right, `${width}: ${t.text}`).toBeLessThanOrEqual(width + 1);
      }
      expect(all(svg, (n) => n.attrs['font-size'] !== undefined)).toEqual([]);
      for (const t of texts(svg)) expect(String(t.attrs.class)).toMatch(/fig-(small|heading)/);
    }
  });

  it('on a phone the two spirals sit under the loss plot, side by side; on a page beside it', () => {
    const narrow = chartLayout(316);
    expect(narrow.spirals.relu[1]).toBeGreaterThan(narrow.loss.y1);
    expect(narrow.spirals.linear[0]).toBeGreaterThan(narrow.spirals.relu[0] + narrow.spirals.size);
    const wide = chartLayout(680);
    expect(wide.spirals.relu[0]).toBeGreaterThan(wide.loss.x1);
    expect(wide.height).toBeLessThan(300);
  });

  it('is an empty frame before training, with both target spirals and a title and description', () => {
    const svg = trainingChart(empty, 680, 'c');
    expect(svg.attrs['aria-labelledby']).toBe('c-title c-desc');
    expect(all(svg, (n) => n.tag === 'path' && String(n.attrs.class).startsWith('bt-curve')).map((p) => p.attrs['data-epochs'])).toEqual([0, 0]);
    expect(all(svg, (n) => n.attrs.class === 'bt-target')).toHaveLength(2);
    expect(all(svg, (n) => String(n.attrs.class).startsWith('bt-points'))).toEqual([]);
  });

  it('draws every output of both runs: 64 triangles for ReLU, 64 dots for linear', () => {
    const svg = trainingChart({ ...empty, relu: { losses: [1], outputs: targets }, linear: { losses: [1], outputs: targets } }, 680, 'c');
    const relu = all(svg, (n) => n.attrs.class === 'bt-points bt-points-relu')[0];
    const linear = all(svg, (n) => n.attrs.class === 'bt-points bt-points-linear')[0];
    expect(String(relu.attrs.d).match(/z/g)).toHaveLength(64);
    expect(String(linear.attrs.d).match(/M/g)).toHaveLength(64);
    expect(all(svg, (n) => n.attrs['data-role'] === 'spiral-relu')[0].attrs['data-points']).toBe(64);
  });

  it('markerPath centres a dot on its point: (0, 0) in a 100 px panel is at (50, 50)', () => {
    const d = markerPath([0, 0], 'dot', (v) => 50 + v * 40, (v) => 50 - v * 40);
    expect(d.startsWith('M47.4 50.0a2.6 2.6 0 1 0 5.2 0')).toBe(true);
  });
});
