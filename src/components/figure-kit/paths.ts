/**
 * Lines and bands through data, as SVG path strings, drawn by d3-shape (numbers in, a path out:
 * the same at build time and in the browser). Coordinates are rounded to `digits` decimals, a
 * tenth of a unit by default: finer than a pixel, and short enough to patch quickly.
 */
import { area, line } from 'd3-shape';

/** The polyline through `data` at (x(d), y(d)); '' when there is no point. */
export function linePath<T>(data: readonly T[], x: (d: T, i: number) => number, y: (d: T, i: number) => number, digits = 1): string {
  return line<T>().x(x).y(y).digits(digits)(data as T[]) ?? '';
}

/** The closed band between y0(d) (the lower edge) and y1(d) (the upper edge) over x(d); '' when there is no point. */
export function areaPath<T>(data: readonly T[], x: (d: T, i: number) => number, y0: (d: T, i: number) => number, y1: (d: T, i: number) => number, digits = 1): string {
  return area<T>().x(x).y0(y0).y1(y1).digits(digits)(data as T[]) ?? '';
}

/** The points of a path made of M and L commands (as linePath writes it), for tests and checks. */
export function pathPoints(d: string): [number, number][] {
  return [...d.matchAll(/[ML]\s*(-?[\d.]+(?:e-?\d+)?)[ ,](-?[\d.]+(?:e-?\d+)?)/g)].map((m) => [Number(m[1]), Number(m[2])]);
}

/** Numbers in a path: at most a tenth of a unit, no trailing zeros. */
const num = (v: number): string => String(Math.round(v * 10) / 10);

/**
 * Many rectangles as one path ("M x y h w v h h -w z" each): one element where there were many,
 * drawn the same when they share a style and do not overlap (or are filled with one opaque paint).
 */
export function rectsPath(rects: readonly { x: number; y: number; width: number; height: number }[]): string {
  return rects.map((r) => `M${num(r.x)} ${num(r.y)}h${num(r.width)}v${num(r.height)}h-${num(r.width)}z`).join('');
}

/** The rectangles of a path written by rectsPath, for tests and checks. */
export function pathRects(d: string): { x: number; y: number; width: number; height: number }[] {
  return [...d.matchAll(/M(-?[\d.]+) (-?[\d.]+)h(-?[\d.]+)v(-?[\d.]+)h-?[\d.]+z/g)].map((m) => ({ x: Number(m[1]), y: Number(m[2]), width: Number(m[3]), height: Number(m[4]) }));
}
