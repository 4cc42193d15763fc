import { describe, expect, it } from 'vitest';
import * as parts from '../../src/lib/tex-parts';
import * as tex from '../../src/lib/tex';

describe('tex-parts', () => {
  it('texInt(n) groups thousands with {,} and keeps the sign: 3 × 3 × 32 × 64 · 14² = 3,612,672', () => {
    expect(parts.texInt(3 * 3 * 32 * 64 * 14 * 14)).toBe('3{,}612{,}672');
    expect(parts.texInt(-1_000)).toBe('-1{,}000');
    expect(parts.texInt(12n ** 12n)).toBe('8{,}916{,}100{,}448{,}256');
  });
  it('texTerm(name, tex, on) marks a term for formula–figure linking only when on', () => {
    expect(parts.texTerm('depthwise', 'D_K^2', true)).toBe('\\htmlData{term=depthwise}{D_K^2}');
    expect(parts.texTerm('depthwise', 'D_K^2', false)).toBe('D_K^2');
    expect(parts.texTerm('depthwise', 'D_K^2', undefined)).toBe('D_K^2');
  });
  it('are the very functions tex.ts exports (one definition)', () => {
    expect(tex.texInt).toBe(parts.texInt);
    expect(tex.texTerm).toBe(parts.texTerm);
  });
});
