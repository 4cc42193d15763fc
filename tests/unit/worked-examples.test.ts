import { describe, expect, it } from 'vitest';
import katex from 'katex';
import { ARTICLE_001_PRINTED, article001, article001Tex, kerasSummary, validOutputTex } from '../../src/lib/worked-examples';

describe('article001()', () => {
  const a = article001();
  it('gives a 55×55 output: ⌊(227 − 11)/4⌋ + 1 (stride 4, no padding, as AlexNet conv1)', () => {
    expect(a.standard.outH).toBe(55);
    expect(validOutputTex({ inH: 227, k: 11, stride: 4 })).toContain('= 55');
  });
  it('reproduces the printed params 2178 (no bias) and 726 for G = 3', () => {
    expect(a.standard.params).toBe(ARTICLE_001_PRINTED.params);
    expect(a.grouped.params).toBe(ARTICLE_001_PRINTED.groupedParams);
    expect(a.standardBias.params).toBe(2184);
  });
  it('shows the printed FLOPs 13,176,900 are 2·MACs, not the stated (2·C·K² − 1) count 13,158,750', () => {
    expect(a.standard.multAdds).toBe(6_588_450);
    expect(a.standard.flops2x).toBe(ARTICLE_001_PRINTED.flops);
    expect(a.standard.flopsSeed).toBe(13_158_750);
    expect(a.standardBias.flopsSeed).toBe(ARTICLE_001_PRINTED.flops);
  });
  it('evaluates the printed grouped expression to 4,410,450, not the printed 2,205,225 (factor N/G = 2 dropped)', () => {
    expect(a.groupedPlusOne).toBe(4_410_450);
    expect(a.groupedPrintedReading).toBe(ARTICLE_001_PRINTED.groupedFlops);
    expect(a.grouped.flopsSeed).toBe(4_374_150);
    expect(a.grouped.flops2x).toBe(4_392_300);
    expect(a.grouped.flops2x * 3).toBe(a.standard.flops2x);
  });
});

describe('article001Tex()', () => {
  const t = article001Tex();
  it('article001Tex(): the standard layer 11·11·3·6 = 2,178 params and ·55·55 = 6,588,450 mult-adds, over D_G', () => {
    expect(t.standard.params).toBe('D_K \\cdot D_K \\cdot M \\cdot N = 11 \\cdot 11 \\cdot 3 \\cdot 6 = 2{,}178');
    expect(t.standard.multAdds).toContain('D_G \\cdot D_G = 11 \\cdot 11 \\cdot 3 \\cdot 6 \\cdot 55 \\cdot 55 = 6{,}588{,}450');
  });
  it("article001Tex(): the article's no-bias FLOPs (2·3·121 − 1)·55²·6 = 13,158,750 and, grouped, (2·121·3/3 − 1)·55²·6 = 4,374,150", () => {
    expect(t.standard.flopsSeed).toBe('\\left(2 \\cdot 11^2 \\cdot 3 - 1\\right) \\cdot 55 \\cdot 55 \\cdot 6 = 13{,}158{,}750');
    expect(t.grouped.flopsSeed).toContain('\\tfrac{3}{3} - 1\\right) \\cdot 55 \\cdot 55 \\cdot 6 = 4{,}374{,}150');
    expect((2 * 3 * 121 - 1) * 55 * 55 * 6).toBe(13_158_750);
    expect((2 * 121 - 1) * 55 * 55 * 6).toBe(4_374_150);
  });
  it('article001Tex(): 2 · mult-adds is 13,176,900 and 4,392,300, and every line renders', () => {
    expect(t.standard.flops2x).toBe('2 \\cdot \\text{mult-adds} = 13{,}176{,}900');
    expect(t.grouped.flops2x).toBe('2 \\cdot \\text{mult-adds} = 4{,}392{,}300');
    for (const line of [...Object.values(t.standard), ...Object.values(t.grouped)]) {
      expect(() => katex.renderToString(line, { throwOnError: true })).not.toThrow();
    }
  });
});

describe('kerasSummary()', () => {
  const s = kerasSummary();
  it('sums source article 004 layer by layer to 38,949 params', () => {
    expect(s.rows.map((r) => r.params)).toEqual([155, 2400, 0, 4736, 8896, 0, 9408, 8896, 0, 4128, 330]);
    expect(s.total).toBe(38_949);
  });
  it("shrinks 64 → 62 → 60 → 30 → 28 → 26 → 13 → 11 → 9 with 'valid' padding", () => {
    expect(s.rows.filter((r) => r.shape.length === 3).map((r) => r.shape[0])).toEqual([62, 60, 30, 28, 26, 13, 11, 9]);
  });
  it('counts K²·M + M·N + N per SeparableConv2D: bias on the pointwise part only', () => {
    expect(s.rows[1].parts).toEqual({ depthwise: 9 * 32, pointwise: 32 * 64, bias: 64 });
  });
  it('needs about 8× fewer conv params than Conv2D layers of the same shapes (277,824 vs 34,491)', () => {
    const conv = s.rows.filter((r) => r.type === 'SeparableConv2D');
    expect(conv.reduce((t, r) => t + (r.standardParams ?? 0), 0)).toBe(277_824);
    expect(conv.reduce((t, r) => t + r.params, 0)).toBe(34_491);
  });
});
