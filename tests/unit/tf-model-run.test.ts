import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { frameworkCounts, mobilenetV1 } from '../../src/lib/architectures';
import { CPU_MAX_MACS, CPU_WARN_MACS, costedLayerName, cpuGuard, runMobileNetV1 } from '../../src/lib/tf/model-run';
import { useCpuBackend } from './support/tf-cpu';

useCpuBackend(tf, { leakCheck: true });

/** A clock that advances 5 ms per call, so every timed interval is exactly 5 ms. */
function fakeClock(): () => number {
  let t = 0;
  return () => (t += 5);
}

describe('runMobileNetV1(tf, …)', () => {
  it('counts the Keras-convention params of α 0.25, 128 (464,600 + 4 · BN channels) and leaves no tensor', async () => {
    const before = tf.memory().numTensors;
    const r = await runMobileNetV1(tf, { alpha: 0.25, resolution: 128, now: fakeClock(), warmup: 1, repeats: 2 });
    const arch = mobilenetV1({ alpha: 0.25, resolution: 128 });
    // Howard et al. 2017, Table 6: 0.25 MobileNet has 0.5M parameters (464,600 weights + FC bias).
    expect(arch.params).toBe(464_600);
    expect(r.counts.total).toBe(frameworkCounts(arch).keras.total);
    expect(r.expectedKeras).toBe(r.counts.total);
    expect(r.counts.nonTrainable).toBe(2 * arch.bnChannels);
    expect(r.outputShape).toEqual([1, 1000]);
    expect(r.outputSum).toBeCloseTo(1, 4);
    expect(r.runs).toEqual([5, 5]);
    expect(r.medianMs).toBe(5);
    expect(r.buildMs).toBe(5);
    expect(r.backend).toBe('cpu');
    expect(r.aborted).toBe(false);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('stops at once when cancelled, disposes everything and reports no timing', async () => {
    const before = tf.memory().numTensors;
    const r = await runMobileNetV1(tf, { alpha: 0.25, resolution: 32, now: fakeClock(), signal: { aborted: true } });
    expect(r.aborted).toBe(true);
    expect(r.runs).toEqual([]);
    expect(Number.isNaN(r.medianMs)).toBe(true);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('reports each pass to onPass and stops after the pass during which it was cancelled', async () => {
    const signal = { aborted: false };
    const seen: number[] = [];
    const r = await runMobileNetV1(tf, {
      alpha: 0.25,
      resolution: 32,
      now: fakeClock(),
      warmup: 1,
      repeats: 4,
      signal,
      onPass: (done) => {
        seen.push(done);
        if (done === 2) signal.aborted = true;
      },
    });
    expect(seen).toEqual([1, 2]);
    expect(r.runs).toHaveLength(1);
    expect(r.aborted).toBe(true);
  });

  it('rejects a repeat count below 1', async () => {
    await expect(runMobileNetV1(tf, { alpha: 0.25, resolution: 32, now: fakeClock(), repeats: 0 })).rejects.toThrow(RangeError);
  });
});

describe('cpuGuard(multAdds)', () => {
  it('lets α 0.25, 128 run, warns at α 1, 224 and refuses α 2, 512', () => {
    expect(cpuGuard(mobilenetV1({ alpha: 0.25, resolution: 128 }).multAdds)).toBe('ok');
    expect(cpuGuard(mobilenetV1().multAdds)).toBe('slow');
    expect(cpuGuard(mobilenetV1({ alpha: 2, resolution: 512 }).multAdds)).toBe('refuse');
    expect(cpuGuard(CPU_WARN_MACS)).toBe('ok');
    expect(cpuGuard(CPU_MAX_MACS + 1)).toBe('refuse');
  });
});

describe('runMobileNetV1(tf, { perLayer: true })', () => {
  it('times each of the 28 costed layers of Table 1 (and the pool) in network order, and leaves no tensor', async () => {
    const before = tf.memory().numTensors;
    const r = await runMobileNetV1(tf, { alpha: 0.25, resolution: 32, now: fakeClock(), warmup: 0, repeats: 1, perLayer: true });
    const arch = mobilenetV1({ alpha: 0.25, resolution: 32 });
    // Howard et al. 2017, Table 1: conv, 13 × (dw, pw), then the pool and the FC layer.
    const names = arch.layers.map((l) => l.name);
    expect(r.layers.map((l) => l.name)).toEqual([...names.slice(0, 27), 'pool', names[27]]);
    // The fake clock advances 5 ms per reading, two readings per tf.layers layer: conv + BN + ReLU6 = 15 ms.
    expect(r.layers[0].ms).toBe(15);
    expect(r.layers.find((l) => l.name === 'conv_preds')?.ms).toBe(5);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('skips the layer pass when not asked for it', async () => {
    const r = await runMobileNetV1(tf, { alpha: 0.25, resolution: 32, now: fakeClock(), warmup: 0, repeats: 1 });
    expect(r.layers).toEqual([]);
  });
});

describe('costedLayerName(tfName)', () => {
  it('folds BatchNorm and ReLU6 into their convolution and names the classifier as the cost model does', () => {
    expect(['conv1', 'conv1_bn', 'conv1_relu', 'conv_dw_13_bn', 'global_average_pooling', 'predictions'].map(costedLayerName)).toEqual(['conv1', 'conv1', 'conv1', 'conv_dw_13', 'pool', 'conv_preds']);
  });
});
