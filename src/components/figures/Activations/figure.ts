/**
 * activations: ReLU, ReLU6 and the identity on one plot (Sandler et al. 2018, §3.2 and §4; ReLU6
 * = min(max(z, 0), 6), from Howard et al. 2017). The `act` parameter picks the one drawn strong;
 * values come from `activate` in src/lib/manifold.ts, the same σ the spiral experiment uses.
 *
 * Layout (frame.width units): a square plot with equal scales on both axes, so σ(z) = z is the
 * diagonal; the legend beside it where there is room, below it on a phone. On a slide the plot
 * is as tall as the slide allows.
 */
import { activate, type Activation } from '../../../lib/manifold';
import { figureWords } from '../../../i18n/figures';
import { activationsEn } from '../../../i18n/figures/activations.en';
import type { Lang } from '../../../i18n';
import { paramText } from '../../../i18n/params';
import { h, type SvgNode } from '../../figure-kit/svg';
import type { FigureDef, FigureFrame, FigureParams, FigureView } from '../../figure-kit/types';
import { quantity } from '../../figure-kit/marks';
import { isNarrow } from '../../figure-kit/frame';
import { linePath } from '../../figure-kit/paths';

/** This figure's words in a language (its English ones are bundled with it). */
const words = (lang: Lang): typeof activationsEn => figureWords(lang, 'activations', activationsEn);

const X = { min: -4, max: 9 };
const Y = { min: -4, max: 9 };
const ACTS: readonly Activation[] = ['relu', 'relu6', 'linear'];
/** The input whose output the figure prints: past 6, where ReLU6 and ReLU part. */
export const SAMPLE = 8;
/**
 * Tallest slide picture that lecture.css shows at full size on a 1280×720 screen (46vh = 331 px,
 * at 1.4 px per unit); frame.height may allow more.
 */
const SLIDE_FIT = 236;
/** Space left of the plot (tick labels), below it (tick labels and the z label), above it. */
const M = { left: 32, bottom: 34, top: 8 };
const LEGEND_W = 150;

/** The plot box for a frame: a square of side `size` at (x0, y0), and where the legend goes. */
export interface ActivationsLayout {
  readonly size: number;
  readonly x0: number;
  readonly y0: number;
  readonly legend: 'right' | 'below';
  readonly height: number;
}

/** layout(frame): the largest square plot that fits, with its legend beside or below it. */
export function layout(frame: FigureFrame): ActivationsLayout {
  const W = frame.width;
  if (frame.context === 'slide') {
    const tall = Math.min(frame.height ?? SLIDE_FIT, SLIDE_FIT);
    const size = Math.max(120, Math.min(tall - M.top - M.bottom, W - M.left - LEGEND_W - 16));
    return { size, x0: M.left, y0: M.top, legend: 'right', height: M.top + size + M.bottom };
  }
  if (isNarrow(frame)) {
    const size = Math.max(120, Math.min(320, W - M.left - 8));
    return { size, x0: M.left, y0: M.top, legend: 'below', height: M.top + size + M.bottom + 62 };
  }
  const size = Math.min(300, W - M.left - LEGEND_W - 24);
  return { size, x0: M.left, y0: M.top, legend: 'right', height: M.top + size + M.bottom };
}

/** σ sampled at the breakpoints that matter (−4, 0, 6, 9): a polyline is exact for these σ. */
export function curve(a: Activation): [number, number][] {
  return [X.min, 0, 6, X.max].map((z) => [z, activate(z, a)]);
}

/** Plot coordinates of z (horizontal) and σ(z) (vertical) in a layout's square. */
export function scales(L: ActivationsLayout): { px: (z: number) => number; py: (s: number) => number } {
  return {
    px: (z) => L.x0 + ((z - X.min) / (X.max - X.min)) * L.size,
    py: (s) => L.y0 + L.size - ((s - Y.min) / (Y.max - Y.min)) * L.size,
  };
}

function render(v: FigureParams, frame: FigureFrame): FigureView {
  const uid = frame.uid;
  const T = words(frame.lang);
  const W = frame.width;
  const L = layout(frame);
  const { px, py } = scales(L);
  const chosen = Math.min(2, Math.max(0, Math.round(v.act)));
  const bottom = L.y0 + L.size;
  const grid: SvgNode[] = [];
  for (let z = -4; z <= 8; z += 2) {
    grid.push(h('line', { class: 'act-grid', x1: px(z), x2: px(z), y1: L.y0, y2: bottom }));
    grid.push(h('line', { class: 'act-grid', x1: L.x0, x2: L.x0 + L.size, y1: py(z), y2: py(z) }));
    const label = String(z).replace('-', '−');
    grid.push(h('text', { class: 'fig-small', x: px(z), y: bottom + 15, 'text-anchor': 'middle' }, label));
    // The corner shows −4 once, on the z axis.
    if (z > -4) grid.push(h('text', { class: 'fig-small', x: L.x0 - 6, y: py(z) + 4, 'text-anchor': 'end' }, label));
  }
  const lines = ACTS.map((a, i) =>
    h('path', {
      class: `act-line act-${a}${i === chosen ? ' act-chosen' : ''}`,
      d: linePath(curve(a), ([z]) => px(z), ([, s]) => py(s)),
      'data-activation': a,
    }),
  );
  // Draw the chosen one last so it sits on top.
  const ordered = [...lines.filter((_, i) => i !== chosen), lines[chosen]];
  const out = activate(SAMPLE, ACTS[chosen]);
  // Where the legend starts: right of the plot, or under it.
  const lx = L.legend === 'right' ? L.x0 + L.size + 20 : 0;
  const ly = L.legend === 'right' ? L.y0 + 20 : bottom + M.bottom + 14;
  const legend = ACTS.map((a, i) => {
    const at = L.legend === 'right' ? { x: lx, y: ly + i * 26 } : { x: lx + i * Math.floor(W / 3), y: ly };
    return h(
      'g',
      { transform: `translate(${at.x} ${at.y})` },
      h('line', { class: `act-line act-${a}${i === chosen ? ' act-chosen' : ''}`, x1: 0, x2: 22, y1: -4, y2: -4 }),
      h('text', { class: i === chosen ? 'fig-heading' : 'fig-label', x: 28, y: 0 }, T.names[i]),
    );
  });
  const valueAt = L.legend === 'right' ? { x: lx, y: ly + 3 * 26 + 16 } : { x: 0, y: ly + 26 };
  const name = paramText(frame.lang).choices.act[chosen] ?? T.names[chosen];
  const summary = T.summary(name, String(SAMPLE), String(out));
  const svg = h(
    'svg',
    { viewBox: `0 0 ${W} ${L.height}`, role: 'img', 'aria-labelledby': `${uid}-title ${uid}-desc`, class: 'fig-svg act', 'data-layout': frame.context === 'slide' ? 'slide' : L.legend === 'below' ? 'narrow' : 'wide' },
    h('title', { id: `${uid}-title` }, T.svgTitle),
    h('desc', { id: `${uid}-desc` }, T.desc(summary)),
    grid,
    h('line', { class: 'act-axis', x1: px(0), x2: px(0), y1: L.y0, y2: bottom }),
    h('line', { class: 'act-axis', x1: L.x0, x2: L.x0 + L.size, y1: py(0), y2: py(0) }),
    ordered,
    // σ(8) on the chosen curve: a guide down to z = 8 and a dot that glides when σ changes.
    h('line', { class: 'act-guide', x1: px(SAMPLE), x2: px(SAMPLE), y1: py(0), y2: L.y0 }),
    h('circle', { class: 'act-sample', cx: 0, cy: 0, r: 5, style: `transform: translate(${px(SAMPLE).toFixed(1)}px, ${py(out).toFixed(1)}px)`, 'data-sample': out }),
    legend,
    h('text', { class: 'fig-value fig-heading', x: valueAt.x, y: valueAt.y }, `σ(${SAMPLE}) = `, quantity('activation-at-8', out, String(out))),
    h('text', { class: 'fig-small', x: L.x0 + L.size, y: bottom + 30, 'text-anchor': 'end' }, 'z → σ(z)'),
  );
  return { svg, summary };
}

export const figure: FigureDef = {
  id: 'activations',
  title: (lang) => words(lang).title,
  chapter: '/linear-bottlenecks/',
  source: (lang) => words(lang).source,
  params: ['act'],
  render,
};
