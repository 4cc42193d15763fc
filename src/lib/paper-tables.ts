/**
 * Published numbers checked against the cost model. Each entry is a number as printed in a paper,
 * a framework's documentation or a source article (transcribed, with its table), and a function of
 * the cost model that computes it. `paperFigures()` evaluates them; `paperGaps()` keeps the ones
 * whose printed value is not the computed one rounded to the printed precision, with the likely
 * cause — the site's errata. Rows whose printed number is a ratio or difference of other printed
 * numbers (the papers' "32 times smaller") compute it from the transcribed tables.
 * Conventions: mult-adds count weights only; params are weights + FC bias unless said otherwise.
 */
import { SLIM_CHECKPOINTS } from './accuracy';
import { costByKind, frameworkCounts, mobilenetV1, mobilenetV2, V1_TABLE, xception } from './architectures';
import { convCost, rationalToNumber, separableRatio } from './cost';
import { formatInt, toSignificant } from './format';
import { BYTES_PER_ACTIVATION, largestTensorBySize, TABLE3_PRINTED } from './memory';
import {
  STANFORD_DOGS_CLASSES,
  V1_PLANET,
  V1_TABLE10,
  V1_TABLE12,
  V1_TABLE14,
  V2_TABLE4,
  V2_TABLE6,
  V2_TABLE7,
  type ResultRow,
} from './paper-results';

/** 'ok': printed = computed rounded to nearest; 'truncated': printed = computed rounded down; 'mismatch': neither. */
export type FigureStatus = 'ok' | 'truncated' | 'mismatch';

/** A printed number beside the value the cost model computes for it. */
export interface PaperFigure {
  id: string;
  /** Paper or seed, and table or section. */
  source: string;
  /** Key of the source in src/lib/references.ts (linked as /references/#key). */
  ref: string;
  /** The site's routes that quote the number (where a gap must be explained). */
  pages: readonly string[];
  /** What the number is. */
  quantity: string;
  /** As printed (e.g. '325M', '1.19%', '2205225'). */
  printed: string;
  /** The printed number in `unit`s. */
  printedValue: number;
  /** 1e6 for 'M', 1e9 for 'B', 1 for plain counts, ratios and percentages. */
  unit: number;
  /** Decimal places printed. */
  decimals: number;
  /** The printed precision in `unit`s when it is not 10^−decimals (e.g. 100 for Table 3's "1600"). */
  step?: number;
  /** The text states a bound ("more than 2.5 times", "within 3.5%"): computed must lie on that side. */
  bound?: 'at-least' | 'at-most';
  /** The cost model's value (exact count, or a percentage / ratio as a float). */
  computed: number;
  status: FigureStatus;
  /** Why printed and computed differ: the likely cause (only where they do, or where the convention needs saying). */
  reason?: string;
}

type FigureSpec = Omit<PaperFigure, 'computed' | 'status'> & { compute: () => number };

const V1 = 'MobileNet V1 (Howard et al. 2017, arXiv:1704.04861)';
const V2 = 'MobileNetV2 (Sandler et al. 2018, arXiv:1801.04381)';
const XC = 'Xception (Chollet 2017, arXiv:1610.02357)';
const KERAS = 'Keras Applications, table of models';
const SLIM1 = 'TF-slim mobilenet_v1.md, Pre-trained Models';
const SLIM2 = 'TF-slim mobilenet/README.md, MobileNet V2 ImageNet checkpoints';
const ARTICLE0 = 'Source article 000 (MobileNet-v1和MobileNet-v2)';
const ARTICLE1 = 'Source article 001 (mobileNetV1网络解析)';
const ARTICLE4 = 'Source article 004 (深度可分离卷积减小计算量)';

const P_STD = '/standard-convolution/';
const P_GRP = '/grouped-convolution/';
const P_SEP = '/depthwise-separable/';
const P_V1 = '/mobilenet-v1/';
const P_V2 = '/mobilenet-v2/';
const P_XC = '/xception/';
const P_LECT = '/lecture/';

const M = 1e6;
const B = 1e9;
const pct = (part: number, whole: number) => (100 * part) / whole;
const v1Kinds = () => {
  const arch = mobilenetV1();
  return { arch, by: costByKind(arch) };
};
// Table 3 of the V1 paper: one 14×14×512 → 14×14×512 layer with a 3×3 kernel.
const t3 = (kind: 'standard' | 'separable', channels: number, df: number) =>
  convCost({ kind, k: 3, cin: channels, cout: channels, inH: df });

/** MobileNet V1 without its classifier: the body that the application tables fit heads onto. */
export function v1Body(alpha: number, resolution: number): { multAdds: number; weights: number; firstConvMultAdds: number } {
  const arch = mobilenetV1({ alpha, resolution });
  const fc = arch.layers.find((l) => l.kind === 'fc')!;
  return {
    multAdds: arch.multAdds - fc.multAdds,
    weights: arch.weights - fc.weights,
    firstConvMultAdds: arch.layers[0].multAdds,
  };
}

/** Saving of one 3×3 separable layer with N outputs over a standard one: 1 / (1/N + 1/9) (§3.1). */
const saving3x3 = (n: number) => 1 / rationalToNumber(separableRatio({ k: 3, n }));
const v1PointwiseWidths = () => V1_TABLE.map(([filters]) => filters);

const row = (rows: readonly ResultRow[], label: string, nth = 0): ResultRow => rows.filter((r) => r.label === label)[nth]!;
const t4 = (label: string) => row(V2_TABLE4, label);
const t6 = (label: string) => V2_TABLE6.find((r) => r.label === label)!;
const t7 = (label: string, os: number, aspp = true) => V2_TABLE7.find((r) => r.label === label && r.os === os && r.aspp === aspp)!;
const xceptionTrainable = () => frameworkCounts(xception()).keras.trainable;

// TF-slim's V1 table (accuracy.ts): why the rows that differ from the count differ.
const SLIM_REASONS: Record<string, string> = {
  '0.75-224':
    'The count is 325,400,448 (325.4M, the paper\'s Table 6 prints 325M). All four 0.75 rows of the table equal the count without the first 3×3 convolution (8,128,512 mult-adds at 224), to the printed precision; the other widths include it.',
  '0.75-192': 'The count is 239,273,472; without the first 3×3 convolution (5,971,968) it is 233.3M, the printed value. See the 0.75-224 row.',
  '0.75-160': 'The count is 166,396,800; without the first 3×3 convolution (4,147,200) it is 162.2M, the printed value. See the 0.75-224 row.',
  '0.75-128': 'The count is 106,770,432; without the first 3×3 convolution (2,654,208) it is 104.1M, the printed value. See the 0.75-224 row.',
  '0.5-224': 'The count is 149,497,088: 149.5M to one decimal, and 150 only if that is rounded again (double rounding); to the nearest million it is 149M, as the paper\'s Table 6 prints.',
  '0.25-192':
    'The count is 30,212,608 (30.2M; 28.2M without the first convolution). No counting convention tried gives 34M, which is also out of line with its neighbours (41M at 224, 21M at 160).',
};
const SLIM_PARAM_REASON =
  'Weights + classifier bias (the paper\'s convention) give 4,210,088, 2,569,144, 1,320,648 and 464,600. All four printed values are matched by adding 3 numbers per BatchNorm channel (4,242,920; 2,593,768; 1,337,064; 472,808), and by no other whole number per channel (2 gives 4.23M and 1.33M, 4 gives 4.25M and 0.48M). The table does not say which three it counts.';

const SPECS: FigureSpec[] = [
  // --- MobileNet V1, §3.1–3.2 text ---------------------------------------------------------------
  {
    id: 'v1-s31-saving-min',
    source: `${V1}, §3.1`,
    ref: 'howard2017',
    pages: [P_SEP, P_V1],
    quantity: '"between 8 to 9 times less computation": the lowest saving of a 3×3 separable layer in MobileNet (N = 64)',
    printed: '8',
    printedValue: 8,
    unit: 1,
    decimals: 0,
    compute: () => saving3x3(Math.min(...v1PointwiseWidths())),
    reason: 'The first separable layer (N = 64) saves 1/(1/64 + 1/9) = 576/73 ≈ 7.89×, which rounds to 8; a layer saves 8× or more only from N = 72 on.',
  },
  {
    id: 'v1-s31-saving-max',
    source: `${V1}, §3.1`,
    ref: 'howard2017',
    pages: [P_SEP, P_V1],
    quantity: '"between 8 to 9 times": the highest saving (N = 1024)',
    printed: '9',
    printedValue: 9,
    unit: 1,
    decimals: 0,
    compute: () => saving3x3(Math.max(...v1PointwiseWidths())),
  },
  {
    id: 'v1-s32-pointwise-macs',
    source: `${V1}, §3.2`,
    ref: 'howard2017',
    pages: [P_V1],
    quantity: '"95% of its computation time in 1×1 convolutions" (a share of mult-adds, Table 2)',
    printed: '95%',
    printedValue: 95,
    unit: 1,
    decimals: 0,
    compute: () => {
      const { arch, by } = v1Kinds();
      return pct(by.pointwise!.multAdds, arch.multAdds);
    },
  },
  {
    id: 'v1-s32-pointwise-params',
    source: `${V1}, §3.2`,
    ref: 'howard2017',
    pages: [P_V1],
    quantity: '"which also has 75% of the parameters"',
    printed: '75%',
    printedValue: 75,
    unit: 1,
    decimals: 0,
    compute: () => {
      const { arch, by } = v1Kinds();
      return pct(by.pointwise!.weights, arch.weights);
    },
  },
  // --- MobileNet V1, Table 1 -----------------------------------------------------------------
  {
    id: 'v1-t1-dw13-stride',
    source: `${V1}, Table 1`,
    ref: 'howard2017',
    pages: [P_V1],
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
    ref: 'howard2017',
    pages: [P_V1],
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
      ref: 'howard2017',
      pages: [P_V1],
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
      ref: 'howard2017',
      pages: [P_V1],
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
  { id: 'v1-t3-standard-macs', source: `${V1}, Table 3`, ref: 'howard2017', pages: [P_V1], quantity: 'Convolution: mult-adds', printed: '462M', printedValue: 462, unit: M, decimals: 0, compute: () => t3('standard', 512, 14).multAdds },
  { id: 'v1-t3-standard-params', source: `${V1}, Table 3`, ref: 'howard2017', pages: [P_V1], quantity: 'Convolution: parameters', printed: '2.36M', printedValue: 2.36, unit: M, decimals: 2, compute: () => t3('standard', 512, 14).params },
  { id: 'v1-t3-separable-macs', source: `${V1}, Table 3`, ref: 'howard2017', pages: [P_V1], quantity: 'Depthwise separable conv: mult-adds', printed: '52.3M', printedValue: 52.3, unit: M, decimals: 1, compute: () => t3('separable', 512, 14).multAdds },
  { id: 'v1-t3-separable-params', source: `${V1}, Table 3`, ref: 'howard2017', pages: [P_V1], quantity: 'Depthwise separable conv: parameters', printed: '0.27M', printedValue: 0.27, unit: M, decimals: 2, compute: () => t3('separable', 512, 14).params },
  { id: 'v1-t3-alpha-macs', source: `${V1}, Table 3`, ref: 'howard2017', pages: [P_V1], quantity: 'α = 0.75 (M = N = 384): mult-adds', printed: '29.6M', printedValue: 29.6, unit: M, decimals: 1, compute: () => t3('separable', 384, 14).multAdds },
  { id: 'v1-t3-alpha-params', source: `${V1}, Table 3`, ref: 'howard2017', pages: [P_V1], quantity: 'α = 0.75 (M = N = 384): parameters', printed: '0.15M', printedValue: 0.15, unit: M, decimals: 2, compute: () => t3('separable', 384, 14).params },
  {
    id: 'v1-t3-rho-macs',
    source: `${V1}, Table 3`,
    ref: 'howard2017',
    pages: [P_V1],
    quantity: 'ρ = 0.714 (D_F = 10), α = 0.75: mult-adds',
    printed: '15.1M',
    printedValue: 15.1,
    unit: M,
    decimals: 1,
    compute: () => t3('separable', 384, 10).multAdds,
    reason: 'ρ = 0.714 is 10/14: the feature map is 10×10 (14 · 0.714 = 9.996).',
  },
  { id: 'v1-t3-rho-params', source: `${V1}, Table 3`, ref: 'howard2017', pages: [P_V1], quantity: 'ρ = 0.714, α = 0.75: parameters', printed: '0.15M', printedValue: 0.15, unit: M, decimals: 2, compute: () => t3('separable', 384, 10).params },
  // --- MobileNet V1, Table 4: depthwise separable vs full convolutions ------------------------
  {
    id: 'v1-t4-conv-macs',
    source: `${V1}, Table 4`,
    ref: 'howard2017',
    pages: [P_SEP, P_V1],
    quantity: 'Conv MobileNet (every separable layer a 3×3 conv): mult-adds',
    printed: '4866M',
    printedValue: 4866,
    unit: M,
    decimals: 0,
    compute: () => mobilenetV1({ fullConv: true }).multAdds,
    reason:
      'Replacing each separable layer by a 3×3 conv gives 4,867,293,184 mult-adds (4867M). The printed 4866M matches the count without the FC layer (4,866,269,184), which the separable MobileNet\'s 569M does include.',
  },
  { id: 'v1-t4-conv-params', source: `${V1}, Table 4`, ref: 'howard2017', pages: [P_V1], quantity: 'Conv MobileNet: parameters', printed: '29.3M', printedValue: 29.3, unit: M, decimals: 1, compute: () => mobilenetV1({ fullConv: true }).params },
  { id: 'v1-s41-accuracy-cost', source: `${V1}, §4.1`, ref: 'howard2017', pages: [P_V1], quantity: '"only reduces accuracy by 1%": Conv MobileNet minus MobileNet top-1 (Table 4, points)', printed: '1%', printedValue: 1, unit: 1, decimals: 0, compute: () => 71.7 - 70.6 },
  // --- MobileNet V1, Table 5: narrow vs shallow -----------------------------------------------
  { id: 'v1-t5-shallow-macs', source: `${V1}, Table 5`, ref: 'howard2017', pages: [P_V1], quantity: 'Shallow MobileNet (no 5 × 14×14×512 separable layers): mult-adds', printed: '307M', printedValue: 307, unit: M, decimals: 0, compute: () => mobilenetV1({ shallow: true }).multAdds },
  { id: 'v1-t5-shallow-params', source: `${V1}, Table 5`, ref: 'howard2017', pages: [P_V1], quantity: 'Shallow MobileNet: parameters', printed: '2.9M', printedValue: 2.9, unit: M, decimals: 1, compute: () => mobilenetV1({ shallow: true }).params },
  { id: 'v1-s41-thinner', source: `${V1}, §4.1`, ref: 'howard2017', pages: [P_V1], quantity: '"thinner is 3% better than shallower": 0.75 MobileNet minus Shallow MobileNet top-1 (Table 5, points)', printed: '3%', printedValue: 3, unit: 1, decimals: 0, compute: () => 68.4 - 65.3 },
  // --- MobileNet V1, Table 6: width multiplier ----------------------------------------------
  ...(
    [
      [1, 569, 4.2],
      [0.75, 325, 2.6],
      [0.5, 149, 1.3],
      [0.25, 41, 0.5],
    ] as const
  ).flatMap(([alpha, macs, params]): FigureSpec[] => [
    { id: `v1-t6-${alpha}-macs`, source: `${V1}, Table 6`, ref: 'howard2017', pages: [P_V1], quantity: `${alpha} MobileNet-224: mult-adds`, printed: `${macs}M`, printedValue: macs, unit: M, decimals: 0, compute: () => mobilenetV1({ alpha }).multAdds },
    { id: `v1-t6-${alpha}-params`, source: `${V1}, Table 6`, ref: 'howard2017', pages: [P_V1], quantity: `${alpha} MobileNet-224: parameters`, printed: `${params}M`, printedValue: params, unit: M, decimals: 1, compute: () => mobilenetV1({ alpha }).params },
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
    ref: 'howard2017',
    pages: [P_V1],
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
  { id: 'v1-t7-params', source: `${V1}, Table 7`, ref: 'howard2017', pages: [P_V1], quantity: '1.0 MobileNet at any resolution: parameters', printed: '4.2M', printedValue: 4.2, unit: M, decimals: 1, compute: () => mobilenetV1({ resolution: 128 }).params },
  // --- MobileNet V1, §4.2 on Tables 8 and 9 -------------------------------------------------
  {
    id: 'v1-t8-vgg-size',
    source: `${V1}, §4.2 (Table 8)`,
    ref: 'howard2017',
    pages: [P_V1],
    quantity: '"32 times smaller" than VGG 16: 138M (printed) / MobileNet\'s parameters',
    printed: '32',
    printedValue: 32,
    unit: 1,
    decimals: 0,
    compute: () => 138e6 / mobilenetV1().params,
    reason: '138M / 4,210,088 = 32.8 (138 / 4.2 = 32.9): "32" cuts the digits off; rounded it would be 33.',
  },
  { id: 'v1-t8-vgg-compute', source: `${V1}, §4.2 (Table 8)`, ref: 'howard2017', pages: [P_V1], quantity: '"27 times less compute intensive" than VGG 16: 15,300M (printed) / MobileNet\'s mult-adds', printed: '27', printedValue: 27, unit: 1, decimals: 0, compute: () => 15300e6 / mobilenetV1().multAdds },
  { id: 'v1-t8-googlenet-compute', source: `${V1}, §4.2 (Table 8)`, ref: 'howard2017', pages: [P_V1], quantity: '"more than 2.5 times less computation" than GoogleNet: 1550M (printed) / MobileNet\'s mult-adds', printed: '2.5', printedValue: 2.5, unit: 1, decimals: 1, bound: 'at-least', compute: () => 1550e6 / mobilenetV1().multAdds },
  // --- MobileNet V1, Table 9 ------------------------------------------------------------------
  {
    id: 'v1-t9-0.5-160-macs',
    source: `${V1}, Table 9`,
    ref: 'howard2017',
    pages: [P_V1],
    quantity: '0.50 MobileNet-160: mult-adds',
    printed: '76M',
    printedValue: 76,
    unit: M,
    decimals: 0,
    compute: () => mobilenetV1({ alpha: 0.5, resolution: 160 }).multAdds,
    reason: 'α = 0.5 at 160×160 gives 76,524,800 mult-adds: 76.5M, printed 76M (rounded down).',
  },
  { id: 'v1-t9-0.5-160-params', source: `${V1}, Table 9`, ref: 'howard2017', pages: [P_V1], quantity: '0.50 MobileNet-160: parameters', printed: '1.32M', printedValue: 1.32, unit: M, decimals: 2, compute: () => mobilenetV1({ alpha: 0.5, resolution: 160 }).params },
  { id: 'v1-t9-alexnet-size', source: `${V1}, §4.2 (Table 9)`, ref: 'howard2017', pages: [P_V1], quantity: '"45× smaller" than AlexNet: 60M (printed) / the parameters of 0.50 MobileNet-160', printed: '45', printedValue: 45, unit: 1, decimals: 0, compute: () => 60e6 / mobilenetV1({ alpha: 0.5, resolution: 160 }).params },
  { id: 'v1-t9-alexnet-compute', source: `${V1}, §4.2 (Table 9)`, ref: 'howard2017', pages: [P_V1], quantity: '"9.4× less compute" than AlexNet: 720M (printed) / the mult-adds of 0.50 MobileNet-160', printed: '9.4', printedValue: 9.4, unit: 1, decimals: 1, compute: () => 720e6 / mobilenetV1({ alpha: 0.5, resolution: 160 }).multAdds },
  { id: 'v1-t9-squeezenet-compute', source: `${V1}, §4.2 (Table 9)`, ref: 'howard2017', pages: [P_V1], quantity: '"22× less computation" than Squeezenet: 1700M (printed) / the mult-adds of 0.50 MobileNet-160', printed: '22', printedValue: 22, unit: 1, decimals: 0, compute: () => 1700e6 / mobilenetV1({ alpha: 0.5, resolution: 160 }).multAdds },
  {
    id: 'v1-t9-alexnet-accuracy',
    source: `${V1}, §4.2 (Table 9)`,
    ref: 'howard2017',
    pages: [P_V1],
    quantity: '"4% better than AlexNet": top-1 gain of 0.50 MobileNet-160 (points)',
    printed: '4%',
    printedValue: 4,
    unit: 1,
    decimals: 0,
    compute: () => 60.2 - 57.2,
    reason: 'Table 9 gives 60.2% against 57.2%: 3.0 points, or 5.2% relative. Neither is 4%.',
  },
  {
    id: 'v1-t9-squeezenet-accuracy',
    source: `${V1}, §4.2 (Table 9)`,
    ref: 'howard2017',
    pages: [P_V1],
    quantity: '"also 4% better than Squeezenet": top-1 gain (points)',
    printed: '4%',
    printedValue: 4,
    unit: 1,
    decimals: 0,
    compute: () => 60.2 - 57.5,
    reason: 'Table 9 gives 60.2% against 57.5%: 2.7 points, or 4.7% relative. Neither is 4%.',
  },
  // --- MobileNet V1, Tables 10–14: applications (the body from Table 1, heads as stated) --------
  ...V1_TABLE10.filter((r) => r.alpha !== undefined).flatMap((r): FigureSpec[] => {
    const arch = () => mobilenetV1({ alpha: r.alpha!, resolution: r.resolution!, classes: STANFORD_DOGS_CLASSES });
    const imagenet = r.macsM === 569 || r.macsM === 418;
    return [
      {
        id: `v1-t10-${r.alpha}-${r.resolution}-macs`,
        source: `${V1}, Table 10`,
        ref: 'howard2017',
        pages: [P_V1],
        quantity: `Stanford Dogs, ${r.label} with a 120-class classifier: mult-adds`,
        printed: `${r.macsM}M`,
        printedValue: r.macsM!,
        unit: M,
        decimals: 0,
        compute: () => arch().multAdds,
        ...(imagenet
          ? { reason: `${r.macsM}M is the 1000-class ImageNet count (Tables 6–7). With Stanford Dogs' 120 classes the classifier does ${formatInt(1024 * 120)} instead of ${formatInt(1024 * 1000)} mult-adds, a 0.2% smaller total.` }
          : {}),
      },
      ...(r.resolution === 224
        ? [
            {
              id: `v1-t10-${r.alpha}-params`,
              source: `${V1}, Table 10`,
              ref: 'howard2017',
              pages: [P_V1],
              quantity: `Stanford Dogs, ${r.alpha} MobileNet with a 120-class classifier: parameters`,
              printed: `${r.paramsM}M`,
              printedValue: r.paramsM!,
              unit: M,
              decimals: 1,
              compute: () => arch().params,
            },
          ]
        : []),
    ];
  }),
  { id: 'v1-s44-planet-body', source: `${V1}, §4.4`, ref: 'howard2017', pages: [P_V1], quantity: 'PlaNet MobileNet: "the usual 3 million [parameters] for the body"', printed: '3 million', printedValue: 3, unit: M, decimals: 0, compute: () => v1Body(1, 224).weights },
  {
    id: 'v1-s44-planet-macs',
    source: `${V1}, §4.4`,
    ref: 'howard2017',
    pages: [P_V1],
    quantity: 'PlaNet MobileNet: mult-adds of the body plus its "10 million" weight final layer (one mult-add per weight at a 1×1 position)',
    printed: V1_PLANET.mobilenet.printedMacs,
    printedValue: 0.58,
    unit: M,
    decimals: 2,
    compute: () => v1Body(1, 224).multAdds + V1_PLANET.mobilenet.finalLayerParamsM * M,
    reason: 'The body does 567,716,352 mult-adds and the 10-million-weight final layer 10 million more: 577.7 million, 0.58 billion. The printed unit "Million" should read billion.',
  },
  ...V1_TABLE12.filter((r) => r.alpha !== undefined).map(
    (r): FigureSpec => ({
      id: `v1-t12-${r.alpha}-${r.resolution}-macs`,
      source: `${V1}, Table 12`,
      ref: 'howard2017',
      pages: [P_V1],
      quantity: `Face attributes, ${r.label}: mult-adds of the body (the attribute head is not described)`,
      printed: `${r.macsM}M`,
      printedValue: r.macsM!,
      unit: M,
      decimals: 0,
      compute: () => v1Body(r.alpha!, r.resolution!).multAdds,
      ...(r.alpha === 0.25
        ? { reason: `The body alone does ${toSignificant(v1Body(r.alpha, r.resolution!).multAdds / M, 3)}M. The α = 1 and α = 0.5 rows match the body to within rounding, so a head does not explain the extra ${toSignificant(r.macsM! - v1Body(r.alpha, r.resolution!).multAdds / M, 2)}M; the paper does not say where it comes from.` }
        : r.alpha === 0.5 && r.resolution === 128
          ? { reason: 'The body does 48,648,192 mult-adds: 48.6M, printed 48M (rounded down).' }
          : {}),
    }),
  ),
  ...[1, 0.5, 0.25].map((alpha): FigureSpec => {
    const r = V1_TABLE12.find((x) => x.alpha === alpha)!;
    return { id: `v1-t12-${alpha}-params`, source: `${V1}, Table 12`, ref: 'howard2017', pages: [P_V1], quantity: `Face attributes, ${alpha} MobileNet: parameters of the body`, printed: `${r.paramsM}M`, printedValue: r.paramsM!, unit: M, decimals: 1, compute: () => v1Body(alpha, 224).weights };
  }),
  ...V1_TABLE14.filter((r) => r.alpha !== undefined).map((r, i): FigureSpec => {
    const reasons: Record<number, string> = {
      0: 'The body of 1.0 MobileNet at 160×160 alone does 289,651,200 mult-adds, more than the printed total; the row cannot be this network as Table 1 defines it.',
      2: 'Printed as "0.75 MobileNet-128", like the next row. The body at 0.75 and 128×128 does 106.0M; at 0.75 and 160×160 it does 165,628,800, 166M: the row is probably 0.75 MobileNet-160, mislabelled.',
      3: 'The body does 106,002,432 mult-adds (106.0M). The 2M more may be the embedding layer, which the paper does not describe.',
    };
    return {
      id: `v1-t14-${i + 1}-macs`,
      source: `${V1}, Table 14`,
      ref: 'howard2017',
      pages: [P_V1],
      quantity: `FaceNet distillation, row ${i + 2} ("${r.label}"): mult-adds of the body (the embedding head is not described)`,
      printed: `${r.macsM}M`,
      printedValue: r.macsM!,
      unit: M,
      decimals: 0,
      compute: () => v1Body(r.alpha!, r.resolution!).multAdds,
      ...(reasons[i] ? { reason: reasons[i] } : {}),
    };
  }),
  // --- TF-slim MobileNet V1 checkpoints (accuracy.ts transcribes the table) --------------------
  ...SLIM_CHECKPOINTS.map((p): FigureSpec => {
    const key = `${p.alpha}-${p.resolution}`;
    return {
      id: `slim-v1-${key}-macs`,
      source: SLIM1,
      ref: 'tf-slim-mobilenet-v1',
      pages: [P_V1],
      quantity: `MobileNet_v1_${p.alpha === 1 ? '1.0' : p.alpha === 0.5 ? '0.50' : p.alpha}_${p.resolution}: million MACs`,
      printed: String(p.printedMacsM),
      printedValue: p.printedMacsM,
      unit: M,
      decimals: 0,
      compute: () => mobilenetV1({ alpha: p.alpha!, resolution: p.resolution! }).multAdds,
      ...(SLIM_REASONS[key] ? { reason: SLIM_REASONS[key] } : {}),
    };
  }),
  ...SLIM_CHECKPOINTS.filter((p) => p.resolution === 224).map((p): FigureSpec => ({
    id: `slim-v1-${p.alpha}-params`,
    source: SLIM1,
    ref: 'tf-slim-mobilenet-v1',
    pages: [P_V1],
    quantity: `MobileNet_v1 α = ${p.alpha}: million parameters`,
    printed: p.printedParamsM.toFixed(2),
    printedValue: p.printedParamsM,
    unit: M,
    decimals: 2,
    compute: () => mobilenetV1({ alpha: p.alpha! }).params,
    reason: SLIM_PARAM_REASON,
  })),
  // --- MobileNetV2, Table 4 and §4, §6.1 -------------------------------------------------------
  {
    id: 'v2-t4-1.0-macs',
    source: `${V2}, Table 4 (and §4)`,
    ref: 'sandler2018',
    pages: [P_V2, P_XC],
    quantity: 'MobileNetV2 (α = 1, 224): mult-adds',
    printed: `${t4('MobileNetV2').macsM}M`,
    printedValue: t4('MobileNetV2').macsM!,
    unit: M,
    decimals: 0,
    compute: () => mobilenetV2().multAdds,
    reason: 'Table 2 gives 300,774,272 mult-adds: 300.8M, which rounds to 301M; the paper (and TF-slim\'s table of checkpoints) prints 300M, cutting the digits off.',
  },
  {
    id: 'v2-t4-1.0-params',
    source: `${V2}, Table 4 (and §4)`,
    ref: 'sandler2018',
    pages: [P_V2],
    quantity: 'MobileNetV2 (α = 1): parameters',
    printed: `${t4('MobileNetV2').paramsM}M`,
    printedValue: t4('MobileNetV2').paramsM!,
    unit: M,
    decimals: 1,
    compute: () => mobilenetV2().params,
    reason:
      'Weights + FC bias are 3,470,760: 3.47M (TF-slim prints 3.47), which rounds to 3.5M; the paper prints 3.4M, cutting the digits off. torchvision reports 3,504,872 and Keras 3,538,984 because of BN.',
  },
  {
    id: 'v2-t4-1.4-macs',
    source: `${V2}, Table 4 (and §4)`,
    ref: 'sandler2018',
    pages: [P_V2],
    quantity: 'MobileNetV2 (1.4, 224): mult-adds',
    printed: `${t4('MobileNetV2 (1.4)').macsM}M`,
    printedValue: t4('MobileNetV2 (1.4)').macsM!,
    unit: M,
    decimals: 0,
    compute: () => mobilenetV2({ alpha: 1.4 }).multAdds,
    reason:
      'Table 2 with α = 1.4 and the reference rounding (multiples of 8, last conv 1792) gives 582,195,824 mult-adds (582.2M), and TF-slim\'s table lists 582M for the released 1.4 checkpoint; the paper does not say how it reaches 585M.',
  },
  {
    id: 'v2-t4-1.4-params',
    source: `${V2}, Table 4 (and §4)`,
    ref: 'sandler2018',
    pages: [P_V2],
    quantity: 'MobileNetV2 (1.4): parameters',
    printed: `${t4('MobileNetV2 (1.4)').paramsM}M`,
    printedValue: t4('MobileNetV2 (1.4)').paramsM!,
    unit: M,
    decimals: 1,
    compute: () => mobilenetV2({ alpha: 1.4 }).params,
    reason:
      'Table 2 with α = 1.4 gives 6,060,840 weights + FC bias (Keras 6,156,712 with BN), and TF-slim\'s table lists 6.06M for the released checkpoint; no counting convention here reaches 6.9M.',
  },
  {
    id: 'v2-t4-v1-macs',
    source: `${V2}, Table 4`,
    ref: 'sandler2018',
    pages: [P_V2, P_XC],
    quantity: 'MobileNetV1 (as listed in the V2 paper): mult-adds',
    printed: `${t4('MobileNetV1').macsM}M`,
    printedValue: t4('MobileNetV1').macsM!,
    unit: M,
    decimals: 0,
    compute: () => mobilenetV1().multAdds,
    reason: 'The V1 paper prints 569M and its Table 1 gives 568,740,352; the V2 paper\'s 575M is 1.1% more and is not derived in either paper.',
  },
  { id: 'v2-t4-v1-params', source: `${V2}, Table 4`, ref: 'sandler2018', pages: [P_V2], quantity: 'MobileNetV1 (as listed in the V2 paper): parameters', printed: `${t4('MobileNetV1').paramsM}M`, printedValue: t4('MobileNetV1').paramsM!, unit: M, decimals: 1, compute: () => mobilenetV1().params },
  {
    id: 'v2-s6-min-macs',
    source: `${V2}, §4`,
    ref: 'sandler2018',
    pages: [P_V2],
    quantity: 'smallest configuration (α = 0.35, 96×96): "from 7 multiply adds"',
    printed: '7',
    printedValue: 7,
    unit: M,
    decimals: 0,
    compute: () => mobilenetV2({ alpha: 0.35, resolution: 96 }).multAdds,
    reason:
      'The text says costs range "from 7 multiply adds to 585M MAdds" over α 0.35–1.4 and 96–224, with no unit on the 7; α = 0.35 at 96×96 gives 11,934,128 (11.9M) with the reference rounding, and TF-slim\'s table prints 11 for that checkpoint.',
  },
  { id: 'v2-s6-min-params', source: `${V2}, §4`, ref: 'sandler2018', pages: [P_V2], quantity: 'smallest model (α = 0.35): parameters, "between 1.7M and 6.9M"', printed: '1.7M', printedValue: 1.7, unit: M, decimals: 1, compute: () => mobilenetV2({ alpha: 0.35 }).params },
  // --- MobileNetV2, Table 3: memory at 16 bits -------------------------------------------------
  ...TABLE3_PRINTED.flatMap(([size, c1, k1, c2, k2]): FigureSpec[] => {
    const step = (kb: number) => (kb >= 1000 ? 100 : kb % 100 === 0 && kb >= 100 ? 10 : 1);
    const reasons1: Record<number, string> = {
      7: `One 7×7×1024 tensor is ${formatInt(1024 * 49 * BYTES_PER_ACTIVATION)} bytes, 100 Kb; 199 is about twice that. Input plus output of the last pointwise layer, 2 · 7·7·1024 · 2 bytes = ${formatInt(2 * 1024 * 49 * BYTES_PER_ACTIVATION)} bytes ≈ 201 Kb, is within 1% of it, and is the reading the V2 column's 160 at 14×14 (64 + 96) and 320 at 7×7 (160 + 160) need.`,
    };
    const reasons2: Record<number, string> = {
      14: '160 channels · 14² · 2 bytes = 62,720 bytes: 62.7 Kb, printed 62 (rounded down).',
      7: '320 channels · 7² · 2 bytes = 31,360 bytes: 31.4 Kb, printed 32 (rounded up).',
      1: '1280 channels · 2 bytes = 2,560 bytes: 2.6 Kb, printed 2 (rounded down).',
    };
    return [
      { id: `v2-t3-v1-${size}-channels`, source: `${V2}, Table 3`, ref: 'sandler2018', pages: [P_V2], quantity: `MobileNetV1, largest tensor at ${size}×${size}: channels`, printed: String(c1), printedValue: c1, unit: 1, decimals: 0, compute: () => largestTensorBySize(mobilenetV1()).get(size)! },
      {
        id: `v2-t3-v1-${size}-kb`,
        source: `${V2}, Table 3`,
        ref: 'sandler2018',
        pages: [P_V2],
        quantity: `MobileNetV1 at ${size}×${size}: memory (Kb), ${c1} channels · ${size}² · 2 bytes`,
        printed: String(k1),
        printedValue: k1,
        unit: 1000,
        decimals: 0,
        step: step(k1),
        compute: () => largestTensorBySize(mobilenetV1()).get(size)! * size * size * BYTES_PER_ACTIVATION,
        ...(reasons1[size] ? { reason: reasons1[size] } : {}),
      },
      {
        id: `v2-t3-v2-${size}-kb`,
        source: `${V2}, Table 3`,
        ref: 'sandler2018',
        pages: [P_V2],
        quantity: `MobileNetV2 at ${size}×${size}: memory (Kb) of the printed ${c2} channels · ${size}² · 2 bytes`,
        printed: String(k2),
        printedValue: k2,
        unit: 1000,
        decimals: 0,
        step: step(k2),
        compute: () => c2 * size * size * BYTES_PER_ACTIVATION,
        ...(reasons2[size] ? { reason: reasons2[size] } : {}),
      },
    ];
  }),
  // --- MobileNetV2, §6.2–6.3 on Tables 6 and 7 (ratios of printed numbers) ---------------------
  { id: 'v2-t6-yolo-madds', source: `${V2}, §6.2 (Table 6)`, ref: 'sandler2018', pages: [P_V2], quantity: '"20× more efficient" than YOLOv2: YOLOv2 MAdd / MNet V2 + SSDLite MAdd', printed: '20×', printedValue: 20, unit: 1, decimals: 0, step: 10, compute: () => t6('YOLOv2').macsB / t6('MNet V2 + SSDLite').macsB },
  { id: 'v2-t6-yolo-params', source: `${V2}, §6.2 (Table 6)`, ref: 'sandler2018', pages: [P_V2], quantity: '"10× smaller" than YOLOv2: parameters, YOLOv2 / MNet V2 + SSDLite', printed: '10×', printedValue: 10, unit: 1, decimals: 0, step: 10, compute: () => t6('YOLOv2').paramsM / t6('MNet V2 + SSDLite').paramsM },
  {
    id: 'v2-t7-resnet-min',
    source: `${V2}, §6.3 (Table 7)`,
    ref: 'sandler2018',
    pages: [P_V2],
    quantity: '"about 4.9−5.7 times fewer MAdds than ResNet-101": the lower end, ResNet-101 / MNet V1 at output stride 8 with multi-scale inputs',
    printed: '4.9',
    printedValue: 4.9,
    unit: 1,
    decimals: 1,
    compute: () => t7('ResNet-101', 8).macsB / t7('MNet V1', 8).macsB,
    reason: 'Table 7 gives 4870.6B / 941.9B = 5.17 at output stride 8 and 81.0B / 14.25B = 5.68 at 16; no pair of its rows gives 4.9.',
  },
  { id: 'v2-t7-resnet-max', source: `${V2}, §6.3 (Table 7)`, ref: 'sandler2018', pages: [P_V2], quantity: '"4.9−5.7 times": the upper end, ResNet-101 / MNet V1 at output stride 16', printed: '5.7', printedValue: 5.7, unit: 1, decimals: 1, compute: () => t7('ResNet-101', 16).macsB / t7('MNet V1', 16).macsB },
  { id: 'v2-t7-v2-vs-v1', source: `${V2}, §6.3 (Table 7)`, ref: 'sandler2018', pages: [P_V2], quantity: '"about 2.5 times fewer operations than the MobileNetV1 counterparts": MNet V1 / MNet V2* at output stride 16 with ASPP', printed: '2.5', printedValue: 2.5, unit: 1, decimals: 1, compute: () => t7('MNet V1', 16).macsB / t7('MNet V2*', 16).macsB },
  // --- TF-slim MobileNet V2 checkpoints ---------------------------------------------------------
  { id: 'slim-v2-1.4-macs', source: SLIM2, ref: 'tf-slim-mobilenet-v2', pages: [P_V2], quantity: 'mobilenet_v2_1.4_224: MACs (M)', printed: '582', printedValue: 582, unit: M, decimals: 0, compute: () => mobilenetV2({ alpha: 1.4 }).multAdds },
  { id: 'slim-v2-1.4-params', source: SLIM2, ref: 'tf-slim-mobilenet-v2', pages: [P_V2], quantity: 'mobilenet_v2_1.4_224: parameters (M)', printed: '6.06', printedValue: 6.06, unit: M, decimals: 2, compute: () => mobilenetV2({ alpha: 1.4 }).params },
  { id: 'slim-v2-1.0-macs', source: SLIM2, ref: 'tf-slim-mobilenet-v2', pages: [P_V2], quantity: 'mobilenet_v2_1.0_224: MACs (M)', printed: '300', printedValue: 300, unit: M, decimals: 0, compute: () => mobilenetV2().multAdds, reason: '300,774,272 is 300.8M; the table cuts the digits off, as it does for every checkpoint (0.35_96: 11.93M printed 11).' },
  { id: 'slim-v2-1.0-params', source: SLIM2, ref: 'tf-slim-mobilenet-v2', pages: [P_V2], quantity: 'mobilenet_v2_1.0_224: parameters (M)', printed: '3.47', printedValue: 3.47, unit: M, decimals: 2, compute: () => mobilenetV2().params },
  { id: 'slim-v2-0.35-96-macs', source: SLIM2, ref: 'tf-slim-mobilenet-v2', pages: [P_V2], quantity: 'mobilenet_v2_0.35_96: MACs (M)', printed: '11', printedValue: 11, unit: M, decimals: 0, compute: () => mobilenetV2({ alpha: 0.35, resolution: 96 }).multAdds, reason: '11,934,128 is 11.9M; the table cuts the digits off.' },
  // --- Xception ---------------------------------------------------------------------------------
  { id: 'xception-s3-convs', source: `${XC}, §3`, ref: 'chollet2017', pages: [P_XC, P_LECT], quantity: '"36 convolutional layers" (2 conv + 34 separable; the residual 1×1 projections excluded)', printed: '36', printedValue: 36, unit: 1, decimals: 0, compute: () => xception().layers.filter((l) => l.kind === 'conv' || l.kind === 'separable').length },
  { id: 'xception-s3-separable', source: `${XC}, Fig. 5`, ref: 'chollet2017', pages: [P_XC, P_LECT], quantity: 'of which separable (SeparableConvolution boxes in Fig. 5)', printed: '34', printedValue: 34, unit: 1, decimals: 0, compute: () => xception().layers.filter((l) => l.kind === 'separable').length },
  { id: 'xception-s3-modules', source: `${XC}, §3`, ref: 'chollet2017', pages: [P_XC, P_LECT], quantity: '"structured into 14 modules"', printed: '14', printedValue: 14, unit: 1, decimals: 0, compute: () => new Set(xception().layers.filter((l) => l.block !== undefined).map((l) => l.block)).size },
  {
    id: 'xception-t3-params',
    source: `${XC}, Table 3`,
    ref: 'chollet2017',
    pages: [P_XC],
    quantity: 'Xception parameter count (trainable: weights + FC bias + BN γ, β)',
    printed: '22,855,952',
    printedValue: 22855952,
    unit: 1,
    decimals: 0,
    compute: xceptionTrainable,
    reason: 'Xception counts trainable parameters, BN γ and β included (TensorFlow convention): weights + FC bias are 22,801,424.',
  },
  { id: 'xception-s452-size', source: `${XC}, §4.5.2 (Table 3)`, ref: 'chollet2017', pages: [P_XC], quantity: '"approximately the same size (within 3.5%)": Inception V3\'s 23,626,728 (printed) over Xception\'s count, minus 1, in %', printed: '3.5%', printedValue: 3.5, unit: 1, decimals: 1, bound: 'at-most', compute: () => 100 * (23_626_728 / xceptionTrainable() - 1) },
  { id: 'xception-s451-jft', source: `${XC}, §4.5.1 (Table 2)`, ref: 'chollet2017', pages: [P_XC], quantity: '"4.3% relative improvement" on FastEval14k: 6.78 / 6.50 (with FC layers), minus 1, in %', printed: '4.3%', printedValue: 4.3, unit: 1, decimals: 1, compute: () => 100 * (6.78 / 6.5 - 1) },
  // --- Keras Applications ---------------------------------------------------------------------
  { id: 'keras-v1-params', source: KERAS, ref: 'keras-apps', pages: [P_V1], quantity: 'MobileNet: Parameters (count_params: weights + FC bias + 4 per BN channel)', printed: '4.3M', printedValue: 4.3, unit: M, decimals: 1, compute: () => frameworkCounts(mobilenetV1()).keras.total },
  { id: 'keras-v2-params', source: KERAS, ref: 'keras-apps', pages: [P_V2], quantity: 'MobileNetV2: Parameters', printed: '3.5M', printedValue: 3.5, unit: M, decimals: 1, compute: () => frameworkCounts(mobilenetV2()).keras.total },
  { id: 'keras-xception-params', source: KERAS, ref: 'keras-apps', pages: [P_XC], quantity: 'Xception: Parameters', printed: '22.9M', printedValue: 22.9, unit: M, decimals: 1, compute: () => frameworkCounts(xception()).keras.total },
  // --- Seeds ----------------------------------------------------------------------------------
  { id: 'article1-standard-params', source: `${ARTICLE1}, 普通卷积`, ref: 'article-001', pages: [P_STD], quantity: '227×227×3 input, 11×11 kernel, 6 outputs: parameters K²·C₀·C₁', printed: '2178', printedValue: 2178, unit: 1, decimals: 0, compute: () => convCost({ kind: 'standard', k: 11, cin: 3, cout: 6, inH: 227, stride: 4, padding: 'valid' }).params },
  { id: 'article1-standard-out', source: `${ARTICLE1}, 普通卷积`, ref: 'article-001', pages: [P_STD], quantity: 'output size (stride 4, no padding)', printed: '55', printedValue: 55, unit: 1, decimals: 0, compute: () => convCost({ kind: 'standard', k: 11, cin: 3, cout: 6, inH: 227, stride: 4, padding: 'valid' }).outH },
  {
    id: 'article1-standard-flops',
    source: `${ARTICLE1}, 普通卷积`,
    ref: 'article-001',
    pages: [P_STD, '/lecture/standard-convolution/'],
    quantity: 'FLOPs 2·C₀·K²·H·W·C₁ (with bias)',
    printed: '13176900',
    printedValue: 13176900,
    unit: 1,
    decimals: 0,
    compute: () => convCost({ kind: 'standard', k: 11, cin: 3, cout: 6, inH: 227, stride: 4, padding: 'valid', bias: true }).flopsSeed,
    reason:
      'The example evaluates 2·C₀·K²·H·W·C₁, the count with bias; the formula it states, (2·C₀·K² − 1)·H·W·C₁ (no bias), gives 13,158,750. 2 × mult-adds is also 13,176,900.',
  },
  { id: 'article1-grouped-params', source: `${ARTICLE1}, 分组卷积`, ref: 'article-001', pages: [P_GRP], quantity: 'G = 3: parameters K²·(C₀/G)·(C₁/G)·G', printed: '726', printedValue: 726, unit: 1, decimals: 0, compute: () => convCost({ kind: 'grouped', k: 11, cin: 3, cout: 6, groups: 3, inH: 227, stride: 4, padding: 'valid' }).params },
  {
    id: 'article1-grouped-flops',
    source: `${ARTICLE1}, 分组卷积`,
    ref: 'article-001',
    pages: [P_GRP],
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
    ref: 'article-000',
    pages: [P_V1],
    quantity: 'full-conv / separable MobileNet mult-adds ("compressed to 1/9"), as a factor',
    printed: '1/9',
    printedValue: 9,
    unit: 1,
    decimals: 0,
    compute: () => mobilenetV1({ fullConv: true }).multAdds / mobilenetV1().multAdds,
    reason:
      'Right only as a rounded factor: a 3×3 separable layer costs 1/N + 1/9 of a standard one, always more than 1/9 (9× is the limit as N → ∞); the whole network saves 4867.3M / 568.7M ≈ 8.56× (V1 Table 4).',
  },
  { id: 'seed0-params-ratio', source: `${ARTICLE0}, MobileNet-v1`, ref: 'article-000', pages: [P_V1], quantity: 'full-conv / separable MobileNet parameters ("compressed to 1/7"), as a factor', printed: '1/7', printedValue: 7, unit: 1, decimals: 0, compute: () => mobilenetV1({ fullConv: true }).params / mobilenetV1().params },
  { id: 'seed0-layers', source: `${ARTICLE0}, 网络结构`, ref: 'article-000', pages: [P_V1], quantity: 'MobileNet V1 layers', printed: '28', printedValue: 28, unit: 1, decimals: 0, compute: () => mobilenetV1().layers.length },
  { id: 'seed4-xception-convs', source: `${ARTICLE4}, 5 Xception`, ref: 'article-004', pages: [P_XC], quantity: 'Xception convolution layers (conv + separable, residual 1×1 excluded)', printed: '36', printedValue: 36, unit: 1, decimals: 0, compute: () => xception().layers.filter((l) => l.kind === 'conv' || l.kind === 'separable').length },
  { id: 'seed4-xception-modules', source: `${ARTICLE4}, 5 Xception`, ref: 'article-004', pages: [P_XC], quantity: 'Xception modules', printed: '14', printedValue: 14, unit: 1, decimals: 0, compute: () => new Set(xception().layers.filter((l) => l.block !== undefined).map((l) => l.block)).size },
];

/** The printed precision of a figure in its units: `step`, or 10^−decimals. */
export function precisionOf(f: Pick<PaperFigure, 'decimals' | 'step'>): number {
  return f.step ?? 10 ** -f.decimals;
}

function statusOf(spec: Omit<FigureSpec, 'compute'>, computed: number): FigureStatus {
  const value = computed / spec.unit;
  if (spec.bound === 'at-least') return value >= spec.printedValue ? 'ok' : 'mismatch';
  if (spec.bound === 'at-most') return value <= spec.printedValue ? 'ok' : 'mismatch';
  const step = precisionOf(spec);
  const printed = Math.round(spec.printedValue / step);
  const exact = value / step;
  // A tiny tolerance absorbs float noise in computed / unit / step (e.g. 1.32 / 0.01).
  if (Math.round(exact + 1e-9) === printed || Math.round(exact - 1e-9) === printed) return 'ok';
  if (Math.floor(exact + 1e-9) === printed) return 'truncated';
  return 'mismatch';
}

let cache: PaperFigure[] | undefined;

/** Every checked published figure with its computed value and status (computed once). */
export function paperFigures(): PaperFigure[] {
  cache ??= SPECS.map(({ compute, ...spec }) => {
    const computed = compute();
    return { ...spec, computed, status: statusOf(spec, computed) };
  });
  return cache.map((f) => ({ ...f }));
}

/** The published figures the cost model does not reproduce (status ≠ 'ok'), each with its reason. */
export function paperGaps(): PaperFigure[] {
  return paperFigures().filter((f) => f.status !== 'ok');
}

/** paperFigure(id): one checked figure; throws a RangeError for an unknown id (a typo in a page). */
export function paperFigure(id: string): PaperFigure {
  const f = paperFigures().find((x) => x.id === id);
  if (!f) throw new RangeError(`paperFigure: no printed number with id "${id}"`);
  return f;
}

/** Two significant digits, integers grouped: 996.1 → "1,000", 1.98 → "2.0". */
const twoDigits = (x: number): string => (x >= 10 ? formatInt(Number(x.toPrecision(2))) : x.toPrecision(2));

const SUFFIX: Record<number, string> = { [M]: 'M', [B]: 'B', 1000: ' Kb' };

/** The computed value to four significant digits (exact when an integer count): "568.7M", "1.906%", "32.78", "4,392,300". */
export function computedText(f: PaperFigure): string {
  if (f.unit === 1 && Number.isInteger(f.computed)) return formatInt(f.computed);
  const percent = f.printed.endsWith('%') ? '%' : '';
  return `${toSignificant(f.computed / f.unit, 4)}${SUFFIX[f.unit] ?? ''}${percent}`;
}

/** The table or section within the source: "Table 2" of "MobileNet V1 (Howard et al. 2017, arXiv:…), Table 2". */
export function sourcePlace(f: Pick<PaperFigure, 'source'>): string {
  const m = /^(.*?\)|[^,]+), (.*)$/.exec(f.source);
  return m ? m[2] : f.source;
}

/** (printed − computed) / computed: how far the printed number is from the count, as a fraction. */
export function relativeGap(f: PaperFigure): number {
  return (f.printedValue * f.unit - f.computed) / f.computed;
}

/** relativeGap(f) as a signed percentage to two significant digits: "+1.1%" (575M against 568,740,352), "−57%". */
export function signedGapPercent(f: PaperFigure): string {
  const gap = relativeGap(f);
  return `${gap > 0 ? '+' : '−'}${toSignificant(Math.abs(100 * gap), 2)}%`;
}

/** How far a printed number is from the count, in words-free parts: rounded down, about N times, or N% (higher or lower). */
export type GapSize = { kind: 'truncated' } | { kind: 'times' | 'percent'; higher: boolean; amount: string };

/**
 * gapSize(f): the size of a gap as the pages state it: 'truncated' for a number rounded down, a
 * factor to two significant digits when printed and computed differ by 2× or more, else the
 * relative difference in % to two significant digits (575M against 568,740,352: 1.1% higher).
 */
export function gapSize(f: PaperFigure): GapSize {
  if (f.status === 'truncated') return { kind: 'truncated' };
  const gap = relativeGap(f);
  const ratio = 1 + gap;
  return ratio >= 2 || ratio <= 0.5
    ? { kind: 'times', higher: gap > 0, amount: twoDigits(Math.max(ratio, 1 / ratio)) }
    : { kind: 'percent', higher: gap > 0, amount: toSignificant(Math.abs(100 * gap), 2) };
}

/**
 * gapText(f): one sentence for the page where the number appears — what is printed, what the cost
 * model gives, how far apart they are, and the likely cause, e.g. "Printed 575M; computed 568.7M
 * (the printed value is 1.1% higher). The V1 paper prints 569M …".
 */
export function gapText(f: PaperFigure): string {
  const g = gapSize(f);
  const size =
    g.kind === 'truncated'
      ? 'rounded down'
      : g.kind === 'times'
        ? `the printed value is about ${g.amount} times ${g.higher ? 'higher' : 'lower'}`
        : `the printed value is ${g.amount}% ${g.higher ? 'higher' : 'lower'}`;
  return `Printed ${f.printed}; computed ${computedText(f)} (${size}).${f.reason ? ` ${f.reason}` : ''}`;
}
