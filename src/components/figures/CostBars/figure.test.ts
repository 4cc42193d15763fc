import { describe, expect, it } from 'vitest';
import { figure as costBars } from './figure';
import type { SvgNode } from '../../figure-kit/svg';
import { defaultValues as defaults, findAll as all, testFrame } from '../../figure-kit/testing';

const q = (svg: SvgNode, name: string) => all(svg, (n) => n.attrs['data-quantity'] === name)[0]?.attrs['data-exact'];

describe('costBars.render(values)', () => {
  it('shows the exact counts of Howard et al. eq. 1–4 for the defaults (K 3, M 32, N 64, D_F 14)', () => {
    const { svg } = costBars.render(defaults, testFrame());
    expect(q(svg, 'macs-standard')).toBe(String(9 * 32 * 64 * 196));
    expect(q(svg, 'macs-separable')).toBe(String(9 * 32 * 196 + 32 * 64 * 196));
    expect(q(svg, 'params-standard')).toBe(String(9 * 32 * 64));
    expect(q(svg, 'params-separable')).toBe(String(9 * 32 + 32 * 64));
    expect(q(svg, 'ratio')).toBe(String(73 / 576));
  });
  it('draws bar lengths in proportion to the counts (separable / standard = ratio)', () => {
    const { svg } = costBars.render({ ...defaults, k: 5, n: 10 }, testFrame());
    const width = (cls: string) => all(svg, (n) => n.attrs.class === cls).map((n) => Number(n.attrs.width));
    const [stdMacs] = width('bar-standard');
    const [dwMacs] = width('bar-depthwise');
    const [pwMacs] = width('bar-pointwise');
    // 1/10 + 1/25 = 0.14 of the standard layer.
    expect((dwMacs + pwMacs) / stdMacs).toBeCloseTo(0.14, 6);
    // depthwise : pointwise = K² : N = 25 : 10.
    expect(dwMacs / pwMacs).toBeCloseTo(2.5, 6);
  });
  it('scales to the larger bar when separable costs more (K = 1)', () => {
    const { svg, summary } = costBars.render({ ...defaults, k: 1, n: 4 }, testFrame());
    const stdWidth = Number(all(svg, (n) => n.attrs.class === 'bar-standard')[0].attrs.width);
    const sep = all(svg, (n) => n.attrs.class === 'bar-depthwise' || n.attrs.class === 'bar-pointwise').slice(0, 2).reduce((a, n) => a + Number(n.attrs.width), 0);
    // 1/4 + 1/1 = 1.25 → the separable bar is the full width, the standard one 1/1.25 of it.
    expect(stdWidth / sep).toBeCloseTo(0.8, 6);
    expect(summary).toContain('costs more');
  });
  it('gives the TeX of 1/N + 1/D_K² with the same numbers', () => {
    expect(costBars.render(defaults, testFrame()).tex).toContain('\\frac{73}{576}');
  });
  it('has a title and description wired to aria-labelledby with the given uid', () => {
    const { svg } = costBars.render(defaults, testFrame(680, 'fig-7'));
    expect(svg.attrs['aria-labelledby']).toBe('fig-7-title fig-7-desc');
    expect(svg.attrs.role).toBe('img');
  });
});
