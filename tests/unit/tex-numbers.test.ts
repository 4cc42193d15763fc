// texNumbers(tex): a formula's numbers apart from the rest of its TeX (the skeleton). Expected
// values are read off the TeX by hand: a number is a run of digits with an optional decimal part,
// and the `{,}` thousands separator of texInt (tex-parts.ts) splits 2{,}048 into 2 and 048.
// A skeleton marks a number's place with NUL and `n` (written \0n below).
import { describe, expect, it } from 'vitest';
import { digitBound, fillNumbers, numbersIn, sameLayout, sameShape, texNumbers, withNumbers } from '../../src/lib/tex-numbers';

describe('texNumbers', () => {
  it('takes out every number, in order, with its decimal part', () => {
    expect(texNumbers('3 \\cdot 3 \\cdot 32 = 288')).toEqual({ skeleton: '\0n \\cdot \0n \\cdot \0n = \0n', numbers: ['3', '3', '32', '288'] });
    expect(texNumbers('\\alpha = 0.75')).toEqual({ skeleton: '\\alpha = \0n', numbers: ['0.75'] });
  });

  it('splits a number at its thousands separators, which stay in the skeleton', () => {
    expect(texNumbers('2{,}048')).toEqual({ skeleton: '\0n{,}\0n', numbers: ['2', '048'] });
  });

  it('keeps numbers inside commands and exponents as numbers (D_K^2, \\frac)', () => {
    expect(texNumbers('D_K^2 \\cdot \\frac{1}{64}').numbers).toEqual(['2', '1', '64']);
  });

  it('gives a formula without numbers its whole TeX as skeleton', () => {
    expect(texNumbers('D_K \\cdot M')).toEqual({ skeleton: 'D_K \\cdot M', numbers: [] });
  });

  it('writes a NUL the TeX itself holds as NUL e, so that it never reads as a number’s place', () => {
    const withNul = texNumbers('a\0 1');
    const moved = texNumbers('a1 \0');
    expect(withNul.skeleton).toBe('a\0e \0n');
    expect(moved.skeleton).toBe('a\0n \0e');
    expect(sameShape(withNul, moved)).toBe(false);
  });
});

describe('fillNumbers', () => {
  it('gives the TeX back when filled with its own numbers, NULs included', () => {
    for (const tex of ['3 \\cdot 2{,}048 = 6{,}144', 'a\0 1\0n', '1\0', 'D_K \\cdot M', '\\frac{73}{576} \\approx 0.127']) expect(fillNumbers(texNumbers(tex), texNumbers(tex).numbers)).toBe(tex);
  });

  it('puts other numbers in the same places', () => {
    expect(fillNumbers(texNumbers('3 \\cdot 32 = 96'), ['5', '33', '165'])).toBe('5 \\cdot 33 = 165');
  });
});

describe('sameShape', () => {
  it('holds for formulas that differ in their numbers alone', () => {
    expect(sameShape(texNumbers('3 \\cdot 32 = 96'), texNumbers('5 \\cdot 33 = 165'))).toBe(true);
  });

  it('fails when a number grows a thousands separator, or anything else changes', () => {
    expect(sameShape(texNumbers('999'), texNumbers('1{,}000'))).toBe(false);
    expect(sameShape(texNumbers('3 \\cdot M'), texNumbers('3 \\cdot N'))).toBe(false);
  });
});

describe('numbersIn and withNumbers', () => {
  it('read a drawn text node’s numbers as texNumbers reads TeX', () => {
    expect(numbersIn('2,048')).toEqual(['2', '048']);
    expect(numbersIn(' on 12 segments')).toEqual(['12']);
    expect(numbersIn('≈ 0.127')).toEqual(['0.127']);
    expect(numbersIn('params')).toEqual([]);
  });

  it('write new numbers in their places, keeping the words around them', () => {
    expect(withNumbers(' on 12 segments', ['16'])).toBe(' on 16 segments');
    expect(withNumbers('3 of 4', ['5', '10'])).toBe('5 of 10');
  });
});

describe('digitBound and sameLayout', () => {
  // Read off TeX's grammar: ^ and _ take the next character unless braced, so do \sqrt and \frac;
  // a script's base is the character before the ^ (32^2 squares the 2 alone).
  const bound = (tex: string): boolean[] => digitBound(texNumbers(tex));

  it('marks a script’s base, an unbraced script and an unbraced argument', () => {
    expect(bound('32^2 + 5')).toEqual([true, true, false]);
    expect(bound("3' + x_4")).toEqual([true, true]);
    expect(bound('\\sqrt2 + \\frac{1}2')).toEqual([true, false, true]);
  });

  it('leaves free a number in a group, after an operator, after a command that takes no argument, or after a one-argument command’s group', () => {
    expect(bound('{32}^{2} = 3 \\cdot 4 \\approx 5')).toEqual([false, false, false, false, false]);
    expect(bound('\\text{network: } 1 + 2{,}048')).toEqual([false, false, false]);
    expect(bound('\\frac{1}{2} 3 + \\htmlData{term=alpha}{4}')).toEqual([false, false, false, false]);
  });

  it('counts a number after an unknown command as bound (it may be the command’s argument)', () => {
    expect(bound('\\foo 3')).toEqual([true]);
  });

  it('compare numbers by length and decimal point', () => {
    expect(sameLayout('1.05', '1.10')).toBe(true);
    expect(sameLayout('9', '10')).toBe(false);
    expect(sameLayout('1.5', '15.')).toBe(false);
  });
});
