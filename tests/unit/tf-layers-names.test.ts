// tfjs-layers names every symbolic tensor and weight uniquely and keeps each name it has given in a
// Map it never empties (tfjs-layers 4.22, src/common.ts: getUniqueTensorName). The build adds
// forgetTensorNames() to that module (scripts/tfjs-names.mjs) and the live MobileNet block calls it
// through forgetLayersNames once its model is disposed, so repeated builds do not grow the page.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import * as tfc from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import type * as TfLayers from '@tensorflow/tfjs-layers';
import { addForgetTensorNames, COMMON_MODULE } from '../../scripts/tfjs-names.mjs';
import { forgetLayersNames, loadLayersNames, type LayersNames, type Tf } from '../../src/lib/tf/load';
import { runMobileNetV1 } from '../../src/lib/tf/model-run';
import { useCpuBackend } from './support/tf-cpu';

useCpuBackend(tfc, { leakCheck: true });

const commonJs = join(createRequire(import.meta.url).resolve('@tensorflow/tfjs-layers/package.json'), '..', 'dist', 'common.js');

describe('the build step that adds forgetTensorNames to tfjs-layers (scripts/tfjs-names.mjs)', () => {
  it('finds the module by its path and adds both functions after its code', () => {
    expect(COMMON_MODULE.test(commonJs)).toBe(true);
    expect(COMMON_MODULE.test(commonJs.replace('common.js', 'index.js'))).toBe(false);
    const code = readFileSync(commonJs, 'utf8');
    const out = addForgetTensorNames(code);
    expect(out.startsWith(code)).toBe(true);
    expect(out).toMatch(/export function forgetTensorNames\(\) \{\s*nameMap\.clear\(\);/);
    expect(out).toMatch(/export function tensorNameCount\(\) \{\s*return nameMap\.size;/);
  });
  it('fails the build when the Map is no longer declared where it was', () => {
    expect(() => addForgetTensorNames('const names = new Map();')).toThrow(/no longer declares/);
  });
});

describe('forgetLayersNames(tf, names) over the real tfjs-layers modules', () => {
  /** tfjs-layers' ES modules (the build's), sharing the names module that loadLayersNames loads. */
  const layers = () => import('@tensorflow/tfjs-layers/dist/index.js') as Promise<typeof TfLayers>;
  const tiny = (tfl: typeof TfLayers) => {
    const input = tfl.input({ shape: [2], name: 'names_in' });
    const out = tfl.layers.dense({ units: 1, name: 'names_dense' }).apply(input) as TfLayers.SymbolicTensor;
    return { model: tfl.model({ inputs: input, outputs: out }), out };
  };

  it('keeps the names while a model lives, forgets them once none does, and the next model gets its first names again', async () => {
    const tfl = await layers();
    const names = await loadLayersNames();
    const a = tiny(tfl);
    const b = tiny(tfl);
    // The same layer name twice: the second output is made unique with a suffix.
    expect(a.out.name).toBe('names_dense/names_dense');
    expect(b.out.name).toBe('names_dense/names_dense_1');
    const kept = names.tensorNameCount!();
    expect(kept).toBeGreaterThan(0);
    a.model.dispose();
    // b's weights are still registered: nothing is forgotten.
    expect(forgetLayersNames(tfc as unknown as Tf, names)).toBe(false);
    expect(names.tensorNameCount!()).toBe(kept);
    b.model.dispose();
    expect(forgetLayersNames(tfc as unknown as Tf, names)).toBe(true);
    expect(names.tensorNameCount!()).toBe(0);
    const c = tiny(tfl);
    expect(c.out.name).toBe('names_dense/names_dense');
    c.model.dispose();
    forgetLayersNames(tfc as unknown as Tf, names);
  });

  it('does nothing where the module was not given the function (a build without the plugin)', () => {
    expect(forgetLayersNames(tfc as unknown as Tf, {})).toBe(false);
  });
});

describe('runMobileNetV1 forgets the names', () => {
  it('once, after its model is disposed (no variable left registered)', async () => {
    const tf = await import('@tensorflow/tfjs');
    const seen: number[] = [];
    const names: LayersNames = { forgetTensorNames: () => seen.push(Object.keys(tf.engine().registeredVariables).length) };
    let t = 0;
    await runMobileNetV1(tf, { alpha: 0.25, resolution: 32, classes: 10, now: () => (t += 1), warmup: 0, repeats: 1, layersNames: async () => names });
    expect(seen).toEqual([0]);
  });
});
