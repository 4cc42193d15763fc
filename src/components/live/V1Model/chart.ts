/**
 * The V1 model block's results as pictures (pure: numbers and a width in, an SVG tree out):
 * - countChart: TensorFlow.js countParams() beside the site's count, the latter split into what
 *   it is made of (weights + FC bias, BatchNorm γ and β, BatchNorm moving mean and variance), on
 *   one scale, so equal totals are bars of equal length;
 * - timeChart: the measured time of each costed layer as a column coloured by its kind, with a
 *   tick where the layer would be if time followed mult-adds (its share of the total time).
 * Widths are CSS pixels, so 12 px text stays 12 px on any screen.
 */
import { costByKind, frameworkCounts, type Architecture, type LayerKind } from '../../../lib/architectures';
import { formatCompact, formatInt } from '../../../lib/format';
import type { LayerTime } from '../../../lib/tf/model-run';
import { h, type SvgNode } from '../../figure-kit/svg';
import { quantity } from '../../figure-kit/marks';
import { liveEn, type LiveStrings } from '../../../i18n/live.en';

type ChartStrings = LiveStrings['v1Model']['chart'];

const CHAR = 7.5;

/** The parts of the site's Keras-convention count, in drawing order. */
export function countParts(arch: Architecture, t: ChartStrings = liveEn.v1Model.chart): { key: string; label: string; value: number }[] {
  const fw = frameworkCounts(arch);
  return [
    { key: 'weights', label: t.weights, value: arch.params },
    { key: 'bn-trainable', label: t.bnTrainable, value: fw.keras.trainable - arch.params },
    { key: 'bn-moving', label: t.bnMoving, value: fw.keras.nonTrainable },
  ];
}

/** countParams() (once measured) against the site's count, on one linear scale. */
export function countChart(arch: Architecture, counted: number | undefined, width: number, uid: string, t: ChartStrings = liveEn.v1Model.chart): SvgNode {
  const parts = countParts(arch, t);
  const site = parts.reduce((s, p) => s + p.value, 0);
  const labelW = Math.min(170, Math.round(width * 0.42));
  const barX = labelW + 8;
  const barW = width - barX - 4;
  const max = Math.max(site, counted ?? 0);
  const scale = (v: number): number => (v / max) * barW;
  const narrow = width < 420;
  let x = barX;
  const stack = parts.map((p) => {
    const w = scale(p.value);
    const r = h('rect', { class: `v1m-part v1m-${p.key}`, 'data-part': p.key, x, y: 30, width: Math.max(w, 0.5), height: 16 }, h('title', {}, t.part(p.label, formatInt(p.value))));
    x += w;
    return r;
  });
  const legend = parts.map((p, i) => {
    const lx = narrow ? 0 : (i * width) / 3;
    const ly = narrow ? 78 + i * 16 : 78;
    return h('g', {}, h('rect', { class: `v1m-part v1m-${p.key}`, x: lx, y: ly - 10, width: 10, height: 10 }), h('text', { class: 'fig-small', x: lx + 14, y: ly }, `${p.label} ${formatCompact(p.value)}`));
  });
  const height = narrow ? 78 + 3 * 16 : 90;
  const same = counted === site;
  return h(
    'svg',
    { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-labelledby': `${uid}-count-title`, class: 'fig-svg v1m-count', 'data-match': counted === undefined ? undefined : String(same) },
    h('title', { id: `${uid}-count-title` }, counted === undefined ? t.countIdle(formatInt(site)) : t.countRun(formatInt(counted), same, formatInt(site))),
    h('text', { class: 'fig-small', x: 0, y: 16 }, fitText('countParams()', labelW)),
    counted === undefined
      ? h('text', { class: 'fig-small v1m-pending', x: barX, y: 16 }, t.pending)
      : h('g', {}, h('rect', { class: 'v1m-counted', x: barX, y: 5, width: scale(counted), height: 16 }), h('text', { class: 'fig-small v1m-on-bar', x: barX + 6, y: 17 }, formatInt(counted), same ? ' ✓' : ' ≠')),
    h('text', { class: 'fig-small', x: 0, y: 42 }, fitText(t.site, labelW)),
    h('g', { class: 'v1m-stack' }, stack),
    h('text', { class: 'fig-small v1m-on-bar', x: barX + 6, y: 42 }, quantity('site-count', site, formatInt(site))),
    legend,
  );
}

function fitText(text: string, width: number): string {
  return text.length * CHAR <= width ? text : `${text.slice(0, Math.max(3, Math.floor(width / CHAR) - 1))}…`;
}


/** Share of the measured time and of the mult-adds per kind of layer. */
export function timeShares(arch: Architecture, times: readonly LayerTime[]): { kind: LayerKind; time: number; macs: number }[] {
  const kindOf = new Map(arch.layers.map((l) => [l.name, l.kind]));
  const total = times.reduce((s, t) => s + t.ms, 0);
  const by = costByKind(arch);
  return (['pointwise', 'depthwise', 'conv', 'fc'] as LayerKind[]).map((kind) => ({
    kind,
    time: total === 0 ? 0 : times.filter((t) => kindOf.get(t.name) === kind).reduce((s, t) => s + t.ms, 0) / total,
    macs: (by[kind]?.multAdds ?? 0) / arch.multAdds,
  }));
}

/** Measured time per layer as columns, with the time each layer's share of mult-adds would predict. */
export function timeChart(arch: Architecture, times: readonly LayerTime[], width: number, uid: string, words: ChartStrings = liveEn.v1Model.chart): SvgNode {
  const byName = new Map(arch.layers.map((l) => [l.name, l]));
  const total = times.reduce((s, t) => s + t.ms, 0);
  const predicted = (name: string): number => {
    const l = byName.get(name);
    return l ? (total * l.multAdds) / arch.multAdds : 0;
  };
  const maxMs = Math.max(...times.map((t) => Math.max(t.ms, predicted(t.name))), 1e-9);
  const top = 24;
  const hgt = 150;
  const base = top + hgt;
  const cw = width / times.length;
  const bw = Math.max(2, cw * 0.7);
  const cols = times.map((t, i) => {
    const l = byName.get(t.name);
    const kind = l?.kind ?? 'pool';
    const x = i * cw + (cw - bw) / 2;
    const mh = (t.ms / maxMs) * hgt;
    const ph = (predicted(t.name) / maxMs) * hgt;
    return h(
      'g',
      { class: `v1m-col kind-${kind}`, 'data-layer': t.name, 'data-ms': t.ms.toFixed(3) },
      h('title', {}, words.layer(t.name, words.kinds[kind], t.ms.toFixed(1), l ? formatInt(l.multAdds) : undefined, predicted(t.name).toFixed(1))),
      h('rect', { class: `v1m-bar bar-${kind}`, x, y: base - Math.max(mh, 0.5), width: bw, height: Math.max(mh, 0.5) }),
      l ? h('line', { class: 'v1m-pred', x1: x - 1, x2: x + bw + 1, y1: base - ph, y2: base - ph }) : null,
    );
  });
  const shares = timeShares(arch, times);
  const dw = shares.find((s) => s.kind === 'depthwise')!;
  const pw = shares.find((s) => s.kind === 'pointwise')!;
  const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;
  const lines = [
    words.depthwiseShare(pct(dw.time), pct(dw.macs)),
    words.pointwiseShare(pct(pw.time), pct(pw.macs)),
  ];
  const keyY = base + 20;
  const key = width < 460
    ? [h('text', { class: 'fig-small', x: 0, y: keyY }, words.keyMeasured), h('text', { class: 'fig-small', x: 0, y: keyY + 16 }, words.keyPredicted)]
    : [h('text', { class: 'fig-small', x: 0, y: keyY }, words.keyWide)];
  const textY = keyY + key.length * 16 + 6;
  const wrap = (t: string): string[] => (t.length * CHAR <= width ? [t] : t.split(/(?<=: |：)/).map((p) => p.trimEnd()));
  const textLines = lines.flatMap(wrap);
  return h(
    'svg',
    { viewBox: `0 0 ${width} ${textY + textLines.length * 17}`, role: 'img', 'aria-labelledby': `${uid}-time-title`, class: 'fig-svg v1m-time' },
    h('title', { id: `${uid}-time-title` }, words.timeTitle(total.toFixed(1), lines.join(' '))),
    h('text', { class: 'fig-heading', x: 0, y: 14 }, words.timeHeading),
    h('text', { class: 'fig-small', x: width, y: 14, 'text-anchor': 'end' }, words.tallest(maxMs.toFixed(1), total.toFixed(0))),
    h('g', {}, cols),
    h('line', { class: 'v1m-base', x1: 0, x2: width, y1: base, y2: base }),
    key,
    textLines.map((t, i) => h('text', { class: 'fig-value', x: 0, y: textY + 12 + i * 17, 'data-role': i === 0 ? 'time-shares' : undefined }, t)),
  );
}
