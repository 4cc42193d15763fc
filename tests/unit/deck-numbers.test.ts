import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  depthwiseSeparableDeckNumbers,
  eightBitStep,
  groupedConvolutionDeckNumbers,
  kilobytes,
  linearBottlenecksDeckNumbers,
  millions,
  mobilenetV1DeckNumbers,
  mobilenetV2DeckNumbers,
  overviewDeckNumbers,
  savingText,
  segmentedConv,
  shareText,
  standardConvolutionDeckNumbers,
  timesText,
  xceptionDeckNumbers,
} from '../../src/lib/chapter-numbers';

describe('deck number helpers', () => {
  it('shareText(part, whole, decimals) prints part/whole as a percentage: 1/3 → 33.3%, 1/8 at 2 decimals → 12.50%', () => {
    expect(shareText(1, 3)).toBe('33.3%');
    expect(shareText(1, 8, 2)).toBe('12.50%');
  });

  it('timesText(a, b) prints a/b to three significant figures: 25/9 → 2.78, 36/1 → 36.0', () => {
    expect(timesText(25, 9)).toBe('2.78');
    expect(timesText(36, 1)).toBe('36.0');
  });

  it('kilobytes counts 1000 bytes, rounded to whole KB with separators: 1,204,400 B → 1,204 KB, 399,500 B → 400 KB', () => {
    expect(kilobytes(1_204_400)).toBe('1,204 KB');
    expect(kilobytes(399_500)).toBe('400 KB');
  });

  it('millions prints three significant figures with an M: 3,504,872 → 3.50M, 569,000,000 → 569M', () => {
    expect(millions(3_504_872)).toBe('3.50M');
    expect(millions(569_000_000)).toBe('569M');
  });

  it('savingText is the inverse of 1/N + 1/D_K²: N = 512, D_K = 3 → 4608/521 ≈ 8.84 (Howard et al. 2017, §3.1: "8 to 9 times")', () => {
    expect(savingText({ num: 521n, den: 4608n })).toBe('8.84');
  });

  it('eightBitStep(6) is ReLU6 over 255 levels: 6/255 ≈ 0.02353; a cap of 60 gives ten times the step', () => {
    expect(eightBitStep(6)).toBeCloseTo(0.023529, 6);
    expect(eightBitStep(60)).toBeCloseTo(0.23529, 5);
  });

  it('segmentedConv at M = 728: 1×1 mix 728² = 529,984, plus 9·728²/s for s segments (9·728 = 6,552 at s = M)', () => {
    const rows = segmentedConv([1, 4, 56, 728]);
    expect(rows.map((r) => r.mix)).toEqual([529_984, 529_984, 529_984, 529_984]);
    expect(rows.map((r) => r.spatial)).toEqual([4_769_856, 1_192_464, 85_176, 6_552]);
    expect(rows.map((r) => r.total)).toEqual([5_299_840, 1_722_448, 615_160, 536_536]);
  });
});

describe('deck numbers', () => {
  it('standard convolution: 3·3·32·64 = 18,432 weights, ·14² = 3,612,672 mult-adds; twice the outputs doubles it, 5×5 costs 25/9 ≈ 2.78×', () => {
    const d = standardConvolutionDeckNumbers();
    expect(d.std.params).toBe(18_432);
    expect(d.std.multAdds).toBe(3_612_672);
    expect(d.widerTimes).toBe(2);
    expect(d.biggerTimes).toBe('2.78');
  });

  it('grouped convolution: a 1×1 layer from 64 to 64 channels connects 4,096 pairs, 1,024 in 4 groups; 3×3 depthwise has 9·64 = 576 weights', () => {
    const d = groupedConvolutionDeckNumbers();
    expect(d.pairs(64, 64, 1)).toBe(4_096);
    expect(d.pairs(64, 64, 4)).toBe(1_024);
    expect(d.std.params).toBe(36_864);
    expect(d.dw.params).toBe(576);
  });

  it('depthwise separable: 3²·32·14² + 32·64·14² = 56,448 + 401,408 = 457,856 mult-adds; at N = 512 the saving is 8.84×', () => {
    const d = depthwiseSeparableDeckNumbers();
    expect(d.sep.multAdds).toBe(457_856);
    expect(d.x3(d.r512)).toBe('8.84');
    expect(d.rows.map((r) => r.n)).toEqual([32, 64, 128, 256, 512, 1024]);
    // Howard et al. 2017, Table 4 prints 4866M mult-adds with full convolutions against 569M, both
    // rounded to the million: the exact ratio lies between 4865.5/569.5 and 4866.5/568.5.
    expect(Number(d.fullTimes)).toBeGreaterThanOrEqual(8.54);
    expect(Number(d.fullTimes)).toBeLessThanOrEqual(8.56);
  });

  it('MobileNet V1: the shares of mult-adds and weights by layer kind are those of Howard et al. 2017, Table 2', () => {
    const d = mobilenetV1DeckNumbers();
    expect(d.pct(d.by.pointwise!.multAdds, d.v1.multAdds)).toBe('94.86%');
    expect(d.pct(d.by.depthwise!.multAdds, d.v1.multAdds)).toBe('3.06%');
    expect(d.pct(d.by.pointwise!.weights, d.weights)).toBe('74.59%');
    expect(d.pct(d.by.fc!.weights, d.weights)).toBe('24.33%');
  });

  it('MobileNet V1, Table 3 of Howard et al. 2017: 462M mult-adds standard, 52.3M separable, 15.1M at α = 0.75 and 10×10', () => {
    const d = mobilenetV1DeckNumbers();
    expect(d.t3Std.multAdds).toBe(462_422_016);
    expect(d.t3One.multAdds).toBe(52_283_392);
    expect(d.t3.multAdds).toBe(15_091_200);
  });

  it('linear bottlenecks: (n + 1)/2ⁿ of the points are lost, 3/4 at n = 2 and 6/32 ≈ 19% at n = 5', () => {
    const d = linearBottlenecksDeckNumbers();
    expect(d.lost(2)).toBe(0.75);
    expect(d.pct(d.lost(5))).toBe('19%');
    expect(d.step60 / d.step6).toBeCloseTo(10, 12);
    // 24 → 144 → 24 at 56×56: 24·144 + 9·144 + 144·24 = 8,208 weights; h·w·d'·t·(d' + k² + d'')
    // = 3136·144·57 = 25,740,288 mult-adds (Sandler et al. 2018, §5.1).
    expect(d.block.params).toBe(8_208);
    expect(d.block.multAdds).toBe(25_740_288);
  });

  it('MobileNet V2: 17 bottlenecks and 10 identity shortcuts (Sandler et al. 2018, Table 2: n = 1, 2, 3, 4, 3, 3, 1); six times the channels costs 6× depthwise and 36× standard', () => {
    const d = mobilenetV2DeckNumbers();
    expect(d.sumN).toBe(17);
    expect(d.shortcuts).toBe(10);
    expect(d.dwWideTimes).toBe(6);
    expect(d.stdWideTimes).toBe(36);
    // V1 peaks at its first pointwise layer: 112·112·(32 + 64) values · 2 bytes = 2,408,448 bytes.
    expect(d.kb(d.p1.bytes)).toBe('2,408 KB');
    expect(d.M(d.v2.params)).toMatch(/^3\.\d\dM$/);
  });

  it('Xception: 36 convolution layers, 34 separable, in 14 modules, 12 with residual connections (Chollet 2017, §4 and Fig. 5)', () => {
    const d = xceptionDeckNumbers();
    expect(d.convLayers).toBe(36);
    expect(d.sepLayers).toBe(34);
    expect(d.modules).toBe(14);
    expect(d.residual).toBe(12);
    // Keras SeparableConv2D from 3 to 32 channels: 9·3 + 3·32 + 32 biases = 155.
    expect(d.first.total).toBe(155);
  });

  it('the overview deck prints the same numbers as the decks it sums up', () => {
    const o = overviewDeckNumbers();
    expect(o.r512Times).toBe('8.84');
    expect(o.step6).toBe('0.0235');
    // (15 + 1)/2¹⁵ = 16/32768 ≈ 0.049%.
    expect(o.lost15).toBe('0.049');
    expect(o.xTimes).toBe(xceptionDeckNumbers().xTimes);
    expect(o.segments.map((s) => s.total)).toEqual([5_299_840, 1_722_448, 615_160, 536_536]);
    expect(o.pct(o.v1k.pointwise!.multAdds, o.v1.multAdds)).toBe('94.9%');
  });
});

describe('the deck files', () => {
  const dir = (lang: string) => join(process.cwd(), 'content', 'decks', lang);
  const exportsOf = (lang: string, file: string) => readFileSync(join(dir(lang), file), 'utf8').split('\n').filter((l) => l.startsWith('export const'));

  it.each(readdirSync(dir('en')).filter((f) => f.endsWith('.mdx')))('%s computes nothing: one line takes its numbers from chapter-numbers, the same in both editions', (file) => {
    const en = exportsOf('en', file);
    expect(en).toHaveLength(1);
    expect(en[0]).toMatch(/^export const \{ [\w, ]+ \} = \w+DeckNumbers\(\);$/);
    expect(exportsOf('zh', file)).toEqual(en);
  });
});
