import { describe, expect, it } from 'vitest';
import { areaPath, linePath, pathPoints } from '../../src/components/figure-kit/paths';

describe('linePath / areaPath (d3-shape)', () => {
  it('linePath goes through every point in order, rounded to a tenth of a unit', () => {
    const d = linePath([[0, 0], [1.234, 5.678], [10, -2.26]] as [number, number][], ([x]) => x, ([, y]) => y);
    expect(d.startsWith('M')).toBe(true);
    expect(pathPoints(d)).toEqual([[0, 0], [1.2, 5.7], [10, -2.3]]);
  });

  it('linePath of no points is the empty path, not "null"', () => {
    expect(linePath([] as number[], (v) => v, (v) => v)).toBe('');
  });

  it('areaPath runs along the upper edge, back along the lower edge, and closes (a 2×3 rectangle)', () => {
    const d = areaPath([0, 2], (x) => x, () => 3, () => 0);
    expect(d.endsWith('Z')).toBe(true);
    expect(pathPoints(d)).toEqual([[0, 0], [2, 0], [2, 3], [0, 3]]);
  });

  it('digits sets the rounding: 2 keeps hundredths', () => {
    expect(pathPoints(linePath([1.2345], (v) => v, (v) => 2 * v, 2))).toEqual([[1.23, 2.47]]);
  });
});
