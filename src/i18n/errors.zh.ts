/**
 * 开销模型拒绝计算时给读者看的中文说明，每个错误代码一条。字段名按本站的记号给出；范围的上限
 * 和读者输入的值取自英文说明（由开销模型生成），不重新计算。
 */
import type { CostErrorInfo, CostErrorWords } from './errors.en';

/** The sizes as the Chinese pages name them. */
const FIELD: Readonly<Record<string, string>> = {
  k: '卷积核大小 k',
  cin: '输入通道数 M',
  cout: '输出通道数 N',
  out: '输出通道数',
  channels: '通道数 C',
  groups: '分组数 G',
  segments: '段数 S',
  stride: '步长',
  classes: '类别数',
  inH: '输入高度',
  inW: '输入宽度',
  resolution: '输入分辨率',
  t: '扩展因子 t',
  n: 'n',
  max: '上限',
};

const fieldName = (e: CostErrorInfo, fallback: string) => (e.field !== undefined ? (FIELD[e.field] ?? e.field) : fallback);
/** The value the reader gave, as the English message quotes it ("…, got 0."). */
const given = (e: CostErrorInfo) => {
  const m = /got (.+?)\.?$/.exec(e.message);
  return m ? `，当前为 ${m[1]}` : '';
};

export const errorsZh: CostErrorWords = {
  'invalid-size': (e) => {
    const range = /from 1 to (\d+)/.exec(e.message);
    return range ? `${fieldName(e, '尺寸')}必须是 1 到 ${range[1]} 之间的整数。` : `${fieldName(e, '尺寸')}必须是正整数${given(e)}。`;
  },
  'invalid-kind': (_e) => '未知的层类型：请选择标准卷积、分组卷积、深度卷积、逐点卷积或深度可分离卷积。',
  'invalid-padding': (e) => `填充方式只能是 'same' 或 'valid'${given(e)}。`,
  'groups-mismatch': (e) =>
    e.field === 'segments'
      ? '段数 S 必须整除通道数 M。'
      : e.field === 'channels'
        ? '分组数 G 必须整除通道数 C。'
        : '分组数 G 与这种卷积不符：分组卷积的 G 必须同时整除 M 和 N；标准卷积和逐点卷积只有 1 组，深度卷积有 M 组，深度可分离卷积不设分组。',
  'kernel-too-large': (_e) => '不填充（valid）时，卷积核不能比输入还大。',
  'pointwise-kernel': (_e) => '逐点卷积就是 1×1 卷积；其他大小的卷积核请选择标准卷积。',
  'depth-multiplier': (_e) => '深度卷积输出 M · d 个通道（d 为深度乘子），所以 N 必须是 M 的倍数。',
  'invalid-alpha': (_e) => '宽度乘子 α 必须是正数，并且不能让任何一层的通道数变为 0。',
  overflow: (_e) => '计数超过 2⁵³ − 1，无法精确表示。',
};
