/**
 * Published numbers checked against the cost model. Each entry is a number as printed in a
 * paper or a source article (transcribed, with its table), and a function of the cost model that
 * computes it. `paperFigures()` evaluates them; `paperGaps()` keeps the ones whose printed value
 * is not the computed one rounded to the printed precision, with the reason — the site's errata.
 * Conventions: mult-adds count weights only; params are weights + FC bias unless said otherwise.
 */
import { costByKind, frameworkCounts, mobilenetV1, mobilenetV2, xception } from './architectures';
import { convCost } from './cost';

/** 'ok': printed = computed rounded to nearest; 'truncated': printed = computed rounded down; 'mismatch': neither. */
export type FigureStatus = 'ok' | 'truncated' | 'mismatch';

/** A printed number beside the value the cost model computes for it. */
export interface PaperFigure {
  id: string;
  /** Paper or seed, and table or section. */
  source: string;
  /** What the number is. */
  quantity: string;
  /** As printed (e.g. '325M', '1.19%', '2205225'). */
  printed: string;
  /** The printed number in `unit`s. */
  printedValue: number;
  /** 1e6 for 'M', 1 for plain counts and percentages. */
  unit: number;
  /** Decimal places printed. */
  decimals: number;
  /** The cost model's value (exact count, or a percentage / ratio as a float). */
  computed: number;
  status: FigureStatus;
  /** Why printed and computed differ (only where they do, or where the convention needs saying). */
  reason?: string;
}

type FigureSpec = Omit<PaperFigure, 'computed' | 'status'> & { compute: () => number };

const V1 = 'MobileNet V1 (Howard et al. 2017, arXiv:1704.04861)';
const V2 = 'MobileNetV2 (Sandler et al. 2018, arXiv:1801.04381)';
const XC = 'Xception (Chollet 2017, arXiv:1610.02357)';
const ARTICLE0 = 'Source article 000 (MobileNet-v1和MobileNet-v2)';
const ARTICLE1 = 'Source article 001 (mobileNetV1网络解析)';
const ARTICLE4 = 'Source article 004 (深度可分离卷积减小计算量)';

const M = 1e6;
const pct = (part: number, whole: number) => (100 * part) / whole;
const v1Kinds = () => {
  const arch = mobilenetV1();
  return { arch, by: costByKind(arch) };
};
// Table 3 of the V1 paper: one 14×14×512 → 14×14×512 layer with a 3×3 kernel.
const t3 = (kind: 'standard' | 'separable', channels: number, df: number) =>
  convCost({ kind, k: 3, cin: channels, cout: channels, inH: df });

const SPECS: FigureSpec[] = [
  // --- MobileNet V1, Table 1 -----------------------------------------------------------------
  {
    id: 'v1-t1-dw13-stride',
    source: `${V1}, Table 1`,
    quantity: 'stride of the 13th depthwise layer (3×3×1024 dw on 7×7×1024)',
    printed: 's2',
    printedValue: 2,
    unit: 1,
    decimals: 0,
    compute: () => mobilenetV1().layers.find((l) => l.name === 'conv_dw_13')!.stride,
    reason:
      'Table 1 prints "Conv dw / s2" but lists the next layer\'s input as 7×7×1024, the same size; a stride of 2 would give 4×4. The Keras reference uses stride 1, and so does the model.',
  },
  {
    id: 'v1-layers',
    source: `${V1}, §3.2`,
    quantity: 'layers, counting depthwise and pointwise separately (conv + 13 × 2 + FC)',
    printed: '28',
    printedValue: 28,
    unit: 1,
    decimals: 0,
    compute: () => mobilenetV1().layers.length,
  },
  // --- MobileNet V1, Table 2: resource per layer type ----------------------------------------
  ...(
    [
      ['pointwise', 'Conv 1×1', 94.86, 74.59],
      ['depthwise', 'Conv DW 3×3', 3.06, 1.06],
      ['conv', 'Conv 3×3', 1.19, 0.02],
      ['fc', 'Fully Connected', 0.18, 24.33],
    ] as const
  ).flatMap(([kind, label, macs, params]): FigureSpec[] => [
    {
      id: `v1-t2-${kind}-macs`,
      source: `${V1}, Table 2`,
      quantity: `${label}: share of mult-adds (%)`,
      printed: `${macs.toFixed(2)}%`,
      printedValue: macs,
      unit: 1,
      decimals: 2,
      compute: () => {
        const { arch, by } = v1Kinds();
        return pct(by[kind]!.multAdds, arch.multAdds);
      },
      ...(kind === 'conv'
        ? {
            reason:
              'The first 3×3 conv has 112·112·27·32 = 10,838,016 mult-adds, 1.91% of 568,740,352; "1.19%" transposes the digits. The four printed shares sum to 99.29%, with 1.91% to 100.01%.',
          }
        : {}),
    },
    {
      id: `v1-t2-${kind}-params`,
      source: `${V1}, Table 2`,
      quantity: `${label}: share of parameters (%), weights only`,
      printed: `${params.toFixed(2)}%`,
      printedValue: params,
      unit: 1,
      decimals: 2,
      compute: () => {
        const { arch, by } = v1Kinds();
        return pct(by[kind]!.weights, arch.weights);
      },
      ...(kind === 'pointwise'
        ? {
            reason:
              'Table 2 shares are of the weights without the FC bias (4,209,088); with the bias (4,210,088) the 1×1 share would read 74.57%.',
          }
        : {}),
    },
  ]),
  // --- MobileNet V1, Table 3: one 14×14×512 layer, 3×3 kernel ------------------------------
  { id: 'v1-t3-standard-macs', source: `${V1}, Table 3`, quantity: 'Convolution: mult-adds', printed: '462M', printedValue: 462, unit: M, decimals: 0, compute: () => t3('standard', 512, 14).multAdds },
  { id: 'v1-t3-standard-params', source: `${V1}, Table 3`, quantity: 'Convolution: parameters', printed: '2.36M', printedValue: 2.36, unit: M, decimals: 2, compute: () => t3('standard', 512, 14).params },
  { id: 'v1-t3-separable-macs', source: `${V1}, Table 3`, quantity: 'Depthwise separable conv: mult-adds', printed: '52.3M', printedValue: 52.3, unit: M, decimals: 1, compute: () => t3('separable', 512, 14).multAdds },
  { id: 'v1-t3-separable-params', source: `${V1}, Table 3`, quantity: 'Depthwise separable conv: parameters', printed: '0.27M', printedValue: 0.27, unit: M, decimals: 2, compute: () => t3('separable', 512, 14).params },
  { id: 'v1-t3-alpha-macs', source: `${V1}, Table 3`, quantity: 'α = 0.75 (M = N = 384): mult-adds', printed: '29.6M', printedValue: 29.6, unit: M, decimals: 1, compute: () => t3('separable', 384, 14).multAdds },
  { id: 'v1-t3-alpha-params', source: `${V1}, Table 3`, quantity: 'α = 0.75 (M = N = 384): parameters', printed: '0.15M', printedValue: 0.15, unit: M, decimals: 2, compute: () => t3('separable', 384, 14).params },
  {
    id: 'v1-t3-rho-macs',
    source: `${V1}, Table 3`,
    quantity: 'ρ = 0.714 (D_F = 10), α = 0.75: mult-adds',
    printed: '15.1M',
    printedValue: 15.1,
    unit: M,
    decimals: 1,
    compute: () => t3('separable', 384, 10).multAdds,
    reason: 'ρ = 0.714 is 10/14: the feature map is 10×10 (14 · 0.714 = 9.996).',
  },
  { id: 'v1-t3-rho-params', source: `${V1}, Table 3`, quantity: 'ρ = 0.714, α = 0.75: parameters', printed: '0.15M', printedValue: 0.15, unit: M, decimals: 2, compute: () => t3('separable', 384, 10).params },
  // --- MobileNet V1, Table 4: depthwise separable vs full convolutions ------------------------
  {
    id: 'v1-t4-conv-macs',
    source: `${V1}, Table 4`,
    quantity: 'Conv MobileNet (every separable layer a 3×3 conv): mult-adds',
    printed: '4866M',
    printedValue: 4866,
    unit: M,
    decimals: 0,
    compute: () => mobilenetV1({ fullConv: true }).multAdds,
    reason:
      'Replacing each separable layer by a 3×3 conv gives 4,867,293,184 mult-adds (4867M). The printed 4866M matches the count without the FC layer (4,866,269,184), which the separable MobileNet\'s 569M does include.',
  },
  { id: 'v1-t4-conv-params', source: `${V1}, Table 4`, quantity: 'Conv MobileNet: parameters', printed: '29.3M', printedValue: 29.3, unit: M, decimals: 1, compute: () => mobilenetV1({ fullConv: true }).params },
  // --- MobileNet V1, Table 5: narrow vs shallow -----------------------------------------------
  { id: 'v1-t5-shallow-macs', source: `${V1}, Table 5`, quantity: 'Shallow MobileNet (no 5 × 14×14×512 separable layers): mult-adds', printed: '307M', printedValue: 307, unit: M, decimals: 0, compute: () => mobilenetV1({ shallow: true }).multAdds },
  { id: 'v1-t5-shallow-params', source: `${V1}, Table 5`, quantity: 'Shallow MobileNet: parameters', printed: '2.9M', printedValue: 2.9, unit: M, decimals: 1, compute: () => mobilenetV1({ shallow: true }).params },
  // --- MobileNet V1, Table 6: width multiplier ----------------------------------------------
  ...(
    [
      [1, 569, 4.2],
      [0.75, 325, 2.6],
      [0.5, 149, 1.3],
      [0.25, 41, 0.5],
    ] as const
  ).flatMap(([alpha, macs, params]): FigureSpec[] => [
    { id: `v1-t6-${alpha}-macs`, source: `${V1}, Table 6`, quantity: `${alpha} MobileNet-224: mult-adds`, printed: `${macs}M`, printedValue: macs, unit: M, decimals: 0, compute: () => mobilenetV1({ alpha }).multAdds },
    { id: `v1-t6-${alpha}-params`, source: `${V1}, Table 6`, quantity: `${alpha} MobileNet-224: parameters`, printed: `${params}M`, printedValue: params, unit: M, decimals: 1, compute: () => mobilenetV1({ alpha }).params },
  ]),
  // --- MobileNet V1, Table 7: resolution ------------------------------------------------------
  ...(
    [
      [192, 418],
      [160, 290],
      [128, 186],
    ] as const
  ).map(([resolution, macs]): FigureSpec => ({
    id: `v1-t7-${resolution}-macs`,
    source: `${V1}, Table 7`,
    quantity: `1.0 MobileNet-${resolution}: mult-adds`,
    printed: `${macs}M`,
    printedValue: macs,
    unit: M,
    decimals: 0,
    compute: () => mobilenetV1({ resolution }).multAdds,
    ...(resolution === 160
      ? { reason: 'At 160×160 the network has 290,675,200 mult-adds: 290.7M, printed 290M (rounded down, while 568.7M is printed 569M).' }
      : {}),
  })),
  { id: 'v1-t7-params', source: `${V1}, Table 7`, quantity: '1.0 MobileNet at any resolution: parameters', printed: '4.2M', printedValue: 4.2, unit: M, decimals: 1, compute: () => mobilenetV1({ resolution: 128 }).params },
  // --- MobileNet V1, Table 9 ------------------------------------------------------------------
  {
    id: 'v1-t9-0.5-160-macs',
    source: `${V1}, Table 9`,
    quantity: '0.50 MobileNet-160: mult-adds',
    printed: '76M',
    printedValue: 76,
    unit: M,
    decimals: 0,
    compute: () => mobilenetV1({ alpha: 0.5, resolution: 160 }).multAdds,
    reason: 'α = 0.5 at 160×160 gives 76,524,800 mult-adds: 76.5M, printed 76M (rounded down).',
  },
  { id: 'v1-t9-0.5-160-params', source: `${V1}, Table 9`, quantity: '0.50 MobileNet-160: parameters', printed: '1.32M', printedValue: 1.32, unit: M, decimals: 2, compute: () => mobilenetV1({ alpha: 0.5, resolution: 160 }).params },
  // --- MobileNetV2 ----------------------------------------------------------------------------
  {
    id: 'v2-t4-1.0-macs',
    source: `${V2}, Table 4`,
    quantity: 'MobileNetV2 (α = 1, 224): mult-adds',
    printed: '300M',
    printedValue: 300,
    unit: M,
    decimals: 0,
    compute: () => mobilenetV2().multAdds,
    reason: 'Table 2 gives 300,774,272 mult-adds: 300.8M, printed 300M (rounded down).',
  },
  {
    id: 'v2-t4-1.0-params',
    source: `${V2}, Table 4`,
    quantity: 'MobileNetV2 (α = 1): parameters',
    printed: '3.4M',
    printedValue: 3.4,
    unit: M,
    decimals: 1,
    compute: () => mobilenetV2().params,
    reason:
      'Weights + FC bias are 3,470,760 (3.47M, which rounds to 3.5M); torchvision reports 3,504,872 and Keras 3,538,984 because of BN. The paper rounds down.',
  },
  {
    id: 'v2-t4-1.4-macs',
    source: `${V2}, Table 4`,
    quantity: 'MobileNetV2 (1.4, 224): mult-adds',
    printed: '585M',
    printedValue: 585,
    unit: M,
    decimals: 0,
    compute: () => mobilenetV2({ alpha: 1.4 }).multAdds,
    reason:
      'Table 2 with α = 1.4 and the reference rounding (multiples of 8, last conv 1792) gives 582,195,824 mult-adds (582.2M); the paper does not say how it reaches 585M.',
  },
  {
    id: 'v2-t4-1.4-params',
    source: `${V2}, Table 4`,
    quantity: 'MobileNetV2 (1.4): parameters',
    printed: '6.9M',
    printedValue: 6.9,
    unit: M,
    decimals: 1,
    compute: () => mobilenetV2({ alpha: 1.4 }).params,
    reason:
      'Table 2 with α = 1.4 gives 6,060,840 weights + FC bias (Keras 6,156,712 with BN); no counting convention here reaches 6.9M.',
  },
  {
    id: 'v2-t4-v1-macs',
    source: `${V2}, Table 4`,
    quantity: 'MobileNetV1 (as listed in the V2 paper): mult-adds',
    printed: '575M',
    printedValue: 575,
    unit: M,
    decimals: 0,
    compute: () => mobilenetV1().multAdds,
    reason: 'The V1 paper prints 569M and its Table 1 gives 568,740,352; the V2 paper\'s 575M is not derived anywhere.',
  },
  {
    id: 'v2-s6-min-macs',
    source: `${V2}, §6.1`,
    quantity: 'smallest configuration (α = 0.35, 96×96): mult-adds',
    printed: '7M',
    printedValue: 7,
    unit: M,
    decimals: 0,
    compute: () => mobilenetV2({ alpha: 0.35, resolution: 96 }).multAdds,
    reason:
      'The text says costs range "from 7 multiply adds to 585M MAdds" over α 0.35–1.4 and 96–224; α = 0.35 at 96×96 gives 11,934,128 (11.9M) with the reference rounding.',
  },
  { id: 'v2-s6-min-params', source: `${V2}, §6.1`, quantity: 'smallest model (α = 0.35): parameters', printed: '1.7M', printedValue: 1.7, unit: M, decimals: 1, compute: () => mobilenetV2({ alpha: 0.35 }).params },
  // --- Xception -------------------------------------------------------------------------------
  {
    id: 'xception-t3-params',
    source: `${XC}, Table 3`,
    quantity: 'Xception parameter count (trainable: weights + FC bias + BN γ, β)',
    printed: '22,855,952',
    printedValue: 22855952,
    unit: 1,
    decimals: 0,
    compute: () => frameworkCounts(xception()).keras.trainable,
    reason: 'Xception counts trainable parameters, BN γ and β included (TensorFlow convention): weights + FC bias are 22,801,424.',
  },
  // --- Seeds ----------------------------------------------------------------------------------
  { id: 'article1-standard-params', source: `${ARTICLE1}, 普通卷积`, quantity: '227×227×3 input, 11×11 kernel, 6 outputs: parameters K²·C₀·C₁', printed: '2178', printedValue: 2178, unit: 1, decimals: 0, compute: () => convCost({ kind: 'standard', k: 11, cin: 3, cout: 6, inH: 227, stride: 4, padding: 'valid' }).params },
  { id: 'article1-standard-out', source: `${ARTICLE1}, 普通卷积`, quantity: 'output size (stride 4, no padding)', printed: '55', printedValue: 55, unit: 1, decimals: 0, compute: () => convCost({ kind: 'standard', k: 11, cin: 3, cout: 6, inH: 227, stride: 4, padding: 'valid' }).outH },
  {
    id: 'article1-standard-flops',
    source: `${ARTICLE1}, 普通卷积`,
    quantity: 'FLOPs 2·C₀·K²·H·W·C₁ (with bias)',
    printed: '13176900',
    printedValue: 13176900,
    unit: 1,
    decimals: 0,
    compute: () => convCost({ kind: 'standard', k: 11, cin: 3, cout: 6, inH: 227, stride: 4, padding: 'valid', bias: true }).flopsSeed,
    reason:
      'The example evaluates 2·C₀·K²·H·W·C₁, the count with bias; the formula it states, (2·C₀·K² − 1)·H·W·C₁ (no bias), gives 13,158,750. 2 × mult-adds is also 13,176,900.',
  },
  { id: 'article1-grouped-params', source: `${ARTICLE1}, 分组卷积`, quantity: 'G = 3: parameters K²·(C₀/G)·(C₁/G)·G', printed: '726', printedValue: 726, unit: 1, decimals: 0, compute: () => convCost({ kind: 'grouped', k: 11, cin: 3, cout: 6, groups: 3, inH: 227, stride: 4, padding: 'valid' }).params },
  {
    id: 'article1-grouped-flops',
    source: `${ARTICLE1}, 分组卷积`,
    quantity: 'G = 3: FLOPs (with bias, as the standard example)',
    printed: '2205225',
    printedValue: 2205225,
    unit: 1,
    decimals: 0,
    compute: () => convCost({ kind: 'grouped', k: 11, cin: 3, cout: 6, groups: 3, inH: 227, stride: 4, padding: 'valid', bias: true }).flopsSeed,
    reason:
      'Grouping divides the cost by G: 13,176,900 / 3 = 4,392,300 (without bias, 4,374,150). The seed\'s own formula [(2·11²·3/3 + 1)·55·55·6/3]·3 gives 4,410,450 (its "+1" should be 0 with bias, −1 without); the printed 2,205,225 = 243·55²·3 also drops the factor C₁/G = 2.',
  },
  {
    id: 'seed0-compute-ratio',
    source: `${ARTICLE0}, MobileNet-v1`,
    quantity: 'full-conv / separable MobileNet mult-adds ("compressed to 1/9"), as a factor',
    printed: '1/9',
    printedValue: 9,
    unit: 1,
    decimals: 0,
    compute: () => mobilenetV1({ fullConv: true }).multAdds / mobilenetV1().multAdds,
    reason:
      'Right only as a rounded factor: a 3×3 separable layer costs 1/N + 1/9 of a standard one, always more than 1/9 (9× is the limit as N → ∞); the whole network saves 4867.3M / 568.7M ≈ 8.56× (V1 Table 4).',
  },
  { id: 'seed0-params-ratio', source: `${ARTICLE0}, MobileNet-v1`, quantity: 'full-conv / separable MobileNet parameters ("compressed to 1/7"), as a factor', printed: '1/7', printedValue: 7, unit: 1, decimals: 0, compute: () => mobilenetV1({ fullConv: true }).params / mobilenetV1().params },
  { id: 'seed0-layers', source: `${ARTICLE0}, 网络结构`, quantity: 'MobileNet V1 layers', printed: '28', printedValue: 28, unit: 1, decimals: 0, compute: () => mobilenetV1().layers.length },
  { id: 'seed4-xception-convs', source: `${ARTICLE4}, 5 Xception`, quantity: 'Xception convolution layers (conv + separable, residual 1×1 excluded)', printed: '36', printedValue: 36, unit: 1, decimals: 0, compute: () => xception().layers.filter((l) => l.kind === 'conv' || l.kind === 'separable').length },
  { id: 'seed4-xception-modules', source: `${ARTICLE4}, 5 Xception`, quantity: 'Xception modules', printed: '14', printedValue: 14, unit: 1, decimals: 0, compute: () => new Set(xception().layers.filter((l) => l.block !== undefined).map((l) => l.block)).size },
];

function statusOf(printedValue: number, computed: number, unit: number, decimals: number): FigureStatus {
  const scale = 10 ** decimals;
  const printed = Math.round(printedValue * scale);
  const exact = (computed / unit) * scale;
  // A tiny tolerance absorbs float noise in computed / unit · 10^d (e.g. 1.32 · 100).
  if (Math.round(exact + 1e-9) === printed || Math.round(exact - 1e-9) === printed) return 'ok';
  if (Math.floor(exact + 1e-9) === printed) return 'truncated';
  return 'mismatch';
}

/** Every checked published figure with its computed value and status. */
export function paperFigures(): PaperFigure[] {
  return SPECS.map(({ compute, ...spec }) => {
    const computed = compute();
    return { ...spec, computed, status: statusOf(spec.printedValue, computed, spec.unit, spec.decimals) };
  });
}

/** The published figures the cost model does not reproduce (status ≠ 'ok'), each with its reason. */
export function paperGaps(): PaperFigure[] {
  return paperFigures().filter((f) => f.status !== 'ok');
}
