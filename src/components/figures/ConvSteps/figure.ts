/**
 * conv-steps: a depthwise separable convolution worked by hand on a 5×5×3 input of small
 * integers. Steps 1–27 apply the three 3×3 depthwise filters channel by channel (Howard et al.
 * 2017, eq. 3); steps 28–45 mix the three filtered channels into two outputs with the 1×1
 * pointwise kernel. Every output value is printed as the sum of products that made it. All
 * numbers come from the reference convolution (src/lib/conv-reference.ts), seeded.
 */
import { convStepsExample, depthwiseConv2d, pointwiseConv2d, type ConvStep, type FeatureMap } from '../../../lib/conv-reference';
import { h, type SvgNode } from '../../figure-kit/svg';
import type { FigureDef, FigureParams, FigureView } from '../../figure-kit/types';
import { quantity, wrapWords } from '../../figure-kit/marks';

const W = 480;
const H = 456;
const SIZE = 5;
const K = 3;
const M = 3;
const N = 2;
const OUT = SIZE - K + 1;
/** Depthwise values (OUT²·M), then pointwise values (OUT²·N). */
export const STEP_COUNT = OUT * OUT * M + OUT * OUT * N;

/** A number as the page prints it: a true minus sign. */
export function num(x: number): string {
  return x < 0 ? `−${Math.abs(x)}` : String(x);
}
const factor = (x: number): string => (x < 0 ? `(${num(x)})` : num(x));

/** The sum that produced one value: "2·1 + 0·(−1) + … = 7". */
export function sumText(step: ConvStep): string {
  return `${step.terms.map((t) => `${factor(t.input)}·${factor(t.weight)}`).join(' + ')} = ${num(step.value)}`;
}

export interface StepPlan {
  /** 'depthwise' for steps 0–26, 'pointwise' after. */
  phase: 'depthwise' | 'pointwise';
  /** The step shown, clamped to 0 … STEP_COUNT − 1. */
  index: number;
  step: ConvStep;
  /** How many values of each phase are already computed (including this one). */
  dwDone: number;
  pwDone: number;
}

let cached: { seed: number; steps: ReturnType<typeof computeSteps> } | undefined;

/**
 * The worked example for a seed: depthwise result, pointwise result, and step i explained.
 * Memoised for the last seed: every slider on the page redraws every figure, and this one's
 * numbers change only with the seed.
 */
export function stepsFor(seed: number): ReturnType<typeof computeSteps> {
  if (cached?.seed !== seed) cached = { seed, steps: computeSteps(seed) };
  return cached.steps;
}

function computeSteps(seed: number) {
  const ex = convStepsExample(seed);
  const dw = depthwiseConv2d(ex.input, ex.depthwise);
  const pw = pointwiseConv2d(dw.output, ex.pointwise);
  // Depthwise steps go channel by channel: channel m's nine positions, then channel m + 1.
  const dwOrder: ConvStep[] = [];
  for (let m = 0; m < M; m++) for (let p = 0; p < OUT * OUT; p++) dwOrder.push(dw.steps[p * M + m]);
  const at = (i: number): StepPlan => {
    const index = Math.min(STEP_COUNT - 1, Math.max(0, Math.round(Number.isFinite(i) ? i : 0)));
    const nDw = OUT * OUT * M;
    return index < nDw
      ? { phase: 'depthwise', index, step: dwOrder[index], dwDone: index + 1, pwDone: 0 }
      : { phase: 'pointwise', index, step: pw.steps[index - nDw], dwDone: nDw, pwDone: index - nDw + 1 };
  };
  return { ex, dw, pw, dwOrder, at };
}

const value = (map: FeatureMap, y: number, x: number, c: number): number => map.data[(y * map.width + x) * map.channels + c];

/** A grid of numbers; `shown(y, x)` false leaves a cell empty; `hot(y, x)` highlights it. */
function grid(
  x0: number,
  y0: number,
  cell: number,
  rows: number,
  cols: number,
  text: (y: number, x: number) => SvgNode | string | null,
  cls: (y: number, x: number) => string,
): SvgNode {
  const cells: (SvgNode | null)[] = [];
  for (let y = 0; y < rows; y++) {
    for (let x = 0; x < cols; x++) {
      const t = text(y, x);
      cells.push(
        h('rect', { class: `cs-cell ${cls(y, x)}`, x: x0 + x * cell, y: y0 + y * cell, width: cell, height: cell }),
        t === null ? null : h('text', { class: 'cs-num', x: x0 + x * cell + cell / 2, y: y0 + y * cell + cell / 2, 'text-anchor': 'middle', 'dominant-baseline': 'central' }, t),
      );
    }
  }
  return h('g', {}, cells);
}

function render(v: FigureParams, uid: string): FigureView {
  const { ex, dw, pw, at } = stepsFor(v.seed);
  const plan = at(v.step);
  const s = plan.step;
  const isDw = plan.phase === 'depthwise';
  const dwIndexOf = (y: number, x: number, m: number): number => m * OUT * OUT + y * OUT + x;
  const parts: (SvgNode | SvgNode[] | null)[] = [];

  // Row A: the input channels and the depthwise filters.
  parts.push(h('text', { class: 'fig-label', x: 0, y: 16 }, 'Input 5×5×3'), h('text', { class: 'fig-label', x: 290, y: 16 }, 'Depthwise filters 3×3'));
  for (let m = 0; m < M; m++) {
    const x0 = m * 88;
    parts.push(
      grid(x0, 26, 16, SIZE, SIZE, (y, x) => num(value(ex.input, y, x, m)), (y, x) =>
        isDw && s.n === m && y >= s.y && y < s.y + K && x >= s.x && x < s.x + K ? 'cs-window' : m === s.n && isDw ? 'cs-active' : '',
      ),
      h('text', { class: 'fig-small', x: x0, y: 122 }, `channel ${m + 1}`),
    );
    const f0 = 290 + m * 62;
    parts.push(
      grid(f0, 26, 18, K, K, (i, j) => num(ex.depthwise.data[(i * K + j) * M + m]), () => (isDw && s.n === m ? 'cs-filter' : '')),
      h('text', { class: 'fig-small', x: f0, y: 96 }, `filter ${m + 1}`),
    );
  }

  // Row B: depthwise output (filled as computed) and the pointwise weights.
  parts.push(h('text', { class: 'fig-label', x: 0, y: 152 }, 'Depthwise output 3×3×3'), h('text', { class: 'fig-label', x: 290, y: 152 }, 'Pointwise 1×1 weights'));
  for (let m = 0; m < M; m++) {
    const x0 = m * 84;
    parts.push(
      grid(
        x0,
        162,
        24,
        OUT,
        OUT,
        (y, x) => (dwIndexOf(y, x, m) < plan.dwDone ? quantity('dw-output', value(dw.output, y, x, m), num(value(dw.output, y, x, m))) : null),
        (y, x) =>
          isDw && s.n === m && s.y === y && s.x === x ? 'cs-current' : !isDw && s.y === y && s.x === x ? 'cs-window' : dwIndexOf(y, x, m) < plan.dwDone ? 'cs-done' : '',
      ),
      h('text', { class: 'fig-small', x: x0, y: 250 }, `channel ${m + 1}`),
    );
  }
  parts.push(
    grid(330, 162, 24, M, N, (m, n) => num(ex.pointwise.data[m * N + n]), (_, n) => (!isDw && s.n === n ? 'cs-filter' : '')),
    Array.from({ length: M }, (_, m) => h('text', { class: 'fig-small', x: 324, y: 174 + m * 24, 'text-anchor': 'end' }, `from ${m + 1}`)),
    Array.from({ length: N }, (_, n) => h('text', { class: 'fig-small', x: 342 + n * 24, y: 250, 'text-anchor': 'middle' }, `→${n + 1}`)),
  );

  // Row C: the output, filled as computed, and where we are.
  parts.push(h('text', { class: 'fig-label', x: 0, y: 284 }, 'Output 3×3×2'));
  for (let n = 0; n < N; n++) {
    const x0 = n * 104;
    parts.push(
      grid(
        x0,
        294,
        30,
        OUT,
        OUT,
        (y, x) => {
          const k = (y * OUT + x) * N + n;
          return k < plan.pwDone ? quantity('output', pw.output.data[k], num(pw.output.data[k])) : null;
        },
        (y, x) => (!isDw && s.n === n && s.y === y && s.x === x ? 'cs-current' : (y * OUT + x) * N + n < plan.pwDone ? 'cs-done' : ''),
      ),
      h('text', { class: 'fig-small', x: x0, y: 400 }, `output ${n + 1}`),
    );
  }
  const where = isDw
    ? [`Depthwise, channel ${s.n + 1}:`, `filter ${s.n + 1} on the window`, `at row ${s.y + 1}, column ${s.x + 1}`]
    : [`Pointwise, output ${s.n + 1}:`, `the 3 filtered channels at`, `row ${s.y + 1}, column ${s.x + 1}, weighted`];
  parts.push(
    h('text', { class: 'fig-heading', x: 226, y: 304 }, `Step ${plan.index + 1} of ${STEP_COUNT}`),
    where.map((line, i) => h('text', { class: 'fig-small', x: 226, y: 326 + i * 17 }, line)),
  );

  // Row D: the sum that made the current value.
  const lines = wrapWords(sumText(s).replace(/ = [^=]*$/, ''), 64);
  parts.push(
    h(
      'text',
      { class: 'cs-sum', 'data-role': 'sum' },
      lines.map((line, i) => h('tspan', { x: 0, y: 428 + i * 18 }, line)),
      h('tspan', { class: 'cs-result' }, ' = ', quantity('step-value', s.value, num(s.value))),
    ),
  );

  const summary = isDw
    ? `Step ${plan.index + 1} of ${STEP_COUNT}: depthwise filter ${s.n + 1} at row ${s.y + 1}, column ${s.x + 1} gives ${sumText(s)}.`
    : `Step ${plan.index + 1} of ${STEP_COUNT}: pointwise output ${s.n + 1} at row ${s.y + 1}, column ${s.x + 1} gives ${sumText(s)}.`;
  const svg = h(
    'svg',
    { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-labelledby': `${uid}-title ${uid}-desc`, class: 'fig-svg conv-steps', 'data-step': plan.index, 'data-phase': plan.phase },
    h('title', { id: `${uid}-title` }, 'A depthwise separable convolution worked step by step'),
    h('desc', { id: `${uid}-desc` }, `${summary} The 5×5×3 input is filtered channel by channel into 3×3×3, then mixed by a 1×1 kernel into 3×3×2.`),
    parts,
  );
  return { svg, summary };
}

export const figure: FigureDef = {
  id: 'conv-steps',
  title: 'A depthwise separable convolution, step by step',
  chapter: '/depthwise-separable/',
  source: 'A reference convolution on seeded integers, computed by the site',
  params: ['step', 'seed'],
  steps: STEP_COUNT,
  render,
};
