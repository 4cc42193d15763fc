import { describe, expect, it } from 'vitest';
import { mobilenetV1, mobilenetV2 } from '../../src/lib/architectures';
import { ioBytes, largestTensorBySize, peak, table3, v1Memory, v2Memory } from '../../src/lib/memory';

describe('v2Memory', () => {
  it('holds input + output bottleneck tensors of each of the 17 blocks at 2 bytes each', () => {
    const steps = v2Memory(mobilenetV2());
    expect(steps).toHaveLength(17);
    // block_3_1: 112·112·16 in, 56·56·24 out.
    expect(steps[1].bytes).toBe(2 * (112 * 112 * 16 + 56 * 56 * 24));
    // The expanded tensor of block_3_1 (96 channels at 56×56) is never held whole.
    expect(steps[1].expandedElements).toBe(56 * 56 * 96);
  });
  it('folds the stem into block 1: the image (224·224·3) in, 112·112·16 out, the peak at 702,464 bytes', () => {
    const p = peak(v2Memory(mobilenetV2()));
    expect(p.name).toBe('block 1');
    expect(p.bytes).toBe(2 * (224 * 224 * 3 + 112 * 112 * 16));
  });
  it('shrinks with the resolution squared', () => {
    const a = peak(v2Memory(mobilenetV2({ resolution: 224 }))).bytes;
    const b = peak(v2Memory(mobilenetV2({ resolution: 112 }))).bytes;
    expect(a / b).toBeCloseTo(4, 6);
  });
});

describe('v1Memory', () => {
  it('peaks at the first pointwise layer: 112·112·(32 + 64) · 2 = 2,408,448 bytes', () => {
    const p = peak(v1Memory(mobilenetV1()));
    expect(p.bytes).toBe(2 * 112 * 112 * 96);
  });
});

describe('largestTensorBySize', () => {
  it('reproduces the channel counts of Table 3’s MobileNetV1 column (Sandler et al. 2018)', () => {
    const m = largestTensorBySize(mobilenetV1());
    expect([112, 56, 28, 14, 7, 1].map((s) => m.get(s))).toEqual([64, 128, 256, 512, 1024, 1024]);
  });
});

describe('table3', () => {
  it('recomputes every printed memory as channels · size² · 2 bytes; only V1 at 7×7 disagrees (199 printed, 100.352 computed)', () => {
    const rows = table3();
    const bad = rows.flatMap((r) => [r.v1, r.v2].filter((c) => !c.agrees).map((c) => [r.size, c.printedKb, c.computedKb]));
    expect(bad).toEqual([[7, 199, 100.352]]);
    expect(rows[0].v1.computedKb).toBeCloseTo(1605.632, 9);
  });
});

describe('ioBytes', () => {
  it('ioBytes(56²·24, 56²·24) = 2·(75,264 + 75,264) = 301,056 bytes at 16 bits (Sandler et al. 2018, §5.1)', () => {
    expect(ioBytes(56 * 56 * 24, 56 * 56 * 24)).toBe(301_056);
  });
  it('is what v1Memory charges a layer: (input + output elements)·2', () => {
    for (const step of v1Memory(mobilenetV1())) expect(step.bytes).toBe(ioBytes(step.inElements, step.outElements));
  });
});
