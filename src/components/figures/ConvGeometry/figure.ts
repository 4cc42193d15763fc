/**
 * conv-geometry: the input tensor, the kernels and the output of one layer, and the M×N
 * connectivity matrix (row m, column n filled when output channel n reads input channel m).
 * Standard is dense, grouped block-diagonal, depthwise diagonal, pointwise a dense 1×1 mix;
 * separable shows the depthwise matrix then the pointwise one (Howard et al. 2017, §3.1, Fig. 2).
 * At most 16 channels are drawn per axis, evenly spaced; the figure says how many of how many.
 * Each kernel column is focusable: hover or focus shows the input channels it reads (CSS only).
 */
import { convCost, type ConvCost } from '../../../lib/cost';
import { isCostError } from '../../../lib/errors';
import { formatInt } from '../../../lib/format';
import { connectivity, layerView, type Connectivity, type LayerView } from '../../../lib/geometry';
import { groupedMacsTex, groupedParamsTex, separableMacsTex, separableParamsTex, standardMacsTex, standardParamsTex } from '../../../lib/tex';
import { h, type SvgNode } from '../../figure-kit/svg';
import type { FigureDef, FigureParams, FigureView } from '../../figure-kit/types';
import { errorView, quantity } from '../../figure-kit/marks';

const W = 480;
/** Most channels drawn along one axis. */
export const MAX_DRAWN = 16;
const SLAB = 46;
const STEP = 3;
const MATRIX_TOP = 190;

const LAYER_NAMES: Record<LayerView, string> = {
  standard: 'Standard convolution',
  grouped: 'Grouped convolution',
  depthwise: 'Depthwise convolution',
  pointwise: 'Pointwise (1×1) convolution',
  separable: 'Depthwise separable convolution',
};

interface Plan {
  view: LayerView;
  /** The layers drawn as matrices: one, or depthwise then pointwise. */
  stages: { label: string; cost: ConvCost; conn: Connectivity; cls: string }[];
  total: ConvCost;
  k: number;
}

/** The cost and connectivity of the chosen view, or a CostError from the cost model. */
function plan(v: FigureParams): Plan {
  const view = layerView(v.layer);
  const base = { cin: v.m, cout: v.n, inH: v.df, stride: v.s };
  const cls = { standard: 'c-standard', grouped: 'c-standard', depthwise: 'c-depthwise', pointwise: 'c-pointwise', separable: '' }[view];
  if (view === 'separable') {
    const total = convCost({ kind: 'separable', k: v.k, ...base });
    const { depthwise, pointwise } = total.parts!;
    return {
      view,
      k: v.k,
      total,
      stages: [
        { label: `Depthwise ${v.k}×${v.k}: M → M`, cost: depthwise, conn: connectivity({ cin: v.m, cout: v.m, groups: v.m }, MAX_DRAWN), cls: 'c-depthwise' },
        { label: '1×1 pointwise: M → N', cost: pointwise, conn: connectivity({ cin: v.m, cout: v.n, groups: 1 }, MAX_DRAWN), cls: 'c-pointwise' },
      ],
    };
  }
  const k = view === 'pointwise' ? 1 : v.k;
  const groups = view === 'grouped' ? v.g : view === 'depthwise' ? v.m : 1;
  const cost = convCost({ kind: view, k, ...base, groups: view === 'grouped' || view === 'depthwise' ? groups : undefined });
  return { view, k, total: cost, stages: [{ label: `${k}×${k} kernels, G = ${groups}`, cost, conn: connectivity({ cin: v.m, cout: v.n, groups }, MAX_DRAWN), cls }] };
}

/** A stack of channel slabs (a tensor), the first in front; class per group. */
function tensor(x: number, y: number, size: number, drawn: readonly number[], groupOfSlab: readonly number[], prefix: string): SvgNode {
  const n = drawn.length;
  return h(
    'g',
    { class: 'tensor' },
    drawn
      .map((_, i) => {
        const j = n - 1 - i; // back to front
        const ox = x + j * STEP;
        const oy = y - j * STEP;
        return h('rect', { class: `slab grp-${groupOfSlab[j] % 4}`, 'data-slab': `${prefix}${j}`, x: ox, y: oy, width: size, height: size });
      }),
  );
}

/** "showing 16 of 512" or "" when everything is drawn. */
function showing(drawn: number, total: number): string {
  return drawn < total ? `showing ${drawn} of ${formatInt(total)}` : `all ${formatInt(total)}`;
}

function topBand(p: Plan, v: FigureParams): SvgNode {
  const first = p.stages[0];
  const last = p.stages[p.stages.length - 1];
  const inDrawn = first.conn.rows;
  const outDrawn = last.conn.cols;
  const outH = p.total.outH;
  const y = 80;
  const kernelDepth = p.view === 'separable' ? 1 : p.total.cin / first.conn.groups;
  const kernelCount = p.view === 'separable' ? v.m : p.total.cout;
  const kernelText =
    p.view === 'separable'
      ? [`${formatInt(v.m)} × (${v.k}×${v.k}×1)`, `then ${formatInt(v.n)} × (1×1×${formatInt(v.m)})`]
      : [`${formatInt(kernelCount)} kernels`, `each ${p.k}×${p.k}×${formatInt(kernelDepth)}`];
  // Kernels: up to 4 small stacks, each as deep as the channels one kernel reads (≤ 8 drawn).
  const shown = Math.min(p.view === 'separable' ? 3 : 4, kernelCount);
  const side = Math.min(34, 8 + 3 * p.k);
  const depth = Math.min(kernelDepth, 8);
  const kernels = Array.from({ length: shown }, (_, i) => {
    const kx = 182 + i * 30;
    // Spread the drawn kernels over the groups, so a grouped layer shows its colours.
    const colGroup = first.conn.colGroups[Math.floor((i * first.conn.colGroups.length) / shown)] ?? 0;
    return h(
      'g',
      {},
      Array.from({ length: depth }, (_, d) => {
        const j = depth - 1 - d;
        return h('rect', { class: `slab kernel-slab grp-${(p.view === 'separable' || p.view === 'depthwise' ? i : colGroup) % 4}`, x: kx + j * 2, y: y + 8 - j * 2, width: side, height: side });
      }),
    );
  });
  return h(
    'g',
    {},
    h('text', { class: 'fig-heading', x: 0, y: 16 }, LAYER_NAMES[p.view]),
    tensor(6, y, SLAB, inDrawn, first.conn.rowGroups, 'in-'),
    h('text', { class: 'fig-label', x: 6, y: y + SLAB + 22 }, 'Input ', quantity('input-shape', v.m, `${v.df}×${v.df}×${formatInt(v.m)}`)),
    h('text', { class: 'fig-small', x: 6, y: y + SLAB + 38 }, showing(inDrawn.length, v.m)),
    h('text', { class: 'fig-op', x: 150, y: y + 28 }, '∗'),
    kernels,
    kernelCount > shown ? h('text', { class: 'fig-small', x: 182 + shown * 30, y: y + 28 }, '…') : null,
    h('text', { class: 'fig-label', x: 182, y: y + SLAB + 22 }, kernelText[0]),
    h('text', { class: 'fig-small', x: 182, y: y + SLAB + 38 }, kernelText[1]),
    h('text', { class: 'fig-op', x: 336, y: y + 28 }, '='),
    tensor(356, y, SLAB, outDrawn, last.conn.colGroups, 'out-'),
    h('text', { class: 'fig-label', x: W - 2, y: y + SLAB + 22, 'text-anchor': 'end' }, 'Output ', quantity('output-shape', p.total.cout, `${outH}×${outH}×${formatInt(p.total.cout)}`)),
    h('text', { class: 'fig-small', x: W - 2, y: y + SLAB + 38, 'text-anchor': 'end' }, showing(outDrawn.length, p.total.cout)),
  );
}

/** One connectivity matrix; each column is a focusable kernel that lights up the rows it reads. */
function matrix(stage: Plan['stages'][number], x0: number, cell: number, stageIndex: number, inputTotal: number): SvgNode {
  const { conn } = stage;
  const top = MATRIX_TOP + 30;
  const w = conn.cols.length * cell;
  const hgt = conn.rows.length * cell;
  const kernels = conn.cols.map((n, c) => {
    const reads = conn.rows.map((m, r) => (conn.cells[r][c] ? m : -1)).filter((m) => m >= 0);
    const perOutput = stage.cost.cin / conn.groups;
    const firstIn = Math.floor(n / (stage.cost.cout / conn.groups)) * perOutput;
    const range = perOutput === 1 ? `input channel ${firstIn + 1}` : perOutput === inputTotal ? `all ${formatInt(inputTotal)} input channels` : `input channels ${firstIn + 1} to ${firstIn + perOutput}`;
    return h(
      'g',
      { class: 'kernel', tabindex: 0, role: 'group', 'aria-label': `Kernel ${n + 1} (output channel ${n + 1}) reads ${range}`, 'data-kernel': `${stageIndex}-${n}`, 'data-reads': reads.join(' ') },
      h('rect', { class: 'kernel-hit', x: x0 + c * cell, y: top - 4, width: cell, height: hgt + 8 }),
      conn.rows.map((_, r) => (conn.cells[r][c] ? h('rect', { class: `cell on ${stage.cls}`, x: x0 + c * cell + 1, y: top + r * cell + 1, width: cell - 2, height: cell - 2 }) : null)),
      // Markers beside the rows this kernel reads, and on the input slabs: shown on hover/focus.
      conn.rows.map((_, r) => (conn.cells[r][c] ? h('rect', { class: 'reads', x: x0 - 6, y: top + r * cell + 2, width: 4, height: cell - 4 }) : null)),
      stageIndex === 0
        ? conn.rows.map((_, r) => {
            if (!conn.cells[r][c]) return null;
            return h('rect', { class: 'reads reads-slab', x: 6 + r * STEP, y: 80 - r * STEP, width: SLAB, height: SLAB });
          })
        : null,
      h('rect', { class: 'kernel-outline', x: x0 + c * cell, y: top, width: cell, height: hgt }),
    );
  });
  return h(
    'g',
    { class: 'matrix' },
    h('text', { class: 'fig-label', x: x0, y: MATRIX_TOP + 16 }, stage.label),
    h('text', { class: 'fig-small', x: x0 - 13, y: top + hgt / 2, 'text-anchor': 'middle', transform: `rotate(-90 ${x0 - 13} ${top + hgt / 2})` }, 'inputs'),
    h('rect', { class: 'matrix-frame', x: x0, y: top, width: w, height: hgt }),
    conn.rows.map((_, r) => conn.cols.map((__, c) => (conn.cells[r][c] ? null : h('rect', { class: 'cell off', x: x0 + c * cell + 1, y: top + r * cell + 1, width: cell - 2, height: cell - 2 })))),
    kernels,
    h('text', { class: 'fig-small', x: x0, y: top + hgt + 16 }, `columns: outputs (${showing(conn.cols.length, stage.cost.cout)})`),
    h('text', { class: 'fig-small', x: x0, y: top + hgt + 32 }, `rows: inputs (${showing(conn.rows.length, stage.cost.cin)})`),
  );
}

/**
 * "label = symbols = numbers = … = total" as aligned rows (symbols; numbers; the rest), so the
 * formula fits the column instead of scrolling sideways.
 */
function stacked(label: string, tex: string): string {
  const parts = tex.split(' = ');
  const rows = parts.length > 3 ? [parts[0], parts[1], parts.slice(2).join(' = ')] : [parts[0], parts.slice(1).join(' = ')];
  return rows.map((r, i) => `${i === 0 ? `\\text{${label}}` : ''} &= ${r}`).join(' \\\\ ');
}

function render(v: FigureParams, uid: string): FigureView {
  const title = h('title', { id: `${uid}-title` }, 'Input, kernels, output and the connectivity matrix of one layer');
  let p: Plan;
  try {
    p = plan(v);
  } catch (e) {
    if (isCostError(e)) return errorView(W, 200, uid, title, e.message);
    throw e;
  }
  const two = p.stages.length === 2;
  const cell = two ? 12 : 14;
  const matrices = p.stages.map((s, i) => matrix(s, two ? 20 + i * 236 : 20, cell, i, v.m));
  const connections = p.stages.reduce((s, st) => s + st.conn.connections, 0);
  // D_F in the formulas is the output size (Howard et al. 2017 assume stride 1, 'same').
  const out = p.total.outH;
  const g = p.stages[0].conn.groups;
  const [paramsTex, macsTex] =
    p.view === 'separable'
      ? [separableParamsTex({ k: v.k, m: v.m, n: v.n }), separableMacsTex({ k: v.k, m: v.m, n: v.n, df: out })]
      : p.view === 'grouped' || p.view === 'depthwise'
        ? [groupedParamsTex({ k: v.k, m: v.m, n: v.n, g }), groupedMacsTex({ k: v.k, m: v.m, n: v.n, g, df: out })]
        : [standardParamsTex({ k: p.k, m: v.m, n: v.n }), standardMacsTex({ k: p.k, m: v.m, n: v.n, df: out })];
  const reads = p.view === 'separable' ? `each depthwise filter reads 1 input channel, each pointwise kernel all ${v.m}` : `each kernel reads ${formatInt(v.m / p.stages[0].conn.groups)} of the ${formatInt(v.m)} input channels`;
  const summary = `${LAYER_NAMES[p.view]} with M = ${v.m}, N = ${v.n}, D_K = ${p.k}: ${reads}; ${formatInt(connections)} channel connections and ${formatInt(p.total.params)} parameters.`;
  const desc = h('desc', { id: `${uid}-desc` }, `${summary} Output ${p.total.outH}×${p.total.outW}×${p.total.cout}.`);
  const matrixBottom = MATRIX_TOP + 30 + Math.max(...p.stages.map((st) => st.conn.rows.length)) * cell;
  const height = two ? matrixBottom + 92 : Math.max(matrixBottom + 44, 420);
  const rx = two ? 0 : 290;
  const ry = two ? matrixBottom + 62 : MATRIX_TOP + 44;
  const lh = two ? 22 : 40;
  const result = (i: number, label: string, name: string, value: number): SvgNode =>
    two
      ? h('text', { class: 'fig-result', x: i === 2 ? 0 : i * 200, y: ry + (i === 2 ? lh : 0) }, `${label} `, quantity(name, value, formatInt(value)))
      : h('g', {}, h('text', { class: 'fig-label', x: rx, y: ry + i * lh }, label), h('text', { class: 'fig-result', x: rx, y: ry + i * lh + 18 }, quantity(name, value, formatInt(value))));
  const svg = h(
    'svg',
    { viewBox: `0 0 ${W} ${height}`, role: 'img', 'aria-labelledby': `${uid}-title ${uid}-desc`, class: 'fig-svg conv-geometry', 'data-layer': p.view },
    title,
    desc,
    topBand(p, v),
    matrices,
    result(0, 'Connections', 'connections', connections),
    result(1, 'Parameters', 'params', p.total.params),
    result(2, 'Mult-adds', 'macs', p.total.multAdds),
    two ? null : h('text', { class: 'fig-small', x: rx, y: ry + 3 * lh + 6 }, `each kernel reads ${formatInt(v.m / p.stages[0].conn.groups)}`),
    two ? null : h('text', { class: 'fig-small', x: rx, y: ry + 3 * lh + 22 }, `of the ${formatInt(v.m)} input channels`),
  );
  return { svg, tex: `\\begin{aligned} ${stacked('params', paramsTex.tex)} \\\\ ${stacked('mult-adds', macsTex.tex)} \\end{aligned}`, summary };
}

export const figure: FigureDef = {
  id: 'conv-geometry',
  title: 'Input, kernels, output and which channels connect',
  chapter: '/grouped-convolution/',
  source: 'The site’s cost model; Howard et al. 2017, §3.1',
  params: ['k', 'm', 'n', 'df', 'g', 's', 'layer'],
  render,
};
