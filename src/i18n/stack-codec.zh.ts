/**
 * 计算器读取链接或粘贴的表格时，对无法使用的部分给出的中文说明：src/lib/stack-codec 的每个
 * 消息代码一句，每种略去一行的原因一个分句。列名、取值（kind、bn、yes、no 等）按表格原样加引号
 * 保留；读者输入的内容已由 `shown` 截短并清理，只作为文本显示。
 */
import type { StackCodecWords } from './stack-codec.en';
import { formatInt } from '../lib/format';

const n = formatInt;

export const stackCodecZh: StackCodecWords = {
  message: {
    'link-empty': () => '链接中没有层堆叠。',
    'link-too-long': (m) => `链接中的层堆叠超过 ${n(m.limit)} 个字符，未读取。`,
    'link-no-version': (m) => `链接中的层堆叠应以版本号开头（“v1_…”），实际开头是“${m.start}”。`,
    'link-version': (m) => `此链接由 v${m.version} 格式的计算器生成；本页只能读取 v${m.reads} 格式。`,
    'link-bad-input': (m) => `输入形状“${m.given}”不是由整数组成的 H x W x C（尺寸不超过 ${n(m.size)}，通道数不超过 ${n(m.channels)}）。`,
    'rows-cut': (m) => `只读取了前 ${n(m.limit)} 行。`,
    'row-bad-repeat': (m) => `第 ${m.row} 行（“${m.token}”）已略去：重复次数“${m.count}”不是 1 到 ${n(m.limit)} 之间的整数。`,
    'row-left-out': (m, why) => `第 ${m.row} 行（“${m.token}”）已略去：${why}。`,
    'paste-empty': () => '没有可导入的内容：请先粘贴 CSV 或 Markdown 表格。',
    'paste-too-long': (m) => `粘贴的文本超过 ${n(m.limit)} 个字符，未读取。`,
    'paste-no-header': () => '第一行必须是表头，且至少含有“kind”列（CSV 和 Markdown 导出就是这样写的）。',
    'input-bad-shape': (m) => `“input”行的形状“${m.given}”不是 H x W x C；改用 224 x 224 x 3。`,
    'input-bad-bn': (m) => `“input”行的“bn”值“${m.given}”既不是“yes”也不是“no”；按不接批归一化处理。`,
    'line-left-out': (m, why) => `第 ${m.line} 行已略去：${why}。`,
    'line-bad-bn': (m) => `第 ${m.line} 行：“bn”值“${m.given}”既不是“yes”也不是“no”，已按“no”读取。`,
    'no-input-row': () => '表格中没有“input”行：输入按 224 x 224 x 3 处理。',
    'no-layers': () => '没有读出任何层，因此未导入。',
  },
  row: {
    'unknown-kind': (p) => `未知的层类型“${p.given}”`,
    unreadable: (p) => `无法解析“${p.given}”`,
    'setting-range': (p) => `“${p.key}${p.given}”中的数值不是 ${n(p.min)} 到 ${n(p.max)} 之间的整数`,
    'flag-number': (p) => `标志“${p.key}”后面不能带数字`,
    'unknown-setting': (p) => `未知的设置项“${p.key}”`,
  },
  cell: {
    'unknown-kind': (p) => `未知的层类型“${p.given}”`,
    'cell-range': (p) => `“${p.column}”列的值“${p.given}”不是 1 到 ${n(p.max)} 之间的整数`,
    'cell-from': (p) => `“from”列的值“${p.given}”不是行号`,
    'cell-padding': (p) => `“padding”列的值“${p.given}”既不是“same”也不是“valid”`,
    'cell-bias': (p) => `“bias”列的值“${p.given}”既不是“yes”也不是“no”`,
  },
  list: (parts) => parts.join('；'),
};
