import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { frameworkCounts, mobilenetV1 } from '../../src/lib/architectures';
import { CPU_MAX_MACS, CPU_WARN_MACS, costedLayerName, cpuGuard, forwardInSteps, runMobileNetV1 } from '../../src/lib/tf/model-run';
import { buildMobileNetV1, buildMobileNetV2 } from '../../src/lib/tf/models';
import { releaseBackendMemory, type Tf } from '../../src/lib/tf/load';
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

  it('reports the build and each pass to onPass and stops after the pass during which it was cancelled', async () => {
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
    expect(seen).toEqual([0, 1, 2]);
    expect(r.runs).toHaveLength(1);
    expect(r.aborted).toBe(true);
  });

  it('stops within the pass when cancelled between two layers, and leaves no tensor', async () => {
    const before = tf.memory().numTensors;
    const signal = { aborted: false };
    let layers = 0;
    const r = await runMobileNetV1(tf, {
      alpha: 0.25,
      resolution: 32,
      now: fakeClock(),
      signal,
      between: () => {
        layers += 1;
        if (layers === 10) signal.aborted = true;
      },
    });
    // Cancelled during the warm-up, ten layers in: no pass finished, none was timed.
    expect(layers).toBe(10);
    expect(r.aborted).toBe(true);
    expect(r.runs).toEqual([]);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('does not count the time spent between layers (yielding to the page) in a pass', async () => {
    // A clock that moves only while the page has the thread: 100 ms per yield, none for the layers.
    let t = 0;
    let yields = 0;
    const r = await runMobileNetV1(tf, {
      alpha: 0.25,
      resolution: 32,
      now: () => t,
      warmup: 0,
      repeats: 2,
      between: () => {
        t += 100;
        yields += 1;
      },
    });
    expect(yields).toBeGreaterThan(80);
    expect(r.runs).toEqual([0, 0]);
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

describe('forwardInSteps(tf, model, x)', () => {
  it('equals model.predict(x) for MobileNet V1, one layer at a time, and leaves only the output', async () => {
    const model = buildMobileNetV1(tf, { alpha: 0.25, resolution: 32, classes: 10 });
    const x = tf.randomUniform([1, 32, 32, 3], 0, 1, 'float32', 7);
    const before = tf.memory().numTensors;
    const expected = model.predict(x) as tf.Tensor;
    const seen: number[] = [];
    const y = await forwardInSteps(tf, model, x, { between: () => void seen.push(tf.memory().numTensors) });
    expect(y).toBeDefined();
    expect(y!.shape).toEqual([1, 10]);
    expect(Array.from(await y!.data())).toEqual(Array.from(await expected.data()));
    // One call after every layer but the input; at most x, the output so far and predict's result live.
    expect(seen).toHaveLength(model.layers.length - 1);
    expect(Math.max(...seen)).toBeLessThanOrEqual(before + 2);
    tf.dispose([y!, expected, x]);
    model.dispose();
  });

  it('returns nothing and disposes everything when cancelled part-way', async () => {
    const model = buildMobileNetV1(tf, { alpha: 0.25, resolution: 32, classes: 10 });
    const x = tf.zeros([1, 32, 32, 3]);
    const before = tf.memory().numTensors;
    const signal = { aborted: false };
    let n = 0;
    const y = await forwardInSteps(tf, model, x, { signal, between: () => void (++n === 3 && (signal.aborted = true)) });
    expect(y).toBeUndefined();
    expect(n).toBe(3);
    expect(tf.memory().numTensors).toBe(before);
    x.dispose();
    model.dispose();
  });

  it('refuses a model that is not a chain (MobileNet V2 adds shortcuts)', async () => {
    const model = buildMobileNetV2(tf, { alpha: 0.35, resolution: 32, classes: 10 });
    const x = tf.zeros([1, 32, 32, 3]);
    await expect(forwardInSteps(tf, model, x)).rejects.toThrow(/chain/);
    x.dispose();
    model.dispose();
  });
});

describe('releaseBackendMemory(tf)', () => {
  /** A texture pool as tfjs-backend-webgl 4.x keeps one (TextureManager): made with the backend's WebGL context. */
  class FakePool {
    disposed = false;
    constructor(readonly gpgpu: unknown) {}
    dispose(): void {
      this.disposed = true;
    }
  }
  /**
   * Just enough of tfjs to see what releaseBackendMemory asks for and does; `pool` gives the backend
   * a texture pool as tfjs-backend-webgl's has (getTextureManager, textureManager, gpgpu).
   */
  function fakeTf(name: string, dataIds: number, pool = false) {
    const calls: string[] = [];
    const factory = () => ({}) as never;
    const gpgpu = { gl: 'context' };
    const backend: Record<string, unknown> = { numDataIds: () => dataIds };
    if (pool) {
      backend.gpgpu = gpgpu;
      backend.textureManager = new FakePool(gpgpu);
      backend.getTextureManager = () => backend.textureManager;
    }
    const fake = {
      getBackend: () => name,
      backend: () => backend,
      findBackendFactory: (n: string) => (calls.push(`find ${n}`), factory),
      removeBackend: (n: string) => void calls.push(`remove ${n}`),
      registerBackend: (n: string, f: unknown, priority: number) => (calls.push(`register ${n} ${f === factory} ${priority}`), true),
    };
    return { tf: fake as unknown as Tf, calls, backend, gpgpu };
  }
  it('empties an empty webgl backend’s texture pool and keeps the backend, with the programs it compiled', () => {
    const { tf: fake, calls, backend, gpgpu } = fakeTf('webgl', 0, true);
    const before = backend.textureManager as FakePool;
    expect(releaseBackendMemory(fake)).toBe(true);
    // The old pool deleted its textures; a new, empty one of the same class on the same context took its place.
    expect(before.disposed).toBe(true);
    const after = backend.textureManager as FakePool;
    expect(after).not.toBe(before);
    expect(after).toBeInstanceOf(FakePool);
    expect(after.disposed).toBe(false);
    expect(after.gpgpu).toBe(gpgpu);
    // The backend was neither removed nor registered again (that would delete its compiled programs).
    expect(calls).toEqual([]);
  });
  it('replaces an empty webgl backend whose pool it cannot reach with a fresh one of the same factory and priority (2, as tfjs-backend-webgl registers it)', () => {
    const { tf: fake, calls } = fakeTf('webgl', 0);
    expect(releaseBackendMemory(fake)).toBe(true);
    expect(calls).toEqual(['find webgl', 'remove webgl', 'register webgl true 2']);
  });
  it('leaves a webgl backend that still holds tensors, and the cpu backend, alone', () => {
    for (const [name, ids] of [['webgl', 3], ['cpu', 0]] as const) {
      const { tf: fake, calls, backend } = fakeTf(name, ids, true);
      const pool = backend.textureManager as FakePool;
      expect(releaseBackendMemory(fake)).toBe(false);
      expect(calls).toEqual([]);
      expect(backend.textureManager).toBe(pool);
      expect(pool.disposed).toBe(false);
    }
    expect(releaseBackendMemory(tf as unknown as Tf)).toBe(false);
  });
});
