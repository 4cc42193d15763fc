/** ratio-curves 图的文字（中文版）：与 ratio-curves.en.ts 结构相同。 */
import type { FigureStrings } from '../figures.en';

export const ratioCurvesZh: FigureStrings['ratioCurves'] = {
  title: '计算量之比随 N 的变化及其下限',
  source: 'Howard et al. 2017，式 5；精确分数来自本站的成本模型',
  svgTitle: '几种卷积核大小下，计算量之比 1/N + 1/(卷积核大小)² 随 N 的变化',
  xAxisShort: 'N（对数刻度）',
  xAxisLong: 'N，输出通道数（对数刻度）',
  yAxis: '可分离 ÷ 标准（对数刻度）',
  fewer: (times) => `（少 ${times}）`,
  costsMore: '（反而更多）',
  summary: (k, n, kk, r, fewer, floor) =>
    `卷积核 ${k}×${k}、N = ${n} 时，深度可分离卷积的计算量是标准卷积的 1/${n} + 1/${kk} = ${r}${fewer}；N 越大，它越接近 1/${kk} = ${floor}。`,
  gapLabel: (n, kk) => `深度卷积项 1/N = 1/${n}：标记点与下限 1/${kk} 之间的距离`,
  curveAt: (n, r, k) => `${k}×${k} 卷积核在 N = ${n} 时比值为 ${r}`,
  curveSep: '；',
  desc: (summary, kernels, curves) => `${summary}图中曲线对应卷积核大小 ${kernels}：${curves}。`,
  result: (k, n) => `D_K = ${k}，N = ${n}：比值 `,
};
