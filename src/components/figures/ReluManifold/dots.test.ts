import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../lib/random';
import { dotPaths, JOIN, SLACK } from './dots';
import { segmentDistance } from '../../figure-kit/paths';

/** Points in one band (t = 0), none lost, drawn at their own coordinates. */
function draw(pts: [number, number][]): string {
  const xy = new Float64Array(pts.flat());
  const t = new Float64Array(pts.length);
  const lost = new Uint8Array(pts.length);
  return dotPaths(xy, t, lost, (v) => v, (v) => v)[0];
}

describe('relu-manifold dots', () => {
  it('a row of dots a fifth of a unit apart is one stroke from the first centre to the last', () => {
    const row: [number, number][] = Array.from({ length: 26 }, (_, i) => [10 + 0.2 * i, 20]);
    expect(draw(row)).toBe('M10 20l5 0');
  });

  it('dots farther apart than JOIN stay dots, each a move from the one before', () => {
    const gap = JOIN / 10 + 0.1;
    expect(draw([[1, 1], [1 + gap, 1], [1 + gap, 1 + gap]])).toBe("M1 1h0m.6 0h0m0 .6h0");
  });

  it('every dot of a wobbly seeded curve lies within SLACK of the strokes (or of a dot within √2 tenths that is), and every vertex is one of the dots', () => {
    const rnd = mulberry32(7);
    const pts: [number, number][] = Array.from({ length: 400 }, (_, i) => [30 + 20 * Math.cos(i / 100) + 0.05 * rnd(), 30 + 20 * Math.sin(i / 100) + 0.05 * rnd()]);
    const d = draw(pts);
    const runs: [number, number][][] = [];
    let x = 0;
    let y = 0;
    for (const [, cmd, args] of d.matchAll(/([Mmlh])([^Mmlh]*)/g)) {
      if (cmd === 'h') continue;
      const v = args.trim().split(/\s+/).map(Number);
      for (let i = 0; i + 1 < v.length; i += 2) {
        x = Math.round((cmd === 'M' ? v[i] : x + v[i]) * 10) / 10;
        y = Math.round((cmd === 'M' ? v[i + 1] : y + v[i + 1]) * 10) / 10;
        if (cmd === 'l') runs[runs.length - 1].push([x, y]);
        else runs.push([[x, y]]);
      }
    }
    const tenths = pts.map(([a, b]) => [Math.round(a * 10) / 10, Math.round(b * 10) / 10] as [number, number]);
    const vertices = runs.flat();
    // Four radians of a circle of radius 20, a dot every fifth of a unit: one run, far fewer vertices than dots.
    expect(runs).toHaveLength(1);
    expect(vertices.length).toBeLessThan(pts.length / 5);
    for (const v of vertices) expect(tenths.some(([a, b]) => a === v[0] && b === v[1])).toBe(true);
    for (const p of tenths) {
      const near = runs.some((run) => run.some((a, i) => segmentDistance(p, a, run[Math.min(i + 1, run.length - 1)]) <= (SLACK + Math.SQRT2) / 10 + 1e-9));
      expect(near, `${p}`).toBe(true);
    }
  });
});
