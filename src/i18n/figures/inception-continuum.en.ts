/** The words of the inception-continuum figure, English edition (figures.en.ts gathers every figure's; figures.zh.ts has the Chinese). */
export const inceptionContinuumEn = {
  title: 'Regular, Inception, separable: one spectrum',
  source: 'The spectrum of Chollet 2017, §1.1–1.2; counts from the cost model (a 1×1 plus a grouped convolution with one group per segment).',
  svgTitle: 'From a regular convolution to a depthwise separable one, through Inception',
  pointNames: {
    regular: { wide: 'Regular convolution', short: 'Regular' },
    inception: { wide: 'Inception', short: 'Inception' },
    separable: { wide: 'Depthwise separable', short: 'Separable' },
  },
  pointText: {
    regular: 'a regular convolution after a 1×1',
    inception: 'an Inception module',
    separable: 'a depthwise separable convolution',
    between: 'between the named points',
  },
  axisShort: 'segments S (divisors of M)',
  axisLong: 'segments S the spatial convolutions see (every divisor of M)',
  segmentOp: (k: string, per: string) => `${k}×${k}, ${per} ch`,
  in: 'in',
  out: 'out',
  blockNote: (m: string, s: string, k: string, per: string, one: boolean) => `M = ${m}; ${s} × ${k}×${k} on ${per} channel${one ? '' : 's'} each`,
  parameters: 'Parameters',
  multAdds: 'Mult-adds',
  ofSingle: (pct: string) => ` · ${pct} of S = 1`,
  onSegments: (k: string) => `${k}×${k} on segments`,
  summary: (s: string, m: string, named: string, params: string, macs: string, pct: string) =>
    `S = ${s} of M = ${m} (${named}): ${params} parameters and ${macs} mult-adds, ${pct} of the single-segment block.`,
  desc: (m: string, k: string, s: string, summary: string) =>
    `A 1×1 convolution over all ${m} channels, then ${k}×${k} convolutions on ${s} segments. ${summary} S = 1 is a regular convolution after a 1×1; S = M is a depthwise separable convolution; Inception modules use 3 or 4 segments (Chollet 2017).`,
  named: (named: string) => `: ${named}`,
};
