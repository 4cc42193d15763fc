/**
 * The calculator's preset stacks, walked from the same tables as src/lib/architectures.ts. Apart
 * from stack.ts so that the calculator's first load carries no architecture tables: the build
 * writes the default preset into the page, and the browser fetches this module when a reader
 * loads a preset.
 */
import { layer, type PresetId, type Stack, type StackLayer } from './stack';
import { V1_STEM, V1_TABLE, V2_HEAD_FILTERS, V2_STEM, V2_TABLE, XCEPTION_STEM, XCEPTION_TABLE } from './architectures';

/** MobileNet V1, Howard et al. 2017 Table 1 (13th depthwise at stride 1, as architectures.ts). */
function presetV1(): Stack {
  const layers: StackLayer[] = [layer('standard', { k: V1_STEM.k, out: V1_STEM.filters, stride: V1_STEM.stride })];
  for (const [filters, stride] of V1_TABLE) {
    layers.push(layer('depthwise', { stride }), layer('pointwise', { out: filters }));
  }
  layers.push(layer('gap'), layer('fc', { out: 1000 }));
  return { input: { h: 224, w: 224, c: 3 }, bn: true, layers };
}

/** MobileNet V2, Sandler et al. 2018 Table 2: 17 inverted residuals between the stem and the 1280-wide head. */
function presetV2(): Stack {
  const layers: StackLayer[] = [layer('standard', { k: V2_STEM.k, out: V2_STEM.filters, stride: V2_STEM.stride })];
  for (const row of V2_TABLE) {
    for (let i = 0; i < row.n; i++) layers.push(layer('inverted', { t: row.t, out: row.c, stride: i === 0 ? row.s : 1 }));
  }
  layers.push(layer('pointwise', { out: V2_HEAD_FILTERS }), layer('gap'), layer('fc', { out: 1000 }));
  return { input: { h: 224, w: 224, c: 3 }, bn: true, layers };
}

/** Xception, Chollet 2017 Fig. 5 as Keras builds it: max pool 3×3/2 and a strided 1×1 projection end modules 2–4 and 13. */
function presetXception(): Stack {
  const layers: StackLayer[] = XCEPTION_STEM.map(({ filters, stride }) => layer('standard', { out: filters, stride, padding: 'valid' }));
  for (const m of XCEPTION_TABLE) {
    const first = layers.length + 1;
    for (const filters of m.separable) layers.push(layer('separable', { out: filters }));
    if (m.shortcut !== undefined) {
      layers.push(layer('maxpool', { stride: 2 }), layer('pointwise', { out: m.shortcut, stride: 2, from: first }));
    }
  }
  layers.push(layer('gap'), layer('fc', { out: 1000 }));
  return { input: { h: 299, w: 299, c: 3 }, bn: true, layers };
}

/**
 * ResNet-50 stage conv2_x (He et al. 2016, Table 1): three bottlenecks [1×1 64, 3×3 64, 1×1 256]
 * on 56×56×64; the first adds a 1×1 projection shortcut (64 → 256), the others an identity.
 */
function presetResNetStage(): Stack {
  const layers: StackLayer[] = [];
  for (let b = 0; b < 3; b++) {
    const first = layers.length + 1;
    layers.push(layer('pointwise', { out: 64 }), layer('standard', { out: 64 }), layer('pointwise', { out: 256 }));
    if (b === 0) layers.push(layer('pointwise', { out: 256, from: first }));
  }
  return { input: { h: 56, w: 56, c: 64 }, bn: true, layers };
}

/** A fresh copy of a preset stack. */
export function preset(id: PresetId): Stack {
  switch (id) {
    case 'mobilenet-v1':
      return presetV1();
    case 'mobilenet-v2':
      return presetV2();
    case 'xception':
      return presetXception();
    case 'resnet-stage':
      return presetResNetStage();
  }
}
