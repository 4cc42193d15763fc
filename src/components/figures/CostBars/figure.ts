/**
 * cost-bars: standard vs depthwise separable convolution (Howard et al. 2017, §3.1, eq. 1–5).
 *
 *   top      mult-adds and parameters on fixed log axes: dragging N or K moves the bar ends (the
 *            previous ends stay as ghosts), and the gap between the two bars is the saving
 *   bottom   the separable layer as a share of the standard one, linear: its depthwise part is
 *            exactly 1/N and its pointwise part 1/D_K² of the standard cost (eq. 5), then the
 *            same bar zoomed to full width so both parts read however small the share
 *
 * The depthwise and pointwise marks carry data-term, as do the terms of the formula, so pointing
 * at one lights up the other (figure-kit/term-links.ts).
 */
import { convCost, costRatio, rationalToNumber, type ConvCost } from '../../../lib/cost';
import { isCostError } from '../../../lib/errors';
import { formatInt, formatTimes, toSignificant } from '../../../lib/format';
import { costRatioTex } from '../../../lib/tex';
import { h, type SvgNode } from '../../figure-kit/svg';
import type { FigureDef, FigureFrame, FigureParams, FigureView } from '../../figure-kit/types';
import { errorView, quantity } from '../../figure-kit/marks';
import { isNarrow } from '../../figure-kit/frame';
import { subscripted } from '../../figure-kit/text';
import { logAxisX } from '../../../lib/log-axis';
import { figureWords } from '../../../i18n/figures';
import { costBarsEn } from '../../../i18n/figures/cost-bars.en';
import type { Lang } from '../../../i18n';
import { costErrorText } from '../../../i18n/errors';

/** This figure's words in a language (its English ones are bundled with it). */
const words = (lang: Lang): typeof costBarsEn => figureWords(lang, 'costBars', costBarsEn);

type Text = typeof costBarsEn;

/** Fixed log axes (powers of ten): wide enough for every slider position, fixed so bars move. */
export const MACS_DECADES: readonly [number, number] = [1, 13];
export const PARAMS_DECADES: readonly [number, number] = [0, 9];

const BAR_H = 16;
const GAP = 8;

/** x of a count on a log axis of decades [lo, hi] mapped to [x0, x1]; counts below 10^lo sit at x0. */
export const logX: (value: number, decades: readonly [number, number], x0: number, x1: number) => number = logAxisX;

const SI = ['', 'k', 'M', 'G', 'T', 'P'];
/** 10^d as a short label: 1, 10, 100, 1k … 10T. */
function decadeLabel(d: number): string {
  return `${10 ** (d % 3)}${SI[Math.floor(d / 3)]}`;
}

interface Layout {
  width: number;
  narrow: boolean;
  slide: boolean;
  /** Left edge and right end of the bars. */
  x0: number;
  x1: number;
}

interface LogRow {
  label: string;
  value: number;
  quantity: string;
  cls: string;
}

/** One group of bars on a fixed log axis, with the ticks below; returns the mark and its height. */
function logGroup(L: Layout, top: number, title: string, decades: readonly [number, number], rows: LogRow[], key: string): { node: SvgNode; height: number } {
  const { x0, x1, narrow, width } = L;
  const nodes: (SvgNode | null)[] = [h('text', { class: 'fig-heading', x: 0, y: top + 14 }, title)];
  let y = top + 24;
  for (const row of rows) {
    const end = logX(row.value, decades, x0, x1);
    const ghostKey = `${key}-${row.quantity}`;
    if (narrow) {
      nodes.push(
        h('text', { class: 'fig-label', x: 0, y: y + 12 }, row.label),
        h('text', { class: 'fig-value', x: width, y: y + 12, 'text-anchor': 'end' }, quantity(row.quantity, row.value, formatInt(row.value))),
      );
      y += 18;
    } else {
      nodes.push(
        h('text', { class: 'fig-label', x: x0 - 8, y: y + BAR_H / 2, 'text-anchor': 'end', 'dominant-baseline': 'central' }, row.label),
        h('text', { class: 'fig-value', x: width, y: y + BAR_H / 2, 'text-anchor': 'end', 'dominant-baseline': 'central' }, quantity(row.quantity, row.value, formatInt(row.value))),
      );
    }
    nodes.push(
      h('rect', { class: 'cb-ghost', 'data-ghost-of': ghostKey }),
      h('rect', { class: `cb-bar ${row.cls}`, 'data-ghost-key': ghostKey, 'data-value': row.value, x: x0, y, width: Math.max(2, end - x0), height: BAR_H, rx: 2 }),
    );
    y += BAR_H + GAP;
  }
  // Decade ticks: as many labels as fit (at least 44 units apart).
  const [lo, hi] = decades;
  const perDecade = (x1 - x0) / (hi - lo);
  const every = [1, 2, 3, 4, 6].find((e) => e * perDecade >= 44) ?? 6;
  const ticks: SvgNode[] = [];
  for (let d = lo; d <= hi; d++) {
    const x = logX(10 ** d, decades, x0, x1);
    ticks.push(h('line', { class: 'cb-tick', x1: x, x2: x, y1: top + 20, y2: y - GAP + 3 }));
    // The end labels keep inside the picture.
    const anchor = d === lo && x - 12 < 0 ? 'start' : d === hi && x + 12 > width ? 'end' : 'middle';
    if ((d - lo) % every === 0 || d === hi) ticks.push(h('text', { class: 'fig-small', x, y: y + 9, 'text-anchor': anchor }, decadeLabel(d)));
  }
  return { node: h('g', { class: 'cb-log' }, ticks, nodes), height: y + 14 - top };
}

interface Shares {
  std: ConvCost;
  sep: ConvCost;
  n: number;
  k: number;
  ratio: number;
  exact: { num: bigint; den: bigint };
}

/** The separable layer as a share of the standard one (linear), then zoomed to full width. */
function shareGroup(T: Text, L: Layout, top: number, s: Shares): { node: SvgNode; height: number } {
  const { x0: left, width, narrow } = L;
  const x0 = narrow ? 0 : left;
  const x1 = width;
  const span = x1 - x0;
  const dw = s.sep.parts!.depthwise.multAdds;
  const pw = s.sep.parts!.pointwise.multAdds;
  const std = s.std.multAdds;
  // With D_K = 1 the separable layer costs more: the axis then ends at the separable total.
  const unit = span / Math.max(std, dw + pw);
  const dwW = dw * unit;
  const pwW = pw * unit;
  const stdW = std * unit;
  const fewer = s.ratio < 1 ? T.fewer(formatTimes(1 / s.ratio)) : T.costsMore;
  const nodes: (SvgNode | null)[] = [];
  let y = top + 14;
  const ratio = quantity('ratio', s.ratio, toSignificant(s.ratio, 3), { 'data-fraction': `${s.exact.num}/${s.exact.den}` });
  if (narrow) {
    nodes.push(h('text', { class: 'fig-result', x: 0, y }, T.ratio, ratio), h('text', { class: 'fig-result', x: 0, y: y + 18 }, fewer.trim()));
    y += 18;
  } else nodes.push(h('text', { class: 'fig-result', x: 0, y }, T.ratio, ratio, fewer));
  y += 10;
  const dwLabel = T.dwLabel(formatInt(s.n), formatInt(dw));
  const pwLabel = T.pwLabel(formatInt(s.k * s.k), formatInt(pw));
  // Row 1: the standard cost as an outline, the separable parts inside it.
  nodes.push(
    h('rect', { class: 'cb-outline', x: x0, y, width: stdW, height: BAR_H }),
    h('rect', { class: 'cb-ghost', 'data-ghost-of': 'share-dw' }),
    h('rect', { class: 'cb-ghost', 'data-ghost-of': 'share-sep' }),
    h('rect', { class: 'cb-bar bar-depthwise', 'data-term': 'depthwise', 'data-term-label': dwLabel, tabindex: 0, role: 'img', 'aria-label': dwLabel, 'data-ghost-key': 'share-dw', x: x0, y, width: Math.max(1, dwW), height: BAR_H }),
    h('rect', { class: 'cb-bar bar-pointwise', 'data-term': 'pointwise', 'data-term-label': pwLabel, tabindex: 0, role: 'img', 'aria-label': pwLabel, 'data-ghost-key': 'share-pw', x: x0 + dwW, y, width: Math.max(1, pwW), height: BAR_H }),
    // The standard layer's end stays visible when the separable parts run past it (D_K = 1).
    h('rect', { class: 'cb-outline-top', x: x0, y, width: stdW, height: BAR_H }),
    // An invisible mark spanning both parts keys the ghost of the separable total.
    h('rect', { class: 'cb-span', 'data-ghost-key': 'share-sep', x: x0, y, width: dwW + pwW, height: BAR_H }),
    // The outline's name sits inside it, right-aligned, where the separable parts leave room.
    s.ratio <= 0.6 ? h('text', { class: 'fig-small', x: x0 + stdW - 6, y: y + BAR_H / 2, 'text-anchor': 'end', 'dominant-baseline': 'central' }, T.standardFull) : null,
  );
  const rowBottom = y + BAR_H;
  // Row 2: the separable bar zoomed to the full width, with lines from its extent above.
  const zoomTop = rowBottom + 18;
  const sepW = dwW + pwW;
  const zdw = (dw / (dw + pw)) * span;
  const zoom = s.ratio < 1 ? `×${toSignificant(1 / s.ratio, 2)}` : '×1';
  nodes.push(
    // Two decimals as the attributes have, by toFixed rather than rounded.ts: this figure loads with
    // the home page and the depthwise chapter, where that module added 109 and 2 bytes (gzip).
    h('path', { class: 'cb-zoom', d: `M${x0},${rowBottom}L${x0},${zoomTop}M${(x0 + sepW).toFixed(2)},${rowBottom}L${x1},${zoomTop}` }),
    h('rect', { class: 'cb-bar cb-zoomed bar-depthwise', 'data-term': 'depthwise', x: x0, y: zoomTop, width: Math.max(1, zdw), height: BAR_H }),
    h('rect', { class: 'cb-bar cb-zoomed bar-pointwise', 'data-term': 'pointwise', x: x0 + zdw, y: zoomTop, width: Math.max(1, span - zdw), height: BAR_H }),
  );
  if (!narrow) {
    nodes.push(
      h('text', { class: 'fig-label', x: x0 - 8, y: rowBottom - BAR_H / 2, 'text-anchor': 'end', 'dominant-baseline': 'central' }, T.share),
      h('text', { class: 'fig-label', x: x0 - 8, y: zoomTop + BAR_H / 2, 'text-anchor': 'end', 'dominant-baseline': 'central' }, T.zoom(zoom)),
    );
  }
  // The legend under both rows: each part's share of the standard layer and of the separable one.
  const pct = (x: number): string => `${toSignificant(x * 100, 3)}%`;
  const long = x1 - x0 >= 500;
  const swatch = (yy: number, cls: string, term: string): SvgNode => h('rect', { class: cls, 'data-term': term, x: x0, y: yy - 10, width: 12, height: 12, rx: 2 });
  const tail = (part: number) => (long ? T.tailLong(pct(part / (dw + pw))) : T.tailShort(pct(part / (dw + pw))));
  y = zoomTop + BAR_H + 18;
  nodes.push(
    swatch(y, 'bar-depthwise', 'depthwise'),
    h('text', { class: 'fig-small', 'data-term': 'depthwise', x: x0 + 17, y }, T.depthwiseShare, quantity('share-depthwise', dw / std, pct(dw / std)), tail(dw)),
    swatch(y + 18, 'bar-pointwise', 'pointwise'),
    h('text', { class: 'fig-small', 'data-term': 'pointwise', x: x0 + 17, y: y + 18 }, ...subscripted(T.pointwiseShare), quantity('share-pointwise', pw / std, pct(pw / std)), tail(pw)),
  );
  y += 18;
  return { node: h('g', { class: 'cb-share' }, nodes), height: y + 6 - top };
}

function render(v: FigureParams, frame: FigureFrame): FigureView {
  const uid = frame.uid;
  const T = words(frame.lang);
  const { k, m, n, df } = v;
  const slide = frame.context === 'slide';
  // A slide's box is wide and short: keep the wide arrangement down to 400 units.
  const narrow = slide ? frame.width < 400 : isNarrow(frame);
  const width = frame.width;
  const title = h('title', { id: `${uid}-title` }, T.svgTitle);
  let std: ConvCost;
  let sep: ConvCost;
  try {
    std = convCost({ kind: 'standard', k, cin: m, cout: n, inH: df });
    sep = convCost({ kind: 'separable', k, cin: m, cout: n, inH: df });
  } catch (e) {
    if (isCostError(e)) return errorView(width, narrow ? 360 : 300, uid, title, costErrorText(e, frame.lang));
    throw e;
  }
  const exact = costRatio(sep.multAdds, std.multAdds);
  const r = rationalToNumber(exact);
  const summary =
    r <= 1
      ? T.summaryCheaper(String(k), String(m), String(n), String(df), toSignificant(r * 100, 3), formatTimes(1 / r), String(k * k))
      : T.summaryDearer(String(k), String(n), toSignificant(r, 3));
  const desc = h('desc', { id: `${uid}-desc` }, T.desc(summary, formatInt(std.multAdds), formatInt(std.params), formatInt(sep.multAdds), formatInt(sep.params)));
  const L: Layout = { width, narrow, slide, x0: narrow ? 0 : 84, x1: narrow ? width : width - 96 };
  const groups: SvgNode[] = [];
  let y = 0;
  const macs = logGroup(L, y, T.macsAxis, MACS_DECADES, [
    { label: T.standard, value: std.multAdds, quantity: 'macs-standard', cls: 'bar-standard' },
    { label: T.separable, value: sep.multAdds, quantity: 'macs-separable', cls: 'bar-separable' },
  ], 'macs');
  groups.push(macs.node);
  y += macs.height + 8;
  const params = logGroup(L, y, T.paramsAxis, PARAMS_DECADES, [
    { label: T.standard, value: std.params, quantity: 'params-standard', cls: 'bar-standard' },
    { label: T.separable, value: sep.params, quantity: 'params-separable', cls: 'bar-separable' },
  ], 'params');
  // A slide keeps to its height: the parameters are the same story, so they go.
  if (!slide) {
    groups.push(params.node);
    y += params.height + 8;
  }
  const share = shareGroup(T, L, y, { std, sep, n, k, ratio: r, exact });
  groups.push(share.node);
  y += share.height;
  const svg = h(
    'svg',
    { viewBox: `0 0 ${width} ${Math.ceil(y)}`, role: 'img', 'aria-labelledby': `${uid}-title ${uid}-desc`, class: 'fig-svg cost-bars' },
    title,
    desc,
    groups,
  );
  // A slide keeps to its height: the picture already states the ratio and its two terms.
  return { svg, tex: slide ? undefined : costRatioTex({ k, m, n, df }, { narrow, terms: true }).tex, summary };
}

export const figure: FigureDef = {
  id: 'cost-bars',
  title: (lang) => words(lang).title,
  chapter: '/depthwise-separable/',
  source: (lang) => words(lang).source,
  params: ['k', 'm', 'n', 'df'],
  render,
};
