import { describe, expect, it } from 'vitest';
import { BUILT_SHEET, MAX_SHEETS, isBuiltSheet, sheetRequest } from '../../src/lib/sheet-query';

describe('sheetRequest(query)', () => {
  it('reads the first set, the number of sets and whether to add solutions', () => {
    expect(sheetRequest('seed=7&count=2&solutions=1')).toEqual({ seed: 7, count: 2, solutions: true });
    expect(sheetRequest('')).toEqual({ seed: 1, count: 1, solutions: false });
    // A chapter's "Check yourself" link names its set with ex; seed wins when both are given.
    expect(sheetRequest('ex=12').seed).toBe(12);
    expect(sheetRequest('seed=3&ex=12').seed).toBe(3);
  });
  it('uses the nearest usable value for one that cannot be used', () => {
    // The exercise set is a whole number from 1 to 999,999 (src/lib/params.ts).
    expect(sheetRequest('seed=0').seed).toBe(1);
    expect(sheetRequest('seed=2.6').seed).toBe(3);
    expect(sheetRequest('seed=<b>').seed).toBe(1);
    expect(sheetRequest('seed=5000000').seed).toBe(999_999);
    expect(sheetRequest('count=0').count).toBe(1);
    expect(sheetRequest('count=-4').count).toBe(1);
    expect(sheetRequest('count=many').count).toBe(1);
    expect(sheetRequest('count=2.9').count).toBe(2);
    expect(sheetRequest('count=1000').count).toBe(MAX_SHEETS);
    expect(MAX_SHEETS).toBe(60);
    expect(sheetRequest('solutions=yes').solutions).toBe(false);
  });
});

describe('isBuiltSheet(request)', () => {
  it('is true only for set 1, once, without solutions: what the build draws', () => {
    expect(BUILT_SHEET).toEqual({ seed: 1, count: 1, solutions: false });
    expect(isBuiltSheet(sheetRequest(''))).toBe(true);
    expect(isBuiltSheet(sheetRequest('seed=1&count=1&solutions=0'))).toBe(true);
    // A seed the schema turns into 1 is the built sheet too.
    expect(isBuiltSheet(sheetRequest('seed=0'))).toBe(true);
    expect(isBuiltSheet(sheetRequest('seed=2'))).toBe(false);
    expect(isBuiltSheet(sheetRequest('count=2'))).toBe(false);
    expect(isBuiltSheet(sheetRequest('solutions=1'))).toBe(false);
  });
});
