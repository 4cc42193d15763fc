import { describe, expect, it } from 'vitest';
import { figure, flowModules } from './figure';
import { PARAMS, PARAM_NAMES } from '../../../lib/params';
import { xception } from '../../../lib/architectures';
import type { SvgNode } from '../../figure-kit/svg';
import { findAll as all, testFrame } from '../../figure-kit/testing';

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
  it('collapses the 8 middle modules into one box holding their sum, and expands them when one is highlighted', () => {
    const collapsed = figure.render({ ...defaults, step: 0 }, testFrame()).svg;
    expect(q(collapsed, 'middle-params')).toEqual([String(8 * 3 * (9 * 728 + 728 * 728))]);
    expect(all(collapsed, (n) => n.attrs.class?.toString().includes('xf-module') ?? false)).toHaveLength(4 + 1 + 2);
    const open = figure.render({ ...defaults, step: 7 }, testFrame()).svg;
    expect(open.attrs['data-expanded']).toBe('true');
    const mods = all(open, (n) => n.attrs.class?.toString().includes('xf-module') ?? false);
    expect(mods).toHaveLength(14);
    expect(mods.filter((n) => String(n.attrs.class).includes('xf-active')).map((n) => n.attrs['data-block'])).toEqual([7]);
    // The detail lists module 7's three separable layers.
    expect(q(open, 'layer-params')).toEqual(Array(3).fill(String(9 * 728 + 728 * 728)));
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
  it('keeps its viewBox narrow enough for a phone (≤ 480)', () => {
    const { svg } = figure.render(defaults, testFrame());
    expect(Number(String(svg.attrs.viewBox).split(' ')[2])).toBeLessThanOrEqual(480);
  });
});
