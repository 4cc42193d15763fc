/**
 * Words of the live TensorFlow.js blocks and of the V1 layer table (English). Text marked up
 * with `_{…}` (subscript), `^{…}` (superscript) and `**…**` (strong) is turned into elements by
 * the views; `{name}` in a template is where the view puts a number or a part it builds.
 */
import { errorsEn } from './errors.en';
import type { BenchRefusal } from '../lib/bench-guard';
import { formatInt } from '../lib/format';
import type { WordsByCode } from './by-code';
import type { BackendFailureReason } from '../lib/tf/load';

/** Why a backend of TensorFlow.js could not be used, by code (`detail` is the browser's own message). */
const backendReasonEn: WordsByCode<BackendFailureReason> = {
  'not-bundled': () => 'could not be loaded: the wasm backend is not bundled with this site',
  'not-loaded': (r) => `could not be loaded: ${r.detail}`,
  'no-init': () => 'did not initialise on this device',
  'init-error': (r) => r.detail,
};

/** Why ConvBench will not time a layer, by code. */
const benchRefusalEn: WordsByCode<BenchRefusal> = {
  'tensor-too-large': (r) =>
    `These sizes need a tensor of ${formatInt(r.elements)} numbers, more than the ${formatInt(r.limit)} (64 MiB of float32) this page allows itself in your browser.`,
  'too-many-mult-adds': (r) =>
    `The standard layer needs ${formatInt(r.multAdds)} mult-adds per run, more than the ${formatInt(r.limit)} this page will time: on a phone or the cpu backend its nine runs would freeze the tab for many seconds. Make M, N, D_K or D_F smaller.`,
};

export const liveEn = {
  /** What every live block says the same way. */
  common: {
    /** The cost model's refusal of a setting, by its code. */
    costError: errorsEn,
    backend: 'Backend',
    backendIs: 'Backend: ',
    notLoaded: 'not loaded',
    notRunYet: 'not run yet',
    loadingTf: 'Loading TensorFlow.js…',
    cancel: 'Cancel',
    cancelling: 'Cancelling…',
    tfOffline: 'TensorFlow.js could not be downloaded (you seem to be offline). Press the button again once the connection is back; the numbers above do not depend on it.',
    tfLoadFailed: 'TensorFlow.js could not be downloaded. Press the button again in a moment; the numbers above do not depend on it.',
    noWebGl: 'this browser offers no WebGL',
    /** A backend that could not be used, and why. */
    fellBack: (backend: string, reason: string) => `${backend}: ${reason}`,
    /** Why a backend could not be used, by code. */
    backendReason: backendReasonEn,
    /** The backend in use, with a note on why it is this one. */
    withNote: (backend: string, note: string) => `${backend} (${note})`,
    /** Several notes as one. */
    list: (parts: readonly string[]) => parts.join('; '),
    /** No backend could run; the list says why for each. */
    unavailable: (list: string) => `TensorFlow.js could not run here: ${list}`,
    ms: (x: string) => `${x} ms`,
  },
  convBench: {
    title: 'Run it: standard vs separable in your browser',
    /** {sizes}, {speedup} and {macs} are filled in by the view. */
    intro: 'Sizes: {sizes} (from the sliders above). The cost model predicts that the separable layer needs {speedup} fewer mult-adds: {macs}.',
    against: (a: string, b: string) => `${a} against ${b}`,
    run: 'Run in TensorFlow.js',
    /** Why the sizes will not be timed, by code. */
    refusal: benchRefusalEn,
    idle: 'Nothing has been downloaded yet: TensorFlow.js loads only when you press Run.',
    caption: (repeats: number, warmup: number) => `Time per layer, median of ${repeats} runs after ${warmup} warm-up runs`,
    colLayer: 'Layer',
    colMacs: 'Mult-adds',
    colMeasured: 'Measured',
    rowStandard: 'Standard convolution',
    rowSeparable: 'Depthwise + 1×1 pointwise',
    rowSpeedup: 'Speed-up',
    predicted: (x: string) => `${x} predicted`,
    measured: (x: string) => `${x} measured`,
    tooFast: 'too fast to time',
    why:
      'Why the measured and the predicted speed-up differ: mult-adds are not latency. A depthwise layer does only D_{K}² multiply-adds for every number it reads, so it spends much of its time moving data through memory rather than computing; each layer is also a separate kernel launch with a fixed overhead, and the separable pair makes two. Libraries have tuned the dense convolution for years, the depthwise one much less. On a GPU the separable pair usually falls well short of the count; on TensorFlow.js’s cpu backend, where every layer is a plain loop, it can come close to it or pass it. The prediction counts arithmetic only.',
    sameOutputTitle: 'Same output when the kernel factors',
    sameOutput:
      'The run also builds a standard kernel W[i,j,m,n] = d[i,j,m]·p[m,n] from a depthwise kernel d and a pointwise kernel p, all small integers, and compares the standard layer’s output with depthwise-then-pointwise, and both with the exact output. Every output is an integer below 2^{24}, which float32 holds exactly, so a correct backend gives identical outputs; the differences are measured exactly, in float64. Then it draws a random standard kernel, which does not factor, and measures how far the best separable layer is from it.',
    webglNote:
      'On the WebGL backend a few outputs that should be exactly 0 can come back as ±10^{−15}: its packed convolution starts every sum at 10^{−15} and takes it off at the end, and a sum that passes through larger values and returns to 0 keeps the leftover (TensorFlow.js 4.22, WebGL backend source). That is far below what float32 resolves at the large outputs (numbers between 256 and 512 are 2^{−15} ≈ 3.1·10^{−5} apart), and it is not an error of the factorisation.',
    factorable: 'Factorable kernel, standard against separable output:',
    random: 'Random kernel, relative error of the best separable approximation (output):',
    timing: (backend: string) => `Timing on the ${backend} backend…`,
    doneAtLeast: (backend: string, measured: string, predicted: string) => `Done on ${backend}: the separable pair ran ${measured} faster, at least the ${predicted} the count predicts.`,
    doneShort: (backend: string, measured: string, predicted: string) => `Done on ${backend}: the separable pair ran ${measured} faster, short of the ${predicted} the count predicts; see why below.`,
    doneUntimed: (backend: string, predicted: string) => `Done on ${backend}: the separable pair ran too fast to time, so its speed-up is unknown; the count predicts ${predicted}.`,
    stale: (sizes: string) => `The results below are for ${sizes}. Press Run to time the new sizes.`,
    failed: (message: string) => `This browser could not run the block: ${message}. The predicted numbers above still hold.`,
    smallerLayer: (sizes: string) => ` (on a smaller layer, ${sizes}: yours is too large to build in float64 here)`,
    approx: (output: string, kernel: string) => `${output}% (kernel: ${kernel}%)`,
    identicalAll: (outputs: string, largest: string) => `identical in all ${outputs} outputs, and equal to the exact integers (the largest is ${largest})`,
    identicalSome: (same: string, outputs: string, difference: string, exact: string, largest: string, spacing: string) =>
      `identical in ${same} of ${outputs} outputs; the largest difference is ${difference}, at an output whose exact value is ${exact}. For scale: float32 numbers near the largest output, ${largest}, are ${spacing} apart`,
    chart: {
      title: 'Measured time and speed-up of a separable layer against the mult-add prediction',
      timePerLayer: 'Time per layer',
      standard: 'Standard',
      separable: 'Depthwise + pointwise',
      scaledKey: 'time if it scaled with mult-adds',
      eachRun: (n: number) => `each of ${n} runs`,
      notRun: 'Not run yet: press Run to time both layers here.',
      speedup: 'Speed-up of the separable pair',
      predictedRow: 'Predicted (mult-adds)',
      measuredRow: 'Measured',
      tooFast: 'too fast to time',
      notRunYet: 'not run yet',
      summaryRun: (standard: string, separable: string, measured: string | undefined, predicted: string) =>
        `Standard ${standard}, depthwise + pointwise ${separable}; speed-up ${measured ?? 'not measurable'} measured against ${predicted} predicted by the mult-adds.`,
      summaryIdle: (predicted: string) => `Predicted speed-up from the mult-adds: ${predicted}. Not run yet.`,
    },
  },
  v1Model: {
    title: 'Live: build MobileNet V1 in your browser',
    setting: 'Setting',
    /** {alpha}, {res} and {macs} are filled in by the view. */
    settingValue: 'α {alpha}, {res}×{res}: {macs} mult-adds',
    siteKeras: 'This site’s count, Keras convention (weights + FC bias + 4 per BN channel)',
    sitePaper: 'Paper convention (weights + FC bias)',
    /** {count} and {paper} are filled in by the view. */
    paperPrints: '{count}; the paper prints {paper}',
    paperExact: (millions: string, table: string) => `${millions}M (Howard et al. 2017, ${table})`,
    paperSameWidth: (millions: string, alpha: string, resolution: string, table: string) =>
      `${millions}M for α ${alpha} at ${resolution} (Howard et al. 2017, ${table}); the resolution does not change it`,
    paperNone: 'no count for this α',
    countParams: 'TensorFlow.js {code}',
    notBuilt: 'not built yet',
    buildTime: 'Build time (layers and random weights)',
    forward: 'Forward pass, one 1×res×res×3 image (median of 3 after 1 warm-up)',
    backendChoice: 'Backend',
    auto: 'fastest available (webgl, else cpu)',
    run: 'Build and run',
    noscript: 'This block needs JavaScript; the counts above are computed without it.',
    cpuRefuse: (macs: string) => `On the cpu backend this setting (${macs} mult-adds) would take minutes per pass; choose a smaller α or resolution to run it there.`,
    cpuSlow: 'On the cpu backend this setting takes seconds per pass (four passes in all). You can cancel.',
    noWebGlChoose: 'this browser cannot create a WebGL context; choose cpu.',
    refused: (macs: string) => `Not run: ${macs} mult-adds is too much for the cpu backend. Choose a smaller α or resolution.`,
    building: (alpha: string, res: string, backend: string) => `Building MobileNet V1 at α ${alpha}, ${res}×${res} on ${backend}…`,
    firstPass: (total: number) => `Built; forward pass 1 of ${total}…`,
    passDone: (done: number, total: number) => `Forward pass ${done} of ${total} done…`,
    counted: (total: string, trainable: string, nonTrainable: string, same: boolean, alpha: string, res: string) =>
      `${total} (trainable ${trainable}, non-trainable ${nonTrainable}) — ${same ? 'equals' : 'differs from'} the site’s Keras count, α ${alpha}, ${res}×${res}`,
    runs: (median: string, runs: string) => `${median} (runs: ${runs})`,
    noTimedPass: 'cancelled before a timed pass',
    cancelledBeforeBuilt: 'cancelled before the model was built',
    done: (backend: string) => `Done on ${backend}. The model was disposed.`,
    cancelledDisposed: 'Cancelled; the model was disposed.',
    cancelled: 'Cancelled.',
    failed: (message: string) => `Could not run: ${message}.`,
    chart: {
      weights: 'weights + FC bias',
      bnTrainable: 'BatchNorm γ, β',
      bnMoving: 'BatchNorm mean, variance',
      part: (label: string, value: string) => `${label}: ${value}`,
      countIdle: (site: string) => `This site’s count: ${site}; TensorFlow.js not run yet.`,
      countRun: (counted: string, same: boolean, site: string) => `TensorFlow.js countParams() ${counted} ${same ? 'equals' : 'differs from'} this site’s count ${site}.`,
      pending: 'press Build and run',
      site: 'this site (Keras)',
      kinds: { conv: 'first conv', depthwise: 'depthwise', pointwise: '1×1', fc: 'FC', separable: 'separable', pool: 'pool' },
      layer: (name: string, kind: string, ms: string, macs: string | undefined, predicted: string) =>
        `${name} (${kind}): ${ms} ms measured${macs === undefined ? '' : `; ${macs} mult-adds, ${predicted} ms if time followed them`}`,
      depthwiseShare: (time: string, macs: string) => `Depthwise layers: ${time} of the time for ${macs} of the mult-adds.`,
      pointwiseShare: (time: string, macs: string) => `1×1 layers: ${time} of the time for ${macs} of the mult-adds.`,
      keyMeasured: '▮ measured, by layer type',
      keyPredicted: '— if time followed mult-adds',
      keyWide: '▮ measured (colour: layer type) · — the time its share of mult-adds predicts',
      timeTitle: (total: string, lines: string) => `Measured time of each layer, ${total} ms in all. ${lines}`,
      timeHeading: 'Time per layer',
      tallest: (max: string, all: string) => `tallest ${max} ms · all ${all} ms`,
    },
  },
  bottleneck: {
    title: 'Train it: a ReLU bottleneck against a linear one',
    /** {points}, {inputDim}, {hidden}, {bottleneck} and {epochs} are numbers the view fills in. */
    setup:
      'The data: {points} points of a spiral in the plane, embedded in {inputDim} dimensions by a fixed random matrix. The network must give back each point’s two coordinates. It is an hourglass, {inputDim} → {hidden} → **{bottleneck}** → {hidden} → 2, with ReLU after both {hidden}-wide layers; the narrow layer in the middle is as wide as the spiral’s own dimension. Both runs start from the same weights (seeded by the page’s seed) and take {epochs} full-batch Adam steps. The only difference: a ReLU after the {bottleneck}-wide layer, or nothing. Beside the losses, each network’s output for every point, drawn over the spiral it should give back.',
    run: 'Run both in TensorFlow.js',
    stop: 'Stop',
    idle: 'Nothing has been downloaded yet: TensorFlow.js loads only when you press Run. Training takes a few seconds.',
    lossRelu: 'Final loss, ReLU bottleneck',
    lossLinear: 'Final loss, linear bottleneck',
    gap: 'Gap (ReLU ÷ linear)',
    running: 'running…',
    backendTf: (backend: string) => `${backend} (TensorFlow.js)`,
    training: (backend: string, seed: number) => `Training on the ${backend} backend, weights seed ${seed}…`,
    after: (loss: string, epochs: number) => `${loss} after ${epochs} epochs`,
    gapValue: (ratio: string, worse: boolean) => `${ratio}: the ReLU bottleneck ends ${worse ? 'worse' : 'better'}`,
    gapUnknown: 'not known (stopped before both ran)',
    stopped: (seconds: string) => `Stopped after ${seconds} s. Press Run to start again.`,
    done: (seconds: string, backend: string) => `Done in ${seconds} s on the ${backend} backend.`,
    failed: (message: string) => `This browser could not run the training: ${message}. The explanation above does not depend on it.`,
    chart: {
      title: 'Training loss of a ReLU and a linear bottleneck, and the spiral each gives back',
      empty: 'Empty chart: training loss against epoch for the two networks, and the spiral each one gives back, drawn when the training runs.',
      desc: (reluEpochs: number, reluLoss: string, linearEpochs: number, linearLoss: string) =>
        `Training loss after ${reluEpochs} epochs with a ReLU bottleneck: ${reluLoss}; after ${linearEpochs} epochs with a linear bottleneck: ${linearLoss}. Beside it, each network’s output for every point of the spiral, over the target spiral.`,
      notRun: 'not run yet',
      heading: 'Training loss (log scale)',
      reluKey: 'ReLU bottleneck',
      linearKey: 'Linear bottleneck',
      epochAxis: 'epoch (full-batch Adam step)',
      reluOutput: 'ReLU: output',
      linearOutput: 'Linear: output',
    },
  },
  layerTable: {
    summary: 'All 28 layers as a table',
    /** {alpha} and {res} are filled in by the view. */
    caption: 'MobileNet V1 at α {alpha}, {res}×{res} (Howard et al. 2017, Table 1; counts computed)',
    head: ['#', 'Layer', 'Type', 'Filter shape', 'Input', 'Output', 'Params', 'Mult-adds'],
    total: 'Total (weights + FC bias; mult-adds over weights)',
    bnChannels: 'BatchNorm channels',
    keras: 'Keras count_params (+4 per BN channel)',
    pytorch: 'PyTorch parameters() (+2 per BN channel)',
  },
};

export type LiveStrings = typeof liveEn;
