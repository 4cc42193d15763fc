import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PARAMS, PARAM_NAMES, canonicalQuery, coerceParam, fitDivisors, isParamName, parseParams, serializeParams, type ParamName } from '../../src/lib/params';
import { describeIssue } from '../../src/i18n/params';
import { paramsEn } from '../../src/i18n/params.en';
import { paramsZh } from '../../src/i18n/params.zh';

describe('PARAMS schema', () => {
  it('has every shared parameter with default inside its range and on its step', () => {
    expect(PARAM_NAMES).toEqual(['k', 'm', 'n', 'df', 'g', 's', 't', 'alpha', 'res', 'dim', 'seed', 'act', 'layer', 'step', 'segments', 'sc', 'sg', 'precision', 'peak', 'bw', 'ex']);
    for (const name of PARAM_NAMES) {
      const p = PARAMS[name];
      expect(p.min).toBeLessThanOrEqual(p.defaultValue);
      expect(p.defaultValue).toBeLessThanOrEqual(p.max);
      expect(coerceParam(name, p.defaultValue).issue).toBeUndefined();
    }
  });
  it('carries no words for readers: numbers, symbols and names only (the words are per edition, in src/i18n)', () => {
    const english = new Set<string>([...Object.values(paramsEn.label), ...Object.values(paramsEn.unit).filter(Boolean), ...Object.values(paramsEn.choices).flat()]);
    for (const name of PARAM_NAMES) {
      const strings = Object.values(PARAMS[name]).filter((v): v is string => typeof v === 'string');
      expect(strings.filter((s) => english.has(s)), name).toEqual([]);
    }
  });
  it('a choice has as many names in each edition as the schema has values, 0 … max', () => {
    const choiceNames = PARAM_NAMES.filter((n) => PARAMS[n].choices !== undefined);
    // act: ReLU, ReLU6, linear; layer: the five layers of the geometry figure; precision: 4, 2, 1 bytes.
    expect(choiceNames).toEqual(['act', 'layer', 'precision']);
    expect(choiceNames.map((n) => PARAMS[n].choices)).toEqual([3, 5, 3]);
    for (const name of choiceNames) {
      const p = PARAMS[name];
      expect(p.min).toBe(0);
      expect(p.max).toBe((p.choices ?? 0) - 1);
      expect(paramsEn.choices[name as keyof typeof paramsEn.choices]).toHaveLength(p.choices ?? -1);
      expect(paramsZh.choices[name as keyof typeof paramsZh.choices]).toHaveLength(p.choices ?? -1);
    }
  });
  it('isParamName accepts schema keys only, not inherited object keys', () => {
    expect(isParamName('alpha')).toBe(true);
    expect(isParamName('toString')).toBe(false);
    expect(isParamName('__proto__')).toBe(false);
  });
});

describe('coerceParam(name, given)', () => {
  it('keeps valid values', () => {
    expect(coerceParam('k', '5')).toEqual({ value: 5 });
    expect(coerceParam('alpha', '0.75')).toEqual({ value: 0.75 });
    expect(coerceParam('res', ' 128 ')).toEqual({ value: 128 });
  });
  it('clamps out-of-range values to the nearest end and says so', () => {
    expect(coerceParam('k', '99')).toEqual({ value: 11, issue: { name: 'k', given: '99', reason: 'out-of-range', used: 11 } });
    expect(coerceParam('n', '-3').value).toBe(1);
    expect(coerceParam('alpha', '1e3').value).toBe(2);
  });
  it('rounds to the step: whole numbers for counts, 0.05 for α (no float residue)', () => {
    expect(coerceParam('k', '3.4')).toMatchObject({ value: 3, issue: { reason: 'off-step' } });
    expect(coerceParam('alpha', '0.33')).toMatchObject({ value: 0.35, issue: { reason: 'off-step' } });
    expect(coerceParam('alpha', '0.15').value).toBe(0.15);
  });
  it.each([
    ['abc'],
    ['<script>alert(1)</script>'],
    ['"><img src=x onerror=alert(1)>'],
    ['0x10'],
    ['Infinity'],
    ['-Infinity'],
    ['NaN'],
    ['1e999'],
    ['3px'],
    ['３'],
    ['1,5'],
    ['--3'],
    ['javascript:alert(1)'],
    ['%3Cb%3E'],
  ])('replaces %j by the default with a not-a-number issue', (given) => {
    const r = coerceParam('k', given);
    expect(r.value).toBe(3);
    expect(r.issue?.reason).toBe('not-a-number');
  });
  it('treats an empty value as missing: default, with an issue', () => {
    expect(coerceParam('m', '   ')).toEqual({ value: 32, issue: { name: 'm', given: '', reason: 'empty', used: 32 } });
  });
  it('quotes a value without control or bidirectional override characters', () => {
    const r = coerceParam('k', 'abc\u202Efdp.exe\u0000x');
    expect(r.issue?.given).toBe('abc fdp.exe x');
    const repeated = parseParams('k=3&k=%E2%80%AEevil%00', ['k']).issues[0];
    expect(repeated.given).toBe(' evil ');
    expect(describeIssue(repeated)).not.toMatch(/[\u0000-\u001f\u202a-\u202e]/);
  });
  it('cuts what it quotes back to 24 characters', () => {
    const r = coerceParam('k', 'x'.repeat(500));
    expect(r.issue?.given.length).toBe(24);
  });
  it('always returns a finite value inside the range, for any string (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PARAM_NAMES), fc.string({ maxLength: 40 }), (name, s) => {
        const { value } = coerceParam(name, s);
        const p = PARAMS[name];
        expect(Number.isFinite(value)).toBe(true);
        expect(value).toBeGreaterThanOrEqual(p.min);
        expect(value).toBeLessThanOrEqual(p.max);
      }),
      { numRuns: 500 },
    );
  });
});

describe('parseParams(query) and serializeParams(values)', () => {
  it('fills defaults for missing keys and ignores unknown ones', () => {
    const { values, issues } = parseParams('?k=5&theme=dark&controls=0', ['k', 'n']);
    expect(values).toEqual({ k: 5, n: 64 });
    expect(issues).toEqual([]);
  });
  it('uses page defaults before schema defaults', () => {
    expect(parseParams('', ['res'], { res: 299 }).values.res).toBe(299);
  });
  it('uses the first of repeated keys and reports the rest', () => {
    const { values, issues } = parseParams('k=5&k=7', ['k']);
    expect(values.k).toBe(5);
    expect(issues).toEqual([{ name: 'k', given: '7', reason: 'repeated', used: 5 }]);
  });
  it('reports every bad value of a hostile query and still returns all values', () => {
    const { values, issues } = parseParams('k=%3Csvg%20onload%3Dalert(1)%3E&n=1e9&alpha=&dim=2.5', ['k', 'n', 'alpha', 'dim']);
    expect(values).toEqual({ k: 3, n: 2048, alpha: 1, dim: 3 });
    expect(issues.map((i) => i.reason)).toEqual(['not-a-number', 'out-of-range', 'empty', 'off-step']);
  });
  it('round-trips every valid state: parse(serialize(v)) = v (property)', () => {
    const arbValue = (name: ParamName) => {
      const p = PARAMS[name];
      const steps = Math.round((p.max - p.min) / p.step);
      return fc.integer({ min: 0, max: steps }).map((i) => Number((p.min + i * p.step).toFixed(2)));
    };
    const arbState = fc.record(Object.fromEntries(PARAM_NAMES.map((n) => [n, arbValue(n)])) as Record<ParamName, fc.Arbitrary<number>>);
    fc.assert(
      fc.property(arbState, (raw) => {
        // A valid state has its segments and groups dividing what they split.
        const state = { ...raw };
        fitDivisors(state);
        const q = serializeParams(state);
        const back = parseParams(q);
        expect(back.issues).toEqual([]);
        expect(back.values).toEqual(state);
      }),
    );
  });
  it('serialises only the names asked for, in schema order, numbers only', () => {
    expect(serializeParams({ n: 128, k: 5, alpha: 0.75, m: NaN }, ['k', 'n', 'm'])).toBe('k=5&n=128');
  });
});

describe('parameters that divide another (segments of M, groups of C)', () => {
  it('the schema defaults divide their partners: 4 segments of M = 32, 3 groups of C = 12', () => {
    expect(PARAMS.segments.divides).toBe('m');
    expect(PARAMS.sg.divides).toBe('sc');
    expect(32 % PARAMS.segments.defaultValue).toBe(0);
    expect(12 % PARAMS.sg.defaultValue).toBe(0);
  });
  it('parseParams fits a value that does not divide to the nearest divisor and says so', () => {
    // Divisors of 32: 1, 2, 4, 8, 16, 32; 5 is nearest to 4. Divisors of 12: 1, 2, 3, 4, 6, 12; 5 → 4 (tie with 6: the smaller).
    expect(parseParams('m=32&segments=5', ['m', 'segments'])).toEqual({ values: { m: 32, segments: 4 }, issues: [{ name: 'segments', given: '5', reason: 'not-a-divisor', used: 4 }] });
    expect(parseParams('sc=12&sg=5', ['sc', 'sg']).values).toEqual({ sc: 12, sg: 4 });
    expect(parseParams('m=728&segments=728', ['m', 'segments']).issues).toEqual([]);
  });
  it('fits a default that a linked value no longer divides without a message (m = 17: 4 → 1)', () => {
    expect(parseParams('m=17', ['m', 'segments'])).toEqual({ values: { m: 17, segments: 1 }, issues: [] });
  });
  it('fitDivisors changes only what does not divide, in place, and lists it', () => {
    const v = { ...Object.fromEntries(PARAM_NAMES.map((n) => [n, PARAMS[n].defaultValue])), m: 728, segments: 3, sc: 24, sg: 8 } as Record<ParamName, number>;
    expect(fitDivisors(v)).toEqual([{ name: 'segments', given: 3, used: 2 }]);
    expect(v.segments).toBe(2);
    expect(v.sg).toBe(8);
  });
  it('describeIssue names the partner', () => {
    expect(describeIssue({ name: 'segments', given: '5', reason: 'not-a-divisor', used: 4 })).toBe('Channel segments (segments) must divide Input channels (m) evenly; “5” was changed to 4.');
  });
});

describe('describeIssue(issue)', () => {
  it('explains each reason in a sentence with the value used', () => {
    expect(describeIssue({ name: 'k', given: 'abc', reason: 'not-a-number', used: 3 })).toBe('Kernel size (k) must be a number from 1 to 11, not “abc”; using 3.');
    expect(describeIssue({ name: 'n', given: '99999', reason: 'out-of-range', used: 2048 })).toBe('Output channels (n) must be from 1 to 2,048; “99999” was changed to 2,048.');
    expect(describeIssue({ name: 'alpha', given: '0.33', reason: 'off-step', used: 0.35 })).toBe('Width multiplier (alpha) moves in steps of 0.05; “0.33” was rounded to 0.35.');
    expect(describeIssue({ name: 'k', given: '3.4', reason: 'off-step', used: 3 })).toContain('whole number');
    // Limits read with thousands separators, and a decimal limit keeps its decimals (PARAMS.peak: 0.1 to 1,000,000).
    expect(describeIssue({ name: 'peak', given: '-5', reason: 'out-of-range', used: 0.1 })).toBe('Compute ceiling (peak) must be from 0.1 to 1,000,000; “-5” was changed to 0.1.');
    // ?k=99&k=7: the first, 99, is clamped to 11, so the message says what k is now, not "the first value".
    expect(describeIssue({ name: 'k', given: '7', reason: 'repeated', used: 11 })).toBe('Kernel size (k) was given more than once; only the first counts, and it is now 11.');
    expect(describeIssue({ name: 'k', given: '', reason: 'empty', used: 3 })).toContain('left empty');
  });
});

describe('canonicalQuery(query, names, extras)', () => {
  const embedKeys = new Map([
    ['theme', ['light', 'dark']],
    ['controls', ['0', '1']],
  ]);
  it('keeps the page parameters that were given, as used, in schema order', () => {
    expect(canonicalQuery('n=128&k=5', ['k', 'n', 'm'])).toBe('k=5&n=128');
    expect(canonicalQuery('k=99&alpha=0.33&k=2', ['k', 'alpha'])).toBe('k=11&alpha=0.35');
    expect(canonicalQuery('k=%3Cscript%3E', ['k'])).toBe('k=3');
    expect(canonicalQuery('', ['k'])).toBe('');
  });
  it('drops unknown, unused, inherited-name and hostile keys', () => {
    expect(canonicalQuery('k=5&utm_source=x&__proto__=1&constructor=2&%3Cimg%3E=1&alpha=0.5', ['k'])).toBe('k=5');
  });
  it("keeps a page's own keys with an accepted value, first value only", () => {
    expect(canonicalQuery('theme=dark&controls=0&k=5&evil=1', ['k'], embedKeys)).toBe('k=5&theme=dark&controls=0');
    expect(canonicalQuery('theme=%22%3E%3Cscript%3E&controls=maybe', ['k'], embedKeys)).toBe('');
    expect(canonicalQuery('theme=dark&theme=light', [], embedKeys)).toBe('theme=dark');
    expect(canonicalQuery('stack=v1_8x8x3_gap&params=keras&x=1', [], new Map([['stack', null], ['params', null]]))).toBe('stack=v1_8x8x3_gap&params=keras');
  });
  it("keeps a parameter's name that the page claims as its own key as given (an exercise sheet's ex and seed), and drops it otherwise", () => {
    const sheetKeys = new Map<string, readonly string[] | null>([['seed', null], ['ex', null], ['count', null]]);
    // The sheet reads and checks these itself (src/lib/sheet-query.ts); the manifold's seed rules (0 …) do not apply.
    expect(canonicalQuery('ex=7&k=3', [], sheetKeys)).toBe('ex=7');
    expect(canonicalQuery('seed=-5&count=2', [], sheetKeys)).toBe('seed=-5&count=2');
    expect(canonicalQuery('ex=7', [], new Map())).toBe('');
  });
  it('is idempotent: the canonical query of a canonical query is itself (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('k', 'n', 'alpha', 'theme', 'x', '__proto__'), fc.string({ maxLength: 8 })), { maxLength: 8 }), (pairs) => {
        const q = new URLSearchParams(pairs).toString();
        const once = canonicalQuery(q, ['k', 'n', 'alpha'], embedKeys);
        expect(canonicalQuery(once, ['k', 'n', 'alpha'], embedKeys)).toBe(once);
      }),
    );
  });
});
