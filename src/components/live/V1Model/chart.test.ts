import { describe, expect, it } from 'vitest';
import { countChart, countParts, timeChart, timeShares } from './chart';
import { frameworkCounts, mobilenetV1 } from '../../../lib/architectures';
import type { SvgNode } from '../../figure-kit/svg';
import { findAll as all } from '../../figure-kit/testing';

const text = (n: SvgNode | string): string => (typeof n === 'string' ? n : n.children.map(text).join(''));

describe('countChart(arch, counted, width)', () => {
  const arch = mobilenetV1();
  it('splits the site\'s Keras count into weights + FC bias (4,210,088), BatchNorm γ, β and mean, variance (2 × 10,944 each)', () => {
    // Howard et al. 2017, Table 1 recount; Keras adds 4 numbers per BatchNorm channel.
    expect(countParts(arch).map((p) => p.value)).toEqual([4_210_088, 21_888, 21_888]);
    expect(countParts(arch).reduce((s, p) => s + p.value, 0)).toBe(frameworkCounts(arch).keras.total);
  });

  it('draws countParams() and the site\'s stacked count on one scale: equal totals, equal lengths', () => {
    const svg = countChart(arch, 4_253_864, 600, 'u');
    const counted = all(svg, (n) => n.attrs.class === 'v1m-counted')[0];
    const stack = all(svg, (n) => n.attrs['data-part'] !== undefined);
    const stackLen = stack.reduce((s, r) => s + Number(r.attrs.width), 0);
    expect(Number(counted.attrs.width)).toBeCloseTo(stackLen, 6);
    expect(svg.attrs['data-match']).toBe('true');
    // A count that differs is drawn shorter or longer, and said to differ.
    const off = countChart(arch, 4_210_088, 600, 'u');
    expect(off.attrs['data-match']).toBe('false');
    expect(text(off)).toContain('≠');
    expect(Number(all(off, (n) => n.attrs.class === 'v1m-counted')[0].attrs.width)).toBeLessThan(stackLen);
  });

  it('says TensorFlow.js has not run yet, and fits a phone with no text under 12 px', () => {
    const svg = countChart(arch, undefined, 330, 'u');
    expect(text(svg)).toContain('press Build and run');
    expect(String(svg.attrs.viewBox).split(' ')[2]).toBe('330');
    for (const t of all(svg, (n) => n.tag === 'text')) expect(Number(t.attrs.x) + text(t).length * 6.5, text(t)).toBeLessThanOrEqual(332);
  });
});

describe('timeChart(arch, times, width)', () => {
  const arch = mobilenetV1({ alpha: 0.25, resolution: 128 });
  // A made-up run: every layer takes 1 ms, except the depthwise ones, 3 ms.
  const times = [...arch.layers.slice(0, 27), { name: 'pool' }, arch.layers[27]].map((l) => ({ name: l.name, ms: l.name.startsWith('conv_dw') ? 3 : 1 }));

  it('draws one column per layer, heights proportional to the measured time', () => {
    const svg = timeChart(arch, times, 640, 'u');
    const cols = all(svg, (n) => n.attrs['data-layer'] !== undefined);
    expect(cols.map((c) => c.attrs['data-layer'])).toEqual(times.map((t) => t.name));
    const height = (c: SvgNode) => Number(all(c, (n) => n.tag === 'rect')[0].attrs.height);
    expect(height(cols[1]) / height(cols[0])).toBeCloseTo(3, 9);
  });

  it('marks where each layer would be if time followed mult-adds, and says how depthwise layers compare', () => {
    const total = times.reduce((s, t) => s + t.ms, 0);
    const shares = timeShares(arch, times);
    const dw = shares.find((s) => s.kind === 'depthwise')!;
    expect(dw.time).toBeCloseTo((13 * 3) / total, 12);
    expect(dw.macs).toBeGreaterThan(0.02);
    const svg = timeChart(arch, times, 640, 'u');
    expect(text(all(svg, (n) => n.attrs['data-role'] === 'time-shares')[0])).toContain(`${(100 * dw.time).toFixed(1)}% of the time`);
    // The tick of the largest layer by mult-adds sits above the ones of smaller layers.
    const ticks = all(svg, (n) => n.attrs.class === 'v1m-pred').map((n) => Number(n.attrs.y1));
    expect(ticks).toHaveLength(28);
    expect(Math.min(...ticks)).toBeLessThan(Math.max(...ticks));
  });

  it('fits a phone: text inside the picture at 330 px', () => {
    const svg = timeChart(arch, times, 330, 'u');
    for (const t of all(svg, (n) => n.tag === 'text')) {
      const x = Number(t.attrs.x);
      const len = text(t).length * 6.5;
      const [l, r] = t.attrs['text-anchor'] === 'end' ? [x - len, x] : [x, x + len];
      expect(l, text(t)).toBeGreaterThanOrEqual(-1);
      expect(r, text(t)).toBeLessThanOrEqual(332);
    }
  });
});
