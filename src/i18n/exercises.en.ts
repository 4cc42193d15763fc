/**
 * The words of the exercises ("Check yourself"), English edition. The numbers come from
 * exerciseData (src/lib/exercises.ts) as formatted strings `v.name`; a template is a function of
 * them. `$…$` spans are TeX. A translation is a file of the same shape (exercises.zh.ts).
 */
import type { ExerciseChapter, ExerciseVars } from '../lib/exercises';
import type { UnitWords, VerdictNote } from '../lib/answers';

/** Words that quote numbers: a function of the exercise's formatted numbers. */
export type Template = (v: ExerciseVars) => string;
/** Plain words, or words that quote numbers. */
export type Text = string | Template;

export interface ComputeWords {
  readonly title: string;
  readonly prompt: Text;
  /** What the answer counts, shown beside the input. */
  readonly unit: string;
  /** What to say for each known slip, by the key exerciseData gives it. */
  readonly slips: Readonly<Record<string, Text>>;
  /** The worked solution when it has words in it (display TeX lines); otherwise exerciseData's TeX. */
  readonly solution?: (v: ExerciseVars) => readonly string[];
}

export interface PredictWords {
  readonly title: string;
  readonly prompt: Text;
  readonly choices: readonly string[];
  readonly explanation: Text;
}

export interface MisconceptionWords {
  readonly title: string;
  readonly prompt: Text;
  readonly choices: readonly { readonly text: Text; readonly why: Text }[];
}

export type ExerciseWordsOf = ComputeWords | PredictWords | MisconceptionWords;

export interface ExerciseWordsShape {
  /** The printable sheets' page description, for a chapter's title. */
  readonly sheetDescription: (chapterTitle: string) => string;
  readonly verdict: Readonly<Record<VerdictNote, string>>;
  /** Unit words a reader of this edition may type after a number, besides the English ones src/lib/answers.ts reads. */
  readonly answerUnits: UnitWords;
  readonly sets: Readonly<Record<ExerciseChapter, Readonly<Record<string, ExerciseWordsOf>>>>;
}

export const exercisesEn = {
  sheetDescription: (chapterTitle: string) => `Printable exercises with generated numbers for the chapter ${chapterTitle}.`,
  verdict: {
    unreadable: 'Write a number, e.g. 4608, 4,608, 1.2e6, 3/512 or 11.3%.',
    closeExact: 'Close, but not it: this count is exact. Check the arithmetic of each factor.',
    close3sf: 'Close, but not it: give three significant figures. Check the arithmetic of each factor.',
    notYet: 'Not yet. Write the formula first, then put the numbers in.',
  },
  answerUnits: {} as UnitWords,
  sets: {
    // Chapter 1: standard convolution (Howard et al. 2017, §3.1, eq. 1–2).
    'standard-convolution': {
      params: {
        title: 'Parameters of a standard layer',
        prompt: (v) => `A standard convolution has ${v.k}×${v.k} kernels, M = ${v.m} input channels and N = ${v.n} output channels, without bias. How many weights does it have?`,
        unit: 'parameters',
        slips: {
          oneInputChannel: 'Each of the N kernels spans all M input channels: multiply by M too.',
          kernelNotSquared: 'A kernel is $D_K$ × $D_K$: the kernel size appears squared.',
          bias: 'That counts a bias per output channel; the question leaves bias out.',
          oneKernel: 'That is one kernel. The layer has N of them.',
        },
      },
      'output-size': {
        title: 'Output size at stride 2',
        prompt: (v) => `The same layer runs with stride s = 2 and "same" padding on a ${v.df}×${v.df} input. What is the output's side $D_G$?`,
        unit: 'pixels',
        slips: {
          noStride: 'With stride 2 the kernel moves two pixels at a time: $D_G$ = ⌈$D_F$ / s⌉, not $D_F$.',
          area: '$D_G$ is the side of the output, not its area.',
        },
      },
      'macs-strided': {
        title: 'Mult-adds at stride 2',
        prompt: (v) => `How many mult-adds does that stride-2 layer take (${v.k}×${v.k}, M = ${v.m}, N = ${v.n}, input ${v.df}×${v.df})? Three significant figures are enough.`,
        unit: 'mult-adds',
        slips: {
          usedDf: 'You used $D_F$; each output pixel costs $D_K^2$·M·N, and there are $D_G$ × $D_G$ of them.',
          flops: 'That is 2 × mult-adds, the FLOPs of one convention. The question asks for mult-adds.',
        },
      },
      'kernel-doubling': {
        title: 'A larger kernel',
        prompt: "Guess first: the kernel grows from 3×3 to 6×6, everything else fixed. What happens to the layer's mult-adds?",
        choices: ['They double', 'They grow 4×', 'They grow 9×', 'They stay the same'],
        explanation: 'Cost grows with $D_K^2$, and (6/3)² = 4. The bars for the standard layer move by exactly that factor.',
      },
      flops: {
        title: 'FLOPs and mult-adds',
        prompt: 'A paper reports "569M FLOPs" for a network whose mult-adds you counted as 569M. Which is right?',
        choices: [
          { text: 'The paper made a mistake: FLOPs are always twice the mult-adds.', why: 'Two conventions coexist. He et al. 2016 write "3.6 billion FLOPs (multiply-adds)": many papers say FLOPs and mean mult-adds.' },
          { text: 'Both can be right: in this literature "FLOPs" often means mult-adds; check which convention a paper uses.', why: 'Yes. Count a multiply and an add separately and you get 2 × mult-adds; many papers, including MobileNet V2\u2019s Table 4, count one per mult-add.' },
          { text: 'FLOPs include the bias and BatchNorm, so they must be larger.', why: 'Neither convention in these papers adds bias or BatchNorm to the count.' },
        ],
      },
    },
    // Chapter 2: grouped convolution (Krizhevsky et al. 2012; Xie et al. 2017).
    'grouped-convolution': {
      params: {
        title: 'Parameters with groups',
        prompt: (v) => `A 3×3 grouped convolution has M = ${v.m} input and N = ${v.n} output channels in G = ${v.g} groups, without bias. How many weights?`,
        unit: 'parameters',
        slips: {
          standard: 'That is the standard layer. Each group sees only M/G inputs and makes N/G outputs.',
          dividedTwice: 'Dividing by G² forgets that there are G groups, each with its own (M/G)·(N/G) kernels.',
          multiplied: 'Groups reduce the cost: divide by G, do not multiply.',
        },
      },
      saving: {
        title: 'How much cheaper',
        prompt: (v) => `By what factor does splitting that layer into G = ${v.g} groups cut its mult-adds?`,
        unit: '×',
        slips: { squared: 'Each group is (1/G)² of the layer, but there are G of them: G², divided by G, leaves G.' },
      },
      seen: {
        title: 'What one output sees',
        prompt: 'In that grouped layer, how many input channels does one output channel read?',
        unit: 'channels',
        slips: { standard: 'Only in a standard layer (G = 1). With groups, an output sees only its own group\u2019s M/G inputs.' },
      },
      depthwise: {
        title: 'When is grouped depthwise?',
        prompt: (v) => `A grouped convolution with G = M = ${v.m}. Is it a depthwise convolution?`,
        choices: [
          { text: 'Yes, for any N.', why: 'With G = M each group has one input channel, but N/G outputs. It is depthwise (one filter per channel) only when N = M; with N = k·M it is depthwise with channel multiplier k.' },
          { text: 'Only when N = M (or N = k·M, a depthwise layer with channel multiplier k).', why: 'Right: each input channel gets its own N/M filters and nothing mixes channels.' },
          { text: 'No: depthwise convolution is a different operation from grouped convolution.', why: 'It is the same operation at the extreme G = M; frameworks implement it as such (e.g. PyTorch groups=in_channels).' },
        ],
      },
      stack: {
        title: 'Two grouped layers in a row',
        prompt: 'Guess first: stack two grouped layers with the same G. Can an output of the second layer see every input channel?',
        choices: ['Yes, two layers mix everything', 'No, each output still sees only its own group'],
        explanation: 'Groups line up from layer to layer, so information never crosses between them; the connectivity stays block-diagonal. ShuffleNet (Zhang et al. 2018) adds a channel shuffle to fix it.',
      },
    },
    // Chapter 3: depthwise separable (Howard et al. 2017, §3.1, eq. 3–5).
    'depthwise-separable': {
      params: {
        title: 'Parameters of a separable layer',
        prompt: (v) => `A depthwise separable layer: ${v.k}×${v.k} depthwise on M = ${v.m} channels, then a 1×1 pointwise to N = ${v.n} channels, no bias. How many weights in all?`,
        unit: 'parameters',
        slips: {
          pointwiseOnly: 'That is the pointwise part alone: add the depthwise filters, $D_K^2$·M.',
          depthwiseOnly: 'That is the depthwise part alone: add the 1×1 pointwise weights, M·N.',
          standard: 'That is the standard layer it replaces.',
          multiplied: 'That multiplies the two parts; the layers run one after the other, so their weights add.',
        },
      },
      ratio: {
        title: 'The cost ratio',
        prompt: (v) => `For that layer ($D_K$ = ${v.k}, N = ${v.n}), what fraction of the standard layer's mult-adds does the separable one need? A fraction, a decimal or a percentage.`,
        unit: 'of the standard cost',
        slips: {
          pointwiseShare: 'That is $1/D_K^2$ alone, the pointwise layer\u2019s share: the depthwise layer adds 1/N.',
          depthwiseShare: 'That is 1/N alone, the depthwise layer\u2019s share: the pointwise layer adds $1/D_K^2$.',
          speedup: 'That is the speed-up (standard ÷ separable). The question asks for separable ÷ standard.',
        },
      },
      'large-n': {
        title: 'Very wide layers',
        prompt: 'Guess first: N grows from 64 to 1024 with a 3×3 kernel. What happens to the cost ratio separable ÷ standard?',
        choices: ['It keeps falling towards 0', 'It levels off near 1/9', 'It rises back towards 1'],
        explanation: '1/N + $1/D_K^2$ tends to $1/D_K^2$ = 1/9 ≈ 0.111 as N grows: the pointwise layer\u2019s share, $1/D_K^2$, sets the floor.',
      },
      'k-squared': {
        title: 'What does separable save?',
        prompt: 'A classmate says: "a separable layer saves a factor $D_K^2$ over the standard one." Which is right?',
        choices: [
          { text: 'Yes, a factor $D_K^2$ exactly.', why: 'The ratio is 1/N + $1/D_K^2$, not $1/D_K^2$: the pointwise term 1/N is always there, so the saving is a bit less than $D_K^2$ (8–9× for 3×3 in MobileNet).' },
          { text: 'A factor 1/(1/N + $1/D_K^2$): close to $D_K^2$ only when N is large.', why: 'Right. For N = 64 and $D_K$ = 3 that is 576/73 ≈ 7.9×.' },
          { text: 'A factor N, because the pointwise layer is 1×1.', why: 'The pointwise layer alone costs $1/D_K^2$ of the standard one, and the depthwise layer 1/N: the total is 1/N + $1/D_K^2$, so the saving is limited by $D_K^2$, not N.' },
        ],
      },
    },
    // Chapter 4: MobileNet V1 (Howard et al. 2017, Table 1, §4).
    'mobilenet-v1': {
      macs: {
        title: 'Mult-adds at α and ρ',
        prompt: (v) => `MobileNet V1 at width multiplier α = ${v.alpha} and input ${v.res}×${v.res} (ρ = ${v.res}/224). How many mult-adds? Three significant figures (e.g. 186M).`,
        unit: 'mult-adds',
        slips: {
          estimate: (v) => `That is the α²ρ² estimate from ${v.fullMacs}. The exact count differs: channels are rounded down to whole numbers and the first layer keeps its 3 input channels.`,
          linear: 'Cost falls with α² and ρ², not α and ρ: both the inputs and the outputs of a layer shrink.',
          flops: 'That is 2 × mult-adds (FLOPs in one convention).',
        },
        solution: (v) => [
          `\\text{sum over the 28 layers of Table 1 at } \\alpha = ${v.alpha},\\ ${v.res}\\times${v.res} = ${v.netMacsTex}`,
          `\\text{compare } \\alpha^2\\rho^2 \\cdot ${v.fullMacsTex} \\approx ${v.estimateTex}`,
        ],
      },
      params: {
        title: 'Parameters at α and ρ',
        prompt: (v) => `The same network (α = ${v.alpha}, ${v.res}×${v.res}): how many parameters, including the classifier's bias? Three significant figures.`,
        unit: 'parameters',
        slips: { resolution: 'Parameters do not depend on the input resolution: ρ changes the cost, not the weights.' },
        solution: (v) => [`\\text{weights at } \\alpha = ${v.alpha} \\text{ (any resolution)} = ${v.paramsTex}`],
      },
      'pointwise-share': {
        title: 'Where the cost goes',
        prompt: 'In MobileNet V1, which layers do most of the mult-adds?',
        choices: [
          { text: 'The 3×3 depthwise layers: they are the spatial ones.', why: 'Depthwise layers do only about 3% of the mult-adds (Table 2): one filter per channel is cheap.' },
          { text: 'The 1×1 pointwise layers: about 95% of the mult-adds.', why: 'Right (Howard et al. 2017, Table 2). "1×1 layers are cheap" is the misconception: they mix all channels, and there are many.' },
          { text: 'The fully connected classifier.', why: 'The classifier holds about a quarter of the parameters but well under 1% of the mult-adds.' },
        ],
      },
      'alpha-half': {
        title: 'Half the width',
        prompt: 'Guess first: α goes from 1 to 0.5. Roughly what happens to the mult-adds?',
        choices: ['About half', 'About a quarter', 'About an eighth'],
        explanation: 'Each layer\u2019s cost is about (αM)·(αN): α² = 0.25. The architecture figure\u2019s totals drop to about a quarter.',
      },
    },
    // Chapter 5: linear bottlenecks (Sandler et al. 2018, §3.2, Fig. 1).
    'linear-bottlenecks': {
      lost: {
        title: 'How much is lost',
        prompt: (v) => `A 2-D point is sent to n = ${v.n} dimensions by a random matrix and through ReLU. The chance that fewer than two coordinates stay positive — so the point cannot be recovered — is about (1 + n)/2ⁿ. What is it for n = ${v.n}?`,
        unit: 'of the points',
        slips: { allNegative: 'That is the chance that all n coordinates are negative. A point with exactly one positive coordinate is lost too: add n/2ⁿ.' },
      },
      'points-lost': {
        title: 'Points to expect lost',
        prompt: (v) => `The spiral has ${v.points} points and goes through ReLU in n = ${v.n2} dimensions. By the same estimate, about how many points are lost? Three significant figures.`,
        unit: 'points',
        slips: { noPositive: 'That counts only the points with no positive coordinate. One positive coordinate is not enough either: use (1 + n)/2ⁿ.' },
      },
      'spiral-3': {
        title: 'The spiral in 3 dimensions',
        prompt: 'Guess first: the spiral goes through ReLU in n = 3 dimensions and back. What do you expect?',
        choices: ['It comes back whole', 'Large parts collapse onto lines and are lost', 'It comes back rotated but whole'],
        explanation: 'With n = 3, half the points keep fewer than two positive coordinates: (1 + 3)/2³ = 0.5. They collapse and cannot be recovered.',
      },
      'last-relu': {
        title: 'A ReLU after the projection',
        prompt: 'Why does MobileNet V2 leave out the activation after the block\u2019s last 1×1 layer?',
        choices: [
          { text: 'To save computation: a ReLU there would be too expensive.', why: 'A ReLU costs almost nothing. The reason is information, not speed.' },
          { text: 'The projected tensor is narrow: a ReLU there would destroy information the next block needs.', why: 'Right (Sandler et al. 2018, §3.2, §6.4): in low dimensions ReLU collapses the manifold; linear bottlenecks measured better (Fig. 6a).' },
          { text: 'It makes no difference; the authors left it out for simplicity.', why: 'It does: the paper\u2019s ablation (Fig. 6a) shows a ReLU in the bottleneck hurts accuracy.' },
        ],
      },
    },
    // Chapter 6: MobileNet V2 (Sandler et al. 2018, Table 1, §3.3, §5).
    'mobilenet-v2': {
      'block-params': {
        title: 'Weights of an inverted residual',
        prompt: (v) => `An inverted residual block: ${v.cin} channels in, expansion t = ${v.t}, a 3×3 depthwise, ${v.cout} channels out, stride 1, no bias. How many weights (leave out BatchNorm)?`,
        unit: 'parameters',
        slips: {
          noProjection: 'You stopped before the projection: add the 1×1 from t·M back to N, t·M·N weights.',
          depthwiseNarrow: 'The depthwise layer works on the expanded tensor: 9·(t·M) weights, not 9·M.',
        },
      },
      memory: {
        title: 'Memory between blocks',
        prompt: (v) => `At 16 bits per number, how many bytes hold that block's input and output tensors (${v.size}×${v.size}×${v.cin} in, ${v.size}×${v.size}×${v.cout} out)?`,
        unit: 'bytes',
        slips: {
          bits: '16 bits are 2 bytes per number.',
          expanded: 'The question asks for the block\u2019s input and output, not the expanded tensor inside it.',
        },
      },
      shortcut: {
        title: 'A shortcut at stride 2?',
        prompt: 'Guess first: the block now has stride 2 (input and output channels equal). Does it keep its identity shortcut?',
        choices: ['Yes, the channels match', 'No: at stride 2 the output is smaller than the input'],
        explanation: 'An identity shortcut adds the input to the output, so both must have the same shape; stride 2 halves the height and width (Sandler et al. 2018, Fig. 4).',
      },
      hourglass: {
        title: 'Inverted, how?',
        prompt: 'What is "inverted" about the inverted residual?',
        choices: [
          { text: 'The shortcut connects the thin ends (the bottlenecks), and the block widens in the middle.', why: 'Right: ResNet goes wide → narrow → wide and links the wide ends; V2 goes narrow → wide → narrow and links the narrow ends.' },
          { text: 'The block runs its layers in reverse order at inference.', why: 'Nothing runs in reverse; the name is about the shape of the block.' },
          { text: 'The residual is subtracted instead of added.', why: 'The shortcut is an ordinary addition.' },
        ],
      },
    },
    // Chapter 7: Xception (Chollet 2017; Keras SeparableConv2D).
    xception: {
      'sepconv-params': {
        title: 'A Keras SeparableConv2D',
        prompt: (v) => `Keras SeparableConv2D(${v.n}, 3) on ${v.m} input channels, with its default bias. How many parameters?`,
        unit: 'parameters',
        slips: {
          noBias: 'Keras adds one bias per output channel by default (use_bias=True): + N.',
          standard: 'That is a standard Conv2D. A separable one has 9·M depthwise weights plus M·N pointwise.',
        },
      },
      'middle-macs': {
        title: 'One layer of the middle flow',
        prompt: (v) => `A middle-flow layer: 3×3 separable, 728 channels in and out, on a ${v.df}×${v.df} feature map, stride 1. How many mult-adds? Three significant figures.`,
        unit: 'mult-adds',
        slips: {
          standard: 'That is a standard 3×3 convolution. The separable layer costs $D_K^2$·M·$D_F^2$ + M·N·$D_F^2$.',
          pointwiseOnly: 'That is the pointwise part alone: add the depthwise 3²·728·$D_F^2$.',
        },
      },
      order: {
        title: 'Xception and MobileNet',
        prompt: 'How does Xception\u2019s separable convolution differ from MobileNet\u2019s?',
        choices: [
          { text: 'Not at all: the same layer with the same activations.', why: 'MobileNet V1 puts BatchNorm and ReLU after both the depthwise and the pointwise layer; Xception found no activation between them works best (Chollet 2017, Fig. 10).' },
          { text: 'Xception puts no activation between the depthwise and the pointwise step; MobileNet V1 has BN + ReLU after each.', why: 'Right. MobileNet V2 keeps BN + ReLU6 after its depthwise and removes the activation after the projection: a related intuition, opposite placement.' },
          { text: 'Xception\u2019s depthwise step uses 1×1 kernels.', why: 'Both use 3×3 depthwise kernels; the 1×1 is the pointwise step.' },
        ],
      },
      wide: {
        title: 'Wider layers, larger saving?',
        prompt: 'Guess first: Xception\u2019s middle flow runs separable layers on 728 channels, MobileNet\u2019s early layers on 64. How does the saving over a standard 3×3 layer compare?',
        choices: ['Much larger: about 728×', 'A little larger: closer to 9×', 'The same: always exactly 9×'],
        explanation: 'The ratio is 1/N + $1/D_K^2$: 1/64 + 1/9 ≈ 0.127 (7.9× fewer) against 1/728 + 1/9 ≈ 0.112 (8.9× fewer). The pointwise layer\u2019s share, 1/9, sets the limit.',
      },
    },
  },
} satisfies ExerciseWordsShape;

/** The shape every edition's exercise words have: the English module's. */
export type ExerciseWords = typeof exercisesEn;
