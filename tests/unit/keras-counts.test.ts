import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { xception } from '../../src/lib/architectures';
import { kerasTotalTex, separableConv2dParams } from '../../src/lib/keras-counts';
import { xceptionFlowEn } from '../../src/i18n/figures/xception-flow.en';
import { xceptionFlowZh } from '../../src/i18n/figures/xception-flow.zh';

describe('separableConv2dParams', () => {
  it('the source article’s first Keras layer (3 → 32, 3×3, bias): 27 + 96 + 32 = 155', () => {
    const c = separableConv2dParams({ k: 3, m: 3, n: 32 });
    expect([c.depthwise, c.pointwise, c.bias, c.total]).toEqual([27, 96, 32, 155]);
    expect(c.tex).toContain('= 155');
  });
  it('Xception block4_sepconv1 (256 → 728, no bias): 2,304 + 186,368 = 188,672, equal to the cost model’s layer', () => {
    const c = separableConv2dParams({ k: 3, m: 256, n: 728, bias: false });
    expect(c.total).toBe(188_672);
    expect(xception().layers.find((l) => l.name === 'block4_sepconv1')!.params).toBe(188_672);
  });
  it('depth multiplier d scales the depthwise part and the pointwise fan-in: K²·M·d + M·d·N + N', () => {
    for (const d of [1, 2, 3]) {
      const c = separableConv2dParams({ k: 5, m: 16, n: 40, depthMultiplier: d });
      expect(c.total).toBe(25 * 16 * d + 16 * d * 40 + 40);
    }
  });
  it('its TeX renders', () => {
    expect(() => katex.renderToString(separableConv2dParams({ k: 3, m: 8, n: 4, depthMultiplier: 2 }).tex, { throwOnError: true })).not.toThrow();
  });
});

describe('kerasTotalTex', () => {
  it('Xception: 22,801,424 + 2·27,264 = 22,855,952 (Chollet 2017, Table 3) and + 2·27,264 = 22,910,480 (Keras)', () => {
    const r = kerasTotalTex(xception(), xceptionFlowEn.kerasLabels);
    expect(r.trainable).toBe(22_855_952);
    expect(r.total).toBe(22_910_480);
    expect(r.tex).toContain('22{,}855{,}952');
    expect(() => katex.renderToString(`\\begin{gathered}${r.tex}\\end{gathered}`, { throwOnError: true, displayMode: true })).not.toThrow();
  });
  it('writes the braces in the reader\'s language: the Chinese edition has no English under them', () => {
    const zh = kerasTotalTex(xception(), xceptionFlowZh.kerasLabels).tex;
    expect(zh).toContain(`\\text{${xceptionFlowZh.kerasLabels.weights}}`);
    expect(zh).toContain(`\\text{${xceptionFlowZh.kerasLabels.moving}}`);
    expect(zh).not.toMatch(/weights|moving|variance/);
    expect(() => katex.renderToString(`\\begin{gathered}${zh}\\end{gathered}`, { throwOnError: true, displayMode: true, strict: 'error' })).not.toThrow();
  });
});
