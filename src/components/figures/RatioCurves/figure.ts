/**
 * ratio-curves: separable ÷ standard cost, 1/N + 1/D_K² (Howard et al. 2017, eq. 5), against N
 * on a log axis for D_K = 1, 3, 5, 7, each approaching its asymptote 1/D_K² as N grows. The
 * reader's D_K and N are marked. The ratio is the same for params and mult-adds. The two terms of
 * the formula are linked to the picture: 1/D_K² is the reader's asymptote (the pointwise part's
 * floor), 1/N the gap between it and the marker (the depthwise part).
 */
import { scaleLog, type ScaleLogarithmic } from 'd3-scale';
import { rationalToNumber, separableRatio, separableRatioAt } from '../../../lib/cost';
import { formatTimes, toSignificant } from '../../../lib/format';
import { separableRatioTex } from '../../../lib/tex';
import { h, type SvgNode } from '../../figure-kit/svg';
import type { FigureDef, FigureFrame, FigureParams, FigureView } from '../../figure-kit/types';
import { quantity } from '../../figure-kit/marks';
import { isNarrow } from '../../figure-kit/frame';
import { subscripted } from '../../figure-kit/text';
import { linePath } from '../../figure-kit/paths';
import { figureWords } from '../../../i18n/figures';
import { ratioCurvesEn } from '../../../i18n/figures/ratio-curves.en';
import type { Lang } from '../../../i18n';

/** This figure's words in a language (its English ones are bundled with it). */
const words = (lang: Lang): typeof ratioCurvesEn => figureWords(lang, 'ratioCurves', ratioCurvesEn);

type Text = typeof ratioCurvesEn;

/** Kernel sizes always drawn. */
export const CURVE_KERNELS = [1, 3, 5, 7] as const;
export const N_DOMAIN: readonly [number, number] = [1, 2048];
/** Down to 1/121 (D_K = 11, the slider's largest) and up to 1 + 1 (D_K = N = 1). */
const Y_DOMAIN: readonly [number, number] = [0.006, 2.2];
/** Room for the curve labels right of the plot. */
const LABEL_W = 92;

export interface Plot {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
  x: ScaleLogarithmic<number, number>;
  y: ScaleLogarithmic<number, number>;
}

/** The plot area and scales for a frame: as wide as the frame, about 0.6 as tall (less on slides). */
export function plotFor(frame: Pick<FigureFrame, 'width' | 'height' | 'context'>): Plot {
  const slide = frame.context === 'slide';
  const width = frame.width;
  const left = 46;
  const right = width - LABEL_W;
  const plotH = slide ? Math.min(156, (frame.height ?? 236) - 80) : Math.round(Math.min(300, Math.max(190, (right - left) * 0.62)));
  const top = 24;
  const bottom = top + plotH;
  const height = bottom + 56;
  return {
    width,
    height,
    left,
    right,
    top,
    bottom,
    x: scaleLog().domain(N_DOMAIN).range([left, right]),
    y: scaleLog().domain(Y_DOMAIN).range([bottom, top]).clamp(true),
  };
}

const ratioOf = (k: number, n: number): number => rationalToNumber(separableRatio({ k, n }));

/** Paths already sampled, by K and the plot's box (a handful: five curves, a few box sizes). */
const curvePaths = new Map<string, string>();

/**
 * The curve 1/N + 1/K² sampled on a log grid of N (continuous in N for the drawing). A curve
 * depends only on K and the plot's box, so a slider step reuses the paths of the curves it did not
 * move instead of sampling all five again.
 */
function curvePath(p: Plot, k: number): string {
  const key = `${k} ${p.left} ${p.right} ${p.top} ${p.bottom}`;
  let d = curvePaths.get(key);
  if (d === undefined) {
    const steps = 96;
    const ns = Array.from({ length: steps + 1 }, (_, i) => N_DOMAIN[0] * (N_DOMAIN[1] / N_DOMAIN[0]) ** (i / steps));
    // Sampled finely for the bend; on the straighter stretches the line keeps to within a tenth of a unit.
    d = linePath(ns, (n) => p.x(n), (n) => p.y(separableRatioAt(k, n)), 1, 0.1);
    if (curvePaths.size >= 64) curvePaths.clear();
    curvePaths.set(key, d);
  }
  return d;
}

/** Label positions: the wanted ys, pushed apart to at least `gap` in order, kept within [lo, hi]. */
export function spread(ys: readonly number[], gap: number, lo: number, hi: number): number[] {
  const order = ys.map((y, i) => ({ y, i })).sort((a, b) => a.y - b.y);
  const out = order.map((o) => o.y);
  for (let j = 1; j < out.length; j++) out[j] = Math.max(out[j], out[j - 1] + gap);
  const over = out.length ? out[out.length - 1] - hi : 0;
  if (over > 0) {
    out[out.length - 1] -= over;
    for (let j = out.length - 2; j >= 0; j--) out[j] = Math.min(out[j], out[j + 1] - gap);
  }
  for (let j = 0; j < out.length; j++) out[j] = Math.max(lo, out[j]);
  const result: number[] = new Array(ys.length);
  order.forEach((o, j) => (result[o.i] = out[j]));
  return result;
}

function axes(T: Text, p: Plot, narrow: boolean): SvgNode {
  const xt = narrow ? [1, 8, 64, 512] : [1, 4, 16, 64, 256, 1024];
  const yt = narrow || p.bottom - p.top < 200 ? [0.01, 0.1, 1] : [0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2];
  return h(
    'g',
    {},
    h('rect', { class: 'rc-frame', x: p.left, y: p.top, width: p.right - p.left, height: p.bottom - p.top }),
    xt.map((t) =>
      h('g', {}, h('line', { class: 'rc-grid', x1: p.x(t), x2: p.x(t), y1: p.top, y2: p.bottom }), h('text', { class: 'fig-small', x: p.x(t), y: p.bottom + 16, 'text-anchor': 'middle' }, String(t))),
    ),
    yt.map((t) =>
      h('g', {}, h('line', { class: 'rc-grid', x1: p.left, x2: p.right, y1: p.y(t), y2: p.y(t) }), h('text', { class: 'fig-small', x: p.left - 5, y: p.y(t), 'text-anchor': 'end', 'dominant-baseline': 'central' }, String(t))),
    ),
    h('text', { class: 'fig-label', x: (p.left + p.right) / 2, y: p.bottom + 32, 'text-anchor': 'middle' }, narrow ? T.xAxisShort : T.xAxisLong),
    h('text', { class: 'fig-label', x: 0, y: 12 }, T.yAxis),
  );
}

function render(v: FigureParams, frame: FigureFrame): FigureView {
  const uid = frame.uid;
  const T = words(frame.lang);
  const slide = frame.context === 'slide';
  const narrow = slide ? frame.width < 400 : isNarrow(frame);
  const p = plotFor(frame);
  const k = v.k;
  const n = Math.min(v.n, N_DOMAIN[1]);
  const kernels: number[] = [...CURVE_KERNELS];
  if (!kernels.includes(k)) kernels.push(k);
  const exact = separableRatio({ k, n });
  const r = rationalToNumber(exact);
  const labelY = spread(
    kernels.map((kk) => p.y(separableRatioAt(kk, Infinity))),
    14,
    p.top + 6,
    p.bottom,
  );
  const curves = kernels.map((kk, i) => {
    const asym = separableRatioAt(kk, Infinity);
    const current = kk === k;
    return h(
      'g',
      { class: `rc-curve${current ? ' rc-current' : ''}`, 'data-k': kk },
      h('line', { class: 'rc-asymptote', x1: p.left, x2: p.right, y1: p.y(asym), y2: p.y(asym), 'data-asymptote': asym, 'data-term': current ? 'pointwise' : undefined }),
      h('path', { class: 'rc-line', d: curvePath(p, kk) }),
      h('text', { class: current ? 'rc-label-current' : 'fig-small', x: p.right + 4, y: labelY[i], 'dominant-baseline': 'central', 'data-term': current ? 'pointwise' : undefined }, ...subscripted(kk === 1 ? 'D_K=1: 1' : `D_K=${kk}: 1/${kk * kk}`)),
    );
  });
  const px = p.x(n);
  const py = p.y(r);
  const fewer = r < 1 ? T.fewer(formatTimes(1 / r)) : T.costsMore;
  const summary = T.summary(String(k), String(n), String(k * k), toSignificant(r, 3), fewer, toSignificant(1 / (k * k), 3));
  const gapLabel = T.gapLabel(String(n), String(k * k));
  const svg = h(
    'svg',
    { viewBox: `0 0 ${p.width} ${p.height}`, role: 'img', 'aria-labelledby': `${uid}-title ${uid}-desc`, class: 'fig-svg ratio-curves' },
    h('title', { id: `${uid}-title` }, T.svgTitle),
    h(
      'desc',
      { id: `${uid}-desc` },
      T.desc(summary, CURVE_KERNELS.join(', '), CURVE_KERNELS.map((kk) => T.curveAt(String(n), toSignificant(ratioOf(kk, n), 3), String(kk))).join(T.curveSep)),
    ),
    axes(T, p, narrow),
    curves,
    // 1/N drawn: from the reader's asymptote up to the marker.
    h('line', { class: 'rc-gap', x1: px, x2: px, y1: p.y(separableRatioAt(k, Infinity)), y2: py, 'data-term': 'depthwise', 'data-term-label': gapLabel }),
    h('circle', { class: 'rc-marker', cx: px, cy: py, r: 5, 'data-n': n, 'data-k': k }),
    h(
      'text',
      { class: 'fig-result', x: 0, y: p.height - 6 },
      ...subscripted(T.result(String(k), String(n))),
      quantity('ratio', r, toSignificant(r, 3), { 'data-fraction': `${exact.num}/${exact.den}` }),
      narrow ? '' : fewer,
    ),
  );
  return { svg, tex: separableRatioTex({ k, n }, { narrow, terms: true }).tex, summary };
}

export const figure: FigureDef = {
  id: 'ratio-curves',
  title: (lang) => words(lang).title,
  chapter: '/depthwise-separable/',
  source: (lang) => words(lang).source,
  params: ['k', 'n'],
  render,
};
