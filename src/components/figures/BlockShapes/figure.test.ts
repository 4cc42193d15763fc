import { describe, expect, it } from 'vitest';
import { figure, MAX_BAR } from './figure';
import type { SvgNode } from '../../figure-kit/svg';
import { defaultValues as defaults, findAll as all, testFrame } from '../../figure-kit/testing';

const q = (svg: SvgNode, name: string) => Number(all(svg, (n) => n.attrs['data-quantity'] === name)[0]?.attrs['data-exact']);
const block = (svg: SvgNode, which: string) => all(svg, (n) => n.attrs['data-block'] === which)[0];
const heights = (g: SvgNode) => all(g, (n) => n.tag === 'rect').map((r) => Number(r.attrs.height));
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
  it('shows an error instead of a half-drawn figure for counts beyond exact integers', () => {
    const { svg } = figure.render({ ...defaults, m: 2048, n: 2048, t: 12, df: 512 }, testFrame());
    expect(all(svg, (n) => n.attrs['data-quantity'] !== undefined).every((n) => Number.isFinite(Number(n.attrs['data-exact'])))).toBe(true);
  });
});
