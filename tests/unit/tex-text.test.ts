// texToLines: the formula under a figure written as SVG text for exported files. Expected lines are
// written out by hand from how KaTeX shows the same TeX (Howard et al. 2017, eq. 5 for the ratio).
import { describe, expect, it } from 'vitest';
import { lineText, texToLines } from '../../src/components/figure-kit/tex-text';
import { separableRatioTex } from '../../src/lib/tex';

const plain = (tex: string): string[] => texToLines(tex).map(lineText);

describe('texToLines', () => {
  it('writes fractions as a/b, scripts as shifted runs, and spaces binary operators', () => {
    expect(plain('\\frac{1}{N}+\\frac{1}{D_K^2} = \\frac{1}{64}+\\frac{1}{9} = \\frac{73}{576} \\approx 0.127')).toEqual([
      '1/N + 1/D_{K}^{2} = 1/64 + 1/9 = 73/576 ≈ 0.127',
    ]);
  });

  it('puts variables in italic and numbers upright', () => {
    const [line] = texToLines('D_K \\cdot M = 3 \\cdot 32');
    expect(line).toEqual([
      { text: 'D', italic: true, shift: null },
      { text: 'K', italic: true, shift: 'sub' },
      { text: ' · ', italic: false, shift: null },
      { text: 'M', italic: true, shift: null },
      { text: ' = 3 · 32', italic: false, shift: null },
    ]);
  });

  it('gives each row of an aligned block its own line, and keeps {,} thousands separators tight', () => {
    const tex = '\\begin{aligned} \\text{params} &= D_K \\cdot D_K \\cdot M \\cdot N \\\\  &= 3 \\cdot 3 \\cdot 32 \\cdot 64 = 18{,}432 \\end{aligned}';
    expect(plain(tex)).toEqual(['params = D_{K} · D_{K} · M · N', '= 3 · 3 · 32 · 64 = 18,432']);
  });

  it('brackets a numerator or denominator that holds an operator', () => {
    expect(plain('\\tfrac{a + b}{2}')).toEqual(['(a + b)/2']);
  });

  it('writes an underbrace label in brackets after what it labels, and Greek letters as letters', () => {
    expect(plain('\\underbrace{2 \\cdot 27{,}264}_{\\gamma,\\ \\beta} = 54{,}528')).toEqual(['2 · 27,264 (γ,\u2009 β) = 54,528']);
  });

  it('keeps primes, minus signs and text with hyphens', () => {
    expect(plain("\\text{mult-adds} = d' - 1")).toEqual(['mult-adds = d′ − 1']);
  });

  it('shows a command it does not know by name rather than dropping it', () => {
    expect(plain('\\log N')).toEqual(['logN']);
  });

  it('writes the ratio formula the cost figures typeset on one line', () => {
    const { tex } = separableRatioTex({ k: 3, n: 64 });
    expect(plain(tex)).toEqual(['1/N + 1/D_{K}^{2} = 1/64 + 1/9 = 73/576 ≈ 0.127']);
  });
});

describe('texToLines with linked terms', () => {
  it('keeps what \\htmlData{term=…}{…} wraps and drops the mark', () => {
    expect(plain(String.raw`\frac{1}{N}+\htmlData{term=pointwise}{\frac{1}{D_K^2}} = \htmlData{term=out-channels}{64}`)).toEqual(plain(String.raw`\frac{1}{N}+\frac{1}{D_K^2} = 64`));
  });
});
