/**
 * activations: ReLU, ReLU6 and the identity on one plot (Sandler et al. 2018, §3.2 and §4; ReLU6
 * = min(max(z, 0), 6), from Howard et al. 2017). The `act` parameter picks the one drawn strong;
 * values come from `activate` in src/lib/manifold.ts, the same σ the spiral experiment uses.
 */
import { activate, type Activation } from '../../../lib/manifold';
import { PARAMS } from '../../../lib/params';
import { h, type SvgNode } from '../../figure-kit/svg';
import type { FigureDef, FigureFrame, FigureParams, FigureView } from '../../figure-kit/types';
import { quantity } from '../../figure-kit/marks';

const W = 420;
const H = 250;
const X = { min: -4, max: 9 };
const Y = { min: -4, max: 9 };
const BOX = { x0: 36, x1: 300, y0: 12, y1: 222 };
const ACTS: readonly Activation[] = ['relu', 'relu6', 'linear'];
const NAMES = ['ReLU', 'ReLU6', 'linear'];

/** Plot coordinates of z (horizontal) and σ(z) (vertical). */
export const px = (z: number): number => BOX.x0 + ((z - X.min) / (X.max - X.min)) * (BOX.x1 - BOX.x0);
export const py = (s: number): number => BOX.y1 - ((s - Y.min) / (Y.max - Y.min)) * (BOX.y1 - BOX.y0);

/** σ sampled at the breakpoints that matter (−4, 0, 6, 9): a polyline is exact for these σ. */
export function curve(a: Activation): [number, number][] {
  return [X.min, 0, 6, X.max].map((z) => [z, activate(z, a)]);
}

function render(v: FigureParams, frame: FigureFrame): FigureView {
  const uid = frame.uid;
  const chosen = Math.min(2, Math.max(0, Math.round(v.act)));
  const grid: SvgNode[] = [];
  for (let z = -4; z <= 8; z += 2) {
    grid.push(h('line', { class: 'act-grid', x1: px(z), x2: px(z), y1: BOX.y0, y2: BOX.y1 }));
    grid.push(h('line', { class: 'act-grid', x1: BOX.x0, x2: BOX.x1, y1: py(z), y2: py(z) }));
    grid.push(h('text', { class: 'fig-small', x: px(z), y: BOX.y1 + 15, 'text-anchor': 'middle' }, String(z)));
    grid.push(h('text', { class: 'fig-small', x: BOX.x0 - 6, y: py(z) + 4, 'text-anchor': 'end' }, String(z)));
  }
  const lines = ACTS.map((a, i) =>
    h('path', {
      class: `act-line act-${a}${i === chosen ? ' act-chosen' : ''}`,
      d: curve(a).map(([z, s], j) => `${j ? 'L' : 'M'}${px(z).toFixed(1)} ${py(s).toFixed(1)}`).join(''),
      'data-activation': a,
    }),
  );
  // Draw the chosen one last so it sits on top.
  const ordered = [...lines.filter((_, i) => i !== chosen), lines[chosen]];
  const legend = ACTS.map((a, i) =>
    h(
      'g',
      { transform: `translate(318 ${40 + i * 26})` },
      h('line', { class: `act-line act-${a}${i === chosen ? ' act-chosen' : ''}`, x1: 0, x2: 22, y1: -4, y2: -4 }),
      h('text', { class: i === chosen ? 'fig-heading' : 'fig-label', x: 28, y: 0 }, NAMES[i]),
    ),
  );
  const sample = 8;
  const out = activate(sample, ACTS[chosen]);
  const name = PARAMS.act.choices?.[chosen] ?? NAMES[chosen];
  const summary = `${name} selected: σ(${sample}) = ${out}. ReLU is max(0, z), ReLU6 is min(max(0, z), 6), linear passes z through.`;
  const svg = h(
    'svg',
    { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-labelledby': `${uid}-title ${uid}-desc`, class: 'fig-svg' },
    h('title', { id: `${uid}-title` }, 'ReLU, ReLU6 and linear activations'),
    h('desc', { id: `${uid}-desc` }, `Three activation functions σ(z) for z from −4 to 9: ReLU = max(0, z) is 0 for negative z and z above; ReLU6 = min(max(0, z), 6) also stops at 6; linear is σ(z) = z. ${summary}`),
    grid,
    h('line', { class: 'act-axis', x1: px(0), x2: px(0), y1: BOX.y0, y2: BOX.y1 }),
    h('line', { class: 'act-axis', x1: BOX.x0, x2: BOX.x1, y1: py(0), y2: py(0) }),
    ordered,
    legend,
    h('text', { class: 'fig-small', x: 318, y: 138 }, 'z → σ(z)'),
    h('text', { class: 'fig-value', x: 318, y: 160 }, `σ(${sample}) = `, quantity('activation-at-8', out, String(out))),
    h('text', { class: 'fig-small', x: BOX.x1, y: BOX.y1 + 28, 'text-anchor': 'end' }, 'z'),
  );
  return { svg, summary };
}

export const figure: FigureDef = {
  id: 'activations',
  title: 'ReLU, ReLU6 and linear',
  chapter: '/linear-bottlenecks/',
  source: 'Sandler et al. 2018, §3.2 and §4',
  params: ['act'],
  render,
};
