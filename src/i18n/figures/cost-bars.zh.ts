/** cost-bars 图的文字（中文版）：与 cost-bars.en.ts 结构相同。 */
import type { FigureStrings } from '../figures.en';

export const costBarsZh: FigureStrings['costBars'] = {
  title: '标准卷积与深度可分离卷积：计算量之比',
  source: '按 Howard et al. 2017 §3.1 的公式（式 1–5）计算。',
  svgTitle: '标准卷积与深度可分离卷积的计算量',
  fewer: (times) => `（少 ${times}）`,
  costsMore: '（反而更多）',
  ratio: '可分离 ÷ 标准 = ',
  dwLabel: (n, macs) => `深度卷积部分：标准卷积的 1/N = 1/${n}，${macs} 次乘加`,
  pwLabel: (kk, macs) => `逐点卷积部分：标准卷积的 1/卷积核大小² = 1/${kk}，${macs} 次乘加`,
  standardFull: '标准卷积 = 100%',
  share: '占比',
  zoom: (zoom) => `放大 ${zoom}`,
  tailLong: (pct) => `（相对标准卷积），占可分离卷积的 ${pct}`,
  tailShort: (pct) => `（放大后 ${pct}）`,
  depthwiseShare: '深度卷积 1/N = ',
  pointwiseShare: '逐点卷积 1/D_K² = ',
  summaryCheaper: (k, m, n, df, pct, times, kk) =>
    `卷积核 ${k}×${k}，M = ${m}，N = ${n}，输入 ${df}×${df} 时，深度可分离卷积的乘加次数是标准卷积的 ${pct}%，少 ${times}。其中深度卷积部分为标准卷积的 1/${n}，逐点卷积部分为 1/${kk}。`,
  summaryDearer: (k, n, r) => `卷积核 ${k}×${k}、N = ${n} 时，深度可分离卷积反而比标准卷积更贵：是它的 ${r} 倍。`,
  desc: (summary, stdMacs, stdParams, sepMacs, sepParams) =>
    `${summary}标准卷积：乘加次数 ${stdMacs}，参数量 ${stdParams}。深度可分离卷积：乘加次数 ${sepMacs}，参数量 ${sepParams}。`,
  macsAxis: '乘加次数（对数刻度）',
  paramsAxis: '参数量（对数刻度）',
  standard: '标准卷积',
  separable: '可分离卷积',
};
