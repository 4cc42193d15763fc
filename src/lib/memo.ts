/**
 * memoRecent(compute, max): `compute` with its last `max` answers kept by key, the least recently
 * used dropped first. For work a reader repeats, such as typesetting the formulas a slider moved
 * back and forth through. DOM-free.
 */
export function memoRecent<V>(compute: (key: string) => V, max: number): (key: string) => V {
  const kept = new Map<string, V>();
  return (key) => {
    let value: V;
    if (kept.has(key)) {
      value = kept.get(key) as V;
      kept.delete(key);
    } else {
      value = compute(key);
      if (kept.size >= max) kept.delete(kept.keys().next().value as string);
    }
    // A Map iterates in insertion order: re-inserting makes this key the most recent.
    kept.set(key, value);
    return value;
  };
}
