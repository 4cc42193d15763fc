/**
 * The width multiplier α and the resolution multiplier ρ (Howard et al. 2017, §3.3–3.4, eq. 7):
 * one layer's cost D_K·D_K·αM·ρD_F·ρD_F + αM·αN·ρD_F·ρD_F with the reader's numbers, and how the
 * whole network's cost compares with α²ρ². The layer is the paper's Table 3 example (D_K 3,
 * M = N = 512, D_F 14: the seventh separable layer of MobileNet V1), taken from the network itself
 * so that αM and ρD_F are the integers the network really has: ⌊512·α⌋ channels, and the 14×14
 * map of a 224 input becomes ⌈res/16⌉ after four stride-2 layers.
 */
import { mobilenetV1, type Architecture } from './architectures';
import { convCost } from './cost';
import { texInt, texTerm, type TexLayout } from './tex';
import { CostError } from './errors';

/** One separable layer at α and ρ beside the same layer at α = 1, ρ = 1. */
export interface ScalingExample {
  /** KaTeX source: eq. 7 symbolic, then with numbers, then the two ratios. */
  tex: string;
  /** ρ = resolution / 224. */
  rho: number;
  /** αM = αN (the layer has M = N = 512 at α = 1) and ρD_F. */
  channels: number;
  featureSize: number;
  /** Depthwise and pointwise mult-adds of the scaled layer, and their sum. */
  depthwise: number;
  pointwise: number;
  multAdds: number;
  /** The same layer at α 1, 224 (52,283,392: Table 3, "Depthwise Separable Conv", 52.3M). */
  baseMultAdds: number;
  /** multAdds / baseMultAdds. */
  layerRatio: number;
  /** Whole network: mult-adds at (α, res) / at (1, 224). */
  networkRatio: number;
  /** α²·ρ², the approximation the paper gives. */
  alpha2rho2: number;
}

/** Table 3's layer: the pointwise half of the seventh separable layer (14×14×512 → 512 at 224). */
const LAYER = 'conv_pw_7';

function layerOf(arch: Architecture): { m: number; n: number; df: number } {
  const pw = arch.layers.find((l) => l.name === LAYER)!;
  return { m: pw.cin, n: pw.cout, df: pw.inH };
}

/** Round to 3 significant digits for the TeX. */
const sig3 = (x: number): string => String(Number(x.toPrecision(3)));

let base: Architecture | undefined;
/** MobileNet V1 at α 1, 224 (computed once). */
const baseline = (): Architecture => (base ??= mobilenetV1());

/**
 * alphaRhoEstimate(cost, α, ρ): a network's cost scaled by α²ρ², the paper's estimate for width
 * multiplier α and resolution multiplier ρ (Howard et al. 2017, §3.3 and §3.4). The exact count
 * differs: channels round to whole numbers and the first layer keeps its 3 input channels.
 */
export function alphaRhoEstimate(multAdds: number, alpha: number, rho: number): number {
  if (!(Number.isFinite(multAdds) && multAdds >= 0 && alpha > 0 && Number.isFinite(alpha) && rho > 0 && Number.isFinite(rho))) {
    throw new CostError('invalid-size', `α²ρ² scaling needs a cost from 0 and positive α and ρ, got ${String(multAdds)}, ${String(alpha)}, ${String(rho)}.`);
  }
  return multAdds * alpha * alpha * rho ** 2;
}

/**
 * scalingExample({ alpha, resolution }): eq. 7 for Table 3's layer with the reader's α and
 * resolution substituted, and the whole network's cost ratio beside α²ρ².
 * `arch`, if given, must be mobilenetV1({ alpha, resolution }) (saves building it again).
 * Throws CostError when α or the resolution leaves the network without a channel or a pixel.
 */
export function scalingExample(
  { alpha, resolution }: { alpha: number; resolution: number },
  arch: Architecture = mobilenetV1({ alpha, resolution }),
  layout: TexLayout = {},
): ScalingExample {
  const { m, n, df } = layerOf(arch);
  const layer = convCost({ kind: 'separable', k: 3, cin: m, cout: n, inH: df });
  const base = convCost({ kind: 'separable', k: 3, cin: 512, cout: 512, inH: 14 });
  const depthwise = layer.parts!.depthwise.multAdds;
  const pointwise = layer.parts!.pointwise.multAdds;
  const rho = resolution / 224;
  const networkRatio = arch.multAdds / baseline().multAdds;
  const alpha2rho2 = alpha * alpha * rho * rho;
  const layerRatio = layer.multAdds / base.multAdds;
  const dot = ' \\cdot ';
  // With terms: the depthwise and pointwise products, and α² and ρ², point at the figure's marks.
  const dw = (x: string) => texTerm('depthwise', x, layout.terms);
  const pw = (x: string) => texTerm('pointwise', x, layout.terms);
  const tex =
    `\\begin{aligned}` +
    `&${dw(`D_K${dot}D_K${dot}\\alpha M${dot}\\rho D_F${dot}\\rho D_F`)} + ${pw(`\\alpha M${dot}\\alpha N${dot}\\rho D_F${dot}\\rho D_F`)} \\\\` +
    `&= ${dw([3, 3, m, df, df].map(texInt).join(dot))} + ${pw([m, n, df, df].map(texInt).join(dot))}` +
    ` = ${dw(texInt(depthwise))} + ${pw(texInt(pointwise))} = ${texInt(layer.multAdds)} \\\\` +
    `&\\text{layer: } \\tfrac{${texInt(layer.multAdds)}}{${texInt(base.multAdds)}} \\approx ${sig3(layerRatio)},\\quad` +
    ` \\text{network: } ${sig3(networkRatio)},\\quad` +
    ` ${texTerm('alpha', '\\alpha^2', layout.terms)}${texTerm('rho', '\\rho^2', layout.terms)} = ${texTerm('alpha', `{${sig3(alpha)}}^2`, layout.terms)}${dot}${texTerm('rho', `{${sig3(rho)}}^2`, layout.terms)} \\approx ${sig3(alpha2rho2)}` +
    `\\end{aligned}`;
  return {
    tex,
    rho,
    channels: m,
    featureSize: df,
    depthwise,
    pointwise,
    multAdds: layer.multAdds,
    baseMultAdds: base.multAdds,
    layerRatio,
    networkRatio,
    alpha2rho2,
  };
}
