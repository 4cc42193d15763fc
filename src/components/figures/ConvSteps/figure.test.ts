import { describe, expect, it } from 'vitest';
import { figure as convSteps, stepsFor, sumText, STEP_COUNT } from './figure';
import type { SvgNode } from '../../figure-kit/svg';
import { defaultValues as defaults, findAll as all, testFrame } from '../../figure-kit/testing';

const quantities = (svg: SvgNode, name: string) => all(svg, (n) => n.attrs['data-quantity'] === name).map((n) => Number(n.attrs['data-exact']));

describe('convSteps.render(values)', () => {
  it('has 27 depthwise steps (3×3 outputs × 3 channels) and 18 pointwise steps (3×3 × 2)', () => {
    expect(STEP_COUNT).toBe(45);
    expect(convSteps.steps).toBe(45);
  });
  it('step i shows the value of the reference convolution with the sum of its products', () => {
    const { dwOrder, pw, at } = stepsFor(1);
    for (let i = 0; i < STEP_COUNT; i++) {
      const { svg } = convSteps.render({ ...defaults, step: i }, testFrame());
      const [v] = quantities(svg, 'step-value');
      const expected = i < 27 ? dwOrder[i].value : pw.steps[i - 27].value;
      expect(v).toBe(expected);
      // The sum of the listed products is the value.
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
    expect(quantities(convSteps.render({ ...defaults, step: 4 }, testFrame()).svg, 'dw-output')).toHaveLength(5);
    const late = convSteps.render({ ...defaults, step: 30 }, testFrame()).svg;
    expect(quantities(late, 'dw-output')).toHaveLength(27);
    expect(quantities(late, 'output')).toHaveLength(4);
  });
  it('a pointwise step sums the three filtered channels at one position: Σ_m dw[y,x,m]·pw[m,n]', () => {
    const { at, dw, ex } = stepsFor(1);
    const s = at(27 + 5).step; // position (0, 2), output 2
    expect(s.terms).toHaveLength(3);
    const expected = [0, 1, 2].reduce((acc, m) => acc + dw.output.data[(s.y * 3 + s.x) * 3 + m] * ex.pointwise.data[m * 2 + s.n], 0);
    expect(s.value).toBe(expected);
  });
  it('clamps a step beyond the last to the last and never prints NaN', () => {
    const { svg, summary } = convSteps.render({ ...defaults, step: 9999 }, testFrame());
    expect(Number(svg.attrs['data-step'])).toBe(44);
    expect(summary).not.toContain('NaN');
  });
  it('a different seed gives different numbers, the same seed the same ones', () => {
    const a = convSteps.render({ ...defaults, seed: 7 }, testFrame()).summary;
    expect(convSteps.render({ ...defaults, seed: 7 }, testFrame()).summary).toBe(a);
    expect(stepsFor(7).ex.input.data).not.toEqual(stepsFor(8).ex.input.data);
  });
});
