/**
 * v2-architecture: MobileNet V2's Table 2 (Sandler et al. 2018) expanded into its 17 bottleneck
 * blocks, each with its mult-adds and the activation memory it must hold (input + output
 * bottleneck tensors at 16 bits, §5), for the reader's width multiplier α and resolution.
 * Totals, the framework counts and the peak memory beside MobileNet V1's come from src/lib
 * (architectures.ts, memory.ts).
 *
 * Laid out for the space it gets: a table of rows on pages (two lines per row on phones: the
 * block, then its two bars), and on slides the 20 rows as columns — mult-adds up, memory down —
 * beside the totals, within the slide's height.
 */
import { frameworkCounts, mobilenetV1, mobilenetV2, type Architecture } from '../../../lib/architectures';
import { isCostError } from '../../../lib/errors';
import { formatCompact, formatInt } from '../../../lib/format';
import { layerMemory, peak, v1Memory, v2Memory, type MemoryStep } from '../../../lib/memory';
import { h, type SvgNode } from '../../figure-kit/svg';
import type { FigureDef, FigureFrame, FigureParams, FigureView } from '../../figure-kit/types';
import { errorView, quantity } from '../../figure-kit/marks';
import { isNarrow } from '../../figure-kit/frame';
import { textUnits } from '../../figure-kit/text';
import { figureWords } from '../../../i18n/figures';
import { v2ArchitectureEn } from '../../../i18n/figures/v2-architecture.en';
import type { Lang } from '../../../i18n';
import { costErrorText } from '../../../i18n/errors';

/** This figure's words in a language (its English ones are bundled with it). */
const words = (lang: Lang): typeof v2ArchitectureEn => figureWords(lang, 'v2Architecture', v2ArchitectureEn);

type Text = typeof v2ArchitectureEn;

/** Estimated width of a 12 px and a 13 px character. */
const CHAR = 7.5;
const CHAR13 = 8.1;

interface Row {
  label: string;
  t?: number;
  channels: string;
  stride?: number;
  out: number;
  /** Output channels (α scales them). */
  cout: number;
  shortcut: boolean;
  macs: number;
  memory?: number;
  kind: 'stem' | 'block' | 'head' | 'fc';
}

/** The rows of the figure: stem, 17 blocks, head conv, classifier. */
export function rowsOf(arch: Architecture): Row[] {
  const blocks = arch.blocks ?? [];
  const mem = v2Memory(arch);
  const stem = arch.layers[0];
  const head = arch.layers.find((l) => l.role === 'head')!;
  const fc = arch.layers.find((l) => l.role === 'classifier')!;
  return [
    { label: 'conv', channels: `${stem.cin}→${stem.cout}`, stride: stem.stride, out: stem.outH, cout: stem.cout, shortcut: false, macs: stem.multAdds, kind: 'stem' },
    ...blocks.map((b, i) => ({
      label: String(b.index + 1),
      t: b.t,
      channels: b.t === 1 ? `${b.cin}→${b.cout}` : `${b.cin}→${b.hidden}→${b.cout}`,
      stride: b.stride,
      out: b.outH,
      cout: b.cout,
      shortcut: b.shortcut,
      macs: b.multAdds,
      memory: mem[i].bytes,
      kind: 'block' as const,
    })),
    { label: 'head', channels: `${head.cin}→${head.cout}`, stride: 1, out: head.outH, cout: head.cout, shortcut: false, macs: head.multAdds, memory: layerMemory(head).bytes, kind: 'head' },
    { label: 'fc', channels: `${fc.cin}→${fc.cout}`, out: 1, cout: fc.cout, shortcut: false, macs: fc.multAdds, kind: 'fc' },
  ];
}

function kb(bytes: number): string {
  return bytes >= 1e6 ? `${(bytes / 1e6).toFixed(2)} MB` : `${Math.round(bytes / 1000)} KB`;
}

type Seg = string | SvgNode;

/**
 * Lines of text from groups that must stay whole (a label with its number), broken between groups
 * where a line would pass `width`. Returns the nodes and the height.
 */
function flow(groups: { text: string; segs: Seg[]; sep?: string }[], x: number, y: number, width: number, cls: string, char = CHAR13, lineH = 18): { node: SvgNode; height: number } {
  const lines: Seg[][] = [[]];
  let used = 0;
  // A line with CJK text keeps a few units spare: its Latin runs sit wider beside CJK glyphs.
  let wide = false;
  for (const g of groups) {
    const w = textUnits(g.text) * char;
    const cjk = textUnits(g.text) > [...g.text].length;
    if (used > 0 && used + w > width - (wide || cjk ? 12 : 0)) {
      lines.push([]);
      used = 0;
      wide = false;
    }
    wide ||= cjk;
    const sep = g.sep ?? ' · ';
    lines[lines.length - 1].push(...(used > 0 ? [sep] : []), ...g.segs);
    used += w + (used > 0 ? sep.length * char : 0);
  }
  return { node: h('g', {}, lines.map((l, i) => h('text', { class: cls, x, y: y + i * lineH }, l))), height: lines.length * lineH };
}

/** The totals above the table (or beside the columns on a slide), wrapped to `width`. */
function header(T: Text, arch: Architecture, p1: MemoryStep, p2: MemoryStep, x: number, y0: number, width: number): { node: SvgNode; height: number } {
  const fw = frameworkCounts(arch);
  const parts: SvgNode[] = [];
  let y = y0 + 14;
  const add = (f: { node: SvgNode; height: number }, after = 2): void => {
    parts.push(f.node);
    y += f.height + after;
  };
  add(
    flow(
      [
        { text: `${T.params}${formatInt(arch.params)}`, segs: [T.params, quantity('params', arch.params, formatInt(arch.params))] },
        { text: `${T.multAdds}${formatInt(arch.multAdds)}`, segs: [T.multAdds, quantity('macs', arch.multAdds, formatInt(arch.multAdds))] },
      ],
      x,
      y,
      width,
      'fig-value',
    ),
  );
  add(flow([{ text: T.paper, segs: [T.paper] }, { sep: ' ', text: T.paperNumbers, segs: [T.paperNumbers] }], x, y - 1, width, 'fig-small', CHAR, 16));
  add(
    flow(
      [
        { text: `${T.bn}${formatInt(arch.bnChannels)} →`, segs: [T.bn, quantity('bn-channels', arch.bnChannels, formatInt(arch.bnChannels)), ' →'] },
        { sep: ' ', text: `Keras ${formatInt(fw.keras.total)}`, segs: ['Keras ', quantity('params-keras', fw.keras.total, formatInt(fw.keras.total))] },
        { text: `PyTorch ${formatInt(fw.pytorch.parameters)}`, segs: ['PyTorch ', quantity('params-pytorch', fw.pytorch.parameters, formatInt(fw.pytorch.parameters))] },
      ],
      x,
      y,
      width,
      'fig-value',
    ),
  );
  add(
    flow(
      [
        { text: T.peakMemory, segs: [T.peakMemory] },
        { sep: ' ', text: `V2 ${kb(p2.bytes)}`, segs: ['V2 ', quantity('memory-peak-v2', p2.bytes, kb(p2.bytes))] },
        { text: `V1 ${kb(p1.bytes)}`, segs: ['V1 ', quantity('memory-peak-v1', p1.bytes, kb(p1.bytes))] },
      ],
      x,
      y,
      width,
      'fig-value',
    ),
  );
  return { node: h('g', { class: 'v2-totals' }, parts), height: y - y0 - 4 };
}

function rowTitle(T: Text, r: Row): SvgNode {
  const what = r.kind === 'block' ? T.rowBlock(r.label, String(r.t), r.channels, String(r.stride)) : r.kind === 'stem' ? T.rowStem(r.channels, String(r.stride)) : r.kind === 'head' ? T.rowHead(r.channels) : T.rowFc(r.channels);
  return h('title', {}, T.rowTitle(what, String(r.out), formatInt(r.macs), r.memory === undefined ? '' : kb(r.memory), r.shortcut));
}

/** Pages: one row per layer or block, with bars for mult-adds and memory; two lines per row on phones. */
function table(T: Text, rows: Row[], y0: number, W: number, narrow: boolean, maxMacs: number, maxMem: number, peakBytes: number): { node: SvgNode; height: number } {
  // Columns: label, t, channels, stride, output, shortcut; then the two bars share the rest.
  const cols = narrow ? { t: 34, ch: 50, s: 0, out: 158, add: 198 } : { t: 34, ch: 50, s: 152, out: 170, add: 212 };
  const barsX = narrow ? 0 : 226;
  const barsW = W - barsX;
  const macs = { x: barsX, w: Math.round(barsW * 0.5) - 56 };
  const mem = { x: barsX + Math.round(barsW * 0.5) + (narrow ? 6 : 4), w: Math.round(barsW * 0.5) - 66 };
  const rowH = narrow ? 34 : 18;
  const barY = narrow ? 17 : 3;
  const head = h(
    'g',
    { class: 'v2-head' },
    h('text', { class: 'fig-label', x: 0, y: y0 + 12 }, '#'),
    h('text', { class: 'fig-label', x: cols.t, y: y0 + 12 }, 't'),
    h('text', { class: 'fig-label', x: cols.ch, y: y0 + 12 }, T.colChannels),
    narrow ? null : h('text', { class: 'fig-label', x: cols.s, y: y0 + 12 }, 's'),
    h('text', { class: 'fig-label', x: cols.out, y: y0 + 12 }, T.colOut),
    h('text', { class: 'fig-label', x: cols.add - 4, y: y0 + 12 }, '+'),
    narrow ? null : h('text', { class: 'fig-label', x: macs.x, y: y0 + 12 }, T.colMacs),
    narrow ? null : h('text', { class: 'fig-label', x: mem.x, y: y0 + 12 }, T.colMemory),
  );
  const top = y0 + (narrow ? 20 : 18);
  const body = rows.map((r, i) => {
    const macW = (r.macs / maxMacs) * macs.w;
    const memW = r.memory === undefined ? 0 : (r.memory / maxMem) * mem.w;
    const isPeak = r.kind === 'block' && r.memory === peakBytes;
    const chText = narrow && r.stride !== undefined && r.stride > 1 ? `${r.channels} /${r.stride}` : r.channels;
    return h(
      'g',
      { class: `v2-row v2-${r.kind}`, 'data-row': r.label, transform: `translate(0 ${top + i * rowH})` },
      rowTitle(T, r),
      i % 2 === 0 ? h('rect', { class: 'v2-stripe', x: 0, y: -1, width: W, height: rowH }) : null,
      h('text', { class: 'fig-small', x: 0, y: 12 }, T.rowLabel[r.label] ?? r.label),
      h('text', { class: 'fig-small', x: cols.t, y: 12 }, r.t === undefined ? '' : String(r.t)),
      h('text', { class: 'fig-small v2-cell', x: cols.ch, y: 12, 'data-term': 'alpha' }, chText),
      narrow ? null : h('text', { class: 'fig-small', x: cols.s, y: 12 }, r.stride === undefined ? '' : String(r.stride)),
      h('text', { class: 'fig-small', x: cols.out, y: 12, 'data-term': 'rho' }, `${r.out}²`),
      r.shortcut ? h('circle', { class: 'v2-add', cx: cols.add, cy: 8, r: 4, 'data-shortcut': 'identity', 'data-term': 'shortcut' }) : null,
      h('rect', { class: 'v2-bar-macs', x: macs.x, y: barY, width: Math.max(0.5, macW), height: 11 }),
      h('text', { class: 'fig-small v2-cell', x: macs.x + macW + 3, y: barY + 10 }, quantity('block-macs', r.macs, formatCompact(r.macs))),
      r.memory === undefined
        ? h('text', { class: 'fig-small', x: mem.x, y: barY + 10 }, r.kind === 'stem' ? T.inBlock1 : '')
        : h('g', {}, h('rect', { class: isPeak ? 'v2-bar-mem v2-peak' : 'v2-bar-mem', x: mem.x, y: barY, width: Math.max(0.5, memW), height: 11 }), h('text', { class: 'fig-small v2-cell', x: mem.x + memW + 3, y: barY + 10 }, quantity('block-memory', r.memory, kb(r.memory)))),
    );
  });
  const nodes: SvgNode[] = [head, ...body];
  let height = top - y0 + rows.length * rowH;
  if (narrow) {
    // The bars' meaning, once, above the rows.
    nodes.splice(1, 0, h('text', { class: 'fig-small', x: 0, y: y0 - 4 }, h('tspan', { class: 'v2-key-macs' }, '■'), T.keyMacs, h('tspan', { class: 'v2-key-mem' }, '■'), T.keyMemory));
  }
  height += 4;
  return { node: h('g', { class: 'v2-table' }, nodes), height };
}

/** Slides: the rows as columns, mult-adds growing up and memory down, the output size between. */
function columns(T: Text, rows: Row[], x0: number, y0: number, width: number, hUp: number, hDown: number, maxMacs: number, maxMem: number, peakBytes: number): { node: SvgNode; height: number } {
  const cw = width / rows.length;
  const bw = Math.max(3, cw * 0.66);
  const headY = y0 + 14;
  const base = headY + 10 + hUp;
  const bandTop = base + 3;
  const memBase = bandTop + 34;
  const footY = memBase + hDown + 18;
  const cols = rows.map((r, i) => {
    const x = x0 + i * cw + (cw - bw) / 2;
    const mh = Math.max(0.75, (r.macs / maxMacs) * hUp);
    const eh = r.memory === undefined ? 0 : Math.max(0.75, (r.memory / maxMem) * hDown);
    const isPeak = r.kind === 'block' && r.memory === peakBytes;
    return h(
      'g',
      { class: `v2-row v2-${r.kind}`, 'data-row': r.label },
      rowTitle(T, r),
      h('rect', { class: 'v2-bar-macs', x, y: base - mh, width: bw, height: mh, 'data-quantity': 'block-macs', 'data-exact': String(r.macs) }),
      h('text', { class: 'fig-small v2-cell', x: x0 + i * cw + cw / 2, y: bandTop + 13, 'text-anchor': 'middle' }, r.kind === 'block' ? r.label : r.kind === 'stem' ? 'c' : r.kind === 'head' ? 'h' : 'fc'),
      r.shortcut ? h('circle', { class: 'v2-add', cx: x0 + i * cw + cw / 2, cy: bandTop + 24, r: 4, 'data-shortcut': 'identity', 'data-term': 'shortcut' }) : null,
      r.memory === undefined ? null : h('rect', { class: isPeak ? 'v2-bar-mem v2-peak' : 'v2-bar-mem', x, y: memBase, width: bw, height: eh, 'data-quantity': 'block-memory', 'data-exact': String(r.memory) }),
    );
  });
  const node = h(
    'g',
    { class: 'v2-columns' },
    h('text', { class: 'fig-heading', x: x0, y: headY }, T.macsPerBlock),
    h('text', { class: 'fig-small', x: x0 + width, y: headY, 'text-anchor': 'end' }, T.tallest(formatCompact(maxMacs))),
    cols,
    h('line', { class: 'v2-base', x1: x0, x2: x0 + width, y1: base, y2: base }),
    h('line', { class: 'v2-base', x1: x0, x2: x0 + width, y1: memBase, y2: memBase }),
    h('text', { class: 'fig-heading', x: x0, y: footY }, T.memoryHead),
    h('text', { class: 'fig-small', x: x0 + width, y: footY, 'text-anchor': 'end' }, T.peak(kb(peakBytes))),
  );
  return { node, height: footY + 4 - y0 };
}

function render(v: FigureParams, frame: FigureFrame): FigureView {
  const uid = frame.uid;
  const T = words(frame.lang);
  const W = frame.width;
  const title = h('title', { id: `${uid}-title` }, T.svgTitle);
  let arch: Architecture;
  let v1: Architecture;
  try {
    arch = mobilenetV2({ alpha: v.alpha, resolution: v.res });
    v1 = mobilenetV1({ alpha: v.alpha, resolution: v.res });
  } catch (e) {
    if (isCostError(e)) return errorView(W, 300, uid, title, costErrorText(e, frame.lang));
    throw e;
  }
  const rows = rowsOf(arch);
  const p2 = peak(v2Memory(arch));
  const p1 = peak(v1Memory(v1));
  const maxMacs = Math.max(...rows.map((r) => r.macs));
  const maxMem = Math.max(...rows.map((r) => r.memory ?? 0));
  const shortcuts = rows.filter((r) => r.shortcut).length;
  const note = T.note(String(shortcuts));
  const parts: SvgNode[] = [];
  let height: number;
  if (frame.context === 'slide' && W < 700) {
    // A narrow slide: the totals above the columns, all within the slide's height.
    const head = header(T, arch, p1, p2, 0, 0, W);
    const H = frame.height ?? 335;
    const room = H - head.height - 14 - (14 + 10 + 3 + 34 + 18 + 4 + 4);
    const hUp = Math.max(30, Math.round(room * 0.58));
    const cols = columns(T, rows, 0, head.height + 14, W, hUp, Math.max(20, room - hUp), maxMacs, maxMem, p2.bytes);
    parts.push(head.node, cols.node);
    height = head.height + 14 + cols.height;
  } else if (frame.context === 'slide') {
    const side = Math.min(300, Math.round(W * 0.36));
    const colW = W - side - 24;
    const H = frame.height ?? 335;
    const room = H - 14 - 10 - 3 - 34 - 18 - 4 - 4;
    const hUp = Math.round(room * 0.58);
    const cols = columns(T, rows, 0, 0, colW, hUp, room - hUp, maxMacs, maxMem, p2.bytes);
    const head = header(T, arch, p1, p2, colW + 24, 0, side);
    const key = flow([{ text: T.shortcutsShort(String(shortcuts)), segs: [T.shortcutsShort(String(shortcuts))] }, { text: T.darker, segs: [T.darker] }], colW + 24, head.height + 22, side, 'fig-small', CHAR, 16);
    parts.push(cols.node, head.node, key.node);
    height = Math.max(cols.height, head.height + 22 + key.height);
  } else {
    const narrow = isNarrow(frame);
    const head = header(T, arch, p1, p2, 0, 0, W);
    const tableTop = head.height + (narrow ? 26 : 14);
    const t = table(T, rows, tableTop, W, narrow, maxMacs, maxMem, p2.bytes);
    const key = flow([{ text: T.shortcutsLong(String(shortcuts)), segs: [T.shortcutsLong(String(shortcuts))] }, { text: T.darker, segs: [T.darker] }], 0, tableTop + t.height + 14, W, 'fig-small', CHAR, 16);
    parts.push(head.node, t.node, key.node);
    height = tableTop + t.height + 14 + key.height;
  }
  const where = /^block (\d+)$/.exec(p2.name);
  const summary = T.summary(String(v.alpha), String(v.res), formatInt(arch.params), formatInt(arch.multAdds), kb(p2.bytes), where ? T.blockName(where[1]) : p2.name, kb(p1.bytes));
  const svg = h(
    'svg',
    { viewBox: `0 0 ${W} ${Math.ceil(height)}`, role: 'img', 'aria-labelledby': `${uid}-title ${uid}-desc`, class: 'fig-svg v2' },
    title,
    h('desc', { id: `${uid}-desc` }, T.desc(summary, String(shortcuts), note)),
    parts,
  );
  return { svg, summary };
}

export const figure: FigureDef = {
  id: 'v2-architecture',
  title: (lang) => words(lang).title,
  chapter: '/mobilenet-v2/',
  source: (lang) => words(lang).source,
  params: ['alpha', 'res'],
  render,
};
