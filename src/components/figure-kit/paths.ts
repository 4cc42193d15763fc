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

