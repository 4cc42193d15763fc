/**
 * xception-flow: Xception's entry, middle and exit flows (Chollet 2017, Fig. 5) as Keras builds
 * them — 36 convolution layers in 14 modules, residual connections around modules 2–13 — with
 * each module's parameters and mult-adds from `xception()` at the chosen resolution. `step`
 * highlights one module (1–14) and lists its layers; the eight identical middle-flow modules are
 * drawn as one box unless one of them is highlighted.
 */
import { frameworkCounts, xception, type ArchLayer, type Architecture } from '../../../lib/architectures';
import { isCostError } from '../../../lib/errors';
import { formatCompact, formatInt } from '../../../lib/format';
import { kerasTotalTex } from '../../../lib/keras-counts';
import { h, type SvgNode } from '../../figure-kit/svg';
import type { FigureDef, FigureFrame, FigureParams, FigureView } from '../../figure-kit/types';
import { errorView, quantity } from '../../figure-kit/marks';

const W = 440;
const BOX_X = 40;
const BOX_W = 262;
const BOX_H = 34;
const ROW = 40;
const COL_P = 364;
const COL_M = 438;

/** One module of the network (Keras block number) with its layers and totals. */
export interface FlowModule {
  block: number;
  flow: 'entry' | 'middle' | 'exit';
  layers: ArchLayer[];
  params: number;
  multAdds: number;
  /** Output of the module: size and channels. */
  outH: number;
  outC: number;
  residual: 'none' | 'identity' | 'projection';
  /** Convolution layers counted in the paper's 36 (the 1×1 projections are not). */
  convLayers: number;
}

/** Xception's 14 modules from the cost model (modules 1 and 14 have no residual connection, §3). */
export function flowModules(arch: Architecture): FlowModule[] {
  const out: FlowModule[] = [];
  for (let block = 1; block <= 14; block++) {
    const layers = arch.layers.filter((l) => l.block === block);
    const main = layers.filter((l) => l.role !== 'shortcut');
    const proj = layers.find((l) => l.role === 'shortcut');
    const last = main[main.length - 1];
    out.push({
      block,
      flow: block <= 4 ? 'entry' : block <= 12 ? 'middle' : 'exit',
      layers,
      params: layers.reduce((s, l) => s + l.params, 0),
      multAdds: layers.reduce((s, l) => s + l.multAdds, 0),
      outH: proj ? proj.outH : last.outH,
      outC: last.cout,
      residual: block === 1 || block === 14 ? 'none' : proj ? 'projection' : 'identity',
      convLayers: main.length,
    });
  }
  return out;
}

function describe(m: FlowModule): string {
  if (m.block === 1) return 'Conv 32 /2, Conv 64 (3×3, valid)';
  const seps = m.layers.filter((l) => l.kind === 'separable').map((l) => l.cout);
  const same = seps.every((c) => c === seps[0]);
  const body = same ? `${seps.length}× SepConv ${seps[0]}` : `SepConv ${seps.join(', ')}`;
  return m.residual === 'projection' ? `${body}, MaxPool /2` : body;
}

function layerText(l: ArchLayer): string {
  const at = `${l.inH}×${l.inH}`;
  if (l.role === 'shortcut') return `residual 1×1 /2 conv ${l.cin}→${l.cout}`;
  if (l.kind === 'separable') return `SepConv 3×3 ${l.cin}→${l.cout} on ${at}`;
  if (l.kind === 'conv') return `Conv ${l.k}×${l.k}${l.stride > 1 ? ' /2' : ''} ${l.cin}→${l.cout} on ${at}`;
  return `${l.name} ${l.cin}→${l.cout}`;
}

function values(y: number, params: number, macs: number, name: string): SvgNode[] {
  return [
    h('text', { class: 'fig-value xf-num', x: COL_P, y, 'text-anchor': 'end' }, quantity(`${name}-params`, params, formatCompact(params))),
    h('text', { class: 'fig-value xf-num', x: COL_M, y, 'text-anchor': 'end' }, quantity(`${name}-macs`, macs, formatCompact(macs))),
  ];
}

function moduleBox(y: number, m: FlowModule, active: boolean, label?: string, totals?: { params: number; macs: number }): SvgNode {
  const params = totals?.params ?? m.params;
  const macs = totals?.macs ?? m.multAdds;
  const title = label ?? `${m.block} · ${describe(m)}`;
  const shape = `→ ${m.outH}×${m.outH}×${m.outC}`;
  const res = m.residual;
  const aria = `${label ?? `Module ${m.block}`}: ${describe(m)}, output ${m.outH}×${m.outH}×${m.outC}, ${formatInt(params)} parameters, ${formatInt(macs)} mult-adds${res === 'none' ? ', no residual connection' : res === 'projection' ? ', residual through a strided 1×1 convolution' : ', identity residual'}.`;
  return h(
    'g',
    { class: `xf-module xf-${m.flow}${active ? ' xf-active' : ''}`, tabindex: 0, role: 'group', 'aria-label': aria, 'data-block': label ? 'middle' : m.block },
    h('rect', { class: 'xf-box', x: BOX_X, y, width: BOX_W, height: BOX_H, rx: 4 }),
    h('text', { class: 'xf-title', x: BOX_X + 8, y: y + 14 }, title),
    h('text', { class: 'fig-small xf-shape', x: BOX_X + 8, y: y + 28 }, shape),
    res !== 'none'
      ? h(
          'g',
          { class: res === 'projection' ? 'xf-res xf-res-proj' : 'xf-res xf-res-id' },
          h('path', { d: `M${BOX_X} ${y + 3} H22 V${y + BOX_H - 6}` }),
          h('circle', { cx: 22, cy: y + BOX_H - 1, r: 6 }),
          h('path', { class: 'xf-plus', d: `M18 ${y + BOX_H - 1} H26 M22 ${y + BOX_H - 5} V${y + BOX_H + 3}` }),
        )
      : null,
    values(y + 21, params, macs, label ? 'middle' : `module-${m.block}`),
  );
}

function render(v: FigureParams, frame: FigureFrame): FigureView {
  const uid = frame.uid;
  const res = v.res;
  const step = Math.max(0, Math.min(14, Math.round(v.step)));
  const title = h('title', { id: `${uid}-title` }, 'Xception: entry, middle and exit flows');
  let arch: Architecture;
  try {
    arch = xception({ resolution: res });
  } catch (e) {
    if (isCostError(e)) return errorView(W, 200, uid, title, e.message);
    throw e;
  }
  const modules = flowModules(arch);
  const expanded = step >= 5 && step <= 12;
  const fw = frameworkCounts(arch);
  const fc = arch.layers.find((l) => l.role === 'classifier') as ArchLayer;
  const convLayers = modules.reduce((s, m) => s + m.convLayers, 0);
  const residuals = modules.filter((m) => m.residual !== 'none').length;
  const parts: SvgNode[] = [];
  let y = 4;
  parts.push(
    h('text', { class: 'fig-small xf-colhead', x: COL_P, y: y + 10, 'text-anchor': 'end' }, 'params'),
    h('text', { class: 'fig-small xf-colhead', x: COL_M, y: y + 10, 'text-anchor': 'end' }, 'mult-adds'),
    h('text', { class: 'fig-small', x: BOX_X, y: y + 10 }, `input ${res}×${res}×3`),
  );
  y += 18;
  const heading = (text: string) => {
    parts.push(h('text', { class: 'fig-heading', x: 0, y: y + 12 }, text));
    y += 18;
  };
  heading('Entry flow');
  for (const m of modules.slice(0, 4)) {
    parts.push(moduleBox(y, m, step === m.block));
    y += ROW;
  }
  heading(expanded ? 'Middle flow (8 identical modules)' : 'Middle flow: one module, repeated 8 times');
  if (expanded) {
    for (const m of modules.filter((x) => x.flow === 'middle')) {
      parts.push(moduleBox(y, m, step === m.block));
      y += ROW;
    }
  } else {
    const mid = modules.filter((x) => x.flow === 'middle');
    const sum = (f: (m: FlowModule) => number) => mid.reduce((s, m) => s + f(m), 0);
    parts.push(
      h('rect', { class: 'xf-stack', x: BOX_X + 6, y: y + 6, width: BOX_W, height: BOX_H, rx: 4 }),
      h('rect', { class: 'xf-stack', x: BOX_X + 3, y: y + 3, width: BOX_W, height: BOX_H, rx: 4 }),
      moduleBox(y, mid[0], false, `5–12 · ×8: 3× SepConv 728 each`, { params: sum((m) => m.params), macs: sum((m) => m.multAdds) }),
    );
    y += ROW + 6;
  }
  heading('Exit flow');
  for (const m of modules.slice(12)) {
    parts.push(moduleBox(y, m, step === m.block));
    y += ROW;
  }
  parts.push(
    h(
      'g',
      { class: 'xf-head' },
      h('rect', { class: 'xf-box xf-box-head', x: BOX_X, y, width: BOX_W, height: BOX_H - 8, rx: 4 }),
      h('text', { class: 'xf-title', x: BOX_X + 8, y: y + 17 }, `Global avg pool, FC ${fc.cin}→${fc.cout} + bias`),
      values(y + 17, fc.params, fc.multAdds, 'fc'),
    ),
  );
  y += ROW;

  // The highlighted module's layers.
  const detail: SvgNode[] = [];
  const line = (text: string | SvgNode[], cls = 'fig-small') => {
    detail.push(h('text', { class: cls, x: 0, y: y + 13 }, text));
    y += 18;
  };
  if (step >= 1) {
    const m = modules[step - 1];
    line(`Module ${m.block} (${m.flow} flow): ${m.convLayers} convolution layer${m.convLayers > 1 ? 's' : ''}${m.residual === 'projection' ? ' + a 1×1 projection' : ''}`, 'fig-label xf-detail-head');
    for (const l of m.layers) {
      detail.push(
        h('text', { class: 'fig-small', x: 8, y: y + 13 }, layerText(l)),
        h('text', { class: 'fig-small xf-num', x: COL_P, y: y + 13, 'text-anchor': 'end' }, quantity('layer-params', l.params, formatInt(l.params))),
        h('text', { class: 'fig-small xf-num', x: COL_M, y: y + 13, 'text-anchor': 'end' }, formatCompact(l.multAdds)),
      );
      y += 18;
    }
  } else {
    line(`${convLayers} convolution layers in 14 modules; ${residuals} residual connections (⊕).`);
    line('Pick a module with the step buttons to list its layers.');
  }
  y += 6;
  const totals = [
    h(
      'text',
      { class: 'fig-result', x: 0, y: y + 14 },
      'Total: ',
      quantity('params', arch.params, formatInt(arch.params)),
      ' params, ',
      quantity('macs', arch.multAdds, formatCompact(arch.multAdds)),
      ' mult-adds',
    ),
    h(
      'text',
      { class: 'fig-small', x: 0, y: y + 32 },
      '+ BatchNorm on ',
      quantity('bn-channels', arch.bnChannels, formatInt(arch.bnChannels)),
      ' channels. Keras: ',
      quantity('keras-trainable', fw.keras.trainable, formatInt(fw.keras.trainable)),
      ' trainable,',
    ),
    h('text', { class: 'fig-small', x: 0, y: y + 48 }, quantity('keras-total', fw.keras.total, formatInt(fw.keras.total)), ' with the moving statistics.'),
    h(
      'g',
      { class: 'fig-small xf-legend' },
      h('g', { class: 'xf-res xf-res-proj' }, h('path', { d: `M0 ${y + 64} H16` })),
      h('text', { class: 'fig-small', x: 20, y: y + 68 }, 'residual via strided 1×1 conv'),
      h('g', { class: 'xf-res xf-res-id' }, h('path', { d: `M250 ${y + 64} H266` })),
      h('text', { class: 'fig-small', x: 270, y: y + 68 }, 'identity residual'),
    ),
  ];
  const H = y + 78;
  const summary = `Xception at ${res}×${res}: ${convLayers} convolution layers in 14 modules, ${residuals} with residual connections; ${formatInt(arch.params)} parameters (weights and FC bias) and ${formatInt(arch.multAdds)} mult-adds; Keras counts ${formatInt(fw.keras.total)} with BatchNorm.`;
  const activeText = step >= 1 ? ` Module ${step} is highlighted: ${formatInt(modules[step - 1].params)} parameters, ${formatInt(modules[step - 1].multAdds)} mult-adds, output ${modules[step - 1].outH}×${modules[step - 1].outH}×${modules[step - 1].outC}.` : '';
  const svg = h(
    'svg',
    { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-labelledby': `${uid}-title ${uid}-desc`, class: 'fig-svg xception-flow', 'data-step': step, 'data-expanded': expanded ? 'true' : 'false' },
    title,
    h('desc', { id: `${uid}-desc` }, summary + activeText),
    parts,
    detail,
    totals,
  );
  const tex = `\\begin{gathered}${kerasTotalTex(arch).tex}\\end{gathered}`;
  return { svg, tex, summary: summary + activeText };
}

export const figure: FigureDef = {
  id: 'xception-flow',
  title: 'Xception: entry, middle and exit flows',
  chapter: '/xception/',
  source: 'Layer list: Chollet 2017, Fig. 5, as Keras Applications builds it; counts from the site’s cost model.',
  params: ['res', 'step'],
  steps: 15,
  render,
};
