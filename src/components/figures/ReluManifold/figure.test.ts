import { describe, expect, it } from 'vitest';
import { BANDS, curvesFor, figure, FIXED_DIMS, POINTS, type ManifoldData } from './figure';
import { reluRoundTrip, type RoundTrip } from '../../../lib/manifold';
import type { SvgNode } from '../../figure-kit/svg';
import { defaultValues as defaults, findAll as all, testFrame } from '../../figure-kit/testing';

const errors = (svg: SvgNode) => all(svg, (n) => n.attrs['data-quantity'] === 'error').map((n) => [Number(n.attrs['data-dim']), Number(n.attrs['data-exact'])]);
const panel = (svg: SvgNode, dim: number | 'input') => all(svg, (n) => n.attrs['data-panel'] === dim)[0];
const dots = (g: SvgNode) => all(g, (n) => n.tag === 'path').map((p) => String(p.attrs.d));

describe('reluManifold.render(values)', () => {
  it('shows, per panel, the error of reluRoundTrip for n = 2, 3, 5, 15, 30 and the slider’s n (Sandler et al. 2018, Fig. 1)', () => {
    const { svg } = figure.render({ ...defaults, dim: 12, seed: 7 }, testFrame());
    const want = [...FIXED_DIMS, 12].map((n) => [n, reluRoundTrip({ dim: n, points: POINTS, seed: 7, activation: 'relu' }).error]);
    expect(errors(svg)).toEqual(want);
  });
  it('loses nothing without an activation: every error is 0 to float64 rounding', () => {
    const { svg } = figure.render({ ...defaults, act: 2 }, testFrame());
    for (const [, e] of errors(svg)) expect(e).toBeLessThan(1e-20 + 1e-12);
  });
  it('draws every spiral point once, as a zero-length dot, in at most BANDS paths per panel', () => {
    const { svg } = figure.render(defaults, testFrame());
    for (const which of ['input', 2, 30] as const) {
      const paths = dots(panel(svg, which));
      expect(paths.length).toBeLessThanOrEqual(BANDS);
      expect(paths.join('').match(/h0/g)).toHaveLength(POINTS);
    }
  });
  it('starts the input spiral at the panel centre (the spiral begins at the origin)', () => {
    const { svg } = figure.render(defaults, testFrame());
    expect(dots(panel(svg, 'input'))[0].startsWith('M57 57h0')).toBe(true);
  });
  it('draws the panels from compute’s data when seed and σ match, and says which backend ran', () => {
    const fake = reluRoundTrip({ dim: 2, points: POINTS, seed: 1, activation: 'relu' });
    const panels = new Map<number, RoundTrip>([[2, { ...fake, error: 123.5 }]]);
    const data: ManifoldData = { backend: 'cpu', seed: 1, activation: 'relu', panels, ms: 1 };
    const { svg } = figure.render(defaults, testFrame(), data);
    expect(errors(svg)[0]).toEqual([2, 123.5]);
    expect(all(svg, (n) => n.attrs['data-role'] === 'backend')[0].attrs['data-backend']).toBe('cpu');
    // Stale data (another seed) is ignored: the figure computes for itself.
    const stale = figure.render({ ...defaults, seed: 2 }, testFrame(), data).svg;
    expect(errors(stale)[0][1]).toBe(reluRoundTrip({ dim: 2, points: POINTS, seed: 2 }).error);
    expect(all(stale, (n) => n.attrs['data-role'] === 'backend')[0].attrs['data-backend']).toBe('build');
  });
  it('plots an error that falls with n; back from the active coordinates it reaches 0 by n = 30', () => {
    const { pinv, active } = curvesFor('relu');
    expect(pinv[0].mean).toBeGreaterThan(pinv[pinv.length - 1].mean);
    expect(active.find((p) => p.dim === 30)!.mean).toBeLessThan(0.01);
    expect(active[0].mean).toBeGreaterThan(5);
  });
  it('clamps a hostile n and an unknown activation instead of failing', () => {
    const { svg } = figure.render({ ...defaults, dim: 1e9, act: 9 }, testFrame());
    expect(errors(svg).at(-1)![0]).toBe(64);
    expect(svg.attrs['aria-labelledby']).toBe('t-title t-desc');
  });
});
