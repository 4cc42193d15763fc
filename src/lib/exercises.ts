/**
 * "Check yourself": the exercises at the end of each chapter. Numbers are drawn from a seed, so a
 * lecturer can give a room the same set (?ex=SEED) and a reader can ask for new numbers. Every
 * answer is computed by the cost model and every worked solution is written by the same TeX
 * functions as the chapter, so the solution's last number is the answer.
 *
 * Three kinds: compute (type a number), predict (commit to a guess, then a figure moves to show
 * the answer) and misconception (choices built on documented wrong ideas, each explained).
 *
 * This module holds no words: exerciseData gives numbers (formatted, in `vars`), answers, slips
 * and correct choices by key; src/i18n/exercises.<lang>.ts hold the words and
 * src/components/exercises/localize.ts puts the two together.
 */
import { mobilenetV1 } from './architectures';
import { invertedResidual } from './blocks';
import { convCost, outputSize, rationalToNumber, separableRatio, separableRatioAt } from './cost';
import { predictedLostFraction } from './manifold';
import { ioBytes } from './memory';
import { alphaRhoEstimate } from './scaling';
import { formatInt } from './format';
import { mulberry32, type Rng } from './random';
import { groupedParamsTex, separableMacsTex, separableParamsTex, separableRatioTex, standardParamsTex, texInt } from './tex';
import type { Slip, Tolerance } from './answers';
import type { ParamValues } from './params';

/** Chapters that end with exercises, by route slug. */
export const EXERCISE_CHAPTERS = [
  'standard-convolution',
  'grouped-convolution',
  'depthwise-separable',
  'mobilenet-v1',
  'linear-bottlenecks',
  'mobilenet-v2',
  'xception',
] as const;
export type ExerciseChapter = (typeof EXERCISE_CHAPTERS)[number];

export function isExerciseChapter(slug: string): slug is ExerciseChapter {
  return (EXERCISE_CHAPTERS as readonly string[]).includes(slug);
}

/**
 * An exercise as the reader sees it, in one language: the words come from src/i18n/exercises.*.ts
 * and the numbers from exerciseData (src/components/exercises/localize.ts puts them together).
 */
interface ExerciseBase {
  /** Stable within a chapter (progress is stored per chapter, seed and id). */
  readonly id: string;
  readonly title: string;
  /** The question, in plain text; `$…$` spans are TeX. */
  readonly prompt: string;
}

export interface ComputeExercise extends ExerciseBase {
  readonly kind: 'compute';
  readonly answer: number;
  readonly tolerance: Tolerance;
  /** What the answer counts, shown beside the input (e.g. "parameters"). */
  readonly unit: string;
  /** Wrong values a known slip gives, with what to say. */
  readonly slips: readonly Slip[];
  /** The worked solution: display TeX lines with the reader's numbers; the last ends in the answer. */
  readonly solution: readonly string[];
}

export interface PredictExercise extends ExerciseBase {
  readonly kind: 'predict';
  readonly choices: readonly string[];
  readonly correct: number;
  /** Why, shown with the reveal. */
  readonly explanation: string;
  /** A figure drawn at `before` while the reader guesses, then at `after` to show the answer. */
  readonly figure: ExerciseFigure;
}

export interface MisconceptionExercise extends ExerciseBase {
  readonly kind: 'misconception';
  readonly choices: readonly { readonly text: string; readonly correct: boolean; readonly why: string }[];
}

export type Exercise = ComputeExercise | PredictExercise | MisconceptionExercise;

/** The numbers a prompt, a slip or a solution quotes, already formatted (digits only, no words). */
export type ExerciseVars = Readonly<Record<string, string>>;

/** A figure drawn at `before` while the reader guesses, then at `after`. */
export interface ExerciseFigure {
  readonly id: string;
  readonly before: ParamValues;
  readonly after: ParamValues;
}

interface ExerciseDataBase {
  readonly id: string;
  /** The numbers the words quote, by name (the same names in every language). */
  readonly vars: ExerciseVars;
}

/** A compute exercise without words: the answer, its slips by key, and the worked solution's TeX. */
export interface ComputeData extends ExerciseDataBase {
  readonly kind: 'compute';
  readonly answer: number;
  readonly tolerance: Tolerance;
  /** Wrong values of known slips; the words say what each `key` means. */
  readonly slips: readonly { readonly key: string; readonly value: number }[];
  /** Display TeX lines; empty when the solution has words in it (the language module writes it from `vars`). */
  readonly solution: readonly string[];
}

/** A predict exercise without words: which choice is right and the figure that shows it. */
export interface PredictData extends ExerciseDataBase {
  readonly kind: 'predict';
  readonly correct: number;
  readonly figure: ExerciseFigure;
}

/** A misconception exercise without words: which choice is right. */
export interface MisconceptionData extends ExerciseDataBase {
  readonly kind: 'misconception';
  readonly correct: number;
}

export type ExerciseData = ComputeData | PredictData | MisconceptionData;

const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)];

/** Divisors of n, ascending. */
export function divisors(n: number): number[] {
  const out: number[] = [];
  for (let d = 1; d <= n; d++) if (n % d === 0) out.push(d);
  return out;
}

const CHANNELS = [16, 24, 32, 48, 64, 96, 128, 192, 256, 384, 512] as const;
const SIZES = [7, 14, 28, 56, 112] as const;

// ── Chapter 1: standard convolution (Howard et al. 2017, §3.1, eq. 1–2) ─────────────────────

function standardSet(rng: Rng): ExerciseData[] {
  const k = pick(rng, [3, 5, 7]);
  const m = pick(rng, CHANNELS);
  const n = pick(rng, CHANNELS);
  const df = pick(rng, SIZES);
  const params = standardParamsTex({ k, m, n });
  const s = 2;
  const dg = outputSize(df, k, s, 'same');
  const strided = convCost({ kind: 'standard', k, cin: m, cout: n, inH: df, stride: s });
  const atDf = convCost({ kind: 'standard', k, cin: m, cout: n, inH: df });
  const vars = { k: String(k), m: String(m), n: String(n), df: String(df) };
  return [
    {
      id: 'params',
      kind: 'compute',
      vars,
      answer: params.value,
      tolerance: 'exact',
      slips: [
        { key: 'oneInputChannel', value: k * k * n },
        { key: 'kernelNotSquared', value: k * m * n },
        { key: 'bias', value: params.value + n },
        { key: 'oneKernel', value: k * k * m },
      ],
      solution: [params.tex],
    },
    {
      id: 'output-size',
      kind: 'compute',
      vars,
      answer: dg,
      tolerance: 'exact',
      slips: [
        { key: 'noStride', value: df },
        { key: 'area', value: df * df },
      ],
      solution: [`D_G = \\left\\lceil \\frac{D_F}{s} \\right\\rceil = \\left\\lceil \\frac{${df}}{2} \\right\\rceil = ${dg}`],
    },
    {
      id: 'macs-strided',
      kind: 'compute',
      vars,
      answer: strided.multAdds,
      tolerance: '3sf',
      slips: [
        { key: 'usedDf', value: atDf.multAdds },
        { key: 'flops', value: 2 * strided.multAdds },
      ],
      solution: [
        `D_K \\cdot D_K \\cdot M \\cdot N \\cdot D_G \\cdot D_G = ${[k, k, m, n, dg, dg].map(texInt).join(' \\cdot ')} = ${texInt(strided.multAdds)}`,
      ],
    },
    {
      id: 'kernel-doubling',
      kind: 'predict',
      vars: {},
      correct: 1,
      figure: { id: 'cost-bars', before: { k: 3, m: 32, n: 64, df: 14 }, after: { k: 6, m: 32, n: 64, df: 14 } },
    },
    { id: 'flops', kind: 'misconception', vars: {}, correct: 1 },
  ];
}

// ── Chapter 2: grouped convolution (Krizhevsky et al. 2012; Xie et al. 2017) ───────────────

function groupedSet(rng: Rng): ExerciseData[] {
  const k = 3;
  const base = pick(rng, [32, 64, 96, 128, 192, 256]);
  const m = base;
  const n = pick(rng, [base, 2 * base]);
  const g = pick(rng, divisors(m).filter((d) => d > 1 && d < m && n % d === 0 && d <= 32));
  const grouped = groupedParamsTex({ k, m, n, g });
  const std = convCost({ kind: 'standard', k, cin: m, cout: n, inH: 1 });
  const vars = { m: String(m), n: String(n), g: String(g) };
  return [
    {
      id: 'params',
      kind: 'compute',
      vars,
      answer: grouped.value,
      tolerance: 'exact',
      slips: [
        { key: 'standard', value: std.params },
        { key: 'dividedTwice', value: std.params / (g * g) },
        { key: 'multiplied', value: std.params * g },
      ],
      solution: [grouped.tex],
    },
    {
      id: 'saving',
      kind: 'compute',
      vars,
      answer: g,
      tolerance: 'exact',
      slips: [{ key: 'squared', value: g * g }],
      solution: [`\\frac{D_K^2 M N D_F^2}{D_K^2 \\frac{M}{G} \\frac{N}{G} G D_F^2} = G = ${g}`],
    },
    {
      id: 'seen',
      kind: 'compute',
      vars,
      answer: m / g,
      tolerance: 'exact',
      slips: [{ key: 'standard', value: m }],
      solution: [`\\frac{M}{G} = \\frac{${m}}{${g}} = ${m / g}`],
    },
    { id: 'depthwise', kind: 'misconception', vars, correct: 1 },
    {
      id: 'stack',
      kind: 'predict',
      vars: {},
      correct: 1,
      figure: { id: 'conv-geometry', before: { layer: 0, m: 8, n: 8, g: 1 }, after: { layer: 1, m: 8, n: 8, g: 4 } },
    },
  ];
}

// ── Chapter 3: depthwise separable (Howard et al. 2017, §3.1, eq. 3–5) ─────────────────────

function separableSet(rng: Rng): ExerciseData[] {
  const k = pick(rng, [3, 5]);
  const m = pick(rng, CHANNELS);
  const n = pick(rng, CHANNELS);
  const params = separableParamsTex({ k, m, n });
  const ratio = separableRatioTex({ k, n });
  const std = convCost({ kind: 'standard', k, cin: m, cout: n, inH: 1 });
  const vars = { k: String(k), m: String(m), n: String(n) };
  const exact = rationalToNumber(separableRatio({ k, n }));
  return [
    {
      id: 'params',
      kind: 'compute',
      vars,
      answer: params.value,
      tolerance: 'exact',
      slips: [
        { key: 'pointwiseOnly', value: m * n },
        { key: 'depthwiseOnly', value: k * k * m },
        { key: 'standard', value: std.params },
        { key: 'multiplied', value: k * k * m * n },
      ],
      solution: [params.tex],
    },
    {
      id: 'ratio',
      kind: 'compute',
      vars,
      answer: exact,
      tolerance: '3sf',
      slips: [
        // The two shares of 1/N + 1/D_K² alone, and its inverse (the speed-up).
        { key: 'pointwiseShare', value: separableRatioAt(k, Infinity) },
        { key: 'depthwiseShare', value: 1 / n },
        { key: 'speedup', value: 1 / separableRatioAt(k, n) },
      ],
      solution: [ratio.tex],
    },
    {
      id: 'large-n',
      kind: 'predict',
      vars: {},
      correct: 1,
      figure: { id: 'cost-bars', before: { k: 3, m: 32, n: 64, df: 14 }, after: { k: 3, m: 32, n: 1024, df: 14 } },
    },
    { id: 'k-squared', kind: 'misconception', vars: {}, correct: 1 },
  ];
}

// ── Chapter 4: MobileNet V1 (Howard et al. 2017, Table 1, §4) ──────────────────────────────

function v1Set(rng: Rng): ExerciseData[] {
  const alpha = pick(rng, [0.25, 0.4, 0.5, 0.6, 0.75]);
  const res = pick(rng, [128, 160, 192]);
  const net = mobilenetV1({ alpha, resolution: res });
  const full = mobilenetV1();
  const estimate = alphaRhoEstimate(full.multAdds, alpha, res / 224);
  const atFull = mobilenetV1({ alpha });
  const vars = {
    alpha: String(alpha),
    res: String(res),
    fullMacs: formatInt(full.multAdds),
    netMacsTex: texInt(net.multAdds),
    fullMacsTex: texInt(full.multAdds),
    estimateTex: texInt(Math.round(estimate)),
    paramsTex: texInt(atFull.params),
  };
  return [
    {
      id: 'macs',
      kind: 'compute',
      vars,
      answer: net.multAdds,
      tolerance: '3sf',
      slips: [
        { key: 'estimate', value: estimate },
        // α and ρ once instead of squared.
        { key: 'linear', value: full.multAdds * alpha * (res / 224) },
        { key: 'flops', value: 2 * net.multAdds },
      ],
      solution: [],
    },
    {
      id: 'params',
      kind: 'compute',
      vars,
      answer: net.params,
      tolerance: '3sf',
      slips: [{ key: 'resolution', value: net.params * (res / 224) ** 2 }],
      solution: [],
    },
    { id: 'pointwise-share', kind: 'misconception', vars: {}, correct: 1 },
    {
      id: 'alpha-half',
      kind: 'predict',
      vars: {},
      correct: 1,
      figure: { id: 'v1-architecture', before: { alpha: 1, res: 224 }, after: { alpha: 0.5, res: 224 } },
    },
  ];
}

// ── Chapter 5: linear bottlenecks (Sandler et al. 2018, §3.2, Fig. 1) ──────────────────────

function bottleneckSet(rng: Rng): ExerciseData[] {
  const n = pick(rng, [2, 3, 4, 5, 6, 8, 10]);
  const lost = predictedLostFraction(n);
  const n2 = pick(rng, [3, 4, 5, 6, 7].filter((d) => d !== n));
  const points = pick(rng, [500, 1000, 2000]);
  const expected = points * predictedLostFraction(n2);
  return [
    {
      id: 'lost',
      kind: 'compute',
      vars: { n: String(n) },
      answer: lost,
      tolerance: '3sf',
      // Only the points with no positive coordinate: 1/2ⁿ.
      slips: [{ key: 'allNegative', value: 1 / 2 ** n }],
      solution: [`\\frac{1 + n}{2^n} = \\frac{1 + ${n}}{2^{${n}}} = \\frac{${1 + n}}{${2 ** n}} \\approx ${Number(lost.toPrecision(3))}`],
    },
    {
      id: 'points-lost',
      kind: 'compute',
      vars: { n2: String(n2), points: formatInt(points) },
      answer: expected,
      tolerance: '3sf',
      slips: [{ key: 'noPositive', value: points / 2 ** n2 }],
      solution: [`${texInt(points)} \\cdot \\frac{1 + ${n2}}{2^{${n2}}} = \\frac{${texInt(points * (1 + n2))}}{${2 ** n2}} \\approx ${Number(expected.toPrecision(3))}`],
    },
    {
      id: 'spiral-3',
      kind: 'predict',
      vars: {},
      correct: 1,
      figure: { id: 'relu-manifold', before: { dim: 30 }, after: { dim: 3 } },
    },
    { id: 'last-relu', kind: 'misconception', vars: {}, correct: 1 },
  ];
}

// ── Chapter 6: MobileNet V2 (Sandler et al. 2018, Table 1, §3.3, §5) ───────────────────────

function v2Set(rng: Rng): ExerciseData[] {
  const cin = pick(rng, [16, 24, 32, 64, 96]);
  const t = pick(rng, [4, 6]);
  const size = pick(rng, [14, 28, 56]);
  const cout = pick(rng, [cin, 2 * cin]);
  const block = invertedResidual({ cin, cout, t, stride: 1, size });
  const [expand, depthwise] = block.layers;
  const hidden = expand.cout;
  const bytes = ioBytes(size * size * cin, size * size * cout);
  const vars = { cin: String(cin), t: String(t), cout: String(cout), size: String(size) };
  return [
    {
      id: 'block-params',
      kind: 'compute',
      vars,
      answer: block.params,
      tolerance: 'exact',
      slips: [
        // Without the projection; with a depthwise layer on the narrow input.
        { key: 'noProjection', value: expand.params + depthwise.params },
        { key: 'depthwiseNarrow', value: expand.params + 9 * cin + hidden * cout },
      ],
      solution: [
        `M \\cdot tM + 3^2 \\cdot tM + tM \\cdot N = ${texInt(cin)} \\cdot ${texInt(hidden)} + 9 \\cdot ${texInt(hidden)} + ${texInt(hidden)} \\cdot ${texInt(cout)} = ${texInt(block.params)}`,
      ],
    },
    {
      id: 'memory',
      kind: 'compute',
      vars,
      answer: bytes,
      tolerance: 'exact',
      slips: [
        { key: 'bits', value: bytes / 2 },
        { key: 'expanded', value: ioBytes(size * size * cin, size * size * hidden) },
      ],
      solution: [`2 \\cdot (${size}^2 \\cdot ${cin} + ${size}^2 \\cdot ${cout}) = ${texInt(bytes)}`],
    },
    {
      id: 'shortcut',
      kind: 'predict',
      vars: {},
      correct: 1,
      figure: { id: 'block-shapes', before: { m: 32, n: 32, t: 6, s: 1, df: 28 }, after: { m: 32, n: 32, t: 6, s: 2, df: 28 } },
    },
    { id: 'hourglass', kind: 'misconception', vars: {}, correct: 0 },
  ];
}

// ── Chapter 7: Xception (Chollet 2017; Keras SeparableConv2D) ───────────────────────────────

function xceptionSet(rng: Rng): ExerciseData[] {
  const m = pick(rng, [128, 256, 728]);
  const n = pick(rng, [128, 256, 728, 1024]);
  const noBias = convCost({ kind: 'separable', k: 3, cin: m, cout: n, inH: 1 });
  const withBias = separableParamsTex({ k: 3, m, n, bias: true });
  const standardWithBias = convCost({ kind: 'standard', k: 3, cin: m, cout: n, inH: 1, bias: true });
  // The middle flow: 728 channels at 19×19 for a 299×299 input (Chollet 2017, Fig. 5).
  const df = pick(rng, [19, 10]);
  const middle = separableMacsTex({ k: 3, m: 728, n: 728, df });
  const middleStd = convCost({ kind: 'standard', k: 3, cin: 728, cout: 728, inH: df });
  const middlePointwise = convCost({ kind: 'pointwise', k: 1, cin: 728, cout: 728, inH: df });
  return [
    {
      id: 'sepconv-params',
      kind: 'compute',
      vars: { m: String(m), n: String(n) },
      answer: withBias.value,
      tolerance: 'exact',
      slips: [
        { key: 'noBias', value: noBias.params },
        { key: 'standard', value: standardWithBias.params },
      ],
      solution: [withBias.tex],
    },
    {
      id: 'middle-macs',
      kind: 'compute',
      vars: { df: String(df) },
      answer: middle.value,
      tolerance: '3sf',
      slips: [
        { key: 'standard', value: middleStd.multAdds },
        { key: 'pointwiseOnly', value: middlePointwise.multAdds },
      ],
      solution: [middle.tex],
    },
    { id: 'order', kind: 'misconception', vars: {}, correct: 1 },
    {
      id: 'wide',
      kind: 'predict',
      vars: {},
      correct: 1,
      figure: { id: 'cost-bars', before: { k: 3, m: 728, n: 64, df: 19 }, after: { k: 3, m: 728, n: 728, df: 19 } },
    },
  ];
}

const SETS: Readonly<Record<ExerciseChapter, (rng: Rng) => ExerciseData[]>> = {
  'standard-convolution': standardSet,
  'grouped-convolution': groupedSet,
  'depthwise-separable': separableSet,
  'mobilenet-v1': v1Set,
  'linear-bottlenecks': bottleneckSet,
  'mobilenet-v2': v2Set,
  xception: xceptionSet,
};

/**
 * exerciseData(chapter, seed): a chapter's exercises as numbers and keys, without words; the same
 * seed always gives the same numbers. localize.ts adds the words of a language.
 */
export function exerciseData(chapter: ExerciseChapter, seed: number): ExerciseData[] {
  return SETS[chapter](mulberry32(seed));
}
