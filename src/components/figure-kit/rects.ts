/**
 * Many rectangles as one SVG path, and back (no dependencies: figures that draw grids import it
 * without d3-shape).
 */
/** Numbers in a path: at most a tenth of a unit, no trailing zeros. */
const num = (v: number): string => String(Math.round(v * 10) / 10);

/**
 * Many rectangles as one path: one element where there were many, drawn the same when they share a
 * style and do not overlap (or are filled with one opaque paint). The first starts at its corner
 * ("M x y h w v h h -w z"), each next one moves from the corner before ("m dx dy …"): a grid's
 * rectangles then read alike, and the page compresses better.
 */
export function rectsPath(rects: readonly { x: number; y: number; width: number; height: number }[]): string {
  let out = '';
  let px = 0;
  let py = 0;
  for (const r of rects) {
    // Corners in tenths of a unit, so that the moves add up to the corners exactly.
    const x = Math.round(r.x * 10);
    const y = Math.round(r.y * 10);
    out += `${out ? `m${(x - px) / 10} ${(y - py) / 10}` : `M${x / 10} ${y / 10}`}h${num(r.width)}v${num(r.height)}h-${num(r.width)}z`;
    px = x;
    py = y;
  }
  return out;
}

/** The rectangles of a path written by rectsPath (its corners added up from the moves), for tests and checks. */
export function pathRects(d: string): { x: number; y: number; width: number; height: number }[] {
  let x = 0;
  let y = 0;
  return [...d.matchAll(/([Mm])(-?[\d.]+) (-?[\d.]+)h(-?[\d.]+)v(-?[\d.]+)h-?[\d.]+z/g)].map((m) => {
    // In tenths, as they were written, so that a long path adds up without drift.
    x = m[1] === 'M' ? Math.round(Number(m[2]) * 10) : x + Math.round(Number(m[2]) * 10);
    y = m[1] === 'M' ? Math.round(Number(m[3]) * 10) : y + Math.round(Number(m[3]) * 10);
    return { x: x / 10, y: y / 10, width: Number(m[4]), height: Number(m[5]) };
  });
}
