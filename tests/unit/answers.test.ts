import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { allowedError, checkAnswer, parseAnswer } from '../../src/lib/answers';
import { exercisesEn } from '../../src/i18n/exercises.en';
import { exercisesZh } from '../../src/i18n/exercises.zh';

describe('parseAnswer(text)', () => {
  it.each([
    ['4608', 4608],
    ['4,608', 4608],
    ['4 608', 4608],
    ['1,204,224', 1204224],
    ['0.113', 0.113],
    ['.5', 0.5],
    ['1.2e6', 1.2e6],
    ['1.2M', 1.2e6],
    ['569M', 569e6],
    ['4.6k', 4600],
    ['1.2×10^6', 1.2e6],
    ['1/9 + 1/512', 1 / 9 + 1 / 512],
    ['73/576', 73 / 576],
    ['3²·32·64', 18432],
    ['3*3*32*64', 18432],
    ['(1 + 5) / 2^5', 6 / 32],
    ['-2', -2],
  ])('reads %s as %d', (text, value) => {
    expect(parseAnswer(text)?.value).toBeCloseTo(value, 9);
  });

  it('reads a percentage as a fraction and says it was one', () => {
    expect(parseAnswer('11.3%')).toEqual({ value: 0.113, percent: true });
  });

  it('drops a unit word and scales byte units', () => {
    expect(parseAnswer('4,608 params')?.value).toBe(4608);
    expect(parseAnswer('4608 parameters')?.value).toBe(4608);
    expect(parseAnswer('8.8×')?.value).toBe(8.8);
    expect(parseAnswer('57 KB')?.value).toBe(57_000);
    expect(parseAnswer('2 KiB')?.value).toBe(2048);
  });

  it.each(['', 'abc', '4608 apples', '1,5', '1,23', '2 +', '((1)', 'alert(1)', '1e999', '9^999'])('refuses %j', (text) => {
    expect(parseAnswer(text)).toBeNull();
  });

  it('reads every integer written with or without thousands commas', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), (n) => {
        expect(parseAnswer(String(n))?.value).toBe(n);
        expect(parseAnswer(n.toLocaleString('en-US'))?.value).toBe(n);
      }),
    );
  });
});

describe('checkAnswer(text, exact, tolerance, slips)', () => {
  const slips = [{ value: 576, feedback: 'That is one kernel.' }];
  it('accepts a count with a Chinese unit word from the Chinese edition: 4608 个参数, 4,608个参数, 1.2e6 次乘加', () => {
    const zh = exercisesZh.answerUnits;
    expect(checkAnswer('4608 个参数', 4608, 'exact', [], zh).status).toBe('correct');
    expect(checkAnswer('4,608个参数', 4608, 'exact', [], zh).status).toBe('correct');
    expect(checkAnswer('1.2e6 次乘加', 1_204_224, '3sf', [], zh).status).toBe('correct');
    expect(checkAnswer('4608 个苹果', 4608, 'exact', [], zh).status).toBe('unreadable');
    // The English page's checker knows only its own units (and the English edition adds none).
    expect(exercisesEn.answerUnits).toEqual({});
    expect(checkAnswer('4608 个参数', 4608, 'exact').status).toBe('unreadable');
    expect(checkAnswer('4608 params', 4608, 'exact', [], zh).status).toBe('correct');
  });
  it('accepts the exact count in any written form', () => {
    for (const t of ['18432', '18,432', '3^2*32*64', '18432 parameters', '1.8432e4']) expect(checkAnswer(t, 18432, 'exact', slips).status).toBe('correct');
  });
  it('rejects a near miss of an exact count with a "close" message', () => {
    const v = checkAnswer('18433', 18432, 'exact', slips);
    expect(v.status).toBe('wrong');
    expect(v.note).toBe('closeExact');
  });
  it('names the slip a wrong value matches', () => {
    expect(checkAnswer('576', 18432, 'exact', slips)).toEqual({ status: 'wrong', feedback: 'That is one kernel.' });
  });
  it('accepts 3 significant figures, a fraction and a percentage for 73/576', () => {
    for (const t of ['0.127', '12.7%', '73/576', '1/64 + 1/9']) expect(checkAnswer(t, 73 / 576, '3sf').status).toBe('correct');
    expect(checkAnswer('0.13', 73 / 576, '3sf').status).toBe('wrong');
  });
  it('accepts 1.2e6 for 1,204,224 to 3 significant figures only when it rounds there', () => {
    // 3 s.f. of 1,204,224 is 1.20e6; the allowed error is half a unit of the third figure: 5,000.
    expect(allowedError(1_204_224, '3sf')).toBeCloseTo(5000, 3);
    expect(checkAnswer('1.2e6', 1_204_224, '3sf').status).toBe('correct');
    expect(checkAnswer('1.21e6', 1_204_224, '3sf').status).toBe('wrong');
  });
  it('asks for a number when the text is not one', () => {
    expect(checkAnswer('lots', 1, 'exact')).toEqual({ status: 'unreadable', feedback: '', note: 'unreadable' });
  });
  it('says "close" with the tolerance it missed, and "not yet" for a far miss', () => {
    expect(checkAnswer('0.126', 73 / 576, '3sf').note).toBe('close3sf');
    expect(checkAnswer('5', 18432, 'exact', slips)).toEqual({ status: 'wrong', feedback: '', note: 'notYet' });
  });
  it('never matches a slip equal to the answer (the answer wins)', () => {
    expect(checkAnswer('9', 9, 'exact', [{ value: 9, feedback: 'x' }]).status).toBe('correct');
  });
});
