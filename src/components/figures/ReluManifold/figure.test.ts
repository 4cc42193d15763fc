import { describe, expect, it } from 'vitest';
import { BANDS, columnKey, curvesFor, figure, FIXED_DIMS, formatLost, layout, panelDims, POINTS, RANGE, type ManifoldData, type PanelPair } from './figure';
import { embeddingMatrix, lostPoints, predictedLostFraction, reluRoundTrip, spiral } from '../../../lib/manifold';
import type { SvgNode } from '../../figure-kit/svg';
import { defaultValues as defaults, findAll as all, testFrame } from '../../figure-kit/testing';
import { pathPoints, segmentDistance } from '../../figure-kit/paths';

const numbers = (svg: SvgNode, name: string) => all(svg, (n) => n.attrs['data-quantity'] === name).map((n) => [Number(n.attrs['data-dim']), Number(n.attrs['data-exact'])]);
const panels = (svg: SvgNode, row: 'pinv' | 'active') => all(svg, (n) => n.attrs['data-row'] === row);
const viewBox = (svg: SvgNode) => String(svg.attrs.viewBox).split(' ').map(Number);
const slide = (width: number) => ({ uid: 's', width, height: 335, context: 'slide' as const, lang: 'en' as const });

/** Every text's estimated extent in picture units, following translate() of its ancestors. */
function textBoxes(node: SvgNode, dx = 0, dy = 0, out: { text: string; left: number; right: number; y: number; cls: string }[] = []) {
  const m = /translate\(([-\d.]+)[ ,]+([-\d.]+)\)/.exec(String(node.attrs.transform ?? ''));
  const x0 = dx + (m ? Number(m[1]) : 0);
  const y0 = dy + (m ? Number(m[2]) : 0);
  if (node.tag === 'text') {
    const own = (n: SvgNode) => all(n, () => true).flatMap((k) => k.children.filter((c): c is string => typeof c === 'string')).join('');
    // A text broken into lines holds one tspan per line, each with its own x.
    const lines = node.children.filter((c): c is SvgNode => typeof c !== 'string' && c.tag === 'tspan' && c.attrs.x !== undefined);
    const parts = lines.length > 0 ? lines.map((l) => ({ text: own(l), x: Number(l.attrs.x) })) : [{ text: own(node), x: Number(node.attrs.x ?? 0) }];
    // Text turned by 90° spans one line height across.
    const turned = String(node.attrs.transform ?? '').includes('rotate');
    for (const part of parts) {
      const width = turned ? 0 : part.text.length * 6.8;
      const anchor = node.attrs['text-anchor'];
      const x = x0 + part.x;
      const left = turned ? x - 12 : anchor === 'end' ? x - width : anchor === 'middle' ? x - width / 2 : x;
      out.push({ text: part.text, left, right: left + width, y: y0 + Number(node.attrs.y ?? 0), cls: String(node.attrs.class ?? '') });
    }
    return out;
  }
  for (const c of node.children) if (typeof c !== 'string') textBoxes(c, x0, y0, out);
  return out;
}

describe('reluManifold.render(values, frame)', () => {
  it('shows, per panel, the T⁺ error of reluRoundTrip for n = 2, 3, 5, 15, 30 and the slider’s n (Sandler et al. 2018, Fig. 1)', () => {
    const { svg } = figure.render({ ...defaults, dim: 12, seed: 7 }, testFrame());
    const want = [2, 3, 5, 12, 15, 30].map((n) => [n, reluRoundTrip({ dim: n, points: POINTS, seed: 7, activation: 'relu' }).error]);
    expect(numbers(svg, 'error')).toEqual(want);
  });

  it('shows, per panel, the fraction of points lost: the count from lostPoints over 2000 points', () => {
    const { svg } = figure.render({ ...defaults, dim: 12, seed: 7 }, testFrame());
    const input = spiral({ points: POINTS }).points;
    const want = [2, 3, 5, 12, 15, 30].map((n) => [n, lostPoints(input, embeddingMatrix(n, 7), n, 'relu').reduce((a, l) => a + l, 0) / POINTS]);
    expect(numbers(svg, 'lost')).toEqual(want);
    const lost = new Map(numbers(svg, 'lost') as [number, number][]);
    // Two rows of T lose at least half the directions ((π + θ)/2π on a circle); thirty lose none of these points.
    expect(lost.get(2)).toBeGreaterThan(0.5);
    expect(lost.get(30)).toBe(0);
  });

  it('the slider’s panel never repeats a fixed one: for every n, each n is drawn once and exactly one column is the slider’s', () => {
    for (let n = 2; n <= 64; n++) {
      expect(panelDims(n)).toEqual([...new Set([...FIXED_DIMS, n])].sort((a, b) => a - b));
      const { svg } = figure.render({ ...defaults, dim: n }, testFrame());
      const shown = panels(svg, 'active').map((g) => Number(g.attrs['data-panel']));
      expect(new Set(shown).size, `n = ${n}`).toBe(shown.length);
      const slider = panels(svg, 'active').filter((g) => g.attrs['data-slider'] !== undefined);
      expect(slider.map((g) => g.attrs['data-panel'])).toEqual([n]);
    }
    expect(numbers(figure.render({ ...defaults, dim: 5 }, testFrame()).svg, 'error').map(([d]) => d)).toEqual([2, 3, 5, 15, 30]);
  });

  it('keys each column for the patch: the paper’s n by their n whatever the slider’s, the slider’s own column “slider” at every other n', () => {
    const keys = (n: number) => all(figure.render({ ...defaults, dim: n }, testFrame()).svg, (g) => g.tag === 'g' && g.attrs['data-key'] !== undefined && all(g, (k) => k.attrs['data-row'] === 'pinv').length === 1).map((g) => g.attrs['data-key']);
    expect(keys(5)).toEqual(['2', '3', '5', '15', '30']);
    expect(keys(6)).toEqual(['2', '3', '5', 'slider', '15', '30']);
    expect(keys(16)).toEqual(['2', '3', '5', '15', 'slider', '30']);
    expect(keys(64)).toEqual(['2', '3', '5', '15', '30', 'slider']);
    expect(columnKey(30, 30)).toBe('30');
    expect(columnKey(12, 12)).toBe('slider');
    expect(columnKey(12, 13)).toBe('12');
  });

  it('loses nothing without an activation: every error is 0 to float64 rounding and every lost fraction is 0', () => {
    const { svg } = figure.render({ ...defaults, act: 2 }, testFrame());
    for (const [, e] of numbers(svg, 'error')) expect(e).toBeLessThan(1e-20 + 1e-12);
    for (const [, f] of numbers(svg, 'lost')) expect(f).toBe(0);
  });

  it('draws every spiral point in its colour band (lost ones dark): each lies within 0.33 units of the centre line of its path', () => {
    const { svg } = figure.render(defaults, testFrame());
    const size = layout(testFrame()).panel;
    const px = size / (2 * RANGE);
    let points = 0;
    let drawn = 0;
    for (const row of ['pinv', 'active'] as const) {
      for (const g of panels(svg, row)) {
        const n = Number(g.attrs['data-panel']);
        const trip = reluRoundTrip({ dim: n, points: POINTS, seed: 1, inverse: row });
        const paths = all(g, (k) => k.tag === 'path' && String(k.attrs.class).includes('rm-dots'));
        expect(paths.length).toBeLessThanOrEqual(BANDS + 1);
        // Runs per band, in units: a dot ("m dx dy h0") or a polyline ("m dx dy l dx dy dx dy …").
        const byBand = new Map<string, [number, number][][]>();
        for (const p of paths) {
          const band = String(p.attrs.class).split(' ')[1];
          const runs: [number, number][][] = [];
          let x = 0;
          let y = 0;
          for (const [, cmd, args] of String(p.attrs.d).matchAll(/([Mmlh])([^Mmlh]*)/g)) {
            const v = args.trim().split(/\s+/).map(Number);
            if (cmd === 'h') continue;
            for (let i = 0; i + 1 < v.length; i += 2) {
              x = cmd === 'M' ? v[i] : x + v[i];
              y = cmd === 'M' ? v[i + 1] : y + v[i + 1];
              if (cmd === 'l') runs[runs.length - 1].push([x, y]);
              else runs.push([[x, y]]);
              drawn++;
            }
          }
          byBand.set(band, runs);
        }
        for (let k = 0; k < POINTS; k++) {
          const band = trip.lost[k] ? 'rm-lost' : `rm-b${Math.min(BANDS - 1, Math.floor(trip.t[k] * BANDS))}`;
          const x = size / 2 + trip.reconstructed[2 * k] * px;
          const y = size / 2 - trip.reconstructed[2 * k + 1] * px;
          // 0.15 to the dot that stands for it, 0.1 from that dot to the simplified line, 0.08 for rounding.
          const near = (byBand.get(band) ?? []).some((run) => run.some((a, i) => segmentDistance([x, y], a, run[Math.min(i + 1, run.length - 1)]) <= 0.15 + 0.1 + 0.08));
          expect(near, `n = ${n}, ${row}, point ${k} in ${band}`).toBe(true);
        }
        points += POINTS;
        const lostPath = paths.find((p) => String(p.attrs.class).includes('rm-lost'));
        const lostCount = trip.lost.reduce((a, l) => a + l, 0);
        expect(lostPath ? Number(lostPath.attrs['data-count']) : 0).toBe(lostCount);
        expect(lostCount).toBe(Math.round(trip.lostFraction * POINTS));
      }
    }
    // The arms repeat positions often and run smooth: a tenth of the points or fewer are needed to draw them.
    expect(drawn).toBeLessThan(points / 10);
  });

  it('draws the input spiral as a faint outline under every panel, starting at the panel centre: one path, placed in each', () => {
    const frame = testFrame();
    const { svg } = figure.render(defaults, frame);
    const size = layout(frame).panel;
    const spiralPath = all(svg, (n) => n.tag === 'path' && n.attrs.id === `${frame.uid}-spiral`);
    expect(spiralPath).toHaveLength(1);
    const d = String(spiralPath[0].attrs.d);
    const points = pathPoints(d);
    expect(d.startsWith('M')).toBe(true);
    expect(points[0][0]).toBeCloseTo(size / 2, 1);
    expect(points[0][1]).toBeCloseTo(size / 2, 1);
    // Every 8th of the spiral's points, in panel units: the input that every n starts from.
    const input = spiral({ points: POINTS }).points;
    const px = size / (2 * RANGE);
    expect(points).toHaveLength(POINTS / 8);
    points.forEach(([x, y], i) => {
      expect(Math.abs(x - (size / 2 + input[16 * i] * px))).toBeLessThanOrEqual(0.05 + 1e-9);
      expect(Math.abs(y - (size / 2 - input[16 * i + 1] * px))).toBeLessThanOrEqual(0.05 + 1e-9);
    });
    for (const g of [...panels(svg, 'pinv'), ...panels(svg, 'active')]) {
      const outline = all(g, (n) => n.attrs.class === 'rm-input');
      expect(outline.map((n) => [n.tag, n.attrs.href])).toEqual([['use', `#${frame.uid}-spiral`]]);
    }
  });

  it('recovers every point that is not lost exactly from its active coordinates (kept dots sit on the outline)', () => {
    const { pinv, active } = { pinv: reluRoundTrip({ dim: 15, points: POINTS }), active: reluRoundTrip({ dim: 15, points: POINTS, inverse: 'active' }) };
    for (let k = 0; k < POINTS; k++) {
      if (active.lost[k]) continue;
      expect(Math.abs(active.reconstructed[2 * k] - active.input[2 * k])).toBeLessThan(1e-9);
    }
    // T⁺ returns the spiral at about half size (the chapter's ½): its error is far from 0.
    expect(pinv.error).toBeGreaterThan(5);
  });

  it('plots the lost fraction against (1 + n)/2ⁿ: the mean over 100 random T lies on it', () => {
    const { svg } = figure.render(defaults, testFrame());
    const means = all(svg, (n) => n.attrs.class === 'rm-mean-dot' && n.attrs['data-dim'] !== undefined);
    expect(means.length).toBe(curvesFor('relu').lost.length);
    for (const m of means) expect(Math.abs(Number(m.attrs['data-mean']) - predictedLostFraction(Number(m.attrs['data-dim'])))).toBeLessThan(0.06);
  });

  it('plots an error that falls with n; back from the active coordinates it reaches 0 by n = 30', () => {
    const { pinv, active } = curvesFor('relu');
    expect(pinv[0].mean).toBeGreaterThan(pinv[pinv.length - 1].mean);
    expect(active.find((p) => p.dim === 30)!.mean).toBeLessThan(0.01);
    expect(active[0].mean).toBeGreaterThan(5);
  });

  it('draws the panels from compute’s data when seed and σ match, and says which backend ran', () => {
    const trip = (inverse: 'pinv' | 'active') => reluRoundTrip({ dim: 2, points: POINTS, seed: 1, activation: 'relu', inverse });
    const panelsData = new Map<number, PanelPair>([[2, { pinv: { ...trip('pinv'), error: 123.5 }, active: { ...trip('active'), lostFraction: 0.25 } }]]);
    const data: ManifoldData = { backend: 'cpu', seed: 1, activation: 'relu', panels: panelsData, ms: 1 };
    const { svg } = figure.render(defaults, testFrame(), data);
    expect(numbers(svg, 'error')[0]).toEqual([2, 123.5]);
    expect(numbers(svg, 'lost')[0]).toEqual([2, 0.25]);
    expect(all(svg, (n) => n.attrs['data-role'] === 'backend')[0].attrs['data-backend']).toBe('cpu');
    // Stale data (another seed) is ignored: the figure computes for itself.
    const stale = figure.render({ ...defaults, seed: 2 }, testFrame(), data).svg;
    expect(numbers(stale, 'error')[0][1]).toBe(reluRoundTrip({ dim: 2, points: POINTS, seed: 2 }).error);
    expect(all(stale, (n) => n.attrs['data-role'] === 'backend')[0].attrs['data-backend']).toBe('build');
  });

  it('clamps a hostile n and an unknown activation instead of failing', () => {
    const { svg } = figure.render({ ...defaults, dim: 1e9, act: 9 }, testFrame());
    expect(numbers(svg, 'error').at(-1)![0]).toBe(64);
    expect(svg.attrs['aria-labelledby']).toBe('t-title t-desc');
  });

  it('formatLost keeps small fractions visible: 0.7505 → 75%, 0.0005 → 0.05%, 0 → 0%', () => {
    expect([0.7505, 0.1875, 0.0005, 0].map(formatLost)).toEqual(['75%', '19%', '0.05%', '0%']);
  });
});

describe('reluManifold layouts', () => {
  const frames = [testFrame(316), testFrame(360), testFrame(680), testFrame(1000), slide(492), slide(739), slide(842)];

  it('draws in frame.width units: the viewBox is the frame’s width and no text runs past it', () => {
    for (const frame of frames) {
      const { svg } = figure.render({ ...defaults, dim: 12 }, frame);
      expect(viewBox(svg)[2]).toBe(frame.width);
      for (const t of textBoxes(svg)) {
        expect(t.left, `${frame.width} ${frame.context}: "${t.text}"`).toBeGreaterThanOrEqual(-1);
        expect(t.right, `${frame.width} ${frame.context}: "${t.text}"`).toBeLessThanOrEqual(frame.width + 1);
      }
    }
  });

  it('sets no font size in the picture (CSS classes give 12 px and up) and uses only the sized classes for text', () => {
    for (const frame of frames) {
      const { svg } = figure.render(defaults, frame);
      expect(all(svg, (n) => n.attrs['font-size'] !== undefined || String(n.attrs.style ?? '').includes('font'))).toEqual([]);
      for (const t of textBoxes(svg)) expect(t.cls, t.text).toMatch(/fig-(small|label|heading)/);
    }
  });

  it('on a 316 phone: three columns, panels at least 95 wide, the charts stacked', () => {
    const L = layout(testFrame(316));
    expect([L.kind, L.columns, L.charts]).toEqual(['narrow', 3, 'stacked']);
    expect(L.panel).toBeGreaterThanOrEqual(95);
    const { svg } = figure.render({ ...defaults, dim: 12 }, testFrame(316));
    const xs = panels(svg, 'active').map((g) => Number(/translate\(([\d.]+)/.exec(String(g.attrs.transform))![1]));
    expect(new Set(xs).size).toBe(3);
  });

  it('on a page: six columns in one row and the two charts side by side, shorter than 600', () => {
    const L = layout(testFrame(680));
    expect([L.kind, L.columns, L.charts]).toEqual(['wide', 6, 'side']);
    const { svg } = figure.render({ ...defaults, dim: 12 }, testFrame(680));
    expect(viewBox(svg)[3]).toBeLessThan(600);
    expect(all(svg, (n) => n.attrs['data-role'] === 'lost-plot' || n.attrs['data-role'] === 'error-plot')).toHaveLength(2);
  });

  it('on a slide: one row pair within 236 units (what a 1280×720 slide shows at full size, inside frame.height); the lost chart beside it when it fits', () => {
    for (const width of [492, 739, 842]) {
      const { svg } = figure.render({ ...defaults, dim: 12 }, slide(width));
      expect(viewBox(svg)[3], `${width}`).toBeLessThanOrEqual(236);
      expect(all(svg, (n) => n.attrs['data-role'] === 'lost-plot').length, `${width}`).toBe(width >= 700 ? 1 : 0);
      expect(all(svg, (n) => n.attrs['data-role'] === 'error-plot')).toEqual([]);
      expect(numbers(svg, 'lost')).toHaveLength(6);
    }
  });
});
