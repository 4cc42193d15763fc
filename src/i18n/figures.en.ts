/**
 * The words of the figures, English edition: titles, sources, labels, captions, descriptions and
 * the summaries read to screen readers. Numbers arrive already formatted (src/lib/format); a
 * string that needs them is a function. figures.zh.ts has the same shape.
 */
export const figuresEn = {
  activations: {
    title: 'ReLU, ReLU6 and linear',
    source: 'Sandler et al. 2018, §3.2 and §4',
    svgTitle: 'ReLU, ReLU6 and linear activations',
    names: ['ReLU', 'ReLU6', 'linear'],
    summary: (name: string, sample: string, out: string) =>
      `${name} selected: σ(${sample}) = ${out}. ReLU is max(0, z), ReLU6 is min(max(0, z), 6), linear passes z through.`,
    desc: (summary: string) =>
      `Three activation functions σ(z) for z from −4 to 9: ReLU = max(0, z) is 0 for negative z and z above; ReLU6 = min(max(0, z), 6) also stops at 6; linear is σ(z) = z. ${summary}`,
  },
  arithmeticIntensity: {
    title: 'Arithmetic intensity: why fewer mult-adds are not proportionally faster',
    source: 'Roofline model of Williams et al. 2009; layer sizes from the cost model; latencies from Sandler et al. 2018, Table 4; default ceilings for one big core of a Pixel 1 (see the chapter).',
    svgTitle: 'Arithmetic intensity on a roofline: standard, depthwise and pointwise layers, and every MobileNet V1 and V2 layer',
    example: { standard: 'standard', depthwise: 'depthwise', pointwise: 'pointwise' },
    layerTip: (name: string, intensity: string, memory: boolean) => `${name}: ${intensity} mult-adds per byte, ${memory ? 'memory' : 'compute'}-bound`,
    yAxis: 'G mult-adds/s (log)',
    memoryBound: 'memory-bound',
    xAxis: 'mult-adds per byte moved (log)',
    measured: 'Measured on a Pixel 1',
    measuredWhere: 'one big core; MobileNetV2, Table 4',
    time: 'Time',
    multAdds: 'Mult-adds',
    ratio: (what: string) => `${what}, V2 ÷ V1 = `,
    boundHead: 'Roofline bound at these ceilings:',
    pointer: 'Time the two layers on your own device: the live block in chapter 3, “Run it”.',
    summary: (precision: string, std: string, dw: string, pw: string, ridge: string, memV1: string, n1: string, memV2: string, n2: string) =>
      `Per byte moved (${precision}): standard ${std}, depthwise ${dw}, pointwise ${pw} mult-adds. The ridge is at ${ridge}: ${memV1} of MobileNet V1's ${n1} layers and ${memV2} of V2's ${n2} are memory-bound.`,
    desc: (summary: string) => `${summary} On a Pixel 1 big core MobileNet V2 took 75 ms against V1's 113 ms (Sandler et al. 2018, Table 4).`,
    perByte: 'Mult-adds per byte: ',
    perByteMoved: 'Mult-adds per byte moved:',
    ridge: 'Ridge π/β = ',
    ridgeShort: 'Ridge ',
    memoryBoundV1: '; memory-bound: V1 ',
    ofLayers: (n: string) => ` of ${n}, V2 `,
    ofLayersEnd: (n: string) => ` of ${n} layers`,
    short: { standard: 'std ', depthwise: ' · dw ', pointwise: ' · pw ' },
    legend: { conv: 'first conv', depthwise: 'depthwise', pointwise: 'pointwise', fc: 'classifier' },
  },
  blockShapes: {
    title: 'Residual and inverted residual blocks',
    source: 'He et al. 2016, Fig. 5; Sandler et al. 2018, Table 1 and Fig. 3; costs from the site’s cost model',
    svgTitle: 'A residual block and an inverted residual block, drawn to scale',
    noShortcutStride: (stride: string) => `no shortcut: stride ${stride} shrinks the map`,
    noShortcutChannels: (cin: string, cout: string) => `no shortcut: ${cin} ≠ ${cout} channels`,
    noShortcutBoth: (stride: string, cin: string, cout: string) => `no shortcut: stride ${stride}, ${cin} ≠ ${cout}`,
    identityRule: 'identity shortcut: same shape in and out',
    /** The reason alone, for the projection shortcut's note. */
    becauseStride: (stride: string) => `stride ${stride} shrinks the map`,
    becauseChannels: (cin: string, cout: string) => `${cin} ≠ ${cout} channels`,
    becauseBoth: (stride: string, cin: string, cout: string) => `stride ${stride}, ${cin} ≠ ${cout}`,
    op: { depthwise: 'depthwise', expand: 'expand', project: 'project', reduce: 'reduce', conv: 'conv' },
    act: { linear: 'linear', relu6: 'ReLU6', relu: 'ReLU' },
    stride: (s: string) => `stride ${s}`,
    layerAbout: (k: string, op: string, cin: string, cout: string, act: string, params: string, macs: string) =>
      `${k}×${k} ${op} convolution, ${cin} → ${cout} channels, ${act}: ${params} weights, ${macs} mult-adds`,
    opName: { depthwise: 'depthwise', expand: 'expand', project: 'project', reduce: 'reduce', conv: 'standard', shortcut: 'shortcut' },
    layerAria: (inverted: boolean, about: string) => `${inverted ? 'Inverted residual' : 'Residual'} block, ${about}`,
    identityNote: 'identity shortcut, added at ⊕',
    projectionLong: (why: string) => `1×1 projection shortcut (${why})`,
    projectionShort: (why: string) => `1×1 projection (${why})`,
    projection: '1×1 projection shortcut',
    params: 'params ',
    multAdds: ' · mult-adds ',
    multAddsLine: 'mult-adds ',
    withIdentity: 'with an identity shortcut',
    summary: (inv: string, invParams: string, invMacs: string, note: string, res: string, resParams: string, resMacs: string) =>
      `Inverted residual ${inv}: ${invParams} parameters, ${invMacs} mult-adds, ${note}. Residual ${res}: ${resParams} parameters, ${resMacs} mult-adds.`,
    inverted: 'Inverted residual (MobileNet V2)',
    invertedSub: (t: string) => `narrow → wide → narrow, expanded ${t}×`,
    residual: 'Residual (ResNet)',
    residualSub: (t: string) => `wide → narrow → wide, narrowed ${t}×`,
    desc: (df: string, m: string, n: string, t: string, s: string, summary: string) => `Input ${df}×${df}×${m}, output ${n} channels, expansion t = ${t}, stride ${s}. ${summary}`,
  },
  channelShuffle: {
    title: 'Channel shuffle: mixing groups for free',
    source: 'Connectivity of two stacked grouped 1×1 layers, with the channel shuffle of Zhang et al. 2018 (ShuffleNet), §3.1.',
    svgTitle: 'Two stacked grouped layers, without and with a channel shuffle',
    and: ' and ',
    listSep: ', ',
    outputAria: (c: string, many: boolean, ranges: string) => `Output ${c} sees input${many ? 's' : ''} ${ranges}`,
    layer1: 'layer 1',
    layer2: 'layer 2',
    shuffle: 'shuffle',
    noShuffle: 'no shuffle',
    eachSees: 'Each output sees ',
    ofInputs: (c: string) => ` of ${c} inputs`,
    weights: 'Weights: ',
    shuffleAddsNone: ' (the shuffle adds none)',
    summary: (c: string, g: string, n: string, plain: string, shuffled: string, params: string) =>
      `C = ${c} channels in G = ${g} groups of ${n}: without a shuffle each output of the second layer sees ${plain} of the ${c} inputs, with it ${shuffled}. Both stacks have ${params} weights.`,
    desc: (summary: string) => `${summary} Lines are coloured by the first-layer group whose inputs they carry (Zhang et al. 2018, Fig. 1).`,
    groupsOf: (n: number) => ` groups of ${n} channel${n === 1 ? '' : 's'}, C = `,
    without: 'Without shuffle',
    with: 'With channel shuffle',
  },
  // @@NEXT
};

export type FigureStrings = typeof figuresEn;
