/**
 * block-shapes: the classic residual block (He et al. 2016, Fig. 5: wide → narrow → wide, a
 * standard 3×3 in the middle) beside MobileNet V2's inverted residual (Sandler et al. 2018,
 * Table 1 and Fig. 3: narrow → wide → narrow, a depthwise 3×3, the last 1×1 linear). Tensor
 * heights are drawn to scale in channels; the shortcut is drawn only where the identity rule
 * holds (stride 1 and equal channels), and the reason is written where it does not. Costs come
 * from src/lib/blocks.ts (convCost per layer).
 *
 * Laid out for the space it gets: the two blocks side by side on pages and slides, one above the
 * other on phones. Layers carry data-term (expand, depthwise, project, conv, pointwise, shortcut)
 * and the wide tensors expansion-factor (t), so the formula's terms can point at what they count.
 */
import { bottleneckMaddsTex, invertedResidual, residualBottleneck, type BlockCost, type BlockLayer, type ShortcutRule } from '../../../lib/blocks';
import { isCostError } from '../../../lib/errors';
import { formatInt } from '../../../lib/format';
import { h, type SvgNode } from '../../figure-kit/svg';
import { rounded } from '../../figure-kit/rounded';
import type { FigureDef, FigureFrame, FigureParams, FigureView } from '../../figure-kit/types';
import { errorView, quantity, wrapWords } from '../../figure-kit/marks';
import { isNarrow } from '../../figure-kit/frame';
import { textUnits } from '../../figure-kit/text';
import { figureWords } from '../../../i18n/figures';
import { blockShapesEn } from '../../../i18n/figures/block-shapes.en';
import type { Lang } from '../../../i18n';
import { costErrorText } from '../../../i18n/errors';

/** This figure's words in a language (its English ones are bundled with it). */
const words = (lang: Lang): typeof blockShapesEn => figureWords(lang, 'blockShapes', blockShapesEn);

type Text = typeof blockShapesEn;

/** Tallest tensor in picture units; heights are channels × this / the widest tensor of both blocks. */
export const MAX_BAR = 110;
const BAR_W = 24;
/** Estimated width of a 12 px character. */
const CHAR = 7.5;

/** Why there is no identity shortcut, in words. */
export function shortcutReason(rule: ShortcutRule, cin: number, cout: number, stride: number, lang: Lang = 'en'): string {
  const T = words(lang);
  if (rule.reason === 'stride') return T.noShortcutStride(String(stride));
  if (rule.reason === 'channels') return T.noShortcutChannels(String(cin), String(cout));
  if (rule.reason === 'both') return T.noShortcutBoth(String(stride), String(cin), String(cout));
  return T.identityRule;
}

/** The reason alone (no "no shortcut:"), for the projection shortcut's note. */
function becauseOf(T: Text, rule: ShortcutRule, cin: number, cout: number, stride: number): string {
  if (rule.reason === 'stride') return T.becauseStride(String(stride));
  if (rule.reason === 'channels') return T.becauseChannels(String(cin), String(cout));
  return T.becauseBoth(String(stride), String(cin), String(cout));
}

/** What a layer is called over its arrow (two short lines) and under it. */
function opLabel(T: Text, l: BlockLayer): { above: [string, string]; below: string[] } {
  const kernel = `${l.k}×${l.k}`;
  const name = T.op[l.kind === 'depthwise' ? 'depthwise' : l.role === 'expand' ? 'expand' : l.role === 'project' ? 'project' : l.role === 'reduce' ? 'reduce' : 'conv'];
  const act = T.act[l.activation === 'linear' ? 'linear' : l.activation === 'relu6' ? 'relu6' : 'relu'];
  return { above: [kernel, name], below: l.stride > 1 ? [act, T.stride(String(l.stride))] : [act] };
}

/** The formula's term each layer is counted in. */
function termOf(l: BlockLayer, which: 'residual' | 'inverted'): string {
  if (which === 'inverted' && (l.role === 'expand' || l.role === 'project' || l.role === 'depthwise')) return l.role;
  return l.k === 1 ? 'pointwise' : 'conv';
}

interface Panel {
  node: SvgNode;
  height: number;
}

/** One block in a box of width `w` at (x0, y0): heading, shortcut, tensors to scale, layers, cost. */
function panel(T: Text, uid: string, x0: number, y0: number, w: number, heading: string, sub: string, block: BlockCost, scale: number, barMax: number, which: 'residual' | 'inverted', stride: number, lang: Lang): Panel {
  const main = block.layers.filter((l) => l.role !== 'shortcut');
  const projection = block.layers.find((l) => l.role === 'shortcut');
  const subLines = wrapWords(sub, Math.max(12, Math.floor(w / CHAR)));
  const top = y0 + 14 + 18 + subLines.length * 16 + 14;
  const mid = top + 26 + barMax / 2;
  const sizes = [block.inH, ...main.map((l) => l.outH)];
  const n = block.widths.length;
  const XS = Array.from({ length: n }, (_, i) => x0 + 2 + (i * (w - BAR_W - 4)) / (n - 1));
  const last = n - 1;
  const bars = block.widths.map((c, i) => {
    const hgt = Math.max(2, c * scale);
    const linear = i > 0 && main[i - 1].activation === 'linear';
    // The wide tensors hold t·d′ channels: they are what the formula's factor t counts, and a
    // keyboard reaches them like the layers.
    const expanded = which === 'inverted' && i > 0 && i < last && main[0].role === 'expand';
    const about = expanded ? T.expandedAbout(String(block.widths[i] / block.widths[0]), String(block.widths[0]), String(c), String(sizes[i])) : undefined;
    return h(
      'g',
      expanded
        ? { class: 'bs-wide', 'data-tensor': i, 'data-channels': c, 'data-term': 'expansion-factor', 'data-term-label': about, tabindex: 0, role: 'group', 'aria-label': T.layerAria(true, about!) }
        : { 'data-tensor': i, 'data-channels': c },
      h('rect', { class: `bs-tensor bs-${which}${linear ? ' bs-linear' : ''}`, x: XS[i], y: mid - hgt / 2, width: BAR_W, height: hgt, rx: 2 }),
      h('text', { class: 'fig-value', x: XS[i] + BAR_W / 2, y: mid + barMax / 2 + 18, 'text-anchor': 'middle' }, String(c)),
      h('text', { class: 'fig-small', x: XS[i] + BAR_W / 2, y: mid + barMax / 2 + 33, 'text-anchor': 'middle' }, `${sizes[i]}²`),
    );
  });
  const ops = main.map((l, i) => {
    const { above, below } = opLabel(T, l);
    const x = (XS[i] + BAR_W + XS[i + 1]) / 2;
    const actName = T.act[l.activation === 'linear' ? 'linear' : l.activation === 'relu6' ? 'relu6' : 'relu'];
    const about = T.layerAbout(String(l.k), T.opName[l.kind === 'depthwise' ? 'depthwise' : (l.role as keyof Text['opName'])] ?? l.role, String(l.cin), String(l.cout), actName, formatInt(l.params), formatInt(l.multAdds));
    return h(
      'g',
      // Focusable, so a keyboard reaches each layer (and the formula term it is counted in) too.
      // The inverted block's layers are the formula's terms; what is announced when one lights up.
      { class: 'bs-op', 'data-layer': l.role, 'data-term': termOf(l, which), 'data-term-label': which === 'inverted' ? about : undefined, tabindex: 0, role: 'group', 'aria-label': T.layerAria(which === 'inverted', about) },
      h('title', {}, about),
      h('line', { class: 'bs-arrow', x1: XS[i] + BAR_W + 3, x2: XS[i + 1] - 5, y1: mid, y2: mid, 'marker-end': `url(#${uid}-head)` }),
      h('text', { class: 'fig-small', x, y: mid - 22, 'text-anchor': 'middle' }, above[0]),
      h('text', { class: 'fig-small', x, y: mid - 8, 'text-anchor': 'middle' }, above[1]),
      below.map((b, j) => h('text', { class: j === 0 && l.activation === 'linear' ? 'fig-small bs-linear-label' : 'fig-small', x, y: mid + 18 + j * 14, 'text-anchor': 'middle' }, b)),
    );
  });
  const x0c = XS[0] + BAR_W / 2;
  const x1c = XS[last] + BAR_W / 2;
  const lane = top + 8;
  // The shortcut leaves the input, runs above the block and joins the output at ⊕.
  const joinY = mid - Math.max(2, block.widths[last] * scale) / 2 - 12;
  const skip = (cls: string, kind: string): SvgNode =>
    h(
      'g',
      { class: `bs-skip ${cls}`, 'data-shortcut': kind, 'data-term': 'shortcut' },
      h('path', { class: 'bs-shortcut', d: rounded`M${x0c} ${mid - Math.max(2, block.widths[0] * scale) / 2}V${lane}H${x1c}V${joinY - 7}`, 'marker-end': `url(#${uid}-${kind})` }),
      h('circle', { class: 'bs-add', cx: x1c, cy: joinY, r: 6 }),
      h('path', { class: 'bs-plus', d: rounded`M${x1c - 3.5} ${joinY}H${x1c + 3.5}M${x1c} ${joinY - 3.5}V${joinY + 3.5}` }),
    );
  const shortcut = block.shortcut.identity ? skip('bs-identity', 'identity') : projection ? skip('bs-projection', 'projection') : null;
  const why = shortcutReason(block.shortcut, block.widths[0], block.widths[last], stride, lang);
  const because = block.shortcut.identity ? '' : becauseOf(T, block.shortcut, block.widths[0], block.widths[last], stride);
  // The longest wording that fits over the block.
  const fit = (...options: string[]): string => options.find((o) => textUnits(o) * CHAR <= w) ?? options[options.length - 1];
  const note = block.shortcut.identity
    ? T.identityNote
    : projection
      ? fit(T.projectionLong(because), T.projectionShort(because), T.projection)
      : why;
  const costY = mid + barMax / 2 + 54;
  const costFits = textUnits(`${T.params}0,000,000${T.multAdds}000,000,000`) * CHAR <= w;
  const cost = costFits
    ? [h('text', { class: 'fig-value', x: x0, y: costY }, T.params, quantity(`params-${which}`, block.params, formatInt(block.params)), T.multAdds, quantity(`macs-${which}`, block.multAdds, formatInt(block.multAdds)))]
    : [
        h('text', { class: 'fig-value', x: x0, y: costY }, T.params, quantity(`params-${which}`, block.params, formatInt(block.params))),
        h('text', { class: 'fig-value', x: x0, y: costY + 17 }, T.multAddsLine, quantity(`macs-${which}`, block.multAdds, formatInt(block.multAdds))),
      ];
  const node = h(
    'g',
    { 'data-block': which },
    h('text', { class: 'fig-heading', x: x0, y: y0 + 14 }, heading),
    subLines.map((t, i) => h('text', { class: 'fig-small', x: x0, y: y0 + 32 + i * 16, 'data-term': which === 'inverted' ? 'expansion-factor' : undefined }, t)),
    h('text', { class: block.shortcut.identity ? 'fig-small' : 'fig-small bs-no-shortcut', x: (x0c + x1c) / 2, y: lane - 5, 'text-anchor': 'middle', 'data-role': 'shortcut-note' }, note),
    shortcut,
    // Tensor, layer, tensor, …: left to right, so the tab order follows the block.
    bars.flatMap((bar, i) => (i < ops.length ? [bar, ops[i]] : [bar])),
    cost,
  );
  return { node, height: costY + (costFits ? 0 : 17) + 6 - y0 };
}

/** Arrowheads: the layers' arrows and the two kinds of shortcut. */
function markers(uid: string): SvgNode {
  return h(
    'defs',
    {},
    h('marker', { id: `${uid}-head`, viewBox: '0 0 8 8', refX: 7, refY: 4, markerWidth: 7, markerHeight: 7, orient: 'auto' }, h('path', { class: 'bs-head', d: 'M0 0L8 4L0 8Z' })),
    ['identity', 'projection'].map((kind) =>
      h('marker', { id: `${uid}-${kind}`, viewBox: '0 0 8 8', refX: 7, refY: 4, markerWidth: 6, markerHeight: 6, orient: 'auto' }, h('path', { class: `bs-skip-head bs-${kind}-head`, d: 'M0 0L8 4L0 8Z' })),
    ),
  );
}

function render(v: FigureParams, frame: FigureFrame): FigureView {
  const uid = frame.uid;
  const T = words(frame.lang);
  const W = frame.width;
  const title = h('title', { id: `${uid}-title` }, T.svgTitle);
  const opts = { cin: v.m, cout: v.n, t: v.t, stride: v.s, size: v.df };
  let res: BlockCost;
  let inv: BlockCost;
  let tex: string;
  try {
    res = residualBottleneck(opts);
    inv = invertedResidual(opts);
    tex = bottleneckMaddsTex(opts, { terms: true }).tex;
  } catch (e) {
    if (isCostError(e)) return errorView(W, 300, uid, title, costErrorText(e, frame.lang));
    throw e;
  }
  // A narrow slide has room for one block only: the inverted residual, the slide's subject.
  const onlyInverted = frame.context === 'slide' && W < 560;
  const narrow = isNarrow(frame) && !onlyInverted;
  // On a slide the tallest tensor shrinks if the slide is short; pages keep MAX_BAR.
  const barMax = frame.context === 'slide' && frame.height ? Math.max(60, Math.min(MAX_BAR, frame.height - 190)) : MAX_BAR;
  const widest = Math.max(...res.widths, ...inv.widths);
  const scale = barMax / widest;
  const invNote = inv.shortcut.identity ? T.withIdentity : shortcutReason(inv.shortcut, v.m, v.n, v.s, frame.lang);
  const summary = T.summary(inv.widths.join(' → '), formatInt(inv.params), formatInt(inv.multAdds), invNote, res.widths.join(' → '), formatInt(res.params), formatInt(res.multAdds));
  const desc = T.desc(String(v.df), String(v.m), String(v.n), String(v.t), String(v.s), summary);
  const gap = 28;
  if (onlyInverted) {
    const only = panel(T, uid, 0, 0, W, T.inverted, T.invertedSub(String(v.t)), inv, scale, barMax, 'inverted', v.s, frame.lang);
    const svg = h(
      'svg',
      { viewBox: `0 0 ${W} ${Math.ceil(only.height)}`, role: 'img', 'aria-labelledby': `${uid}-title ${uid}-desc`, class: 'fig-svg bs' },
      title,
      h('desc', { id: `${uid}-desc` }, desc),
      markers(uid),
      only.node,
    );
    return { svg, tex, summary };
  }
  const pw = narrow ? W : (W - gap) / 2;
  const a = panel(T, uid, 0, 0, pw, T.residual, T.residualSub(String(v.t)), res, scale, barMax, 'residual', v.s, frame.lang);
  const b = narrow
    ? panel(T, uid, 0, a.height + 18, pw, T.inverted, T.invertedSub(String(v.t)), inv, scale, barMax, 'inverted', v.s, frame.lang)
    : panel(T, uid, pw + gap, 0, pw, T.inverted, T.invertedSub(String(v.t)), inv, scale, barMax, 'inverted', v.s, frame.lang);
  const height = narrow ? a.height + 18 + b.height : Math.max(a.height, b.height);
  const svg = h(
    'svg',
    { viewBox: `0 0 ${W} ${Math.ceil(height)}`, role: 'img', 'aria-labelledby': `${uid}-title ${uid}-desc`, class: 'fig-svg bs' },
    title,
    h('desc', { id: `${uid}-desc` }, desc),
    markers(uid),
    narrow ? null : h('line', { class: 'bs-divider', x1: pw + gap / 2, x2: pw + gap / 2, y1: 4, y2: height - 4 }),
    a.node,
    b.node,
  );
  return { svg, tex, summary };
}

export const figure: FigureDef = {
  id: 'block-shapes',
  title: (lang) => words(lang).title,
  chapter: '/mobilenet-v2/',
  source: (lang) => words(lang).source,
  params: ['m', 'n', 'df', 't', 's'],
  render,
};
