import { describe, expect, it } from 'vitest';
import { figure as tradeoff, xDomain } from './figure';
import { mobilenetV1 } from '../../../lib/architectures';
import { tradeoffPoints } from '../../../lib/accuracy';
import type { SvgNode } from '../../figure-kit/svg';
import { defaultValues as defaults, findAll as all, testFrame } from '../../figure-kit/testing';

const q = (svg: SvgNode, name: string) => all(svg, (n) => n.attrs['data-quantity'] === name)[0]?.attrs['data-exact'];
const xOf = (n: SvgNode): number => Number(n.attrs.cx ?? Number(n.attrs.x) + 4.5);

describe('tradeoff.render(values)', () => {
  it('cites every one of its points (data-source) and draws all 30 of them', () => {
    const { svg } = tradeoff.render(defaults, testFrame());
    const points = all(svg, (n) => n.attrs['data-point'] !== undefined && n.attrs['data-role'] === undefined);
    expect(points).toHaveLength(tradeoffPoints().length);
    expect(points).toHaveLength(30);
    for (const p of points) expect(String(p.attrs['data-source'])).toMatch(/^(Howard et al\. 2017, Table [4-9]|TF-slim MobileNet V1 README)$/);
  });

  it('marks α 1, 224 at 568,740,352 mult-adds with both published accuracies (paper 70.6%, TF-slim 70.9%)', () => {
    const { svg, summary } = tradeoff.render(defaults, testFrame());
    expect(q(svg, 'macs')).toBe('568740352');
    expect(q(svg, 'top1-paper')).toBe('70.6');
    expect(q(svg, 'top1-slim')).toBe('70.9');
    const rings = all(svg, (n) => n.attrs['data-role'] === 'current');
    expect(rings.map((r) => r.attrs['data-point']).sort()).toEqual(['paper-1-224', 'slim-1-224']);
    expect(summary).toContain('70.6%');
  });

  it('says there is no published accuracy for a setting nobody trained (α 0.6, 200) and still places its cost', () => {
    const { svg, summary } = tradeoff.render({ ...defaults, alpha: 0.6, res: 200 }, testFrame());
    expect(q(svg, 'macs')).toBe(String(mobilenetV1({ alpha: 0.6, resolution: 200 }).multAdds));
    expect(all(svg, (n) => n.attrs['data-role'] === 'current')).toHaveLength(0);
    expect(all(svg, (n) => n.attrs['data-role'] === 'no-accuracy')).toHaveLength(1);
    expect(summary).toContain('no published accuracy for this setting');
  });

  it('moves the highlight to the chosen checkpoint: α 0.25, 128 → TF-slim 41.5% only', () => {
    const { svg } = tradeoff.render({ ...defaults, alpha: 0.25, res: 128 }, testFrame());
    const rings = all(svg, (n) => n.attrs['data-role'] === 'current');
    expect(rings.map((r) => r.attrs['data-point'])).toEqual(['slim-0.25-128']);
    expect(q(svg, 'top1-slim')).toBe('41.5');
    expect(q(svg, 'top1-paper')).toBeUndefined();
  });

  it('places points on a log axis: equal ratios of mult-adds give equal distances', () => {
    const { svg } = tradeoff.render(defaults, testFrame());
    const byId = new Map(all(svg, (n) => n.attrs['data-point'] !== undefined && n.attrs['data-role'] === undefined).map((n) => [String(n.attrs['data-point']), n]));
    const pts = tradeoffPoints();
    const [a, b, c] = ['slim-0.25-128', 'slim-1-224', 'vgg16'].map((id) => pts.find((p) => p.id === id)!);
    const [xa, xb, xc] = ['slim-0.25-128', 'slim-1-224', 'vgg16'].map((id) => xOf(byId.get(id)!));
    expect((xb - xa) / (xc - xb)).toBeCloseTo(Math.log(b.macs / a.macs) / Math.log(c.macs / b.macs), 6);
    // The dashed line of the reader's setting passes through the α 1, 224 points.
    const line = all(svg, (n) => n.attrs['data-role'] === 'current-line')[0];
    expect(Number(line.attrs.x1)).toBeCloseTo(xb, 6);
  });

  it('places higher accuracy higher, linearly', () => {
    const { svg } = tradeoff.render(defaults, testFrame());
    const marks = all(svg, (n) => n.attrs['data-point'] !== undefined && n.attrs['data-role'] === undefined && n.tag === 'circle');
    const ys = marks.map((m) => ({ top1: Number(m.attrs['data-top1']), y: Number(m.attrs.cy) }));
    const [p, r] = [ys[0], ys[ys.length - 1]];
    for (const s of ys) expect((s.y - p.y) * (r.top1 - p.top1)).toBeCloseTo((r.y - p.y) * (s.top1 - p.top1), 3);
  });

  it('widens the x axis to include tiny and huge settings (α 0.1 at 32; α 2 at 512)', () => {
    expect(xDomain(mobilenetV1({ alpha: 0.1, resolution: 32 }).multAdds)[0]).toBeLessThanOrEqual(mobilenetV1({ alpha: 0.1, resolution: 32 }).multAdds);
    expect(xDomain(mobilenetV1({ alpha: 2, resolution: 512 }).multAdds)[1]).toBeGreaterThan(mobilenetV1({ alpha: 2, resolution: 512 }).multAdds);
    const { svg } = tradeoff.render({ ...defaults, alpha: 2, res: 512 }, testFrame());
    expect(JSON.stringify(svg)).not.toContain('NaN');
  });

  it('shows an error instead of a chart when α leaves a layer without channels', () => {
    const view = tradeoff.render({ ...defaults, alpha: 0.01 }, testFrame());
    expect(all(view.svg, (n) => n.attrs['data-role'] === 'error')).toHaveLength(1);
  });
});
