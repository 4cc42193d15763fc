import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { channelShuffle, groupOf, stackedGroups } from '../../src/lib/shuffle';
import { divisors } from '../../src/lib/divisors';
import { CostError } from '../../src/lib/errors';

describe('channelShuffle(channels, groups)', () => {
  it('reshapes to (G, n), transposes and flattens (Zhang et al. 2018, §3.1): C = 6, G = 3 → 0 2 4 1 3 5', () => {
    // [[0, 1], [2, 3], [4, 5]] transposed is [[0, 2, 4], [1, 3, 5]].
    expect(channelShuffle(6, 3)).toEqual([0, 2, 4, 1, 3, 5]);
    expect(channelShuffle(6, 2)).toEqual([0, 3, 1, 4, 2, 5]);
  });
  it('is the identity for one group and for one channel per group', () => {
    expect(channelShuffle(5, 1)).toEqual([0, 1, 2, 3, 4]);
    expect(channelShuffle(4, 4)).toEqual([0, 1, 2, 3]);
  });
  it('is a permutation for every valid C and G (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 48 }).chain((c) => fc.tuple(fc.constant(c), fc.constantFrom(...divisors(c)))), ([c, g]) => {
        expect([...channelShuffle(c, g)].sort((a, b) => a - b)).toEqual(Array.from({ length: c }, (_, i) => i));
      }),
    );
  });
  it('refuses G that does not divide C', () => {
    expect(() => channelShuffle(12, 5)).toThrow(CostError);
    expect(() => groupOf(0, 12, 0)).toThrow(CostError);
  });
});

describe('stackedGroups({ channels, groups, shuffle })', () => {
  it('C = 12, G = 3 (n = 4): each output sees its own 4 inputs without the shuffle, all 12 with it', () => {
    const plain = stackedGroups({ channels: 12, groups: 3, shuffle: false });
    const mixed = stackedGroups({ channels: 12, groups: 3, shuffle: true });
    expect(plain.reach[0]).toEqual([0, 1, 2, 3]);
    expect(plain.reach[11]).toEqual([8, 9, 10, 11]);
    expect(plain.reachPerOutput).toBe(4);
    expect(mixed.reachPerOutput).toBe(12);
  });
  it('C = 6, G = 3 with the shuffle: output 1 sees inputs 1–4, output 6 sees 3–6 (followed by hand)', () => {
    // Second-layer group 0 reads positions 0, 1 = first-layer outputs 0 and 2 (groups 0 and 1).
    const s = stackedGroups({ channels: 6, groups: 3, shuffle: true });
    expect(s.reach[0]).toEqual([0, 1, 2, 3]);
    // Group 2 reads positions 4, 5 = outputs 3 and 5 (groups 1 and 2).
    expect(s.reach[5]).toEqual([2, 3, 4, 5]);
  });
  it('C = 12, G = 4 (n = 3): 3 inputs without, 9 with the shuffle: only 3 of the 4 groups reach each output', () => {
    expect(stackedGroups({ channels: 12, groups: 4, shuffle: false }).reachPerOutput).toBe(3);
    expect(stackedGroups({ channels: 12, groups: 4, shuffle: true }).reachPerOutput).toBe(9);
  });
  it('changes nothing at the ends: G = 1 (dense) sees all C, G = C (depthwise) sees 1, shuffled or not', () => {
    for (const shuffle of [false, true]) {
      expect(stackedGroups({ channels: 8, groups: 1, shuffle }).reachPerOutput).toBe(8);
      expect(stackedGroups({ channels: 8, groups: 8, shuffle }).reachPerOutput).toBe(1);
    }
  });
  it('reach is n without and n · min(n, G) with the shuffle, the same for every output (property)', () => {
    // By hand: a second-layer group reads n consecutive shuffled positions p, whose first-layer
    // groups are p mod G: min(n, G) distinct groups of n inputs each.
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 36 }).chain((c) => fc.tuple(fc.constant(c), fc.constantFrom(...divisors(c)))), ([c, g]) => {
        const n = c / g;
        const plain = stackedGroups({ channels: c, groups: g, shuffle: false });
        const mixed = stackedGroups({ channels: c, groups: g, shuffle: true });
        for (const r of plain.reach) expect(r).toHaveLength(n);
        for (const r of mixed.reach) expect(r).toHaveLength(n * Math.min(n, g));
      }),
    );
  });
  it('the shuffle adds no weights: two 1×1 layers of C²/G each, 2 · 144/3 = 96 for C = 12, G = 3', () => {
    const plain = stackedGroups({ channels: 12, groups: 3, shuffle: false });
    const mixed = stackedGroups({ channels: 12, groups: 3, shuffle: true });
    expect(plain.params).toBe(96);
    expect(mixed.params).toBe(96);
    expect(mixed.layer.groups).toBe(3);
    // 3×3 kernels on 14×14: 2 · 9 · 144/3 = 864 weights, 864 · 196 mult-adds.
    const k3 = stackedGroups({ channels: 12, groups: 3, shuffle: true, kernelSize: 3, featureSize: 14 });
    expect(k3.params).toBe(864);
    expect(k3.multAdds).toBe(864 * 196);
  });
});
