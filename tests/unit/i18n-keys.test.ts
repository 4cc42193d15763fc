// Every key of an English strings module exists in its Chinese twin, with the same kind
// (text, list, function or group), at every depth.
import { describe, expect, it } from 'vitest';
import { liveEn } from '../../src/i18n/live.en';
import { liveZh } from '../../src/i18n/live.zh';
import { calculatorEn } from '../../src/i18n/calculator.en';
import { calculatorZh } from '../../src/i18n/calculator.zh';
import { lectureEn } from '../../src/i18n/lecture.en';
import { lectureZh } from '../../src/i18n/lecture.zh';

const kind = (v: unknown): string => (Array.isArray(v) ? `list of ${v.length}` : typeof v === 'function' ? `function of ${v.length}` : typeof v);

/** Paths where the two differ in presence or kind. */
export function mismatches(en: unknown, zh: unknown, path = ''): string[] {
  if (kind(en) !== kind(zh)) return [`${path || '(root)'}: ${kind(en)} in English, ${kind(zh)} in Chinese`];
  if (typeof en !== 'object' || en === null || Array.isArray(en)) return [];
  const out: string[] = [];
  const z = zh as Record<string, unknown>;
  for (const [k, v] of Object.entries(en)) out.push(...(k in z ? mismatches(v, z[k], `${path}.${k}`) : [`${path}.${k}: missing in Chinese`]));
  for (const k of Object.keys(z)) if (!(k in (en as object))) out.push(`${path}.${k}: only in Chinese`);
  return out;
}

const PAIRS = { live: [liveEn, liveZh], calculator: [calculatorEn, calculatorZh], lecture: [lectureEn, lectureZh] } as const;

describe('i18n modules: every English key has its Chinese twin', () => {
  it('mismatches() finds a missing key, a changed kind and an extra key, at any depth', () => {
    expect(mismatches({ a: { b: 'x', c: (n: number) => `${n}` } }, { a: { b: 1, d: 'y' } })).toEqual(['.a.b: string in English, number in Chinese', '.a.c: missing in Chinese', '.a.d: only in Chinese']);
    expect(mismatches({ l: ['a', 'b'] }, { l: ['a'] })).toEqual(['.l: list of 2 in English, list of 1 in Chinese']);
  });

  for (const [name, [en, zh]] of Object.entries(PAIRS)) {
    it(`${name}.en.ts and ${name}.zh.ts have the same keys of the same kinds`, () => {
      expect(mismatches(en, zh)).toEqual([]);
    });

    it(`${name}.zh.ts is written in Chinese, not copied from English`, () => {
      const texts: [string, string][] = [];
      const walk = (e: unknown, z: unknown) => {
        if (typeof e === 'string' && typeof z === 'string') texts.push([e, z]);
        else if (e && typeof e === 'object') for (const k of Object.keys(e)) walk((e as Record<string, unknown>)[k], (z as Record<string, unknown>)[k]);
      };
      walk(en, zh);
      const sentences = texts.filter(([e]) => /\b[a-z]{2,} [a-z]{2,} [a-z]{2,}\b/.test(e));
      expect(sentences.length).toBeGreaterThan(3);
      for (const [e, z] of sentences) expect(/[\u4e00-\u9fff]/.test(z), `${e} → ${z}`).toBe(true);
    });
  }
});
