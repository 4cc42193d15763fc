/** The words of the ratio-curves figure, English edition (figures.en.ts gathers every figure's; figures.zh.ts has the Chinese). */
export const ratioCurvesEn = {
  title: 'The cost ratio against N, and its floor',
  source: 'Howard et al. 2017, eq. 5; exact fractions from the site’s cost model',
  svgTitle: 'The cost ratio 1/N + 1/(kernel size)² against N for several kernel sizes',
  xAxisShort: 'N (log scale)',
  xAxisLong: 'N, output channels (log scale)',
  yAxis: 'separable ÷ standard (log scale)',
  fewer: (times: string) => ` (${times} fewer)`,
  costsMore: ' (costs more)',
  summary: (k: string, n: string, kk: string, r: string, fewer: string, floor: string) =>
    `With a ${k}×${k} kernel and N = ${n}, a separable layer costs 1/${n} + 1/${kk} = ${r} of a standard layer${fewer}; as N grows this approaches 1/${kk} = ${floor}.`,
  gapLabel: (n: string, kk: string) => `The depthwise term 1/N = 1/${n}: the gap between the marker and the floor 1/${kk}`,
  curveAt: (n: string, r: string, k: string) => `at N = ${n} the ratio is ${r} for a ${k}×${k} kernel`,
  curveSep: '; ',
  desc: (summary: string, kernels: string, curves: string) => `${summary} Curves for kernel sizes ${kernels}: ${curves}.`,
  result: (k: string, n: string) => `D_K = ${k}, N = ${n}: ratio `,
};
