import { describe, expect, it } from 'vitest';
import { figure as tradeoff, xDomain } from './figure';
import { mobilenetV1 } from '../../../lib/architectures';
import { tradeoffPoints } from '../../../lib/accuracy';
import type { SvgNode } from '../../figure-kit/svg';
import { defaultValues as defaults, findAll as all, testFrame } from '../../figure-kit/testing';
import { SLIDE_HEIGHT, SLIDE_WIDTH } from '../../figure-kit/frame';
import { overlaps, placeLabels, textBox } from './labels';

const slideFrame = { ...testFrame(SLIDE_WIDTH, 's', 'slide'), height: SLIDE_HEIGHT };
/** A slide whose figure box is narrower (a presenter's preview, a slide with text beside the figure). */
const narrowSlide = { ...testFrame(480, 'n', 'slide'), height: SLIDE_HEIGHT };
const text = (n: SvgNode | string): string => (typeof n === 'string' ? n : n.children.map(text).join(''));

const q = (svg: SvgNode, name: string) => all(svg, (n) => n.attrs['data-quantity'] === name)[0]?.attrs['data-exact'];
const xOf = (n: SvgNode): number => Number(n.attrs.cx ?? Number(n.attrs.x) + 4.5);

describe('tradeoff.render(values)', () => {
  it('cites every one of its points (data-source) and draws all 30 of them', () => {
    const { svg } = tradeoff.render(defaults, testFrame());
    const points = all(svg, (n) => n.attrs['data-point'] !== undefined && n.attrs['data-role'] === undefined);
    expect(points).toHaveLength(tradeoffPoints().length);
    expect(points).toHaveLength(30);
    for (const p of points) expect(String(p.attrs['data-source'])).toMatch(/^(Howard et al\. 2017, Table [4-9]|TF-slim MobileNet V1 README)$/);
  });

  it('marks α 1, 224 at 568,740,352 mult-adds with both published accuracies (paper 70.6%, TF-slim 70.9%)', () => {
    const { svg, summary } = tradeoff.render(defaults, testFrame());
    expect(q(svg, 'macs')).toBe('568740352');
    expect(q(svg, 'top1-paper')).toBe('70.6');
    expect(q(svg, 'top1-slim')).toBe('70.9');
    const rings = all(svg, (n) => n.attrs['data-role'] === 'current');
    expect(rings.map((r) => r.attrs['data-point']).sort()).toEqual(['paper-1-224', 'slim-1-224']);
    expect(summary).toContain('70.6%');
  });

  it('says there is no published accuracy for a setting nobody trained (α 0.6, 200) and still places its cost', () => {
    const { svg, summary } = tradeoff.render({ ...defaults, alpha: 0.6, res: 200 }, testFrame());
    expect(q(svg, 'macs')).toBe(String(mobilenetV1({ alpha: 0.6, resolution: 200 }).multAdds));
    expect(all(svg, (n) => n.attrs['data-role'] === 'current')).toHaveLength(0);
    expect(all(svg, (n) => n.attrs['data-role'] === 'no-accuracy')).toHaveLength(1);
    expect(summary).toContain('no published accuracy for this setting');
  });

  it('moves the highlight to the chosen checkpoint: α 0.25, 128 → TF-slim 41.5% only', () => {
    const { svg } = tradeoff.render({ ...defaults, alpha: 0.25, res: 128 }, testFrame());
    const rings = all(svg, (n) => n.attrs['data-role'] === 'current');
    expect(rings.map((r) => r.attrs['data-point'])).toEqual(['slim-0.25-128']);
    expect(q(svg, 'top1-slim')).toBe('41.5');
    expect(q(svg, 'top1-paper')).toBeUndefined();
  });

  it('places points on a log axis: equal ratios of mult-adds give equal distances', () => {
    const { svg } = tradeoff.render(defaults, testFrame());
    const byId = new Map(all(svg, (n) => n.attrs['data-point'] !== undefined && n.attrs['data-role'] === undefined).map((n) => [String(n.attrs['data-point']), n]));
    const pts = tradeoffPoints();
    const [a, b, c] = ['slim-0.25-128', 'slim-1-224', 'vgg16'].map((id) => pts.find((p) => p.id === id)!);
    const [xa, xb, xc] = ['slim-0.25-128', 'slim-1-224', 'vgg16'].map((id) => xOf(byId.get(id)!));
    expect((xb - xa) / (xc - xb)).toBeCloseTo(Math.log(b.macs / a.macs) / Math.log(c.macs / b.macs), 6);
    // The dashed line of the reader's setting passes through the α 1, 224 points.
    const line = all(svg, (n) => n.attrs['data-role'] === 'current-line')[0];
    expect(Number(line.attrs['data-x'])).toBeCloseTo(xb, 6);
    expect(String(line.attrs.style)).toContain(`translate(${xb.toFixed(2)}px`);
  });

  it('places higher accuracy higher, linearly', () => {
    const { svg } = tradeoff.render(defaults, testFrame());
    const marks = all(svg, (n) => n.attrs['data-point'] !== undefined && n.attrs['data-role'] === undefined && n.tag === 'circle');
    const ys = marks.map((m) => ({ top1: Number(m.attrs['data-top1']), y: Number(m.attrs.cy) }));
    const [p, r] = [ys[0], ys[ys.length - 1]];
    for (const s of ys) expect((s.y - p.y) * (r.top1 - p.top1)).toBeCloseTo((r.y - p.y) * (s.top1 - p.top1), 3);
  });

  it('widens the x axis to include tiny and huge settings (α 0.1 at 32; α 2 at 512)', () => {
    expect(xDomain(mobilenetV1({ alpha: 0.1, resolution: 32 }).multAdds)[0]).toBeLessThanOrEqual(mobilenetV1({ alpha: 0.1, resolution: 32 }).multAdds);
    expect(xDomain(mobilenetV1({ alpha: 2, resolution: 512 }).multAdds)[1]).toBeGreaterThan(mobilenetV1({ alpha: 2, resolution: 512 }).multAdds);
    const { svg } = tradeoff.render({ ...defaults, alpha: 2, res: 512 }, testFrame());
    expect(JSON.stringify(svg)).not.toContain('NaN');
  });

  it('shows an error instead of a chart when α leaves a layer without channels', () => {
    const view = tradeoff.render({ ...defaults, alpha: 0.01 }, testFrame());
    expect(all(view.svg, (n) => n.attrs['data-role'] === 'error')).toHaveLength(1);
  });

  it('places its point labels so that no two overlap and none covers a point, on a phone, a page and a slide', () => {
    for (const frame of [testFrame(316), testFrame(360), testFrame(520), testFrame(725), slideFrame]) {
      for (const [alpha, res] of [[1, 224], [0.25, 128], [2, 512]]) {
        const { svg } = tradeoff.render({ ...defaults, alpha, res }, frame);
        const labels = all(svg, (n) => n.attrs['data-label'] !== undefined);
        // The four comparison networks, the two variants and one label per α line.
        expect(labels.map((l) => l.attrs['data-label']).sort()).toEqual(['alexnet', 'alpha-0.25', 'alpha-0.5', 'alpha-0.75', 'alpha-1', 'googlenet', 'paper-conv-mobilenet', 'paper-shallow', 'squeezenet', 'vgg16']);
        const boxes = labels.map((l) => textBox(text(l), Number(l.attrs.x), Number(l.attrs.y), l.attrs['text-anchor'] as 'start'));
        for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) expect(overlaps(boxes[i], boxes[j]), `${text(labels[i])} / ${text(labels[j])} at ${frame.width}`).toBe(false);
        const marks = all(svg, (n) => n.attrs['data-point'] !== undefined && n.attrs['data-role'] === undefined && String(n.attrs.class).includes('to-point'));
        for (const m of marks) {
          // The mark's centre (a triangle's path starts at its apex, 5.5 above the centre).
          const apex = String(m.attrs.d).slice(1).split(/[ L]/).map(Number);
          const [cx, cy] = m.tag === 'circle' ? [Number(m.attrs.cx), Number(m.attrs.cy)] : m.tag === 'rect' ? [Number(m.attrs.x) + 4.5, Number(m.attrs.y) + 4.5] : [apex[0], apex[1] + 5.5];
          const mb = { x: cx - 3, y: cy - 3, w: 6, h: 6 };
          for (const [i, b] of boxes.entries()) expect(overlaps(b, mb), `${text(labels[i])} covers ${m.attrs['data-point']} at ${frame.width}`).toBe(false);
        }
      }
    }
  });

  it('keeps the accuracy axis title clear of the tick labels: above the axis on a phone, turned beside it on a page', () => {
    for (const frame of [testFrame(316), testFrame(360), testFrame(725)]) {
      const { svg } = tradeoff.render(defaults, frame);
      const axes = all(svg, (n) => n.attrs.class === 'to-axes')[0];
      const texts = all(axes, (n) => n.tag === 'text');
      const title = texts.find((t) => text(t) === 'ImageNet top-1');
      expect(title, `axis title at ${frame.width}`).toBeDefined();
      const ticks = texts.filter((t) => /^\d+%$/.test(text(t)));
      expect(ticks.map(text)).toEqual(['40%', '50%', '60%', '70%']);
      const tickBoxes = ticks.map((t) => textBox(text(t), Number(t.attrs.x), Number(t.attrs.y), 'end'));
      // A turned title runs down from its anchor; its box is the text's length tall and one line wide.
      const turned = String(title!.attrs.transform ?? '').startsWith('rotate(-90');
      const w = textBox(text(title!), 0, 0, 'start').w;
      const x = Number(title!.attrs.x);
      const y = Number(title!.attrs.y);
      const box = turned ? { x, y, w: 12 * 1.2, h: w } : textBox(text(title!), x, y, 'start');
      expect(turned, `turned at ${frame.width}`).toBe(frame.width >= 520);
      for (const [i, b] of tickBoxes.entries()) expect(overlaps(box, b), `title / ${text(ticks[i])} at ${frame.width}`).toBe(false);
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.y).toBeGreaterThanOrEqual(0);
    }
  });

  it('names every kind of mark in its legend, the triangles of the paper\'s variants included', () => {
    for (const frame of [testFrame(316), testFrame(725), slideFrame]) {
      const { svg } = tradeoff.render(defaults, frame);
      const legend = all(svg, (n) => n.attrs['data-legend'] !== undefined);
      expect(legend.map((n) => n.attrs['data-legend'])).toEqual(['slim', 'paper', 'variant', 'other', 'current']);
      const variant = legend[2];
      expect(all(variant, (n) => n.tag === 'path' && String(n.attrs.class).includes('to-variant'))).toHaveLength(1);
      expect(text(variant)).toContain('Tables 4, 5');
    }
  });

  it('lays itself out in the frame\'s width, no text under 12 px, within the slide\'s height on a slide', () => {
    for (const frame of [testFrame(316), testFrame(360), testFrame(520), testFrame(725), testFrame(1000), slideFrame, narrowSlide]) {
      const { svg } = tradeoff.render({ ...defaults, alpha: 0.6, res: 200 }, frame);
      const [, , w, hgt] = String(svg.attrs.viewBox).split(' ').map(Number);
      expect(w).toBe(frame.width);
      if (frame.context === 'slide') expect(hgt, `slide ${frame.width} wide`).toBeLessThanOrEqual(SLIDE_HEIGHT);
      // Each line: a text, or each tspan of a text that sets its own x.
      const lines = all(svg, (n) => (n.tag === 'text' && n.attrs.transform === undefined && !n.children.some((c) => typeof c !== 'string' && c.attrs.x !== undefined)) || (n.tag === 'tspan' && n.attrs.x !== undefined));
      for (const t of lines) {
        const size = String(t.attrs.class).includes('fig-result') ? 14 : 12;
        const b = textBox(text(t), Number(t.attrs.x), Number(t.attrs.y ?? 0), (t.attrs['text-anchor'] as 'start') ?? 'start', size);
        expect(b.x, text(t)).toBeGreaterThanOrEqual(-1);
        expect(b.x + b.w, `${text(t)} at ${frame.width}`).toBeLessThanOrEqual(frame.width + 1);
      }
    }
  });
});

describe('placeLabels(requests, obstacles, bounds)', () => {
  it('moves an earlier label aside when a later one has nowhere else to go', () => {
    // Two points side by side in a narrow box: both labels fit only one above the other.
    const placed = placeLabels(
      [
        { id: 'a', text: 'first', x: 50, y: 30, r: 3, prefer: ['right'] },
        { id: 'b', text: 'second', x: 58, y: 30, r: 3, prefer: ['right'] },
      ],
      [],
      { x: 0, y: 0, w: 120, h: 60 },
    );
    expect(overlaps(placed[0].box, placed[1].box)).toBe(false);
    for (const p of placed) expect(p.box.x + p.box.w).toBeLessThanOrEqual(120);
  });
});

describe('tradeoff labels in two editions', () => {
  it('are placed once per language: a Chinese render after an English one at the same size shows the Chinese words', () => {
    const label = (lang: 'en' | 'zh') => text(all(tradeoff.render(defaults, testFrame(680, 'l', 'page', lang)).svg, (n) => n.attrs['data-label'] === 'paper-shallow')[0]);
    // The build renders both editions in one process, English pages first.
    expect(label('en')).toBe('Shallow');
    expect(label('zh')).toBe('浅层');
    expect(label('en')).toBe('Shallow');
  });
});
