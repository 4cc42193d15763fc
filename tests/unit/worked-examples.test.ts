import { describe, expect, it } from 'vitest';
import { ARTICLE_001_PRINTED, article001, kerasSummary, validOutputTex } from '../../src/lib/worked-examples';

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
