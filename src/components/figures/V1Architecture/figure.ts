/**
 * v1-architecture: the 28 costed layers of MobileNet V1 (Howard et al. 2017, Table 1) for the
 * reader's α and input resolution, each a row with its mult-adds and parameters drawn to a linear
 * scale; the totals (paper, Keras and PyTorch conventions); and the share of each layer type
 * beside the paper's printed Table 2, with the printed values the count does not reproduce marked.
 */
import { costByKind, frameworkCounts, mobilenetV1, type Architecture, type LayerKind } from '../../../lib/architectures';
import { isCostError } from '../../../lib/errors';
import { formatCompact, formatInt } from '../../../lib/format';
import { paperFigures, type PaperFigure } from '../../../lib/paper-tables';
import { scalingExample } from '../../../lib/scaling';
import { h, type SvgNode } from '../../figure-kit/svg';
import type { FigureDef, FigureFrame, FigureParams, FigureView } from '../../figure-kit/types';
import { errorView, quantity } from '../../figure-kit/marks';
import { filterShape, layerShape, layerType, STRIDE_ERRATUM_LAYER } from './layers';

const W = 420;
/** Columns: type label, output shape, mult-add bars, parameter bars. */
const X_SHAPE = 56;
const X_MACS = 128;
const MACS_W = 160;
const X_PARAMS = 298;
const PARAMS_W = 118;
const TOP = 44;
const ROW = 16;
const BAR = 11;

/** Table 2's rows in the paper's order, with the kind of layer each covers. */
const KINDS: readonly { kind: LayerKind; label: string }[] = [
  { kind: 'pointwise', label: 'Conv 1×1' },
  { kind: 'depthwise', label: 'Conv DW 3×3' },
  { kind: 'conv', label: 'Conv 3×3 (first)' },
  { kind: 'fc', label: 'Fully connected' },
];

let table2: Map<string, PaperFigure> | undefined;
/** Table 2's printed shares with their status at α 1, 224 (computed once; they do not depend on the reader). */
export function table2Printed(): Map<string, PaperFigure> {
  table2 ??= new Map(paperFigures().filter((f) => f.id.startsWith('v1-t2-')).map((f) => [f.id, f]));
  return table2;
}

function rows(arch: Architecture): SvgNode {
  const maxMacs = Math.max(...arch.layers.map((l) => l.multAdds));
  const maxParams = Math.max(...arch.layers.map((l) => l.params));
  return h(
    'g',
    { class: 'v1a-rows' },
    arch.layers.map((l, i) => {
      const y = TOP + i * ROW;
      const macsW = (l.multAdds / maxMacs) * MACS_W;
      const paramsW = (l.params / maxParams) * PARAMS_W;
      const erratum = l.name === STRIDE_ERRATUM_LAYER;
      return h(
        'g',
        { class: `v1a-row kind-${l.kind}`, 'data-layer': l.name },
        h(
          'title',
          {},
          `${i + 1}. ${l.name}: ${filterShape(l)}, stride ${l.stride}, ${l.kind === 'fc' ? `${l.cin} → ${l.cout}` : `${l.inH}²×${l.cin} → ${l.outH}²×${l.cout}`}; ${formatInt(l.multAdds)} mult-adds, ${formatInt(l.params)} parameters`,
        ),
        h('rect', { class: i % 2 === 0 ? 'v1a-bg v1a-stripe' : 'v1a-bg', x: 0, y: y - 2.5, width: W, height: ROW }),
        h('text', { class: 'fig-small v1a-type', x: 0, y: y + BAR / 2, 'dominant-baseline': 'central' }, layerType(l), erratum ? h('tspan', { class: 'v1a-flag' }, '*') : null),
        h('text', { class: 'fig-small', x: X_SHAPE, y: y + BAR / 2, 'dominant-baseline': 'central' }, layerShape(l)),
        h('rect', { class: `v1a-bar bar-${l.kind}`, 'data-role': 'macs', x: X_MACS, y, width: Math.max(macsW, 0.75), height: BAR, rx: 1.5 }),
        h('rect', { class: `v1a-bar bar-${l.kind}`, 'data-role': 'params', x: X_PARAMS, y, width: Math.max(paramsW, 0.75), height: BAR, rx: 1.5 }),
      );
    }),
    // Scale notes: the longest bar of each column and its value.
    h('text', { class: 'fig-small', x: X_MACS, y: TOP - 6 }, `max ${formatCompact(maxMacs)}`),
    h('text', { class: 'fig-small', x: X_PARAMS, y: TOP - 6 }, `max ${formatCompact(maxParams)}`),
  );
}

function header(): SvgNode {
  return h(
    'g',
    {},
    h('text', { class: 'fig-heading', x: 0, y: 14 }, 'Layer'),
    h('text', { class: 'fig-heading', x: X_SHAPE, y: 14 }, 'Output'),
    h('text', { class: 'fig-heading', x: X_MACS, y: 14 }, 'Mult-adds'),
    h('text', { class: 'fig-heading', x: X_PARAMS, y: 14 }, 'Parameters'),
    h('text', { class: 'fig-small', x: X_MACS, y: 28 }, 'linear scale'),
    h('text', { class: 'fig-small', x: X_PARAMS, y: 28 }, 'linear scale'),
  );
}

function totals(arch: Architecture, y: number): SvgNode {
  const fw = frameworkCounts(arch);
  return h(
    'g',
    { transform: `translate(0 ${y})` },
    h('text', { class: 'fig-result', x: 0, y: 0 }, 'Total ', quantity('macs', arch.multAdds, formatInt(arch.multAdds)), ' mult-adds'),
    h('text', { class: 'fig-value', x: 0, y: 20 }, quantity('params', arch.params, formatInt(arch.params)), ' parameters (weights + FC bias)'),
    h('text', { class: 'fig-value', x: 0, y: 38 }, quantity('bn-channels', arch.bnChannels, formatInt(arch.bnChannels)), ` BatchNorm channels in ${arch.bnLayers} layers`),
    h(
      'text',
      { class: 'fig-small', x: 0, y: 56 },
      'Keras count_params ',
      quantity('params-keras', fw.keras.total, formatInt(fw.keras.total)),
      ' · PyTorch ',
      quantity('params-pytorch', fw.pytorch.parameters, formatInt(fw.pytorch.parameters)),
    ),
  );
}

const pct = (part: number, whole: number): number => (whole === 0 ? 0 : (100 * part) / whole);

function breakdown(arch: Architecture, by: ReturnType<typeof costByKind>, y: number): SvgNode {
  const printed = table2Printed();
  const cols = { macs: 200, macsPaper: 262, params: 350, paramsPaper: 412 };
  // Stacked 100% bars: the share of each kind, mult-adds above, weights below.
  const stack = (top: number, value: (k: LayerKind) => number, whole: number, role: string): SvgNode => {
    let x = 0;
    return h(
      'g',
      { 'data-role': role },
      KINDS.map(({ kind }) => {
        const w = (pct(value(kind), whole) / 100) * W;
        const r = h('rect', { class: `bar-${kind}`, 'data-kind': kind, x, y: top, width: w, height: 10 });
        x += w;
        return r;
      }),
    );
  };
  const cell = (x: number, text: string | SvgNode, cls = 'fig-value'): SvgNode => h('text', { class: cls, x, 'text-anchor': 'end' }, text);
  const mismatches: PaperFigure[] = [];
  const printedCell = (id: string, x: number): SvgNode => {
    const f = printed.get(id);
    if (!f) return cell(x, '–');
    if (f.status === 'ok') return cell(x, f.printed, 'fig-small');
    mismatches.push(f);
    return h('text', { class: 'fig-small v1a-bad', x, 'text-anchor': 'end', 'data-printed': id, 'data-status': f.status }, `${f.printed}✗`);
  };
  const body = KINDS.map(({ kind, label }, i) => {
    const t = by[kind] ?? { multAdds: 0, weights: 0, params: 0, layers: 0 };
    const macsShare = pct(t.multAdds, arch.multAdds);
    const paramsShare = pct(t.weights, arch.weights);
    return h(
      'g',
      { transform: `translate(0 ${78 + i * 18})`, 'data-kind': kind },
      h('rect', { class: `bar-${kind}`, x: 0, y: -9, width: 10, height: 10, rx: 2 }),
      h('text', { class: 'fig-small', x: 15 }, label),
      h('text', { class: 'fig-value', x: cols.macs, 'text-anchor': 'end' }, quantity(`share-macs-${kind}`, macsShare, `${macsShare.toFixed(2)}%`)),
      printedCell(`v1-t2-${kind}-macs`, cols.macsPaper),
      h('text', { class: 'fig-value', x: cols.params, 'text-anchor': 'end' }, quantity(`share-params-${kind}`, paramsShare, `${paramsShare.toFixed(2)}%`)),
      printedCell(`v1-t2-${kind}-params`, cols.paramsPaper),
    );
  });
  return h(
    'g',
    { transform: `translate(0 ${y})`, class: 'v1a-breakdown' },
    h('text', { class: 'fig-heading', x: 0, y: 0 }, 'Where the cost goes, by layer type'),
    stack(10, (k) => by[k]?.multAdds ?? 0, arch.multAdds, 'stack-macs'),
    stack(24, (k) => by[k]?.weights ?? 0, arch.weights, 'stack-params'),
    h('text', { class: 'fig-small', x: cols.macs, y: 52, 'text-anchor': 'end' }, 'mult-adds'),
    h('text', { class: 'fig-small', x: cols.macsPaper, y: 52, 'text-anchor': 'end' }, 'Table 2'),
    h('text', { class: 'fig-small', x: cols.params, y: 52, 'text-anchor': 'end' }, 'weights'),
    h('text', { class: 'fig-small', x: cols.paramsPaper, y: 52, 'text-anchor': 'end' }, 'Table 2'),
    h('text', { class: 'fig-small', x: 0, y: 52 }, 'top bar: mult-adds'),
    h('text', { class: 'fig-small', x: 0, y: 64 }, 'lower bar: weights'),
    body,
    h('text', { class: 'fig-small', x: 0, y: 78 + 4 * 18 + 4 }, 'Table 2 prints its shares for α 1, 224 only.'),
    mismatches.length ? h('text', { class: 'fig-small', x: 0, y: 78 + 4 * 18 + 20 }, '✗ = printed value the count does not reproduce:') : null,
    mismatches.map((f, i) =>
      h(
        'text',
        { class: 'fig-small v1a-bad', x: 0, y: 78 + 4 * 18 + 36 + i * 16 },
        `${f.printed} printed; ${f.computed.toFixed(2)}% at α 1, 224 (${f.quantity.split(':')[0]}).`,
      ),
    ),
  );
}

function render(v: FigureParams, frame: FigureFrame): FigureView {
  const uid = frame.uid;
  const alpha = v.alpha;
  const res = v.res;
  const title = h('title', { id: `${uid}-title` }, `MobileNet V1 at α ${alpha}, ${res}×${res}: cost of each of its 28 layers`);
  let arch: Architecture;
  let tex: string;
  try {
    arch = mobilenetV1({ alpha, resolution: res });
    tex = scalingExample({ alpha, resolution: res }, arch).tex;
  } catch (e) {
    if (isCostError(e)) return errorView(W, 200, uid, title, e.message);
    throw e;
  }
  const by = costByKind(arch);
  const rowsEnd = TOP + arch.layers.length * ROW;
  const noteY = rowsEnd + 10;
  const totalsY = noteY + 30;
  const breakdownY = totalsY + 86;
  const height = breakdownY + 78 + 4 * 18 + 36 + 16;
  const pw = by.pointwise?.multAdds ?? 0;
  const summary = `At α ${alpha} and ${res}×${res} MobileNet V1 needs ${formatInt(arch.multAdds)} mult-adds and ${formatInt(arch.params)} parameters; the 1×1 layers do ${pct(pw, arch.multAdds).toFixed(1)}% of the mult-adds.`;
  const desc = h(
    'desc',
    { id: `${uid}-desc` },
    `${summary} Each row is one layer, with bars for its mult-adds and parameters on linear scales; ${formatInt(arch.bnChannels)} BatchNorm channels. The table under the figure lists every layer's numbers.`,
  );
  const svg = h(
    'svg',
    { viewBox: `0 0 ${W} ${height}`, role: 'img', 'aria-labelledby': `${uid}-title ${uid}-desc`, class: 'fig-svg v1a' },
    title,
    desc,
    header(),
    rows(arch),
    h('text', { class: 'fig-small', x: 0, y: noteY }, h('tspan', { class: 'v1a-flag' }, '*'), ' Table 1 prints s2 here; it must be s1 (the map stays 7×7).'),
    totals(arch, totalsY),
    breakdown(arch, by, breakdownY),
  );
  return { svg, tex, summary };
}

export const figure: FigureDef = {
  id: 'v1-architecture',
  title: 'MobileNet V1, layer by layer',
  chapter: '/mobilenet-v1/',
  source: 'Howard et al. 2017 (arXiv:1704.04861), Tables 1–2; counts computed from Table 1.',
  params: ['alpha', 'res'],
  render,
};
