/**
 * v2-architecture: MobileNet V2's Table 2 (Sandler et al. 2018) expanded into its 17 bottleneck
 * blocks, each with its mult-adds and the activation memory it must hold (input + output
 * bottleneck tensors at 16 bits, §5), for the reader's width multiplier α and resolution.
 * Totals, the framework counts and the peak memory beside MobileNet V1's come from src/lib
 * (architectures.ts, memory.ts).
 */
import { frameworkCounts, mobilenetV1, mobilenetV2, type Architecture } from '../../../lib/architectures';
import { isCostError } from '../../../lib/errors';
import { formatCompact, formatInt } from '../../../lib/format';
import { layerMemory, peak, v1Memory, v2Memory } from '../../../lib/memory';
import { h } from '../../figure-kit/svg';
import type { FigureDef, FigureParams, FigureView } from '../../figure-kit/types';
import { errorView, quantity } from '../../figure-kit/marks';

const W = 480;
const TOP = 100;
const ROW_H = 15;
const MACS = { x: 204, w: 94 };
const MEM = { x: 348, w: 74 };

interface Row {
  label: string;
  t?: number;
  channels: string;
  stride?: number;
  out: number;
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
    { label: 'conv', channels: `${stem.cin}→${stem.cout}`, stride: stem.stride, out: stem.outH, shortcut: false, macs: stem.multAdds, kind: 'stem' },
    ...blocks.map((b, i) => ({
      label: String(b.index + 1),
      t: b.t,
      channels: b.t === 1 ? `${b.cin}→${b.cout}` : `${b.cin}→${b.hidden}→${b.cout}`,
      stride: b.stride,
      out: b.outH,
      shortcut: b.shortcut,
      macs: b.multAdds,
      memory: mem[i].bytes,
      kind: 'block' as const,
    })),
    { label: 'head', channels: `${head.cin}→${head.cout}`, stride: 1, out: head.outH, shortcut: false, macs: head.multAdds, memory: layerMemory(head).bytes, kind: 'head' },
    { label: 'fc', channels: `${fc.cin}→${fc.cout}`, out: 1, shortcut: false, macs: fc.multAdds, kind: 'fc' },
  ];
}

function kb(bytes: number): string {
  return bytes >= 1e6 ? `${(bytes / 1e6).toFixed(2)} MB` : `${Math.round(bytes / 1000)} KB`;
}

function render(v: FigureParams, uid: string): FigureView {
  const title = h('title', { id: `${uid}-title` }, 'MobileNet V2 block by block: mult-adds and activation memory');
  let arch: Architecture;
  let v1: Architecture;
  try {
    arch = mobilenetV2({ alpha: v.alpha, resolution: v.res });
    v1 = mobilenetV1({ alpha: v.alpha, resolution: v.res });
  } catch (e) {
    if (isCostError(e)) return errorView(W, 300, uid, title, e.message);
    throw e;
  }
  const rows = rowsOf(arch);
  const fw = frameworkCounts(arch);
  const p2 = peak(v2Memory(arch));
  const p1 = peak(v1Memory(v1));
  const maxMacs = Math.max(...rows.map((r) => r.macs));
  const maxMem = Math.max(...rows.map((r) => r.memory ?? 0));
  const y0 = TOP + 8;
  const H = y0 + rows.length * ROW_H + 34;
  const shortcuts = rows.filter((r) => r.shortcut).length;
  const body = rows.map((r, i) => {
    const y = y0 + i * ROW_H;
    const macW = (r.macs / maxMacs) * MACS.w;
    const memW = r.memory === undefined ? 0 : (r.memory / maxMem) * MEM.w;
    const isPeak = r.kind === 'block' && r.memory === p2.bytes;
    return h(
      'g',
      { class: `v2-row v2-${r.kind}`, 'data-row': r.label, transform: `translate(0 ${y})` },
      h('text', { class: 'fig-small', x: 0, y: 11 }, r.label),
      h('text', { class: 'fig-small', x: 30, y: 11 }, r.t === undefined ? '' : String(r.t)),
      h('text', { class: 'fig-value v2-cell', x: 44, y: 11 }, r.channels),
      h('text', { class: 'fig-small', x: 142, y: 11 }, r.stride === undefined ? '' : String(r.stride)),
      h('text', { class: 'fig-small', x: 156, y: 11 }, `${r.out}²`),
      r.shortcut ? h('circle', { class: 'v2-add', cx: 194, cy: 7, r: 3.5, 'data-shortcut': 'identity' }) : null,
      h('rect', { class: 'v2-bar-macs', x: MACS.x, y: 2, width: Math.max(0.5, macW), height: ROW_H - 4 }),
      h('text', { class: 'fig-small v2-cell', x: MACS.x + macW + 3, y: 11 }, quantity('block-macs', r.macs, formatCompact(r.macs))),
      r.memory === undefined
        ? h('text', { class: 'fig-small', x: MEM.x, y: 11 }, r.kind === 'stem' ? 'in block 1' : '')
        : h('g', {}, h('rect', { class: isPeak ? 'v2-bar-mem v2-peak' : 'v2-bar-mem', x: MEM.x, y: 2, width: Math.max(0.5, memW), height: ROW_H - 4 }), h('text', { class: 'fig-small v2-cell', x: MEM.x + memW + 3, y: 11 }, quantity('block-memory', r.memory, kb(r.memory)))),
    );
  });
  const summary = `MobileNet V2 at α = ${v.alpha}, ${v.res}×${v.res}: ${formatInt(arch.params)} parameters, ${formatInt(arch.multAdds)} mult-adds; peak activation memory ${kb(p2.bytes)} (${p2.name}) against ${kb(p1.bytes)} for MobileNet V1.`;
  const svg = h(
    'svg',
    { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-labelledby': `${uid}-title ${uid}-desc`, class: 'fig-svg v2' },
    title,
    h('desc', { id: `${uid}-desc` }, `${summary} The table lists the first convolution, the 17 bottleneck blocks (${shortcuts} of them with an identity shortcut), the last 1×1 convolution and the classifier, each with its mult-adds and, for blocks, the input and output tensors it must hold at 16 bits.`),
    h('text', { class: 'fig-value', x: 0, y: 14 }, 'params ', quantity('params', arch.params, formatInt(arch.params)), ' · mult-adds ', quantity('macs', arch.multAdds, formatInt(arch.multAdds))),
    h('text', { class: 'fig-small', x: 0, y: 31 }, 'Paper, α = 1 at 224: 3.4M params, 300M mult-adds (Table 4)'),
    h('text', { class: 'fig-value', x: 0, y: 50 }, 'BN channels ', quantity('bn-channels', arch.bnChannels, formatInt(arch.bnChannels)), ' → Keras ', quantity('params-keras', fw.keras.total, formatInt(fw.keras.total)), ' · PyTorch ', quantity('params-pytorch', fw.pytorch.parameters, formatInt(fw.pytorch.parameters))),
    h('text', { class: 'fig-value', x: 0, y: 69 }, 'Peak memory (16-bit): V2 ', quantity('memory-peak-v2', p2.bytes, kb(p2.bytes)), ' · V1 ', quantity('memory-peak-v1', p1.bytes, kb(p1.bytes))),
    h(
      'g',
      { class: 'v2-head' },
      h('text', { class: 'fig-label', x: 0, y: TOP }, '#'),
      h('text', { class: 'fig-label', x: 30, y: TOP }, 't'),
      h('text', { class: 'fig-label', x: 44, y: TOP }, 'channels'),
      h('text', { class: 'fig-label', x: 142, y: TOP }, 's'),
      h('text', { class: 'fig-label', x: 156, y: TOP }, 'out'),
      h('text', { class: 'fig-label', x: 190, y: TOP }, '+'),
      h('text', { class: 'fig-label', x: MACS.x, y: TOP }, 'mult-adds'),
      h('text', { class: 'fig-label', x: MEM.x, y: TOP }, 'memory in+out'),
    ),
    body,
    h('text', { class: 'fig-small', x: 0, y: H - 12 }, `● identity shortcut (${shortcuts} of 17 blocks) · darker bar: the peak`),
  );
  return { svg, summary };
}

export const figure: FigureDef = {
  id: 'v2-architecture',
  title: 'MobileNet V2: 17 bottlenecks, their cost and their memory',
  chapter: '/mobilenet-v2/',
  source: 'Sandler et al. 2018, Tables 2–4 and §5; counts and memory from the site’s model',
  params: ['alpha', 'res'],
  render,
};
