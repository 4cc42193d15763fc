import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mobilenetV1, mobilenetV2 } from '../../src/lib/architectures';
import { convCost } from '../../src/lib/cost';
import { H200_FP32, PIXEL_1_BIG_CORE } from '../../src/lib/devices';
import {
  PIXEL_1_TABLE4,
  arithmeticIntensity,
  attainable,
  boundBy,
  bytesPerElement,
  layerBytes,
  layerSeconds,
  macsPerInputElement,
  networkSeconds,
  placeLayers,
  ridgePoint,
} from '../../src/lib/roofline';

describe('bytesPerElement(precision)', () => {
  it('is 4, 2 and 1 bytes for float32, float16 and int8, and float32 for anything else', () => {
    expect([0, 1, 2].map(bytesPerElement)).toEqual([4, 2, 1]);
    expect(bytesPerElement(7)).toBe(4);
  });
});

describe('layerBytes and arithmeticIntensity', () => {
  it('MobileNet V1 conv_dw_1 (112×112×32, 3×3) moves (401,408 + 401,408 + 288) · 4 = 3,212,416 bytes for 3,612,672 mult-adds', () => {
    const dw = mobilenetV1().layers[1];
    expect(dw.name).toBe('conv_dw_1');
    expect(layerBytes(dw, 4)).toBe(3_212_416);
    const i = arithmeticIntensity(dw.multAdds, layerBytes(dw, 4));
    // 3,612,672 = 441 · 2¹³ and 3,212,416 = 4 · 32 · (25,088 + 9) = 2⁷ · 25,097, so the ratio is
    // 441 · 2⁶ / 25,097 = 28,224 / 25,097 ≈ 1.125: just under 9/8, since the weights add a little.
    expect(i).toEqual({ num: 28224n, den: 25097n });
  });
  it('the classifier (1024 → 1000 with bias) moves 4,108,096 bytes for 1,024,000 mult-adds: 0.249 per byte', () => {
    const fc1 = mobilenetV1().layers[27];
    expect(layerBytes(fc1, 4)).toBe((1024 + 1000 + 1_025_000) * 4);
    const i = arithmeticIntensity(fc1.multAdds, layerBytes(fc1, 4));
    // 1,024,000 / 4,108,096 = 2⁶·16,000 / (2⁶·64,189) = 16,000 / 64,189.
    expect(i).toEqual({ num: 16000n, den: 64189n });
  });
});

describe('macsPerInputElement(cost)', () => {
  it('is D_K² for a stride-1 depthwise layer, N for a 1×1 and D_K²·N for a standard layer', () => {
    const dw = convCost({ kind: 'depthwise', k: 3, cin: 64, cout: 64, inH: 28 });
    const pw = convCost({ kind: 'pointwise', k: 1, cin: 64, cout: 256, inH: 28 });
    const std = convCost({ kind: 'standard', k: 3, cin: 64, cout: 256, inH: 28 });
    expect(macsPerInputElement(dw)).toEqual({ num: 9n, den: 1n });
    expect(macsPerInputElement(pw)).toEqual({ num: 256n, den: 1n });
    expect(macsPerInputElement(std)).toEqual({ num: 2304n, den: 1n });
  });
  it('is D_K²/4 for a stride-2 depthwise layer (a quarter of the outputs)', () => {
    const dw = convCost({ kind: 'depthwise', k: 3, cin: 64, cout: 64, inH: 28, stride: 2 });
    expect(macsPerInputElement(dw)).toEqual({ num: 9n, den: 4n });
  });
});

describe('the roofline: ridgePoint, attainable, boundBy, layerSeconds', () => {
  it('a Pixel 1 big core balances at 8.6 / 29.9 ≈ 0.288 mult-adds per byte; an H200 at 33,500 / 4,800 ≈ 6.98', () => {
    expect(ridgePoint(PIXEL_1_BIG_CORE)).toBeCloseTo(0.2876, 4);
    expect(ridgePoint(H200_FP32)).toBeCloseTo(6.979, 3);
  });
  it('attainable is I·β left of the ridge and π right of it, and continuous at the ridge (property)', () => {
    const d = { peak: 100, bandwidth: 50 };
    expect(attainable(1, d)).toBe(50);
    expect(attainable(2, d)).toBe(100);
    expect(attainable(10, d)).toBe(100);
    expect(boundBy(1.99, d)).toBe('memory');
    expect(boundBy(2, d)).toBe('compute');
    fc.assert(
      fc.property(fc.double({ min: 1e-3, max: 1e3, noNaN: true }), fc.double({ min: 0.1, max: 1e5, noNaN: true }), fc.double({ min: 0.1, max: 1e4, noNaN: true }), (i, peak, bandwidth) => {
        const a = attainable(i, { peak, bandwidth });
        expect(a).toBeLessThanOrEqual(peak);
        expect(a).toBeLessThanOrEqual(i * bandwidth * (1 + 1e-12));
      }),
    );
  });
  it('layerSeconds is the longer of compute time and transfer time', () => {
    const d = { peak: 10, bandwidth: 20 }; // 1e10 mult-adds/s, 2e10 bytes/s
    expect(layerSeconds(1e10, 1e9, d)).toBe(1);
    expect(layerSeconds(1e9, 4e10, d)).toBe(2);
  });
});

describe('MobileNet V1 and V2 on the roofline (float32)', () => {
  const v1 = placeLayers(mobilenetV1(), 4, PIXEL_1_BIG_CORE);
  const v2 = placeLayers(mobilenetV2(), 4, PIXEL_1_BIG_CORE);
  const range = (layers: typeof v1, kind: string) => {
    const xs = layers.filter((l) => l.kind === kind).map((l) => l.intensity);
    return [Math.min(...xs), Math.max(...xs)];
  };
  it('V1 depthwise layers do 0.43–1.13 mult-adds per byte, pointwise ones 5.3–27.8 (hand-computed from Table 1 sizes)', () => {
    // conv_dw_12 (14×14×512, stride 2): 225,792 / (130,048 · 4); conv_dw_1: 3,612,672 / 3,212,416.
    const [dwLo, dwHi] = range(v1, 'depthwise');
    expect(dwLo).toBeCloseTo(225_792 / 520_192, 6);
    expect(dwHi).toBeCloseTo(3_612_672 / 3_212_416, 6);
    // conv_pw_1 (112×112, 32 → 64): 25,690,112 / 4,825,088; conv_pw_7–11 (14×14, 512 → 512): 51,380,224 / 1,851,392.
    const [pwLo, pwHi] = range(v1, 'pointwise');
    expect(pwLo).toBeCloseTo(25_690_112 / 4_825_088, 6);
    expect(pwHi).toBeCloseTo(51_380_224 / 1_851_392, 6);
  });
  it('on a Pixel 1 big core only V1’s classifier is memory-bound; on an H200 the 13 depthwise layers, conv1, conv_pw_1 and the classifier are', () => {
    expect(v1.filter((l) => l.bound === 'memory').map((l) => l.name)).toEqual(['conv_preds']);
    const gpu = placeLayers(mobilenetV1(), 4, H200_FP32).filter((l) => l.bound === 'memory');
    expect(gpu.filter((l) => l.kind === 'depthwise')).toHaveLength(13);
    expect(gpu.filter((l) => l.kind !== 'depthwise').map((l) => l.name)).toEqual(['conv1', 'conv_pw_1', 'conv_preds']);
  });
  it('a network’s least time is the sum of its layers’; compute-bound layers take W / π', () => {
    const compute = v1.filter((l) => l.bound === 'compute');
    for (const l of compute) expect(l.seconds).toBeCloseTo(l.multAdds / 8.6e9, 12);
    expect(networkSeconds(v1)).toBeCloseTo(v1.reduce((s, l) => s + l.seconds, 0), 12);
    expect(networkSeconds(v2)).toBeLessThan(networkSeconds(v1));
  });
  it('Table 4 of Sandler et al. 2018: V2 takes 75 / 113 = 0.66 of V1’s time at 300M / 575M mult-adds as printed', () => {
    expect(PIXEL_1_TABLE4.v2.ms / PIXEL_1_TABLE4.v1.ms).toBeCloseTo(0.664, 3);
    expect(PIXEL_1_TABLE4.v2.printedMultAddsM / PIXEL_1_TABLE4.v1.printedMultAddsM).toBeCloseTo(0.522, 3);
  });
});

describe('layerBytes refuses traffic that is not a count', () => {
  it('NaN, fractions or negatives in any term are a typed error, not a RangeError from BigInt', () => {
    const ok = { inputElements: 3, outputElements: 5, params: 7 };
    // (3 + 5 + 7) · 4 bytes = 60.
    expect(layerBytes(ok, 4)).toBe(60);
    for (const bad of [{ ...ok, inputElements: Number.NaN }, { ...ok, outputElements: 1.5 }, { ...ok, params: -1 }]) {
      expect(() => layerBytes(bad, 4)).toThrow(expect.objectContaining({ code: 'invalid-size' }));
    }
    expect(() => layerBytes(ok, 0.5)).toThrow(expect.objectContaining({ code: 'invalid-size' }));
  });
});
