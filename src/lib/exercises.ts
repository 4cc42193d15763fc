/**
 * "Check yourself": the exercises at the end of each chapter. Numbers are drawn from a seed, so a
 * lecturer can give a room the same set (?ex=SEED) and a reader can ask for new numbers. Every
 * answer is computed by the cost model and every worked solution is written by the same TeX
 * functions as the chapter, so the solution's last number is the answer.
 *
 * Three kinds: compute (type a number), predict (commit to a guess, then a figure moves to show
 * the answer) and misconception (choices built on documented wrong ideas, each explained).
 */
import { mobilenetV1 } from './architectures';
import { invertedResidual } from './blocks';
import { convCost, outputSize, rationalToNumber, separableRatio } from './cost';
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
  readonly figure: { readonly id: string; readonly before: ParamValues; readonly after: ParamValues };
}

export interface MisconceptionExercise extends ExerciseBase {
  readonly kind: 'misconception';
  readonly choices: readonly { readonly text: string; readonly correct: boolean; readonly why: string }[];
}

export type Exercise = ComputeExercise | PredictExercise | MisconceptionExercise;

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

function standardSet(rng: Rng): Exercise[] {
  const k = pick(rng, [3, 5, 7]);
  const m = pick(rng, CHANNELS);
  const n = pick(rng, CHANNELS);
  const df = pick(rng, SIZES);
  const params = standardParamsTex({ k, m, n });
  const s = 2;
  const dg = outputSize(df, k, s, 'same');
  const strided = convCost({ kind: 'standard', k, cin: m, cout: n, inH: df, stride: s });
  const atDf = convCost({ kind: 'standard', k, cin: m, cout: n, inH: df });
  return [
    {
      id: 'params',
      kind: 'compute',
      title: 'Parameters of a standard layer',
      prompt: `A standard convolution has ${k}×${k} kernels, M = ${m} input channels and N = ${n} output channels, without bias. How many weights does it have?`,
      answer: params.value,
      tolerance: 'exact',
      unit: 'parameters',
      slips: [
        { value: k * k * n, feedback: 'Each of the N kernels spans all M input channels: multiply by M too.' },
        { value: k * m * n, feedback: 'A kernel is $D_K$ × $D_K$: the kernel size appears squared.' },
        { value: params.value + n, feedback: 'That counts a bias per output channel; the question leaves bias out.' },
        { value: k * k * m, feedback: 'That is one kernel. The layer has N of them.' },
      ],
      solution: [params.tex],
    },
    {
      id: 'output-size',
      kind: 'compute',
      title: 'Output size at stride 2',
      prompt: `The same layer runs with stride s = 2 and "same" padding on a ${df}×${df} input. What is the output's side $D_G$?`,
      answer: dg,
      tolerance: 'exact',
      unit: 'pixels',
      slips: [
        { value: df, feedback: 'With stride 2 the kernel moves two pixels at a time: $D_G$ = ⌈$D_F$ / s⌉, not $D_F$.' },
        { value: df * df, feedback: '$D_G$ is the side of the output, not its area.' },
      ],
      solution: [`D_G = \\left\\lceil \\frac{D_F}{s} \\right\\rceil = \\left\\lceil \\frac{${df}}{2} \\right\\rceil = ${dg}`],
    },
    {
      id: 'macs-strided',
      kind: 'compute',
      title: 'Mult-adds at stride 2',
      prompt: `How many mult-adds does that stride-2 layer take (${k}×${k}, M = ${m}, N = ${n}, input ${df}×${df})? Three significant figures are enough.`,
      answer: strided.multAdds,
      tolerance: '3sf',
      unit: 'mult-adds',
      slips: [
        { value: atDf.multAdds, feedback: 'You used $D_F$; each output pixel costs $D_K^2$·M·N, and there are $D_G$ × $D_G$ of them.' },
        { value: 2 * strided.multAdds, feedback: 'That is 2 × mult-adds, the FLOPs of one convention. The question asks for mult-adds.' },
      ],
      solution: [
        `D_K \\cdot D_K \\cdot M \\cdot N \\cdot D_G \\cdot D_G = ${[k, k, m, n, dg, dg].map(texInt).join(' \\cdot ')} = ${texInt(strided.multAdds)}`,
      ],
    },
    {
      id: 'kernel-doubling',
      kind: 'predict',
      title: 'A larger kernel',
      prompt: `Guess first: the kernel grows from 3×3 to 6×6, everything else fixed. What happens to the layer's mult-adds?`,
      choices: ['They double', 'They grow 4×', 'They grow 9×', 'They stay the same'],
      correct: 1,
      explanation: 'Cost grows with $D_K^2$, and (6/3)² = 4. The bars for the standard layer move by exactly that factor.',
      figure: { id: 'cost-bars', before: { k: 3, m: 32, n: 64, df: 14 }, after: { k: 6, m: 32, n: 64, df: 14 } },
    },
    {
      id: 'flops',
      kind: 'misconception',
      title: 'FLOPs and mult-adds',
      prompt: 'A paper reports "569M FLOPs" for a network whose mult-adds you counted as 569M. Which is right?',
      choices: [
        { text: 'The paper made a mistake: FLOPs are always twice the mult-adds.', correct: false, why: 'Two conventions coexist. He et al. 2016 write "3.6 billion FLOPs (multiply-adds)": many papers say FLOPs and mean mult-adds.' },
        { text: 'Both can be right: in this literature "FLOPs" often means mult-adds; check which convention a paper uses.', correct: true, why: 'Yes. Count a multiply and an add separately and you get 2 × mult-adds; many papers, including MobileNet V2\u2019s Table 4, count one per mult-add.' },
        { text: 'FLOPs include the bias and BatchNorm, so they must be larger.', correct: false, why: 'Neither convention in these papers adds bias or BatchNorm to the count.' },
      ],
    },
  ];
}

// ── Chapter 2: grouped convolution (Krizhevsky et al. 2012; Xie et al. 2017) ───────────────

function groupedSet(rng: Rng): Exercise[] {
  const k = 3;
  const base = pick(rng, [32, 64, 96, 128, 192, 256]);
  const m = base;
  const n = pick(rng, [base, 2 * base]);
  const g = pick(rng, divisors(m).filter((d) => d > 1 && d < m && n % d === 0 && d <= 32));
  const grouped = groupedParamsTex({ k, m, n, g });
  const std = convCost({ kind: 'standard', k, cin: m, cout: n, inH: 1 });
  return [
    {
      id: 'params',
      kind: 'compute',
      title: 'Parameters with groups',
      prompt: `A 3×3 grouped convolution has M = ${m} input and N = ${n} output channels in G = ${g} groups, without bias. How many weights?`,
      answer: grouped.value,
      tolerance: 'exact',
      unit: 'parameters',
      slips: [
        { value: std.params, feedback: 'That is the standard layer. Each group sees only M/G inputs and makes N/G outputs.' },
        { value: std.params / (g * g), feedback: 'Dividing by G² forgets that there are G groups, each with its own (M/G)·(N/G) kernels.' },
        { value: std.params * g, feedback: 'Groups reduce the cost: divide by G, do not multiply.' },
      ],
      solution: [grouped.tex],
    },
    {
      id: 'saving',
      kind: 'compute',
      title: 'How much cheaper',
      prompt: `By what factor does splitting that layer into G = ${g} groups cut its mult-adds?`,
      answer: g,
      tolerance: 'exact',
      unit: '×',
      slips: [{ value: g * g, feedback: 'Each group is (1/G)² of the layer, but there are G of them: G², divided by G, leaves G.' }],
      solution: [`\\frac{D_K^2 M N D_F^2}{D_K^2 \\frac{M}{G} \\frac{N}{G} G D_F^2} = G = ${g}`],
    },
    {
      id: 'seen',
      kind: 'compute',
      title: 'What one output sees',
      prompt: `In that grouped layer, how many input channels does one output channel read?`,
      answer: m / g,
      tolerance: 'exact',
      unit: 'channels',
      slips: [{ value: m, feedback: 'Only in a standard layer (G = 1). With groups, an output sees only its own group\u2019s M/G inputs.' }],
      solution: [`\\frac{M}{G} = \\frac{${m}}{${g}} = ${m / g}`],
    },
    {
      id: 'depthwise',
      kind: 'misconception',
      title: 'When is grouped depthwise?',
      prompt: `A grouped convolution with G = M = ${m}. Is it a depthwise convolution?`,
      choices: [
        { text: 'Yes, for any N.', correct: false, why: `With G = M each group has one input channel, but N/G outputs. It is depthwise (one filter per channel) only when N = M; with N = k·M it is depthwise with channel multiplier k.` },
        { text: `Only when N = M (or N = k·M, a depthwise layer with channel multiplier k).`, correct: true, why: 'Right: each input channel gets its own N/M filters and nothing mixes channels.' },
        { text: 'No: depthwise convolution is a different operation from grouped convolution.', correct: false, why: 'It is the same operation at the extreme G = M; frameworks implement it as such (e.g. PyTorch groups=in_channels).' },
      ],
    },
    {
      id: 'stack',
      kind: 'predict',
      title: 'Two grouped layers in a row',
      prompt: 'Guess first: stack two grouped layers with the same G. Can an output of the second layer see every input channel?',
      choices: ['Yes, two layers mix everything', 'No, each output still sees only its own group'],
      correct: 1,
      explanation: 'Groups line up from layer to layer, so information never crosses between them; the connectivity stays block-diagonal. ShuffleNet (Zhang et al. 2018) adds a channel shuffle to fix it.',
      figure: { id: 'conv-geometry', before: { layer: 0, m: 8, n: 8, g: 1 }, after: { layer: 1, m: 8, n: 8, g: 4 } },
    },
  ];
}

// ── Chapter 3: depthwise separable (Howard et al. 2017, §3.1, eq. 3–5) ─────────────────────

function separableSet(rng: Rng): Exercise[] {
  const k = pick(rng, [3, 5]);
  const m = pick(rng, CHANNELS);
  const n = pick(rng, CHANNELS);
  const params = separableParamsTex({ k, m, n });
  const ratio = separableRatioTex({ k, n });
  const std = convCost({ kind: 'standard', k, cin: m, cout: n, inH: 1 });
  return [
    {
      id: 'params',
      kind: 'compute',
      title: 'Parameters of a separable layer',
      prompt: `A depthwise separable layer: ${k}×${k} depthwise on M = ${m} channels, then a 1×1 pointwise to N = ${n} channels, no bias. How many weights in all?`,
      answer: params.value,
      tolerance: 'exact',
      unit: 'parameters',
      slips: [
        { value: m * n, feedback: 'That is the pointwise part alone: add the depthwise filters, $D_K^2$·M.' },
        { value: k * k * m, feedback: 'That is the depthwise part alone: add the 1×1 pointwise weights, M·N.' },
        { value: std.params, feedback: 'That is the standard layer it replaces.' },
        { value: k * k * m * n, feedback: 'That multiplies the two parts; the layers run one after the other, so their weights add.' },
      ],
      solution: [params.tex],
    },
    {
      id: 'ratio',
      kind: 'compute',
      title: 'The cost ratio',
      prompt: `For that layer ($D_K$ = ${k}, N = ${n}), what fraction of the standard layer's mult-adds does the separable one need? A fraction, a decimal or a percentage.`,
      answer: rationalToNumber(separableRatio({ k, n })),
      tolerance: '3sf',
      unit: 'of the standard cost',
      slips: [
        { value: 1 / (k * k), feedback: 'That is $1/D_K^2$ alone, the pointwise layer\u2019s share: the depthwise layer adds 1/N.' },
        { value: 1 / n, feedback: 'That is 1/N alone, the depthwise layer\u2019s share: the pointwise layer adds $1/D_K^2$.' },
        { value: 1 / (1 / n + 1 / (k * k)), feedback: 'That is the speed-up (standard ÷ separable). The question asks for separable ÷ standard.' },
      ],
      solution: [ratio.tex],
    },
    {
      id: 'large-n',
      kind: 'predict',
      title: 'Very wide layers',
      prompt: 'Guess first: N grows from 64 to 1024 with a 3×3 kernel. What happens to the cost ratio separable ÷ standard?',
      choices: ['It keeps falling towards 0', 'It levels off near 1/9', 'It rises back towards 1'],
      correct: 1,
      explanation: '1/N + $1/D_K^2$ tends to $1/D_K^2$ = 1/9 ≈ 0.111 as N grows: the pointwise layer\u2019s share, $1/D_K^2$, sets the floor.',
      figure: { id: 'cost-bars', before: { k: 3, m: 32, n: 64, df: 14 }, after: { k: 3, m: 32, n: 1024, df: 14 } },
    },
    {
      id: 'k-squared',
      kind: 'misconception',
      title: 'What does separable save?',
      prompt: 'A classmate says: "a separable layer saves a factor $D_K^2$ over the standard one." Which is right?',
      choices: [
        { text: 'Yes, a factor $D_K^2$ exactly.', correct: false, why: 'The ratio is 1/N + $1/D_K^2$, not $1/D_K^2$: the pointwise term 1/N is always there, so the saving is a bit less than $D_K^2$ (8–9× for 3×3 in MobileNet).' },
        { text: 'A factor 1/(1/N + $1/D_K^2$): close to $D_K^2$ only when N is large.', correct: true, why: 'Right. For N = 64 and $D_K$ = 3 that is 576/73 ≈ 7.9×.' },
        { text: 'A factor N, because the pointwise layer is 1×1.', correct: false, why: 'The pointwise layer alone costs $1/D_K^2$ of the standard one, and the depthwise layer 1/N: the total is 1/N + $1/D_K^2$, so the saving is limited by $D_K^2$, not N.' },
      ],
    },
  ];
}

// ── Chapter 4: MobileNet V1 (Howard et al. 2017, Table 1, §4) ──────────────────────────────

function v1Set(rng: Rng): Exercise[] {
  const alpha = pick(rng, [0.25, 0.4, 0.5, 0.6, 0.75]);
  const res = pick(rng, [128, 160, 192]);
  const net = mobilenetV1({ alpha, resolution: res });
  const full = mobilenetV1();
  const estimate = full.multAdds * alpha * alpha * (res / 224) ** 2;
  const atFull = mobilenetV1({ alpha });
  return [
    {
      id: 'macs',
      kind: 'compute',
      title: 'Mult-adds at α and ρ',
      prompt: `MobileNet V1 at width multiplier α = ${alpha} and input ${res}×${res} (ρ = ${res}/224). How many mult-adds? Three significant figures (e.g. 186M).`,
      answer: net.multAdds,
      tolerance: '3sf',
      unit: 'mult-adds',
      slips: [
        { value: estimate, feedback: `That is the α²ρ² estimate from ${formatInt(full.multAdds)}. The exact count differs: channels are rounded down to whole numbers and the first layer keeps its 3 input channels.` },
        { value: full.multAdds * alpha * (res / 224), feedback: 'Cost falls with α² and ρ², not α and ρ: both the inputs and the outputs of a layer shrink.' },
        { value: 2 * net.multAdds, feedback: 'That is 2 × mult-adds (FLOPs in one convention).' },
      ],
      solution: [
        `\\text{sum over the 28 layers of Table 1 at } \\alpha = ${alpha},\\ ${res}\\times${res} = ${texInt(net.multAdds)}`,
        `\\text{compare } \\alpha^2\\rho^2 \\cdot ${texInt(full.multAdds)} \\approx ${texInt(Math.round(estimate))}`,
      ],
    },
    {
      id: 'params',
      kind: 'compute',
      title: 'Parameters at α and ρ',
      prompt: `The same network (α = ${alpha}, ${res}×${res}): how many parameters, including the classifier's bias? Three significant figures.`,
      answer: net.params,
      tolerance: '3sf',
      unit: 'parameters',
      slips: [{ value: net.params * (res / 224) ** 2, feedback: 'Parameters do not depend on the input resolution: ρ changes the cost, not the weights.' }],
      solution: [`\\text{weights at } \\alpha = ${alpha} \\text{ (any resolution)} = ${texInt(atFull.params)}`],
    },
    {
      id: 'pointwise-share',
      kind: 'misconception',
      title: 'Where the cost goes',
      prompt: 'In MobileNet V1, which layers do most of the mult-adds?',
      choices: [
        { text: 'The 3×3 depthwise layers: they are the spatial ones.', correct: false, why: 'Depthwise layers do only about 3% of the mult-adds (Table 2): one filter per channel is cheap.' },
        { text: 'The 1×1 pointwise layers: about 95% of the mult-adds.', correct: true, why: 'Right (Howard et al. 2017, Table 2). "1×1 layers are cheap" is the misconception: they mix all channels, and there are many.' },
        { text: 'The fully connected classifier.', correct: false, why: 'The classifier holds about a quarter of the parameters but well under 1% of the mult-adds.' },
      ],
    },
    {
      id: 'alpha-half',
      kind: 'predict',
      title: 'Half the width',
      prompt: 'Guess first: α goes from 1 to 0.5. Roughly what happens to the mult-adds?',
      choices: ['About half', 'About a quarter', 'About an eighth'],
      correct: 1,
      explanation: 'Each layer\u2019s cost is about (αM)·(αN): α² = 0.25. The architecture figure\u2019s totals drop to about a quarter.',
      figure: { id: 'v1-architecture', before: { alpha: 1, res: 224 }, after: { alpha: 0.5, res: 224 } },
    },
  ];
}

// ── Chapter 5: linear bottlenecks (Sandler et al. 2018, §3.2, Fig. 1) ──────────────────────

function bottleneckSet(rng: Rng): Exercise[] {
  const n = pick(rng, [2, 3, 4, 5, 6, 8, 10]);
  const lost = (1 + n) / 2 ** n;
  const n2 = pick(rng, [3, 4, 5, 6, 7].filter((d) => d !== n));
  const points = pick(rng, [500, 1000, 2000]);
  const expected = (points * (1 + n2)) / 2 ** n2;
  return [
    {
      id: 'lost',
      kind: 'compute',
      title: 'How much is lost',
      prompt: `A 2-D point is sent to n = ${n} dimensions by a random matrix and through ReLU. The chance that fewer than two coordinates stay positive — so the point cannot be recovered — is about (1 + n)/2ⁿ. What is it for n = ${n}?`,
      answer: lost,
      tolerance: '3sf',
      unit: 'of the points',
      slips: [{ value: 1 / 2 ** n, feedback: 'That is the chance that all n coordinates are negative. A point with exactly one positive coordinate is lost too: add n/2ⁿ.' }],
      solution: [`\\frac{1 + n}{2^n} = \\frac{1 + ${n}}{2^{${n}}} = \\frac{${1 + n}}{${2 ** n}} \\approx ${Number(lost.toPrecision(3))}`],
    },
    {
      id: 'points-lost',
      kind: 'compute',
      title: 'Points to expect lost',
      prompt: `The spiral has ${formatInt(points)} points and goes through ReLU in n = ${n2} dimensions. By the same estimate, about how many points are lost? Three significant figures.`,
      answer: expected,
      tolerance: '3sf',
      unit: 'points',
      slips: [{ value: points / 2 ** n2, feedback: 'That counts only the points with no positive coordinate. One positive coordinate is not enough either: use (1 + n)/2ⁿ.' }],
      solution: [`${texInt(points)} \\cdot \\frac{1 + ${n2}}{2^{${n2}}} = \\frac{${texInt(points * (1 + n2))}}{${2 ** n2}} \\approx ${Number(expected.toPrecision(3))}`],
    },
    {
      id: 'spiral-3',
      kind: 'predict',
      title: 'The spiral in 3 dimensions',
      prompt: 'Guess first: the spiral goes through ReLU in n = 3 dimensions and back. What do you expect?',
      choices: ['It comes back whole', 'Large parts collapse onto lines and are lost', 'It comes back rotated but whole'],
      correct: 1,
      explanation: 'With n = 3, half the points keep fewer than two positive coordinates: (1 + 3)/2³ = 0.5. They collapse and cannot be recovered.',
      figure: { id: 'relu-manifold', before: { dim: 30 }, after: { dim: 3 } },
    },
    {
      id: 'last-relu',
      kind: 'misconception',
      title: 'A ReLU after the projection',
      prompt: 'Why does MobileNet V2 leave out the activation after the block\u2019s last 1×1 layer?',
      choices: [
        { text: 'To save computation: a ReLU there would be too expensive.', correct: false, why: 'A ReLU costs almost nothing. The reason is information, not speed.' },
        { text: 'The projected tensor is narrow: a ReLU there would destroy information the next block needs.', correct: true, why: 'Right (Sandler et al. 2018, §3.2, §6.4): in low dimensions ReLU collapses the manifold; linear bottlenecks measured better (Fig. 6a).' },
        { text: 'It makes no difference; the authors left it out for simplicity.', correct: false, why: 'It does: the paper\u2019s ablation (Fig. 6a) shows a ReLU in the bottleneck hurts accuracy.' },
      ],
    },
  ];
}

// ── Chapter 6: MobileNet V2 (Sandler et al. 2018, Table 1, §3.3, §5) ───────────────────────

function v2Set(rng: Rng): Exercise[] {
  const cin = pick(rng, [16, 24, 32, 64, 96]);
  const t = pick(rng, [4, 6]);
  const size = pick(rng, [14, 28, 56]);
  const cout = pick(rng, [cin, 2 * cin]);
  const block = invertedResidual({ cin, cout, t, stride: 1, size });
  const hidden = t * cin;
  const bytes = 2 * (size * size * cin + size * size * cout);
  return [
    {
      id: 'block-params',
      kind: 'compute',
      title: 'Weights of an inverted residual',
      prompt: `An inverted residual block: ${cin} channels in, expansion t = ${t}, a 3×3 depthwise, ${cout} channels out, stride 1, no bias. How many weights (leave out BatchNorm)?`,
      answer: block.params,
      tolerance: 'exact',
      unit: 'parameters',
      slips: [
        { value: cin * hidden + 9 * hidden, feedback: 'You stopped before the projection: add the 1×1 from t·M back to N, t·M·N weights.' },
        { value: cin * hidden + 9 * cin + hidden * cout, feedback: 'The depthwise layer works on the expanded tensor: 9·(t·M) weights, not 9·M.' },
      ],
      solution: [
        `M \\cdot tM + 3^2 \\cdot tM + tM \\cdot N = ${texInt(cin)} \\cdot ${texInt(hidden)} + 9 \\cdot ${texInt(hidden)} + ${texInt(hidden)} \\cdot ${texInt(cout)} = ${texInt(block.params)}`,
      ],
    },
    {
      id: 'memory',
      kind: 'compute',
      title: 'Memory between blocks',
      prompt: `At 16 bits per number, how many bytes hold that block's input and output tensors (${size}×${size}×${cin} in, ${size}×${size}×${cout} out)?`,
      answer: bytes,
      tolerance: 'exact',
      unit: 'bytes',
      slips: [
        { value: bytes / 2, feedback: '16 bits are 2 bytes per number.' },
        { value: 2 * (size * size * cin + size * size * hidden), feedback: 'The question asks for the block\u2019s input and output, not the expanded tensor inside it.' },
      ],
      solution: [`2 \\cdot (${size}^2 \\cdot ${cin} + ${size}^2 \\cdot ${cout}) = ${texInt(bytes)}`],
    },
    {
      id: 'shortcut',
      kind: 'predict',
      title: 'A shortcut at stride 2?',
      prompt: 'Guess first: the block now has stride 2 (input and output channels equal). Does it keep its identity shortcut?',
      choices: ['Yes, the channels match', 'No: at stride 2 the output is smaller than the input'],
      correct: 1,
      explanation: 'An identity shortcut adds the input to the output, so both must have the same shape; stride 2 halves the height and width (Sandler et al. 2018, Fig. 4).',
      figure: { id: 'block-shapes', before: { m: 32, n: 32, t: 6, s: 1, df: 28 }, after: { m: 32, n: 32, t: 6, s: 2, df: 28 } },
    },
    {
      id: 'hourglass',
      kind: 'misconception',
      title: 'Inverted, how?',
      prompt: 'What is "inverted" about the inverted residual?',
      choices: [
        { text: 'The shortcut connects the thin ends (the bottlenecks), and the block widens in the middle.', correct: true, why: 'Right: ResNet goes wide → narrow → wide and links the wide ends; V2 goes narrow → wide → narrow and links the narrow ends.' },
        { text: 'The block runs its layers in reverse order at inference.', correct: false, why: 'Nothing runs in reverse; the name is about the shape of the block.' },
        { text: 'The residual is subtracted instead of added.', correct: false, why: 'The shortcut is an ordinary addition.' },
      ],
    },
  ];
}

// ── Chapter 7: Xception (Chollet 2017; Keras SeparableConv2D) ───────────────────────────────

function xceptionSet(rng: Rng): Exercise[] {
  const m = pick(rng, [128, 256, 728]);
  const n = pick(rng, [128, 256, 728, 1024]);
  const noBias = convCost({ kind: 'separable', k: 3, cin: m, cout: n, inH: 1 });
  const withBias = separableParamsTex({ k: 3, m, n, bias: true });
  // The middle flow: 728 channels at 19×19 for a 299×299 input (Chollet 2017, Fig. 5).
  const df = pick(rng, [19, 10]);
  const middle = separableMacsTex({ k: 3, m: 728, n: 728, df });
  const middleStd = convCost({ kind: 'standard', k: 3, cin: 728, cout: 728, inH: df });
  return [
    {
      id: 'sepconv-params',
      kind: 'compute',
      title: 'A Keras SeparableConv2D',
      prompt: `Keras SeparableConv2D(${n}, 3) on ${m} input channels, with its default bias. How many parameters?`,
      answer: withBias.value,
      tolerance: 'exact',
      unit: 'parameters',
      slips: [
        { value: noBias.params, feedback: 'Keras adds one bias per output channel by default (use_bias=True): + N.' },
        { value: 9 * m * n + n, feedback: 'That is a standard Conv2D. A separable one has 9·M depthwise weights plus M·N pointwise.' },
      ],
      solution: [withBias.tex],
    },
    {
      id: 'middle-macs',
      kind: 'compute',
      title: 'One layer of the middle flow',
      prompt: `A middle-flow layer: 3×3 separable, 728 channels in and out, on a ${df}×${df} feature map, stride 1. How many mult-adds? Three significant figures.`,
      answer: middle.value,
      tolerance: '3sf',
      unit: 'mult-adds',
      slips: [
        { value: middleStd.multAdds, feedback: 'That is a standard 3×3 convolution. The separable layer costs $D_K^2$·M·$D_F^2$ + M·N·$D_F^2$.' },
        { value: 728 * 728 * df * df, feedback: 'That is the pointwise part alone: add the depthwise 3²·728·$D_F^2$.' },
      ],
      solution: [middle.tex],
    },
    {
      id: 'order',
      kind: 'misconception',
      title: 'Xception and MobileNet',
      prompt: 'How does Xception\u2019s separable convolution differ from MobileNet\u2019s?',
      choices: [
        { text: 'Not at all: the same layer with the same activations.', correct: false, why: 'MobileNet V1 puts BatchNorm and ReLU after both the depthwise and the pointwise layer; Xception found no activation between them works best (Chollet 2017, Fig. 10).' },
        { text: 'Xception puts no activation between the depthwise and the pointwise step; MobileNet V1 has BN + ReLU after each.', correct: true, why: 'Right. MobileNet V2 keeps BN + ReLU6 after its depthwise and removes the activation after the projection: a related intuition, opposite placement.' },
        { text: 'Xception\u2019s depthwise step uses 1×1 kernels.', correct: false, why: 'Both use 3×3 depthwise kernels; the 1×1 is the pointwise step.' },
      ],
    },
    {
      id: 'wide',
      kind: 'predict',
      title: 'Wider layers, larger saving?',
      prompt: 'Guess first: Xception\u2019s middle flow runs separable layers on 728 channels, MobileNet\u2019s early layers on 64. How does the saving over a standard 3×3 layer compare?',
      choices: ['Much larger: about 728×', 'A little larger: closer to 9×', 'The same: always exactly 9×'],
      correct: 1,
      explanation: 'The ratio is 1/N + $1/D_K^2$: 1/64 + 1/9 ≈ 0.127 (7.9× fewer) against 1/728 + 1/9 ≈ 0.112 (8.9× fewer). The pointwise layer\u2019s share, 1/9, sets the limit.',
      figure: { id: 'cost-bars', before: { k: 3, m: 728, n: 64, df: 19 }, after: { k: 3, m: 728, n: 728, df: 19 } },
    },
  ];
}

const SETS: Readonly<Record<ExerciseChapter, (rng: Rng) => Exercise[]>> = {
  'standard-convolution': standardSet,
  'grouped-convolution': groupedSet,
  'depthwise-separable': separableSet,
  'mobilenet-v1': v1Set,
  'linear-bottlenecks': bottleneckSet,
  'mobilenet-v2': v2Set,
  xception: xceptionSet,
};

/** The exercises of a chapter for a seed: the same seed always gives the same numbers. */
export function exercisesFor(chapter: ExerciseChapter, seed: number): Exercise[] {
  return SETS[chapter](mulberry32(seed));
}
