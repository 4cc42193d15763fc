/**
 * ratio-curves: separable ÷ standard cost, 1/N + 1/D_K² (Howard et al. 2017, eq. 5), against N
 * on a log axis for D_K = 1, 3, 5, 7, each approaching its asymptote 1/D_K² as N grows. The
 * reader's D_K and N are marked. The ratio is the same for params and mult-adds.
 */
import { scaleLog } from 'd3-scale';
import { rationalToNumber, separableRatio } from '../../../lib/cost';
import { formatTimes, toSignificant } from '../../../lib/format';
import { separableRatioTex } from '../../../lib/tex';
import { h, type SvgNode } from '../../figure-kit/svg';
import type { FigureDef, FigureParams, FigureView } from '../../figure-kit/types';
import { quantity } from '../../figure-kit/marks';

const W = 480;
const H = 320;
const PLOT = { left: 46, right: 400, top: 24, bottom: 262 };
/** Kernel sizes always drawn. */
export const CURVE_KERNELS = [1, 3, 5, 7] as const;
export const N_DOMAIN: readonly [number, number] = [1, 2048];
const Y_DOMAIN: readonly [number, number] = [0.015, 2.2];

export const xScale = scaleLog().domain(N_DOMAIN).range([PLOT.left, PLOT.right]);
export const yScale = scaleLog().domain(Y_DOMAIN).range([PLOT.bottom, PLOT.top]).clamp(true);

const ratioOf = (k: number, n: number): number => rationalToNumber(separableRatio({ k, n }));

/** The curve 1/N + 1/K² sampled on a log grid of N (continuous in N for the drawing). */
function curvePath(k: number): string {
  const pts: string[] = [];
  const steps = 96;
  for (let i = 0; i <= steps; i++) {
    const n = N_DOMAIN[0] * (N_DOMAIN[1] / N_DOMAIN[0]) ** (i / steps);
    const r = 1 / n + 1 / (k * k);
    pts.push(`${i === 0 ? 'M' : 'L'}${xScale(n).toFixed(1)},${yScale(r).toFixed(1)}`);
  }
  return pts.join('');
}

function axes(): SvgNode {
  const xt = [1, 4, 16, 64, 256, 1024];
  const yt = [0.02, 0.05, 0.1, 0.2, 0.5, 1, 2];
  return h(
    'g',
    {},
    h('rect', { class: 'rc-frame', x: PLOT.left, y: PLOT.top, width: PLOT.right - PLOT.left, height: PLOT.bottom - PLOT.top }),
    xt.map((t) =>
      h('g', {}, h('line', { class: 'rc-grid', x1: xScale(t), x2: xScale(t), y1: PLOT.top, y2: PLOT.bottom }), h('text', { class: 'fig-small', x: xScale(t), y: PLOT.bottom + 16, 'text-anchor': 'middle' }, String(t))),
    ),
    yt.map((t) =>
      h('g', {}, h('line', { class: 'rc-grid', x1: PLOT.left, x2: PLOT.right, y1: yScale(t), y2: yScale(t) }), h('text', { class: 'fig-small', x: PLOT.left - 5, y: yScale(t), 'text-anchor': 'end', 'dominant-baseline': 'central' }, String(t))),
    ),
    h('text', { class: 'fig-label', x: (PLOT.left + PLOT.right) / 2, y: PLOT.bottom + 34, 'text-anchor': 'middle' }, 'N, output channels (log scale)'),
    h('text', { class: 'fig-label', x: 0, y: 12 }, 'separable ÷ standard (log scale)'),
  );
}

function render(v: FigureParams, uid: string): FigureView {
  const k = v.k;
  const n = Math.min(v.n, N_DOMAIN[1]);
  const kernels: number[] = [...CURVE_KERNELS];
  if (!kernels.includes(k)) kernels.push(k);
  const exact = separableRatio({ k, n });
  const r = rationalToNumber(exact);
  const curves = kernels.map((kk) => {
    const asym = 1 / (kk * kk);
    const current = kk === k;
    return h(
      'g',
      { class: `rc-curve${current ? ' rc-current' : ''}`, 'data-k': kk },
      h('line', { class: 'rc-asymptote', x1: PLOT.left, x2: PLOT.right, y1: yScale(asym), y2: yScale(asym), 'data-asymptote': asym }),
      h('path', { class: 'rc-line', d: curvePath(kk) }),
      h('text', { class: current ? 'rc-label-current' : 'fig-small', x: PLOT.right + 4, y: yScale(asym), 'dominant-baseline': 'central' }, kk === 1 ? 'K=1: 1' : `K=${kk}: 1/${kk * kk}`),
    );
  });
  const px = xScale(n);
  const py = yScale(r);
  const fewer = r < 1 ? ` (${formatTimes(1 / r)} fewer)` : ' (costs more)';
  const summary = `With D_K = ${k} and N = ${n}, a separable layer costs 1/${n} + 1/${k * k} = ${toSignificant(r, 3)} of a standard layer${fewer}; as N grows this approaches 1/${k * k} = ${toSignificant(1 / (k * k), 3)}.`;
  const svg = h(
    'svg',
    { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-labelledby': `${uid}-title ${uid}-desc`, class: 'fig-svg ratio-curves' },
    h('title', { id: `${uid}-title` }, 'The cost ratio 1/N + 1/D_K² against N for several kernel sizes'),
    h(
      'desc',
      { id: `${uid}-desc` },
      `${summary} Curves for D_K = ${CURVE_KERNELS.join(', ')}: ${CURVE_KERNELS.map((kk) => `at N = ${n} the ratio is ${toSignificant(ratioOf(kk, n), 3)} for D_K = ${kk}`).join('; ')}.`,
    ),
    axes(),
    curves,
    h('circle', { class: 'rc-marker', cx: px, cy: py, r: 5, 'data-n': n, 'data-k': k }),
    h(
      'text',
      { class: 'fig-result', x: PLOT.left, y: H - 8 },
      `K = ${k}, N = ${n}: ratio `,
      quantity('ratio', r, toSignificant(r, 3), { 'data-fraction': `${exact.num}/${exact.den}` }),
      fewer,
    ),
  );
  return { svg, tex: separableRatioTex({ k, n }).tex, summary };
}

export const figure: FigureDef = {
  id: 'ratio-curves',
  title: 'The ratio 1/N + 1/D_K² and its asymptote',
  chapter: '/depthwise-separable/',
  source: 'Howard et al. 2017, eq. 5; exact fractions from the site’s cost model',
  params: ['k', 'n'],
  render,
};
