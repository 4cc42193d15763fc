/**
 * block-shapes: the classic residual block (He et al. 2016, Fig. 5: wide → narrow → wide, a
 * standard 3×3 in the middle) above MobileNet V2's inverted residual (Sandler et al. 2018,
 * Table 1 and Fig. 3: narrow → wide → narrow, a depthwise 3×3, the last 1×1 linear). Tensor
 * heights are drawn to scale in channels; the shortcut is drawn only where the identity rule
 * holds (stride 1 and equal channels), and the reason is written where it does not. Costs come
 * from src/lib/blocks.ts (convCost per layer).
 */
import { bottleneckMaddsTex, invertedResidual, residualBottleneck, type BlockCost, type BlockLayer, type ShortcutRule } from '../../../lib/blocks';
import { isCostError } from '../../../lib/errors';
import { formatInt } from '../../../lib/format';
import { h, type SvgNode } from '../../figure-kit/svg';
import type { FigureDef, FigureParams, FigureView } from '../../figure-kit/types';
import { errorView, quantity } from '../../figure-kit/marks';

const W = 480;
const ROW = 224;
const H = 2 * ROW + 8;
/** Tallest tensor in pixels; heights are channels × this / the widest tensor of both blocks. */
export const MAX_BAR = 110;
const BAR_W = 26;
/** x of each tensor: spread evenly over the row (3 tensors when t = 1 skips the expansion). */
function xs(count: number): number[] {
  return Array.from({ length: count }, (_, i) => 14 + (i * 408) / (count - 1));
}

/** Why there is no identity shortcut, in words. */
export function shortcutReason(rule: ShortcutRule, cin: number, cout: number, stride: number): string {
  if (rule.reason === 'stride') return `no shortcut: stride ${stride} shrinks the map`;
  if (rule.reason === 'channels') return `no shortcut: ${cin} ≠ ${cout} channels`;
  if (rule.reason === 'both') return `no shortcut: stride ${stride}, ${cin} ≠ ${cout}`;
  return 'identity shortcut: same shape in and out';
}

function opLabel(l: BlockLayer): [string, string] {
  const name = l.kind === 'depthwise' ? `${l.k}×${l.k} depthwise` : l.k === 1 ? '1×1 conv' : `${l.k}×${l.k} conv`;
  const act = l.activation === 'linear' ? 'linear' : l.activation === 'relu6' ? 'ReLU6' : 'ReLU';
  return [name, l.stride > 1 ? `stride ${l.stride} · ${act}` : act];
}

function row(uid: string, y: number, title: string, block: BlockCost, scale: number, which: 'residual' | 'inverted', stride: number): SvgNode {
  const main = block.layers.filter((l) => l.role !== 'shortcut');
  const projection = block.layers.find((l) => l.role === 'shortcut');
  const mid = y + 42 + MAX_BAR / 2 + 8;
  const sizes = [block.inH, ...main.map((l) => l.outH)];
  const XS = xs(block.widths.length);
  const last = XS.length - 1;
  const bars = block.widths.map((c, i) => {
    const hgt = Math.max(2, c * scale);
    const linear = i > 0 && main[i - 1].activation === 'linear';
    return h(
      'g',
      { 'data-tensor': i, 'data-channels': c },
      h('rect', { class: `bs-tensor bs-${which}${linear ? ' bs-linear' : ''}`, x: XS[i], y: mid - hgt / 2, width: BAR_W, height: hgt, rx: 2 }),
      h('text', { class: 'fig-value', x: XS[i] + BAR_W / 2, y: y + 42 + MAX_BAR + 30, 'text-anchor': 'middle' }, String(c)),
      h('text', { class: 'fig-small', x: XS[i] + BAR_W / 2, y: y + 42 + MAX_BAR + 44, 'text-anchor': 'middle' }, `${sizes[i]}²`),
    );
  });
  const ops = main.map((l, i) => {
    const [a, b] = opLabel(l);
    const x = (XS[i] + BAR_W + XS[i + 1]) / 2;
    return h(
      'g',
      {},
      h('line', { class: 'bs-arrow', x1: XS[i] + BAR_W + 4, x2: XS[i + 1] - 6, y1: mid, y2: mid, 'marker-end': `url(#${uid}-head)` }),
      h('text', { class: 'fig-small', x, y: mid - 16, 'text-anchor': 'middle' }, a),
      h('text', { class: l.activation === 'linear' ? 'fig-small bs-linear-label' : 'fig-small', x, y: mid + 20, 'text-anchor': 'middle' }, b),
    );
  });
  const x0 = XS[0] + BAR_W / 2;
  const x1 = XS[last] + BAR_W / 2;
  const top = y + 34;
  const shortcut = block.shortcut.identity
    ? h('path', { class: 'bs-shortcut', d: `M${x0} ${mid - 10}V${top}H${x1}V${mid - 10}`, 'data-shortcut': 'identity' })
    : projection
      ? h('path', { class: 'bs-shortcut bs-projection', d: `M${x0} ${mid - 10}V${top}H${x1}V${mid - 10}`, 'data-shortcut': 'projection' })
      : null;
  const note = block.shortcut.identity
    ? '+ identity shortcut'
    : projection
      ? `1×1 projection shortcut (${shortcutReason(block.shortcut, block.widths[0], block.widths[last], stride).replace('no shortcut: ', '')})`
      : shortcutReason(block.shortcut, block.widths[0], block.widths[last], stride);
  return h(
    'g',
    { 'data-block': which },
    h('text', { class: 'fig-heading', x: 0, y: y + 14 }, title),
    shortcut,
    h('text', { class: block.shortcut.identity ? 'fig-small' : 'fig-small bs-no-shortcut', x: (x0 + x1) / 2, y: top - 4, 'text-anchor': 'middle', 'data-role': 'shortcut-note' }, note),
    bars,
    ops,
    h(
      'text',
      { class: 'fig-value', x: 0, y: y + ROW - 10 },
      'params ',
      quantity(`params-${which}`, block.params, formatInt(block.params)),
      ' · mult-adds ',
      quantity(`macs-${which}`, block.multAdds, formatInt(block.multAdds)),
    ),
  );
}

function render(v: FigureParams, uid: string): FigureView {
  const title = h('title', { id: `${uid}-title` }, 'A residual block and an inverted residual block, drawn to scale');
  const opts = { cin: v.m, cout: v.n, t: v.t, stride: v.s, size: v.df };
  let res: BlockCost;
  let inv: BlockCost;
  let tex: string;
  try {
    res = residualBottleneck(opts);
    inv = invertedResidual(opts);
    tex = bottleneckMaddsTex(opts).tex;
  } catch (e) {
    if (isCostError(e)) return errorView(W, H, uid, title, e.message);
    throw e;
  }
  const widest = Math.max(...res.widths, ...inv.widths);
  const scale = MAX_BAR / widest;
  const invNote = inv.shortcut.identity ? 'with an identity shortcut' : shortcutReason(inv.shortcut, v.m, v.n, v.s);
  const summary = `Inverted residual ${inv.widths.join(' → ')}: ${formatInt(inv.params)} parameters, ${formatInt(inv.multAdds)} mult-adds, ${invNote}. Residual ${res.widths.join(' → ')}: ${formatInt(res.params)} parameters, ${formatInt(res.multAdds)} mult-adds.`;
  const svg = h(
    'svg',
    { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-labelledby': `${uid}-title ${uid}-desc`, class: 'fig-svg bs' },
    title,
    h('desc', { id: `${uid}-desc` }, `Input ${v.df}×${v.df}×${v.m}, output ${v.n} channels, expansion t = ${v.t}, stride ${v.s}. ${summary}`),
    h('defs', {}, h('marker', { id: `${uid}-head`, viewBox: '0 0 8 8', refX: 7, refY: 4, markerWidth: 7, markerHeight: 7, orient: 'auto' }, h('path', { class: 'bs-head', d: 'M0 0L8 4L0 8Z' }))),
    row(uid, 0, `Residual (ResNet): wide → narrow → wide, narrowed ${v.t}×`, res, scale, 'residual', v.s),
    row(uid, ROW, `Inverted residual (MobileNet V2): expanded ${v.t}×`, inv, scale, 'inverted', v.s),
  );
  return { svg, tex, summary };
}

export const figure: FigureDef = {
  id: 'block-shapes',
  title: 'Residual and inverted residual blocks',
  chapter: '/mobilenet-v2/',
  source: 'He et al. 2016, Fig. 5; Sandler et al. 2018, Table 1 and Fig. 3; costs from the site’s cost model',
  params: ['m', 'n', 'df', 't', 's'],
  render,
};
