/**
 * conv-geometry: one layer in space and in channels (Howard et al. 2017, §3.1, Fig. 2).
 *
 *   tensors   the input and output drawn to scale in space: the front face is a D_F×D_F grid with
 *             the D_K×D_K window of the first output on it ('same' padding, the next window one
 *             stride further dashed), the output face D_G×D_G with D_G = ⌈D_F / s⌉ at the same
 *             cell size; the channels as slabs behind (at most 16 drawn), kernels between
 *   matrix    the M×N connectivity matrix (row m, column n filled when output channel n reads
 *             input channel m): dense, block-diagonal, diagonal; separable shows the depthwise
 *             matrix then the pointwise one. Each column is a focusable kernel that lights up the
 *             rows and input slabs it reads (CSS)
 *   numbers   connections, parameters, mult-adds
 *
 * Wide frames put the tensors and numbers left of the matrix, phones stack everything, slides
 * keep to their height. A G that does not divide M and N keeps the nearest valid drawing, greyed,
 * at the same size, with the reason beside it. The parts the formula counts carry data-term.
 */
import { convCost, type ConvCost } from '../../../lib/cost';
import { CostError, isCostError } from '../../../lib/errors';
import { formatInt } from '../../../lib/format';
import { connectivity, layerView, nearestValidGroups, spatialWindow, validGroups, type Connectivity, type LayerView } from '../../../lib/geometry';
import { groupedMacsTex, groupedParamsTex, separableMacsTex, separableParamsTex, standardMacsTex, standardParamsTex, texEquations, type TexLayout } from '../../../lib/tex';
import { h, type SvgNode } from '../../figure-kit/svg';
import { rectsPath } from '../../figure-kit/rects';
import type { FigureDef, FigureFrame, FigureParams, FigureView } from '../../figure-kit/types';
import { errorView, quantity, wrapWords } from '../../figure-kit/marks';
import { isNarrow } from '../../figure-kit/frame';
import { subscripted, textUnits } from '../../figure-kit/text';
import { figureWords } from '../../../i18n/figures';
import { convGeometryEn } from '../../../i18n/figures/conv-geometry.en';
import type { Lang } from '../../../i18n';
import { costErrorText } from '../../../i18n/errors';

/** This figure's words in a language (its English ones are bundled with it). */
const words = (lang: Lang): typeof convGeometryEn => figureWords(lang, 'convGeometry', convGeometryEn);

type Text = typeof convGeometryEn;

/** Most channels drawn along one axis. */
export const MAX_DRAWN = 16;


interface Stage {
  label: string;
  cost: ConvCost;
  conn: Connectivity;
  cls: string;
  /** The formula term this stage's matrix counts: the two parts of a separable layer, a grouped layer's G. */
  term?: 'depthwise' | 'pointwise' | 'groups';
}

interface Plan {
  view: LayerView;
  /** The layers drawn as matrices: one, or depthwise then pointwise. */
  stages: Stage[];
  total: ConvCost;
  k: number;
  /** Groups of the first stage as drawn. */
  groups: number;
  /** Set when the reader's G cannot be built: the G asked for (the drawing uses `groups`). */
  staleG?: number;
}

/** The cost and connectivity of the chosen view, or a CostError from the cost model. */
function plan(T: Text, v: FigureParams): Plan {
  const view = layerView(v.layer);
  const base = { cin: v.m, cout: v.n, inH: v.df, stride: v.s };
  if (view === 'separable') {
    const total = convCost({ kind: 'separable', k: v.k, ...base });
    const { depthwise, pointwise } = total.parts!;
    return {
      view,
      k: v.k,
      total,
      groups: v.m,
      stages: [
        { label: T.stageDepthwise(String(v.k)), cost: depthwise, conn: connectivity({ cin: v.m, cout: v.m, groups: v.m }, MAX_DRAWN), cls: 'c-depthwise', term: 'depthwise' },
        { label: T.stagePointwise, cost: pointwise, conn: connectivity({ cin: v.m, cout: v.n, groups: 1 }, MAX_DRAWN), cls: 'c-pointwise', term: 'pointwise' },
      ],
    };
  }
  const k = view === 'pointwise' ? 1 : v.k;
  let groups = view === 'grouped' ? v.g : view === 'depthwise' ? v.m : 1;
  let staleG: number | undefined;
  if (view === 'grouped' && (v.m % groups !== 0 || v.n % groups !== 0)) {
    // Keep drawing the nearest G that works; the figure says why the asked one does not.
    staleG = groups;
    groups = nearestValidGroups(groups, v.m, v.n);
  }
  const cls = { standard: 'c-standard', grouped: 'c-standard', depthwise: 'c-depthwise', pointwise: 'c-pointwise' }[view];
  const cost = convCost({ kind: view, k, ...base, groups: view === 'grouped' || view === 'depthwise' ? groups : undefined });
  const term = view === 'grouped' ? ('groups' as const) : undefined;
  return { view, k, total: cost, groups, staleG, stages: [{ label: T.stageKernels(String(k), String(groups)), cost, conn: connectivity({ cin: v.m, cout: v.n, groups }, MAX_DRAWN), cls, term }] };
}

/** Sizes of one arrangement. */
interface Layout {
  width: number;
  narrow: boolean;
  slide: boolean;
  /** Largest front face (picture units) and the largest grid cell. */
  face: number;
  cellMax: number;
  /** Slab offset per channel drawn. */
  step: number;
  /** Matrix cell for one matrix, and for each of two. */
  matrixCell: number;
  matrixCell2: number;
}

function layoutFor(frame: FigureFrame, m: number, n: number): Layout {
  const slide = frame.context === 'slide';
  const narrow = slide ? frame.width < 400 : isNarrow(frame);
  const rows = Math.min(MAX_DRAWN, Math.max(m, n));
  if (narrow) return { width: frame.width, narrow, slide, face: 64, cellMax: 8, step: 1.5, matrixCell: 14, matrixCell2: 12 };
  if (slide) {
    // Two matrices stacked must fit the slide's height with their labels.
    const room = Math.min(frame.height ?? 236, 236);
    return { width: frame.width, narrow, slide, face: 64, cellMax: 8, step: 2, matrixCell: Math.min(13, Math.floor((room - 30) / rows)), matrixCell2: Math.min(11, Math.floor((room - 72) / (2 * rows))) };
  }
  return { width: frame.width, narrow, slide, face: 96, cellMax: 9, step: 3, matrixCell: 12, matrixCell2: 9 };
}

/** How the picture's rows of slabs map to channels: the first (front) slab is channel 0. */
interface TensorGeom {
  x: number;
  y: number;
  side: number;
  count: number;
  step: number;
}

/** A stack of channel slabs (a tensor), back to front; the front face drawn by the caller. */
function slabs(t: TensorGeom, groupOfSlab: readonly number[], prefix: string, term: string): SvgNode {
  return h(
    'g',
    { class: 'tensor', 'data-term': term },
    Array.from({ length: t.count }, (_, i) => {
      const j = t.count - 1 - i; // back to front
      return h('rect', { class: `slab grp-${groupOfSlab[j] % 4}`, 'data-slab': `${prefix}${j}`, x: t.x + j * t.step, y: t.y - j * t.step, width: t.side, height: t.side });
    }),
  );
}

/** The front face as a grid of size×size cells of `cell` units (grid lines when cells are ≥ 4). */
function face(x: number, y: number, size: number, cell: number, cls: string, term: string, label: string): SvgNode {
  const side = size * cell;
  // In hundredths, as attributes are written; each line after the first is a step from the one
  // before, taken between rounded positions so the steps add up exactly and repeat.
  const at = (v: number) => Math.round(v * 100);
  const u = (n: number) => String(n / 100);
  const lines: string[] = [];
  if (cell >= 4 && size > 1) {
    const s = at(side);
    for (let i = 1; i < size; i++) {
      const dx = at(x + i * cell) - at(x + (i - 1) * cell);
      lines.push(i === 1 ? `M${u(at(x + cell))},${u(at(y))}v${u(s)}` : `m${u(dx)},${u(-s)}v${u(s)}`);
    }
    for (let i = 1; i < size; i++) {
      const dy = at(y + i * cell) - at(y + (i - 1) * cell);
      lines.push(i === 1 ? `M${u(at(x))},${u(at(y + cell))}h${u(s)}` : `m${u(-s)},${u(dy)}h${u(s)}`);
    }
  }
  return h(
    'g',
    { class: `face ${cls}`, 'data-term': term, 'data-term-label': label },
    h('rect', { class: 'face-bg', x, y, width: side, height: side }),
    lines.length ? h('path', { class: 'face-grid', d: lines.join('') }) : null,
  );
}

/** "showing 16 of 512" or "all 8". */
function showing(T: Text, drawn: number, total: number): string {
  return drawn < total ? T.showing(String(drawn), formatInt(total)) : T.all(formatInt(total));
}

interface Band {
  node: SvgNode;
  w: number;
  h: number;
  /** Where the input slab of drawn channel r sits (for the kernels' "reads" markers). */
  slabAt: (r: number) => { x: number; y: number; side: number };
}

/** Input ∗ kernels = output, to scale in space, with labels under it. */
function tensorBand(T: Text, p: Plan, v: FigureParams, L: Layout, x0: number, y0: number, stale: boolean): Band {
  const first = p.stages[0];
  const last = p.stages[p.stages.length - 1];
  const inDrawn = first.conn.rows.length;
  const outDrawn = last.conn.cols.length;
  const win = spatialWindow({ df: v.df, k: p.k, s: v.s });
  const dg = win.outSize;
  // One cell size for input and output: the input face fills `face` at most.
  const cell = Math.min(L.cellMax, L.face / v.df);
  const inSide = v.df * cell;
  const outSide = dg * cell;
  const depthIn = (inDrawn - 1) * L.step;
  const depthOut = (outDrawn - 1) * L.step;
  // Room for the slabs behind, and for a window hanging over the border ('same' padding).
  const overhang = win.padBefore * cell;
  const top = y0 + Math.max(depthIn, depthOut, overhang - (L.face - inSide) / 2) + 8;
  const mid = top + L.face / 2;
  const inX = x0 + Math.max(6, overhang + 2);
  const inY = mid - inSide / 2;
  const nodes: (SvgNode | null)[] = [];
  nodes.push(slabs({ x: inX, y: inY, side: inSide, count: inDrawn, step: L.step }, first.conn.rowGroups, 'in-', 'in-channels'));
  nodes.push(face(inX, inY, v.df, cell, 'face-in', 'in-channels', T.inputFace(String(v.df), String(v.m))));
  // The first output's window ('same' padding may hang it over the border) and the next one, a stride on.
  const kSide = p.k * cell;
  const wx = inX - win.padBefore * cell;
  const wy = inY - win.padBefore * cell;
  const windowLabel = T.windowLabel(String(p.k), v.s);
  nodes.push(
    dg > 1 ? h('rect', { class: 'window window-next', x: wx + v.s * cell, y: wy, width: kSide, height: kSide }) : null,
    h('rect', { class: 'window', 'data-term': 'kernel-size', 'data-term-label': windowLabel, x: wx, y: wy, width: kSide, height: kSide }),
  );
  // Spacing: input, ∗, kernels, …, =, output; the kernels get what is left of the band's width.
  const gap = { op: L.narrow ? 16 : 20, after: L.narrow ? 8 : 10, dots: L.narrow ? 14 : 18, eq: L.narrow ? 18 : 22 };
  let x = inX + inSide + depthIn + gap.after;
  nodes.push(h('text', { class: 'fig-op', x: x + 6, y: mid + 7, 'text-anchor': 'middle' }, '∗'));
  x += gap.op;
  // Kernels: two small stacks (the input's cell size where legible), as deep as the channels one reads (≤ 8 drawn).
  const separable = p.view === 'separable';
  const kernelCount = separable ? v.m : p.total.cout;
  const kernelDepth = separable ? 1 : p.total.cin / p.groups;
  const depth = Math.min(kernelDepth, 8);
  const shown = Math.min(2, kernelCount);
  const room = L.width - 4 - (x + gap.dots + gap.eq + outSide + depthOut);
  const kc = Math.min(11, Math.max(5, cell));
  const side = Math.max(8, Math.min(34, p.k * kc, room / shown - (depth - 1) * 2 - 6));
  const kStep = side + (depth - 1) * 2 + 6;
  for (let i = 0; i < shown; i++) {
    const kx = x + i * kStep;
    const colGroup = first.conn.colGroups[Math.floor((i * first.conn.colGroups.length) / shown)] ?? 0;
    const grp = separable || p.view === 'depthwise' ? i : colGroup;
    nodes.push(
      h(
        'g',
        { class: 'kernel-stack', 'data-term': separable ? 'depthwise' : 'kernel-size' },
        Array.from({ length: depth }, (_, d) => {
          const j = depth - 1 - d;
          return h('rect', { class: `slab kernel-slab grp-${grp % 4}`, x: kx + j * 2, y: mid - side / 2 - j * 2, width: side, height: side });
        }),
      ),
    );
  }
  x += shown * kStep;
  if (kernelCount > shown) nodes.push(h('text', { class: 'fig-small', x: x - 2, y: mid + 4 }, '…'));
  x += gap.dots;
  nodes.push(h('text', { class: 'fig-op', x: x + 6, y: mid + 7, 'text-anchor': 'middle' }, '='));
  x += gap.eq;
  const outX = x;
  const outY = mid - outSide / 2;
  nodes.push(slabs({ x: outX, y: outY, side: outSide, count: outDrawn, step: L.step }, last.conn.colGroups, 'out-', 'out-channels'));
  nodes.push(face(outX, outY, dg, cell, 'face-out', 'output-size', T.outputFace(String(dg))));
  nodes.push(h('rect', { class: 'out-pixel', x: outX, y: outY, width: cell, height: cell }));
  const right = outX + Math.max(outSide, 1) + depthOut;
  // Labels: three lines under the band, the width of the band.
  const ly = top + L.face + 18;
  const q = (name: string, exact: number, text: string): SvgNode | string => (stale ? text : quantity(name, exact, text));
  const kernelText = separable
    ? T.kernelsSeparable(formatInt(v.m), String(p.k), formatInt(v.n))
    : T.kernels(formatInt(kernelCount), String(p.k), formatInt(kernelDepth), String(v.s));
  nodes.push(
    h('text', { class: 'fig-label', x: x0, y: ly }, T.input, q('input-shape', v.m, `${v.df}×${v.df}×${formatInt(v.m)}`), T.inputChannels(showing(T, inDrawn, v.m))),
    h('text', { class: 'fig-label', x: x0, y: ly + 17 }, kernelText),
    h('text', { class: 'fig-label', 'data-term': 'output-size', x: x0, y: ly + 34 }, T.output, q('output-shape', p.total.cout, `${dg}×${dg}×${formatInt(p.total.cout)}`), ', ', ...subscripted(`D_G = ⌈${v.df} / ${v.s}⌉ = `), q('output-size', dg, String(dg))),
  );
  const w = Math.max(right - x0, 0);
  return {
    node: h('g', { class: 'band', 'data-cell': cell }, nodes),
    w,
    h: ly + 40 - y0,
    slabAt: (r) => ({ x: inX + r * L.step, y: inY - r * L.step, side: inSide }),
  };
}

/** "columns: outputs", or "columns: 16 of 64 outputs" when sampled. */
function axisCaption(T: Text, axis: string, what: string, drawn: number, total: number): string {
  return drawn < total ? T.axisSampled(axis, String(drawn), formatInt(total), what) : T.axisAll(axis, what);
}

/** One connectivity matrix; each column is a focusable kernel that lights up the rows it reads. */
function matrix(T: Text, stage: Stage, x0: number, y0: number, cell: number, stageIndex: number, inputTotal: number, slabAt: Band['slabAt'], focusable: boolean, captions = true): { node: SvgNode; w: number; h: number } {
  const { conn } = stage;
  const top = y0 + 22;
  const w = conn.cols.length * cell;
  const hgt = conn.rows.length * cell;
  const kernels = conn.cols.map((n, c) => {
    const reads = conn.rows.map((m, r) => (conn.cells[r][c] ? m : -1)).filter((m) => m >= 0);
    const readRows = conn.rows.map((_, r) => r).filter((r) => conn.cells[r][c]);
    const perOutput = stage.cost.cin / conn.groups;
    const firstIn = Math.floor(n / (stage.cost.cout / conn.groups)) * perOutput;
    const range = perOutput === 1 ? T.readsOne(String(firstIn + 1)) : perOutput === inputTotal ? T.readsAll(formatInt(inputTotal)) : T.readsRange(String(firstIn + 1), String(firstIn + perOutput));
    return h(
      'g',
      {
        class: 'kernel',
        tabindex: focusable ? 0 : undefined,
        role: 'group',
        'aria-label': T.kernelAria(String(n + 1), range),
        'data-kernel': `${stageIndex}-${n}`,
        'data-reads': reads.join(' '),
      },
      h('rect', { class: 'kernel-hit', x: x0 + c * cell, y: top - 4, width: cell, height: hgt + 8 }),
      // The column's filled cells, one path (a 16 × 16 matrix would otherwise be 256 elements).
      readRows.length ? h('path', { class: `cell on ${stage.cls}`, d: rectsPath(readRows.map((r) => ({ x: x0 + c * cell + 1, y: top + r * cell + 1, width: cell - 2, height: cell - 2 }))) }) : null,
      // Markers beside the rows this kernel reads, and on the input slabs: shown on hover/focus.
      readRows.length ? h('path', { class: 'reads', d: rectsPath(readRows.map((r) => ({ x: x0 - 6, y: top + r * cell + 1, width: 4, height: cell - 2 }))) }) : null,
      stageIndex === 0 && readRows.length
        ? h('path', {
            class: 'reads reads-slab',
            d: rectsPath(
              readRows.map((r) => {
                const s = slabAt(r);
                return { x: s.x, y: s.y, width: s.side, height: s.side };
              }),
            ),
          })
        : null,
      h('rect', { class: 'kernel-outline', x: x0 + c * cell, y: top, width: cell, height: hgt }),
    );
  });
  const term = stage.term;
  const offCells = conn.rows.flatMap((_, r) => conn.cols.flatMap((__, c) => (conn.cells[r][c] ? [] : [{ x: x0 + c * cell + 1, y: top + r * cell + 1, width: cell - 2, height: cell - 2 }])));
  return {
    node: h(
      'g',
      {
        class: 'matrix',
        'data-term': term,
        'data-term-label':
          term === 'groups'
            ? T.groupsTerm(String(conn.groups))
            : term
              ? T.matrixTerm(term === 'depthwise', formatInt(stage.cost.params), formatInt(stage.cost.multAdds))
              : undefined,
      },
      h('text', { class: 'fig-label', x: x0 - 14, y: y0 + 12 }, stage.label),
      // Two decimals as the attributes have, by toFixed rather than rounded.ts: this figure's code
      // comes with the Chinese depthwise page's first load, which has no bytes left for that module.
      h('text', { class: 'fig-small', x: x0 - 12, y: top + hgt / 2, 'text-anchor': 'middle', transform: `rotate(-90 ${x0 - 12} ${(top + hgt / 2).toFixed(2)})` }, T.inputs),
      h('rect', { class: 'matrix-frame', x: x0, y: top, width: w, height: hgt }),
      offCells.length ? h('path', { class: 'cell off', d: rectsPath(offCells) }) : null,
      kernels,
      captions ? h('text', { class: 'fig-small', x: x0 - 14, y: top + hgt + 15 }, axisCaption(T, T.columns, T.outputs, conn.cols.length, stage.cost.cout)) : null,
      captions ? h('text', { class: 'fig-small', x: x0 - 14, y: top + hgt + 30 }, axisCaption(T, T.rows, T.inputs, conn.rows.length, stage.cost.cin)) : null,
    ),
    w: w + 14,
    h: hgt + 22 + (captions ? 36 : 4),
  };
}

/** The three numbers, in a row (wide) or two columns (narrow). */
function numbers(T: Text, p: Plan, connections: number, x0: number, y0: number, width: number, stale: boolean): { node: SvgNode; h: number } {
  const items: [string, string, number][] = [
    [T.connections, 'connections', connections],
    [T.parameters, 'params', p.total.params],
    [T.multAdds, 'macs', p.total.multAdds],
  ];
  // Columns as wide as the longest number (14 px bold, about 8.4 units a digit) needs.
  const longest = Math.max(...items.map(([, , value]) => formatInt(value).length));
  const colW = Math.max(100, Math.min(150, width / 3), longest * 8.4 + 12);
  const perRow = Math.max(1, Math.floor(width / colW));
  return {
    node: h(
      'g',
      { class: 'numbers' },
      items.map(([label, name, value], i) => {
        const x = x0 + (i % perRow) * colW;
        const y = y0 + Math.floor(i / perRow) * 38;
        return h('g', {}, h('text', { class: 'fig-label', x, y: y + 12 }, label), h('text', { class: 'fig-result', x, y: y + 30 }, stale ? formatInt(value) : quantity(name, value, formatInt(value))));
      }),
    ),
    h: Math.ceil(items.length / perRow) * 38,
  };
}

/**
 * Under a grouped layer, the G that work for these M and N; when the reader's G does not, why it
 * is greyed. The note always takes the room of the longer text, so moving G never moves the page.
 */
function groupsNote(T: Text, p: Plan, v: FigureParams, x: number, y: number, width: number): { node: SvgNode; h: number } {
  const valid = validGroups(v.m, v.n).join(', ');
  const reason = T.staleReason(String(p.staleG ?? p.groups), String(v.m), String(v.n), String(p.groups), valid);
  const perLine = Math.max(30, Math.floor(width / 7.6));
  const room = wrapWords(reason, perLine).length;
  const lines = p.staleG !== undefined ? wrapWords(reason, perLine) : wrapWords(T.validNote(valid, String(v.m), String(v.n)), perLine);
  return {
    node: h(
      'text',
      { class: p.staleG !== undefined ? 'fig-small cg-reason' : 'fig-small', 'data-role': p.staleG !== undefined ? 'stale-reason' : 'groups-note', x, y },
      lines.map((l, i) => h('tspan', { x, y: y + 14 + i * 18 }, l)),
    ),
    h: room * 18 + 4,
  };
}

/** The formula: params and mult-adds with the reader's numbers, laid out for the frame. */
function formulaTex(T: Text, p: Plan, v: FigureParams, layout: TexLayout): string {
  const s = v.s;
  const [params, macs] =
    p.view === 'separable'
      ? [separableParamsTex({ k: v.k, m: v.m, n: v.n }, layout), separableMacsTex({ k: v.k, m: v.m, n: v.n, df: v.df, s }, layout)]
      : p.view === 'grouped' || p.view === 'depthwise'
        ? [groupedParamsTex({ k: v.k, m: v.m, n: v.n, g: p.groups }, layout), groupedMacsTex({ k: v.k, m: v.m, n: v.n, g: p.groups, df: v.df, s }, layout)]
        : [standardParamsTex({ k: p.k, m: v.m, n: v.n }, layout), standardMacsTex({ k: p.k, m: v.m, n: v.n, df: v.df, s }, layout)];
  return texEquations(
    [
      { label: T.texParams, steps: params.steps },
      { label: T.texMultAdds, steps: macs.steps },
    ],
    layout,
  );
}

function draw(p: Plan, v: FigureParams, frame: FigureFrame): { nodes: SvgNode[]; height: number } {
  const T = words(frame.lang);
  const L = layoutFor(frame, v.m, v.n);
  const stale = p.staleG !== undefined;
  const two = p.stages.length === 2;
  const connections = p.stages.reduce((s, st) => s + st.conn.connections, 0);
  const nodes: SvgNode[] = [];
  let y = 0;
  if (!L.slide) {
    nodes.push(h('text', { class: 'fig-heading', x: 0, y: 16 }, stale ? T.staleHeading(T.layerNames[p.view], String(p.groups)) : T.layerNames[p.view]));
    y = 26;
  }
  const content: SvgNode[] = [];
  const band = tensorBand(T, p, v, L, 0, y, stale);
  content.push(band.node);
  const cols = Math.max(...p.stages.map((st) => st.conn.cols.length));
  // On a slide the matrices go beside the tensors, their captions left out (the band names the channels).
  const cell = L.slide ? Math.max(6, Math.min(two ? L.matrixCell2 : L.matrixCell, Math.floor((L.width - band.w - 44) / cols))) : two ? L.matrixCell2 : L.matrixCell;
  let bottom: number;
  // The matrices' column: as wide as a matrix or its captions ("columns: outputs (showing 16 of 64)").
  const mw = Math.max(...p.stages.map((st) => st.conn.cols.length)) * cell + 14;
  const captions = p.stages.flatMap((st) => (L.slide ? [st.label] : [st.label, axisCaption(T, T.columns, T.outputs, st.conn.cols.length, st.cost.cout)]));
  const rw = Math.max(mw, ...captions.map((c) => Math.ceil(textUnits(c) * 6.8))) + 4;
  const rx = L.width - rw;
  if (L.narrow || rx < band.w + 20) {
    // One column: tensors, matrices, numbers.
    let my = y + band.h + 8;
    p.stages.forEach((st, i) => {
      const mx = matrix(T, st, 24, my, cell, i, v.m, band.slabAt, !stale);
      content.push(mx.node);
      my += mx.h + 6;
    });
    const nums = numbers(T, p, connections, 0, my, L.width, stale);
    content.push(nums.node);
    bottom = my + nums.h;
  } else {
    // Tensors and numbers on the left, the matrices stacked on the right.
    const nums = numbers(T, p, connections, 0, y + band.h + 4, Math.min(rx - 16, 450), stale);
    content.push(nums.node);
    let my = y;
    p.stages.forEach((st, i) => {
      const mx = matrix(T, st, rx + 14, my, cell, i, v.m, band.slabAt, !stale, !L.slide);
      content.push(mx.node);
      my += mx.h + 6;
    });
    bottom = Math.max(y + band.h + 4 + nums.h, my - 6);
  }
  nodes.push(h('g', { class: stale ? 'cg-content cg-stale' : 'cg-content', 'aria-hidden': stale ? 'true' : undefined }, content));
  if (p.view === 'grouped') {
    const note = groupsNote(T, p, v, 0, bottom + (L.slide ? 0 : 6), L.width);
    nodes.push(note.node);
    bottom += (L.slide ? 0 : 6) + note.h;
  }
  return { nodes, height: Math.ceil(bottom + (L.slide ? 2 : 6)) };
}

function render(v: FigureParams, frame: FigureFrame): FigureView {
  const uid = frame.uid;
  const T = words(frame.lang);
  const title = h('title', { id: `${uid}-title` }, T.svgTitle);
  const slide = frame.context === 'slide';
  const narrow = slide ? frame.width < 400 : isNarrow(frame);
  let p: Plan;
  try {
    p = plan(T, v);
  } catch (e) {
    if (!isCostError(e)) throw e;
    // Nothing to draw: the message, at the height a standard layer of these sizes takes (no jump).
    let height = 300;
    try {
      height = draw(plan(T, { ...v, layer: 0 }), v, frame).height;
    } catch (inner) {
      if (!(inner instanceof CostError)) throw inner;
    }
    return errorView(frame.width, height, uid, title, costErrorText(e, frame.lang));
  }
  const { nodes, height } = draw(p, v, frame);
  const stale = p.staleG !== undefined;
  const connections = p.stages.reduce((s, st) => s + st.conn.connections, 0);
  const dg = p.total.outH;
  const reads = p.view === 'separable' ? T.readsSeparable(String(v.m)) : T.readsKernel(formatInt(v.m / p.groups), formatInt(v.m));
  const summary = stale
    ? T.staleSummary(String(p.staleG), String(v.m), String(v.n), String(p.groups), validGroups(v.m, v.n).join(', '))
    : T.summary(T.layerNames[p.view], String(v.m), String(v.n), String(p.k), String(v.s), String(v.df), String(dg), reads, formatInt(connections), formatInt(p.total.params));
  const desc = h('desc', { id: `${uid}-desc` }, T.desc(summary, `${dg}×${p.total.outW}×${p.total.cout}`));
  const svg = h(
    'svg',
    {
      viewBox: `0 0 ${frame.width} ${height}`,
      role: 'img',
      'aria-labelledby': `${uid}-title ${uid}-desc`,
      class: 'fig-svg conv-geometry',
      'data-layer': p.view,
      'data-stale': stale ? '' : undefined,
    },
    title,
    desc,
    nodes,
  );
  // A slide keeps to its height: the picture carries the numbers; the formula is for pages.
  return { svg, tex: slide ? undefined : formulaTex(T, p, v, { narrow, terms: true }), summary };
}

export const figure: FigureDef = {
  id: 'conv-geometry',
  title: (lang) => words(lang).title,
  chapter: '/grouped-convolution/',
  source: (lang) => words(lang).source,
  params: ['k', 'm', 'n', 'df', 'g', 's', 'layer'],
  render,
};
