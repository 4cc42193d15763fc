/**
 * arithmetic-intensity: why 8–9× fewer mult-adds do not make a layer 8–9× faster. Each layer does
 * W mult-adds and moves at least Q bytes (input, output, weights); on a roofline (Williams et al.
 * 2009, log-log) a device with compute ceiling π and bandwidth β runs it at most at min(π, I·β)
 * for I = W/Q. Marked: a standard, a depthwise and a pointwise layer at the page's D_K, M, N, D_F;
 * below the axis, every layer of MobileNet V1 and V2. Beside it, the measured evidence: MobileNetV2
 * Table 4 latencies on a Pixel 1 against the two networks' mult-adds, and the roofline's bound.
 *
 * Layout per frame: chart and evidence side by side on pages wide enough and on slides; stacked
 * on a phone.
 */
import { scaleLog } from 'd3-scale';
import { mobilenetV1, mobilenetV2 } from '../../../lib/architectures';
import { convCost, rationalToNumber, type ConvCost } from '../../../lib/cost';
import { isCostError } from '../../../lib/errors';
import { formatCompact, toSignificant } from '../../../lib/format';
import { figureWords } from '../../../i18n/figures';
import { arithmeticIntensityEn } from '../../../i18n/figures/arithmetic-intensity.en';
import type { Lang } from '../../../i18n';
import { paramText } from '../../../i18n/params';
import { PIXEL_1_TABLE4, arithmeticIntensity, attainable, boundBy, bytesPerElement, layerBytes, networkSeconds, placeLayers, ridgePoint, type PlacedLayer } from '../../../lib/roofline';
import { h, type SvgNode } from '../../figure-kit/svg';
import { isNarrow } from '../../figure-kit/frame';
import type { FigureDef, FigureFrame, FigureParams, FigureView } from '../../figure-kit/types';
import { errorView, quantity, wrapWords } from '../../figure-kit/marks';
import { linePath } from '../../figure-kit/paths';
import { costErrorText } from '../../../i18n/errors';

/** This figure's words in a language (its English ones are bundled with it). */
const words = (lang: Lang): typeof arithmeticIntensityEn => figureWords(lang, 'arithmeticIntensity', arithmeticIntensityEn);

type Device = { peak: number; bandwidth: number };

/** A number of G mult-adds/s or mult-adds per byte, short: 0.25, 8.6, 27.8, 1.2k. */
function short(x: number): string {
  if (x >= 1e6) return `${toSignificant(x / 1e6, 2)}M`;
  if (x >= 1e3) return `${toSignificant(x / 1e3, 2)}k`;
  return toSignificant(x, 2);
}

/** A decade tick: 0.01, 0.1, 1, 10, 100, 1k, 10k … */
function tick(t: number): string {
  if (t >= 1e6) return `${t / 1e6}M`;
  if (t >= 1e3) return `${t / 1e3}k`;
  return String(Number(t.toPrecision(1)));
}

/** Decade ticks from lo to hi. */
function decades(lo: number, hi: number): number[] {
  const out: number[] = [];
  for (let e = Math.ceil(Math.log10(lo) - 1e-9); e <= Math.floor(Math.log10(hi) + 1e-9); e++) out.push(10 ** e);
  return out;
}

interface Example {
  name: 'standard' | 'depthwise' | 'pointwise';
  cost: ConvCost;
  bytes: number;
  intensity: number;
}

function examples(v: FigureParams, b: number): Example[] {
  const layers: [Example['name'], ConvCost][] = [
    ['standard', convCost({ kind: 'standard', k: v.k, cin: v.m, cout: v.n, inH: v.df })],
    ['depthwise', convCost({ kind: 'depthwise', k: v.k, cin: v.m, cout: v.m, inH: v.df })],
    ['pointwise', convCost({ kind: 'pointwise', k: 1, cin: v.m, cout: v.n, inH: v.df })],
  ];
  return layers.map(([name, cost]) => {
    const bytes = layerBytes(cost, b);
    return {
      name,
      cost,
      bytes,
      intensity: rationalToNumber(arithmeticIntensity(cost.multAdds, bytes)),
    };
  });
}

/** The roofline chart with the examples on the roof and both networks' layers in strips below. */
type Text = typeof arithmeticIntensityEn;

function chart(T: Text, ex: Example[], v1: PlacedLayer[], v2: PlacedLayer[], device: Device, x0: number, width: number, top: number, plotH: number, tips: boolean): { node: SvgNode; height: number } {
  const left = x0 + 40;
  const right = x0 + width - 8;
  const plotTop = top + 20;
  const plotBottom = plotTop + plotH;
  const ridge = ridgePoint(device);
  const xs = [...ex.map((e) => e.intensity), ...v1.map((l) => l.intensity), ...v2.map((l) => l.intensity), ridge];
  const xLo = 10 ** Math.floor(Math.log10(Math.min(...xs) / 1.3));
  const xHi = 10 ** Math.ceil(Math.log10(Math.max(...xs) * 1.3));
  const yHi = 10 ** Math.ceil(Math.log10(device.peak * 2));
  const yLo = Math.min(10 ** Math.floor(Math.log10(attainable(xLo, device))), yHi / 100);
  const x = scaleLog().domain([xLo, xHi]).range([left, right]);
  const y = scaleLog().domain([yLo, yHi]).range([plotBottom, plotTop]).clamp(true);
  const xr = x(ridge);
  // The roof: slope β left of the ridge, flat at π right of it.
  const roof = linePath([[x(xLo), y(attainable(xLo, device))], [xr, y(device.peak)], [right, y(device.peak)]], ([px]) => px, ([, py]) => py);
  const xTicks = decades(xLo, xHi);
  const yTicks = decades(yLo, yHi);
  // Example labels above their point, alternating rows where two would touch.
  let lastX = -Infinity;
  let row = 0;
  const exNodes = [...ex]
    .sort((a, b) => a.intensity - b.intensity)
    .map((e) => {
      const px = x(e.intensity);
      const py = y(attainable(e.intensity, device));
      row = px - lastX < 70 ? 1 - row : 0;
      lastX = px;
      const anchor = px > right - 40 ? 'end' : px < left + 40 ? 'start' : 'middle';
      return h(
        'g',
        { class: `example ex-${e.name}` },
        h('circle', { cx: px, cy: py, r: 6 }),
        h(
          'text',
          {
            class: 'fig-label ex-label',
            x: px,
            y: py + (row === 0 ? -12 : 22),
            'text-anchor': anchor,
          },
          T.example[e.name],
        ),
      );
    });
  const strip = (layers: PlacedLayer[], label: string, yy: number): SvgNode =>
    h(
      'g',
      { class: 'strip' },
      h('text', { class: 'fig-small', x: left - 6, y: yy + 4, 'text-anchor': 'end' }, label),
      h('line', { class: 'strip-line', x1: left, x2: right, y1: yy, y2: yy }),
      // Each layer's name and intensity on hover: the live picture's, not the build's first paint
      // (81 of them would weigh on every load; the browser redraws the figure before a pointer reaches it).
      layers.map((l) =>
        h('circle', { class: `layer k-${l.kind}`, cx: x(l.intensity), cy: yy, r: 4 }, tips ? h('title', {}, T.layerTip(l.name, toSignificant(l.intensity, 3), l.bound === 'memory')) : null),
      ),
    );
  const stripTop = plotBottom + 34;
  const node = h(
    'g',
    { class: 'chart' },
    h('rect', {
      class: 'memory-zone',
      x: left,
      y: plotTop,
      width: Math.max(0, Math.min(xr, right) - left),
      height: plotH,
    }),
    xTicks.map((t) =>
      h(
        'g',
        {},
        h('line', {
          class: 'grid',
          x1: x(t),
          x2: x(t),
          y1: plotTop,
          y2: plotBottom,
        }),
        h(
          'text',
          {
            class: 'fig-small',
            x: x(t),
            y: plotBottom + 15,
            'text-anchor': 'middle',
          },
          tick(t),
        ),
      ),
    ),
    yTicks.map((t) =>
      h(
        'g',
        {},
        h('line', { class: 'grid', x1: left, x2: right, y1: y(t), y2: y(t) }),
        h(
          'text',
          {
            class: 'fig-small',
            x: left - 5,
            y: y(t) + 4,
            'text-anchor': 'end',
          },
          tick(t),
        ),
      ),
    ),
    h('text', { class: 'fig-small', x: left, y: top + 10 }, T.yAxis),
    h('text', { class: 'fig-small zone-label', x: left + 4, y: plotBottom - 6 }, xr - left > 60 ? T.memoryBound : ''),
    h('line', { class: 'ridge', x1: xr, x2: xr, y1: plotTop, y2: plotBottom }),
    h('path', { class: 'roof', d: roof }),
    h(
      'text',
      {
        class: 'fig-small roof-label',
        x: right - 2,
        y: y(device.peak) + 16,
        'text-anchor': 'end',
      },
      `π = ${short(device.peak)}`,
    ),
    exNodes,
    strip(v1, 'V1', stripTop),
    strip(v2, 'V2', stripTop + 20),
    h('text', { class: 'fig-small', x: right, y: stripTop + 42, 'text-anchor': 'end' }, T.xAxis),
  );
  return { node, height: stripTop + 46 - top };
}

/** Table 4 of Sandler et al. 2018 beside the two networks' mult-adds, and the roofline's bound. */
function evidence(T: Text, v1Macs: number, v2Macs: number, boundV1: number, boundV2: number, x0: number, width: number, top: number, pointTo = true): { node: SvgNode; height: number } {
  const t4 = PIXEL_1_TABLE4;
  const timeRatio = t4.v2.ms / t4.v1.ms;
  const macsRatio = v2Macs / v1Macs;
  const boundRatio = boundV2 / boundV1;
  const barX = x0 + 28;
  const barMax = width - 28 - 64;
  const pair = (title: string, y: number, a: number, b: number, textA: SvgNode | string, textB: SvgNode | string, ratio: SvgNode): SvgNode =>
    h(
      'g',
      { class: 'pair' },
      h('text', { class: 'fig-label', x: x0, y }, T.ratio(title), ratio),
      h('text', { class: 'fig-small', x: x0, y: y + 20 }, 'V1'),
      h('rect', {
        class: 'ev-v1',
        x: barX,
        y: y + 9,
        width: barMax,
        height: 14,
        rx: 2,
      }),
      h('text', { class: 'fig-value', x: barX + barMax + 6, y: y + 20 }, textA),
      h('text', { class: 'fig-small', x: x0, y: y + 40 }, 'V2'),
      h('rect', {
        class: 'ev-v2',
        x: barX,
        y: y + 29,
        width: Math.max(0.5, (barMax * b) / a),
        height: 14,
        rx: 2,
      }),
      h('text', { class: 'fig-value', x: barX + (barMax * b) / a + 6, y: y + 40 }, textB),
    );
  let y = top + 12;
  const headNode = h('g', {}, h('text', { class: 'fig-heading', x: x0, y }, T.measured), h('text', { class: 'fig-small', x: x0, y: y + 17 }, T.measuredWhere));
  y += 17 + 20;
  const time = pair(T.time, y, t4.v1.ms, t4.v2.ms, `${t4.v1.ms} ms`, `${t4.v2.ms} ms`, quantity('time-ratio', timeRatio, `${timeRatio.toFixed(2)}×`));
  y += 56;
  const macs = pair(T.multAdds, y, v1Macs, v2Macs, formatCompact(v1Macs), formatCompact(v2Macs), quantity('macs-ratio', macsRatio, `${macsRatio.toFixed(2)}×`));
  y += 60;
  const ms = (sec: number): string => toSignificant(sec * 1e3, 3);
  const boundNode = h(
    'text',
    { class: 'fig-small' },
    h('tspan', { x: x0, y }, T.boundHead),
    h('tspan', { x: x0, y: y + 16 }, 'V1 ≥ ', quantity('bound-v1-ms', boundV1 * 1e3, ms(boundV1)), ' ms, V2 ≥ ', quantity('bound-v2-ms', boundV2 * 1e3, ms(boundV2)), ' ms'),
    h('tspan', { x: x0, y: y + 32 }, 'V2 ÷ V1 = ', quantity('bound-ratio', boundRatio, `${boundRatio.toFixed(2)}×`)),
  );
  y += 3 * 16 + 8;
  // Plain text, not a link: the picture is one image to assistive technology (the chapter links it).
  const pointer =
    pointTo &&
    h(
      'text',
      { class: 'fig-label pointer' },
      wrapWords(T.pointer, Math.floor(width / 6.8)).map((line, i) => h('tspan', { x: x0, y: y + i * 16 }, line)),
    );
  return {
    node: h('g', { class: 'evidence' }, headNode, time, macs, boundNode, pointer),
    height: (pointTo ? y + 32 : y) - top,
  };
}

function render(v: FigureParams, frame: FigureFrame): FigureView {
  const uid = frame.uid;
  const T = words(frame.lang);
  const W = frame.width;
  const narrow = isNarrow(frame);
  const slide = frame.context === 'slide';
  const title = h('title', { id: `${uid}-title` }, T.svgTitle);
  const b = bytesPerElement(v.precision);
  const device: Device = { peak: v.peak, bandwidth: v.bw };
  let ex: Example[];
  let v1: PlacedLayer[];
  let v2: PlacedLayer[];
  let v1Macs: number;
  let v2Macs: number;
  try {
    ex = examples(v, b);
    const a1 = mobilenetV1();
    const a2 = mobilenetV2();
    v1 = placeLayers(a1, b, device);
    v2 = placeLayers(a2, b, device);
    v1Macs = a1.multAdds;
    v2Macs = a2.multAdds;
  } catch (e) {
    if (isCostError(e)) return errorView(W, 200, uid, title, costErrorText(e, frame.lang));
    throw e;
  }
  const ridge = ridgePoint(device);
  const memV1 = v1.filter((l) => l.bound === 'memory').length;
  const memV2 = v2.filter((l) => l.bound === 'memory').length;
  const [std, dw, pw] = ex;
  const precisionName = paramText(frame.lang).choices.precision[v.precision] ?? '';
  const summary = T.summary(precisionName, toSignificant(std.intensity, 3), toSignificant(dw.intensity, 3), toSignificant(pw.intensity, 3), toSignificant(ridge, 3), String(memV1), String(v1.length), String(memV2), String(v2.length));
  const desc = h('desc', { id: `${uid}-desc` }, T.desc(summary));
  const pad = 8;
  let chartPart: { node: SvgNode; height: number };
  let evPart: { node: SvgNode; height: number };
  const boundV1 = networkSeconds(v1);
  const boundV2 = networkSeconds(v2);
  const headerH = 36;
  const header = h(
    'g',
    { class: 'numbers' },
    h(
      'text',
      { class: 'fig-value', x: pad, y: 14 },
      T.perByte,
      h('tspan', { class: 'ex-text-standard' }, `${T.example.standard} `),
      quantity('intensity-standard', std.intensity, toSignificant(std.intensity, 3)),
      T.comma,
      h('tspan', { class: 'ex-text-depthwise' }, `${T.example.depthwise} `),
      quantity('intensity-depthwise', dw.intensity, toSignificant(dw.intensity, 3)),
      T.comma,
      h('tspan', { class: 'ex-text-pointwise' }, `${T.example.pointwise} `),
      quantity('intensity-pointwise', pw.intensity, toSignificant(pw.intensity, 3)),
    ),
    h(
      'text',
      { class: 'fig-small', x: pad, y: 31 },
      T.ridge,
      quantity('ridge', ridge, toSignificant(ridge, 3)),
      T.memoryBoundV1,
      quantity('memory-bound-v1', memV1, String(memV1)),
      T.ofLayers(String(v1.length)),
      quantity('memory-bound-v2', memV2, String(memV2)),
      T.ofLayersEnd(String(v2.length)),
    ),
  );
  let body: SvgNode[];
  let height: number;
  // The header's first line is long: in a narrow frame it becomes two lines.
  const compact = W < 620;
  const top = compact ? headerH + 18 : headerH;
  if (narrow && !slide) {
    chartPart = chart(T, ex, v1, v2, device, pad, W - 2 * pad, top, 190, !frame.draft);
    evPart = evidence(T, v1Macs, v2Macs, boundV1, boundV2, pad, W - 2 * pad, top + chartPart.height + 12);
    body = [chartPart.node, evPart.node];
    height = top + chartPart.height + 12 + evPart.height;
  } else {
    // Side by side, also on a slide of any width: the chart takes what the evidence leaves.
    const evW = slide ? Math.min(290, Math.max(210, Math.floor(W * 0.4))) : Math.min(260, Math.floor(W * 0.36));
    const chartW = W - evW - 3 * pad;
    const plotH = slide ? Math.min(170, (frame.height ?? 335) - top - 132) : 220;
    chartPart = chart(T, ex, v1, v2, device, pad, chartW, top, plotH, !frame.draft);
    evPart = evidence(T, v1Macs, v2Macs, boundV1, boundV2, W - evW - pad, evW, top, !slide);
    body = [chartPart.node, evPart.node];
    height = top + Math.max(chartPart.height, evPart.height) + 4;
  }
  const headerNode = compact ? narrowHeader(T, ex, ridge, memV1, memV2, v1.length, v2.length, pad) : header;
  const legend = legendNode(T, pad, height, W);
  const svg = h(
    'svg',
    {
      viewBox: `0 0 ${W} ${Math.ceil(height + 22)}`,
      role: 'img',
      'aria-labelledby': `${uid}-title ${uid}-desc`,
      class: 'fig-svg arithmetic-intensity',
      'data-bound-depthwise': boundBy(dw.intensity, device),
    },
    title,
    desc,
    headerNode,
    body,
    legend,
  );
  return { svg, summary };
}

function narrowHeader(T: Text, ex: Example[], ridge: number, memV1: number, memV2: number, n1: number, n2: number, pad: number): SvgNode {
  const [std, dw, pw] = ex;
  return h(
    'g',
    { class: 'numbers' },
    h('text', { class: 'fig-value', x: pad, y: 14 }, T.perByteMoved),
    h(
      'text',
      { class: 'fig-value', x: pad, y: 32 },
      T.short.standard,
      quantity('intensity-standard', std.intensity, toSignificant(std.intensity, 3)),
      T.short.depthwise,
      quantity('intensity-depthwise', dw.intensity, toSignificant(dw.intensity, 3)),
      T.short.pointwise,
      quantity('intensity-pointwise', pw.intensity, toSignificant(pw.intensity, 3)),
    ),
    h(
      'text',
      { class: 'fig-small', x: pad, y: 50 },
      T.ridgeShort,
      quantity('ridge', ridge, toSignificant(ridge, 3)),
      T.memoryBoundV1,
      quantity('memory-bound-v1', memV1, String(memV1)),
      `/${n1}, V2 `,
      quantity('memory-bound-v2', memV2, String(memV2)),
      `/${n2}`,
    ),
  );
}

function legendNode(T: Text, pad: number, y: number, width: number): SvgNode {
  const items: [string, string][] = [
    ['k-conv', T.legend.conv],
    ['k-depthwise', T.legend.depthwise],
    ['k-pointwise', T.legend.pointwise],
    ['k-fc', T.legend.fc],
  ];
  const step = Math.min(100, (width - 2 * pad) / items.length);
  return h(
    'g',
    { class: 'legend' },
    items.map(([cls, text], i) =>
      h(
        'g',
        {},
        h('circle', {
          class: `layer ${cls}`,
          cx: pad + 6 + i * step,
          cy: y + 10,
          r: 4,
        }),
        h('text', { class: 'fig-small', x: pad + 14 + i * step, y: y + 14 }, text),
      ),
    ),
  );
}

export const figure: FigureDef = {
  id: 'arithmetic-intensity',
  title: (lang) => words(lang).title,
  chapter: '/depthwise-separable/',
  source: (lang) => words(lang).source,
  params: ['k', 'm', 'n', 'df', 'precision', 'peak', 'bw'],
  controls: ['precision', 'peak', 'bw'],
  render,
};
