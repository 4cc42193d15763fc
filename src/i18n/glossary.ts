/**
 * The terms of the subject in both editions, in one place. The Chinese column follows the usage
 * of the Chinese literature (and of the source articles); chapters give the English term in
 * parentheses at a term's first use. Pages, figures, decks and exercises take their terms from
 * here; a test checks that the Chinese pages use these words and not others for the same thing.
 */
export interface Term {
  readonly en: string;
  readonly zh: string;
  /** Other Chinese names a reader meets in the literature, accepted in quotations only. */
  readonly zhAlso?: readonly string[];
}

export const GLOSSARY = {
  standardConv: { en: 'standard convolution', zh: '标准卷积' },
  groupedConv: { en: 'grouped convolution', zh: '分组卷积' },
  depthwiseConv: { en: 'depthwise convolution', zh: '深度卷积', zhAlso: ['逐通道卷积'] },
  pointwiseConv: { en: 'pointwise convolution', zh: '逐点卷积' },
  separableConv: { en: 'depthwise separable convolution', zh: '深度可分离卷积' },
  kernel: { en: 'kernel', zh: '卷积核' },
  filter: { en: 'filter', zh: '滤波器' },
  channel: { en: 'channel', zh: '通道' },
  featureMap: { en: 'feature map', zh: '特征图' },
  stride: { en: 'stride', zh: '步长' },
  padding: { en: 'padding', zh: '填充' },
  group: { en: 'group', zh: '组' },
  widthMultiplier: { en: 'width multiplier α', zh: '宽度乘子 α' },
  resolutionMultiplier: { en: 'resolution multiplier ρ', zh: '分辨率乘子 ρ' },
  expansionFactor: { en: 'expansion factor t', zh: '扩展因子 t' },
  invertedResidual: { en: 'inverted residual', zh: '倒残差' },
  linearBottleneck: { en: 'linear bottleneck', zh: '线性瓶颈' },
  bottleneck: { en: 'bottleneck', zh: '瓶颈' },
  shortcut: { en: 'shortcut', zh: '捷径连接', zhAlso: ['跳跃连接'] },
  residual: { en: 'residual connection', zh: '残差连接' },
  manifold: { en: 'manifold', zh: '流形' },
  manifoldOfInterest: { en: 'manifold of interest', zh: '感兴趣流形' },
  multAdds: { en: 'mult-adds (MACs)', zh: '乘加次数' },
  params: { en: 'parameters', zh: '参数量' },
  activation: { en: 'activation', zh: '激活' },
  receptiveField: { en: 'receptive field', zh: '感受野' },
  channelShuffle: { en: 'channel shuffle', zh: '通道混洗' },
  arithmeticIntensity: { en: 'arithmetic intensity', zh: '算术强度' },
  roofline: { en: 'roofline', zh: '屋顶线模型' },
  batchNorm: { en: 'batch normalization', zh: '批归一化' },
  entryFlow: { en: 'entry flow', zh: '入口流' },
  middleFlow: { en: 'middle flow', zh: '中间流' },
  exitFlow: { en: 'exit flow', zh: '出口流' },
  inceptionModule: { en: 'Inception module', zh: 'Inception 模块' },
  crossChannel: { en: 'cross-channel correlations', zh: '跨通道相关性' },
  spatialCorrelation: { en: 'spatial correlations', zh: '空间相关性' },
  top1: { en: 'top-1 accuracy', zh: 'top-1 准确率' },
  latency: { en: 'latency', zh: '延迟' },
  ridgePoint: { en: 'ridge point', zh: '拐点' },
  computeBound: { en: 'compute-bound', zh: '受计算限制' },
  memoryBound: { en: 'memory-bound', zh: '受内存带宽限制' },
  depthMultiplier: { en: 'depth multiplier', zh: '深度乘子' },
  expansionLayer: { en: 'expansion layer', zh: '扩展层' },
  projectionLayer: { en: 'projection layer', zh: '投影层' },
  identityMapping: { en: 'identity mapping', zh: '恒等映射' },
  pseudoInverse: { en: 'pseudo-inverse', zh: '伪逆' },
  weights: { en: 'weights', zh: '权重' },
  bias: { en: 'bias', zh: '偏置' },
  fullyConnected: { en: 'fully connected layer', zh: '全连接层' },
  averagePooling: { en: 'average pooling', zh: '平均池化' },
  block: { en: 'block', zh: '模块' },
  hourglass: { en: 'hourglass (bottleneck) shape', zh: '沙漏型' },
  costModel: { en: 'cost model', zh: '开销模型' },
  checkpoint: { en: 'checkpoint', zh: '检查点' },
  erratum: { en: 'erratum', zh: '勘误' },
  checkYourself: { en: 'Check yourself', zh: '自测' },
  exercise: { en: 'exercise', zh: '练习' },
  lecture: { en: 'lecture', zh: '讲义' },
} as const satisfies Record<string, Term>;

export type TermKey = keyof typeof GLOSSARY;
