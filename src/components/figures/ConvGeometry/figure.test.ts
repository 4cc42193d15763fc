import { describe, expect, it } from 'vitest';
import { figure as convGeometry, MAX_DRAWN } from './figure';
import type { SvgNode } from '../../figure-kit/svg';
import { defaultValues as defaults, findAll as all, testFrame } from '../../figure-kit/testing';

const LAYER = { standard: 0, grouped: 1, depthwise: 2, pointwise: 3, separable: 4 };
const exact = (svg: SvgNode, name: string) => all(svg, (n) => n.attrs['data-quantity'] === name)[0]?.attrs['data-exact'];
const onCells = (svg: SvgNode) => all(svg, (n) => typeof n.attrs.class === 'string' && n.attrs.class.startsWith('cell on'));
const kernels = (svg: SvgNode) => all(svg, (n) => n.attrs.class === 'kernel');

describe('convGeometry.render(values)', () => {
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
    // Each kernel reads the 4 inputs of its group.
    for (const k of kernels(svg)) expect(String(k.attrs['data-reads']).split(' ')).toHaveLength(4);
  });
  it("depthwise (G = M = N): the diagonal; kernel n reads only input n", () => {
    const { svg } = convGeometry.render({ ...defaults, layer: LAYER.depthwise, m: 10, n: 10 }, testFrame());
    const ks = kernels(svg);
    expect(onCells(svg)).toHaveLength(10);
    ks.forEach((k, i) => expect(k.attrs['data-reads']).toBe(String(i)));
    expect(k0Label(ks[3])).toBe('Kernel 4 (output channel 4) reads input channel 4');
  });
  it('pointwise is 1×1 whatever D_K says: M·N params', () => {
    const { svg } = convGeometry.render({ ...defaults, layer: LAYER.pointwise, k: 7, m: 4, n: 6 }, testFrame());
    expect(exact(svg, 'params')).toBe(String(24));
    expect(onCells(svg)).toHaveLength(24);
  });
  it('separable: a diagonal M×M then a dense M×N, params D_K²·M + M·N', () => {
    const { svg } = convGeometry.render({ ...defaults, layer: LAYER.separable, m: 6, n: 8 }, testFrame());
    expect(all(svg, (n) => n.attrs.class === 'matrix')).toHaveLength(2);
    expect(onCells(svg)).toHaveLength(6 + 48);
    expect(exact(svg, 'params')).toBe(String(9 * 6 + 48));
  });
  it(`draws at most ${MAX_DRAWN} channels per axis and says so, for M = N = 512`, () => {
    const { svg } = convGeometry.render({ ...defaults, m: 512, n: 512 }, testFrame());
    expect(kernels(svg)).toHaveLength(MAX_DRAWN);
    expect(onCells(svg)).toHaveLength(MAX_DRAWN * MAX_DRAWN);
    const texts = all(svg, (n) => n.tag === 'text').flatMap((n) => n.children).join(' ');
    expect(texts).toContain('showing 16 of 512');
    expect(exact(svg, 'connections')).toBe(String(512 * 512));
  });
  it('G that does not divide M or N gives the CostError message, never NaN', () => {
    const { svg, summary } = convGeometry.render({ ...defaults, layer: LAYER.grouped, m: 32, g: 7 }, testFrame());
    expect(summary).toBe('G = 7 must divide both M = 32 and N = 64.');
    expect(all(svg, (n) => n.attrs['data-role'] === 'error')).toHaveLength(1);
    expect(JSON.stringify(svg)).not.toContain('NaN');
  });
  it('every kernel is focusable and labelled', () => {
    for (const k of kernels(convGeometry.render(defaults, testFrame()).svg)) {
      expect(k.attrs.tabindex).toBe(0);
      expect(String(k.attrs['aria-label'])).toMatch(/^Kernel \d+ \(output channel \d+\) reads /);
    }
  });
});

function k0Label(k: SvgNode): string {
  return String(k.attrs['aria-label']);
}

describe('convGeometry tex', () => {
  it('typesets for every layer view (KaTeX, throwOnError)', async () => {
    const katex = (await import('katex')).default;
    for (const layer of Object.values(LAYER)) {
      const { tex } = convGeometry.render({ ...defaults, layer, g: 4 }, testFrame());
      expect(() => katex.renderToString(tex!, { displayMode: true, throwOnError: true })).not.toThrow();
    }
  });
});
