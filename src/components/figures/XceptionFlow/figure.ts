/**
 * xception-flow: Xception's entry, middle and exit flows (Chollet 2017, Fig. 5) as Keras builds
 * them — 36 convolution layers in 14 modules, residual connections around modules 2–13 — with
 * each module's parameters and mult-adds from `xception()` at the chosen resolution. `step`
 * (0–13) highlights module step + 1 and lists its layers, so the stepper's "3 / 14" is module 3.
 * The eight identical middle-flow modules are drawn as one stack of eight cards, as the paper
 * draws them ("repeated 8 times"); a highlighted middle module is its card, pulled forward.
 *
 * A residual connection is drawn as what it is: an arrow that leaves the flow above the module,
 * bypasses it and joins the module's output at ⊕ (through a strided 1×1 convolution where the
 * module halves the map). Laid out for the space it gets: the flow beside the highlighted
 * module's layers and the totals on pages, the flows in two columns beside them on slides, and
 * one column on phones.
 */
import { XCEPTION_MIN_RESOLUTION, frameworkCounts, xception, type ArchLayer, type Architecture } from '../../../lib/architectures';
import { isCostError } from '../../../lib/errors';
import { formatCompact, formatInt } from '../../../lib/format';
import { kerasTotalTex } from '../../../lib/keras-counts';
import { h, type SvgNode } from '../../figure-kit/svg';
import type { FigureDef, FigureFrame, FigureParams, FigureView } from '../../figure-kit/types';
import { errorView, quantity } from '../../figure-kit/marks';
import { isNarrow } from '../../figure-kit/frame';
import { textUnits } from '../../figure-kit/text';
import { figureWords } from '../../../i18n/figures';
import { xceptionFlowEn } from '../../../i18n/figures/xception-flow.en';
import type { Lang } from '../../../i18n';
import { costErrorText } from '../../../i18n/errors';

/** This figure's words in a language (its English ones are bundled with it). */
const words = (lang: Lang): typeof xceptionFlowEn => figureWords(lang, 'xceptionFlow', xceptionFlowEn);

type Text = typeof xceptionFlowEn;

/** Module box height, and the room between boxes for the ⊕ and the start of the next bypass. */
const BOX_H = 34;
const GAP = 26;
/** The bypass lane: this far left of the boxes; the flow line runs this far inside them. */
const LANE = 16;
const FLOW = 18;
/** Offset of each card behind the middle flow's front card. */
const CARD = 3;
/** Estimated widths of 12 px and 13 px characters. */
const CHAR = 7.5;
const CHAR13 = 8.1;

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

/** The module that step (0–13) highlights: step + 1. */
export function moduleOfStep(step: number): number {
  return Math.max(1, Math.min(14, Math.round(step) + 1));
}

/** What a module does, long and short (the short form fits narrower boxes). */
function describe(T: Text, m: FlowModule): [string, string] {
  if (m.block === 1) return [T.firstLong, T.firstShort];
  const seps = m.layers.filter((l) => l.kind === 'separable').map((l) => l.cout);
  const same = seps.every((c) => c === seps[0]);
  const body = same ? `${seps.length}× SepConv ${seps[0]}` : `SepConv ${seps.join(', ')}`;
  return m.residual === 'projection' ? [T.pooledLong(body), T.pooledShort(body)] : [body, body];
}

function layerText(T: Text, l: ArchLayer): string {
  if (l.role === 'shortcut') return T.residualConv(String(l.cin), String(l.cout));
  if (l.kind === 'separable') return T.sepConv(String(l.cin), String(l.cout), String(l.inH));
  if (l.kind === 'conv') return T.conv(String(l.k), l.stride > 1, String(l.cin), String(l.cout), String(l.inH));
  return `${l.name} ${l.cin}→${l.cout}`;
}

const fits = (text: string, width: number, char = CHAR): boolean => textUnits(text) * char <= width;

interface Placed {
  node: SvgNode;
  height: number;
}

/**
 * One module as a box at (x, y), width w: its title on the first line, output shape, parameters and
 * mult-adds on the second; with its bypass when it has a residual connection.
 */
function moduleBox(T: Text, uid: string, x: number, y: number, w: number, m: FlowModule, active: boolean, name: string, label: string, totals?: { params: number; macs: number }, residual = m.residual): SvgNode {
  const params = totals?.params ?? m.params;
  const macs = totals?.macs ?? m.multAdds;
  const [long, short] = describe(T, m);
  const head = `${label} · `;
  const title = fits(head + long, w - 14, CHAR13) ? head + long : head + short;
  const aria = T.moduleAria(name, long, `${m.outH}×${m.outH}×${m.outC}`, formatInt(params), formatInt(macs), residual === 'none' ? T.residualNone : residual === 'projection' ? T.residualProjection : T.residualIdentity);
  return h(
    'g',
    { class: `xf-module xf-${m.flow}${active ? ' xf-active' : ''}`, tabindex: 0, role: 'group', 'aria-label': aria, 'data-block': totals ? 'middle' : m.block },
    h('rect', { class: 'xf-box', x, y, width: w, height: BOX_H, rx: 4 }),
    h('text', { class: 'xf-title', x: x + 8, y: y + 14 }, title),
    h('text', { class: 'fig-small xf-shape', x: x + 8, y: y + 29 }, `→ ${m.outH}×${m.outH}×${m.outC}`),
    h('text', { class: 'fig-small xf-num', x: x + w - 70, y: y + 29, 'text-anchor': 'end' }, quantity(`${totals ? 'middle' : `module-${m.block}`}-params`, params, formatCompact(params))),
    h('text', { class: 'fig-small xf-num', x: x + w - 7, y: y + 29, 'text-anchor': 'end' }, quantity(`${totals ? 'middle' : `module-${m.block}`}-macs`, macs, formatCompact(macs))),
    residual === 'none' ? null : bypass(uid, x, y, BOX_H, residual),
  );
}

/**
 * The residual connection of a box at (x, y) of height bh: it leaves the flow line above the box,
 * runs down the lane beside it and enters ⊕ on the flow line below it.
 */
function bypass(uid: string, x: number, y: number, bh: number, kind: 'identity' | 'projection'): SvgNode {
  const fx = x + FLOW;
  const lx = x - LANE;
  const top = y - 7;
  const join = y + bh + GAP / 2;
  return h(
    'g',
    { class: `xf-res xf-res-${kind === 'projection' ? 'proj' : 'id'}`, 'data-residual': kind, 'data-term': 'shortcut' },
    h('path', { class: 'xf-bypass', d: `M${fx} ${top}H${lx}V${join}H${fx - 8}`, 'marker-end': `url(#${uid}-${kind})` }),
    kind === 'projection' ? h('rect', { class: 'xf-proj', x: lx - 4, y: y + bh / 2 - 5, width: 8, height: 10, rx: 1 }) : null,
    h('circle', { class: 'xf-add', cx: fx, cy: join, r: 6, 'data-role': 'add' }),
    h('path', { class: 'xf-plus', d: `M${fx - 3.5} ${join}H${fx + 3.5}M${fx} ${join - 3.5}V${join + 3.5}` }),
  );
}

/** The flow line from the bottom of one box (or ⊕) to the top of the next, with an arrowhead. */
function flowLine(uid: string, x: number, from: number, to: number): SvgNode {
  return h('line', { class: 'xf-flow', x1: x + FLOW, x2: x + FLOW, y1: from, y2: to - 1, 'marker-end': `url(#${uid}-flow)` });
}

/** A column of the flow: headings, boxes, lines between them. Returns the node and its height. */
function column(T: Text, uid: string, items: readonly Item[], x: number, y0: number, w: number, step: number): Placed {
  const nodes: SvgNode[] = [];
  let y = y0;
  let prevBottom: number | undefined;
  for (const it of items) {
    if (it.kind === 'heading') {
      nodes.push(h('text', { class: 'fig-heading', x: x - LANE - 6, y: y + 13 }, it.text));
      y += 28;
      prevBottom = undefined;
      continue;
    }
    if (it.kind === 'input') {
      nodes.push(h('text', { class: 'fig-small', x: x + 4, y: y + 12 }, it.text));
      y += 22;
      continue;
    }
    if (prevBottom !== undefined) nodes.push(flowLine(uid, x, prevBottom, y));
    if (it.kind === 'module') {
      nodes.push(moduleBox(T, uid, x, y, w, it.m, step === it.m.block, T.module(String(it.m.block)), String(it.m.block)));
      prevBottom = y + BOX_H + (it.m.residual === 'none' ? 0 : GAP / 2 + 6);
      y += BOX_H + GAP;
    } else if (it.kind === 'middle') {
      const mods = it.modules;
      const activeIdx = mods.findIndex((m) => m.block === step);
      const sum = (f: (m: FlowModule) => number): number => mods.reduce((s, m) => s + f(m), 0);
      // The stack's cards step right and down; the front card is narrower so the last ends at the column's edge.
      const cw = w - 7 * CARD;
      // Eight cards, one per module (module 5's is the front); the front shows the stack's sum.
      const cards = mods.map((m, i) =>
        h(
          'g',
          { class: `xf-module xf-card xf-middle${m.block === step ? ' xf-active' : ''}`, 'data-block': m.block, tabindex: m.block === step ? 0 : undefined, role: m.block === step ? 'group' : undefined, 'aria-label': m.block === step ? T.middleCardAria(String(m.block), String(i + 1), describe(T, m)[0], `${m.outH}×${m.outH}×${m.outC}`, formatInt(m.params), formatInt(m.multAdds)) : undefined },
          h('rect', { class: 'xf-box xf-card-box', x: x + i * CARD, y: y + i * CARD, width: cw, height: BOX_H, rx: 4 }),
        ),
      );
      nodes.push(
        h('g', { class: 'xf-cards' }, cards.reverse()),
        moduleBox(T, uid, x, y, cw, mods[0], false, T.middleName, activeIdx >= 0 ? T.middleNow(String(mods[activeIdx].block)) : '5–12 ×8', { params: sum((m) => m.params), macs: sum((m) => m.multAdds) }, 'none'),
        // The highlighted card's outline, drawn over the stack so it shows where that module sits.
        ...(activeIdx >= 0 ? [h('rect', { class: 'xf-card-outline', x: x + activeIdx * CARD, y: y + activeIdx * CARD, width: cw, height: BOX_H, rx: 4 })] : []),
      );
      // One bypass around the stack: each of the eight has its own, as in the paper's figure.
      const stackH = BOX_H + 7 * CARD;
      nodes.push(bypass(uid, x, y, stackH, 'identity'));
      prevBottom = y + stackH + GAP / 2 + 6;
      y += stackH + GAP;
    } else {
      nodes.push(
        h(
          'g',
          { class: 'xf-head' },
          h('rect', { class: 'xf-box xf-box-head', x, y, width: w, height: BOX_H - 8, rx: 4 }),
          h('text', { class: 'xf-title', x: x + 8, y: y + 17 }, fits(T.headLong(String(it.fc.cin), String(it.fc.cout)), w - 80, CHAR13) ? T.headLong(String(it.fc.cin), String(it.fc.cout)) : T.headShort(String(it.fc.cin), String(it.fc.cout))),
          h('text', { class: 'fig-small xf-num', x: x + w - 7, y: y + 17, 'text-anchor': 'end' }, quantity('fc-params', it.fc.params, formatCompact(it.fc.params))),
        ),
      );
      y += BOX_H - 8;
    }
  }
  return { node: h('g', { class: 'xf-column' }, nodes), height: y - y0 };
}

type Item =
  | { kind: 'heading'; text: string }
  | { kind: 'input'; text: string }
  | { kind: 'module'; m: FlowModule }
  | { kind: 'middle'; modules: FlowModule[] }
  | { kind: 'head'; fc: ArchLayer };

/** The highlighted module's layers, in a panel of width w. */
function moduleLayers(T: Text, m: FlowModule, x: number, y0: number, w: number): Placed {
  const nodes: SvgNode[] = [];
  let y = y0 + 14;
  const line = (content: SvgNode | string | (SvgNode | string)[], cls = 'fig-small', dx = 0, step = 16): void => {
    nodes.push(h('text', { class: cls, x: x + dx, y }, content));
    y += step;
  };
  const flow = T.flows[m.flow];
  const projection = m.residual === 'projection';
  const head = T.detailHead(String(m.block), flow, m.convLayers, projection);
  if (fits(head, w, 7.9)) line(head, 'fig-label xf-detail-head', 0, 19);
  else {
    line(T.detailName(String(m.block), flow), 'fig-label xf-detail-head', 0, 16);
    const second = [T.detailLong(m.convLayers, projection), T.detailShort(m.convLayers, projection)];
    line(second.find((t) => fits(t, w)) ?? second[1], 'fig-small', 0, 19);
  }
  for (const l of m.layers) {
    const nums = [quantity('layer-params', l.params, formatInt(l.params)), T.params, formatCompact(l.multAdds), T.multAdds];
    const one = `${layerText(T, l)}: ${formatInt(l.params)}${T.params}${formatCompact(l.multAdds)}${T.multAdds}`;
    if (fits(one, w - 8)) line([layerText(T, l), ': ', ...nums], 'fig-small', 8, 18);
    else {
      line(layerText(T, l), 'fig-small', 8, 15);
      line(nums, 'fig-small xf-num', 18, 19);
    }
  }
  return { node: h('g', { class: 'xf-details' }, nodes), height: y - y0 };
}

/** The network's totals and the legend of the two kinds of bypass, in a panel of width w. */
function totalsPanel(T: Text, arch: Architecture, x: number, y0: number, w: number): Placed {
  const fw = frameworkCounts(arch);
  const nodes: SvgNode[] = [];
  let y = y0 + 14;
  const line = (content: SvgNode | string | (SvgNode | string)[], cls = 'fig-small', dx = 0, step = 16): void => {
    nodes.push(h('text', { class: cls, x: x + dx, y }, content));
    y += step;
  };
  const total = `${T.total}${formatInt(arch.params)}${T.totalParams}${formatCompact(arch.multAdds)}${T.multAdds}`;
  if (fits(total, w, 9)) line([T.total, quantity('params', arch.params, formatInt(arch.params)), T.totalParams, quantity('macs', arch.multAdds, formatCompact(arch.multAdds)), T.multAdds], 'fig-result', 0, 19);
  else {
    line([T.total, quantity('params', arch.params, formatInt(arch.params)), T.totalParamsEnd], 'fig-result', 0, 18);
    line([quantity('macs', arch.multAdds, formatCompact(arch.multAdds)), T.multAdds], 'fig-result', 0, 19);
  }
  line([T.bnBefore, quantity('bn-channels', arch.bnChannels, formatInt(arch.bnChannels)), T.bnAfter], 'fig-small');
  line([T.kerasBefore, quantity('keras-trainable', fw.keras.trainable, formatInt(fw.keras.trainable)), T.kerasAfter], 'fig-small');
  line([quantity('keras-total', fw.keras.total, formatInt(fw.keras.total)), T.movingAfter], 'fig-small', 0, 20);
  // Legend: the two kinds of bypass.
  const legendY = y - 4;
  nodes.push(
    h(
      'g',
      { class: 'xf-legend' },
      h('g', { class: 'xf-res xf-res-proj' }, h('path', { class: 'xf-bypass', d: `M${x} ${legendY}H${x + 18}` }), h('rect', { class: 'xf-proj', x: x + 5, y: legendY - 5, width: 8, height: 10, rx: 1 })),
      h('text', { class: 'fig-small', x: x + 26, y: legendY + 4 }, T.legendProjection),
      h('g', { class: 'xf-res xf-res-id' }, h('path', { class: 'xf-bypass', d: `M${x} ${legendY + 18}H${x + 18}` })),
      h('text', { class: 'fig-small', x: x + 26, y: legendY + 22 }, T.legendIdentity),
    ),
  );
  y += 32;
  return { node: h('g', { class: 'xf-totals' }, nodes), height: y - y0 };
}

/** The module's layers above the totals. */
function details(T: Text, arch: Architecture, m: FlowModule, x: number, y0: number, w: number): Placed {
  const a = moduleLayers(T, m, x, y0, w);
  const b = totalsPanel(T, arch, x, y0 + a.height + 6, w);
  return { node: h('g', {}, a.node, b.node), height: a.height + 6 + b.height };
}

function render(v: FigureParams, frame: FigureFrame): FigureView {
  const uid = frame.uid;
  const T = words(frame.lang);
  const W = frame.width;
  // Keras builds Xception from 71×71 up: a smaller resolution (a link, the number box) is drawn at 71, and says so.
  const res = Math.max(v.res, XCEPTION_MIN_RESOLUTION);
  const active = moduleOfStep(v.step);
  const title = h('title', { id: `${uid}-title` }, T.svgTitle);
  let arch: Architecture;
  try {
    arch = xception({ resolution: res });
  } catch (e) {
    if (isCostError(e)) return errorView(W, 200, uid, title, costErrorText(e, frame.lang));
    throw e;
  }
  const modules = flowModules(arch);
  const fc = arch.layers.find((l) => l.role === 'classifier') as ArchLayer;
  const convLayers = modules.reduce((s, m) => s + m.convLayers, 0);
  const residuals = modules.filter((m) => m.residual !== 'none').length;
  const entry: Item[] = [{ kind: 'input', text: v.res < res ? T.inputRaised(String(res), String(v.res)) : T.input(String(res)) }, { kind: 'heading', text: T.entryFlow }, ...modules.slice(0, 4).map((m): Item => ({ kind: 'module', m }))];
  const rest: Item[] = [
    { kind: 'heading', text: T.middleFlow },
    { kind: 'middle', modules: modules.filter((m) => m.flow === 'middle') },
    { kind: 'heading', text: T.exitFlow },
    ...modules.slice(12).map((m): Item => ({ kind: 'module', m })),
    { kind: 'head', fc },
  ];
  const parts: SvgNode[] = [];
  let height: number;
  const left = LANE + 8;
  if (isNarrow(frame) && frame.context !== 'slide') {
    const col = column(T, uid, [...entry, ...rest], left, 0, W - left, active);
    const det = details(T, arch, modules[active - 1], 0, col.height + 16, W);
    parts.push(col.node, det.node);
    height = col.height + 16 + det.height;
  } else if (frame.context === 'slide' && W < 640) {
    // A narrow slide: the two flow columns, without the module's layers.
    const colW = (W - 2 * left - 16) / 2;
    const a = column(T, uid, entry, left, 0, colW, active);
    const b = column(T, uid, rest, 2 * left + colW + 16, 0, colW, active);
    parts.push(a.node, b.node);
    height = Math.max(a.height, b.height);
  } else if (frame.context === 'slide') {
    // Entry flow | middle and exit flows | the module's layers and the totals.
    const side = Math.min(300, Math.round(W * 0.34));
    const colW = (W - side - 3 * left - 16) / 2;
    const a = column(T, uid, entry, left, 0, colW, active);
    const b = column(T, uid, rest, 2 * left + colW + 8, 0, colW - 8, active);
    const det = details(T, arch, modules[active - 1], W - side, 0, side);
    parts.push(a.node, b.node, det.node);
    height = Math.max(a.height, b.height, det.height);
  } else if (W >= 640) {
    // Entry flow | middle and exit flows; under them the module's layers and the totals.
    const colW = (W - 2 * left - 16) / 2;
    const a = column(T, uid, entry, left, 0, colW, active);
    const b = column(T, uid, rest, 2 * left + colW + 16, 0, colW, active);
    const top = Math.max(a.height, b.height) + 14;
    const half = (W - 24) / 2;
    const lay = moduleLayers(T, modules[active - 1], 0, top, half);
    const tot = totalsPanel(T, arch, half + 24, top, half);
    parts.push(a.node, b.node, h('line', { class: 'xf-rule', x1: 0, x2: W, y1: top - 4, y2: top - 4 }), lay.node, tot.node);
    height = top + Math.max(lay.height, tot.height);
  } else {
    // The flow, and beside it the module's layers and the totals.
    const side = Math.min(360, Math.max(250, Math.round(W * 0.42)));
    const colW = W - side - left - 20;
    const col = column(T, uid, [...entry, ...rest], left, 0, colW, active);
    const det = details(T, arch, modules[active - 1], W - side, 22, side);
    parts.push(col.node, det.node);
    height = Math.max(col.height, det.height + 22);
  }
  const summary = T.summary(String(res), String(convLayers), String(residuals), formatInt(arch.params), formatInt(arch.multAdds), formatInt(frameworkCounts(arch).keras.total));
  const m = modules[active - 1];
  const activeText = T.active(String(active), formatInt(m.params), formatInt(m.multAdds), `${m.outH}×${m.outH}×${m.outC}`, m.residual === 'none');
  const marker = (id: string, cls: string): SvgNode =>
    h('marker', { id: `${uid}-${id}`, viewBox: '0 0 8 8', refX: 7, refY: 4, markerWidth: 8, markerHeight: 8, markerUnits: 'userSpaceOnUse', orient: 'auto' }, h('path', { class: cls, d: 'M0 0L8 4L0 8Z' }));
  const svg = h(
    'svg',
    { viewBox: `0 0 ${W} ${Math.ceil(height + 4)}`, role: 'img', 'aria-labelledby': `${uid}-title ${uid}-desc`, class: 'fig-svg xception-flow', 'data-step': v.step, 'data-module': active },
    title,
    h('desc', { id: `${uid}-desc` }, summary + activeText),
    h('defs', {}, marker('flow', 'xf-head-flow'), marker('identity', 'xf-head-id'), marker('projection', 'xf-head-proj')),
    parts,
  );
  const tex = `\\begin{gathered}${kerasTotalTex(arch, T.kerasLabels).tex}\\end{gathered}`;
  return { svg, tex, summary: summary + activeText };
}

export const figure: FigureDef = {
  id: 'xception-flow',
  title: (lang) => words(lang).title,
  chapter: '/xception/',
  source: (lang) => words(lang).source,
  params: ['res', 'step'],
  steps: 14,
  render,
};
