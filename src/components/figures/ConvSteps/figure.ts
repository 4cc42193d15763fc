/**
 * conv-steps: a convolution worked by hand on a 5×5×3 input of small integers, in two modes
 * chosen by the page's layer type:
 *
 *   standard (layer 0)   two 3×3×3 kernels; each step applies one kernel slice to one channel's
 *                        window and adds it to the running total, so after three steps one output
 *                        value is made from all three channels (Howard et al. 2017, eq. 1): 54 steps
 *   separable (other)    steps 1–27 apply the three 3×3 depthwise filters channel by channel
 *                        (eq. 3); steps 28–45 mix the three filtered channels into two outputs with
 *                        the 1×1 pointwise kernel: 45 steps
 *
 * Every value is printed as the sum of products that made it. All numbers come from the reference
 * convolution (src/lib/conv-reference.ts), seeded. The picture is a flow of blocks (input, kernels,
 * outputs, the sum) laid out in rows for the frame's width; highlights are single outlines drawn
 * over the grids.
 */
import { conv2d, convStepsExample, convStepsStandardExample, depthwiseConv2d, pointwiseConv2d, type ConvStep, type FeatureMap } from '../../../lib/conv-reference';
import { h, type SvgNode } from '../../figure-kit/svg';
import type { FigureDef, FigureFrame, FigureParams, FigureView } from '../../figure-kit/types';
import { quantity, wrapWords } from '../../figure-kit/marks';
import { isNarrow } from '../../figure-kit/frame';
import { textUnits } from '../../figure-kit/text';
import { figureWords } from '../../../i18n/figures';
import { convStepsEn } from '../../../i18n/figures/conv-steps.en';
import type { Lang } from '../../../i18n';

/** This figure's words in a language (its English ones are bundled with it). */
const words = (lang: Lang): typeof convStepsEn => figureWords(lang, 'convSteps', convStepsEn);

const SIZE = 5;
const K = 3;
const M = 3;
const N = 2;
const OUT = SIZE - K + 1;
/** Separable: depthwise values (OUT²·M), then pointwise values (OUT²·N). */
export const STEP_COUNT = OUT * OUT * M + OUT * OUT * N;
/** Standard: one step per (output channel, position, input channel). */
export const STANDARD_STEP_COUNT = N * OUT * OUT * M;

export type Mode = 'standard' | 'separable';
/** The mode for the page's layer type: 0 (standard) is the standard layer, any other the separable one. */
export const modeOf = (layer: number): Mode => (layer === 0 ? 'standard' : 'separable');
export const stepCount = (mode: Mode): number => (mode === 'standard' ? STANDARD_STEP_COUNT : STEP_COUNT);

/** A number as the page prints it: a true minus sign. */
export function num(x: number): string {
  return x < 0 ? `−${Math.abs(x)}` : String(x);
}
const factor = (x: number): string => (x < 0 ? `(${num(x)})` : num(x));

/** The sum that produced one value: "2·1 + 0·(−1) + … = 7". */
export function sumText(step: Pick<ConvStep, 'terms' | 'value'>): string {
  return `${step.terms.map((t) => `${factor(t.input)}·${factor(t.weight)}`).join(' + ')} = ${num(step.value)}`;
}

const clampStep = (i: number, count: number): number => Math.min(count - 1, Math.max(0, Math.round(Number.isFinite(i) ? i : 0)));

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
 * The separable worked example for a seed: depthwise result, pointwise result, and step i
 * explained. Memoised for the last seed: every slider on the page redraws every figure, and this
 * one's numbers change only with the seed.
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
    const index = clampStep(i, STEP_COUNT);
    const nDw = OUT * OUT * M;
    return index < nDw
      ? { phase: 'depthwise', index, step: dwOrder[index], dwDone: index + 1, pwDone: 0 }
      : { phase: 'pointwise', index, step: pw.steps[index - nDw], dwDone: nDw, pwDone: index - nDw + 1 };
  };
  return { ex, dw, pw, dwOrder, at };
}

/** One step of the standard example: kernel n's slice m on channel m's window at (y, x). */
export interface StandardPlan {
  index: number;
  /** Output channel, position and the input channel added in this step. */
  n: number;
  y: number;
  x: number;
  m: number;
  /** This channel's nine products and their sum. */
  part: { terms: ConvStep['terms']; value: number };
  /** Sums of channels 0 … m (the running total is their sum). */
  partials: number[];
  /** The finished output value once m is the last channel. */
  value: number;
  /** Output values finished so far, as indices into the output (HWC). */
  done: number;
}

let cachedStd: { seed: number; steps: ReturnType<typeof computeStandard> } | undefined;

/** The standard worked example for a seed (memoised like stepsFor). */
export function standardStepsFor(seed: number): ReturnType<typeof computeStandard> {
  if (cachedStd?.seed !== seed) cachedStd = { seed, steps: computeStandard(seed) };
  return cachedStd.steps;
}

function computeStandard(seed: number) {
  const ex = convStepsStandardExample(seed);
  const conv = conv2d(ex.input, ex.kernel);
  /** Output (y, x, n)'s index in HWC order. */
  const outIndex = (y: number, x: number, n: number): number => (y * OUT + x) * N + n;
  // Output channel by channel, each position, each input channel.
  const at = (i: number): StandardPlan => {
    const index = clampStep(i, STANDARD_STEP_COUNT);
    const m = index % M;
    const p = Math.floor(index / M) % (OUT * OUT);
    const n = Math.floor(index / (M * OUT * OUT));
    const y = Math.floor(p / OUT);
    const x = p % OUT;
    const full = conv.steps[outIndex(y, x, n)];
    const partials = Array.from({ length: m + 1 }, (_, c) => full.terms.filter((t) => t.m === c).reduce((s, t) => s + t.input * t.weight, 0));
    const terms = full.terms.filter((t) => t.m === m);
    return { index, n, y, x, m, part: { terms, value: partials[m] }, partials, value: full.value, done: n * OUT * OUT + p + (m === M - 1 ? 1 : 0) };
  };
  /** Whether output (y, x, n) is finished after `done` outputs in stepping order. */
  const isDone = (y: number, x: number, n: number, done: number): boolean => n * OUT * OUT + y * OUT + x < done;
  return { ex, conv, at, outIndex, isDone };
}

const value = (map: FeatureMap, y: number, x: number, c: number): number => map.data[(y * map.width + x) * map.channels + c];

/** Cell sizes and spacing for a layout. */
interface Sizes {
  input: number;
  filter: number;
  mid: number;
  out: number;
  gap: number;
  /** Per-grid captions under the grids (left out on slides, to keep them short). */
  captions: boolean;
}

/** A block of the picture: its size and how to draw it at (x, y). */
interface Block {
  w: number;
  h: number;
  draw(x: number, y: number): SvgNode;
}

/**
 * A grid of numbers; `text(y, x)` null leaves a cell empty; cells take the class `cls(y, x)`. The
 * grid is placed by a translate and its cells are drawn from its own corner, so grids of one size
 * repeat the same markup but for their numbers, which the page's compression takes up.
 */
function grid(x0: number, y0: number, cell: number, rows: number, cols: number, text: (y: number, x: number) => SvgNode | string | null, cls: (y: number, x: number) => string): SvgNode {
  const cells: (SvgNode | null)[] = [];
  for (let y = 0; y < rows; y++) {
    for (let x = 0; x < cols; x++) {
      const t = text(y, x);
      cells.push(
        h('rect', { class: `cs-cell ${cls(y, x)}`.trim(), x: x * cell, y: y * cell, width: cell, height: cell }),
        t === null ? null : h('text', { class: 'cs-num', x: x * cell + cell / 2, y: y * cell + cell / 2, 'text-anchor': 'middle', 'dominant-baseline': 'central' }, t),
      );
    }
  }
  const at = (v: number) => Math.round(v * 100) / 100;
  return h('g', { transform: `translate(${at(x0)} ${at(y0)})` }, cells);
}

/** One outline over grid cells (never per-cell strokes, which overdraw each other's edges). */
function outline(cls: string, x0: number, y0: number, cell: number, row: number, col: number, rows: number, cols: number): SvgNode {
  return h('rect', { class: `cs-hl ${cls}`, x: x0 + col * cell, y: y0 + row * cell, width: cols * cell, height: rows * cell });
}

/** A row of `count` grids with a label above and captions below; `each(i, x, y)` draws grid i. */
function gridRow(label: string, count: number, rows: number, cols: number, cell: number, z: Sizes, caption: (i: number) => string, each: (i: number, x: number, y: number) => SvgNode[], lead = 0): Block {
  // At least as wide as its label (12 px text, about 6.8 units a character).
  const w = Math.max(lead + count * cols * cell + (count - 1) * z.gap, Math.ceil(textUnits(label) * 6.8));
  const h0 = 16 + rows * cell + (z.captions ? 16 : 4);
  return {
    w,
    h: h0,
    draw: (x, y) =>
      h(
        'g',
        {},
        h('text', { class: 'fig-label', x, y: y + 12 }, label),
        Array.from({ length: count }, (_, i) => {
          const gx = x + lead + i * (cols * cell + z.gap);
          return [each(i, gx, y + 18), z.captions ? h('text', { class: 'fig-small', x: gx, y: y + 18 + rows * cell + 13 }, caption(i)) : null];
        }),
      ),
  };
}

/** Blocks placed left to right, wrapping into rows that fit `width`; returns the nodes and the height. */
function flow(blocks: Block[], width: number, top: number): { nodes: SvgNode[]; bottom: number } {
  const nodes: SvgNode[] = [];
  let x = 0;
  let y = top;
  let rowH = 0;
  for (const b of blocks) {
    if (x > 0 && x + b.w > width) {
      y += rowH + 10;
      x = 0;
      rowH = 0;
    }
    nodes.push(b.draw(x, y));
    x += b.w + 22;
    rowH = Math.max(rowH, b.h);
  }
  return { nodes, bottom: y + rowH };
}

/** Text under the grids: the step, what it does (not on slides), the sum, and a running total. */
function textLines(frame: FigureFrame, top: number, heading: string, what: string, sum: string, result: SvgNode, extra?: string): { nodes: SvgNode[]; bottom: number } {
  const width = frame.width;
  const slide = frame.context === 'slide';
  const small = Math.max(24, Math.floor(width / 6.9));
  let y = top + 14;
  const nodes: SvgNode[] = [h('text', { class: 'fig-heading', x: 0, y }, heading)];
  if (!slide) {
    for (const l of wrapWords(what, small)) {
      y += 17;
      nodes.push(h('text', { class: 'fig-small', x: 0, y }, l));
    }
  }
  y += 21;
  // The result (" = −10") follows the last line: leave it room.
  const sumLines = wrapWords(sum, Math.max(24, Math.floor(width / 7.4) - 7));
  nodes.push(h('text', { class: 'cs-sum', 'data-role': 'sum' }, sumLines.map((l, i) => h('tspan', { x: 0, y: y + i * 18 }, l)), h('tspan', { class: 'cs-result' }, ' = ', result)));
  y += (sumLines.length - 1) * 18;
  if (extra) {
    for (const l of wrapWords(extra, small)) {
      y += 18;
      nodes.push(h('text', { class: 'fig-small', 'data-role': 'running', x: 0, y }, l));
    }
  }
  return { nodes, bottom: y + 8 };
}

function sizesFor(frame: FigureFrame): Sizes {
  if (frame.context === 'slide') return { input: 12, filter: 16, mid: 20, out: 18, gap: 8, captions: false };
  if (isNarrow(frame)) return { input: 16, filter: 18, mid: 24, out: 28, gap: 8, captions: true };
  const g = Math.min(1.25, Math.max(1, (frame.width - 80) / 680));
  return { input: Math.round(18 * g), filter: Math.round(20 * g), mid: Math.round(26 * g), out: Math.round(30 * g), gap: 10, captions: true };
}

function separableView(v: FigureParams, frame: FigureFrame): { parts: SvgNode[]; height: number; summary: string; attrs: Record<string, string | number> } {
  const T = words(frame.lang);
  const z = sizesFor(frame);
  const { ex, dw, pw, at } = stepsFor(v.seed);
  const plan = at(v.step);
  const s = plan.step;
  const isDw = plan.phase === 'depthwise';
  const dwIndexOf = (y: number, x: number, m: number): number => m * OUT * OUT + y * OUT + x;
  const inputs = gridRow(T.input, M, SIZE, SIZE, z.input, z, (m) => T.channel(String(m + 1)), (m, x, y) => [
    grid(x, y, z.input, SIZE, SIZE, (yy, xx) => num(value(ex.input, yy, xx, m)), () => (isDw && s.n === m ? 'cs-active' : '')),
    isDw && s.n === m ? outline('cs-hl-dw', x, y, z.input, s.y, s.x, K, K) : h('g', {}),
  ]);
  const filters = gridRow(T.depthwiseFilters, M, K, K, z.filter, z, (m) => T.filter(String(m + 1)), (m, x, y) => [
    grid(x, y, z.filter, K, K, (i, j) => num(ex.depthwise.data[(i * K + j) * M + m]), () => ''),
    isDw && s.n === m ? outline('cs-hl-dw', x, y, z.filter, 0, 0, K, K) : h('g', {}),
  ]);
  const mids = gridRow(T.depthwiseOutput, M, OUT, OUT, z.mid, z, (m) => T.channel(String(m + 1)), (m, x, y) => [
    grid(
      x,
      y,
      z.mid,
      OUT,
      OUT,
      (yy, xx) => (dwIndexOf(yy, xx, m) < plan.dwDone ? quantity('dw-output', value(dw.output, yy, xx, m), num(value(dw.output, yy, xx, m))) : null),
      (yy, xx) => (dwIndexOf(yy, xx, m) < plan.dwDone ? 'cs-done' : ''),
    ),
    isDw && s.n === m ? outline('cs-hl-current', x, y, z.mid, s.y, s.x, 1, 1) : !isDw ? outline('cs-hl-pw', x, y, z.mid, s.y, s.x, 1, 1) : h('g', {}),
  ]);
  const lead = 46;
  const pwBlock = gridRow(T.pointwise, 1, M, N, z.mid, z, () => '', (_, x, y) => [
    grid(x, y, z.mid, M, N, (m, n) => num(ex.pointwise.data[m * N + n]), () => ''),
    ...Array.from({ length: M }, (_, m) => h('text', { class: 'fig-small', x: x - 6, y: y + m * z.mid + z.mid / 2, 'text-anchor': 'end', 'dominant-baseline': 'central' }, T.from(String(m + 1)))),
    ...Array.from({ length: N }, (_, n) => (z.captions ? h('text', { class: 'fig-small', x: x + n * z.mid + z.mid / 2, y: y + M * z.mid + 13, 'text-anchor': 'middle' }, `→${n + 1}`) : null)).filter((n): n is SvgNode => n !== null),
    !isDw ? outline('cs-hl-pw', x, y, z.mid, 0, s.n, M, 1) : h('g', {}),
  ], lead);
  const outs = gridRow(T.output, N, OUT, OUT, z.out, z, (n) => T.outputN(String(n + 1)), (n, x, y) => [
    grid(
      x,
      y,
      z.out,
      OUT,
      OUT,
      (yy, xx) => {
        const k = (yy * OUT + xx) * N + n;
        return k < plan.pwDone ? quantity('output', pw.output.data[k], num(pw.output.data[k])) : null;
      },
      (yy, xx) => ((yy * OUT + xx) * N + n < plan.pwDone ? 'cs-done' : ''),
    ),
    !isDw && s.n === n ? outline('cs-hl-current', x, y, z.out, s.y, s.x, 1, 1) : h('g', {}),
  ]);
  const laid = flow([inputs, filters, mids, pwBlock, outs], frame.width, 0);
  const what = isDw
    ? T.dwWhat(String(s.n + 1), String(s.y + 1), String(s.x + 1))
    : T.pwWhat(String(s.n + 1), String(s.y + 1), String(s.x + 1));
  const heading = (isDw ? T.dwHeading : T.pwHeading)(String(plan.index + 1), String(STEP_COUNT));
  const text = textLines(frame, laid.bottom + 6, heading, what, sumText(s).replace(/ = [^=]*$/, ''), quantity('step-value', s.value, num(s.value)));
  const summary = isDw
    ? T.dwSummary(String(plan.index + 1), String(STEP_COUNT), String(s.n + 1), String(s.y + 1), String(s.x + 1), sumText(s))
    : T.pwSummary(String(plan.index + 1), String(STEP_COUNT), String(s.n + 1), String(s.y + 1), String(s.x + 1), sumText(s));
  return { parts: [...laid.nodes, ...text.nodes], height: text.bottom, summary: T.separableEnd(summary), attrs: { 'data-step': plan.index, 'data-phase': plan.phase } };
}

function standardView(v: FigureParams, frame: FigureFrame): { parts: SvgNode[]; height: number; summary: string; attrs: Record<string, string | number> } {
  const T = words(frame.lang);
  const z = sizesFor(frame);
  const { ex, conv, at, outIndex, isDone } = standardStepsFor(v.seed);
  const p = at(v.step);
  const weight = (i: number, j: number, m: number, n: number): number => ex.kernel.data[((i * K + j) * M + m) * N + n];
  const inputs = gridRow(T.input, M, SIZE, SIZE, z.input, z, (m) => T.channel(String(m + 1)), (m, x, y) => [
    grid(x, y, z.input, SIZE, SIZE, (yy, xx) => num(value(ex.input, yy, xx, m)), () => (m === p.m ? 'cs-active' : '')),
    // The kernel covers the same window on every channel; the channel added now is drawn thick.
    outline(m === p.m ? 'cs-hl-std' : 'cs-hl-std cs-hl-faint', x, y, z.input, p.y, p.x, K, K),
  ]);
  const kernel = gridRow(T.kernel(String(p.n + 1)), M, K, K, z.filter, z, (m) => T.slice(String(m + 1)), (m, x, y) => [
    grid(x, y, z.filter, K, K, (i, j) => num(weight(i, j, m, p.n)), () => ''),
    outline(m === p.m ? 'cs-hl-std' : 'cs-hl-std cs-hl-faint', x, y, z.filter, 0, 0, K, K),
  ]);
  const outs = gridRow(T.output, N, OUT, OUT, z.out, z, (n) => T.outputN(String(n + 1)), (n, x, y) => [
    grid(
      x,
      y,
      z.out,
      OUT,
      OUT,
      (yy, xx) => (isDone(yy, xx, n, p.done) ? quantity('output', conv.output.data[outIndex(yy, xx, n)], num(conv.output.data[outIndex(yy, xx, n)])) : null),
      (yy, xx) => (isDone(yy, xx, n, p.done) ? 'cs-done' : ''),
    ),
    n === p.n ? outline('cs-hl-current', x, y, z.out, p.y, p.x, 1, 1) : h('g', {}),
  ]);
  const laid = flow([inputs, kernel, outs], frame.width, 0);
  const heading = T.stdHeading(String(p.index + 1), String(STANDARD_STEP_COUNT), String(p.n + 1), String(p.m + 1));
  const what = T.stdWhat(String(p.n + 1), String(p.y + 1), String(p.x + 1), String(p.m + 1));
  const running = p.partials.map((x, i) => (i === 0 ? num(x) : factor(x))).join(' + ');
  const extra =
    p.m === M - 1
      ? T.allAdded(running, num(p.value), String(p.n + 1), String(p.y + 1), String(p.x + 1))
      : T.runningTotal(`${running}${p.m > 0 ? ` = ${num(p.partials.reduce((a, b) => a + b, 0))}` : ''}`);
  // A slide has room for one line of text above the sum: the step and the running total.
  const total = `${running}${p.m > 0 ? ` = ${num(p.partials.reduce((a, b) => a + b, 0))}` : ''}`;
  const slide = frame.context === 'slide';
  const text = textLines(
    frame,
    laid.bottom + 6,
    slide ? T.slideHeading(String(p.index + 1), String(STANDARD_STEP_COUNT), String(p.n + 1), total) : heading,
    what,
    sumText(p.part).replace(/ = [^=]*$/, ''),
    quantity('step-value', p.part.value, num(p.part.value)),
    slide ? undefined : extra,
  );
  const summary = T.stdSummary(String(p.index + 1), String(STANDARD_STEP_COUNT), String(p.n + 1), String(p.m + 1), String(p.y + 1), String(p.x + 1), sumText(p.part), extra);
  return { parts: [...laid.nodes, ...text.nodes], height: text.bottom, summary, attrs: { 'data-step': p.index, 'data-phase': 'standard' } };
}

function render(v: FigureParams, frame: FigureFrame): FigureView {
  const uid = frame.uid;
  const mode = modeOf(v.layer);
  const view = mode === 'standard' ? standardView(v, frame) : separableView(v, frame);
  const T = words(frame.lang);
  const title = mode === 'standard' ? T.svgTitleStandard : T.svgTitleSeparable;
  const svg = h(
    'svg',
    {
      viewBox: `0 0 ${frame.width} ${Math.ceil(view.height)}`,
      role: 'img',
      'aria-labelledby': `${uid}-title ${uid}-desc`,
      class: 'fig-svg conv-steps',
      'data-mode': mode,
      'data-steps': stepCount(mode),
      ...view.attrs,
    },
    h('title', { id: `${uid}-title` }, title),
    h('desc', { id: `${uid}-desc` }, view.summary),
    view.parts,
  );
  return { svg, summary: view.summary };
}

export const figure: FigureDef = {
  id: 'conv-steps',
  title: (lang) => words(lang).title,
  chapter: '/depthwise-separable/',
  source: (lang) => words(lang).source,
  params: ['step', 'seed', 'layer'],
  controls: ['step'],
  steps: STEP_COUNT,
  stepsFor: (values) => stepCount(modeOf(values.layer)),
  player: true,
  render,
};
