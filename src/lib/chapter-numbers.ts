/**
 * What each chapter's prose prints, one function per chapter: the chapter imports its numbers
 * from here (`export const { … } = mobilenetV2Numbers();`) and computes none itself, so an English
 * and a Chinese page of the same chapter print the same values. The facts themselves live in
 * chapter-facts.ts, the cost model and the paper tables; this module only gathers them.
 */
import { PAPER_MOBILENETS, PAPER_VARIANTS } from './accuracy';
import { costByKind, frameworkCounts, mobilenetV1, mobilenetV2, xception } from './architectures';
import { bottleneckMaddsTex, invertedResidual, moduleParams, residualBottleneck } from './blocks';
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
import { convCost } from './cost';
import { toSignificant } from './format';
import { kerasTotalTex, separableConv2dParams } from './keras-counts';
import { errorCurve, lostCurve, type ErrorCurvePoint } from './manifold';
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
    xk: kerasTotalTex(x),
  };
}
