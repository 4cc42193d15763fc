/** arithmetic-intensity 图的文字（中文版）：与 arithmetic-intensity.en.ts 结构相同。 */
import type { FigureStrings } from '../figures.en';

export const arithmeticIntensityZh: FigureStrings['arithmeticIntensity'] = {
  title: '算术强度：乘加次数减少，速度为何没有同比提升',
  source: '屋顶线模型见 Williams et al. 2009；各层尺寸来自成本模型；延迟来自 Sandler et al. 2018，表 4；默认上限取 Pixel 1 的一个大核（见本章）。',
  svgTitle: '屋顶线模型上的算术强度：标准卷积、深度卷积与逐点卷积层，以及 MobileNet V1 和 V2 的每一层',
  example: { standard: '标准卷积', depthwise: '深度卷积', pointwise: '逐点卷积' },
  layerTip: (name, intensity, memory) => `${name}：每字节 ${intensity} 次乘加，${memory ? '受内存带宽限制' : '受计算限制'}`,
  yAxis: 'G 次乘加/秒（对数）',
  memoryBound: '受带宽限制',
  xAxis: '每搬运一字节的乘加次数（对数）',
  measured: '在 Pixel 1 上实测',
  measuredWhere: '单个大核；MobileNetV2，表 4',
  time: '耗时',
  multAdds: '乘加次数',
  ratio: (what) => `${what}，V2 ÷ V1 = `,
  boundHead: '在此上限下的屋顶线下界：',
  pointer: '在你自己的设备上测一测这两层：见第 3 章的实时模块“运行”。',
  summary: (precision, std, dw, pw, ridge, memV1, n1, memV2, n2) =>
    `每搬运一字节（${precision}）：标准卷积 ${std} 次乘加，深度卷积 ${dw} 次，逐点卷积 ${pw} 次。拐点在 ${ridge}：MobileNet V1 的 ${n1} 层中有 ${memV1} 层、V2 的 ${n2} 层中有 ${memV2} 层受内存带宽限制。`,
  desc: (summary) => `${summary}在 Pixel 1 的一个大核上，MobileNet V2 耗时 75 ms，V1 为 113 ms（Sandler et al. 2018，表 4）。`,
  comma: '，',
  perByte: '每字节乘加次数：',
  perByteMoved: '每搬运一字节的乘加次数：',
  ridge: '拐点 π/β = ',
  ridgeShort: '拐点 ',
  memoryBoundV1: '；受带宽限制：V1 ',
  ofLayers: (n) => `/${n} 层，V2 `,
  ofLayersEnd: (n) => `/${n} 层`,
  short: { standard: '标准 ', depthwise: ' · 深度 ', pointwise: ' · 逐点 ' },
  legend: { conv: '首个卷积', depthwise: '深度卷积', pointwise: '逐点卷积', fc: '分类器' },
};
