/**
 * Many rectangles as one SVG path, and back (no dependencies: figures that draw grids import it
 * without d3-shape).
 */
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
