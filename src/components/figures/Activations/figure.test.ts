import { describe, expect, it } from 'vitest';
import { curve, figure, px, py } from './figure';
import { defaultValues as defaults, findAll as all, testFrame } from '../../figure-kit/testing';

describe('activations.render(values)', () => {
  it('ReLU6 is flat at 6 beyond z = 6 and at 0 below 0 (Sandler et al. 2018, §3.2)', () => {
    expect(curve('relu6')).toEqual([[-4, 0], [0, 0], [6, 6], [9, 6]]);
    expect(curve('relu')).toEqual([[-4, 0], [0, 0], [6, 6], [9, 9]]);
    expect(curve('linear').every(([z, s]) => z === s)).toBe(true);
  });
  it('draws σ(z) = z as the plot’s diagonal (equal scales on both axes)', () => {
    expect(px(9) - px(-4)).toBeCloseTo(264, 9);
    expect(py(-4) - py(9)).toBeCloseTo(210, 9);
    // Slope in pixels of the linear line = (py(9) − py(−4)) / (px(9) − px(−4)) = −210/264.
    const path = all(figure.render(defaults, testFrame()).svg, (n) => n.attrs['data-activation'] === 'linear')[0];
    expect(path.attrs.d).toBe(curve('linear').map(([z, s], i) => `${i ? 'L' : 'M'}${px(z).toFixed(1)} ${py(s).toFixed(1)}`).join(''));
  });
  it('highlights the chosen activation and shows σ(8) for it: 8, 6, 8', () => {
    for (const [act, name, value] of [[0, 'relu', '8'], [1, 'relu6', '6'], [2, 'linear', '8']] as const) {
      const { svg } = figure.render({ ...defaults, act }, testFrame());
      const chosen = all(svg, (n) => String(n.attrs.class).includes('act-chosen') && n.tag === 'path');
      expect(chosen.map((n) => n.attrs['data-activation'])).toEqual([name]);
      expect(all(svg, (n) => n.attrs['data-quantity'] === 'activation-at-8')[0].attrs['data-exact']).toBe(value);
    }
  });
});
