/**
 * The worked examples of the source articles, recomputed with the cost model, with the numbers
 * the articles print beside them. The chapters show both and explain the difference.
 *
 * - Source article 001: a 227×227×3 input, an 11×11 kernel, 6 output channels, 55×55 output
 *   (AlexNet conv1's geometry with 6 filters: stride 4, no padding, Krizhevsky et al. 2012), and the
 *   same layer with G = 3 groups.
 * - Source article 004: a Keras Sequential model of six SeparableConv2D layers on 64×64×3 with
 *   10 classes; Keras counts K²·M + M·N + N per SeparableConv2D (bias on the pointwise part only).
 */
import { convCost, type ConvCost } from './cost';
import { groupedMacsTex, groupedParamsTex, standardMacsTex, standardParamsTex, texInt } from './tex';

/** The layer of source article 001's example. */
export const ARTICLE_001_LAYER = { k: 11, cin: 3, cout: 6, inH: 227, stride: 4, padding: 'valid', groups: 3 } as const;

/** Numbers as source article 001 prints them. */
export const ARTICLE_001_PRINTED = {
  params: 2178,
  flops: 13_176_900,
  groupedParams: 726,
  groupedFlops: 2_205_225,
} as const;

/** Source article 001's example, recomputed. */
export interface Article001 {
  /** Standard, no bias (the article's params 2178 are without bias). */
  readonly standard: ConvCost;
  readonly standardBias: ConvCost;
  /** G = 3, no bias. */
  readonly grouped: ConvCost;
  readonly groupedBias: ConvCost;
  /** The article's grouped formula [(2·K²·C₀/G + 1)·H·W·C₁/G]·G, evaluated as printed. */
  readonly groupedPlusOne: number;
  /** What its printed 2,205,225 is: (2·K²·C₀/G + 1)·H·W·G, the factor C₁/G = 2 left out. */
  readonly groupedPrintedReading: number;
}

/** article001(): the standard and grouped layers of source article 001 through convCost. */
export function article001(): Article001 {
  const { k, cin, cout, inH, stride, padding, groups } = ARTICLE_001_LAYER;
  const base = { k, cin, cout, inH, stride, padding } as const;
  const standard = convCost({ kind: 'standard', ...base });
  const standardBias = convCost({ kind: 'standard', ...base, bias: true });
  const grouped = convCost({ kind: 'grouped', ...base, groups });
  const groupedBias = convCost({ kind: 'grouped', ...base, groups, bias: true });
  const fanIn = (k * k * cin) / groups;
  const positions = grouped.outH * grouped.outW;
  return {
    standard,
    standardBias,
    grouped,
    groupedBias,
    groupedPlusOne: (2 * fanIn + 1) * positions * (cout / groups) * groups,
    groupedPrintedReading: (2 * fanIn + 1) * positions * groups,
  };
}

/** TeX lines of source article 001's example: params, mult-adds and both FLOP counts, each with its numbers. */
export interface Article001Tex {
  readonly params: string;
  readonly multAdds: string;
  readonly flops2x: string;
  /** The article's no-bias count (2·C₀·K²/G − 1)·H·W·C₁. */
  readonly flopsSeed: string;
}

/**
 * article001Tex(): the standard and the G = 3 layer of source article 001 as TeX, the numbers
 * substituted from ARTICLE_001_LAYER and every result from convCost (through tex.ts), so the
 * chapters print no number of their own.
 */
export function article001Tex(): { standard: Article001Tex; grouped: Article001Tex } {
  const { k, cin, cout, groups } = ARTICLE_001_LAYER;
  const ex = article001();
  const out = ex.standard.outH;
  const dot = ' \\cdot ';
  const flops = (c: ConvCost, g: number): string =>
    `\\left(2${dot}${texInt(k)}^2${dot}${g === 1 ? texInt(cin) : `\\tfrac{${texInt(cin)}}{${texInt(g)}}`} - 1\\right)${dot}${texInt(out)}${dot}${texInt(out)}${dot}${texInt(cout)} = ${texInt(c.flopsSeed)}`;
  return {
    standard: {
      params: standardParamsTex({ k, m: cin, n: cout }).tex,
      multAdds: standardMacsTex({ k, m: cin, n: cout, df: out }).tex,
      flops2x: `2 \\cdot \\text{mult-adds} = ${texInt(ex.standard.flops2x)}`,
      flopsSeed: flops(ex.standard, 1),
    },
    grouped: {
      params: groupedParamsTex({ k, m: cin, n: cout, g: groups }).tex,
      multAdds: groupedMacsTex({ k, m: cin, n: cout, g: groups, df: out }).tex,
      flops2x: `2 \\cdot \\text{mult-adds} = ${texInt(ex.grouped.flops2x)}`,
      flopsSeed: flops(ex.grouped, groups),
    },
  };
}

/** TeX of the output size ⌊(D − D_K)/s⌋ + 1 with numbers (padding 'valid'). */
export function validOutputTex({ inH, k, stride }: { inH: number; k: number; stride: number }): string {
  const c = convCost({ kind: 'standard', k, cin: 1, cout: 1, inH, stride, padding: 'valid' });
  return `\\left\\lfloor \\frac{${texInt(inH)} - ${texInt(k)}}{${texInt(stride)}} \\right\\rfloor + 1 = ${texInt(c.outH)}`;
}

/** One layer of source article 004's Keras model as `model.summary()` would list it. */
export interface KerasRow {
  readonly name: string;
  readonly type: 'SeparableConv2D' | 'MaxPooling2D' | 'GlobalAveragePooling2D' | 'Dense';
  /** Output shape without the batch axis: [H, W, C] or [C]. */
  readonly shape: readonly number[];
  readonly params: number;
  /** Mult-adds over the weights (no bias). */
  readonly multAdds: number;
  /** For SeparableConv2D: depthwise weights, pointwise weights, bias. */
  readonly parts?: { depthwise: number; pointwise: number; bias: number };
  /** The same layer as a standard Conv2D with bias (for the comparison). */
  readonly standardParams?: number;
}

type KerasLayer = { type: 'sep'; filters: number } | { type: 'pool' } | { type: 'gap' } | { type: 'dense'; units: number };

/** Source article 004's model, in order (kernel 3, padding 'valid', Keras defaults). */
export const ARTICLE_004_MODEL: readonly KerasLayer[] = [
  { type: 'sep', filters: 32 },
  { type: 'sep', filters: 64 },
  { type: 'pool' },
  { type: 'sep', filters: 64 },
  { type: 'sep', filters: 128 },
  { type: 'pool' },
  { type: 'sep', filters: 64 },
  { type: 'sep', filters: 128 },
  { type: 'gap' },
  { type: 'dense', units: 32 },
  { type: 'dense', units: 10 },
];

/**
 * kerasSummary({ size, channels }): source article 004's model summed layer by layer with
 * convCost. SeparableConv2D (kernel 3, 'valid', use_bias=True): K²·M + M·N + N; MaxPooling2D(2):
 * ⌊D/2⌋; Dense: M·N + N (a 1×1 standard layer with bias).
 */
export function kerasSummary({ size = 64, channels = 3 }: { size?: number; channels?: number } = {}): { rows: KerasRow[]; total: number; totalMultAdds: number } {
  const rows: KerasRow[] = [];
  const counters = { sep: 0, pool: 0, gap: 0, dense: 0 };
  const suffix = (kind: keyof typeof counters): string => (counters[kind]++ === 0 ? '' : `_${counters[kind] - 1}`);
  let d = size;
  let c = channels;
  for (const layer of ARTICLE_004_MODEL) {
    if (layer.type === 'sep') {
      const cost = convCost({ kind: 'separable', k: 3, cin: c, cout: layer.filters, inH: d, padding: 'valid', bias: true });
      const std = convCost({ kind: 'standard', k: 3, cin: c, cout: layer.filters, inH: d, padding: 'valid', bias: true });
      const parts = cost.parts!;
      d = cost.outH;
      c = layer.filters;
      rows.push({
        name: `separable_conv2d${suffix('sep')}`,
        type: 'SeparableConv2D',
        shape: [d, d, c],
        params: cost.params,
        multAdds: cost.multAdds,
        parts: { depthwise: parts.depthwise.params, pointwise: parts.pointwise.paramsNoBias, bias: cost.biasParams },
        standardParams: std.params,
      });
    } else if (layer.type === 'pool') {
      d = Math.floor(d / 2);
      rows.push({ name: `max_pooling2d${suffix('pool')}`, type: 'MaxPooling2D', shape: [d, d, c], params: 0, multAdds: 0 });
    } else if (layer.type === 'gap') {
      d = 1;
      rows.push({ name: `global_average_pooling2d${suffix('gap')}`, type: 'GlobalAveragePooling2D', shape: [c], params: 0, multAdds: 0 });
    } else {
      const cost = convCost({ kind: 'standard', k: 1, cin: c, cout: layer.units, inH: 1, bias: true });
      c = layer.units;
      rows.push({ name: `dense${suffix('dense')}`, type: 'Dense', shape: [c], params: cost.params, multAdds: cost.multAdds });
    }
  }
  return {
    rows,
    total: rows.reduce((s, r) => s + r.params, 0),
    totalMultAdds: rows.reduce((s, r) => s + r.multAdds, 0),
  };
}
