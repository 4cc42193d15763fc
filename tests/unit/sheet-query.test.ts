import { describe, expect, it } from 'vitest';
import { BUILT_SHEET, MAX_SHEETS, isBuiltSheet, readSheetQuery, sheetRequest } from '../../src/lib/sheet-query';

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

describe('readSheetQuery(query)', () => {
  it('says what it could not use as given, and gives the address of what it uses instead', () => {
    expect(readSheetQuery('ex=7')).toEqual({ request: { seed: 7, count: 1, solutions: false }, problems: [], query: 'ex=7' });
    expect(readSheetQuery('seed=abc&count=zz')).toEqual({
      request: { seed: 1, count: 1, solutions: false },
      problems: [
        { kind: 'set', given: 'abc', used: 1 },
        { kind: 'count', given: 'zz', used: 1 },
      ],
      query: 'seed=1&count=1',
    });
    // −5 is below the first set: set 1, not 0 (the manifold's own seed starts at 0; a sheet's does not).
    expect(readSheetQuery('seed=-5').problems).toEqual([{ kind: 'set', given: '-5', used: 1 }]);
    expect(readSheetQuery('seed=-5').query).toBe('seed=1');
    expect(readSheetQuery('count=0x10').problems).toEqual([{ kind: 'count', given: '0x10', used: 1 }]);
    expect(readSheetQuery('count=2.9').request.count).toBe(2);
    expect(readSheetQuery('count=1000').problems).toEqual([{ kind: 'count', given: '1000', used: MAX_SHEETS }]);
    expect(readSheetQuery('seed=7&count=30&solutions=1').problems).toEqual([]);
    expect(readSheetQuery('seed=7&count=30&solutions=1&x=<b>').query).toBe('seed=7&count=30&solutions=1');
  });
  it('cuts a count that would run past the last set, 999,999, and says so', () => {
    // From set 999,999 − 1 = 999,998, five sets would reach 1,000,002: two are printed.
    const r = readSheetQuery('seed=999998&count=5');
    expect(r.request).toEqual({ seed: 999_998, count: 2, solutions: false });
    expect(r.problems).toEqual([{ kind: 'past-last', given: '999,998', used: 2 }]);
    expect(r.query).toBe('seed=999998&count=2');
  });
  it('quotes a hostile value as plain, shortened text', () => {
    const r = readSheetQuery(`seed=${encodeURIComponent('<img src=x onerror=alert(1)>')}`);
    expect(r.problems[0].kind).toBe('set');
    expect(r.problems[0].given.length).toBeLessThanOrEqual(24);
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
