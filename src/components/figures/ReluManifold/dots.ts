/**
 * How the relu-manifold figure draws a point set as dots: shared by the figure and its worker,
 * which draws the dots of the round trips it computes, so that the page only patches them in.
 */
import { simplify } from '../../figure-kit/paths';

/** Colour bands along the spiral; each band is one path. */
export const BANDS = 12;
/** Half the side of a panel in spiral units: the spiral's radius is 8 (SPIRAL_RADIUS); a little margin. */
export const RANGE = 8.8;

/** Dots closer than this (in tenths of a unit) along a band are drawn as one stroke: see dotPaths. */
export const JOIN = 5;
/** How far (in tenths of a unit) a joined stroke may pass from the dots it stands for: see dotPaths. */
export const SLACK = 1;

/**
 * Dots of a point set as paths (round caps and joins), coordinates in tenths of a unit: one path
 * per colour band for the points that are kept, and one more (last) for the lost ones. A dot 2.2
 * units wide whose centre is at most a tenth of a unit across or down from a dot already in its
 * path (the same tenth or a neighbouring one, 0.14 units away at most) adds nothing a reader can
 * see, so it is left out: the spiral's dense arms repeat positions that often.
 *
 * Neighbouring dots of a band lie a fifth of a unit apart along the arms, and a row of round dots
 * that close is the round-capped stroke through their centres: between two dots at most half a unit
 * (JOIN) apart the stroke is wider than their union by 0.03 units at most. So a run of such dots is
 * one polyline ("M x y l dx dy dx dy …"), simplified (Douglas–Peucker) to the fewest of its own
 * centres that keep every centre within a tenth of a unit (SLACK) of the line; a dot with no
 * neighbour that close stays a dot ("m dx dy h0"). Each run starts with a move from where the last
 * one ended.
 */
export function dotPaths(xy: Float64Array, t: Float64Array, lost: Uint8Array, toX: (v: number) => number, toY: (v: number) => number): string[] {
  const runs: [number, number][][][] = Array.from({ length: BANDS + 1 }, () => []);
  const drawn: Set<number>[] = Array.from({ length: BANDS + 1 }, () => new Set());
  // A position in tenths as one number (panels are far smaller than 2¹⁵ tenths across).
  const key = (x: number, y: number) => (x + 32768) * 65536 + (y + 32768);
  for (let i = 0; i < t.length; i++) {
    const b = lost[i] ? BANDS : Math.min(BANDS - 1, Math.floor(t[i] * BANDS));
    const x = Math.round(toX(xy[2 * i]) * 10);
    const y = Math.round(toY(xy[2 * i + 1]) * 10);
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    if (covered(drawn[b], key, x, y)) continue;
    drawn[b].add(key(x, y));
    const band = runs[b];
    const run = band[band.length - 1];
    const last = run?.[run.length - 1];
    if (last && Math.hypot(x - last[0], y - last[1]) <= JOIN) run.push([x, y]);
    else band.push([[x, y]]);
  }
  return runs.map((band) => {
    let out = '';
    let pen: [number, number] | null = null;
    for (const run of band) {
      const kept = simplify(run, SLACK);
      const [x0, y0] = kept[0];
      out += pen ? `m${fmt((x0 - pen[0]) / 10)} ${fmt((y0 - pen[1]) / 10)}` : `M${x0 / 10} ${y0 / 10}`;
      if (kept.length === 1) out += 'h0';
      else out += `l${kept.slice(1).map(([x, y], k) => `${fmt((x - kept[k][0]) / 10)} ${fmt((y - kept[k][1]) / 10)}`).join(' ')}`;
      pen = kept[kept.length - 1];
    }
    return out;
  });
}

/** Whether a dot at (x, y) tenths, or at one of its eight neighbouring tenths, is in `drawn`. */
function covered(drawn: Set<number>, key: (x: number, y: number) => number, x: number, y: number): boolean {
  for (let dx = -1; dx <= 1; dx++) for (let dy = -1; dy <= 1; dy++) if (drawn.has(key(x + dx, y + dy))) return true;
  return false;
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
