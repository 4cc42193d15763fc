import { describe, expect, it } from 'vitest';
import { curvePath, lossChart, lossY } from './chart';
import type { SvgNode } from '../../figure-kit/svg';

function all(node: SvgNode | string, pred: (n: SvgNode) => boolean, out: SvgNode[] = []): SvgNode[] {
  if (typeof node === 'string') return out;
  if (pred(node)) out.push(node);
  for (const c of node.children) all(c, pred, out);
  return out;
}

describe('lossChart', () => {
  it('puts equal loss ratios at equal heights (log axis): 1 → 0.1 spans what 0.01 → 0.001 spans', () => {
    expect(lossY(1) - lossY(0.1)).toBeCloseTo(lossY(0.01) - lossY(0.001), 9);
    expect(lossY(1e-9)).toBe(lossY(1e-5)); // clamped at the bottom
  });
  it('draws one vertex per epoch, the last at the right edge after all epochs', () => {
    const d = curvePath([1, 0.1, 0.01], 3, 0, 300);
    expect(d.match(/[ML]/g)).toHaveLength(3);
    expect(d.endsWith(`L300.0 ${lossY(0.01).toFixed(1)}`)).toBe(true);
  });
  it('is an empty frame before training and has a title and description', () => {
    const svg = lossChart({ relu: [], linear: [] }, 300, 'c');
    expect(svg.attrs['aria-labelledby']).toBe('c-title c-desc');
    expect(all(svg, (n) => n.tag === 'path').map((p) => p.attrs['data-epochs'])).toEqual([0, 0]);
  });
});
