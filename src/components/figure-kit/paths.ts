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
function stepwise(d: string, digits: number, slack = 0): string {
  const unit = 10 ** digits;
  // The points in whole units of the last digit, by command; runs of L after an M are simplified.
  const cmds: ['M' | 'L' | 'Z', number, number][] = [];
  for (const [, cmd, xs, ys] of d.matchAll(/([MLZ])(?:(-?[\d.]+(?:e-?\d+)?),(-?[\d.]+(?:e-?\d+)?))?/g)) {
    cmds.push([cmd as 'M' | 'L' | 'Z', Math.round(Number(xs ?? 0) * unit), Math.round(Number(ys ?? 0) * unit)]);
  }
  let out = '';
  let px = 0;
  let py = 0;
  for (let i = 0; i < cmds.length; i++) {
    const [cmd, x, y] = cmds[i];
    if (cmd === 'Z') {
      out += 'Z';
      continue;
    }
    if (cmd === 'M') {
      out += `M${x / unit},${y / unit}`;
      px = x;
      py = y;
      continue;
    }
    let j = i;
    while (j < cmds.length && cmds[j][0] === 'L') j++;
    const run: [number, number][] = [[px, py], ...cmds.slice(i, j).map(([, a, b]) => [a, b] as [number, number])];
    const kept = slack > 0 ? simplify(run, slack * unit) : run;
    out += `l${kept
      .slice(1)
      .map(([a, b], k) => `${(a - kept[k][0]) / unit},${(b - kept[k][1]) / unit}`)
      .join(' ')}`;
    [px, py] = kept[kept.length - 1];
    i = j - 1;
  }
  return out;
}

/**
 * The polyline through `data` at (x(d), y(d)); '' when there is no point. With a `slack` (in
 * units), for a curve sampled finely, a point is left out where the line would pass within `slack`
 * of it anyway (simplify): the line a reader sees moves by `slack` at most.
 */
export function linePath<T>(data: readonly T[], x: (d: T, i: number) => number, y: (d: T, i: number) => number, digits = 1, slack = 0): string {
  return stepwise(line<T>().x(x).y(y).digits(digits)(data as T[]) ?? '', digits, slack);
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

/**
 * Douglas–Peucker: the first and last of `pts` and, recursively, whichever point lies farthest
 * from the segment between the points kept on either side while that is more than `slack` away.
 * Every point left out is within `slack` of the segment that replaces it, and so is every point of
 * that segment within `slack` of the polyline it replaces.
 */
export function simplify(pts: readonly [number, number][], slack: number): [number, number][] {
  if (pts.length < 3) return [...pts];
  const keep = new Uint8Array(pts.length);
  keep[0] = 1;
  keep[pts.length - 1] = 1;
  const stack: [number, number][] = [[0, pts.length - 1]];
  while (stack.length) {
    const [a, b] = stack.pop() as [number, number];
    let far = -1;
    let at = -1;
    for (let i = a + 1; i < b; i++) {
      const d = segmentDistance(pts[i], pts[a], pts[b]);
      if (d > far) {
        far = d;
        at = i;
      }
    }
    if (far > slack) {
      keep[at] = 1;
      stack.push([a, at], [at, b]);
    }
  }
  return pts.filter((_, i) => keep[i]);
}

/** Distance from p to the segment from a to b. */
export function segmentDistance(p: readonly [number, number], a: readonly [number, number], b: readonly [number, number]): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  const s = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2));
  return Math.hypot(p[0] - a[0] - s * dx, p[1] - a[1] - s * dy);
}
