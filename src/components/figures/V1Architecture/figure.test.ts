import { describe, expect, it } from 'vitest';
import { figure as v1 } from './figure';
import { layerTable } from './layers';
import { mobilenetV1 } from '../../../lib/architectures';
import type { SvgNode } from '../../figure-kit/svg';
import { defaultValues as defaults, findAll as all, testFrame } from '../../figure-kit/testing';

const q = (svg: SvgNode, name: string) => all(svg, (n) => n.attrs['data-quantity'] === name)[0]?.attrs['data-exact'];
const text = (n: SvgNode | string): string => (typeof n === 'string' ? n : n.children.map(text).join(''));

describe('v1Architecture.render(values)', () => {
  it('shows the totals of Table 1 at α 1, 224: 568,740,352 mult-adds (paper: 569M), 4,210,088 params (4.2M), 10,944 BN channels', () => {
    const { svg } = v1.render(defaults, testFrame());
    expect(q(svg, 'macs')).toBe('568740352');
    expect(q(svg, 'params')).toBe('4210088');
    expect(q(svg, 'bn-channels')).toBe('10944');
    // Keras count_params of keras.applications.MobileNet(): 4,253,864 (published "4.3M").
    expect(q(svg, 'params-keras')).toBe('4253864');
    expect(q(svg, 'params-pytorch')).toBe('4231976');
  });

  it('follows α and the resolution: 0.50 MobileNet-160 has 76,524,800 mult-adds and 1,320,648 params (Table 9: 76M, 1.32M)', () => {
    const { svg } = v1.render({ ...defaults, alpha: 0.5, res: 160 }, testFrame());
    expect(q(svg, 'macs')).toBe('76524800');
    expect(q(svg, 'params')).toBe('1320648');
    for (const [alpha, res] of [[0.25, 128], [0.75, 192], [1.3, 300]]) {
      const arch = mobilenetV1({ alpha, resolution: res });
      const view = v1.render({ ...defaults, alpha, res }, testFrame());
      expect(q(view.svg, 'macs')).toBe(String(arch.multAdds));
      expect(q(view.svg, 'bn-channels')).toBe(String(arch.bnChannels));
    }
  });

  it('draws 28 rows whose bar lengths are proportional to each layer\'s mult-adds and parameters (linear scales)', () => {
    const arch = mobilenetV1({ alpha: 0.75, resolution: 192 });
    const { svg } = v1.render({ ...defaults, alpha: 0.75, res: 192 }, testFrame());
    const rows = all(svg, (n) => n.attrs['data-layer'] !== undefined);
    expect(rows.map((r) => r.attrs['data-layer'])).toEqual(arch.layers.map((l) => l.name));
    const width = (row: SvgNode, role: string) => Number(all(row, (n) => n.attrs['data-role'] === role)[0].attrs.width);
    const maxMacs = Math.max(...arch.layers.map((l) => l.multAdds));
    const maxParams = Math.max(...arch.layers.map((l) => l.params));
    const iMax = arch.layers.findIndex((l) => l.multAdds === maxMacs);
    const jMax = arch.layers.findIndex((l) => l.params === maxParams);
    rows.forEach((row, i) => {
      const l = arch.layers[i];
      // Bars below 0.75 units are drawn at 0.75 so they stay visible.
      if ((l.multAdds / maxMacs) * width(rows[iMax], 'macs') > 0.75) {
        expect(width(row, 'macs') / width(rows[iMax], 'macs')).toBeCloseTo(l.multAdds / maxMacs, 9);
      }
      if ((l.params / maxParams) * width(rows[jMax], 'params') > 0.75) {
        expect(width(row, 'params') / width(rows[jMax], 'params')).toBeCloseTo(l.params / maxParams, 9);
      }
    });
  });

  it('marks the 13th depthwise row, which Table 1 prints as s2, and draws it with stride 1', () => {
    const { svg } = v1.render(defaults, testFrame());
    const row = all(svg, (n) => n.attrs['data-layer'] === 'conv_dw_13')[0];
    expect(all(row, (n) => n.attrs.class === 'v1a-flag')).toHaveLength(1);
    expect(text(row)).toContain('dw s1');
    const flagged = all(svg, (n) => n.attrs['data-layer'] !== undefined && all(n, (m) => m.attrs.class === 'v1a-flag').length > 0);
    expect(flagged).toHaveLength(1);
  });

  it('gives Table 2 shares (1×1: 94.86% of mult-adds, 74.59% of weights) and marks only the printed 1.19% as not reproduced', () => {
    const { svg } = v1.render(defaults, testFrame());
    expect(Number(q(svg, 'share-macs-pointwise')).toFixed(2)).toBe('94.86');
    expect(Number(q(svg, 'share-params-pointwise')).toFixed(2)).toBe('74.59');
    // 10,838,016 / 568,740,352 = 1.9056…%; the paper prints 1.19%.
    expect(Number(q(svg, 'share-macs-conv'))).toBeCloseTo((100 * 10_838_016) / 568_740_352, 9);
    const bad = all(svg, (n) => n.attrs['data-printed'] !== undefined);
    expect(bad.map((n) => n.attrs['data-printed'])).toEqual(['v1-t2-conv-macs']);
    expect(text(bad[0])).toContain('1.19%');
    const shares = ['pointwise', 'depthwise', 'conv', 'fc'].map((k) => Number(q(svg, `share-macs-${k}`)));
    expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(100, 9);
  });

  it('stacks the layer-type shares into bars the full width of the figure', () => {
    const { svg } = v1.render({ ...defaults, alpha: 0.5, res: 128 }, testFrame());
    for (const role of ['stack-macs', 'stack-params']) {
      const g = all(svg, (n) => n.attrs['data-role'] === role)[0];
      const total = all(g, (n) => n.tag === 'rect').reduce((s, r) => s + Number(r.attrs.width), 0);
      expect(total).toBeCloseTo(420, 6);
    }
  });

  it('gives eq. 7 with Table 3\'s numbers at α 0.75, 160 (ρ = 0.714): 345,600 + 14,745,600 = 15,091,200', () => {
    const { tex } = v1.render({ ...defaults, alpha: 0.75, res: 160 }, testFrame());
    expect(tex).toContain('\\alpha M');
    expect(tex).toContain('3 \\cdot 3 \\cdot 384 \\cdot 10 \\cdot 10');
    expect(tex).toContain('345{,}600 + 14{,}745{,}600 = 15{,}091{,}200');
  });

  it('replaces the whole picture by a message when α leaves a layer without channels', () => {
    const view = v1.render({ ...defaults, alpha: 0.01 }, testFrame());
    expect(all(view.svg, (n) => n.attrs['data-role'] === 'error')).toHaveLength(1);
    expect(all(view.svg, (n) => n.attrs['data-layer'] !== undefined)).toHaveLength(0);
  });

  it('has a title and description wired to aria-labelledby, and re-renders in a few milliseconds', () => {
    const { svg } = v1.render(defaults, testFrame(680, 'fig-3'));
    expect(svg.attrs['aria-labelledby']).toBe('fig-3-title fig-3-desc');
    const t0 = performance.now();
    for (let i = 0; i < 50; i++) v1.render({ ...defaults, alpha: 0.5 + (i % 10) / 20, res: 128 + i }, testFrame());
    expect((performance.now() - t0) / 50).toBeLessThan(10);
  });
});

describe('layerTable(alpha, resolution)', () => {
  it('lists Table 1 row by row: filter shapes, shapes and counts (first row 3×3×3×32, 864 params)', () => {
    const { rows, totals } = layerTable(1, 224);
    expect(rows).toHaveLength(28);
    expect(rows[0].cells.slice(2)).toEqual(['conv s2', '3×3×3×32', '224²×3', '112²×32', '864', '10,838,016']);
    expect(rows[1].cells[3]).toBe('3×3×32 dw');
    expect(rows[27].cells.slice(2, 4)).toEqual(['FC', '1024×1000']);
    expect(rows.filter((r) => r.erratum).map((r) => r.cells[2])).toEqual(['dw s1 (Table 1: s2)']);
    expect(rows.reduce((s, r) => s + r.macs, 0)).toBe(totals.macs);
    expect(totals).toEqual({ params: 4_210_088, macs: 568_740_352, bnChannels: 10_944, keras: 4_253_864, pytorch: 4_231_976 });
  });
});
