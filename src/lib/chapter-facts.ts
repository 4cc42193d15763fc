/**
 * The numbers the chapters and decks state in their prose, each computed here once so that the
 * sentence, its TeX and any figure showing the same quantity come from one function. A `Fact`
 * carries the exact value, the TeX of how it arises, and the text the prose prints.
 */
import { costByKind, mobilenetV1, mobilenetV2, V2_TABLE, xception, type Architecture } from './architectures';
import { convCost, rational, rationalToNumber, separableRatio, type Rational } from './cost';
import { formatInt, toSignificant } from './format';
import { errorCurve, reluRoundTrip, spiral } from './manifold';
import { BYTES_PER_ACTIVATION, table3, v2Memory } from './memory';
import { texInt, texRational } from './tex';
import { kerasSummary } from './worked-examples';
import { CostError } from './errors';

/** A number the prose states: its value, the TeX that derives it, and the text printed. */
export interface Fact<T = number> {
  readonly value: T;
  readonly tex: string;
  readonly text: string;
}

const pct = (x: number, digits = 2): string => `${toSignificant(100 * x, digits)}%`;

// --- Depthwise separable convolution ---------------------------------------------------------

/**
 * separableSaving({ k, n }): how many times fewer mult-adds a separable layer needs than a
 * standard one, the inverse of 1/N + 1/D_K² (Howard et al. 2017, §3.1): D_K²·N / (D_K² + N).
 * k 3, n 512 → 4608/521 ≈ 8.84.
 */
export function separableSaving({ k, n }: { k: number; n: number }): Fact<Rational> & { approx: number } {
  const r = separableRatio({ k, n });
  const value = rational(r.den, r.num);
  const approx = rationalToNumber(value);
  return {
    value,
    approx,
    tex: `\\frac{D_K^2 \\cdot N}{D_K^2 + N} = \\frac{${texInt(k * k)} \\cdot ${texInt(n)}}{${texInt(k * k)} + ${texInt(n)}} = ${texRational(value)} \\approx ${toSignificant(approx, 3)}`,
    text: `${toSignificant(approx, 3)}×`,
  };
}

/** One row of the "3×3 gives 8 to 9 times" table: N, the exact ratio and the saving. */
export interface SavingRow {
  readonly n: number;
  readonly ratio: Rational;
  readonly ratioText: string;
  readonly savingText: string;
}

/** separableSavings(k, ns): 1/N + 1/D_K² and its inverse for each N (the chapter's table). */
export function separableSavings(k: number, ns: readonly number[]): SavingRow[] {
  return ns.map((n) => {
    const ratio = separableRatio({ k, n });
    return {
      n,
      ratio,
      ratioText: `${ratio.num}/${ratio.den} ≈ ${toSignificant(rationalToNumber(ratio), 3)}`,
      savingText: separableSaving({ k, n }).text,
    };
  });
}

/**
 * minWidthForSaving(k, target): the smallest N at which a separable layer saves at least `target`
 * times: D_K²·N/(D_K² + N) ≥ s ⇔ N ≥ s·D_K²/(D_K² − s). k 3, target 8 → 72. Throws when the
 * target is the asymptote D_K² or beyond (no N reaches it).
 */
export function minWidthForSaving(k: number, target: number): Fact {
  const k2 = k * k;
  if (!(target < k2)) throw new RangeError(`minWidthForSaving: a ${k}×${k} layer never saves ${target}× (the limit is ${k2}×)`);
  const value = Math.ceil((target * k2) / (k2 - target));
  return { value, tex: `N \\ge \\frac{${target} \\cdot ${k2}}{${k2} - ${target}} = ${texInt(value)}`, text: formatInt(value) };
}

/**
 * v1FullConvSaving(): how many times fewer mult-adds and parameters MobileNet V1 needs than the same
 * network with every separable layer a full 3×3 convolution (Howard et al. 2017, Table 4).
 */
export function v1FullConvSaving(): { multAdds: Fact; params: Fact; fullMultAddsWithoutFc: number } {
  const full = mobilenetV1({ fullConv: true });
  const sep = mobilenetV1();
  const fact = (a: number, b: number): Fact => {
    const value = a / b;
    return { value, tex: `\\frac{${texInt(a)}}{${texInt(b)}} \\approx ${toSignificant(value, 3)}`, text: `${toSignificant(value, 3)}×` };
  };
  const fc = full.layers.find((l) => l.kind === 'fc')!;
  return { multAdds: fact(full.multAdds, sep.multAdds), params: fact(full.params, sep.params), fullMultAddsWithoutFc: full.multAdds - fc.multAdds };
}

/**
 * v1PointwiseParamShare(): the 1×1 layers' share of MobileNet V1's parameters, over the weights
 * alone (how Howard et al. 2017, Table 2 computes it: 74.59%) and over the weights plus the
 * classifier's bias (74.57%).
 */
export function v1PointwiseParamShare(): { weightsOnly: Fact; withBias: Fact } {
  const v1 = mobilenetV1();
  const pw = costByKind(v1).pointwise!.weights;
  const fact = (whole: number): Fact => {
    const value = pw / whole;
    return { value, tex: `\\frac{${texInt(pw)}}{${texInt(whole)}}`, text: `${(100 * value).toFixed(2)}%` };
  };
  return { weightsOnly: fact(v1.weights), withBias: fact(v1.params) };
}

/** compare(a, b): a as a share of b, as the prose states it ("80%"), to `digits` significant digits. */
export function compare(a: number, b: number, digits = 2): Fact {
  if (!Number.isFinite(a) || !Number.isFinite(b) || b === 0) throw new CostError('invalid-size', `A share needs finite numbers and a non-zero whole, got ${String(a)} of ${String(b)}.`);
  const value = a / b;
  return { value, tex: `\\frac{${texInt(a)}}{${texInt(b)}}`, text: pct(value, digits) };
}

/** factoredFreedom({ k, m, n }): free numbers of a general kernel (D_K²·M·N) and of a factored one (D_K²·M + M·N). */
export function factoredFreedom({ k, m, n }: { k: number; m: number; n: number }): { general: number; separable: number } {
  return {
    general: convCost({ kind: 'standard', k, cin: m, cout: n, inH: 1 }).params,
    separable: convCost({ kind: 'separable', k, cin: m, cout: n, inH: 1 }).params,
  };
}

/** Source article 004's six SeparableConv2D layers against the same layers as Conv2D (both with bias). */
export function article004Comparison(): { separable: number; standard: number; times: number } {
  const rows = kerasSummary().rows.filter((r) => r.type === 'SeparableConv2D');
  const separable = rows.reduce((s, r) => s + r.params, 0);
  const standard = rows.reduce((s, r) => s + (r.standardParams ?? 0), 0);
  return { separable, standard, times: standard / separable };
}

// --- Linear bottlenecks -----------------------------------------------------------------------

/**
 * lostFraction(n): the share of points of a 2-D manifold that ReLU(Tx) cannot give back when T is
 * an n×2 Gaussian matrix: fewer than two of the n rows are positive, P = (1 + n) / 2ⁿ.
 */
export function lostFraction(n: number): Fact<Rational> & { approx: number } {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`lostFraction: n must be a positive integer, got ${String(n)}`);
  const value = rational(BigInt(1 + n), 2n ** BigInt(n));
  const approx = rationalToNumber(value);
  return {
    value,
    approx,
    tex: `\\frac{1 + ${n}}{2^{${n}}} = ${texRational(value)}`,
    text: pct(approx),
  };
}

/** meanSquaredRadius(points): mean |x|² over the sampled spiral (the scale the errors compare with). */
export function meanSquaredRadius(points: number): number {
  const xy = spiral({ points }).points;
  let s = 0;
  for (let i = 0; i < xy.length; i += 2) s += xy[i] * xy[i] + xy[i + 1] * xy[i + 1];
  return s / (xy.length / 2);
}

/**
 * halfScaleLimit(points): the error the T⁺ round trip tends to as n grows. For Gaussian rows
 * E[t tᵀ 1{t·x > 0}] = ½ I, so T⁺ReLU(Tx) → ½ x and the error → |x/2|² averaged: a quarter of the
 * mean squared radius. For finite n the error is larger (the estimate of ½ x is noisy).
 */
export function halfScaleLimit(points: number): Fact {
  const r2 = meanSquaredRadius(points);
  const value = r2 / 4;
  return { value, tex: `\\tfrac14 \\cdot ${toSignificant(r2, 3)} = ${toSignificant(value, 3)}`, text: toSignificant(value, 3) };
}

/** meanError(n, seeds, points): the ReLU round trip's error averaged over seeds 1..seeds. */
export function meanError(n: number, seeds: number, points: number): number {
  return errorCurve({ dims: [n], seeds, points, activation: 'relu' })[0].mean;
}

/** meanActiveFraction(n, seeds, points): share of the n coordinates ReLU keeps, averaged over seeds 1..seeds. */
export function meanActiveFraction(n: number, seeds: number, points: number): number {
  let s = 0;
  for (let seed = 1; seed <= seeds; seed++) s += reluRoundTrip({ dim: n, seed, points }).activeFraction;
  return s / seeds;
}

// --- MobileNet V2 -------------------------------------------------------------------------------

/** Share of a network's mult-adds done by its 1×1 (pointwise) convolutions. */
export function pointwiseShare(arch: Pick<Architecture, 'layers' | 'multAdds'>): Fact {
  const value = (costByKind(arch).pointwise?.multAdds ?? 0) / arch.multAdds;
  return { value, tex: `${toSignificant(100 * value, 3)}\\%`, text: pct(value, 3) };
}

/** MobileNet V2's Table 2 as counted: bottleneck blocks, identity shortcuts, first block of each row. */
export function v2Structure(): { blocks: number; shortcuts: number; rowStart: number[] } {
  const v2 = mobilenetV2();
  return {
    blocks: V2_TABLE.reduce((a, r) => a + r.n, 0),
    shortcuts: v2.blocks!.filter((b) => b.shortcut).length,
    rowStart: V2_TABLE.map((_, r) => V2_TABLE.slice(0, r).reduce((a, x) => a + x.n, 0)),
  };
}

/** Bytes of one block's input + output at 16 bits, and of its expanded tensor (V2 §5). */
export function v2BlockMemory(index: number): { bytes: number; expandedBytes: number; tex: string } {
  const step = v2Memory(mobilenetV2())[index];
  return {
    bytes: step.bytes,
    expandedBytes: BYTES_PER_ACTIVATION * (step.expandedElements ?? 0),
    tex: `2 \\cdot (${step.inH}^2 \\cdot ${step.cin} + ${step.outH}^2 \\cdot ${step.cout})`,
  };
}

/**
 * The two readings of Sandler et al. 2018, Table 3's "1024/199" for MobileNet V1 at 7×7: one
 * 7×7×1024 tensor, or the input plus the output of the last pointwise layer (both 7×7×1024).
 */
export function v1At7Readings(): { oneTensor: number; inputPlusOutput: number } {
  const one = 7 * 7 * 1024 * BYTES_PER_ACTIVATION;
  return { oneTensor: one, inputPlusOutput: 2 * one };
}

/** The largest recomputed entry of each column of Sandler et al. 2018, Table 3 (printed: 1600K and 400K). */
export function table3ComputedMax(): { v1Kb: number; v2Kb: number } {
  const rows = table3();
  return { v1Kb: Math.max(...rows.map((r) => r.v1.computedKb)), v2Kb: Math.max(...rows.map((r) => r.v2.computedKb)) };
}

/** Kilobytes as the paper's Table 3 prints them (1 Kb = 1000 bytes), rounded to whole Kb. */
export function kb(bytes: number): string {
  return `${formatInt(Math.round(bytes / 1000))} KB`;
}

// --- Xception ---------------------------------------------------------------------------------

/** One point of Chollet's spectrum: a 1×1 convolution, then a 3×3 on S segments of the channels. */
export interface SpectrumRow {
  readonly segments: number;
  readonly mix: number;
  readonly spatial: number;
  readonly total: number;
}

/**
 * inceptionSpectrum(channels, segments, size): weights of a 1×1 convolution (M → M) followed by a
 * 3×3 convolution split into S groups (S = 1: regular, S = M: depthwise), Chollet 2017 §1.2.
 */
export function inceptionSpectrum(channels: number, segments: readonly number[], size = 19): SpectrumRow[] {
  return segments.map((s) => {
    const mix = convCost({ kind: 'pointwise', k: 1, cin: channels, cout: channels, inH: size }).params;
    const spatial =
      s === channels
        ? convCost({ kind: 'depthwise', k: 3, cin: channels, cout: channels, inH: size }).params
        : s === 1
          ? convCost({ kind: 'standard', k: 3, cin: channels, cout: channels, inH: size }).params
          : convCost({ kind: 'grouped', k: 3, cin: channels, cout: channels, groups: s, inH: size }).params;
    return { segments: s, mix, spatial, total: mix + spatial };
  });
}

/** How many times Xception's mult-adds and parameters exceed MobileNet V1's (each at its own input size). */
export function xceptionOverV1(): { multAdds: number; params: number } {
  const x = xception();
  const v1 = mobilenetV1();
  return { multAdds: x.multAdds / v1.multAdds, params: x.params / v1.params };
}
