import { describe, expect, it } from 'vitest';
import { memoRecent } from '../../src/lib/memo';

/** A computation that records the keys it was asked for. */
function counted() {
  const asked: string[] = [];
  return { asked, compute: (key: string) => (asked.push(key), `<${key}>`) };
}

describe('memoRecent(compute, max)', () => {
  it('answers a repeated key from memory, computing it once', () => {
    const { asked, compute } = counted();
    const f = memoRecent(compute, 4);
    expect([f('a'), f('b'), f('a'), f('b'), f('a')]).toEqual(['<a>', '<b>', '<a>', '<b>', '<a>']);
    expect(asked).toEqual(['a', 'b']);
  });
  it('keeps at most max answers, dropping the least recently used', () => {
    const { asked, compute } = counted();
    const f = memoRecent(compute, 2);
    f('a');
    f('b');
    f('a'); // a is now more recent than b
    f('c'); // drops b, the least recently used
    f('a');
    f('b');
    expect(asked).toEqual(['a', 'b', 'c', 'b']);
  });
});
