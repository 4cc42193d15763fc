import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { describe, expect, it } from 'vitest';
import { spiral } from '../../src/lib/manifold';
import { gaussianMatrix } from '../../src/lib/random';
import { BOTTLENECK_DEFAULTS, bottleneckData, EMBEDDING_SEED } from '../../src/lib/bottleneck';
import { compareBottlenecks, trainBottleneck } from '../../src/lib/tf/bottleneck-train';
import { useCpuBackend } from './support/tf-cpu';

useCpuBackend(tf);

describe('bottleneckData', () => {
  it('bottleneckData(): 64 spiral points of radius 1 as targets, x = E·y in 16-D with E ~ N(0, ½)', () => {
    const { inputs, targets } = bottleneckData();
    expect(targets).toHaveLength(128);
    expect(inputs).toHaveLength(64 * 16);
    // The last point of a 1.5-turn spiral of radius 1 is at θ = 3π: (−1, 0).
    expect(targets[126]).toBeCloseTo(-1, 6);
    expect(targets[127]).toBeCloseTo(0, 6);
    const E = gaussianMatrix(16, 2, EMBEDDING_SEED, Math.SQRT1_2);
    const y = spiral({ points: 64, radius: 1 }).points;
    const k = 40;
    for (let i = 0; i < 16; i++) expect(inputs[k * 16 + i]).toBeCloseTo(E[2 * i] * y[2 * k] + E[2 * i + 1] * y[2 * k + 1], 6);
  });
});

describe('trainBottleneck', () => {
  it('trainBottleneck reports every epoch through onEpoch, lowers the loss and leaks no tensors', async () => {
    const seen: [number, number][] = [];
    const before = tf.memory().numTensors;
    const r = await trainBottleneck(tf, { activation: 'linear', epochs: 60, onEpoch: (e, l) => seen.push([e, l]) });
    expect(tf.memory().numTensors).toBe(before);
    expect(seen.map(([e]) => e)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
    expect(Array.from(r.losses)).toEqual(seen.map(([, l]) => Math.fround(l)));
    expect(r.losses[59]).toBeLessThan(r.losses[0] / 10);
    expect(r.epochs).toBe(60);
    expect(r.aborted).toBe(false);
    expect(r.predictions).toHaveLength(128);
    // finalLoss is the loss after the last update, recomputed from the predictions.
    let mse = 0;
    for (let i = 0; i < 128; i++) mse += (r.predictions[i] - r.targets[i]) ** 2;
    expect(r.finalLoss).toBeCloseTo(mse / 128, 6);
  });

  it('trainBottleneck({ onSnapshot }) hands the outputs every 10 epochs and after the last one; the last equals the result', async () => {
    const snaps: [number, Float32Array][] = [];
    const before = tf.memory().numTensors;
    const r = await trainBottleneck(tf, { activation: 'relu', epochs: 25, onSnapshot: (e, p) => snaps.push([e, p]) });
    expect(tf.memory().numTensors).toBe(before);
    expect(snaps.map(([e]) => e)).toEqual([10, 20, 25]);
    for (const [, p] of snaps) expect(p).toHaveLength(2 * BOTTLENECK_DEFAULTS.points);
    expect(Array.from(snaps[2][1])).toEqual(Array.from(r.predictions));
    // Outputs change as the network learns.
    expect(Array.from(snaps[0][1])).not.toEqual(Array.from(snaps[1][1]));
    await expect(trainBottleneck(tf, { epochs: 1, snapshotEvery: 0 })).rejects.toThrow(/snapshotEvery/);
  });

  it('trainBottleneck is deterministic in the seed (same weights, same data, same losses)', async () => {
    const a = await trainBottleneck(tf, { epochs: 15, seed: 7 });
    const b = await trainBottleneck(tf, { epochs: 15, seed: 7 });
    const c = await trainBottleneck(tf, { epochs: 15, seed: 8 });
    expect(Array.from(a.losses)).toEqual(Array.from(b.losses));
    expect(Array.from(a.losses)).not.toEqual(Array.from(c.losses));
  });

  it('trainBottleneck stops when the signal is aborted (AbortController or a plain flag)', async () => {
    const controller = new AbortController();
    const before = tf.memory().numTensors;
    const r = await trainBottleneck(tf, {
      epochs: 100,
      signal: controller.signal,
      onEpoch: (e) => {
        if (e === 5) controller.abort();
      },
    });
    expect(tf.memory().numTensors).toBe(before);
    expect(r.aborted).toBe(true);
    expect(r.epochs).toBe(5);
    expect(r.losses).toHaveLength(5);
    const none = await trainBottleneck(tf, { signal: { aborted: true } });
    expect(none.epochs).toBe(0);
    expect(Number.isNaN(none.finalLoss)).toBe(true);
  });

  it('trainBottleneck rejects a bad activation, width, epoch count or learning rate', async () => {
    await expect(trainBottleneck(tf, { activation: 'tanh' as never })).rejects.toThrow(/activation/);
    await expect(trainBottleneck(tf, { bottleneck: 0 })).rejects.toThrow(/bottleneck/);
    await expect(trainBottleneck(tf, { epochs: -1 })).rejects.toThrow(/epochs/);
    await expect(trainBottleneck(tf, { learningRate: 0 })).rejects.toThrow(/learningRate/);
  });
});

describe('compareBottlenecks', () => {
  it('a ReLU bottleneck of width 2 ends worse than a linear one for seeds 1 and 2, by a geometric mean > 20×, within seconds', async () => {
    // Measured over seeds 1–20 at the defaults: ReLU worse in 20 of 20, ratios 4.4× to ~7000×
    // (geometric mean ≈ 640×); the ReLU net either flattens part of the spiral onto an axis or
    // loses both bottleneck units (loss ≈ 0.22, the targets' variance).
    let logRatio = 0;
    const before = tf.memory().numTensors;
    for (const seed of [1, 2]) {
      const variants: string[] = [];
      const t0 = performance.now();
      const r = await compareBottlenecks(tf, { seed, onEpoch: (e, _l, v) => e === 1 && variants.push(v) });
      const seconds = (performance.now() - t0) / 1000;
      expect(variants).toEqual(['relu', 'linear']);
      expect(r.relu.activation).toBe('relu');
      expect(r.linear.activation).toBe('linear');
      expect(r.relu.epochs).toBe(BOTTLENECK_DEFAULTS.epochs);
      expect(r.relu.predictions).toHaveLength(2 * BOTTLENECK_DEFAULTS.points);
      expect(r.lossRatio).toBe(r.relu.finalLoss / r.linear.finalLoss);
      expect(r.relu.finalLoss).toBeGreaterThan(r.linear.finalLoss);
      expect(r.linear.finalLoss).toBeLessThan(1e-3);
      expect(seconds).toBeLessThan(20); // about 1.5 s on an idle 2-core machine; loose for shared CI
      logRatio += Math.log10(r.lossRatio);
    }
    expect(10 ** (logRatio / 2)).toBeGreaterThan(20);
    expect(tf.memory().numTensors).toBe(before);
  });
});
