import { describe, expect, it } from 'vitest';
import { defaultLayer } from '../../lib/stack';
import { preset } from '../../lib/stack-presets';
import { changeKind, readCount, readsBack, setBn, setInput, setLayer, setNumber } from './edit';

describe('calculator edits are pure', () => {
  it('setLayer, setInput and setBn return a new stack and leave the old one as it was', () => {
    const s = preset('mobilenet-v1');
    const before = JSON.stringify(s);
    const a = setLayer(s, 1, defaultLayer('fc'));
    const b = setInput(s, 'h', 160);
    const c = setBn(s, !s.bn);
    expect(JSON.stringify(s)).toBe(before);
    expect(a.layers[1].kind).toBe('fc');
    expect(a.layers[0]).toBe(s.layers[0]);
    expect(b.input).toEqual({ ...s.input, h: 160 });
    expect(c.bn).toBe(!s.bn);
  });

  it('setNumber: a count as typed; empty clears out and from; past its limit or not whole becomes NaN (the row says why)', () => {
    const l = defaultLayer('standard');
    expect(setNumber(l, 'k', ' 5 ').k).toBe(5);
    expect(setNumber(l, 'out', '').out).toBeNull();
    expect(setNumber(l, 'from', '').from).toBeNull();
    expect(setNumber(l, 'k', '65').k).toBeNaN(); // LIMITS.k = 64
    expect(setNumber(l, 'stride', '1.5').stride).toBeNaN();
    expect(setNumber(l, 'k', '').k).toBeNaN();
    expect(l.k).toBe(3);
    expect(readCount('1234567890')).toBeNaN();
  });

  it('readsBack: only what a link carries as it is goes into the address (k0 would be refused on reload, n0 means "as the input")', () => {
    expect(readsBack('k', 0)).toBe(false);
    expect(readsBack('out', 0)).toBe(false);
    expect(readsBack('k', 64)).toBe(true); // LIMITS.k
    expect(readsBack('k', 65)).toBe(false);
    expect(readsBack('stride', Number.NaN)).toBe(false);
    expect(readsBack('from', 0)).toBe(true); // r0 reads back, and the row says it has no row to branch from
    expect(readsBack('t', 1)).toBe(true);
  });

  it('changeKind keeps out, stride, padding and k where the new kind reads them', () => {
    const old = { ...defaultLayer('standard'), k: 5, out: 48, stride: 2, padding: 'valid' as const };
    expect(changeKind(old, 'grouped')).toMatchObject({ kind: 'grouped', k: 5, out: 48, stride: 2, padding: 'valid', groups: 2 });
    expect(changeKind(old, 'pointwise')).toMatchObject({ kind: 'pointwise', k: 1, out: 48 });
    expect(changeKind(old, 'depthwise').out).toBeNull();
  });
});
