import { describe, expect, it } from 'vitest';
import { inReadingOrder, neighbours } from '../../src/lib/chapters';

const ch = (slug: string, order: number) => ({ slug, order, title: slug, short: slug });
const list = [ch('c', 3), ch('a', 1), ch('b', 2)];

describe('chapter order', () => {
  it('inReadingOrder sorts by order without changing the input', () => {
    expect(inReadingOrder(list).map((c) => c.slug)).toEqual(['a', 'b', 'c']);
    expect(list.map((c) => c.slug)).toEqual(['c', 'a', 'b']);
  });
  it('neighbours gives previous and next, undefined at the ends or for an unknown slug', () => {
    expect(neighbours(list, 'b')).toEqual({ prev: list[1], next: list[0] });
    expect(neighbours(list, 'a').prev).toBeUndefined();
    expect(neighbours(list, 'c').next).toBeUndefined();
    expect(neighbours(list, 'zzz')).toEqual({});
  });
});
