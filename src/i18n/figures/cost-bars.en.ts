/** The words of the cost-bars figure, English edition (figures.en.ts gathers every figure's; figures.zh.ts has the Chinese). */
export const costBarsEn = {
  title: 'Standard vs separable: the cost ratio',
  source: 'Counts from the formulas of Howard et al. 2017, §3.1 (eq. 1–5).',
  svgTitle: 'Cost of a standard and a depthwise separable convolution',
  fewer: (times: string) => ` (${times} fewer)`,
  costsMore: ' (it costs more)',
  ratio: 'Separable ÷ standard = ',
  dwLabel: (n: string, macs: string) => `Depthwise part: 1/N = 1/${n} of the standard cost, ${macs} mult-adds`,
  pwLabel: (kk: string, macs: string) => `Pointwise part: 1 over the kernel size squared = 1/${kk} of the standard cost, ${macs} mult-adds`,
  standardFull: 'standard = 100%',
  share: 'share',
  zoom: (zoom: string) => `zoom ${zoom}`,
  tailLong: (pct: string) => ` of the standard layer, ${pct} of the separable one`,
  tailShort: (pct: string) => ` (${pct} zoomed)`,
  depthwiseShare: 'depthwise 1/N = ',
  pointwiseShare: 'pointwise 1/D_K² = ',
  summaryCheaper: (k: string, m: string, n: string, df: string, pct: string, times: string, kk: string) =>
    `With a ${k}×${k} kernel, M = ${m}, N = ${n} and a ${df}×${df} input, the separable layer needs ${pct}% of the standard layer's mult-adds: ${times} fewer. The depthwise part is 1/${n} of the standard cost, the pointwise part 1/${kk}.`,
  summaryDearer: (k: string, n: string, r: string) => `With a ${k}×${k} kernel and N = ${n}, the separable layer costs more than the standard one: ${r} times as much.`,
  desc: (summary: string, stdMacs: string, stdParams: string, sepMacs: string, sepParams: string) =>
    `${summary} Standard: ${stdMacs} mult-adds and ${stdParams} parameters. Separable: ${sepMacs} mult-adds and ${sepParams} parameters.`,
  macsAxis: 'Mult-adds (log scale)',
  paramsAxis: 'Parameters (log scale)',
  standard: 'Standard',
  separable: 'Separable',
};
