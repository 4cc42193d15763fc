/** inception-continuum 图的文字（中文版）：与 inception-continuum.en.ts 结构相同。 */
import type { FigureStrings } from '../figures.en';

export const inceptionContinuumZh: FigureStrings['inceptionContinuum'] = {
  title: '常规卷积、Inception、深度可分离卷积：同一条谱系',
  source: 'Chollet 2017 §1.1–1.2 提出的谱系；计算量来自成本模型（一个 1×1 卷积加一个每段一组的分组卷积）。',
  svgTitle: '从常规卷积经 Inception 到深度可分离卷积',
  pointNames: {
    regular: { wide: '常规卷积', short: '常规' },
    inception: { wide: 'Inception', short: 'Inception' },
    separable: { wide: '深度可分离卷积', short: '可分离' },
  },
  pointText: {
    regular: '1×1 之后接常规卷积',
    inception: '一个 Inception 模块',
    separable: '深度可分离卷积',
    between: '介于上述几点之间',
  },
  axisShort: '分段数 S（M 的约数）',
  axisLong: '空间卷积所见的通道分段数 S（M 的每个约数）',
  segmentOp: (k, per) => `${k}×${k}，${per} 通道`,
  in: '输入',
  out: '输出',
  blockNote: (m, s, k, per) => `M = ${m}；${s} 个 ${k}×${k} 卷积，各作用于 ${per} 个通道`,
  parameters: '参数量',
  multAdds: '乘加次数',
  ofSingle: (pct) => ` · 为 S = 1 时的 ${pct}`,
  onSegments: (k) => `各段上的 ${k}×${k}`,
  summary: (s, m, named, params, macs, pct) => `S = ${s}，M = ${m}（${named}）：参数量 ${params}，乘加次数 ${macs}，为单段时的 ${pct}。`,
  desc: (m, k, s, summary) =>
    `先用 1×1 卷积作用于全部 ${m} 个通道，再在 ${s} 个分段上做 ${k}×${k} 卷积。${summary}S = 1 即 1×1 之后接常规卷积；S = M 即深度可分离卷积；Inception 模块使用 3 或 4 个分段（Chollet 2017）。`,
  named: (named) => `：${named}`,
};
