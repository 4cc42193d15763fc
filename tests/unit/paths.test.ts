import { describe, expect, it } from 'vitest';
import { areaPath, linePath, pathPoints, segmentDistance, simplify } from '../../src/components/figure-kit/paths';
import { pathRects, rectsPath } from '../../src/components/figure-kit/rects';

describe('linePath / areaPath (d3-shape)', () => {
  it('linePath goes through every point in order, rounded to a tenth of a unit', () => {
    const d = linePath([[0, 0], [1.234, 5.678], [10, -2.26]] as [number, number][], ([x]) => x, ([, y]) => y);
    expect(d.startsWith('M')).toBe(true);
    expect(pathPoints(d)).toEqual([[0, 0], [1.2, 5.7], [10, -2.3]]);
  });

  it('linePath steps from each point to the next, in whole tenths, so evenly spaced points repeat their step', () => {
    expect(linePath([0, 1, 2, 3], (i) => 10 + 5.65 * i, () => 7)).toBe('M10,7l5.7,0 5.6,0 5.7,0');
    // 400 points a third of a unit apart: the steps add up to each point as d3 rounded it, no drift.
    const xs = Array.from({ length: 400 }, (_, i) => i / 3);
    pathPoints(linePath(xs, (v) => v, (v) => -v)).forEach(([x, y], i) => {
      expect(x).toBe(Math.round((i / 3) * 10) / 10);
      expect(y).toBe(-Math.round((i / 3) * 10) / 10 || 0);
    });
  });

  it('linePath with a slack leaves out points the line passes within the slack of: a parabola sampled every unit', () => {
    const xs = Array.from({ length: 101 }, (_, i) => i);
    const y = (v: number) => ((v - 50) * (v - 50)) / 100;
    const full = pathPoints(linePath(xs, (v) => v, y));
    const light = pathPoints(linePath(xs, (v) => v, y, 1, 0.1));
    expect(full).toHaveLength(101);
    expect(light.length).toBeLessThan(30);
    // Every point of the full line lies within 0.1 of the lighter one, whose points are among the full line's.
    for (const p of full) expect(light.some((a, i) => segmentDistance(p, a, light[Math.min(i + 1, light.length - 1)]) <= 0.1 + 1e-9)).toBe(true);
    for (const p of light) expect(full).toContainEqual(p);
    expect(light[0]).toEqual(full[0]);
    expect(light[light.length - 1]).toEqual(full[full.length - 1]);
    // Without a slack nothing changes: a straight run keeps its every point.
    expect(linePath([0, 1, 2, 3], (i) => 10 + 5.65 * i, () => 7)).toBe('M10,7l5.7,0 5.6,0 5.7,0');
  });

  it('segmentDistance(p, a, b) is the distance to the nearer end beyond either end, and the height above the segment between', () => {
    expect(segmentDistance([5, 3], [0, 0], [10, 0])).toBe(3);
    expect(segmentDistance([13, 4], [0, 0], [10, 0])).toBe(5);
    expect(segmentDistance([-3, -4], [0, 0], [10, 0])).toBe(5);
    expect(segmentDistance([1, 1], [2, 2], [2, 2])).toBeCloseTo(Math.SQRT2, 12);
  });

  it('simplify(points on a line) keeps its two ends; a corner higher than the slack stays, one within it goes', () => {
    const line: [number, number][] = Array.from({ length: 11 }, (_, i) => [i, 2 * i]);
    expect(simplify(line, 1)).toEqual([
      [0, 0],
      [10, 20],
    ]);
    expect(simplify([[0, 0], [5, 2], [10, 0]], 1)).toEqual([[0, 0], [5, 2], [10, 0]]);
    expect(simplify([[0, 0], [5, 1], [10, 0]], 1)).toEqual([[0, 0], [10, 0]]);
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

describe('rectsPath / pathRects', () => {
  it('writes each rectangle as a closed subpath from its top-left corner: right by its width, down by its height, back', () => {
    expect(rectsPath([{ x: 1, y: 2, width: 3, height: 4 }])).toBe('M1 2h3v4h-3z');
    expect(rectsPath([])).toBe('');
  });

  it('moves from one corner to the next (a path closed by z starts the next move from its corner), so a row of cells repeats itself', () => {
    const row = [0, 1, 2, 3].map((i) => ({ x: 20.3 + 9 * i, y: 5, width: 7, height: 7 }));
    expect(rectsPath(row)).toBe('M20.3 5h7v7h-7zm9 0h7v7h-7zm9 0h7v7h-7zm9 0h7v7h-7z');
    // 200 cells a third of a unit apart add up to where they are, without drift.
    const many = Array.from({ length: 200 }, (_, i) => ({ x: i / 3, y: 0, width: 0.2, height: 1 }));
    const back = pathRects(rectsPath(many));
    back.forEach((r, i) => expect(Math.abs(r.x - i / 3)).toBeLessThanOrEqual(0.05 + 1e-9));
  });

  it('rounds to a tenth of a unit, and reads back what it wrote, in order', () => {
    const rects = [
      { x: 10.04, y: 0, width: 7.25, height: 7.25 },
      { x: -3, y: 12.96, width: 1, height: 0.5 },
    ];
    const d = rectsPath(rects);
    // The second starts 13 left of and 13 below the first's corner.
    expect(d).toBe('M10 0h7.3v7.3h-7.3zm-13 13h1v0.5h-1z');
    expect(pathRects(d)).toEqual([
      { x: 10, y: 0, width: 7.3, height: 7.3 },
      { x: -3, y: 13, width: 1, height: 0.5 },
    ]);
  });
});
