import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { frameworkCounts, mobilenetV1, mobilenetV2, type Architecture } from '../../src/lib/architectures';
import { CostError } from '../../src/lib/errors';
import { buildMobileNetV1, buildMobileNetV2, countModelParams, modelCounts } from '../../src/lib/tf/models';
import { useCpuBackend } from './support/tf-cpu';

useCpuBackend(tf, { leakCheck: true });

/** Every costed layer of `arch` has a tf layer of the same name with the same weights and output shape. */
function expectLayersMatch(model: tf.LayersModel, arch: Architecture): void {
  for (const l of arch.layers) {
    const layer = model.getLayer(l.name === 'conv_preds' ? 'predictions' : l.name);
    expect(layer.countParams(), l.name).toBe(l.params);
    const shape = layer.outputShape as number[];
    if (l.kind === 'fc') expect(shape).toEqual([null, l.cout]);
    else expect(shape, l.name).toEqual([null, l.outH, l.outH, l.cout]);
  }
}

describe('buildMobileNetV1(tf, …)', () => {
  it('buildMobileNetV1(tf) counts 4,253,864 params: Keras MobileNet (α 1, 224) total, 4,231,976 trainable, 21,888 not', () => {
    const model = buildMobileNetV1(tf);
    try {
      // Published Keras figures for keras.applications.MobileNet(): weights + FC bias 4,210,088 + 4 · 10,944 BN channels.
      expect(modelCounts(model)).toEqual({ total: 4_253_864, trainable: 4_231_976, nonTrainable: 21_888 });
      expect(modelCounts(model)).toEqual(frameworkCounts(mobilenetV1()).keras);
      expectLayersMatch(model, mobilenetV1());
    } finally {
      model.dispose();
    }
  });

  it.each([0.25, 0.5, 0.75, 1.4])('buildMobileNetV1(tf, {alpha:%s}) agrees with mobilenetV1 layer by layer at 96 and 128', (alpha) => {
    for (const resolution of [96, 128]) {
      const model = buildMobileNetV1(tf, { alpha, resolution });
      try {
        const arch = mobilenetV1({ alpha, resolution });
        expect(model.countParams()).toBe(frameworkCounts(arch).keras.total);
        expectLayersMatch(model, arch);
      } finally {
        model.dispose();
      }
    }
  });

  it('buildMobileNetV1(tf, {classes:10, resolution:32}) predicts a softmax over 10 classes without leaking tensors', () => {
    const model = buildMobileNetV1(tf, { alpha: 0.25, resolution: 32, classes: 10 });
    const before = tf.memory().numTensors;
    const sum = tf.tidy(() => (model.predict(tf.ones([2, 32, 32, 3])) as tf.Tensor).sum(1).dataSync());
    expect(Array.from(sum).map((s) => Math.round(s * 1e4) / 1e4)).toEqual([1, 1]);
    expect(tf.memory().numTensors).toBe(before);
    model.dispose();
  });

  it("buildMobileNetV1(tf, {alpha:0}) throws CostError('invalid-alpha')", () => {
    expect(() => buildMobileNetV1(tf, { alpha: 0 })).toThrow(CostError);
    expect(() => buildMobileNetV1(tf, { alpha: 0.01 })).toThrow(CostError);
  });
});

describe('buildMobileNetV2(tf, …)', () => {
  it('buildMobileNetV2(tf) counts Keras MobileNetV2 (α 1, 224): 3,538,984 total, 3,504,872 trainable (= torchvision parameters()), 34,112 not', () => {
    const model = buildMobileNetV2(tf);
    try {
      expect(modelCounts(model)).toEqual({ total: 3_538_984, trainable: 3_504_872, nonTrainable: 34_112 });
      expect(frameworkCounts(mobilenetV2()).pytorch.parameters).toBe(3_504_872);
      expectLayersMatch(model, mobilenetV2());
      // One Add layer per identity shortcut (stride 1, cin = cout): 10 of the 17 blocks.
      expect(model.layers.filter((l) => l.getClassName() === 'Add')).toHaveLength(10);
    } finally {
      model.dispose();
    }
  });

  it.each([0.35, 0.5, 0.75, 1.4])('buildMobileNetV2(tf, {alpha:%s}) agrees with mobilenetV2 layer by layer at 96 and 128', (alpha) => {
    for (const resolution of [96, 128]) {
      const model = buildMobileNetV2(tf, { alpha, resolution });
      try {
        const arch = mobilenetV2({ alpha, resolution });
        expect(model.countParams()).toBe(frameworkCounts(arch).keras.total);
        expectLayersMatch(model, arch);
      } finally {
        model.dispose();
      }
    }
  });

  it("buildMobileNetV2(tf, {alpha:0.56, rounding:'torchvision'}) follows torchvision's widths", () => {
    const model = buildMobileNetV2(tf, { alpha: 0.56, resolution: 64, rounding: 'torchvision' });
    try {
      const arch = mobilenetV2({ alpha: 0.56, resolution: 64, rounding: 'torchvision' });
      expect(model.countParams()).toBe(frameworkCounts(arch).keras.total);
      expect(model.getLayer('expanded_conv_project').outputShape).toEqual([null, 32, 32, 16]);
    } finally {
      model.dispose();
    }
  });
});

describe('countModelParams(tf, …)', () => {
  it('countModelParams builds, counts and disposes: tf.memory().numTensors does not grow', () => {
    const before = tf.memory().numTensors;
    const v1 = countModelParams(tf, 'mobilenet-v1', { alpha: 0.5, resolution: 128 });
    const v2 = countModelParams(tf, 'mobilenet-v2', { alpha: 0.5, resolution: 128 });
    expect(tf.memory().numTensors).toBe(before);
    expect(v1).toEqual(frameworkCounts(mobilenetV1({ alpha: 0.5 })).keras);
    expect(v2).toEqual(frameworkCounts(mobilenetV2({ alpha: 0.5 })).keras);
  });
});
