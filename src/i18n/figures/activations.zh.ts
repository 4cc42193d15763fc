/** activations 图的文字（中文版）：与 activations.en.ts 结构相同。 */
import type { FigureStrings } from '../figures.en';

export const activationsZh: FigureStrings['activations'] = {
  title: 'ReLU、ReLU6 与线性激活',
  source: 'Sandler et al. 2018，§3.2 与 §4',
  svgTitle: 'ReLU、ReLU6 与线性激活函数',
  names: ['ReLU', 'ReLU6', '线性'],
  summary: (name, sample, out) =>
    `当前选中${name}：σ(${sample}) = ${out}。ReLU 为 max(0, z)，ReLU6 为 min(max(0, z), 6)，线性激活则原样输出 z。`,
  desc: (summary) =>
    `z 从 −4 到 9 时的三种激活函数 σ(z)：ReLU = max(0, z) 在 z 为负时取 0，其余时取 z；ReLU6 = min(max(0, z), 6) 还在 6 处截断；线性激活即 σ(z) = z。${summary}`,
};
