/** channel-shuffle 图的文字（中文版）：与 channel-shuffle.en.ts 结构相同。 */
import type { FigureStrings } from '../figures.en';

export const channelShuffleZh: FigureStrings['channelShuffle'] = {
  title: '通道混洗：零代价地混合各组',
  source: '两层堆叠的 1×1 分组卷积的连接关系，以及 Zhang et al. 2018（ShuffleNet）§3.1 的通道混洗。',
  svgTitle: '两层堆叠的分组卷积：不做与做通道混洗',
  and: '和',
  listSep: '、',
  outputAria: (c, _many, ranges) => `输出 ${c} 看到的输入：${ranges}`,
  layer1: '第 1 层',
  layer2: '第 2 层',
  shuffle: '混洗',
  noShuffle: '不混洗',
  eachSees: '每个输出看到 ',
  ofInputs: (c) => `/${c} 个输入`,
  weights: '权重数：',
  shuffleAddsNone: '（混洗不增加权重）',
  summary: (c, g, n, plain, shuffled, params) =>
    `C = ${c} 个通道分成 G = ${g} 组，每组 ${n} 个：不做混洗时，第二层的每个输出只看到 ${c} 个输入中的 ${plain} 个；做混洗后看到 ${shuffled} 个。两种堆叠的权重数都是 ${params}。`,
  desc: (summary) => `${summary}连线按其所携带输入在第一层中的分组着色（Zhang et al. 2018，图 1）。`,
  groupsOf: (n) => ` 组，每组 ${n} 个通道，C = `,
  without: '不做混洗',
  with: '做通道混洗',
};
