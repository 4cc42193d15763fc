/**
 * How Keras counts parameters, with the TeX of each count (numbers substituted) from the same
 * values. SeparableConv2D (Keras docs: depth_multiplier d, use_bias default True): a depthwise
 * D_K×D_K conv giving M·d channels, then a 1×1 conv M·d → N, and N biases; no BatchNorm or
 * activation between the two (Chollet 2017 §4.7). A model's count_params() adds 4 numbers per
 * BatchNorm channel (γ, β trainable; moving mean and variance not).
 */
import { frameworkCounts, type Architecture } from './architectures';
import { convCost } from './cost';
import { texInt } from './tex';

/** Parameters of one Keras SeparableConv2D layer, by part, and their TeX. */
export interface SeparableConv2dCount {
  depthwise: number;
  pointwise: number;
  bias: number;
  total: number;
  tex: string;
}

/** Params of SeparableConv2D(N, D_K, depth_multiplier=d, use_bias) on M channels: D_K²·M·d + M·d·N (+ N). */
export function separableConv2dParams({ k, m, n, depthMultiplier = 1, bias = true }: { k: number; m: number; n: number; depthMultiplier?: number; bias?: boolean }): SeparableConv2dCount {
  const dw = convCost({ kind: 'depthwise', k, cin: m, cout: m * depthMultiplier, inH: k, padding: 'valid' });
  const pw = convCost({ kind: 'pointwise', k: 1, cin: m * depthMultiplier, cout: n, inH: 1, bias });
  const d = depthMultiplier === 1 ? '' : ` \\cdot ${depthMultiplier}`;
  const tex =
    `${k}^2 \\cdot ${texInt(m)}${d} + ${texInt(m)}${d} \\cdot ${texInt(n)}` +
    (bias ? ` + ${texInt(n)}` : '') +
    ` = ${texInt(dw.paramsNoBias)} + ${texInt(pw.paramsNoBias)}` +
    (bias ? ` + ${texInt(pw.biasParams)}` : '') +
    ` = ${texInt(dw.paramsNoBias + pw.params)}`;
  return { depthwise: dw.paramsNoBias, pointwise: pw.paramsNoBias, bias: pw.biasParams, total: dw.paramsNoBias + pw.params, tex };
}

/** The words under the braces of `kerasTotalTex`, in the reader's language (src/i18n). */
export interface KerasTotalLabels {
  /** Under the network's own count: "weights + FC bias". */
  readonly weights: string;
  /** Under BatchNorm's non-trainable pair: "moving mean, variance". */
  readonly moving: string;
}

/** The TeX of P + 2·BN (trainable) + 2·BN (moving statistics) = Keras total, for a network. */
export function kerasTotalTex(arch: Pick<Architecture, 'params' | 'bnChannels' | 'bnLayers'>, labels: KerasTotalLabels): { tex: string; trainable: number; total: number } {
  const fw = frameworkCounts(arch);
  const tex =
    `\\underbrace{${texInt(arch.params)}}_{\\text{${labels.weights}}} + \\underbrace{2 \\cdot ${texInt(arch.bnChannels)}}_{\\gamma,\\ \\beta} = ${texInt(fw.keras.trainable)}` +
    ` \\\\ ${texInt(fw.keras.trainable)} + \\underbrace{2 \\cdot ${texInt(arch.bnChannels)}}_{\\text{${labels.moving}}} = ${texInt(fw.keras.total)}`;
  return { tex, trainable: fw.keras.trainable, total: fw.keras.total };
}
