import { describe, expect, it } from 'vitest';
import { curve, figure, layout, scales, SAMPLE } from './figure';
import { defaultValues as defaults, findAll as all, testFrame } from '../../figure-kit/testing';
import type { SvgNode } from '../../figure-kit/svg';
import { pathPoints } from '../../figure-kit/paths';

const viewBox = (svg: SvgNode) => String(svg.attrs.viewBox).split(' ').map(Number);
const slide = (width: number) => ({ uid: 's', width, height: 335, context: 'slide' as const });

describe('activations.render(values, frame)', () => {
  it('ReLU6 is flat at 6 beyond z = 6 and at 0 below 0 (Sandler et al. 2018, §3.2)', () => {
    expect(curve('relu6')).toEqual([[-4, 0], [0, 0], [6, 6], [9, 6]]);
    expect(curve('relu')).toEqual([[-4, 0], [0, 0], [6, 6], [9, 9]]);
    expect(curve('linear').every(([z, s]) => z === s)).toBe(true);
  });

  it('draws σ(z) = z as the plot’s diagonal (equal scales on both axes) at every width', () => {
    for (const frame of [testFrame(316), testFrame(680), slide(492)]) {
      const { px, py } = scales(layout(frame));
      // 13 units of z span the same length as 13 units of σ: the square's side.
      expect(px(9) - px(-4)).toBeCloseTo(py(-4) - py(9), 9);
      // Every vertex of the linear curve lies on the square's diagonal, from its lower left corner to its upper right.
      const { x0, y0, size } = layout(frame);
      const path = all(figure.render(defaults, frame).svg, (n) => n.attrs['data-activation'] === 'linear')[0];
      const points = pathPoints(String(path.attrs.d));
      expect(points).toHaveLength(4);
      for (const [x, y] of points) expect(x - x0).toBeCloseTo(y0 + size - y, 0);
      expect(points[0][0]).toBeCloseTo(x0, 1);
      expect(points[3][0]).toBeCloseTo(x0 + size, 1);
    }
  });

  it('draws ReLU and ReLU6 through their corners, computed by hand for a 680-wide page (300-unit square at (32, 8), z and σ from −4 to 9)', () => {
    const { svg } = figure.render(defaults, testFrame(680));
    const points = (a: string) => pathPoints(String(all(svg, (n) => n.attrs['data-activation'] === a)[0].attrs.d));
    // x = 32 + 300·(z + 4)/13, y = 8 + 300·(9 − σ)/13.
    const relu: [number, number][] = [[32, 215.69], [124.31, 215.69], [262.77, 77.23], [332, 8]];
    const relu6: [number, number][] = [[32, 215.69], [124.31, 215.69], [262.77, 77.23], [332, 77.23]];
    for (const [name, want] of [['relu', relu], ['relu6', relu6]] as const) {
      const got = points(name);
      expect(got, name).toHaveLength(4);
      got.forEach(([x, y], i) => {
        expect(Math.abs(x - want[i][0]), `${name} x${i}`).toBeLessThanOrEqual(0.06);
        expect(Math.abs(y - want[i][1]), `${name} y${i}`).toBeLessThanOrEqual(0.06);
      });
    }
  });

  it('highlights the chosen activation and shows σ(8) for it: 8, 6, 8, with the dot on the chosen curve', () => {
    for (const [act, name, value] of [[0, 'relu', '8'], [1, 'relu6', '6'], [2, 'linear', '8']] as const) {
      const { svg } = figure.render({ ...defaults, act }, testFrame());
      const chosen = all(svg, (n) => String(n.attrs.class).includes('act-chosen') && n.tag === 'path');
      expect(chosen.map((n) => n.attrs['data-activation'])).toEqual([name]);
      expect(all(svg, (n) => n.attrs['data-quantity'] === 'activation-at-8')[0].attrs['data-exact']).toBe(value);
      const { px, py } = scales(layout(testFrame()));
      const dot = all(svg, (n) => n.attrs.class === 'act-sample')[0];
      expect(dot.attrs.style).toBe(`transform: translate(${px(SAMPLE).toFixed(1)}px, ${py(Number(value)).toFixed(1)}px)`);
    }
  });

  it('is laid out in frame.width units: viewBox as wide as the frame, the plot and legend inside it', () => {
    for (const frame of [testFrame(316), testFrame(360), testFrame(680), testFrame(1200), slide(492), slide(842)]) {
      const { svg } = figure.render(defaults, frame);
      const [, , w, hgt] = viewBox(svg);
      expect(w).toBe(frame.width);
      const L = layout(frame);
      expect(L.x0 + L.size).toBeLessThanOrEqual(w);
      // Legend entries start inside and leave room for their label (≤ 80 units).
      for (const g of all(svg, (n) => n.tag === 'g' && String(n.attrs.transform).startsWith('translate('))) {
        const [x, y] = /translate\(([-\d.]+) ([-\d.]+)\)/.exec(String(g.attrs.transform))!.slice(1).map(Number);
        expect(x + 80, `${frame.width}`).toBeLessThanOrEqual(w);
        expect(y).toBeLessThanOrEqual(hgt);
      }
      expect(all(svg, (n) => n.attrs['font-size'] !== undefined)).toEqual([]);
    }
  });

  it('on a phone the legend goes under the plot; on a page and a slide beside it', () => {
    expect(layout(testFrame(316)).legend).toBe('below');
    expect(layout(testFrame(680)).legend).toBe('right');
    expect(layout(slide(492)).legend).toBe('right');
    // A 316 phone gets a plot nearly as wide as the screen, not a 300-unit drawing scaled down.
    expect(layout(testFrame(316)).size).toBeGreaterThanOrEqual(270);
  });

  it('fits a slide at full size: at most 236 units tall (331 px on a 1280×720 screen)', () => {
    for (const width of [492, 739, 842]) expect(viewBox(figure.render(defaults, slide(width)).svg)[3]).toBeLessThanOrEqual(236);
  });
});
