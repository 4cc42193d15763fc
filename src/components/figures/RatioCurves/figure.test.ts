import { describe, expect, it } from 'vitest';
import { figure as ratioCurves, xScale, yScale, CURVE_KERNELS } from './figure';
import type { SvgNode } from '../../figure-kit/svg';
import { defaultValues as defaults, findAll as all, testFrame } from '../../figure-kit/testing';

const q = (svg: SvgNode, name: string) => all(svg, (n) => n.attrs['data-quantity'] === name)[0]?.attrs;

describe('ratioCurves.render(values)', () => {
  it('marks 1/64 + 1/9 = 73/576 for the defaults (Howard et al. 2017, eq. 5)', () => {
    const { svg, tex } = ratioCurves.render(defaults, testFrame());
    expect(q(svg, 'ratio')?.['data-fraction']).toBe('73/576');
    expect(tex).toContain('\\frac{73}{576}');
  });
  it('draws a curve for K = 1, 3, 5, 7 plus the reader’s K, each with its asymptote 1/K²', () => {
    const { svg } = ratioCurves.render({ ...defaults, k: 11 }, testFrame());
    const ks = all(svg, (n) => n.attrs.class?.toString().startsWith('rc-curve') === true).map((n) => Number(n.attrs['data-k']));
    expect(ks).toEqual([...CURVE_KERNELS, 11]);
    const asym = all(svg, (n) => n.attrs['data-asymptote'] !== undefined).map((n) => Number(n.attrs['data-asymptote']));
    expect(asym).toEqual([1, 1 / 9, 1 / 25, 1 / 49, 1 / 121]);
  });
  it('puts the marker on the curve: at (N, 1/N + 1/K²) in the log scales', () => {
    const { svg } = ratioCurves.render({ ...defaults, k: 5, n: 256 }, testFrame());
    const c = all(svg, (n) => n.attrs.class === 'rc-marker')[0];
    expect(Number(c.attrs.cx)).toBeCloseTo(xScale(256), 6);
    expect(Number(c.attrs.cy)).toBeCloseTo(yScale(1 / 256 + 1 / 25), 6);
  });
  it('each curve lies above its asymptote and approaches it: the path’s last point is within 1 px', () => {
    const { svg } = ratioCurves.render(defaults, testFrame());
    for (const g of all(svg, (n) => n.attrs.class?.toString().startsWith('rc-curve') === true)) {
      const k = Number(g.attrs['data-k']);
      const d = String(all(g, (n) => n.tag === 'path')[0].attrs.d);
      const ys = [...d.matchAll(/[ML][\d.]+,([\d.]+)/g)].map((m) => Number(m[1]));
      const asymY = yScale(1 / (k * k));
      for (const y of ys) expect(y).toBeLessThanOrEqual(asymY + 1e-9); // smaller y = higher ratio
      expect(asymY - ys[ys.length - 1]).toBeLessThan(k === 1 ? 2 : 1.5);
    }
  });
  it('says a 1×1 "separable" layer costs more (1/N + 1 > 1)', () => {
    expect(ratioCurves.render({ ...defaults, k: 1, n: 8 }, testFrame()).summary).toContain('costs more');
  });
});
