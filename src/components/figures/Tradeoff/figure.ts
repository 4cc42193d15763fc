/**
 * tradeoff: ImageNet top-1 accuracy against mult-adds (log axis) for the published MobileNet V1
 * settings — the paper's Tables 6, 7 and 9 and the 16 TF-slim checkpoints of the α × resolution
 * grid — and the networks the paper compares with (Tables 8 and 9). The reader's α and resolution
 * are marked at the cost model's mult-adds; an accuracy is shown only where one is published.
 *
 * Laid out for the space it gets: the plot takes the frame's width (on a slide it leaves a column
 * for the readout and the legend), and point labels are placed so that none overlaps another
 * label or a point (labels.ts).
 */
import { scaleLinear, scaleLog } from 'd3-scale';
import { GRID_ALPHAS, publishedAccuracy, sourceText, tradeoffPoints, type TradeoffPoint } from '../../../lib/accuracy';
import { mobilenetV1 } from '../../../lib/architectures';
import { isCostError } from '../../../lib/errors';
import { formatInt } from '../../../lib/format';
import { h, type SvgNode } from '../../figure-kit/svg';
import { rounded } from '../../figure-kit/rounded';
import type { FigureDef, FigureFrame, FigureParams, FigureView } from '../../figure-kit/types';
import { errorView, quantity } from '../../figure-kit/marks';
import { isNarrow } from '../../figure-kit/frame';
import { placeLabels, textBox, type Box, type LabelRequest, type PlacedLabel, type Side } from './labels';
import { linePath } from '../../figure-kit/paths';
import { figureWords } from '../../../i18n/figures';
import { tradeoffEn } from '../../../i18n/figures/tradeoff.en';
import type { Lang } from '../../../i18n';
import { costErrorText } from '../../../i18n/errors';

/** This figure's words in a language (its English ones are bundled with it). */
const words = (lang: Lang): typeof tradeoffEn => figureWords(lang, 'tradeoff', tradeoffEn);

const Y_DOMAIN: [number, number] = [40, 76];

/** Mult-adds below 1M are not on the chart's scale; the domain grows to include the reader's setting. */
export function xDomain(current: number): [number, number] {
  const lo = Math.min(1e7, 10 ** Math.floor(Math.log10(Math.max(current, 1e5))));
  const hi = Math.max(2e10, current * 1.2);
  return [lo, hi];
}

/** The named points, the label each gets and where it would rather sit. */
const NAMED: Record<string, { short?: boolean; prefer: readonly Side[] }> = {
  vgg16: { prefer: ['left', 'above-left', 'below'] },
  googlenet: { prefer: ['right', 'below-right', 'above'] },
  squeezenet: { prefer: ['right', 'below-right', 'above-right'] },
  alexnet: { prefer: ['below', 'left', 'below-left'] },
  'paper-conv-mobilenet': { short: true, prefer: ['above-left', 'above', 'left', 'below'] },
  'paper-shallow': { short: true, prefer: ['above', 'right', 'above-right', 'below-right'] },
};

/** Mark radius (half the side of a square) by group, for placement. */
const RADIUS: Record<TradeoffPoint['group'], number> = { slim: 3.5, paper: 6.5, variant: 6, other: 5 };

type Text = typeof tradeoffEn;

/** A point's source in the figure's language ("Howard et al. 2017, Table 6"). */
export function sourceIn(T: Text, source: TradeoffPoint['source']): string {
  return source.ref === 'howard2017' ? T.paperSource(source.table.replace(/^Table\s*/, '')) : T.slimSource;
}

/** A point's name in the figure's language (model names stay as published). */
const labelIn = (T: Text, p: TradeoffPoint): string => T.pointLabel[p.id] ?? p.label;

function pointTitle(T: Text, p: TradeoffPoint): string {
  const cost = p.computed ? T.computedCost(formatInt(p.macs), String(p.printedMacsM)) : T.printedCost(String(p.printedMacsM));
  return T.pointTitle(labelIn(T, p), String(p.top1), cost, String(p.printedParamsM), sourceIn(T, p.source));
}

const triangle = (cx: number, cy: number, r = 5.5): string => rounded`M${cx} ${cy - r}L${cx + r} ${cy + r * 0.82}L${cx - r} ${cy + r * 0.82}Z`;

function mark(T: Text, p: TradeoffPoint, cx: number, cy: number): SvgNode {
  const common = { 'data-point': p.id, 'data-source': sourceText(p.source), 'data-top1': p.top1, 'data-macs': p.macs };
  const title = h('title', {}, pointTitle(T, p));
  if (p.group === 'other') return h('rect', { ...common, class: 'to-point to-other', x: cx - 4.5, y: cy - 4.5, width: 9, height: 9 }, title);
  if (p.group === 'variant') return h('path', { ...common, class: 'to-point to-variant', d: triangle(cx, cy) }, title);
  if (p.group === 'paper') return h('circle', { ...common, class: 'to-point to-paper', cx, cy, r: 5.5 }, title);
  return h('circle', { ...common, class: `to-point to-slim to-a${String(p.alpha).replace('.', '')}`, cx, cy, r: 3.5 }, title);
}

/** Where things go for a frame: the plot's box, and where the readout and legend start and how wide they are. */
function geometry(frame: FigureFrame, shrink = 0): { left: number; right: number; top: number; bottom: number; panel: { x: number; y: number; w: number } } {
  const W = frame.width;
  if (frame.context === 'slide' && !isNarrow(frame)) {
    const side = Math.min(280, Math.round(W * 0.32));
    const H = frame.height ?? 335;
    return { left: 44, right: W - side - 24, top: 16, bottom: H - 40, panel: { x: W - side, y: 4, w: side } };
  }
  const narrow = isNarrow(frame);
  if (frame.context === 'slide') {
    // A narrow slide: the plot above, the readout and the legend under it, within the slide's height.
    const bottom = Math.max(100, (frame.height ?? 335) - 80 - legend(words(frame.lang), 0, 0, W).height - shrink);
    return { left: 40, right: W - 8, top: 16, bottom, panel: { x: 0, y: bottom + 42, w: W } };
  }
  const bottom = 22 + (narrow ? Math.min(320, Math.round(W * 0.92)) : Math.min(320, Math.round(W * 0.42)));
  return { left: narrow ? 40 : 46, right: W - 8, top: 22, bottom, panel: { x: 0, y: bottom + 42, w: W } };
}

function axes(T: Text, g: ReturnType<typeof geometry>, x: (v: number) => number, y: (v: number) => number, domain: [number, number], narrow: boolean): SvgNode {
  const { left, right, top, bottom } = g;
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
        h('line', { class: 'to-grid', x1: x(t), x2: x(t), y1: top, y2: bottom }),
        h('text', { class: 'fig-small', x: Math.min(x(t), right - textBox(fmt(t), 0, 0, 'middle').w / 2), y: bottom + 15, 'text-anchor': 'middle' }, fmt(t)),
      ),
    ),
    [40, 50, 60, 70].map((a) =>
      h('g', {}, h('line', { class: 'to-grid', x1: left, x2: right, y1: y(a), y2: y(a) }), h('text', { class: 'fig-small', x: left - 5, y: y(a) + 4, 'text-anchor': 'end' }, `${a}%`)),
    ),
    h('line', { class: 'to-axis', x1: left, x2: right, y1: bottom, y2: bottom }),
    h('line', { class: 'to-axis', x1: left, x2: left, y1: top, y2: bottom }),
    h('text', { class: 'fig-small', x: (left + right) / 2, y: bottom + 31, 'text-anchor': 'middle' }, T.xAxis),
    // On a phone the tick labels fill the narrow left margin: the axis title sits above the axis.
    narrow
      ? h('text', { class: 'fig-small', x: 2, y: top - 8 }, T.yAxis)
      : h('text', { class: 'fig-small', x: 2, y: top + 2, transform: rounded`rotate(-90 2 ${top + 2})`, 'text-anchor': 'end', 'dominant-baseline': 'hanging' }, T.yAxis),
  );
}

/** Legend items flowed into rows of `width`; returns the node and its height. */
function legend(T: Text, x0: number, y0: number, width: number): { node: SvgNode; height: number } {
  const items: [string, (cx: number, cy: number) => SvgNode, string][] = [
    ['slim', (cx, cy) => h('circle', { class: 'to-slim to-a1', cx, cy, r: 3.5 }), T.legend.slim],
    ['paper', (cx, cy) => h('circle', { class: 'to-paper', cx, cy, r: 5 }), T.legend.paper],
    ['variant', (cx, cy) => h('path', { class: 'to-variant', d: triangle(cx, cy, 5) }), T.legend.variant],
    ['other', (cx, cy) => h('rect', { class: 'to-other', x: cx - 4.5, y: cy - 4.5, width: 9, height: 9 }), T.legend.other],
    ['current', (cx, cy) => h('line', { class: 'to-current-line', x1: cx, x2: cx, y1: cy - 7, y2: cy + 7 }), T.legend.current],
  ];
  let x = x0;
  let y = y0 + 8;
  const nodes: SvgNode[] = [];
  for (const [key, shape, text] of items) {
    const w = 16 + textBox(text, 0, 0, 'start').w;
    if (x > x0 && x + w > x0 + width) {
      x = x0;
      y += 20;
    }
    nodes.push(h('g', { 'data-legend': key }, shape(x + 5, y), h('text', { class: 'fig-small', x: x + 16, y: y + 4 }, text)));
    x += w + 14;
  }
  return { node: h('g', { class: 'to-legend' }, nodes), height: y - y0 + 14 };
}

const placed = new Map<string, PlacedLabel[]>();

function render(v: FigureParams, frame: FigureFrame, _data?: unknown, shrink = 0): FigureView {
  const uid = frame.uid;
  const T = words(frame.lang);
  const alpha = v.alpha;
  const res = v.res;
  const W = frame.width;
  const title = h('title', { id: `${uid}-title` }, T.svgTitle);
  let macs: number;
  try {
    macs = mobilenetV1({ alpha, resolution: res }).multAdds;
  } catch (e) {
    if (isCostError(e)) return errorView(W, 300, uid, title, costErrorText(e, frame.lang));
    throw e;
  }
  const g = geometry(frame, shrink);
  const domain = xDomain(macs);
  const x = scaleLog().domain(domain).range([g.left, g.right]);
  const y = scaleLinear().domain(Y_DOMAIN).range([g.bottom, g.top]).clamp(true);
  const points = tradeoffPoints();
  const published = publishedAccuracy(alpha, res);
  const ends: LabelRequest[] = [];
  // One line per α through the checkpoints, highest resolution last.
  const lines = GRID_ALPHAS.map((a) => {
    const ps = points.filter((p) => p.group === 'slim' && p.alpha === a).sort((p, q) => p.macs - q.macs);
    const d = linePath(ps, (p) => x(p.macs), (p) => y(p.top1), 2);
    const last = ps[ps.length - 1];
    const first = ps[0];
    // Named at the line's end if there is room, else at its start (the plot's empty upper left).
    ends.push({ id: `alpha-${a}`, text: `α ${a}`, x: x(last.macs), y: y(last.top1), r: 4, prefer: ['below-right', 'right', 'below'], alternatives: [{ x: x(first.macs), y: y(first.top1), r: 4 }] });
    return h('path', { class: `to-line to-a${String(a).replace('.', '')}`, d });
  });
  const named: LabelRequest[] = points
    .filter((p) => NAMED[p.id])
    .map((p) => ({ id: p.id, text: NAMED[p.id].short ? (T.shortLabel[p.id] ?? p.label) : p.label, x: x(p.macs), y: y(p.top1), r: RADIUS[p.group], prefer: NAMED[p.id].prefer }));
  const obstacles: Box[] = points.map((p) => {
    const r = RADIUS[p.group];
    return { x: x(p.macs) - r, y: y(p.top1) - r, w: 2 * r, h: 2 * r };
  });
  // The labels depend only on the plot's box, its domain and their words (an edition's), not on
  // the reader's point: placed once per layout and language.
  const key = `${domain.join(',')}|${g.left},${g.right},${g.top},${g.bottom}|${named.map((n) => n.text).join('|')}`;
  let labels = placed.get(key);
  if (!labels) {
    labels = placeLabels([...named, ...ends], obstacles, { x: g.left + 2, y: 0, w: g.right - g.left - 2, h: g.bottom - 2 });
    if (placed.size > 16) placed.clear();
    placed.set(key, labels);
  }
  const cx = x(macs);
  const found = published.length > 0;
  const accText = published.map((p) => T.accuracy(String(p.top1), sourceIn(T, p.source))).join(T.listSep);
  const summary = found
    ? T.found(`α ${alpha}, ${res}×${res}`, formatInt(macs), accText)
    : T.notFound(`α ${alpha}, ${res}×${res}`, formatInt(macs));
  const desc = h(
    'desc',
    { id: `${uid}-desc` },
    T.desc(summary, String(points.length)),
  );
  // The readout: the setting's mult-adds and what is published for it, wrapped to the panel.
  const panel = g.panel;
  const readout: SvgNode[] = [];
  let ry = panel.y + 14;
  const head = `α ${alpha}, ${res}×${res}: `;
  const macsText = `${formatInt(macs)}${T.multAdds}`;
  if (textBox(head + macsText, 0, 0, 'start', 14).w <= panel.w) {
    readout.push(h('text', { class: 'fig-result', x: panel.x, y: ry }, head, quantity('macs', macs, formatInt(macs)), T.multAdds));
  } else {
    readout.push(h('text', { class: 'fig-result', x: panel.x, y: ry }, head.trim()), h('text', { class: 'fig-result', x: panel.x, y: (ry += 18) }, quantity('macs', macs, formatInt(macs)), T.multAdds));
  }
  ry += 20;
  if (found) {
    for (const p of published) {
      const q = quantity(p.group === 'paper' ? 'top1-paper' : 'top1-slim', p.top1, `${p.top1}%`);
      const src = sourceIn(T, p.source);
      if (textBox(`${T.top1}${p.top1}% — ${src}`, 0, 0, 'start', 13).w <= panel.w) {
        readout.push(h('text', { class: 'fig-value', x: panel.x, y: ry }, T.top1, q, ` — ${src}`));
        ry += 18;
      } else {
        readout.push(h('text', { class: 'fig-value', x: panel.x, y: ry }, T.top1, q), h('text', { class: 'fig-small', x: panel.x + 10, y: ry + 16 }, src));
        ry += 36;
      }
    }
  } else {
    const msg = T.none;
    if (textBox(msg, 0, 0, 'start', 13).w <= panel.w) readout.push(h('text', { class: 'fig-value to-none', 'data-role': 'no-accuracy', x: panel.x, y: ry }, msg));
    else {
      readout.push(h('text', { class: 'fig-value to-none', 'data-role': 'no-accuracy', x: panel.x, y: ry }, h('tspan', { x: panel.x }, T.noneLine1), h('tspan', { x: panel.x, dy: 17 }, T.noneLine2)));
      ry += 17;
    }
    ry += 18;
  }
  const leg = legend(T, panel.x, ry, panel.w);
  const height = Math.max(g.bottom + 36, ry + leg.height + 4);
  // On a narrow slide the readout may wrap more than planned: shorten the plot by what is over.
  if (frame.context === 'slide' && frame.height && height > frame.height + 0.5 && shrink === 0 && isNarrow(frame)) return render(v, frame, undefined, height - frame.height);
  const svg = h(
    'svg',
    { viewBox: `0 0 ${W} ${Math.ceil(height)}`, role: 'img', 'aria-labelledby': `${uid}-title ${uid}-desc`, class: 'fig-svg to' },
    title,
    desc,
    axes(T, g, x, y, domain, isNarrow(frame) && frame.context !== 'slide'),
    h('g', { class: 'to-current-at', 'data-role': 'current-line', 'data-x': cx, style: `transform: translate(${cx.toFixed(2)}px, 0px)` }, h('line', { class: 'to-current-line', x1: 0, x2: 0, y1: g.top, y2: g.bottom })),
    h('g', { class: 'to-lines' }, lines),
    points.map((p) => mark(T, p, x(p.macs), y(p.top1))),
    published.map((p) => h('circle', { class: 'to-current', 'data-role': 'current', 'data-point': p.id, cx: x(p.macs), cy: y(p.top1), r: 9 })),
    h(
      'g',
      { class: 'to-labels' },
      labels.map((l) => h('text', { class: 'fig-small to-label', 'data-label': l.id, x: l.x, y: l.y, 'text-anchor': l.anchor }, l.text)),
    ),
    readout,
    leg.node,
  );
  return { svg, summary };
}

export const figure: FigureDef = {
  id: 'tradeoff',
  title: (lang) => words(lang).title,
  chapter: '/mobilenet-v1/',
  source: (lang) => words(lang).source,
  params: ['alpha', 'res'],
  render,
};
