/**
 * v1-architecture: the 28 costed layers of MobileNet V1 (Howard et al. 2017, Table 1) for the
 * reader's α and input resolution, each with its mult-adds and parameters drawn to a linear
 * scale; the totals (paper, Keras and PyTorch conventions); and the share of each layer type
 * beside the paper's printed Table 2, with the printed values the count does not reproduce marked.
 *
 * Laid out for the space it gets: on a wide page the layers are columns (mult-adds up, parameters
 * down, the map size and channels of each stage between them) with the totals and the breakdown
 * side by side below; on a phone the layers are rows (the long axis turned) and the breakdown is
 * a list; on a slide the columns stand left of the totals and the breakdown, within the slide's
 * height. Marks carry data-term (conv, depthwise, pointwise, fc, alpha, rho) so the formula's terms
 * can point at what they count.
 */
import { costByKind, frameworkCounts, mobilenetV1, type ArchLayer, type Architecture, type LayerKind } from '../../../lib/architectures';
import { isCostError } from '../../../lib/errors';
import { formatCompact, formatInt } from '../../../lib/format';
import { paperFigures, type PaperFigure } from '../../../lib/paper-tables';
import { scalingExample } from '../../../lib/scaling';
import { h, type SvgNode } from '../../figure-kit/svg';
import { rounded } from '../../figure-kit/rounded';
import type { FigureDef, FigureFrame, FigureParams, FigureView } from '../../figure-kit/types';
import { errorView, quantity, wrapWords } from '../../figure-kit/marks';
import { isNarrow } from '../../figure-kit/frame';
import { filterShape, layerShape, layerType, STRIDE_ERRATUM_LAYER } from './layers';
import { figureWords } from '../../../i18n/figures';
import { v1ArchitectureEn } from '../../../i18n/figures/v1-architecture.en';
import type { Lang } from '../../../i18n';
import { costErrorText } from '../../../i18n/errors';

/** This figure's words in a language (its English ones are bundled with it). */
const words = (lang: Lang): typeof v1ArchitectureEn => figureWords(lang, 'v1Architecture', v1ArchitectureEn);

type Text = typeof v1ArchitectureEn;

/** Estimated width of a line of 12 px figure text (DejaVu Sans digits are 0.64 em; most fonts are narrower). */
const CHAR = 7.5;
/** Line height of 12–13 px figure text. */
const LINE = 17;
/** Width of the breakdown as a table (label column and four number columns). */
const TABLE_W = 128 + 4 * 58;
/** The separable layer eq. 7 under the figure is written for (Table 3's example). */
const EQ7_LAYERS = ['conv_dw_7', 'conv_pw_7'];

/** Table 2's rows in the paper's order, with the kind of layer each covers. */
const KINDS: readonly { kind: LayerKind & keyof Text['kinds'] }[] = [{ kind: 'pointwise' }, { kind: 'depthwise' }, { kind: 'conv' }, { kind: 'fc' }];

let table2: Map<string, PaperFigure> | undefined;
/** Table 2's printed shares with their status at α 1, 224 (computed once; they do not depend on the reader). */
export function table2Printed(): Map<string, PaperFigure> {
  table2 ??= new Map(paperFigures().filter((f) => f.id.startsWith('v1-t2-')).map((f) => [f.id, f]));
  return table2;
}

/** A laid-out part of the picture and how tall it is. */
interface Part {
  node: SvgNode;
  height: number;
}

const pct = (part: number, whole: number): number => (whole === 0 ? 0 : (100 * part) / whole);

function layerTitle(T: Text, l: ArchLayer, i: number): SvgNode {
  const shape = l.kind === 'fc' ? `${l.cin} → ${l.cout}` : `${l.inH}²×${l.cin} → ${l.outH}²×${l.cout}`;
  return h('title', {}, T.layerTitle(String(i + 1), l.name, filterShape(l), String(l.stride), shape, formatInt(l.multAdds), formatInt(l.params)));
}

/** Output shape with the map size (ρ) and the channels (α) as their own spans: "112²×32". */
function shapeText(l: ArchLayer): (SvgNode | string)[] {
  if (l.kind === 'fc') return [h('tspan', { 'data-term': 'alpha' }, layerShape(l))];
  return [h('tspan', { 'data-term': 'rho' }, `${l.outH}²`), '×', h('tspan', { 'data-term': 'alpha' }, String(l.cout))];
}

/** Consecutive layers with the same output map (the FC layer alone): the network's stages. */
function stages(layers: readonly ArchLayer[]): { from: number; to: number; label: string; channels: string }[] {
  const out: { from: number; to: number; label: string; channels: string }[] = [];
  layers.forEach((l, i) => {
    const label = l.kind === 'fc' ? 'FC' : `${l.outH}²`;
    const last = out[out.length - 1];
    if (last && last.label === label) {
      last.to = i;
      last.channels = l.kind === 'fc' ? '' : `×${l.cout}`;
    } else out.push({ from: i, to: i, label, channels: l.kind === 'fc' ? '' : `×${l.cout}` });
  });
  return out;
}

/**
 * The layers as columns: mult-adds grow up from one baseline, parameters down from another, and
 * the band between them names each stage's map size and channels. `width` is split into 28 columns.
 */
function columns(T: Text, arch: Architecture, x0: number, y0: number, width: number, hMacs: number, hParams: number): Part {
  const ls = arch.layers;
  const maxMacs = Math.max(...ls.map((l) => l.multAdds));
  const maxParams = Math.max(...ls.map((l) => l.params));
  const cw = width / ls.length;
  const bw = Math.max(3, cw * 0.7);
  const colX = (i: number): number => x0 + i * cw;
  const headY = y0 + 14;
  const noteY = headY + 18;
  const macsBase = noteY + 8 + hMacs;
  const bandTop = macsBase + 3;
  const paramsBase = bandTop + 36;
  // The lower chart's heading sits in its empty lower left (the early layers hold few parameters).
  const footY = paramsBase + 30;
  const eq7 = EQ7_LAYERS.map((n) => ls.findIndex((l) => l.name === n)).filter((i) => i >= 0);
  const cols = ls.map((l, i) => {
    const mh = Math.max(0.75, (l.multAdds / maxMacs) * hMacs);
    const ph = Math.max(0.75, (l.params / maxParams) * hParams);
    const x = colX(i) + (cw - bw) / 2;
    const erratum = l.name === STRIDE_ERRATUM_LAYER;
    return h(
      'g',
      { class: `v1a-row kind-${l.kind}`, 'data-layer': l.name, 'data-term': l.kind },
      layerTitle(T, l, i),
      h('rect', { class: 'v1a-bg', x: colX(i), y: noteY, width: cw, height: paramsBase + hParams - noteY }),
      h('rect', { class: `v1a-bar bar-${l.kind}`, 'data-role': 'macs', x, y: macsBase - mh, width: bw, height: mh, rx: 1 }),
      h('rect', { class: `v1a-bar bar-${l.kind}`, 'data-role': 'params', x, y: paramsBase, width: bw, height: ph, rx: 1 }),
      erratum ? h('text', { class: 'fig-small v1a-flag', x: colX(i) + cw / 2, y: macsBase - mh - 3, 'text-anchor': 'middle' }, '*') : null,
    );
  });
  const band = stages(ls).map((s, i) => {
    const x = colX(s.from);
    const w = (s.to - s.from + 1) * cw;
    const fits = (text: string): boolean => text.length * CHAR <= w + 2;
    return h(
      'g',
      { class: 'v1a-stage', 'data-stage': s.label },
      h('rect', { class: i % 2 === 0 ? 'v1a-band v1a-stripe' : 'v1a-band', x, y: bandTop, width: w, height: 33 }),
      h('text', { class: 'fig-small', x: x + w / 2, y: bandTop + 14, 'text-anchor': 'middle', 'data-term': s.label === 'FC' ? 'fc' : 'rho' }, s.label),
      s.channels && fits(s.channels) ? h('text', { class: 'fig-small', x: x + w / 2, y: bandTop + 28, 'text-anchor': 'middle', 'data-term': 'alpha' }, s.channels) : null,
    );
  });
  const eqX = eq7.length === 2 ? colX(eq7[0]) : 0;
  const eqMark =
    eq7.length === 2
      ? h(
          'g',
          { class: 'v1a-eq7', 'data-role': 'eq7' },
          h('path', { class: 'v1a-bracket', d: rounded`M${eqX + 1} ${noteY + 4}V${noteY}H${eqX + 2 * cw - 1}V${noteY + 4}` }),
          h('text', { class: 'fig-small', x: eqX + cw, y: noteY - 3, 'text-anchor': 'middle' }, T.eq7),
        )
      : null;
  const node = h(
    'g',
    { class: 'v1a-columns' },
    h('text', { class: 'fig-heading', x: x0, y: headY }, T.macsPerLayer),
    h('text', { class: 'fig-small', x: x0 + width, y: headY, 'text-anchor': 'end' }, T.tallest(formatCompact(maxMacs))),
    h('g', { class: 'v1a-bands' }, band),
    h('g', { class: 'v1a-rows' }, cols),
    h('line', { class: 'v1a-base', x1: x0, x2: x0 + width, y1: macsBase, y2: macsBase }),
    h('line', { class: 'v1a-base', x1: x0, x2: x0 + width, y1: paramsBase, y2: paramsBase }),
    eqMark,
    h('text', { class: 'fig-heading', x: x0, y: footY }, T.paramsPerLayer),
    h('text', { class: 'fig-small', x: x0, y: footY + 16 }, T.longest(formatCompact(maxParams))),
  );
  return { node, height: Math.max(paramsBase + hParams, footY + 16) + 5 - y0 };
}

/** The layers as rows (phones): type, output shape, and bars for mult-adds and parameters. */
function rowList(T: Text, arch: Architecture, width: number, y0: number): Part {
  const ls = arch.layers;
  const maxMacs = Math.max(...ls.map((l) => l.multAdds));
  const maxParams = Math.max(...ls.map((l) => l.params));
  const xShape = 56;
  const xMacs = 124;
  const macsW = Math.round((width - xMacs - 8) * 0.56);
  const xParams = xMacs + macsW + 8;
  const paramsW = width - xParams;
  const top = y0 + 40;
  const rowH = LINE;
  const bar = 11;
  const rows = ls.map((l, i) => {
    const y = top + i * rowH;
    const erratum = l.name === STRIDE_ERRATUM_LAYER;
    return h(
      'g',
      { class: `v1a-row kind-${l.kind}`, 'data-layer': l.name, 'data-term': l.kind },
      layerTitle(T, l, i),
      h('rect', { class: i % 2 === 0 ? 'v1a-bg v1a-stripe' : 'v1a-bg', x: 0, y: y - 3, width, height: rowH }),
      h('text', { class: 'fig-small v1a-type', x: 0, y: y + bar / 2, 'dominant-baseline': 'central' }, layerType(l), erratum ? h('tspan', { class: 'v1a-flag' }, '*') : null),
      h('text', { class: 'fig-small', x: xShape, y: y + bar / 2, 'dominant-baseline': 'central' }, shapeText(l)),
      h('rect', { class: `v1a-bar bar-${l.kind}`, 'data-role': 'macs', x: xMacs, y, width: Math.max((l.multAdds / maxMacs) * macsW, 0.75), height: bar, rx: 1.5 }),
      h('rect', { class: `v1a-bar bar-${l.kind}`, 'data-role': 'params', x: xParams, y, width: Math.max((l.params / maxParams) * paramsW, 0.75), height: bar, rx: 1.5 }),
    );
  });
  const node = h(
    'g',
    { class: 'v1a-list' },
    h('text', { class: 'fig-heading', x: 0, y: y0 + 14 }, T.layer),
    h('text', { class: 'fig-heading', x: xShape, y: y0 + 14 }, T.output),
    h('text', { class: 'fig-heading', x: xMacs, y: y0 + 14 }, T.multAddsHead),
    h('text', { class: 'fig-heading', x: xParams, y: y0 + 14 }, T.paramsHead),
    h('text', { class: 'fig-small', x: xMacs, y: y0 + 30 }, T.max(formatCompact(maxMacs))),
    h('text', { class: 'fig-small', x: xParams, y: y0 + 30 }, T.max(formatCompact(maxParams))),
    h('g', { class: 'v1a-rows' }, rows),
  );
  return { node, height: 40 + ls.length * rowH };
}

/** Lines of 12 px text wrapped to `width`, from `y` down. */
function lines(text: string, x: number, y: number, width: number, attrs: Record<string, string> = {}): Part {
  const ls = wrapWords(text, Math.max(10, Math.floor(width / CHAR)));
  return { node: h('g', {}, ls.map((t, i) => h('text', { class: 'fig-small', ...attrs, x, y: y + i * 16 }, t))), height: ls.length * 16 };
}

function totals(T: Text, arch: Architecture, x: number, y: number, width: number): Part {
  const fw = frameworkCounts(arch);
  const split = width < 380;
  const keras = [h('tspan', {}, 'Keras count_params '), quantity('params-keras', fw.keras.total, formatInt(fw.keras.total))];
  const torch = [h('tspan', {}, 'PyTorch parameters() '), quantity('params-pytorch', fw.pytorch.parameters, formatInt(fw.pytorch.parameters))];
  const node = h(
    'g',
    { class: 'v1a-totals' },
    h('text', { class: 'fig-result', x, y: y + 14 }, T.total, quantity('macs', arch.multAdds, formatInt(arch.multAdds)), T.multAdds),
    h('text', { class: 'fig-value', x, y: y + 14 + 19 }, quantity('params', arch.params, formatInt(arch.params)), T.parameters, width >= 320 ? h('tspan', { class: 'fig-small' }, T.weightsBias) : null),
    h('text', { class: 'fig-value', x, y: y + 14 + 38 }, quantity('bn-channels', arch.bnChannels, formatInt(arch.bnChannels)), T.bnChannels(String(arch.bnLayers))),
    split
      ? [h('text', { class: 'fig-small', x, y: y + 14 + 56 }, keras), h('text', { class: 'fig-small', x, y: y + 14 + 72 }, torch)]
      : h('text', { class: 'fig-small', x, y: y + 14 + 56 }, keras, ' · ', torch),
  );
  return { node, height: split ? 92 : 76 };
}

/** Where the cost goes: 100% bars and, per layer type, the shares beside Table 2's printed ones. */
function breakdown(T: Text, arch: Architecture, x0: number, y0: number, width: number, full = true, notes = true): Part {
  const by = costByKind(arch);
  const printed = table2Printed();
  const table = width >= TABLE_W;
  const w = table ? TABLE_W : width;
  const parts: SvgNode[] = [];
  let y = y0 + 14;
  parts.push(h('text', { class: 'fig-heading', x: x0, y }, table || width >= 330 ? T.whereLong : T.whereShort));
  y += 10;
  // 100% bars: the share of each kind of layer in the mult-adds and in the weights.
  const barX = x0 + 74;
  const stack = (top: number, value: (k: LayerKind) => number, whole: number, role: string, label: string): SvgNode => {
    let x = barX;
    return h(
      'g',
      { 'data-role': role },
      h('text', { class: 'fig-small', x: x0, y: top + 10 }, label),
      KINDS.map(({ kind }) => {
        const bw = (pct(value(kind), whole) / 100) * (x0 + w - barX);
        const r = h('rect', { class: `v1a-share bar-${kind}`, 'data-kind': kind, 'data-term': kind, x, y: top, width: bw, height: 12 });
        x += bw;
        return r;
      }),
    );
  };
  parts.push(stack(y, (k) => by[k]?.multAdds ?? 0, arch.multAdds, 'stack-macs', T.stackMacs), stack(y + 16, (k) => by[k]?.weights ?? 0, arch.weights, 'stack-params', T.stackWeights));
  y += 34;
  const printedText = (id: string): { text: string; bad?: PaperFigure } => {
    const f = printed.get(id);
    if (!f) return { text: '–' };
    if (f.status === 'ok') return { text: f.printed };
    return { text: `${f.printed}✗`, bad: f };
  };
  const printedCell = (id: string, x: number, y: number, anchor: 'end' | 'start'): SvgNode => {
    const p = printedText(id);
    return p.bad
      ? h('text', { class: 'fig-small v1a-bad', x, y, 'text-anchor': anchor, 'data-printed': id, 'data-status': p.bad.status }, p.text)
      : h('text', { class: 'fig-small', x, y, 'text-anchor': anchor }, p.text);
  };
  const cols = { macs: x0 + 128 + 58, macsPaper: x0 + 128 + 116, params: x0 + 128 + 174, paramsPaper: x0 + 128 + 232 };
  if (table) {
    y += 6;
    parts.push(
      h('text', { class: 'fig-small', x: cols.macs, y, 'text-anchor': 'end' }, T.colMacs),
      h('text', { class: 'fig-small', x: cols.macsPaper, y, 'text-anchor': 'end' }, T.table2),
      h('text', { class: 'fig-small', x: cols.params, y, 'text-anchor': 'end' }, T.colWeights),
      h('text', { class: 'fig-small', x: cols.paramsPaper, y, 'text-anchor': 'end' }, T.table2),
    );
    y += 4;
  }
  for (const { kind } of KINDS) {
    const label = T.kinds[kind];
    const t = by[kind] ?? { multAdds: 0, weights: 0, params: 0, layers: 0 };
    const macsShare = pct(t.multAdds, arch.multAdds);
    const paramsShare = pct(t.weights, arch.weights);
    const macsQ = quantity(`share-macs-${kind}`, macsShare, `${macsShare.toFixed(2)}%`);
    const paramsQ = quantity(`share-params-${kind}`, paramsShare, `${paramsShare.toFixed(2)}%`);
    const aria = T.kindAria(label, macsShare.toFixed(2), paramsShare.toFixed(2), printed.get(`v1-t2-${kind}-macs`)?.printed ?? '–', printed.get(`v1-t2-${kind}-params`)?.printed ?? '–');
    if (table) {
      y += 18;
      parts.push(
        h(
          'g',
          { class: 'v1a-kind', 'data-kind': kind, 'data-term': kind, tabindex: 0, role: 'group', 'aria-label': aria },
          h('rect', { class: `bar-${kind}`, x: x0, y: y - 10, width: 10, height: 10, rx: 2 }),
          h('text', { class: 'fig-small', x: x0 + 15, y }, label),
          h('text', { class: 'fig-value', x: cols.macs, y, 'text-anchor': 'end' }, macsQ),
          printedCell(`v1-t2-${kind}-macs`, cols.macsPaper, y, 'end'),
          h('text', { class: 'fig-value', x: cols.params, y, 'text-anchor': 'end' }, paramsQ),
          printedCell(`v1-t2-${kind}-params`, cols.paramsPaper, y, 'end'),
        ),
      );
    } else {
      // A list: the type, then one line each for mult-adds and weights with Table 2's value.
      const py = y + 18;
      const mp = printedText(`v1-t2-${kind}-macs`);
      const wp = printedText(`v1-t2-${kind}-params`);
      parts.push(
        h(
          'g',
          { class: 'v1a-kind', 'data-kind': kind, 'data-term': kind, tabindex: 0, role: 'group', 'aria-label': aria },
          h('rect', { class: `bar-${kind}`, x: x0, y: py - 10, width: 10, height: 10, rx: 2 }),
          h('text', { class: 'fig-value', x: x0 + 15, y: py }, label),
          h('text', { class: 'fig-small', x: x0 + 15, y: py + 16 }, T.listMacs, h('tspan', { class: 'fig-value' }, macsQ), T.listTable2, h('tspan', mp.bad ? { class: 'v1a-bad', 'data-printed': `v1-t2-${kind}-macs`, 'data-status': mp.bad.status } : {}, mp.text)),
          h('text', { class: 'fig-small', x: x0 + 15, y: py + 32 }, T.listWeights, h('tspan', { class: 'fig-value' }, paramsQ), T.listTable2, h('tspan', wp.bad ? { class: 'v1a-bad', 'data-printed': `v1-t2-${kind}-params`, 'data-status': wp.bad.status } : {}, wp.text)),
        ),
      );
      y += 52;
    }
  }
  y += 4;
  if (notes) {
    const n = breakdownNotes(T, x0, y, w, full);
    parts.push(n.node);
    y += n.height;
  }
  return { node: h('g', { class: 'v1a-breakdown' }, parts), height: y - y0 };
}

/** Under the breakdown (or beside it): which setting Table 2 is for, and the printed values that are off. */
function breakdownNotes(T: Text, x0: number, y0: number, w: number, full = true): Part {
  const printed = table2Printed();
  const mismatches = KINDS.flatMap(({ kind }) => [printed.get(`v1-t2-${kind}-macs`), printed.get(`v1-t2-${kind}-params`)]).filter((f): f is PaperFigure => f !== undefined && f.status !== 'ok');
  const parts: SvgNode[] = [];
  let y = y0 + 4;
  if (full) {
    const note = lines(T.sharesFor, x0, y + 12, w);
    parts.push(note.node);
    y += note.height;
  }
  if (mismatches.length) {
    const what = (f: PaperFigure): { label: string; macs: boolean } => {
      const m = /^v1-t2-(\w+)-(macs|params)$/.exec(f.id);
      return { label: T.kinds[(m?.[1] ?? 'conv') as keyof Text['kinds']] ?? f.id, macs: m?.[2] === 'macs' };
    };
    const text = T.mismatch(mismatches.map((f) => T.mismatchItem(f.printed, f.computed.toFixed(2), what(f).label, what(f).macs)).join(T.mismatchSep));
    const note = lines(text, x0, y + 12, w, { class: 'fig-small v1a-bad' });
    parts.push(note.node);
    y += note.height;
  }
  return { node: h('g', { class: 'v1a-notes' }, parts), height: y - y0 };
}

function erratumNote(T: Text, x: number, y: number, width: number): Part {
  const text = T.erratum;
  const ls = wrapWords(text, Math.max(10, Math.floor(width / CHAR)));
  return {
    node: h(
      'g',
      { 'data-role': 'erratum' },
      ls.map((t, i) => h('text', { class: 'fig-small', x, y: y + 12 + i * 16 }, i === 0 ? [h('tspan', { class: 'v1a-flag' }, '*'), t.slice(1)] : t)),
    ),
    height: ls.length * 16,
  };
}

/** The picture for a frame: rows on phones, columns beside the numbers on slides, columns above them on pages. */
function layout(arch: Architecture, frame: FigureFrame): { parts: SvgNode[]; height: number } {
  const T = words(frame.lang);
  const W = frame.width;
  const gap = 22;
  if (frame.context === 'slide' && W < TABLE_W + gap + 380) {
    // A slide too narrow for the breakdown beside the columns: the columns and the totals only.
    const maxH = frame.height ?? 335;
    const tot = totals(T, arch, 0, 0, W);
    const room = maxH - (14 + 18 + 8 + 3 + 36 + 5) - tot.height - 12;
    const hMacs = Math.max(40, Math.round(room * 0.6));
    const cols = columns(T, arch, 0, 0, W, hMacs, Math.max(30, room - hMacs));
    const at = totals(T, arch, 0, cols.height + 8, W);
    return { parts: [cols.node, at.node], height: cols.height + 8 + at.height };
  }
  if (isNarrow(frame)) {
    const list = rowList(T, arch, W, 0);
    const note = erratumNote(T, 0, list.height + 4, W);
    let y = list.height + 4 + note.height + 14;
    const tot = totals(T, arch, 0, y, W);
    y += tot.height + 12;
    const brk = breakdown(T, arch, 0, y, W);
    return { parts: [list.node, note.node, tot.node, brk.node], height: y + brk.height + 4 };
  }
  if (frame.context === 'slide') {
    // Columns left, totals and breakdown right; everything within the slide's height.
    const side = Math.min(TABLE_W, Math.round(W * 0.45));
    const colW = W - side - gap;
    const maxH = frame.height ?? 335;
    const note = erratumNote(T, 0, 0, colW);
    const chrome = 14 + 18 + 8 + 3 + 36 + 18 + 5;
    const room = maxH - chrome - note.height - 8;
    const hMacs = Math.max(60, Math.min(150, Math.round(room * 0.6)));
    const hParams = Math.max(40, Math.min(100, room - hMacs));
    const cols = columns(T, arch, 0, 0, colW, hMacs, hParams);
    const noteAt = erratumNote(T, 0, cols.height + 2, colW);
    const tot = totals(T, arch, colW + gap, 0, side);
    const brk = breakdown(T, arch, colW + gap, tot.height + 8, side, false);
    const height = Math.max(cols.height + 2 + noteAt.height, tot.height + 8 + brk.height) + 4;
    return { parts: [cols.node, noteAt.node, tot.node, brk.node], height };
  }
  const cols = columns(T, arch, 0, 0, W, 104, 60);
  // From the build's wide draft (680) up: the same arrangement, so nothing jumps when the page relays it out.
  if (W >= TABLE_W + gap + 270) {
    // Totals and the notes left, the breakdown right.
    const left = W - TABLE_W - gap;
    let y = cols.height + 12;
    const tot = totals(T, arch, 0, y, left);
    const note = erratumNote(T, 0, y + tot.height + 4, left);
    const more = breakdownNotes(T, 0, y + tot.height + 4 + note.height, left);
    const brk = breakdown(T, arch, left + gap, y, TABLE_W, true, false);
    y += Math.max(tot.height + 4 + note.height + more.height, brk.height);
    return { parts: [cols.node, tot.node, note.node, more.node, brk.node], height: y + 4 };
  }
  const note = erratumNote(T, 0, cols.height + 2, W);
  let y = cols.height + 2 + note.height + 14;
  const tot = totals(T, arch, 0, y, W);
  y += tot.height + 12;
  const brk = breakdown(T, arch, 0, y, W);
  return { parts: [cols.node, note.node, tot.node, brk.node], height: y + brk.height + 4 };
}

function render(v: FigureParams, frame: FigureFrame): FigureView {
  const uid = frame.uid;
  const T = words(frame.lang);
  const alpha = v.alpha;
  const res = v.res;
  const W = frame.width;
  const title = h('title', { id: `${uid}-title` }, T.svgTitle(String(alpha), String(res)));
  let arch: Architecture;
  let tex: string;
  try {
    arch = mobilenetV1({ alpha, resolution: res });
    tex = scalingExample({ alpha, resolution: res }, arch, { terms: true }).tex;
  } catch (e) {
    if (isCostError(e)) return errorView(W, 200, uid, title, costErrorText(e, frame.lang));
    throw e;
  }
  const by = costByKind(arch);
  const pw = by.pointwise?.multAdds ?? 0;
  const summary = T.summary(String(alpha), String(res), formatInt(arch.multAdds), formatInt(arch.params), pct(pw, arch.multAdds).toFixed(1));
  const desc = h(
    'desc',
    { id: `${uid}-desc` },
    T.desc(summary, formatInt(arch.bnChannels)),
  );
  const { parts, height } = layout(arch, frame);
  const svg = h(
    'svg',
    { viewBox: `0 0 ${W} ${Math.ceil(height)}`, role: 'img', 'aria-labelledby': `${uid}-title ${uid}-desc`, class: 'fig-svg v1a' },
    title,
    desc,
    parts,
  );
  return { svg, tex, summary };
}

export const figure: FigureDef = {
  id: 'v1-architecture',
  title: (lang) => words(lang).title,
  chapter: '/mobilenet-v1/',
  source: (lang) => words(lang).source,
  params: ['alpha', 'res'],
  render,
};
