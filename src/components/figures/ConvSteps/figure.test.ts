import { describe, expect, it } from 'vitest';
import { figure as convSteps, stepsFor, standardStepsFor, sumText, STEP_COUNT, STANDARD_STEP_COUNT } from './figure';
import type { SvgNode } from '../../figure-kit/svg';
import { defaultValues, findAll as all, testFrame } from '../../figure-kit/testing';
import { layoutIssues } from '../../figure-kit/layout-check';
import { SLIDE_HEIGHT } from '../../figure-kit/frame';
import { conv2d, convStepsStandardExample } from '../../../lib/conv-reference';

const sep = { ...defaultValues, layer: 4 };
const std = { ...defaultValues, layer: 0 };
const quantities = (svg: SvgNode, name: string) => all(svg, (n) => n.attrs['data-quantity'] === name).map((n) => Number(n.attrs['data-exact']));
const outlines = (svg: SvgNode, cls: string) => all(svg, (n) => n.tag === 'rect' && String(n.attrs.class).split(' ').includes(cls));
const slide = { ...testFrame(500, 's', 'slide'), height: SLIDE_HEIGHT };

describe('convSteps.render(values) — separable (layer ≠ 0)', () => {
  it('has 27 depthwise steps (3×3 outputs × 3 channels) and 18 pointwise steps (3×3 × 2)', () => {
    expect(STEP_COUNT).toBe(45);
    expect(convSteps.stepsFor!(sep)).toBe(45);
    expect(convSteps.render(sep, testFrame()).svg.attrs['data-steps']).toBe(45);
  });
  it('step i shows the value of the reference convolution with the sum of its products', () => {
    const { dwOrder, pw, at } = stepsFor(1);
    for (let i = 0; i < STEP_COUNT; i++) {
      const { svg } = convSteps.render({ ...sep, step: i }, testFrame());
      const [v] = quantities(svg, 'step-value');
      const expected = i < 27 ? dwOrder[i].value : pw.steps[i - 27].value;
      expect(v).toBe(expected);
      const step = at(i).step;
      expect(step.terms.reduce((s, t) => s + t.input * t.weight, 0)).toBe(step.value);
    }
  });
  it('step 0 is filter 1 on the top-left window of channel 1: nine products', () => {
    const { at, ex } = stepsFor(1);
    const s = at(0).step;
    expect([s.n, s.y, s.x, s.terms.length]).toEqual([0, 0, 0, 9]);
    expect(s.terms[0].input).toBe(ex.input.data[0]);
    expect(sumText(s)).toMatch(/^\d·\(?−?\d\)? \+ .* = −?\d+$/);
  });
  it('fills in the outputs as it goes: k depthwise values at step k − 1, all 27 and then pointwise ones after', () => {
    expect(quantities(convSteps.render({ ...sep, step: 4 }, testFrame()).svg, 'dw-output')).toHaveLength(5);
    const late = convSteps.render({ ...sep, step: 30 }, testFrame()).svg;
    expect(quantities(late, 'dw-output')).toHaveLength(27);
    expect(quantities(late, 'output')).toHaveLength(4);
  });
  it('a pointwise step sums the three filtered channels at one position: Σ_m dw[y,x,m]·pw[m,n]', () => {
    const { at, dw, ex } = stepsFor(1);
    const s = at(27 + 5).step;
    expect(s.terms).toHaveLength(3);
    const expected = [0, 1, 2].reduce((acc, m) => acc + dw.output.data[(s.y * 3 + s.x) * 3 + m] * ex.pointwise.data[m * 2 + s.n], 0);
    expect(s.value).toBe(expected);
  });
  it('clamps a step beyond the last to the last and never prints NaN', () => {
    const { svg, summary } = convSteps.render({ ...sep, step: 9999 }, testFrame());
    expect(Number(svg.attrs['data-step'])).toBe(44);
    expect(summary).not.toContain('NaN');
  });
  it('a different seed gives different numbers, the same seed the same ones', () => {
    const a = convSteps.render({ ...sep, seed: 7 }, testFrame()).summary;
    expect(convSteps.render({ ...sep, seed: 7 }, testFrame()).summary).toBe(a);
    expect(stepsFor(7).ex.input.data).not.toEqual(stepsFor(8).ex.input.data);
  });
  it('highlights with one outline per region, drawn over the grids: a 3×3 window, never per-cell strokes', () => {
    const { svg } = convSteps.render({ ...sep, step: 4 }, testFrame(680));
    const cellClasses = all(svg, (n) => String(n.attrs.class).startsWith('cs-cell')).map((n) => String(n.attrs.class));
    expect(cellClasses.filter((c) => /window|filter|current|hl/.test(c))).toEqual([]);
    const windows = outlines(svg, 'cs-hl-dw');
    // One window on the input and one on the filter, each 3 cells wide.
    expect(windows).toHaveLength(2);
    const inputCell = Number(all(svg, (n) => String(n.attrs.class).startsWith('cs-cell'))[0].attrs.width);
    expect(Number(windows[0].attrs.width)).toBe(3 * inputCell);
    // Drawn after (over) the grid it outlines: a later sibling of the grid's group.
    const parent = all(svg, (n) => n.children.includes(windows[0]))[0];
    const gridIndex = parent.children.findIndex((c) => typeof c !== 'string' && all(c, (n) => String(n.attrs.class).startsWith('cs-cell')).length > 0);
    expect(gridIndex).toBeGreaterThanOrEqual(0);
    expect(parent.children.indexOf(windows[0])).toBeGreaterThan(gridIndex);
  });
  it('pointwise steps use the pointwise colour; no input slab or cell uses it otherwise', () => {
    const dwSvg = convSteps.render({ ...sep, step: 3 }, testFrame()).svg;
    expect(outlines(dwSvg, 'cs-hl-pw')).toHaveLength(0);
    const pwSvg = convSteps.render({ ...sep, step: 30 }, testFrame()).svg;
    expect(outlines(pwSvg, 'cs-hl-pw').length).toBeGreaterThan(0);
    expect(outlines(pwSvg, 'cs-hl-dw')).toHaveLength(0);
  });
});

describe('convSteps.render(values) — standard (layer 0)', () => {
  it('has 54 steps: 2 outputs × 9 positions × 3 input channels (Howard et al. 2017, eq. 1)', () => {
    expect(STANDARD_STEP_COUNT).toBe(54);
    expect(convSteps.stepsFor!(std)).toBe(54);
    expect(convSteps.render(std, testFrame()).svg.attrs['data-mode']).toBe('standard');
  });
  it('each step sums one channel’s nine products; after the third channel the running total is the output of conv2d', () => {
    const { input, kernel } = convStepsStandardExample(1);
    const ref = conv2d(input, kernel);
    for (let i = 0; i < STANDARD_STEP_COUNT; i++) {
      const { svg } = convSteps.render({ ...std, step: i }, testFrame());
      const p = standardStepsFor(1).at(i);
      const [v] = quantities(svg, 'step-value');
      expect(p.part.terms).toHaveLength(9);
      expect(p.part.terms.every((t) => t.m === p.m)).toBe(true);
      expect(v).toBe(p.part.terms.reduce((s, t) => s + t.input * t.weight, 0));
      if (p.m === 2) expect(p.partials.reduce((a, b) => a + b, 0)).toBe(ref.output.data[(p.y * 3 + p.x) * 2 + p.n]);
    }
  });
  it('an output value appears once its three channels are added: none at step 1, one at step 3', () => {
    expect(quantities(convSteps.render({ ...std, step: 0 }, testFrame()).svg, 'output')).toHaveLength(0);
    expect(quantities(convSteps.render({ ...std, step: 2 }, testFrame()).svg, 'output')).toHaveLength(1);
    expect(quantities(convSteps.render({ ...std, step: 53 }, testFrame()).svg, 'output')).toHaveLength(18);
  });
  it('the kernel spans every channel: the same window is outlined on all three, the current one solid', () => {
    const { svg } = convSteps.render({ ...std, step: 4 }, testFrame());
    const windows = outlines(svg, 'cs-hl-std').filter((n) => Number(n.attrs.y) < 120);
    const ys = new Set(windows.map((w) => w.attrs.y));
    expect(ys.size).toBe(1);
    expect(windows.filter((w) => !String(w.attrs.class).includes('faint'))).toHaveLength(2); // input channel 2 and kernel slice 2
  });
});

describe('convSteps layout', () => {
  it('fits phone, page and slide in both modes: nothing beyond the edges, no text under 12 px, slides ≤ 236 units tall', () => {
    for (const values of [sep, { ...sep, step: 30 }, std, { ...std, step: 53 }]) {
      for (const frame of [testFrame(316), testFrame(360), testFrame(680), testFrame(1000), slide]) {
        expect(layoutIssues(convSteps.render(values, frame).svg, frame), `${frame.width} ${frame.context} layer ${values.layer}`).toEqual([]);
      }
      expect(Number(String(convSteps.render(values, slide).svg.attrs.viewBox).split(' ')[3])).toBeLessThanOrEqual(236);
    }
  });
  it('is about as tall at 316 as at 400 (no jump when the browser relays out)', () => {
    const h = (w: number) => Number(String(convSteps.render(sep, testFrame(w)).svg.attrs.viewBox).split(' ')[3]);
    expect(Math.abs(h(316) - h(400))).toBeLessThanOrEqual(40);
  });
});
