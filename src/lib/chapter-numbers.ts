/**
 * What each chapter's prose prints, one function per chapter: the chapter imports its numbers
 * from here (`export const { … } = mobilenetV2Numbers();`) and computes none itself, so an English
 * and a Chinese page of the same chapter print the same values. The facts themselves live in
 * chapter-facts.ts, the cost model and the paper tables; this module only gathers them.
 */
import { PAPER_MOBILENETS, PAPER_VARIANTS } from './accuracy';
import { XCEPTION_TABLE, costByKind, frameworkCounts, mobilenetV1, mobilenetV2, xception, type Architecture } from './architectures';
import { bottleneckMaddsTex, invertedResidual, moduleParams, residualBottleneck } from './blocks';
import { groupedMacsTex, groupedParamsTex } from './tex';
import {
  article004Comparison,
  factoredFreedom,
  halfScaleLimit,
  inceptionSpectrum,
  meanActiveFraction,
  meanSquaredRadius,
  minWidthForSaving,
  pointwiseShare,
  separableSaving,
  separableSavings,
  table3ComputedMax,
  v1At7Readings,
  v1FullConvSaving,
  v1PointwiseParamShare,
  v2BlockMemory,
  v2Structure,
  xceptionOverV1,
} from './chapter-facts';
import { convCost, rationalToNumber, separableRatio, type Rational } from './cost';
import { formatInt, formatPercent, toSignificant } from './format';
import { kerasTotalTex, separableConv2dParams, type KerasTotalLabels } from './keras-counts';
import { errorCurve, lostCurve, predictedLostFraction, type ErrorCurvePoint } from './manifold';
import { largestTensorBySize, peak, table3, v1Memory, v2Memory } from './memory';
import { V1_TABLE10, V1_TABLE11, V1_TABLE12, V1_TABLE13, V2_TABLE4, V2_TABLE6, V2_TABLE7 } from './paper-results';
import { paperFigure, relativeGap, type PaperFigure } from './paper-tables';
import { article001, article001Tex, kerasSummary } from './worked-examples';

/** A row of a paper table looked up by its label; throws if the table has no such row (a typo in a chapter). */
function row<T>(rows: readonly T[], match: (r: T) => boolean, what: string): T {
  const found = rows.find(match);
  if (!found) throw new Error(`chapter numbers: no row ${what}`);
  return found;
}

/** A value as a percentage with two significant figures: 0.0123 → "1.2%". */
export const percent = (x: number): string => `${toSignificant(100 * x, 2)}%`;

/** One decimal, as the papers print their scores. */
export const oneDecimal = (x: number): string => x.toFixed(1);

/** Chapter 1, standard convolution: the source article's worked example (Krizhevsky et al. 2012's first layer). */
export function standardConvolutionNumbers() {
  const ex = article001();
  return { ex, std: ex.standard, tx: article001Tex().standard };
}

/** Chapter 2, grouped convolution: the same worked example split into groups. */
export function groupedConvolutionNumbers() {
  const ex = article001();
  return { ex, g: ex.grouped, tx: article001Tex().grouped };
}

/** Chapter 3, depthwise separable convolution (Howard et al. 2017, §3.1). */
export function depthwiseSeparableNumbers() {
  return {
    keras: kerasSummary(),
    a004: article004Comparison(),
    threeByThree: separableSavings(3, [32, 64, 128, 256, 512, 1024]),
    dof: factoredFreedom({ k: 3, m: 32, n: 64 }),
    first: separableSaving({ k: 3, n: 64 }),
    eightFrom: minWidthForSaving(3, 8),
    t4conv: paperFigure('v1-t4-conv-macs'),
    t4sep: paperFigure('v1-t6-1-macs'),
    whole: v1FullConvSaving(),
  };
}

/** How the chapters mark a printed number against the computed one: ↓ rounded down, ✗ differs. */
export function printedMark(f: PaperFigure): string {
  return f.status === 'ok' ? f.printed : f.status === 'truncated' ? `${f.printed} ↓` : `${f.printed} ✗`;
}

/** Chapter 4, MobileNet V1 (Howard et al. 2017, Tables 1–14). */
export function mobilenetV1Numbers() {
  const v1 = mobilenetV1();
  const kinds = costByKind(v1);
  const fw = frameworkCounts(v1);
  const slim075 = ['224', '192', '160', '128'].map((r) => paperFigure(`slim-v1-0.75-${r}-macs`));
  return {
    v1,
    kinds,
    fw,
    whole: v1FullConvSaving(),
    pwShare: v1PointwiseParamShare(),
    pf: paperFigure,
    /** A Table 2 share as the chapter prints it: two decimals and a percent sign. */
    share: (id: string) => `${paperFigure(id).computed.toFixed(2)}%`,
    top1: (id: string) => row([...PAPER_MOBILENETS, ...PAPER_VARIANTS], (p) => p.id === id, id).top1,
    printedMark,
    v1Latency: row(V2_TABLE4, (r) => r.label === 'MobileNetV1', 'MobileNetV1 in V2 Table 4').ms,
    dogs: (label: string) => row(V1_TABLE10, (r) => r.label === label, label),
    face: (label: string) => row(V1_TABLE12, (r) => r.label === label, label),
    det: (framework: string, model: string) => row(V1_TABLE13, (r) => r.framework === framework && r.model.toLowerCase() === model.toLowerCase(), `${framework} ${model}`),
    planetAt: (scale: string) => row(V1_TABLE11, (r) => r.scale.startsWith(scale), scale),
    d1: oneDecimal,
    APP_GAPS: ['v1-t10-1-224-macs', 'v1-s44-planet-macs', 'v1-t12-0.25-224-macs', 'v1-t12-0.25-128-macs', 'v1-t14-1-macs', 'v1-t14-3-macs', 'v1-t14-4-macs'],
    SLIM_075: slim075,
    /** How much more the slim checkpoints' counts are than the printed ones, in percent (all four the same). */
    slim075MorePercent: toSignificant(-100 * relativeGap(slim075[0]), 2),
    /** Weights of the convolutions alone (first 3×3, depthwise, pointwise): the classifier left out. */
    convWeights: (['conv', 'depthwise', 'pointwise'] as const).reduce((sum, kind) => sum + (kinds[kind]?.weights ?? 0), 0),
    /** PyTorch's count with a bias on every convolution, as the source article's code builds it: one per BN channel. */
    pytorchWithConvBias: fw.pytorch.parameters + v1.bnChannels,
  };
}

/** Chapter 5, linear bottlenecks: the spiral experiment (Sandler et al. 2018, Fig. 1) at `points` points. */
export function linearBottlenecksNumbers(points: number) {
  const dims = [2, 3, 5, 15, 30, 64];
  const active = errorCurve({ dims, seeds: 6, points, activation: 'relu', inverse: 'active' });
  const at = (curve: readonly ErrorCurvePoint[], n: number): ErrorCurvePoint => row(curve, (p) => p.dim === n, `n = ${n}`);
  const activeAt30 = at(active, 30).mean;
  return {
    relu: errorCurve({ dims, seeds: 6, points, activation: 'relu' }),
    active,
    at,
    meanSq: meanSquaredRadius(points),
    limit: halfScaleLimit(points),
    approach: errorCurve({ dims: [15, 30, 64], seeds: 300, points, activation: 'relu' }),
    kept: (n: number) => meanActiveFraction(n, 20, 500),
    /** Of 200 random T at n = 15, how many lose no point at all. */
    unharmed15: Array.from(lostCurve({ dims: [15], seeds: 200, points })[0].fractions).filter((f) => f === 0).length,
    pct: percent,
    /** The error of the active-rows inverse at n = 30: rounding only, printed as 0 below 10⁻⁶. */
    activeErrorAt30: activeAt30 < 1e-6 ? '0' : toSignificant(activeAt30, 2),
    block: invertedResidual({ cin: 24, cout: 24, t: 6, stride: 1, size: 56 }),
  };
}

/** Chapter 6, MobileNet V2 (Sandler et al. 2018, Tables 1–7). */
export function mobilenetV2Numbers() {
  const v2 = mobilenetV2();
  const v1 = mobilenetV1();
  const structure = v2Structure();
  const blocks = v2.blocks ?? [];
  const b73 = blocks[15];
  return {
    v2,
    v1,
    fw: frameworkCounts(v2),
    blocks,
    structure,
    sumN: structure.blocks,
    adds: structure.shortcuts,
    b32: invertedResidual({ cin: 24, cout: 24, t: 6, stride: 1, size: 56 }),
    madds32: bottleneckMaddsTex({ cin: 24, cout: 24, t: 6, stride: 1, size: 56 }),
    madds1: bottleneckMaddsTex({ cin: 32, cout: 16, t: 1, stride: 1, size: 112 }),
    /** The first bottleneck (t = 1) as the network runs it, without the expansion the formula counts. */
    block1: invertedResidual({ cin: 32, cout: 16, t: 1, stride: 1, size: 112 }),
    ref: moduleParams('reference', { cin: 3, cout: 6, t: 6 }),
    proj: moduleParams('projection', { cin: 3, cout: 6, t: 6 }),
    t4: invertedResidual({ cin: 64, cout: 64, t: 4, stride: 1, size: 14 }),
    t6: invertedResidual({ cin: 64, cout: 64, t: 6, stride: 1, size: 14 }),
    b73,
    b73expand: row(v2.layers, (l) => l.block === b73.index && l.role === 'expand', 'block 15 expand'),
    t3max: table3ComputedMax(),
    head: row(v2.layers, (l) => l.role === 'head', 'head'),
    fc: row(v2.layers, (l) => l.role === 'classifier', 'classifier'),
    rowStart: structure.rowStart,
    t3: table3(),
    p2: peak(v2Memory(v2)),
    p1: peak(v1Memory(v1)),
    largest: largestTensorBySize(v1),
    mem2: v2BlockMemory(1),
    at7: v1At7Readings(),
    pf: paperFigure,
    pw2: pointwiseShare(v2),
    pw1: pointwiseShare(v1),
    t4row: (label: string) => row(V2_TABLE4, (r) => r.label === label, label),
    T4_COUNTS: { MobileNetV1: 'v2-t4-v1', MobileNetV2: 'v2-t4-1.0', 'MobileNetV2 (1.4)': 'v2-t4-1.4' } as Record<string, string>,
    mark: (f: PaperFigure) => (f.status === 'ok' ? '' : f.status === 'truncated' ? ' ↓' : ' ✗'),
    seg: (os: number, aspp: boolean, label: string) => row(V2_TABLE7, (r) => r.os === os && r.aspp === aspp && r.label === label, `${label} OS ${os}`),
    det: (label: string) => row(V2_TABLE6, (r) => r.label === label, label),
    res: residualBottleneck({ cin: 144, cout: 144, t: 6, stride: 1, size: 56 }),
    v1pair: convCost({ kind: 'separable', k: 3, cin: 144, cout: 144, inH: 56 }),
  };
}

/** Chapter 7, Xception (Chollet 2017; Keras SeparableConv2D). */
export function xceptionNumbers() {
  const M = 728;
  const x = xception();
  return {
    M,
    spectrum: inceptionSpectrum(M, [1, 4, 8, 56, 728]),
    x,
    v1: mobilenetV1(),
    v2: mobilenetV2(),
    xfw: frameworkCounts(x),
    b4: separableConv2dParams({ k: 3, m: 256, n: 728, bias: false }),
    kerasFirst: separableConv2dParams({ k: 3, m: 3, n: 32 }),
    dm2: separableConv2dParams({ k: 3, m: 256, n: 728, depthMultiplier: 2, bias: false }),
    articleSep: article004Comparison().separable,
    articleTotal: kerasSummary().total,
    ratio: xceptionOverV1(),
    v2s: v2Structure(),
    pf: paperFigure,
    /** The Keras total's formula, with the words under its braces in the page's language (src/i18n). */
    xk: (labels: KerasTotalLabels) => kerasTotalTex(x, labels),
  };
}

// --- Lecture decks --------------------------------------------------------------------------------
// Each deck imports its numbers from one function below (`export const { … } = overviewDeckNumbers();`),
// in both editions, and computes none itself.

/** part / whole as a percentage with `decimals` decimals: 1, 3 → "33.3%". */
export const shareText = (part: number, whole: number, decimals = 1): string => formatPercent(part / whole, decimals);

/** How many times a is b, to three significant figures: 9, 1 → "9". */
export const timesText = (a: number, b: number): string => toSignificant(a / b, 3);

/** Bytes as whole kilobytes (1000 bytes), as the memory slides print them: 1_204_000 → "1,204 KB". */
export const kilobytes = (bytes: number): string => `${formatInt(Math.round(bytes / 1000))} KB`;

/** A count in millions to three significant figures: 3_504_872 → "3.50M". */
export const millions = (x: number): string => `${toSignificant(x / 1e6, 3)}M`;

/** The saving of a separable layer, 1 / (1/N + 1/D_K²), to three significant figures: 4608/521 → "8.84". */
export const savingText = (r: Rational): string => toSignificant(1 / rationalToNumber(r), 3);

/** Weights of all layers of a network, summed by kind (the classifier included). */
function totalWeights(arch: Pick<Architecture, 'layers'>): number {
  return Object.values(costByKind(arch)).reduce((s, k) => s + (k?.weights ?? 0), 0);
}

/** The quantisation step of a ReLU6 (or a ReLU capped at `cap`) activation stored in 8 bits: cap / (2⁸ − 1). */
export const eightBitStep = (cap: number): number => cap / (2 ** 8 - 1);

/**
 * Xception's mid-flow separable layer between the extremes (Chollet 2017, §1.2): the 3×3 spatial
 * part in `s` segments (1 = standard, M = depthwise, else grouped) plus the 1×1 mix, at M = 728, 19×19.
 */
export function segmentedConv(segments: readonly number[], M = 728): { s: number; mix: number; spatial: number; total: number }[] {
  const mix = convCost({ kind: 'pointwise', k: 1, cin: M, cout: M, inH: 19 }).params;
  return segments.map((s) => {
    const spatial = s === M ? convCost({ kind: 'depthwise', k: 3, cin: M, cout: M, inH: 19 }).params : convCost({ kind: s === 1 ? 'standard' : 'grouped', k: 3, cin: M, cout: M, groups: s, inH: 19 }).params;
    return { s, mix, spatial, total: mix + spatial };
  });
}

/** Xception's mult-adds over MobileNet V1's, rounded to a whole number. */
function xceptionTimesV1(): number {
  return Math.round(xception().multAdds / mobilenetV1().multAdds);
}

/** Deck 1, standard convolution: a 3×3 layer from 32 to 64 channels on 14×14, made wider and larger. */
export function standardConvolutionDeckNumbers() {
  const layer = { kind: 'standard' as const, k: 3, cin: 32, cout: 64, inH: 14 };
  const std = convCost(layer);
  const wider = convCost({ ...layer, cout: 128 });
  const bigger = convCost({ ...layer, k: 5 });
  const ex = article001();
  return {
    layer,
    std,
    wider,
    bigger,
    ex,
    a: ex.standard,
    /** Twice the output channels: how many times the mult-adds. */
    widerTimes: wider.multAdds / std.multAdds,
    /** A 5×5 kernel instead of 3×3: how many times the mult-adds. */
    biggerTimes: toSignificant(bigger.multAdds / std.multAdds, 3),
  };
}

/** Deck 2, grouped convolution: 64 → 64 channels in 4 groups, and the source article's example. */
export function groupedConvolutionDeckNumbers() {
  const ex = article001();
  return {
    gp: groupedParamsTex({ k: 3, m: 64, n: 64, g: 4 }),
    gm: groupedMacsTex({ k: 3, m: 64, n: 64, g: 4, df: 14 }),
    std: convCost({ kind: 'standard', k: 3, cin: 64, cout: 64, inH: 14 }),
    /** Input–output channel pairs a 1×1 layer connects with g groups: M·N/g. */
    pairs: (m: number, n: number, g: number): number => convCost({ kind: 'grouped', k: 1, cin: m, cout: n, groups: g, inH: 1 }).params,
    dw: convCost({ kind: 'depthwise', k: 3, cin: 64, cout: 64, inH: 14 }),
    ex,
    g3: ex.grouped,
  };
}

/** Deck 3, depthwise separable convolution (Howard et al. 2017, §3.1). */
export function depthwiseSeparableDeckNumbers() {
  const layer = { k: 3, cin: 32, cout: 64, inH: 14 };
  const v1 = mobilenetV1();
  const v1Full = mobilenetV1({ fullConv: true });
  return {
    layer,
    std: convCost({ kind: 'standard', ...layer }),
    sep: convCost({ kind: 'separable', ...layer }),
    r512: separableRatio({ k: 3, n: 512 }),
    rows: [32, 64, 128, 256, 512, 1024].map((n) => ({ n, r: separableRatio({ k: 3, n }) })),
    v1,
    v1Full,
    keras: separableConv2dParams({ k: 3, m: 32, n: 64 }),
    x3: savingText,
    /** MobileNet V1 built of standard convolutions: how many times the mult-adds. */
    fullTimes: timesText(v1Full.multAdds, v1.multAdds),
  };
}

/** Deck 4, MobileNet V1 (Howard et al. 2017, Tables 1–3, 6, 7). */
export function mobilenetV1DeckNumbers() {
  const v1 = mobilenetV1();
  return {
    v1,
    by: costByKind(v1),
    weights: totalWeights(v1),
    pct: (part: number, whole: number): string => shareText(part, whole, 2),
    full: mobilenetV1({ fullConv: true }),
    shallow: mobilenetV1({ shallow: true }),
    thin: mobilenetV1({ alpha: 0.75 }),
    half: mobilenetV1({ alpha: 0.5 }),
    small: mobilenetV1({ resolution: 128 }),
    t3: convCost({ kind: 'separable', k: 3, cin: 384, cout: 384, inH: 10 }),
    t3One: convCost({ kind: 'separable', k: 3, cin: 512, cout: 512, inH: 14 }),
    t3Std: convCost({ kind: 'standard', k: 3, cin: 512, cout: 512, inH: 14 }),
    times: timesText,
  };
}

/** Deck 5, linear bottlenecks: the spiral experiment (Sandler et al. 2018, Fig. 1) and ReLU6 in 8 bits. */
export function linearBottlenecksDeckNumbers() {
  return {
    lost: predictedLostFraction,
    pct: percent,
    kept: (n: number): number => meanActiveFraction(n, 20, 500),
    block: invertedResidual({ cin: 24, cout: 24, t: 6, stride: 1, size: 56 }),
    step6: eightBitStep(6),
    step60: eightBitStep(60),
  };
}

/** Deck 6, MobileNet V2 (Sandler et al. 2018, Tables 1–3). */
export function mobilenetV2DeckNumbers() {
  const v1 = mobilenetV1();
  const v2 = mobilenetV2();
  const structure = v2Structure();
  const dwNarrow = convCost({ kind: 'depthwise', k: 3, cin: 24, cout: 24, inH: 56 });
  const dwWide = convCost({ kind: 'depthwise', k: 3, cin: 144, cout: 144, inH: 56 });
  const stdNarrow = convCost({ kind: 'standard', k: 3, cin: 24, cout: 24, inH: 56 });
  const stdWide = convCost({ kind: 'standard', k: 3, cin: 144, cout: 144, inH: 56 });
  return {
    v1,
    v2,
    v1k: costByKind(v1),
    v2k: costByKind(v2),
    blocks: v2.blocks ?? [],
    shortcuts: structure.shortcuts,
    sumN: structure.blocks,
    b3: invertedResidual({ cin: 24, cout: 24, t: 6, stride: 1, size: 56 }),
    b3Tex: bottleneckMaddsTex({ cin: 24, cout: 24, t: 6, stride: 1, size: 56 }),
    resnet: residualBottleneck({ cin: 144, cout: 144, t: 6, stride: 1, size: 56 }),
    v1Pair: convCost({ kind: 'separable', k: 3, cin: 144, cout: 144, inH: 56 }),
    dwNarrow,
    dwWide,
    stdNarrow,
    stdWide,
    /** Six times the channels: how many times a depthwise and a standard 3×3 layer's mult-adds. */
    dwWideTimes: dwWide.multAdds / dwNarrow.multAdds,
    stdWideTimes: stdWide.multAdds / stdNarrow.multAdds,
    p1: peak(v1Memory(v1)),
    p2: peak(v2Memory(v2)),
    pct: (part: number, whole: number): string => shareText(part, whole, 1),
    kb: kilobytes,
    M: millions,
  };
}

/** Deck 7, Xception (Chollet 2017; Keras SeparableConv2D). */
export function xceptionDeckNumbers() {
  const M = 728;
  const x = xception();
  return {
    M,
    spectrum: segmentedConv([1, 4, 56, 728], M),
    x,
    v1: mobilenetV1(),
    v2: mobilenetV2(),
    xfw: frameworkCounts(x),
    /** The Keras total's formula, with the words under its braces in the page's language (src/i18n). */
    xk: (labels: KerasTotalLabels) => kerasTotalTex(x, labels),
    convLayers: x.layers.filter((l) => l.kind === 'conv' || l.kind === 'separable').length,
    sepLayers: x.layers.filter((l) => l.kind === 'separable').length,
    /** The entry convolutions count as one module, then one per row of the table (Chollet 2017, Fig. 5). */
    modules: 1 + XCEPTION_TABLE.length,
    residual: XCEPTION_TABLE.filter((m) => m.shortcut !== undefined || m.separable.length === 3).length,
    first: separableConv2dParams({ k: 3, m: 3, n: 32 }),
    b4: separableConv2dParams({ k: 3, m: 256, n: 728, bias: false }),
    xTimes: xceptionTimesV1(),
  };
}

/** The overview deck: the whole argument in one lecture, with the numbers of all the others. */
export function overviewDeckNumbers() {
  const layer = { k: 3, cin: 32, cout: 64, inH: 14 };
  const v1 = mobilenetV1();
  const v2 = mobilenetV2();
  const x = xception();
  const r512 = separableRatio({ k: 3, n: 512 });
  return {
    layer,
    std: convCost({ kind: 'standard', ...layer }),
    sep: convCost({ kind: 'separable', ...layer }),
    r512,
    r512Times: savingText(r512),
    v1,
    v1k: costByKind(v1),
    v1Half: mobilenetV1({ alpha: 0.5 }),
    v1Small: mobilenetV1({ resolution: 128 }),
    v1Full: mobilenetV1({ fullConv: true }),
    t3: convCost({ kind: 'separable', k: 3, cin: 384, cout: 384, inH: 10 }),
    t3Full: convCost({ kind: 'separable', k: 3, cin: 512, cout: 512, inH: 14 }),
    v2,
    v2k: costByKind(v2),
    shortcuts: v2Structure().shortcuts,
    block: invertedResidual({ cin: 24, cout: 24, t: 6, stride: 1, size: 56 }),
    blockTex: bottleneckMaddsTex({ cin: 24, cout: 24, t: 6, stride: 1, size: 56 }),
    resnet: residualBottleneck({ cin: 144, cout: 144, t: 6, stride: 1, size: 56 }),
    v1Pair: convCost({ kind: 'separable', k: 3, cin: 144, cout: 144, inH: 56 }),
    p1: peak(v1Memory(v1)),
    p2: peak(v2Memory(v2)),
    x,
    xConv: x.layers.filter((l) => l.kind === 'conv' || l.kind === 'separable').length,
    xSep: x.layers.filter((l) => l.kind === 'separable').length,
    xTimes: xceptionTimesV1(),
    segments: segmentedConv([1, 4, 56, 728]),
    pct: (part: number, whole: number): string => shareText(part, whole, 1),
    pct2: (part: number, whole: number): string => shareText(part, whole, 2),
    v1w: totalWeights(v1),
    lost: predictedLostFraction,
    /** The share of points lost at n = 15, in percent to two significant figures (no sign). */
    lost15: toSignificant(100 * predictedLostFraction(15), 2),
    /** ReLU6's 8-bit step, to three significant figures. */
    step6: toSignificant(eightBitStep(6), 3),
    kb: kilobytes,
    times: timesText,
  };
}
