import { describe, expect, it } from 'vitest';
import { reluRoundTrip, spiral } from '../../../lib/manifold';
import { panelDots } from './dots';
import { POINTS } from './curves';
import { FILL_REACH, fillOrder, tripData, tripKey, withSpiral } from './protocol';

describe('relu-manifold worker messages', () => {
  const r = reluRoundTrip({ dim: 7, points: POINTS, seed: 3, activation: 'relu6', inverse: 'active' });

  it('a round trip travels without its spiral and comes back whole on the page’s own spiral', () => {
    const d = tripData(r);
    expect('input' in d || 't' in d).toBe(false);
    const s = spiral({ points: POINTS });
    const back = withSpiral(d, s.points, s.t);
    expect(back).toEqual(r);
    // The page's copy of the spiral is shared, not copied per trip.
    expect(back.input).toBe(s.points);
  });

  it('dots drawn in the worker travel with the trip and are left out of the round trip itself', () => {
    const paths = panelDots(r.reconstructed, r.t, r.lost, 96);
    const d = tripData(r, { size: 96, paths });
    expect(d.dots?.paths).toBe(paths);
    expect('dots' in withSpiral(d, r.input, r.t)).toBe(false);
  });

  it('keys a trip by n, seed, σ and the way back', () => {
    expect(tripKey(r)).toBe('7|3|relu6|active');
  });

  it('fills every n from 2 to 64 once, nearest the slider first, the smaller n first on a tie', () => {
    const order = fillOrder(5);
    expect(order.slice(0, 5)).toEqual([5, 4, 6, 3, 7]);
    expect([...order].sort((a, b) => a - b)).toEqual(Array.from({ length: 63 }, (_, i) => i + 2));
    expect(fillOrder(64).slice(0, 3)).toEqual([64, 63, 62]);
  });

  it('fills at most `reach` from the slider: 2·reach + 1 n in the middle of the range, fewer at its ends', () => {
    expect(fillOrder(20, 2)).toEqual([20, 19, 21, 18, 22]);
    expect(fillOrder(3, 2)).toEqual([3, 2, 4, 5]);
    expect(fillOrder(64, FILL_REACH)).toHaveLength(FILL_REACH + 1);
  });
});
