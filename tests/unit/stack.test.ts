import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { frameworkCounts, mobilenetV1, mobilenetV2, xception } from '../../src/lib/architectures';
import {
  computeStack,
  insertLayer,
  layer,
  moveLayer,
  percentText,
  PRESET_IDS,
  removeLayer,
  rowCompute,
  rowParams,
  shareByKind,
  totalCompute,
  totalParams,
  type Stack,
} from '../../src/lib/stack';
import { preset } from '../../src/lib/stack-presets';

const one = (layers: Stack['layers'], input = { h: 14, w: 14, c: 32 }, bn = false): Stack => ({ input, bn, layers });

describe('computeStack(preset) reproduces the cost model', () => {
  it.each([
    ['mobilenet-v1', mobilenetV1()],
    ['mobilenet-v2', mobilenetV2()],
    ['xception', xception()],
  ] as const)('%s: params, mult-adds, BN channels and framework totals equal architectures.ts exactly', (id, arch) => {
    const r = computeStack(preset(id));
    expect(r.totals.invalidRows).toBe(0);
    expect(r.totals.params).toBe(BigInt(arch.params));
    expect(r.totals.multAdds).toBe(BigInt(arch.multAdds));
    expect(r.totals.bnChannels).toBe(BigInt(arch.bnChannels));
    expect(r.totals.bnLayers).toBe(arch.bnLayers);
    const fw = frameworkCounts(arch);
    expect(r.totals.keras.total).toBe(BigInt(fw.keras.total));
    expect(r.totals.keras.trainable).toBe(BigInt(fw.keras.trainable));
    expect(r.totals.pytorch.parameters).toBe(BigInt(fw.pytorch.parameters));
    expect(r.totals.pytorch.bufferElements).toBe(BigInt(fw.pytorch.bufferElements));
    expect(r.output).toEqual({ h: 1, w: 1, c: 1000 });
  });

  it('matches the papers: V1 4,210,088 / 568,740,352 (Howard Table 4), V2 300,774,272 MACs, Xception Keras 22,910,480 and trainable 22,855,952 (Chollet Table 3)', () => {
    expect(computeStack(preset('mobilenet-v1')).totals.params).toBe(4_210_088n);
    expect(computeStack(preset('mobilenet-v1')).totals.multAdds).toBe(568_740_352n);
    expect(computeStack(preset('mobilenet-v2')).totals.multAdds).toBe(300_774_272n);
    const x = computeStack(preset('xception')).totals;
    expect(x.keras.total).toBe(22_910_480n);
    expect(x.keras.trainable).toBe(22_855_952n);
  });

  it('ResNet-50 conv2_x (He et al. 2016 Table 1): bottlenecks of 57,344 and 2 × 69,632 weights + a 16,384-weight projection, on 56×56', () => {
    const r = computeStack(preset('resnet-stage'));
    // First block 64·64 + 9·64·64 + 64·256 = 57,344; the others read 256 channels: 256·64 + 36,864 + 16,384 = 69,632;
    // projection 64·256 = 16,384.
    const weights = 57_344n + 2n * 69_632n + 16_384n;
    expect(r.totals.params).toBe(weights);
    expect(r.totals.multAdds).toBe(weights * 56n * 56n);
    expect(r.output).toEqual({ h: 56, w: 56, c: 256 });
  });

  it('every preset row chains: each main-path row reads the previous main-path output', () => {
    for (const id of PRESET_IDS) {
      const r = computeStack(preset(id));
      let main = preset(id).input;
      for (const row of r.layers) {
        if (row.layer.from === null) {
          expect(row.input).toEqual(main);
          main = row.output!;
        }
      }
    }
  });

  it('the V2 preset has 17 inverted residuals and 10 identity shortcuts (Sandler Table 2, §3.3)', () => {
    const rows = computeStack(preset('mobilenet-v2')).layers.filter((r) => r.layer.kind === 'inverted');
    expect(rows).toHaveLength(17);
    expect(rows.filter((r) => r.shortcut).length).toBe(10);
  });
});

describe('rows that cannot exist are marked and the rest keeps computing', () => {
  it('groups that do not divide the channels: reason on the groups field, the next row still computed on the intended shape', () => {
    const r = computeStack(one([layer('grouped', { groups: 3, out: 64 }), layer('pointwise', { out: 10 })]));
    expect(r.layers[0].error?.field).toBe('groups');
    expect(r.layers[0].error?.message).toContain('G = 3');
    expect(r.layers[1].error).toBeUndefined();
    expect(r.layers[1].input).toEqual({ h: 14, w: 14, c: 64 });
    expect(r.totals.params).toBe(640n);
    expect(r.totals.invalidRows).toBe(1);
  });

  it('a kernel larger than its input with valid padding is marked on k', () => {
    const r = computeStack(one([layer('standard', { k: 5, padding: 'valid' })], { h: 3, w: 3, c: 8 }));
    expect(r.layers[0].error?.field).toBe('k');
  });

  it('a branch whose shape does not match the main path is marked, with both shapes in the reason', () => {
    const r = computeStack(one([layer('standard', { out: 64, stride: 2 }), layer('pointwise', { out: 32, from: 1 })]));
    expect(r.layers[1].error?.message).toContain('7×7×64');
    expect(r.layers[1].error?.message).toContain('14×14×32');
  });

  it('a branch that points below itself or nowhere is marked on "from"', () => {
    const r = computeStack(one([layer('pointwise', { from: 1 }), layer('pointwise', { from: 0 })]));
    expect(r.layers[0].error?.field).toBe('from');
    expect(r.layers[1].error?.field).toBe('from');
  });

  it('a depthwise row whose output is not a multiple of its input is marked on out', () => {
    const r = computeStack(one([layer('depthwise', { out: 48 })]));
    expect(r.layers[0].error?.field).toBe('out');
  });

  it('counts beyond 2^53 are an error on the row, not a wrong number', () => {
    const r = computeStack(one([layer('standard', { k: 64, out: 1_000_000 })], { h: 100_000, w: 100_000, c: 1_000_000 }));
    expect(r.layers[0].error).toBeDefined();
  });

  it('an inverted-residual row whose three convolutions each stay below 2^53 but whose sum does not is an error, not a rounded sum', () => {
    // 2025×2025×4095 in, t = 63 (hidden 4095·63 = 257,985), 63×63 depthwise, 4,097 out, stride 1, same:
    // expand 2025²·4095·257,985 ≈ 4.33e15, depthwise 2025²·63²·257,985 ≈ 4.20e15 and project
    // 2025²·257,985·4097 ≈ 4.33e15 are each below 2^53 − 1 ≈ 9.007e15; their sum,
    // 2025²·257,985·(4095 + 3969 + 4097) = 12,865,118,745,740,625, is not.
    const exact = 2025n * 2025n * 257_985n * (4095n + 63n * 63n + 4097n);
    expect(exact).toBe(12_865_118_745_740_625n);
    expect(exact > BigInt(Number.MAX_SAFE_INTEGER)).toBe(true);
    const r = computeStack(one([layer('inverted', { k: 63, t: 63, out: 4097 })], { h: 2025, w: 2025, c: 4095 }));
    expect(r.layers[0].error?.code).toBe('overflow');
    expect(r.totals.invalidRows).toBe(1);
    // At t = 15 every sum, FLOPs (2·mult-adds) included, is safe, and the row counts exactly.
    const small = computeStack(one([layer('inverted', { k: 63, t: 15, out: 4097 })], { h: 2025, w: 2025, c: 4095 }));
    expect(small.layers[0].error).toBeUndefined();
    expect(rowCompute(small.layers[0], 'macs')).toBe(2025n * 2025n * (4095n * 15n) * (4095n + 63n * 63n + 4097n));
  });

  it('a row whose output channels were typed wrong (NaN) passes no NaN on: the rows below, down to the classifier, still count', () => {
    // 7×7×32 → pointwise (out typed as "12a", NaN) → global pool → dense 10: the pool and the dense
    // layer read the bad row's input, 32 channels, so the dense layer is 32·10 + 10 = 330 parameters.
    const r = computeStack(one([layer('pointwise', { out: Number.NaN }), layer('gap'), layer('fc', { out: 10 })], { h: 7, w: 7, c: 32 }));
    expect(r.layers[0].error?.field).toBe('out');
    expect(r.layers[1].output).toEqual({ h: 1, w: 1, c: 32 });
    expect(r.layers[2].error).toBeUndefined();
    expect(rowParams(r.layers[2], 'paper')).toBe(330n);
    expect(r.output).toEqual({ h: 1, w: 1, c: 10 });
  });

  it('a dense layer given a branch row (from) stays on the main path: it has no branch to be', () => {
    // 1×1×32 after the pool; read as a branch of row 1, 10 outputs could not be added to 32 channels.
    const r = computeStack(one([layer('gap'), layer('fc', { out: 10, from: 1 })], { h: 7, w: 7, c: 32 }));
    expect(r.layers[1].error).toBeUndefined();
    expect(r.output).toEqual({ h: 1, w: 1, c: 10 });
    expect(rowParams(r.layers[1], 'paper')).toBe(330n);
  });

  it('a row given a shape that is not whole numbers says so instead of throwing', () => {
    for (const kind of ['fc', 'gap', 'maxpool', 'standard'] as const) {
      const r = computeStack(one([layer(kind)], { h: 7, w: Number.NaN, c: 1.5 }));
      expect(r.layers[0].error?.code).toBe('invalid-size');
    }
  });
});

describe('conventions', () => {
  it('Keras adds 4 and PyTorch 2 numbers per BN channel; papers none', () => {
    const r = computeStack(one([layer('standard', { out: 64 })], undefined, true));
    const row = r.layers[0];
    expect(row.bnChannels).toBe(64);
    expect(rowParams(row, 'paper')).toBe(9n * 32n * 64n);
    expect(rowParams(row, 'keras')).toBe(9n * 32n * 64n + 256n);
    expect(rowParams(row, 'pytorch')).toBe(9n * 32n * 64n + 128n);
    expect(totalParams(r.totals, 'keras')).toBe(r.totals.keras.total);
  });

  it('FLOPs: 2·MACs, and source article 001’s (2·C·K² − 1)·H·W·N: 227×227×3, 11×11, 6 filters, stride 4 → 13,158,750', () => {
    const r = computeStack(one([layer('standard', { k: 11, out: 6, stride: 4, padding: 'valid' })], { h: 227, w: 227, c: 3 }));
    expect(r.layers[0].output).toEqual({ h: 55, w: 55, c: 6 });
    expect(rowCompute(r.layers[0], 'macs')).toBe(6_588_450n);
    expect(rowCompute(r.layers[0], '2macs')).toBe(13_176_900n);
    expect(rowCompute(r.layers[0], 'seed')).toBe(13_158_750n);
    expect(totalCompute(r.totals, 'seed')).toBe(13_158_750n);
  });

  it('share by kind for MobileNet V1 reproduces Howard et al. Table 2 (94.86% / 3.06% / 1.91% / 0.18% of mult-adds)', () => {
    const shares = shareByKind(computeStack(preset('mobilenet-v1')), 'paper', 'macs');
    const total = shares.reduce((a, s) => a + s.compute, 0n);
    const pct = Object.fromEntries(shares.map((s) => [s.kind, percentText(s.compute, total)]));
    expect(pct).toMatchObject({ pointwise: '94.86%', depthwise: '3.06%', standard: '1.91%', fc: '0.18%' });
    // Params column: 74.59% pointwise, 24.33% FC of the 4,209,088 weights (bias excluded in the table).
    const params = Object.fromEntries(shares.map((s) => [s.kind, s.params]));
    expect(percentText(params.pointwise, 4_209_088n)).toBe('74.59%');
  });

  it('percentText rounds half up exactly', () => {
    expect(percentText(1n, 8n, 1)).toBe('12.5%');
    expect(percentText(1n, 3n)).toBe('33.33%');
    expect(percentText(2n, 3n)).toBe('66.67%');
    expect(percentText(0n, 0n)).toBe('—');
  });
});

describe('inverted residual (Sandler Table 1)', () => {
  it('t = 6, 64 → 64, stride 1: 64·384 + 9·384 + 384·64 = 52,608 weights and an identity shortcut', () => {
    const r = computeStack(one([layer('inverted', { t: 6, out: 64 })], { h: 14, w: 14, c: 64 }, true));
    expect(r.layers[0].params).toBe(52_608);
    expect(r.layers[0].shortcut).toBe(true);
    expect(r.layers[0].bnChannels).toBe(384 + 384 + 64);
  });
  it('no shortcut when the stride is 2 or the width changes', () => {
    expect(computeStack(one([layer('inverted', { out: 32, stride: 2 })])).layers[0].shortcut).toBe(false);
    expect(computeStack(one([layer('inverted', { out: 48 })])).layers[0].shortcut).toBe(false);
  });
});

describe('editing keeps branch references on the same rows', () => {
  const x = () => preset('xception');
  it('moving a row swaps references to it', () => {
    const s = x();
    const branch = s.layers.findIndex((l) => l.from !== null);
    const target = s.layers[branch].from!;
    const moved = moveLayer(s, target - 1, 1);
    expect(moved.layers[branch].from).toBe(target + 1);
    expect(moved.layers[target]).toEqual(s.layers[target - 1]);
    expect(moveLayer(moved, target, -1)).toEqual(s);
  });
  it('inserting above shifts references down; removing shifts them back', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1, max: 40 }), (at) => {
        const s = x();
        const ins = insertLayer(s, at, layer('gap'));
        const removed = removeLayer(ins, at + 1);
        expect(removed).toEqual(s);
      }),
    );
  });
  it('removing a referenced row leaves a reference that is marked, not silently moved', () => {
    const s = x();
    const branch = s.layers.findIndex((l) => l.from !== null);
    const target = s.layers[branch].from!;
    const out = removeLayer(s, target - 1);
    const r = computeStack(out);
    expect(r.layers[branch - 1].error?.field).toBe('from');
  });
});
