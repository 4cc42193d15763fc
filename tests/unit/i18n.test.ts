import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en';
import { zh } from '../../src/i18n/zh';
import { ui } from '../../src/i18n';

/** Keys whose value is a name, the same in both editions, or written in the other edition's language (the link to it). */
const NAMES = new Set(['siteName', 'langSwitch.label', 'langSwitch.title']);
/** Han ideographs and CJK punctuation. */
const CJK = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/;

type Tree = { readonly [key: string]: unknown };

/** Every place where `b` does not have the shape of `a`: a missing key, an extra key, another kind of value. */
function shapeDiff(a: Tree, b: Tree, path = ''): string[] {
  const out: string[] = [];
  for (const key of Object.keys(a)) {
    const where = path ? `${path}.${key}` : key;
    if (!(key in b)) {
      out.push(`${where}: missing`);
      continue;
    }
    const va = a[key];
    const vb = b[key];
    if (typeof va !== typeof vb) out.push(`${where}: ${typeof va} in one, ${typeof vb} in the other`);
    else if (typeof va === 'function' && (va as () => unknown).length !== (vb as () => unknown).length)
      out.push(`${where}: takes ${(va as () => unknown).length} arguments in one, ${(vb as () => unknown).length} in the other`);
    else if (typeof va === 'object' && va !== null) out.push(...shapeDiff(va as Tree, vb as Tree, where));
  }
  for (const key of Object.keys(b)) if (!(key in a)) out.push(`${path ? `${path}.` : ''}${key}: extra`);
  return out;
}

/** Every string leaf of a tree, functions called with sample arguments, with its path. */
function leaves(t: Tree, path = ''): [string, string][] {
  return Object.entries(t).flatMap(([key, v]): [string, string][] => {
    const where = path ? `${path}.${key}` : key;
    if (typeof v === 'string') return [[where, v]];
    if (typeof v === 'function') return [[where, String((v as (...a: unknown[]) => unknown)(3, 7))]];
    if (typeof v === 'object' && v !== null) return leaves(v as Tree, where);
    return [];
  });
}

describe('Chinese interface strings', () => {
  it('finds a missing key, an extra key and a changed kind (the check can fail)', () => {
    const broken = { ...en, exercises: { ...en.exercises, progress: 'no function' }, extra: 'x' } as Tree;
    delete (broken as Record<string, unknown>).dismiss;
    expect(shapeDiff(en, broken).sort()).toEqual(['dismiss: missing', 'exercises.progress: function in one, string in the other', 'extra: extra']);
  });

  it('has every key of the English edition, with the same kind of value, recursively', () => {
    expect(shapeDiff(en, zh)).toEqual([]);
  });

  it('is Chinese text everywhere but in names', () => {
    const notChinese = leaves(zh).filter(([key, text]) => !NAMES.has(key) && !CJK.test(text));
    expect(notChinese).toEqual([]);
    // Names stay as they are.
    expect(zh.siteName).toBe(en.siteName);
  });

  it('differs from the English wherever the English is not a name', () => {
    const en1 = new Map(leaves(en));
    const same = leaves(zh).filter(([key, text]) => !NAMES.has(key) && en1.get(key) === text);
    expect(same).toEqual([]);
  });

  it('keeps the placeholders and the numbers passed to functions', () => {
    expect(zh.divisorsOf.match(/\{\w+\}/g)?.sort()).toEqual(en.divisorsOf.match(/\{\w+\}/g)?.sort());
    expect(zh.exercises.progress(2, 5)).toMatch(/2\D+5/);
    expect(zh.exercises.sheetSet(41)).toContain('41');
    expect(zh.exercises.sheetTitle('MobileNet V2')).toContain('MobileNet V2');
  });

  it('is what ui() returns for each language, English by default', () => {
    expect(ui()).toBe(en);
    expect(ui('en')).toBe(en);
    expect(ui('zh')).toBe(zh);
  });
});
