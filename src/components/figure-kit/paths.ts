/**
 * Lines and bands through data, as SVG path strings, drawn by d3-shape (numbers in, a path out:
 * the same at build time and in the browser). Coordinates are rounded to `digits` decimals, a
 * tenth of a unit by default: finer than a pixel, and short enough to patch quickly.
 */
import { area, line } from 'd3-shape';

/**
 * A path of M, L and Z commands as d3-shape writes it (absolute, rounded to `digits`), with each
 * point after a move written as a step from the one before ("M46,28.8l5.6,2 5.7,1.9 …"). The
 * steps are taken between the rounded points in whole units of the last digit, so they add up to
 * exactly the points d3 wrote; and a curve sampled at even x repeats its steps, which the page's
 * compression takes up.
 */
function stepwise(d: string, digits: number): string {
  const unit = 10 ** digits;
  let out = '';
  let px = 0;
  let py = 0;
  let inLine = false;
  for (const [, cmd, xs, ys] of d.matchAll(/([MLZ])(?:(-?[\d.]+(?:e-?\d+)?),(-?[\d.]+(?:e-?\d+)?))?/g)) {
    if (cmd === 'Z') {
      out += 'Z';
      inLine = false;
      continue;
    }
    const x = Math.round(Number(xs) * unit);
    const y = Math.round(Number(ys) * unit);
    if (cmd === 'M') out += `M${x / unit},${y / unit}`;
    else out += `${inLine ? ' ' : 'l'}${(x - px) / unit},${(y - py) / unit}`;
    inLine = cmd === 'L';
    px = x;
    py = y;
  }
  return out;
}

/** The polyline through `data` at (x(d), y(d)); '' when there is no point. */
export function linePath<T>(data: readonly T[], x: (d: T, i: number) => number, y: (d: T, i: number) => number, digits = 1): string {
  return stepwise(line<T>().x(x).y(y).digits(digits)(data as T[]) ?? '', digits);
}

/** The closed band between y0(d) (the lower edge) and y1(d) (the upper edge) over x(d); '' when there is no point. */
export function areaPath<T>(data: readonly T[], x: (d: T, i: number) => number, y0: (d: T, i: number) => number, y1: (d: T, i: number) => number, digits = 1): string {
  return stepwise(area<T>().x(x).y0(y0).y1(y1).digits(digits)(data as T[]) ?? '', digits);
}

/**
 * The points of a path made of M, L and l commands (as linePath and areaPath write it), in order,
 * for tests and checks. Steps are added up to a millionth, so points read back as they were written.
 */
export function pathPoints(d: string): [number, number][] {
  const out: [number, number][] = [];
  const exact = (v: number): number => Math.round(v * 1e6) / 1e6;
  let x = 0;
  let y = 0;
  for (const [, cmd, args] of d.matchAll(/([MLlZz])([^MLlZz]*)/g)) {
    const nums = [...args.matchAll(/-?[\d.]+(?:e-?\d+)?/g)].map((m) => Number(m[0]));
    for (let i = 0; i + 1 < nums.length; i += 2) {
      if (cmd === 'l') {
        x = exact(x + nums[i]);
        y = exact(y + nums[i + 1]);
      } else {
        x = nums[i];
        y = nums[i + 1];
      }
      out.push([x, y]);
    }
  }
  return out;
}
