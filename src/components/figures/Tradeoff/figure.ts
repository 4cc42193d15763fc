/**
 * tradeoff: ImageNet top-1 accuracy against mult-adds (log axis) for the published MobileNet V1
 * settings — the paper's Tables 6, 7 and 9 and the 16 TF-slim checkpoints of the α × resolution
 * grid — and the networks the paper compares with (Tables 8 and 9). The reader's α and resolution
 * are marked at the cost model's mult-adds; an accuracy is shown only where one is published.
 */
import { scaleLinear, scaleLog } from 'd3-scale';
import { GRID_ALPHAS, publishedAccuracy, sourceText, tradeoffPoints, type TradeoffPoint } from '../../../lib/accuracy';
import { mobilenetV1 } from '../../../lib/architectures';
import { isCostError } from '../../../lib/errors';
import { formatInt } from '../../../lib/format';
import { h, type SvgNode } from '../../figure-kit/svg';
import type { FigureDef, FigureFrame, FigureParams, FigureView } from '../../figure-kit/types';
import { errorView, quantity } from '../../figure-kit/marks';

const W = 420;
const H = 372;
const LEFT = 40;
const RIGHT = 412;
const TOP = 12;
const BOTTOM = 262;
const Y_DOMAIN: [number, number] = [40, 76];

/** Mult-adds below 1M are not on the chart's scale; the domain grows to include the reader's setting. */
export function xDomain(current: number): [number, number] {
  const lo = Math.min(1e7, 10 ** Math.floor(Math.log10(Math.max(current, 1e5))));
  const hi = Math.max(2e10, current * 1.2);
  return [lo, hi];
}

/** Where a label sits relative to its point, for the named points (chosen so none overlap at α 1, 224). */
const LABEL_SIDE: Record<string, 'left' | 'right' | 'above' | 'below'> = {
  googlenet: 'right',
  vgg16: 'left',
  squeezenet: 'right',
  alexnet: 'below',
  'paper-conv-mobilenet': 'above',
  'paper-shallow': 'below',
};

const LABEL_TEXT: Record<string, string> = {
  'paper-conv-mobilenet': 'Conv MobileNet',
  'paper-shallow': 'Shallow',
};

function pointTitle(p: TradeoffPoint): string {
  const cost = p.computed
    ? `${formatInt(p.macs)} mult-adds (computed; printed ${p.printedMacsM}M)`
    : `${p.printedMacsM}M mult-adds (printed)`;
  return `${p.label}: top-1 ${p.top1}%, ${cost}, ${p.printedParamsM}M parameters — ${sourceText(p.source)}`;
}

function mark(p: TradeoffPoint, cx: number, cy: number): SvgNode {
  const common = { 'data-point': p.id, 'data-source': sourceText(p.source), 'data-top1': p.top1, 'data-macs': p.macs };
  const title = h('title', {}, pointTitle(p));
  if (p.group === 'other') {
    return h('rect', { ...common, class: 'to-point to-other', x: cx - 4.5, y: cy - 4.5, width: 9, height: 9 }, title);
  }
  if (p.group === 'variant') {
    return h('path', { ...common, class: 'to-point to-variant', d: `M${cx} ${cy - 5.5}L${cx + 5.5} ${cy + 4.5}L${cx - 5.5} ${cy + 4.5}Z` }, title);
  }
  if (p.group === 'paper') return h('circle', { ...common, class: 'to-point to-paper', cx, cy, r: 5.5 }, title);
  return h('circle', { ...common, class: `to-point to-slim to-a${String(p.alpha).replace('.', '')}`, cx, cy, r: 3.5 }, title);
}

function label(p: TradeoffPoint, cx: number, cy: number): SvgNode | null {
  const side = LABEL_SIDE[p.id];
  if (!side) return null;
  const text = LABEL_TEXT[p.id] ?? p.label;
  const at = {
    left: { x: cx - 8, y: cy + 4, anchor: 'end' },
    right: { x: cx + 8, y: cy + 4, anchor: 'start' },
    above: { x: cx, y: cy - 9, anchor: 'middle' },
    below: { x: cx, y: cy + 17, anchor: 'middle' },
  }[side];
  return h('text', { class: 'fig-small', x: at.x, y: at.y, 'text-anchor': at.anchor }, text);
}

function axes(x: (v: number) => number, y: (v: number) => number, domain: [number, number]): SvgNode {
  const ticks: number[] = [];
  for (let e = Math.ceil(Math.log10(domain[0])); 10 ** e <= domain[1]; e++) ticks.push(10 ** e);
  const fmt = (v: number): string => (v >= 1e9 ? `${formatInt(v / 1e6)}M` : v >= 1e6 ? `${v / 1e6}M` : `${v / 1e3}k`);
  return h(
    'g',
    { class: 'to-axes' },
    ticks.map((t) =>
      h(
        'g',
        {},
        h('line', { class: 'to-grid', x1: x(t), x2: x(t), y1: TOP, y2: BOTTOM }),
        h('text', { class: 'fig-small', x: x(t), y: BOTTOM + 15, 'text-anchor': 'middle' }, fmt(t)),
      ),
    ),
    [40, 50, 60, 70].map((a) =>
      h(
        'g',
        {},
        h('line', { class: 'to-grid', x1: LEFT, x2: RIGHT, y1: y(a), y2: y(a) }),
        h('text', { class: 'fig-small', x: LEFT - 5, y: y(a) + 4, 'text-anchor': 'end' }, `${a}%`),
      ),
    ),
    h('line', { class: 'to-axis', x1: LEFT, x2: RIGHT, y1: BOTTOM, y2: BOTTOM }),
    h('line', { class: 'to-axis', x1: LEFT, x2: LEFT, y1: TOP, y2: BOTTOM }),
    h('text', { class: 'fig-small', x: (LEFT + RIGHT) / 2, y: BOTTOM + 30, 'text-anchor': 'middle' }, 'mult-adds (log scale)'),
    h('text', { class: 'fig-small', x: 2, y: TOP + 2, transform: `rotate(-90 2 ${TOP + 2})`, 'text-anchor': 'end', 'dominant-baseline': 'hanging' }, 'ImageNet top-1'),
  );
}

function legend(y: number): SvgNode {
  const item = (x: number, shape: SvgNode, text: string): SvgNode => h('g', {}, shape, h('text', { class: 'fig-small', x: x + 14, y: y + 4 }, text));
  return h(
    'g',
    { class: 'to-legend' },
    item(0, h('circle', { class: 'to-slim to-a1', cx: 4, cy: y, r: 3.5 }), 'TF-slim checkpoints'),
    item(150, h('circle', { class: 'to-paper', cx: 156, cy: y, r: 5 }), 'paper, Tables 6, 7, 9'),
    item(298, h('rect', { class: 'to-other', x: 300, y: y - 4.5, width: 9, height: 9 }), 'other nets'),
  );
}

function render(v: FigureParams, frame: FigureFrame): FigureView {
  const uid = frame.uid;
  const alpha = v.alpha;
  const res = v.res;
  const title = h('title', { id: `${uid}-title` }, 'MobileNet V1: ImageNet accuracy against mult-adds');
  let macs: number;
  try {
    macs = mobilenetV1({ alpha, resolution: res }).multAdds;
  } catch (e) {
    if (isCostError(e)) return errorView(W, H, uid, title, e.message);
    throw e;
  }
  const domain = xDomain(macs);
  const x = scaleLog().domain(domain).range([LEFT, RIGHT]);
  const y = scaleLinear().domain(Y_DOMAIN).range([BOTTOM, TOP]).clamp(true);
  const points = tradeoffPoints();
  const published = publishedAccuracy(alpha, res);
  // One line per α through the checkpoints, highest resolution last.
  const lines = GRID_ALPHAS.map((a) => {
    const ps = points.filter((p) => p.group === 'slim' && p.alpha === a).sort((p, q) => p.macs - q.macs);
    const d = ps.map((p, i) => `${i ? 'L' : 'M'}${x(p.macs).toFixed(2)} ${y(p.top1).toFixed(2)}`).join('');
    const last = ps[ps.length - 1];
    return h(
      'g',
      {},
      h('path', { class: `to-line to-a${String(a).replace('.', '')}`, d }),
      h('text', { class: 'fig-small', x: x(last.macs) + 6, y: y(last.top1) + 12 }, `α ${a}`),
    );
  });
  const cx = x(macs);
  const found = published.length > 0;
  const accText = published.map((p) => `${p.top1}% (${sourceText(p.source)})`).join('; ');
  const summary = found
    ? `α ${alpha}, ${res}×${res}: ${formatInt(macs)} mult-adds; published top-1 ${accText}.`
    : `α ${alpha}, ${res}×${res}: ${formatInt(macs)} mult-adds; no published accuracy for this setting.`;
  const desc = h(
    'desc',
    { id: `${uid}-desc` },
    `${summary} The chart places ${points.length} published results by mult-adds on a log scale and ImageNet top-1 accuracy: the 16 TF-slim MobileNet V1 checkpoints (α 1, 0.75, 0.5, 0.25 at 224, 192, 160, 128), the paper's own MobileNet results, and GoogleNet, VGG 16, Squeezenet and AlexNet as the paper reports them. The table below the chart lists every point with its source.`,
  );
  const svg = h(
    'svg',
    { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-labelledby': `${uid}-title ${uid}-desc`, class: 'fig-svg to' },
    title,
    desc,
    axes(x, y, domain),
    h('line', { class: 'to-current-line', 'data-role': 'current-line', x1: cx, x2: cx, y1: TOP, y2: BOTTOM }),
    lines,
    points.map((p) => mark(p, x(p.macs), y(p.top1))),
    points.map((p) => label(p, x(p.macs), y(p.top1))),
    published.map((p) => h('circle', { class: 'to-current', 'data-role': 'current', 'data-point': p.id, cx: x(p.macs), cy: y(p.top1), r: 9 })),
    h(
      'text',
      { class: 'fig-result', x: 0, y: BOTTOM + 52 },
      `α ${alpha}, ${res}×${res}: `,
      quantity('macs', macs, formatInt(macs)),
      ' mult-adds',
    ),
    found
      ? published.map((p, i) =>
          h(
            'text',
            { class: 'fig-value', x: 0, y: BOTTOM + 70 + i * 16 },
            'top-1 ',
            quantity(p.group === 'paper' ? 'top1-paper' : 'top1-slim', p.top1, `${p.top1}%`),
            ` — ${sourceText(p.source)}`,
          ),
        )
      : h('text', { class: 'fig-value to-none', 'data-role': 'no-accuracy', x: 0, y: BOTTOM + 70 }, 'No published accuracy for this setting.'),
    legend(H - 6),
  );
  return { svg, summary };
}

export const figure: FigureDef = {
  id: 'tradeoff',
  title: 'Accuracy against mult-adds',
  chapter: '/mobilenet-v1/',
  source:
    'Howard et al. 2017 (arXiv:1704.04861), Tables 6–9; TF-slim MobileNet V1 README (tensorflow/models), checkpoint table; MobileNet mult-adds computed from Table 1.',
  params: ['alpha', 'res'],
  render,
};
