import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  costByKind,
  frameworkCounts,
  makeDivisible,
  mobilenetV1,
  mobilenetV2,
  mobilenetV2Widths,
  V1_TABLE,
  V2_TABLE,
  v2BlockPlan,
  xception,
  XCEPTION_TABLE,
  type Architecture,
} from '../../src/lib/architectures';
import { CostError } from '../../src/lib/errors';

const M = 1e6;
/** Printed-precision rounding: 568,740,352 → 569 (M, 0 decimals). */
const inM = (x: number, decimals = 0) => Number((x / M).toFixed(decimals));
const pct = (part: number, whole: number) => Number(((100 * part) / whole).toFixed(2));

function codeOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(CostError);
    return (e as CostError).code;
  }
  throw new Error('expected a CostError');
}

describe('mobilenetV1()', () => {
  const v1 = mobilenetV1();

  it('mobilenetV1() has the 28 layers of Table 1: conv, 13 × (depthwise, pointwise), FC (Howard et al. 2017 §3.2)', () => {
    expect(v1.layers).toHaveLength(28);
    expect(v1.layers[0].kind).toBe('conv');
    expect(v1.layers[27].kind).toBe('fc');
    for (let i = 1; i <= 26; i++) expect(v1.layers[i].kind).toBe(i % 2 === 1 ? 'depthwise' : 'pointwise');
    expect(V1_TABLE).toHaveLength(13);
  });

  it('mobilenetV1() walks Table 1 sizes: 224 → 112 → 56 → 28 → 14 → 7, channels 32 … 1024', () => {
    const pw = v1.layers.filter((l) => l.kind === 'pointwise');
    expect(pw.map((l) => l.outH)).toEqual([112, 56, 56, 28, 28, 14, 14, 14, 14, 14, 14, 7, 7]);
    expect(pw.map((l) => l.cout)).toEqual([64, 128, 128, 256, 256, 512, 512, 512, 512, 512, 512, 1024, 1024]);
    expect(v1.layers[0]).toMatchObject({ name: 'conv1', k: 3, stride: 2, cin: 3, cout: 32, inH: 224, outH: 112 });
    // Table 1 prints the 13th depthwise layer "s2"; its listed output (7×7×1024) needs stride 1.
    expect(v1.layers.find((l) => l.name === 'conv_dw_13')).toMatchObject({ stride: 1, inH: 7, outH: 7, cin: 1024 });
    expect(v1.layers[27]).toMatchObject({ name: 'conv_preds', cin: 1024, cout: 1000, params: 1_025_000, weights: 1_024_000 });
  });

  it('mobilenetV1() totals: 568,740,352 mult-adds (Table 6 "569M"), 4,210,088 params (Table 6 "4.2M"), 10,944 BN channels', () => {
    // By hand: conv 112²·27·32 = 10,838,016; depthwise Σ D_F²·9·M = 17,385,984;
    // pointwise Σ D_F²·M·N = 539,492,352; FC 1024·1000 = 1,024,000.
    expect(v1.multAdds).toBe(10_838_016 + 17_385_984 + 539_492_352 + 1_024_000);
    // Weights: 864 + 9·4960 + 3,139,584 + 1,024,000 = 4,209,088; + FC bias 1000.
    expect(v1.weights).toBe(4_209_088);
    expect(v1.params).toBe(4_210_088);
    // BN after conv1 (32) and after every dw (Σ M = 4960) and pw (Σ N = 5952) layer.
    expect(v1.bnChannels).toBe(32 + 4960 + 5952);
    expect(v1.bnLayers).toBe(27);
    expect(inM(v1.multAdds)).toBe(569);
    expect(inM(v1.params, 1)).toBe(4.2);
  });

  it('costByKind(mobilenetV1()) reproduces Table 2 except the Conv 3×3 mult-add share (printed 1.19%, computed 1.91%)', () => {
    const by = costByKind(v1);
    expect(by.pointwise).toEqual({ layers: 13, params: 3_139_584, weights: 3_139_584, multAdds: 539_492_352 });
    expect(by.depthwise).toEqual({ layers: 13, params: 44_640, weights: 44_640, multAdds: 17_385_984 });
    expect(by.conv).toEqual({ layers: 1, params: 864, weights: 864, multAdds: 10_838_016 });
    expect(by.fc).toEqual({ layers: 1, params: 1_025_000, weights: 1_024_000, multAdds: 1_024_000 });
    // Table 2, Howard et al. 2017: mult-adds 94.86 / 3.06 / 1.19 / 0.18 %, params 74.59 / 1.06 / 0.02 / 24.33 %.
    // Param shares are of the weights without the FC bias (4,209,088).
    expect(pct(by.pointwise!.multAdds, v1.multAdds)).toBe(94.86);
    expect(pct(by.depthwise!.multAdds, v1.multAdds)).toBe(3.06);
    expect(pct(by.conv!.multAdds, v1.multAdds)).toBe(1.91); // printed 1.19: transposed digits
    expect(pct(by.fc!.multAdds, v1.multAdds)).toBe(0.18);
    expect(pct(by.pointwise!.weights, v1.weights)).toBe(74.59);
    expect(pct(by.depthwise!.weights, v1.weights)).toBe(1.06);
    expect(pct(by.conv!.weights, v1.weights)).toBe(0.02);
    expect(pct(by.fc!.weights, v1.weights)).toBe(24.33);
  });

  it('mobilenetV1({fullConv:true}) is Table 4 "Conv MobileNet": 29.3M params; 4867.3M mult-adds (printed 4866M)', () => {
    const full = mobilenetV1({ fullConv: true });
    // Each separable layer → 3×3 conv: 9 × the pointwise cost. 10,838,016 + 9·539,492,352 + 1,024,000.
    expect(full.multAdds).toBe(10_838_016 + 9 * 539_492_352 + 1_024_000);
    expect(full.multAdds).toBe(4_867_293_184);
    // The printed 4866M is the count without the FC layer.
    expect(inM(full.multAdds - 1_024_000)).toBe(4866);
    expect(full.params).toBe(864 + 9 * 3_139_584 + 1_025_000);
    expect(inM(full.params, 1)).toBe(29.3);
    expect(full.layers).toHaveLength(15);
  });

  it('mobilenetV1({shallow:true}) is Table 5 "Shallow MobileNet": 307M mult-adds, 2.9M params', () => {
    const shallow = mobilenetV1({ shallow: true });
    // Remove 5 × (903,168 + 51,380,224) mult-adds and 5 × 266,752 params (Table 3's separable layer).
    expect(shallow.multAdds).toBe(568_740_352 - 5 * 52_283_392);
    expect(shallow.params).toBe(4_210_088 - 5 * 266_752);
    expect(inM(shallow.multAdds)).toBe(307);
    expect(inM(shallow.params, 1)).toBe(2.9);
    expect(shallow.layers).toHaveLength(18);
  });

  it.each([
    // Table 6 (Howard et al. 2017): width multiplier, 224×224.
    [1, 569, 4.2, 568_740_352],
    [0.75, 325, 2.6, 325_400_448],
    [0.5, 149, 1.3, 149_497_088],
    [0.25, 41, 0.5, 41_030_272],
  ])('mobilenetV1({alpha:%s}) matches Table 6: %sM mult-adds, %sM params', (alpha, macs, params, exact) => {
    const a = mobilenetV1({ alpha });
    expect(inM(a.multAdds)).toBe(macs);
    expect(inM(a.params, 1)).toBe(params);
    // Exact value: α² on the pointwise layers, α on conv1, depthwise and FC (all widths are multiples of 32·α).
    expect(a.multAdds).toBe(alpha * alpha * 539_492_352 + alpha * (10_838_016 + 17_385_984 + 1_024_000));
    expect(a.multAdds).toBe(exact);
  });

  it.each([
    // Table 7 (Howard et al. 2017): resolution, α = 1. Non-FC cost scales with (res/224)².
    [224, 569, 568_740_352],
    [192, 418, 418_121_728],
    [160, 291, 290_675_200], // printed 290 (rounded down)
    [128, 186, 186_400_768],
  ])('mobilenetV1({resolution:%s}) gives Table 7 mult-adds (%sM)', (resolution, macs, exact) => {
    const r = mobilenetV1({ resolution });
    expect(r.multAdds).toBe(((568_740_352 - 1_024_000) * resolution * resolution) / (224 * 224) + 1_024_000);
    expect(r.multAdds).toBe(exact);
    expect(inM(r.multAdds)).toBe(macs);
    expect(r.params).toBe(4_210_088);
  });

  it('mobilenetV1({alpha:0.5, resolution:160}) is Table 9: 1.32M params, 76.5M mult-adds (printed 76M)', () => {
    const t = mobilenetV1({ alpha: 0.5, resolution: 160 });
    expect(inM(t.params, 2)).toBe(1.32);
    expect(t.multAdds).toBe(76_524_800);
  });

  it('mobilenetV1({classes:10}) changes only the FC layer: 1024·10 + 10', () => {
    const t = mobilenetV1({ classes: 10 });
    expect(t.params).toBe(4_210_088 - 1_025_000 + 10_250);
    expect(t.multAdds).toBe(568_740_352 - 1_024_000 + 10_240);
  });

  it('mobilenetV1 activations: conv1 reads 224²·3 = 150,528 and writes 112²·32 = 401,408 elements', () => {
    expect(v1.layers[0].inputElements).toBe(150_528);
    expect(v1.layers[0].outputElements).toBe(401_408);
  });

  it("mobilenetV1 rejects α ≤ 0, NaN, or so small a layer has 0 channels ('invalid-alpha'); bad sizes ('invalid-size')", () => {
    expect(codeOf(() => mobilenetV1({ alpha: 0 }))).toBe('invalid-alpha');
    expect(codeOf(() => mobilenetV1({ alpha: Number.NaN }))).toBe('invalid-alpha');
    expect(codeOf(() => mobilenetV1({ alpha: 0.01 }))).toBe('invalid-alpha'); // ⌊32·0.01⌋ = 0
    expect(codeOf(() => mobilenetV1({ resolution: 223.5 }))).toBe('invalid-size');
    expect(codeOf(() => mobilenetV1({ classes: 0 }))).toBe('invalid-size');
  });

  it('mobilenetV1 mult-adds scale exactly with resolution² at multiples of 32 (FC excluded)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 16 }), fc.constantFrom(0.25, 0.5, 0.75, 1), (r, alpha) => {
        const base = mobilenetV1({ alpha, resolution: 32 });
        const big = mobilenetV1({ alpha, resolution: 32 * r });
        const fcMacs = base.layers[27].multAdds;
        return big.multAdds - fcMacs === (base.multAdds - fcMacs) * r * r && big.params === base.params;
      }),
      { numRuns: 30 },
    );
  });

  it('mobilenetV1 mult-adds and params follow α² within channel rounding: ideal(α − 1/32) ≤ cost(α) ≤ ideal(α), equal when 32α is whole', () => {
    // ideal(β) = β²·(pointwise) + β·(conv1 + depthwise + FC weights) [+ FC bias for params]: the cost with
    // unrounded widths c·β. ⌊c·α⌋ ≤ c·α and ⌊c·α⌋ ≥ c·α − 1 ≥ c·(α − 1/32) because every width c ≥ 32.
    const by = costByKind(v1);
    const quad = { macs: BigInt(by.pointwise!.multAdds), params: BigInt(by.pointwise!.weights) };
    const lin = {
      macs: BigInt(by.conv!.multAdds + by.depthwise!.multAdds + by.fc!.multAdds),
      params: BigInt(by.conv!.weights + by.depthwise!.weights + by.fc!.weights),
    };
    // ideal(q/64)·64² as an integer.
    const ideal = (q: number, which: 'macs' | 'params') =>
      BigInt(q * q) * quad[which] + 64n * BigInt(q) * lin[which] + (which === 'params' ? 4096n * 1000n : 0n);
    fc.assert(
      fc.property(fc.integer({ min: 8, max: 96 }), (p) => {
        const a = mobilenetV1({ alpha: p / 64 });
        const macs = BigInt(a.multAdds) * 4096n;
        const params = BigInt(a.params) * 4096n;
        const within =
          ideal(p - 2, 'macs') <= macs && macs <= ideal(p, 'macs') && ideal(p - 2, 'params') <= params && params <= ideal(p, 'params');
        const exactWhenWhole = p % 2 !== 0 || (macs === ideal(p, 'macs') && params === ideal(p, 'params'));
        return within && exactWhenWhole;
      }),
      { numRuns: 89 },
    );
  });
});

describe('mobilenetV2()', () => {
  const v2 = mobilenetV2();

  it('mobilenetV2() expands Table 2 (Sandler et al. 2018) into 17 bottlenecks; the t = 1 block has no expansion conv', () => {
    expect(V2_TABLE.reduce((s, r) => s + r.n, 0)).toBe(17);
    expect(v2.blocks).toHaveLength(17);
    expect(v2.layers.filter((l) => l.role === 'expand')).toHaveLength(16);
    expect(v2.layers.filter((l) => l.kind === 'depthwise')).toHaveLength(17);
    expect(v2.layers.filter((l) => l.role === 'project')).toHaveLength(17);
    // conv + 16·3 + 1·2 + head 1×1 + FC = 53 layers.
    expect(v2.layers).toHaveLength(53);
    expect(v2.layers.map((l) => l.name).slice(0, 4)).toEqual(['Conv1', 'expanded_conv_depthwise', 'expanded_conv_project', 'block_1_expand']);
    expect(v2.layers.at(-2)).toMatchObject({ name: 'Conv_1', kind: 'pointwise', cin: 320, cout: 1280, outH: 7 });
    expect(v2.layers.at(-1)).toMatchObject({ name: 'Logits', kind: 'fc', cin: 1280, cout: 1000, params: 1_281_000 });
  });

  it('mobilenetV2() blocks follow Table 2: channels, strides, sizes, hidden width t·cin', () => {
    expect(v2.blocks!.map((b) => b.cout)).toEqual([16, 24, 24, 32, 32, 32, 64, 64, 64, 64, 96, 96, 96, 160, 160, 160, 320]);
    expect(v2.blocks!.map((b) => b.stride)).toEqual([1, 2, 1, 2, 1, 1, 2, 1, 1, 1, 1, 1, 1, 2, 1, 1, 1]);
    expect(v2.blocks!.map((b) => b.outH)).toEqual([112, 56, 56, 28, 28, 28, 14, 14, 14, 14, 14, 14, 14, 7, 7, 7, 7]);
    expect(v2.blocks![0]).toMatchObject({ t: 1, cin: 32, hidden: 32, cout: 16 });
    // Source article 000 corrects its table to a 960-wide expansion: the blocks fed 160 channels expand to 6·160.
    expect(v2.blocks!.filter((b) => b.cin === 160).map((b) => b.hidden)).toEqual([960, 960, 960]);
  });

  it('mobilenetV2() has an identity shortcut only where stride = 1 and cin = cout (10 of 17 blocks)', () => {
    const withShortcut = v2.blocks!.filter((b) => b.shortcut).map((b) => b.index);
    // The repeats after the first in each row: rows with n = 2, 3, 4, 3, 3 give 1 + 2 + 3 + 2 + 2.
    expect(withShortcut).toEqual([2, 4, 5, 7, 8, 9, 11, 12, 14, 15]);
    for (const b of v2.blocks!) expect(b.shortcut).toBe(b.stride === 1 && b.cin === b.cout);
  });

  it('mobilenetV2() totals: 300,774,272 mult-adds (paper "300M"), 3,470,760 params (paper "3.4M"), 17,056 BN channels', () => {
    expect(v2.multAdds).toBe(300_774_272);
    expect(v2.params).toBe(3_470_760);
    expect(v2.bnChannels).toBe(17_056);
    expect(v2.bnLayers).toBe(52);
    expect(v2.multAdds).toBe(v2.layers.reduce((s, l) => s + l.multAdds, 0));
    expect(v2.blocks!.reduce((s, b) => s + b.params, 0) + v2.layers[0].params + v2.layers.at(-2)!.params + v2.layers.at(-1)!.params).toBe(v2.params);
    // Sandler et al. 2018 Table 4 prints 300M and 3.4M: both are rounded down (300.8M, 3.47M).
    expect(Math.floor(v2.multAdds / M)).toBe(300);
    expect(Math.floor(v2.params / 1e5) / 10).toBe(3.4);
  });

  it('frameworkCounts(mobilenetV2()) gives Keras 3,538,984 (3,504,872 trainable, 34,112 not) and torchvision 3,504,872', () => {
    const c = frameworkCounts(v2);
    expect(c.paper).toBe(3_470_760);
    expect(c.keras).toEqual({ total: 3_538_984, trainable: 3_504_872, nonTrainable: 34_112 });
    expect(c.pytorch.parameters).toBe(3_504_872);
    expect(c.pytorch.bufferElements).toBe(34_112 + 52);
  });

  it('mobilenetV2({alpha:1.4}) gives 582.2M mult-adds and 6.06M params (paper Table 4 prints 585M and 6.9M)', () => {
    const a = mobilenetV2({ alpha: 1.4 });
    expect(a.multAdds).toBe(582_195_824);
    expect(a.params).toBe(6_060_840);
    expect(a.layers.at(-2)!.cout).toBe(1792); // makeDivisible(1280·1.4)
  });

  it('mobilenetV2({alpha:0.35}) keeps the last conv at 1280 (paper §6.1); params 1.66M ("1.7M")', () => {
    const a = mobilenetV2({ alpha: 0.35 });
    expect(a.layers.at(-2)!.cout).toBe(1280);
    expect(inM(a.params, 1)).toBe(1.7);
  });

  it('mobilenetV2 mult-adds scale exactly with resolution² at multiples of 32 (FC excluded)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.constantFrom(0.35, 0.5, 1, 1.4), (r, alpha) => {
        const base = mobilenetV2({ alpha, resolution: 32 });
        const big = mobilenetV2({ alpha, resolution: 32 * r });
        const fcMacs = base.layers.at(-1)!.multAdds;
        return big.multAdds - fcMacs === (base.multAdds - fcMacs) * r * r;
      }),
      { numRuns: 30 },
    );
  });

  it("mobilenetV2 rejects α ≤ 0 ('invalid-alpha')", () => {
    expect(codeOf(() => mobilenetV2({ alpha: -1 }))).toBe('invalid-alpha');
    expect(codeOf(() => mobilenetV2Widths(0))).toBe('invalid-alpha');
  });
});

describe('makeDivisible and V2 widths', () => {
  it('makeDivisible(v) rounds to the nearest multiple of 8, never below 8 nor 10% below v (Keras/torchvision _make_divisible)', () => {
    expect(makeDivisible(32)).toBe(32);
    expect(makeDivisible(44.8)).toBe(48); // 32·1.4: ⌊52.8/8⌋·8 = 48
    expect(makeDivisible(134)).toBe(136); // ⌊96·1.4⌋ = 134: ⌊138/8⌋·8 = 136
    expect(makeDivisible(5.6)).toBe(8); // 16·0.35: minimum 8
    expect(makeDivisible(11.2)).toBe(16); // 32·0.35: ⌊15.2/8⌋·8 = 8 < 0.9·11.2 = 10.08, so + 8
    expect(makeDivisible(1792)).toBe(1792);
    expect(makeDivisible(12, 4)).toBe(12);
  });

  it('makeDivisible(v) is a multiple of 8, ≥ 8, ≥ 0.9·v, and < v + 8 for v ≥ 8', () => {
    fc.assert(
      fc.property(fc.double({ min: 8, max: 1e6, noNaN: true }), (v) => {
        const r = makeDivisible(v);
        return r % 8 === 0 && r >= 8 && r >= 0.9 * v && r < v + 8;
      }),
      { numRuns: 500 },
    );
  });

  it.each([0.35, 0.5, 0.75, 1, 1.3, 1.4])("mobilenetV2Widths(%s) is the same with 'keras' and 'torchvision' rounding", (alpha) => {
    expect(mobilenetV2Widths(alpha, 'keras')).toEqual(mobilenetV2Widths(alpha, 'torchvision'));
  });

  it("mobilenetV2Widths(0.56) differs: Keras rounds ⌊16·0.56⌋ = 8 → 8, torchvision 8.96 → 16 (8 < 0.9·8.96)", () => {
    expect(mobilenetV2Widths(0.56, 'keras').blocks[0]).toBe(8);
    expect(mobilenetV2Widths(0.56, 'torchvision').blocks[0]).toBe(16);
    expect(mobilenetV2({ alpha: 0.56, rounding: 'torchvision' }).params).toBeGreaterThan(mobilenetV2({ alpha: 0.56 }).params);
  });

  it('mobilenetV2Widths(alpha) at the standard α values (Keras rounding)', () => {
    // By hand with makeDivisible(⌊c·α⌋): e.g. α = 0.35: 16·0.35 = 5.6 → 8; 320·0.35 = 112 → 112; stem 11.2 → 16.
    expect(mobilenetV2Widths(0.35)).toEqual({ stem: 16, blocks: [8, 8, 16, 24, 32, 56, 112], head: 1280 });
    expect(mobilenetV2Widths(1)).toEqual({ stem: 32, blocks: [16, 24, 32, 64, 96, 160, 320], head: 1280 });
    expect(mobilenetV2Widths(1.4)).toEqual({ stem: 48, blocks: [24, 32, 48, 88, 136, 224, 448], head: 1792 });
  });
});

describe('v2BlockPlan(widths)', () => {
  it('at α = 1: 17 blocks, each row of Sandler et al. 2018, Table 2 repeated n times, stride s on its first repeat only, Keras names', () => {
    const plan = v2BlockPlan(mobilenetV2Widths(1));
    // By hand from Table 2 (t, c, n, s): (1,16,1,1) (6,24,2,2) (6,32,3,2) (6,64,4,2) (6,96,3,1) (6,160,3,2) (6,320,1,1), stem 32.
    expect(plan.map((b) => [b.cin, b.cout, b.t, b.stride])).toEqual([
      [32, 16, 1, 1],
      [16, 24, 6, 2],
      [24, 24, 6, 1],
      [24, 32, 6, 2],
      [32, 32, 6, 1],
      [32, 32, 6, 1],
      [32, 64, 6, 2],
      [64, 64, 6, 1],
      [64, 64, 6, 1],
      [64, 64, 6, 1],
      [64, 96, 6, 1],
      [96, 96, 6, 1],
      [96, 96, 6, 1],
      [96, 160, 6, 2],
      [160, 160, 6, 1],
      [160, 160, 6, 1],
      [160, 320, 6, 1],
    ]);
    expect(plan.map((b) => b.index)).toEqual([...Array(17).keys()]);
    // keras.applications.MobileNetV2 names its first block expanded_conv, the others block_1 … block_16.
    expect(plan[0].prefix).toBe('expanded_conv');
    expect(plan[16].prefix).toBe('block_16');
    expect(plan.reduce((n, row) => n + row.stride - 1, 0)).toBe(4); // four stride-2 blocks: 112 → 7 after the stem
  });

  it('follows the widths it is given (α = 0.35: stem 16, blocks 8 … 112)', () => {
    const plan = v2BlockPlan(mobilenetV2Widths(0.35));
    expect(plan[0]).toEqual({ index: 0, prefix: 'expanded_conv', cin: 16, cout: 8, t: 1, stride: 1 });
    expect(plan[16]).toEqual({ index: 16, prefix: 'block_16', cin: 56, cout: 112, t: 6, stride: 1 });
  });

  it('refuses widths that are not one positive whole number per row', () => {
    expect(() => v2BlockPlan({ stem: 32, blocks: [16, 24] })).toThrow(CostError);
    expect(() => v2BlockPlan({ stem: 0, blocks: [16, 24, 32, 64, 96, 160, 320] })).toThrow(CostError);
    expect(() => v2BlockPlan({ stem: 32, blocks: [16, 24, 32, 64, 96, 160, 320.5] })).toThrow(CostError);
    expect(() => v2BlockPlan(null as unknown as { stem: number; blocks: number[] })).toThrow(CostError);
  });
});

describe('xception()', () => {
  const x = xception();

  it('xception() walks Keras Xception at 299: 299 → 149 → 147 (valid convs) → 74 → 37 → 19 → 10', () => {
    expect(x.layers.slice(0, 2).map((l) => [l.inH, l.outH])).toEqual([
      [299, 149],
      [149, 147],
    ]);
    expect(x.layers.filter((l) => l.role === 'shortcut').map((l) => [l.name, l.inH, l.outH, l.cout])).toEqual([
      ['block2_shortcut', 147, 74, 128],
      ['block3_shortcut', 74, 37, 256],
      ['block4_shortcut', 37, 19, 728],
      ['block13_shortcut', 19, 10, 1024],
    ]);
    expect(x.layers.find((l) => l.name === 'block14_sepconv2')).toMatchObject({ inH: 10, cin: 1536, cout: 2048 });
  });

  it('xception() has 36 conv layers (2 conv + 34 separable) in 14 modules (Chollet 2017 §3; source article 004)', () => {
    expect(x.layers.filter((l) => l.kind === 'conv')).toHaveLength(2);
    expect(x.layers.filter((l) => l.kind === 'separable')).toHaveLength(34);
    expect(XCEPTION_TABLE.length + 1).toBe(14);
  });

  it('frameworkCounts(xception()) gives Keras 22,910,480 (trainable 22,855,952, non-trainable 54,528)', () => {
    // Weights by hand: stem 864 + 18,432; entry 8,192 + 8,768 + 17,536 + 32,768 + 33,920 + 67,840 + 186,368 + 188,672 +
    // 536,536; middle 24 · 536,536; exit 745,472 + 536,536 + 752,024 + 1,582,080 + 3,159,552; FC 2,049,000.
    expect(x.params).toBe(22_801_424);
    expect(x.bnChannels).toBe(27_264);
    expect(frameworkCounts(x).keras).toEqual({ total: 22_910_480, trainable: 22_855_952, nonTrainable: 54_528 });
  });

  it('xception() separable layers cost K²·M + M·N with no bias (block4_sepconv2: 9·728 + 728² = 536,536 on 37×37, before the pool)', () => {
    const l = x.layers.find((l) => l.name === 'block4_sepconv2')!;
    expect(l.params).toBe(536_536);
    expect(l.inH).toBe(37);
    expect(l.multAdds).toBe(536_536 * 37 * 37);
    expect(x.layers.find((l) => l.name === 'block5_sepconv1')!.inH).toBe(19);
  });

  it("xception({resolution}) throws 'kernel-too-large' when the input is too small for the valid stem", () => {
    expect(codeOf(() => xception({ resolution: 3 }))).toBe('kernel-too-large');
    expect(xception({ resolution: 71 }).params).toBe(22_801_424);
  });
});

describe('frameworkCounts and costByKind', () => {
  it('frameworkCounts(mobilenetV1()) gives Keras 4,253,864 (4,231,976 trainable, 21,888 non-trainable)', () => {
    const c = frameworkCounts(mobilenetV1());
    expect(c.paper).toBe(4_210_088);
    expect(c.keras).toEqual({ total: 4_253_864, trainable: 4_231_976, nonTrainable: 21_888 });
    // PyTorch: weight + bias per BN channel are parameters; running mean/var and num_batches_tracked are buffers.
    expect(c.pytorch).toEqual({ parameters: 4_231_976, bufferElements: 21_888 + 27 });
  });

  it('frameworkCounts adds 4 (Keras) and 2 (PyTorch) per BN channel to the paper count', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 40 }), fc.integer({ min: 0, max: 2 ** 30 }), fc.integer({ min: 0, max: 1000 }), (params, bn, layers) => {
        const c = frameworkCounts({ params, bnChannels: bn, bnLayers: layers });
        return (
          c.keras.total === params + 4 * bn &&
          c.keras.trainable + c.keras.nonTrainable === c.keras.total &&
          c.pytorch.parameters === c.keras.trainable &&
          c.pytorch.bufferElements === 2 * bn + layers
        );
      }),
      { numRuns: 100 },
    );
    expect(codeOf(() => frameworkCounts({ params: Number.MAX_SAFE_INTEGER, bnChannels: 1, bnLayers: 1 }))).toBe('overflow');
  });

  it('costByKind sums a network by layer kind and the sums add up to its totals', () => {
    for (const arch of [mobilenetV1(), mobilenetV2(), xception()] as Architecture[]) {
      const by = Object.values(costByKind(arch));
      expect(by.reduce((s, t) => s + t!.multAdds, 0)).toBe(arch.multAdds);
      expect(by.reduce((s, t) => s + t!.params, 0)).toBe(arch.params);
      expect(by.reduce((s, t) => s + t!.layers, 0)).toBe(arch.layers.length);
    }
    expect(costByKind(xception()).separable!.layers).toBe(34);
  });
});

describe('hostile options', () => {
  it('null options read as no options (the paper defaults), not a TypeError', () => {
    // @ts-expect-error: a caller outside TypeScript may pass null
    expect(mobilenetV1(null).params).toBe(mobilenetV1().params);
    // @ts-expect-error: as above
    expect(mobilenetV2(null).multAdds).toBe(mobilenetV2().multAdds);
    // @ts-expect-error: as above
    expect(xception(null).params).toBe(xception().params);
  });
  it('makeDivisible refuses NaN and negative channel counts instead of returning NaN', () => {
    expect(() => makeDivisible(Number.NaN)).toThrow(CostError);
    expect(() => makeDivisible(-8)).toThrow(CostError);
    expect(() => makeDivisible(32, 0)).toThrow(CostError);
  });
});
