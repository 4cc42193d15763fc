import { describe, expect, it } from 'vitest';
import { loadTfLayers } from '../../src/lib/tf/load';

describe('loadTfLayers', () => {
  it("loadTfLayers({ preferred: ['cpu'] }) gives the union package with tf.layers on cpu", async () => {
    const { tf, backend, failed } = await loadTfLayers({ preferred: ['cpu'] });
    expect(backend).toBe('cpu');
    expect(failed).toEqual([]);
    // A 3×3 depthwise layer on 8 channels has 3·3·8 weights (no bias): MobileNet V1, Section 3.1.
    const before = tf.memory().numTensors;
    const model = tf.sequential({
      layers: [tf.layers.depthwiseConv2d({ inputShape: [8, 8, 8], kernelSize: 3, useBias: false, padding: 'same' })],
    });
    expect(model.countParams()).toBe(72);
    model.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});
