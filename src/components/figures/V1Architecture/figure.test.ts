import { describe, expect, it } from 'vitest';
import { figure as v1 } from './figure';
import { layerTable } from './layers';
import { mobilenetV1 } from '../../../lib/architectures';
import type { SvgNode } from '../../figure-kit/svg';
import { defaultValues as defaults, findAll as all, testFrame } from '../../figure-kit/testing';
import { SLIDE_HEIGHT, SLIDE_WIDTH } from '../../figure-kit/frame';

const slideFrame = { ...testFrame(SLIDE_WIDTH, 's', 'slide'), height: SLIDE_HEIGHT };
/** A slide whose figure box is narrower (a presenter's preview, a slide with text beside the figure). */
const narrowSlide = { ...testFrame(480, 'n', 'slide'), height: SLIDE_HEIGHT };

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

  it('draws 28 layers whose bars are proportional to each layer\'s mult-adds and parameters (linear scales), as rows on a phone and columns on a page or slide', () => {
    const arch = mobilenetV1({ alpha: 0.75, resolution: 192 });
    const maxMacs = Math.max(...arch.layers.map((l) => l.multAdds));
    const maxParams = Math.max(...arch.layers.map((l) => l.params));
    const iMax = arch.layers.findIndex((l) => l.multAdds === maxMacs);
    const jMax = arch.layers.findIndex((l) => l.params === maxParams);
    for (const [frame, size] of [[testFrame(316), 'width'], [testFrame(680), 'height'], [slideFrame, 'height']] as const) {
      const { svg } = v1.render({ ...defaults, alpha: 0.75, res: 192 }, frame);
      const rows = all(svg, (n) => n.attrs['data-layer'] !== undefined);
      expect(rows.map((r) => r.attrs['data-layer'])).toEqual(arch.layers.map((l) => l.name));
      const len = (row: SvgNode, role: string) => Number(all(row, (n) => n.attrs['data-role'] === role)[0].attrs[size]);
      rows.forEach((row, i) => {
        const l = arch.layers[i];
        // Bars below 0.75 units are drawn at 0.75 so they stay visible.
        if ((l.multAdds / maxMacs) * len(rows[iMax], 'macs') > 0.75) expect(len(row, 'macs') / len(rows[iMax], 'macs')).toBeCloseTo(l.multAdds / maxMacs, 9);
        if ((l.params / maxParams) * len(rows[jMax], 'params') > 0.75) expect(len(row, 'params') / len(rows[jMax], 'params')).toBeCloseTo(l.params / maxParams, 9);
      });
    }
  });

  it('marks the 13th depthwise layer, which Table 1 prints as s2, and draws it with stride 1', () => {
    for (const frame of [testFrame(316), testFrame(680), slideFrame]) {
      const { svg } = v1.render(defaults, frame);
      const row = all(svg, (n) => n.attrs['data-layer'] === 'conv_dw_13')[0];
      expect(all(row, (n) => String(n.attrs.class).includes('v1a-flag'))).toHaveLength(1);
      expect(text(row)).toContain('stride 1');
      const flagged = all(svg, (n) => n.attrs['data-layer'] !== undefined && all(n, (m) => String(m.attrs.class).includes('v1a-flag')).length > 0);
      expect(flagged).toHaveLength(1);
      expect(text(all(svg, (n) => n.attrs['data-role'] === 'erratum')[0])).toMatch(/it must be ?s1/);
    }
    expect(text(all(v1.render(defaults, testFrame(316)).svg, (n) => n.attrs['data-layer'] === 'conv_dw_13')[0])).toContain('dw s1');
  });

  it('gives Table 2 shares (1×1: 94.86% of mult-adds, 74.59% of weights) and marks only the printed 1.19% as not reproduced', () => {
    for (const frame of [testFrame(316), testFrame(680), slideFrame]) {
      const { svg } = v1.render(defaults, frame);
      expect(Number(q(svg, 'share-macs-pointwise')).toFixed(2)).toBe('94.86');
      expect(Number(q(svg, 'share-params-pointwise')).toFixed(2)).toBe('74.59');
      // 10,838,016 / 568,740,352 = 1.9056…%; the paper prints 1.19%.
      expect(Number(q(svg, 'share-macs-conv'))).toBeCloseTo((100 * 10_838_016) / 568_740_352, 9);
      const bad = all(svg, (n) => n.attrs['data-printed'] !== undefined);
      expect(bad.map((n) => n.attrs['data-printed'])).toEqual(['v1-t2-conv-macs']);
      expect(text(bad[0])).toContain('1.19%');
      const shares = ['pointwise', 'depthwise', 'conv', 'fc'].map((k) => Number(q(svg, `share-macs-${k}`)));
      expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(100, 9);
    }
  });

  it('stacks the layer-type shares into two bars of equal length that end inside the picture', () => {
    for (const frame of [testFrame(316), testFrame(680), slideFrame]) {
      const { svg } = v1.render({ ...defaults, alpha: 0.5, res: 128 }, frame);
      const spans = ['stack-macs', 'stack-params'].map((role) => {
        const rects = all(all(svg, (n) => n.attrs['data-role'] === role)[0], (n) => n.tag === 'rect');
        const x0 = Number(rects[0].attrs.x);
        const total = rects.reduce((s, r) => s + Number(r.attrs.width), 0);
        return [x0, x0 + total];
      });
      expect(spans[1][0]).toBeCloseTo(spans[0][0], 9);
      expect(spans[1][1]).toBeCloseTo(spans[0][1], 9);
      expect(spans[0][1]).toBeLessThanOrEqual(frame.width + 1e-9);
      expect(spans[0][1] - spans[0][0]).toBeGreaterThan(frame.width / 5);
    }
  });

  it('lays itself out in the frame\'s width, with no text under 12 px, and on a slide within the slide\'s height', () => {
    for (const frame of [testFrame(316), testFrame(360), testFrame(520), testFrame(680), testFrame(725), testFrame(1000), slideFrame, narrowSlide]) {
      const { svg } = v1.render(defaults, frame);
      const [, , w, hgt] = String(svg.attrs.viewBox).split(' ').map(Number);
      expect(w).toBe(frame.width);
      if (frame.context === 'slide') expect(hgt, `slide ${frame.width} wide`).toBeLessThanOrEqual(SLIDE_HEIGHT);
      for (const t of all(svg, (n) => n.tag === 'text')) {
        const x = Number(t.attrs.x);
        expect(x, text(t)).toBeGreaterThanOrEqual(0);
        expect(x, text(t)).toBeLessThanOrEqual(frame.width);
        // Left-aligned text must fit: about 7.5 units per 12 px character.
        if (!t.attrs['text-anchor'] || t.attrs['text-anchor'] === 'start') expect(x + text(t).length * 6.5, text(t)).toBeLessThanOrEqual(frame.width + 2);
        if (t.attrs['font-size'] !== undefined) expect(Number(t.attrs['font-size'])).toBeGreaterThanOrEqual(12);
      }
    }
    // Phones get rows (tall), pages and slides columns (short).
    const height = (frame: ReturnType<typeof testFrame>) => Number(String(v1.render(defaults, frame).svg.attrs.viewBox).split(' ')[3]);
    expect(height(testFrame(316))).toBeGreaterThan(height(testFrame(725)));
    expect(height(testFrame(725))).toBeLessThan(560);
    // The build's wide draft (680) has the laptop's arrangement, so the page does not jump when it relays out.
    expect(Math.abs(height(testFrame(680)) - height(testFrame(725)))).toBeLessThan(60);
  });

  it('labels its marks with the terms of the cost formula: layer kinds, α on channels, ρ on map sizes', () => {
    for (const frame of [testFrame(316), testFrame(680), slideFrame]) {
      const { svg } = v1.render(defaults, frame);
      const arch = mobilenetV1();
      const rows = all(svg, (n) => n.attrs['data-layer'] !== undefined);
      expect(rows.map((r) => r.attrs['data-term'])).toEqual(arch.layers.map((l) => l.kind));
      expect(all(svg, (n) => n.attrs['data-term'] === 'rho').length).toBeGreaterThanOrEqual(5);
      expect(all(svg, (n) => n.attrs['data-term'] === 'alpha').length).toBeGreaterThanOrEqual(5);
      // The 112² stage: ρ counts the map, α the 64 channels it ends with.
      expect(all(svg, (n) => n.attrs['data-term'] === 'rho').map(text)).toContain('112²');
      // Each layer type of the breakdown is reachable from the keyboard and named for screen readers.
      const kinds = all(svg, (n) => n.attrs.class === 'v1a-kind');
      expect(kinds.map((k) => k.attrs['data-term'])).toEqual(['pointwise', 'depthwise', 'conv', 'fc']);
      for (const k of kinds) {
        expect(k.attrs.tabindex).toBe(0);
        expect(String(k.attrs['aria-label'])).toMatch(/% of the mult-adds/);
      }
    }
  });

  it('gives eq. 7 with Table 3\'s numbers at α 0.75, 160 (ρ = 0.714): 345,600 + 14,745,600 = 15,091,200', () => {
    const { tex: linked } = v1.render({ ...defaults, alpha: 0.75, res: 160 }, testFrame());
    // The formula's terms point at the figure's marks; the numbers are read without that markup.
    expect(linked).toContain('\\htmlData{term=pointwise}{14{,}745{,}600}');
    const tex = (linked ?? '').replace(/\\htmlData\{term=[a-z-]+\}\{((?:[^{}]|\{[^{}]*\})*)\}/g, '$1');
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
