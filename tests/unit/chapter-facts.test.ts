import { describe, expect, it } from 'vitest';
import katex from 'katex';
import { mobilenetV1, mobilenetV2 } from '../../src/lib/architectures';
import {
  article004Comparison,
  compare,
  factoredFreedom,
  halfScaleLimit,
  inceptionSpectrum,
  kb,
  lostFraction,
  meanActiveFraction,
  meanError,
  meanSquaredRadius,
  minWidthForSaving,
  pointwiseShare,
  table3ComputedMax,
  separableSaving,
  separableSavings,
  v1At7Readings,
  v1FullConvSaving,
  v1PointwiseParamShare,
  v2BlockMemory,
  v2Structure,
  xceptionOverV1,
} from '../../src/lib/chapter-facts';

const renders = (tex: string) => katex.renderToString(tex, { throwOnError: true });

describe('separable savings (Howard et al. 2017, §3.1)', () => {
  it('separableSaving({k:3, n:512}) = 4608/521 ≈ 8.84×, not "about 8.9×"', () => {
    const f = separableSaving({ k: 3, n: 512 });
    expect(f.value).toEqual({ num: 4608n, den: 521n });
    expect(f.approx).toBeCloseTo(4608 / 521, 12);
    expect(f.text).toBe('8.84×');
    expect(f.tex).toContain('\\frac{4{,}608}{521} \\approx 8.84');
    expect(() => renders(f.tex)).not.toThrow();
  });

  it('separableSaving is the inverse of 1/N + 1/D_K² for every N (N = 64 gives 576/73 ≈ 7.89)', () => {
    expect(separableSaving({ k: 3, n: 64 }).value).toEqual({ num: 576n, den: 73n });
    for (const n of [1, 7, 64, 100, 1024]) {
      expect(separableSaving({ k: 3, n }).approx * (1 / n + 1 / 9)).toBeCloseTo(1, 12);
    }
  });

  it('separableSavings(3, [64, 1024]) lists the exact ratio and the saving', () => {
    const [a, b] = separableSavings(3, [64, 1024]);
    expect(a.ratioText).toBe('73/576 ≈ 0.127');
    expect(a.savingText).toBe('7.89×');
    expect(b.ratioText).toBe('1033/9216 ≈ 0.112');
    expect(b.savingText).toBe('8.92×');
  });

  it('minWidthForSaving(3, 8) = 72: N = 71 saves less than 8×, N = 72 exactly 8×', () => {
    expect(minWidthForSaving(3, 8).value).toBe(72);
    expect(separableSaving({ k: 3, n: 71 }).approx).toBeLessThan(8);
    expect(separableSaving({ k: 3, n: 72 }).value).toEqual({ num: 8n, den: 1n });
    expect(() => minWidthForSaving(3, 9)).toThrow(RangeError);
  });

  it('factoredFreedom({k:3, m:32, n:64}): 18,432 free numbers against 288 + 2,048 = 2,336', () => {
    expect(factoredFreedom({ k: 3, m: 32, n: 64 })).toEqual({ general: 9 * 32 * 64, separable: 9 * 32 + 32 * 64 });
  });

  it("article004Comparison(): the six SeparableConv2D layers of source article 004 against Conv2D with bias", () => {
    // (9·M + M·N + N) and (9·M·N + N) summed over 3→32→64, 64→64→128, 128→64→128.
    const pairs = [[3, 32], [32, 64], [64, 64], [64, 128], [128, 64], [64, 128]];
    const sep = pairs.reduce((s, [m, n]) => s + 9 * m + m * n + n, 0);
    const std = pairs.reduce((s, [m, n]) => s + 9 * m * n + n, 0);
    const c = article004Comparison();
    expect(c.separable).toBe(sep);
    expect(c.standard).toBe(std);
    expect(c.times).toBeCloseTo(std / sep, 12);
  });

  it('v1PointwiseParamShare(): 3,139,584 / 4,209,088 = 74.59% (Table 2) and / 4,210,088 = 74.57% with the FC bias', () => {
    const s = v1PointwiseParamShare();
    expect(s.weightsOnly.text).toBe('74.59%');
    expect(s.withBias.text).toBe('74.57%');
    expect(s.withBias.value).toBeCloseTo(3_139_584 / 4_210_088, 12);
  });

  it('compare(149,497,088, 186,400,768) = 80%: α 0.5 at 224 against α 1 at 128 (Tables 6–7 counts)', () => {
    expect(compare(149_497_088, 186_400_768).text).toBe('80%');
    expect(compare(149_497_088, 186_400_768).value).toBeCloseTo(0.802, 3);
  });

  it('v1FullConvSaving(): Table 4, 4,867,293,184 / 568,740,352 ≈ 8.56× and 29,282,120 / 4,210,088 ≈ 6.96×', () => {
    const s = v1FullConvSaving();
    expect(s.multAdds.value).toBeCloseTo(4_867_293_184 / 568_740_352, 12);
    expect(s.multAdds.text).toBe('8.56×');
    expect(s.params.text).toBe('6.96×');
    expect(s.fullMultAddsWithoutFc).toBe(4_867_293_184 - 1024 * 1000);
  });
});

describe('the manifold experiment (Sandler et al. 2018, Fig. 1)', () => {
  it('lostFraction(n) = (1 + n)/2ⁿ: 3/4 at n = 2, 1/2 at n = 3, 3/16 at n = 5, 1/2048 at n = 15', () => {
    expect(lostFraction(2).value).toEqual({ num: 3n, den: 4n });
    expect(lostFraction(3).value).toEqual({ num: 1n, den: 2n });
    expect(lostFraction(5).value).toEqual({ num: 3n, den: 16n });
    expect(lostFraction(15).value).toEqual({ num: 1n, den: 2048n });
    expect(lostFraction(2).text).toBe('75%');
    expect(lostFraction(5).text).toBe('19%');
    expect(lostFraction(15).text).toBe('0.049%');
    expect(() => renders(lostFraction(15).tex)).not.toThrow();
    expect(() => lostFraction(0)).toThrow(RangeError);
  });

  it('lostFraction(n) is P(fewer than 2 of n fair coins come up heads), summed by hand for n = 4', () => {
    // P(0) + P(1) = 1/16 + 4/16 = 5/16.
    expect(lostFraction(4).value).toEqual({ num: 5n, den: 16n });
  });

  it('meanSquaredRadius(2000) ≈ 31.15 for the spiral of radius 8 and 1.5 turns, and halfScaleLimit is a quarter of it', () => {
    const r2 = meanSquaredRadius(2000);
    expect(r2).toBeGreaterThan(31.1);
    expect(r2).toBeLessThan(31.2);
    expect(halfScaleLimit(2000).value).toBeCloseTo(r2 / 4, 12);
    expect(halfScaleLimit(2000).text).toBe('7.79');
  });

  it('meanError(n) approaches the half-scale limit from above: averaged over 200 T it falls from n = 15 to n = 64 and stays above it', () => {
    const limit = halfScaleLimit(1000).value;
    const e15 = meanError(15, 200, 1000);
    const e64 = meanError(64, 200, 1000);
    expect(e15).toBeGreaterThan(e64);
    expect(e64).toBeGreaterThan(limit);
    expect(e64).toBeLessThan(1.15 * limit);
  });

  it('meanActiveFraction(n) stays near ½ for every n (each coordinate is negative for half the inputs)', () => {
    for (const n of [2, 30]) {
      const a = meanActiveFraction(n, 20, 500);
      expect(a).toBeGreaterThan(0.4);
      expect(a).toBeLessThan(0.6);
    }
  });
});

describe('MobileNet V2 facts', () => {
  it('pointwiseShare(V2) ≈ 89.1%: the 1×1 layers still do most of the work (V1: 94.9%)', () => {
    const v2 = pointwiseShare(mobilenetV2());
    // 1×1 mult-adds of V2: every expand and project layer plus the 1280-wide head, 267,939,840 of 300,774,272.
    expect(v2.value).toBeCloseTo(267_939_840 / 300_774_272, 12);
    expect(v2.text).toBe('89.1%');
    expect(pointwiseShare(mobilenetV1()).value).toBeCloseTo(539_492_352 / 568_740_352, 12);
  });

  it('v2Structure(): 1 + 2 + 3 + 4 + 3 + 3 + 1 = 17 blocks, 10 with an identity shortcut (Table 2)', () => {
    const s = v2Structure();
    expect(s.blocks).toBe(17);
    expect(s.shortcuts).toBe(0 + 1 + 2 + 3 + 2 + 2 + 0);
    expect(s.rowStart).toEqual([0, 1, 3, 6, 10, 13, 16]);
  });

  it('v2BlockMemory(1): block 2 holds 2·(112²·16 + 56²·24) bytes; its 96-channel expanded tensor 2·56²·96 more', () => {
    const m = v2BlockMemory(1);
    expect(m.bytes).toBe(2 * (112 * 112 * 16 + 56 * 56 * 24));
    expect(m.expandedBytes).toBe(2 * 56 * 56 * 96);
    expect(m.tex).toBe('2 \\cdot (112^2 \\cdot 16 + 56^2 \\cdot 24)');
  });

  it('v1At7Readings(): one 7×7×1024 tensor is 100,352 bytes; input + output 200,704 (V2 Table 3 prints 199 Kb)', () => {
    expect(v1At7Readings()).toEqual({ oneTensor: 7 * 7 * 1024 * 2, inputPlusOutput: 2 * 7 * 7 * 1024 * 2 });
    expect(kb(200_704)).toBe('201 KB');
  });
});

describe('table3ComputedMax()', () => {
  it('is 64·112²·2 bytes = 1605.632 Kb for V1 and 16·112²·2 = 401.408 Kb for V2 (Table 3 prints 1600K and 400K)', () => {
    const m = table3ComputedMax();
    expect(m.v1Kb).toBeCloseTo((64 * 112 * 112 * 2) / 1000, 9);
    expect(m.v2Kb).toBeCloseTo((16 * 112 * 112 * 2) / 1000, 9);
  });
});

describe('Xception facts', () => {
  it('inceptionSpectrum(728, [1, 4, 728]): the 1×1 has 728² weights; the 3×3 has 9·728²/S, and 9·728 when S = 728', () => {
    const rows = inceptionSpectrum(728, [1, 4, 728]);
    expect(rows.map((r) => r.mix)).toEqual([728 * 728, 728 * 728, 728 * 728]);
    expect(rows.map((r) => r.spatial)).toEqual([9 * 728 * 728, (9 * 728 * 728) / 4, 9 * 728]);
    expect(rows[2].total).toBe(728 * 728 + 9 * 728);
  });

  it('xceptionOverV1(): about 15× the mult-adds and 5× the parameters of MobileNet V1', () => {
    const r = xceptionOverV1();
    expect(Math.round(r.multAdds)).toBe(15);
    expect(Math.round(r.params)).toBe(5);
  });
});

describe('compare refuses a share of nothing', () => {
  it('a whole of 0 or a NaN is a typed error, not "Infinity%"', () => {
    expect(() => compare(1, 0)).toThrow(expect.objectContaining({ code: 'invalid-size' }));
    expect(() => compare(Number.NaN, 4)).toThrow(expect.objectContaining({ code: 'invalid-size' }));
  });
});
