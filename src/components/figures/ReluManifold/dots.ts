/**
 * How the relu-manifold figure draws a point set as dots: shared by the figure and its worker,
 * which draws the dots of the round trips it computes, so that the page only patches them in.
 */

/** Colour bands along the spiral; each band is one path. */
export const BANDS = 12;
/** Half the side of a panel in spiral units: the spiral's radius is 8 (SPIRAL_RADIUS); a little margin. */
export const RANGE = 8.8;

/**
 * Dots of a point set as paths ("m dx dy h0", round caps), coordinates in tenths of a unit: one
 * path per colour band for the points that are kept, and one more (last) for the lost ones.
 */
export function dotPaths(xy: Float64Array, t: Float64Array, lost: Uint8Array, toX: (v: number) => number, toY: (v: number) => number): string[] {
  const out: string[][] = Array.from({ length: BANDS + 1 }, () => []);
  const pen: [number, number][] = Array.from({ length: BANDS + 1 }, () => [NaN, NaN]);
  for (let i = 0; i < t.length; i++) {
    const b = lost[i] ? BANDS : Math.min(BANDS - 1, Math.floor(t[i] * BANDS));
    const x = Math.round(toX(xy[2 * i]) * 10);
    const y = Math.round(toY(xy[2 * i + 1]) * 10);
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    const [px, py] = pen[b];
    out[b].push(Number.isNaN(px) ? `M${x / 10} ${y / 10}h0` : `m${fmt((x - px) / 10)} ${fmt((y - py) / 10)}h0`);
    pen[b] = [x, y];
  }
  return out.map((parts) => parts.join(''));
}

/** Shortest decimal: 0.5 → ".5", −0.5 → "-.5". */
function fmt(v: number): string {
  const s = String(Math.round(v * 10) / 10);
  return s.replace(/^(-?)0\./, '$1.');
}

/** panelDots(xy, t, lost, size): dotPaths in a square panel of side `size`, centred, y up. */
export function panelDots(xy: Float64Array, t: Float64Array, lost: Uint8Array, size: number): string[] {
  const px = size / (2 * RANGE);
  return dotPaths(xy, t, lost, (v) => size / 2 + v * px, (v) => size / 2 - v * px);
}
