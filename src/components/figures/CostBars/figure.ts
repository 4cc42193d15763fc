/**
 * cost-bars: standard vs depthwise separable convolution, mult-adds and parameters as bars, and
 * the ratio beside 1/N + 1/D_K² (Howard et al. 2017, §3.1, eq. 5).
 */
import { convCost, costRatio, rationalToNumber, type ConvCost } from '../../../lib/cost';
import { isCostError } from '../../../lib/errors';
import { formatInt, formatTimes, toSignificant } from '../../../lib/format';
import { costRatioTex } from '../../../lib/tex';
import { h, type SvgNode } from '../../figure-kit/svg';
import type { FigureDef, FigureFrame, FigureParams, FigureView } from '../../figure-kit/types';
import { errorView, quantity } from '../../figure-kit/marks';

const W = 420;
const H = 250;
const LABEL_W = 84;
const BAR_MAX = 216;
const BAR_H = 20;

interface Row {
  label: string;
  total: number;
  quantity: string;
  parts: { value: number; cls: string }[];
}

function group(title: string, y: number, rows: Row[]): SvgNode {
  const max = Math.max(...rows.map((r) => r.total));
  const scale = (v: number): number => (max === 0 ? 0 : (v / max) * BAR_MAX);
  return h(
    'g',
    { transform: `translate(0 ${y})` },
    h('text', { class: 'fig-heading', x: 0, y: 0 }, title),
    rows.map((row, i) => {
      const top = 12 + i * (BAR_H + 8);
      let x = LABEL_W;
      const segments = row.parts.map((p) => {
        const w = scale(p.value);
        const rect = h('rect', { class: p.cls, x, y: top, width: Math.max(w, 0.5), height: BAR_H, rx: 2 });
        x += w;
        return rect;
      });
      return h(
        'g',
        {},
        h('text', { class: 'fig-label', x: LABEL_W - 6, y: top + BAR_H / 2, 'text-anchor': 'end', 'dominant-baseline': 'central' }, row.label),
        segments,
        h('text', { class: 'fig-value', x: x + 6, y: top + BAR_H / 2, 'dominant-baseline': 'central' }, quantity(row.quantity, row.total, formatInt(row.total))),
      );
    }),
  );
}

function bars(std: ConvCost, sep: ConvCost): SvgNode[] {
  const dw = sep.parts!.depthwise;
  const pw = sep.parts!.pointwise;
  return [
    group('Mult-adds', 20, [
      { label: 'Standard', total: std.multAdds, quantity: 'macs-standard', parts: [{ value: std.multAdds, cls: 'bar-standard' }] },
      {
        label: 'Separable',
        total: sep.multAdds,
        quantity: 'macs-separable',
        parts: [
          { value: dw.multAdds, cls: 'bar-depthwise' },
          { value: pw.multAdds, cls: 'bar-pointwise' },
        ],
      },
    ]),
    group('Parameters', 110, [
      { label: 'Standard', total: std.params, quantity: 'params-standard', parts: [{ value: std.params, cls: 'bar-standard' }] },
      {
        label: 'Separable',
        total: sep.params,
        quantity: 'params-separable',
        parts: [
          { value: dw.params, cls: 'bar-depthwise' },
          { value: pw.params, cls: 'bar-pointwise' },
        ],
      },
    ]),
  ];
}

function legend(y: number): SvgNode {
  const item = (x: number, cls: string, text: string): SvgNode =>
    h('g', {}, h('rect', { class: cls, x, y: y - 9, width: 12, height: 12, rx: 2 }), h('text', { class: 'fig-small', x: x + 17, y: y + 1 }, text));
  return h('g', {}, item(LABEL_W, 'bar-standard', 'standard'), item(LABEL_W + 90, 'bar-depthwise', 'depthwise'), item(LABEL_W + 190, 'bar-pointwise', 'pointwise'));
}

function render(v: FigureParams, frame: FigureFrame): FigureView {
  const uid = frame.uid;
  const k = v.k;
  const m = v.m;
  const n = v.n;
  const df = v.df;
  const title = h('title', { id: `${uid}-title` }, 'Cost of a standard and a depthwise separable convolution');
  let std: ConvCost;
  let sep: ConvCost;
  try {
    std = convCost({ kind: 'standard', k, cin: m, cout: n, inH: df });
    sep = convCost({ kind: 'separable', k, cin: m, cout: n, inH: df });
  } catch (e) {
    if (isCostError(e)) return errorView(W, H, uid, title, e.message);
    throw e;
  }
  const ratio = costRatio(sep.multAdds, std.multAdds);
  const r = rationalToNumber(ratio);
  const fewer = r > 0 ? 1 / r : 0;
  const summary =
    r <= 1
      ? `With D_K = ${k}, M = ${m}, N = ${n} and D_F = ${df}, the separable layer needs ${toSignificant(r * 100, 3)}% of the standard layer's mult-adds: ${formatTimes(fewer)} fewer.`
      : `With D_K = ${k} and N = ${n}, the separable layer costs more than the standard one: ${toSignificant(r, 3)} times as much.`;
  const desc = h('desc', { id: `${uid}-desc` }, `${summary} Standard: ${formatInt(std.multAdds)} mult-adds and ${formatInt(std.params)} parameters. Separable: ${formatInt(sep.multAdds)} mult-adds and ${formatInt(sep.params)} parameters.`);
  const svg = h(
    'svg',
    { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-labelledby': `${uid}-title ${uid}-desc`, class: 'fig-svg' },
    title,
    desc,
    bars(std, sep),
    legend(200),
    h(
      'text',
      { class: 'fig-result', x: 0, y: 236 },
      'Separable ÷ standard = ',
      quantity('ratio', r, toSignificant(r, 3), { 'data-fraction': `${ratio.num}/${ratio.den}` }),
      r < 1 ? ` (${formatTimes(fewer)} fewer)` : '',
    ),
  );
  return { svg, tex: costRatioTex({ k, m, n, df }).tex, summary };
}

export const figure: FigureDef = {
  id: 'cost-bars',
  title: 'Standard vs separable: the cost ratio',
  chapter: '/depthwise-separable/',
  source: 'Counts from the formulas of Howard et al. 2017, §3.1 (eq. 1–5).',
  params: ['k', 'm', 'n', 'df'],
  render,
};
