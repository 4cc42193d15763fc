import { describe, expect, it } from 'vitest';
import { figure, flowModules, moduleOfStep } from './figure';
import { PARAMS, PARAM_NAMES } from '../../../lib/params';
import { XCEPTION_MIN_RESOLUTION, xception } from '../../../lib/architectures';
import type { SvgNode } from '../../figure-kit/svg';
import { findAll as all, testFrame } from '../../figure-kit/testing';
import { layoutIssues } from '../../figure-kit/layout-check';
import { SLIDE_HEIGHT, SLIDE_WIDTH } from '../../figure-kit/frame';

const slideFrame = { ...testFrame(SLIDE_WIDTH, 's', 'slide'), height: SLIDE_HEIGHT };
/** A slide whose figure box is narrower (a presenter's preview, a slide with text beside the figure). */
const narrowSlide = { ...testFrame(480, 'n', 'slide'), height: SLIDE_HEIGHT };
const text = (n: SvgNode | string): string => (typeof n === 'string' ? n : n.children.map(text).join(''));

const defaults = { ...Object.fromEntries(PARAM_NAMES.map((n) => [n, PARAMS[n].defaultValue])), res: 299 } as Record<(typeof PARAM_NAMES)[number], number>;

const q = (svg: SvgNode, name: string) => all(svg, (n) => n.attrs['data-quantity'] === name).map((n) => n.attrs['data-exact']);

describe('flowModules(xception())', () => {
  const modules = flowModules(xception());
  it('has 36 convolution layers in 14 modules, residual connections around all but the first and last (Chollet 2017 §3)', () => {
    expect(modules).toHaveLength(14);
    expect(modules.reduce((s, m) => s + m.convLayers, 0)).toBe(36);
    expect(modules.map((m) => m.residual !== 'none')).toEqual([false, ...Array(12).fill(true), false]);
    expect(modules.filter((m) => m.residual === 'projection').map((m) => m.block)).toEqual([2, 3, 4, 13]);
  });
  it('module costs add up to the network total minus the classifier', () => {
    const arch = xception();
    const fc = arch.layers.find((l) => l.role === 'classifier')!;
    expect(modules.reduce((s, m) => s + m.params, 0) + fc.params).toBe(arch.params);
    expect(modules.reduce((s, m) => s + m.multAdds, 0) + fc.multAdds).toBe(arch.multAdds);
  });
  it('a middle module at 299: 3 × (9·728 + 728²) = 1,609,656 params on 19×19', () => {
    expect(modules[4].params).toBe(3 * (9 * 728 + 728 * 728));
    expect(modules[4].multAdds).toBe(3 * (9 * 728 + 728 * 728) * 19 * 19);
    expect(modules[4].outH).toBe(19);
  });
});

describe('xceptionFlow.render(values)', () => {
  it('shows the totals of the cost model and the Keras counts (Chollet Table 3: 22,855,952)', () => {
    const { svg, tex } = figure.render(defaults, testFrame());
    expect(q(svg, 'params')).toEqual([String(xception().params)]);
    expect(q(svg, 'macs')).toEqual([String(xception().multAdds)]);
    expect(q(svg, 'bn-channels')).toEqual(['27264']);
    expect(q(svg, 'keras-trainable')).toEqual(['22855952']);
    expect(q(svg, 'keras-total')).toEqual(['22910480']);
    expect(tex).toContain('22{,}910{,}480');
  });
  it('draws a resolution below 71, the least Keras builds, at 71 and says so, in both languages', () => {
    expect(XCEPTION_MIN_RESOLUTION).toBe(71);
    for (const frame of [testFrame(), testFrame(360, 'p')]) {
      const low = figure.render({ ...defaults, res: 32 }, frame);
      expect(q(low.svg, 'params')).toEqual([String(xception({ resolution: 71 }).params)]);
      expect(q(low.svg, 'macs')).toEqual([String(xception({ resolution: 71 }).multAdds)]);
      expect(text(low.svg)).toContain("input 71×71×3 (Keras's least; 32 asked)");
      expect(layoutIssues(low.svg, frame)).toEqual([]);
    }
    expect(text(figure.render({ ...defaults, res: 32 }, testFrame(680, 't', 'page', 'zh')).svg)).toContain('输入 71×71×3（Keras 的下限；要求的是 32）');
    expect(text(figure.render({ ...defaults, res: 71 }, testFrame()).svg)).toContain('input 71×71×3');
    expect(text(figure.render({ ...defaults, res: 71 }, testFrame()).svg)).not.toContain('asked');
  });

  it('draws the 8 middle modules as one stack of 8 cards holding their sum; a highlighted middle module is its card', () => {
    const collapsed = figure.render({ ...defaults, step: 0 }, testFrame()).svg;
    expect(q(collapsed, 'middle-params')).toEqual([String(8 * 3 * (9 * 728 + 728 * 728))]);
    const mods = all(collapsed, (n) => n.attrs.class?.toString().includes('xf-module') ?? false);
    // 4 entry modules, the front of the stack and one card per middle module, 2 exit modules.
    expect(mods).toHaveLength(4 + 1 + 8 + 2);
    const open = figure.render({ ...defaults, step: 6 }, testFrame()).svg;
    expect(open.attrs['data-module']).toBe(7);
    const active = all(open, (n) => String(n.attrs.class ?? '').includes('xf-active'));
    expect(active.map((n) => n.attrs['data-block'])).toEqual([7]);
    expect(String(active[0].attrs['aria-label'])).toMatch(/^Module 7 \(middle flow, 3 of 8\)/);
    // The detail lists module 7's three separable layers.
    expect(q(open, 'layer-params')).toEqual(Array(3).fill(String(9 * 728 + 728 * 728)));
  });

  it('highlights module step + 1, so the stepper reads the module\'s number (1 / 14 … 14 / 14)', () => {
    expect(figure.steps).toBe(14);
    for (let step = 0; step < 14; step++) {
      expect(moduleOfStep(step)).toBe(step + 1);
      const { svg, summary } = figure.render({ ...defaults, step }, testFrame());
      const active = all(svg, (n) => String(n.attrs.class ?? '').includes('xf-active'));
      expect(active.map((n) => n.attrs['data-block'])).toEqual([step + 1]);
      expect(summary).toContain(`Module ${step + 1} of 14 is highlighted`);
    }
  });

  it('draws each residual connection as a bypass that leaves the flow above its module and joins at ⊕ below it', () => {
    for (const frame of [testFrame(316), testFrame(725), slideFrame]) {
      const { svg } = figure.render({ ...defaults, step: 1 }, frame);
      const boxes = new Map(all(svg, (n) => String(n.attrs.class ?? '').startsWith('xf-module') && n.attrs['data-block'] !== undefined && !String(n.attrs.class).includes('xf-card')).map((n) => [String(n.attrs['data-block']), n]));
      // Modules 2–13 have one: 2, 3, 4 and 13 through a strided 1×1 conv; the middle stack's is an identity.
      const withBypass = [...boxes].filter(([, g]) => all(g, (n) => n.attrs['data-residual'] !== undefined).length > 0).map(([b]) => b);
      expect(withBypass.sort()).toEqual(['13', '2', '3', '4'].sort());
      const bypasses = all(svg, (n) => n.attrs['data-residual'] !== undefined);
      expect(bypasses.map((b) => b.attrs['data-residual'])).toEqual(['projection', 'projection', 'projection', 'identity', 'projection']);
      for (const [b, g] of boxes) {
        const bp = all(g, (n) => n.attrs['data-residual'] !== undefined)[0];
        if (!bp) continue;
        const box = all(g, (n) => n.attrs.class === 'xf-box')[0];
        const [bx, by, bw, bh] = ['x', 'y', 'width', 'height'].map((k) => Number(box.attrs[k]));
        const path = String(all(bp, (n) => n.attrs.class === 'xf-bypass')[0].attrs.d);
        const [startX, startY, laneX, joinY, endX] = path.match(/-?[\d.]+/g)!.map(Number);
        const add = all(bp, (n) => n.attrs['data-role'] === 'add')[0];
        expect(startY, `module ${b}`).toBeLessThan(by); // leaves above the module
        expect(laneX).toBeLessThan(bx); // runs beside it, outside the box
        expect(joinY).toBeGreaterThan(by + bh); // joins below it…
        expect(Number(add.attrs.cy)).toBe(joinY); // …at the ⊕
        expect(Number(add.attrs.cx)).toBe(startX); // on the flow line it left
        expect(endX).toBeLessThan(Number(add.attrs.cx));
        expect(bw).toBeGreaterThan(0);
      }
    }
  });

  it('lays itself out for the frame: no text past the edge, none under 12 px, within the slide\'s height', () => {
    for (const frame of [testFrame(316), testFrame(360), testFrame(520), testFrame(725), testFrame(1000), slideFrame, narrowSlide]) {
      for (const step of [0, 1, 6, 12, 13]) {
        const { svg } = figure.render({ ...defaults, step }, frame);
        const [, , w, hgt] = String(svg.attrs.viewBox).split(' ').map(Number);
        expect(w).toBe(frame.width);
        if (frame.context === 'slide') expect(hgt, `slide ${frame.width} wide`).toBeLessThanOrEqual(SLIDE_HEIGHT);
        for (const r of all(svg, (n) => n.tag === 'rect')) expect(Number(r.attrs.x) + Number(r.attrs.width), `rect at ${frame.width}`).toBeLessThanOrEqual(frame.width + 0.5);
        for (const t of all(svg, (n) => n.tag === 'text')) {
          const x = Number(t.attrs.x);
          const len = text(t).length * 6.5;
          const anchor = t.attrs['text-anchor'] ?? 'start';
          const [l, r] = anchor === 'end' ? [x - len, x] : [x, x + len];
          expect(l, text(t)).toBeGreaterThanOrEqual(-1);
          expect(r, `${text(t)} at ${frame.width}`).toBeLessThanOrEqual(frame.width + 2);
        }
      }
    }
  });

  it('follows the resolution: at 224 the middle flow runs on 14×14 and mult-adds scale by the spatial area', () => {
    const m299 = flowModules(xception({ resolution: 299 }))[4];
    const m224 = flowModules(xception({ resolution: 224 }))[4];
    expect(m224.outH).toBe(14);
    expect(m224.multAdds / m299.multAdds).toBeCloseTo((14 * 14) / (19 * 19), 12);
  });
  it('every focusable module has an accessible name with its numbers; the root is an img with title and desc', () => {
    const { svg } = figure.render({ ...defaults, step: 3 }, testFrame(680, 'u'));
    expect(svg.attrs.role).toBe('img');
    expect(svg.attrs['aria-labelledby']).toBe('u-title u-desc');
    for (const m of all(svg, (n) => n.attrs.tabindex === 0)) expect(String(m.attrs['aria-label'])).toMatch(/parameters.*mult-adds/);
  });
});
