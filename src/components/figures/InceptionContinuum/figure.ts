/**
 * inception-continuum: Chollet 2017, §1.1–1.2. A regular convolution, an Inception module and a
 * depthwise separable convolution as points on one spectrum: a 1×1 convolution over all M
 * channels, then D_K × D_K convolutions over S non-overlapping segments of its output. The strip
 * on top holds every S that divides M and marks the three named points; the block redraws for the
 * chosen S; the bars give its parameters and mult-adds against the single-segment block.
 *
 * Layout per frame: a page draws strip, block and bars stacked; a slide puts block and bars side
 * by side under the strip; a phone keeps the stack and labels fewer stops.
 */
import { continuum, inceptionBlock, inceptionBlockTex, type ContinuumBlock, type ContinuumPoint } from '../../../lib/continuum';
import { nearestDivisor } from '../../../lib/divisors';
import { isCostError } from '../../../lib/errors';
import { formatCompact, formatInt, formatPercent } from '../../../lib/format';
import { h, type SvgNode } from '../../figure-kit/svg';
import { isNarrow } from '../../figure-kit/frame';
import type { FigureDef, FigureFrame, FigureParams, FigureView } from '../../figure-kit/types';
import { errorView, quantity } from '../../figure-kit/marks';
import { textUnits } from '../../figure-kit/text';
import { figureWords } from '../../../i18n/figures';
import { inceptionContinuumEn } from '../../../i18n/figures/inception-continuum.en';
import type { Lang } from '../../../i18n';
import { costErrorText } from '../../../i18n/errors';

/** This figure's words in a language (its English ones are bundled with it). */
const words = (lang: Lang): typeof inceptionContinuumEn => figureWords(lang, 'inceptionContinuum', inceptionContinuumEn);

type Text = typeof inceptionContinuumEn;

/** Approximate advance of one character at 12–14 px (for fitting labels; no font metrics here). */
const CHAR = 6.8;

/** The spectrum: one stop per divisor, evenly spaced; named points labelled above. */
function strip(T: Text, all: ContinuumBlock[], current: ContinuumBlock, x0: number, x1: number, top: number, narrow: boolean): { node: SvgNode; height: number } {
  const n = all.length;
  const xAt = (i: number): number => (n === 1 ? (x0 + x1) / 2 : x0 + ((x1 - x0) * i) / (n - 1));
  const gap = n > 1 ? (x1 - x0) / (n - 1) : Infinity;
  const axisY = top + 44;
  // Named points: a label centred over its stop where it fits, pushed inside the strip at the
  // ends, and moved to a second row where it would overlap the one before.
  const named: {
    x: number;
    stopX: number;
    text: string;
    point: ContinuumPoint;
    row: number;
  }[] = [];
  const boxes: [number, number][] = [];
  all.forEach((b, i) => {
    if (b.point === 'between') return;
    if (b.point === 'inception' && all.some((o, j) => j < i && o.point === 'inception')) return;
    const text = narrow ? T.pointNames[b.point].short : T.pointNames[b.point].wide;
    const w = textUnits(text) * CHAR;
    const left = Math.max(x0 - 8, Math.min(xAt(i) - w / 2, x1 + 8 - w));
    const overlaps = boxes.some(([a, c]) => left < c + 8 && left + w > a - 8);
    boxes.push([left, left + w]);
    named.push({
      x: left + w / 2,
      stopX: xAt(i),
      text,
      point: b.point,
      row: overlaps ? 1 : 0,
    });
  });
  const rows = named.some((l) => l.row === 1) ? 2 : 1;
  const labelY = (row: number): number => top + 12 + row * 16;
  const showAll = gap >= 30;
  const stops = all.map((b, i) => {
    const on = b.segments === current.segments;
    const x = xAt(i);
    const cls = `stop${on ? ' on' : ''}${b.point !== 'between' ? ` named ${b.point}` : ''}`;
    const label = showAll || on || b.point !== 'between' || i === 0 || i === n - 1;
    return h(
      'g',
      { class: cls },
      h('circle', { cx: x, cy: axisY, r: on ? 8 : 5 }),
      label &&
        h(
          'text',
          {
            class: on ? 'fig-value stop-value' : 'fig-small',
            x,
            y: axisY + 24,
            'text-anchor': 'middle',
          },
          formatInt(b.segments),
        ),
    );
  });
  const shiftDown = rows === 2 ? 16 : 0;
  const node = h(
    'g',
    {
      class: 'strip',
      transform: shiftDown ? `translate(0 ${shiftDown})` : undefined,
    },
    named.map((l) =>
      h(
        'text',
        {
          class: 'fig-label point-name',
          x: l.x,
          y: labelY(l.row) - shiftDown,
          'text-anchor': 'middle',
          'data-point': l.point,
        },
        l.text,
      ),
    ),
    named.map((l) =>
      h('line', {
        class: 'point-tick',
        x1: l.stopX,
        x2: l.stopX,
        y1: labelY(l.row) - shiftDown + 5,
        y2: axisY - 10,
      }),
    ),
    h('line', { class: 'axis', x1: x0, x2: x1, y1: axisY, y2: axisY }),
    stops,
    h('text', { class: 'fig-small', x: x0 - 8, y: axisY + 44 }, narrow ? T.axisShort : T.axisLong),
  );
  return { node, height: 44 + 50 + shiftDown };
}

/** Which segments to draw as boxes: all up to 8, else the first four, a gap and the last two. */
function shownSegments(s: number): (number | 'gap')[] {
  if (s <= 8) return Array.from({ length: s }, (_, i) => i);
  return [0, 1, 2, 3, 'gap', s - 2, s - 1];
}

/** The block: input, 1×1 over all channels, the segments with their spatial convolutions, output. */
function block(T: Text, b: ContinuumBlock, x0: number, width: number, top: number, height: number): SvgNode {
  const k = b.kernelSize;
  const colW = 16;
  const opW = Math.min(64, Math.max(40, width * 0.12));
  const segW = Math.min(96, Math.max(44, width * 0.18));
  // in → 1×1 → its output cut into segments → one spatial convolution per segment → out.
  const gapX = (width - 3 * colW - opW - segW) / 3.5;
  const xIn = x0;
  const xPw = xIn + colW + gapX;
  const xMid = xPw + opW + gapX / 2;
  const xSeg = xMid + colW + gapX;
  const xOut = xSeg + segW + gapX;
  const y0 = top + 18;
  const hh = height - 18 - 22;
  const rows = shownSegments(b.segments);
  const rowH = hh / rows.length;
  const per = b.channels / b.segments;
  const segNodes = rows.map((r, i) => {
    const y = y0 + i * rowH;
    if (r === 'gap')
      return h(
        'text',
        {
          class: 'fig-small',
          x: xSeg + segW / 2,
          y: y + rowH / 2 + 4,
          'text-anchor': 'middle',
        },
        '⋮',
      );
    const inner = Math.max(2, rowH - 3);
    return h(
      'g',
      { class: `segment seg-${r % 2}` },
      h('rect', {
        class: 'seg-slice',
        x: xMid,
        y: y + 1,
        width: colW,
        height: inner,
      }),
      h('line', {
        class: 'flow',
        x1: xMid + colW,
        x2: xSeg,
        y1: y + 1 + inner / 2,
        y2: y + 1 + inner / 2,
      }),
      h('rect', {
        class: 'op-spatial',
        x: xSeg,
        y: y + 1,
        width: segW,
        height: inner,
        rx: 3,
      }),
      inner >= 15 &&
        h(
          'text',
          {
            class: 'fig-label op-text',
            x: xSeg + segW / 2,
            y: y + 1 + inner / 2 + 4,
            'text-anchor': 'middle',
          },
          segW >= 80 ? T.segmentOp(String(k), formatInt(per)) : `${k}×${k}`,
        ),
      h('line', {
        class: 'flow',
        x1: xSeg + segW,
        x2: xOut,
        y1: y + 1 + inner / 2,
        y2: y + 1 + inner / 2,
      }),
    );
  });
  return h(
    'g',
    { class: 'block' },
    h('text', { class: 'fig-small', x: xIn, y: top + 10 }, T.in),
    h('rect', { class: 'tensor', x: xIn, y: y0, width: colW, height: hh }),
    h('line', {
      class: 'flow',
      x1: xIn + colW,
      x2: xPw,
      y1: y0 + hh / 2,
      y2: y0 + hh / 2,
    }),
    h('rect', {
      class: 'op-pointwise',
      x: xPw,
      y: y0,
      width: opW,
      height: hh,
      rx: 3,
    }),
    h(
      'text',
      {
        class: 'fig-label op-text',
        x: xPw + opW / 2,
        y: y0 + hh / 2 + 4,
        'text-anchor': 'middle',
      },
      '1×1',
    ),
    h('line', {
      class: 'flow',
      x1: xPw + opW,
      x2: xMid,
      y1: y0 + hh / 2,
      y2: y0 + hh / 2,
    }),
    segNodes,
    h('rect', { class: 'tensor', x: xOut, y: y0, width: colW, height: hh }),
    h('text', { class: 'fig-small', x: xOut + colW, y: top + 10, 'text-anchor': 'end' }, T.out),
    h('text', { class: 'fig-small', x: x0, y: y0 + hh + 16 }, T.blockNote(formatInt(b.channels), formatInt(b.segments), String(k), formatInt(per), per === 1)),
  );
}

/** Parameters and mult-adds of the chosen block, split 1×1 / spatial, against the S = 1 block. */
function bars(T: Text, b: ContinuumBlock, worst: ContinuumBlock, x0: number, width: number, top: number, narrow: boolean): { node: SvgNode; height: number } {
  const labelW = narrow ? 0 : 92;
  const valueW = narrow ? 0 : 168;
  const barX = x0 + labelW;
  const barMax = width - labelW - valueW;
  const barH = 18;
  const rowH = narrow ? 58 : 38;
  const rows = [
    {
      title: T.parameters,
      name: 'params',
      total: b.params,
      pw: b.pointwise.params,
      sp: b.spatial.params,
      ref: worst.params,
    },
    {
      title: T.multAdds,
      name: 'macs',
      total: b.multAdds,
      pw: b.pointwise.multAdds,
      sp: b.spatial.multAdds,
      ref: worst.multAdds,
    },
  ];
  const nodes = rows.map((r, i) => {
    const y = top + i * rowH + (narrow ? 16 : 0);
    const scale = (v: number): number => (r.ref === 0 ? 0 : (v / r.ref) * barMax);
    const wPw = scale(r.pw);
    const wSp = scale(r.sp);
    const share = r.total / r.ref;
    const value = h(
      'text',
      {
        class: 'fig-value',
        x: narrow ? x0 : barX + barMax + 8,
        y: narrow ? y + barH + 16 : y + barH / 2 + 5,
      },
      quantity(r.name, r.total, narrow ? formatInt(r.total) : formatCompact(r.total)),
      h('tspan', { class: 'fig-small' }, T.ofSingle(formatPercent(share, share < 0.1 ? 1 : 0))),
    );
    return h(
      'g',
      { class: 'cost-row' },
      h(
        'text',
        {
          class: 'fig-label',
          x: narrow ? x0 : barX - 8,
          y: narrow ? y - 5 : y + barH / 2 + 4,
          'text-anchor': narrow ? 'start' : 'end',
        },
        r.title,
      ),
      h('rect', {
        class: 'bar-ref',
        x: barX,
        y,
        width: barMax,
        height: barH,
        rx: 2,
      }),
      h('rect', {
        class: 'bar-pointwise',
        x: barX,
        y,
        width: Math.max(wPw, 0.5),
        height: barH,
        rx: 2,
      }),
      h('rect', {
        class: 'bar-spatial',
        x: barX + wPw,
        y,
        width: Math.max(wSp, 0.5),
        height: barH,
        rx: 2,
      }),
      value,
    );
  });
  const legendY = top + rows.length * rowH + (narrow ? 14 : 4);
  const legend = h(
    'g',
    { class: 'legend' },
    h('rect', {
      class: 'bar-pointwise',
      x: barX,
      y: legendY - 10,
      width: 12,
      height: 12,
      rx: 2,
    }),
    h('text', { class: 'fig-small', x: barX + 17, y: legendY }, '1×1'),
    h('rect', {
      class: 'bar-spatial',
      x: barX + 56,
      y: legendY - 10,
      width: 12,
      height: 12,
      rx: 2,
    }),
    h('text', { class: 'fig-small', x: barX + 73, y: legendY }, T.onSegments(String(b.kernelSize))),
    !narrow &&
      h('rect', {
        class: 'bar-ref',
        x: barX + 210,
        y: legendY - 10,
        width: 12,
        height: 12,
        rx: 2,
      }),
    !narrow && h('text', { class: 'fig-small', x: barX + 227, y: legendY }, 'S = 1'),
  );
  return {
    node: h('g', { class: 'bars' }, nodes, legend),
    height: rows.length * rowH + (narrow ? 16 : 0) + 12,
  };
}

function render(v: FigureParams, frame: FigureFrame): FigureView {
  const uid = frame.uid;
  const W = frame.width;
  const narrow = isNarrow(frame);
  const slide = frame.context === 'slide';
  const T = words(frame.lang);
  const title = h('title', { id: `${uid}-title` }, T.svgTitle);
  let all: ContinuumBlock[];
  let b: ContinuumBlock;
  try {
    all = continuum({ kernelSize: v.k, channels: v.m, featureSize: v.df });
    // The store keeps S a divisor of M; a stray value is drawn at the nearest divisor.
    b = inceptionBlock({
      kernelSize: v.k,
      channels: v.m,
      featureSize: v.df,
      segments: nearestDivisor(v.m, v.segments),
    });
  } catch (e) {
    if (isCostError(e)) return errorView(W, 200, uid, title, costErrorText(e, frame.lang));
    throw e;
  }
  const worst = all[0];
  const pad = 12;
  const named = T.pointText[b.point];
  const summary = T.summary(String(b.segments), String(b.channels), named, formatInt(b.params), formatInt(b.multAdds), formatPercent(b.params / worst.params, 1));
  const desc = h(
    'desc',
    { id: `${uid}-desc` },
    T.desc(String(b.channels), String(b.kernelSize), String(b.segments), summary),
  );
  const stripPart = strip(T, all, b, pad + 4, W - pad - 4, 0, narrow);
  let body: SvgNode[];
  let height: number;
  // "S = 4: an Inception module", shortened to "S = 4" where the column is too narrow for it.
  const resultLine = (x: number, y: number, room: number): SvgNode =>
    h('text', { class: 'fig-result', x, y }, 'S = ', quantity('segments', b.segments, formatInt(b.segments)), (textUnits(`S = ${b.segments}${T.named(named)}`) + 1) * 8 <= room ? T.named(named) : '');
  if (slide) {
    // Strip on top, then block (left) and bars (right) side by side, within frame.height, for
    // whatever width the slide gives.
    const top = stripPart.height + 4;
    const blockW = Math.floor((W - 3 * pad) * 0.52);
    const barsW = W - 3 * pad - blockW;
    const barsX = 2 * pad + blockW;
    const blockH = Math.min(170, (frame.height ?? 335) - top - 8);
    const barsPart = bars(T, b, worst, barsX, barsW, top + 40, barsW < 380);
    body = [block(T, b, pad, blockW, top, blockH), resultLine(barsX, top + 18, barsW), barsPart.node];
    height = Math.max(top + blockH, top + 40 + barsPart.height) + 8;
  } else {
    const blockTop = stripPart.height + 6;
    const blockH = narrow ? 140 : 150;
    const barsTop = blockTop + blockH + 40;
    const barsPart = bars(T, b, worst, pad, W - 2 * pad, barsTop, narrow);
    body = [block(T, b, pad, W - 2 * pad, blockTop, blockH), resultLine(pad, barsTop - 16, W - 2 * pad), barsPart.node];
    height = barsTop + barsPart.height + 6;
  }
  const svg = h(
    'svg',
    {
      viewBox: `0 0 ${W} ${Math.ceil(height)}`,
      role: 'img',
      'aria-labelledby': `${uid}-title ${uid}-desc`,
      class: 'fig-svg inception-continuum',
      'data-point': b.point,
    },
    title,
    desc,
    stripPart.node,
    body,
  );
  return { svg, tex: inceptionBlockTex(b, narrow).tex, summary };
}

export const figure: FigureDef = {
  id: 'inception-continuum',
  title: (lang) => words(lang).title,
  chapter: '/xception/',
  source: (lang) => words(lang).source,
  params: ['k', 'm', 'df', 'segments'],
  controls: ['segments', 'm', 'k'],
  render,
};
