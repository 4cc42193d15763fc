/** 图表工具的文字（中文版）：分享与导出菜单、状态提示、导出文件的说明、嵌入页，以及公式各项的朗读文字。与 kit.en.ts 结构相同。 */
import type { KitStrings } from './kit.en';

export const kitZh: KitStrings = {
  menu: {
    summary: '分享或导出',
    link: '复制当前视图的链接',
    embed: '复制嵌入代码',
    noControls: '嵌入时不带控件',
    svg: '下载 SVG',
    png2: '下载 PNG（2×）',
    png4: '下载 PNG（4×）',
    dark: '深色配色',
  },
  exportOffline: '无法下载此菜单（你似乎处于离线状态）。请在网络恢复后重试。',
  status: {
    link: '链接',
    embed: '嵌入代码',
    copied: (what) => `${what}已复制。`,
    selectAndCopy: (what) => `${what}（请选中后复制）：`,
    saved: (file) => `已保存 ${file}。`,
    imageFailed: '无法将此图绘制为图片。',
    noCanvas: '此浏览器无法在 canvas 上绘图。',
    pngFailed: '无法生成 PNG。',
    exportFailed: '此浏览器无法生成该文件。',
  },
  file: {
    data: (source) => `数据：${source}`,
    sourceBefore: '来源：Separable（',
    sourceAfter: '）',
  },
  embed: {
    badTheme: 'theme 选项只能是“light”或“dark”；已改用系统设置。',
    badControls: 'controls 选项只能是 0（隐藏）或 1（显示）；已显示控件。',
  },
  formulaNav: '公式：按左右方向键，可逐项指向图中对应的部分',
  terms: {
    alpha: '宽度乘子 α：通道数',
    rho: '分辨率乘子 ρ：特征图大小',
    conv: '标准卷积',
    depthwise: '深度卷积',
    pointwise: '逐点卷积',
    expand: '扩展用的 1×1 卷积',
    project: '投影用的 1×1 卷积',
    'expansion-factor': '扩展因子 t：宽张量的通道数是输入的 t 倍',
    groups: '组数',
    shortcut: '捷径连接',
    fc: '全连接层',
    'in-channels': '输入通道',
    'out-channels': '输出通道',
    'kernel-size': '卷积核大小',
    'output-size': '输出尺寸',
  },
};
