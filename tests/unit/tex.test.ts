import fc from 'fast-check';
import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { addRational, convCost, rational, rationalEquals } from '../../src/lib/cost';
import { CostError } from '../../src/lib/errors';
import {
  costRatioTex,
  groupedMacsTex,
  groupedParamsTex,
  separableMacsTex,
  separableParamsTex,
  separableRatioTex,
  standardMacsTex,
  standardParamsTex,
  outputSizeTex,
  texChain,
  texEquations,
  texInt,
  texRational,
  texWidth,
} from '../../src/lib/tex';
import { FIGURE_KATEX, trustTerms } from '../../src/components/figure-kit/katex-options';

/** The TeX must render in KaTeX without errors (rehype-katex does not fail the build on bad TeX). */
const renders = (tex: string) => katex.renderToString(tex, { throwOnError: true, strict: 'error' });

describe('texInt and texRational', () => {
  it('texInt(n) groups thousands with {,}', () => {
    expect(texInt(2_359_296)).toBe('2{,}359{,}296');
    expect(texInt(999)).toBe('999');
    expect(texInt(1000)).toBe('1{,}000');
    expect(texInt(0)).toBe('0');
    expect(texInt(-1234)).toBe('-1{,}234');
    expect(texInt(12_345_678_901_234_567_890n)).toBe('12{,}345{,}678{,}901{,}234{,}567{,}890');
  });
  it('texRational(p/q) is \\frac{p}{q}, or p when q = 1', () => {
    expect(texRational(rational(73, 576))).toBe('\\frac{73}{576}');
    expect(texRational(rational(4, 2))).toBe('2');
  });
});

describe('separableRatioTex', () => {
  it('separableRatioTex({k:3, n:64}) = 1/64 + 1/9 = 73/576 ≈ 0.127 (Howard et al. 2017, eq. 5)', () => {
    const r = separableRatioTex({ k: 3, n: 64 });
    expect(r.tex).toBe('\\frac{1}{N} + \\frac{1}{D_K^2} = \\frac{1}{64} + \\frac{1}{9} = \\frac{73}{576} \\approx 0.127');
    expect(r.value).toEqual({ num: 73n, den: 576n });
    expect(r.approx).toBe(0.127);
    expect(() => renders(r.tex)).not.toThrow();
  });
  it('separableRatioTex writes = instead of ≈ when the decimal is exact: k 2, n 4 → 1/2 = 0.5; k 1, n 1 → 2', () => {
    expect(separableRatioTex({ k: 2, n: 4 }).tex).toBe('\\frac{1}{N} + \\frac{1}{D_K^2} = \\frac{1}{4} + \\frac{1}{4} = \\frac{1}{2} = 0.5');
    const one = separableRatioTex({ k: 1, n: 1 });
    expect(one.tex).toBe('\\frac{1}{N} + \\frac{1}{D_K^2} = \\frac{1}{1} + \\frac{1}{1} = 2');
    expect(one.approx).toBe(2);
  });
  it('separableRatioTex({k, n}).value is exactly 1/n + 1/k², reduced, and its TeX renders', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 15 }), fc.integer({ min: 1, max: 5000 }), (k, n) => {
        const r = separableRatioTex({ k, n });
        const expected = addRational(rational(1, n), rational(1, k * k));
        renders(r.tex);
        return (
          rationalEquals(r.value, expected) &&
          r.value.num === expected.num &&
          r.value.den === expected.den &&
          r.tex.includes(texRational(expected)) &&
          // 3 significant digits: off by at most half a unit in the 3rd digit, ≤ 0.5% of the value.
          Math.abs(r.approx - Number(expected.num) / Number(expected.den)) <= 0.005 * (Number(expected.num) / Number(expected.den))
        );
      }),
      { numRuns: 100 },
    );
  });
});

describe('cost formulas with numbers substituted', () => {
  it('standardParamsTex({k:3, m:512, n:512}) = 2,359,296 (V1 Table 3 "2.36M")', () => {
    const r = standardParamsTex({ k: 3, m: 512, n: 512 });
    expect(r.tex).toBe('D_K \\cdot D_K \\cdot M \\cdot N = 3 \\cdot 3 \\cdot 512 \\cdot 512 = 2{,}359{,}296');
    expect(r.value).toBe(2_359_296);
    expect(() => renders(r.tex)).not.toThrow();
  });
  it('standardParamsTex({…, bias:true}) adds + N (source article 001: 2178 + 6 = 2184)', () => {
    const r = standardParamsTex({ k: 11, m: 3, n: 6, bias: true });
    expect(r.tex).toBe('D_K \\cdot D_K \\cdot M \\cdot N + N = 11 \\cdot 11 \\cdot 3 \\cdot 6 + 6 = 2{,}184');
    expect(r.value).toBe(2184);
  });
  it('standardMacsTex({k:3, m:512, n:512, df:14}) = 462,422,016 (V1 Table 3 "462M"), the output size written D_G', () => {
    const r = standardMacsTex({ k: 3, m: 512, n: 512, df: 14 });
    expect(r.tex).toBe(
      'D_K \\cdot D_K \\cdot M \\cdot N \\cdot D_G \\cdot D_G = 3 \\cdot 3 \\cdot 512 \\cdot 512 \\cdot 14 \\cdot 14 = 462{,}422{,}016',
    );
    expect(r.value).toBe(462_422_016);
    expect(() => renders(r.tex)).not.toThrow();
  });
  it('separableParamsTex({k:3, m:512, n:512}) = 4,608 + 262,144 = 266,752 (V1 Table 3 "0.27M")', () => {
    const r = separableParamsTex({ k: 3, m: 512, n: 512 });
    expect(r.tex).toBe(
      'D_K \\cdot D_K \\cdot M + M \\cdot N = 3 \\cdot 3 \\cdot 512 + 512 \\cdot 512 = 4{,}608 + 262{,}144 = 266{,}752',
    );
    expect(r.value).toBe(266_752);
    expect(() => renders(r.tex)).not.toThrow();
  });
  it('separableParamsTex({…, bias:true}) is Keras SeparableConv2D: 9·64 + 64·128 + 128 = 8,896', () => {
    const r = separableParamsTex({ k: 3, m: 64, n: 128, bias: true });
    expect(r.tex).toBe(
      'D_K \\cdot D_K \\cdot M + M \\cdot N + N = 3 \\cdot 3 \\cdot 64 + 64 \\cdot 128 + 128 = 576 + 8{,}192 + 128 = 8{,}896',
    );
    expect(r.value).toBe(8896);
  });
  it('separableMacsTex({k:3, m:512, n:512, df:14}) = 903,168 + 51,380,224 = 52,283,392 (V1 Table 3 "52.3M")', () => {
    const r = separableMacsTex({ k: 3, m: 512, n: 512, df: 14 });
    expect(r.tex).toBe(
      'D_K \\cdot D_K \\cdot M \\cdot D_G \\cdot D_G + M \\cdot N \\cdot D_G \\cdot D_G' +
        ' = 3 \\cdot 3 \\cdot 512 \\cdot 14 \\cdot 14 + 512 \\cdot 512 \\cdot 14 \\cdot 14 = 903{,}168 + 51{,}380{,}224 = 52{,}283{,}392',
    );
    expect(r.value).toBe(52_283_392);
    expect(() => renders(r.tex)).not.toThrow();
  });
  it('groupedParamsTex({k:11, m:3, n:6, g:3}) = 11²·(3/3)·(6/3)·3 = 726 (source article 001)', () => {
    const r = groupedParamsTex({ k: 11, m: 3, n: 6, g: 3 });
    expect(r.tex).toBe(
      'D_K^2 \\cdot \\frac{M}{G} \\cdot \\frac{N}{G} \\cdot G = 11^2 \\cdot \\frac{3}{3} \\cdot \\frac{6}{3} \\cdot 3 = 726',
    );
    expect(r.value).toBe(726);
    expect(() => renders(r.tex)).not.toThrow();
  });
  it('groupedMacsTex({k:11, m:3, n:6, g:3, df:55}) = 726·55² = 2,196,150', () => {
    const r = groupedMacsTex({ k: 11, m: 3, n: 6, g: 3, df: 55 });
    expect(r.value).toBe(2_196_150);
    expect(r.tex.endsWith('\\cdot 55^2 = 2{,}196{,}150')).toBe(true);
    // Stride 4 makes the 227×227 input a 55×55 output: the formula counts D_G = 55, not D_F.
    expect(r.tex).toContain('G \\cdot D_G^2 =');
    expect(r.tex).not.toContain('D_F');
    expect(() => renders(r.tex)).not.toThrow();
  });
  it("groupedParamsTex throws CostError('groups-mismatch') when G does not divide M", () => {
    expect(() => groupedParamsTex({ k: 3, m: 3, n: 8, g: 4 })).toThrow(CostError);
  });
  it('costRatioTex({k:3, m:512, n:512, df:14}) = 52,283,392 / 462,422,016 = 521/4608 ≈ 0.113', () => {
    const r = costRatioTex({ k: 3, m: 512, n: 512, df: 14 });
    expect(r.tex).toBe(
      '\\frac{52{,}283{,}392}{462{,}422{,}016} = \\frac{1}{N} + \\frac{1}{D_K^2} = \\frac{1}{512} + \\frac{1}{9} = \\frac{521}{4{,}608} \\approx 0.113',
    );
    expect(r.value).toEqual({ num: 521n, den: 4608n });
    expect(() => renders(r.tex)).not.toThrow();
  });
  it('every formula TeX ends with the value convCost computes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 7 }), fc.integer({ min: 1, max: 64 }), fc.integer({ min: 1, max: 64 }), fc.integer({ min: 1, max: 56 }), (k, m, n, df) => {
        const sep = convCost({ kind: 'separable', k, cin: m, cout: n, inH: df });
        const std = convCost({ kind: 'standard', k, cin: m, cout: n, inH: df });
        return (
          separableMacsTex({ k, m, n, df }).tex.endsWith(`= ${texInt(sep.multAdds)}`) &&
          separableParamsTex({ k, m, n }).tex.endsWith(`= ${texInt(sep.params)}`) &&
          standardMacsTex({ k, m, n, df }).tex.endsWith(`= ${texInt(std.multAdds)}`) &&
          standardParamsTex({ k, m, n }).tex.endsWith(`= ${texInt(std.params)}`)
        );
      }),
      { numRuns: 100 },
    );
  });
});

/** As the figures render: \htmlData trusted for term names only. */
const rendersWithTerms = (tex: string) => katex.renderToString(tex, { ...FIGURE_KATEX, throwOnError: true, displayMode: true });
/** Lines of an aligned block. */
const rows = (tex: string) => tex.replace(/^\\begin\{aligned\} | \\end\{aligned\}$/g, '').split(' \\\\ ');

describe('output size D_G', () => {
  it('outputSizeTex: D_G = ⌈D_F / s⌉ — 14 at stride 1, 7 at stride 2, ⌈7/2⌉ = 4 (same padding, as TensorFlow)', () => {
    expect(outputSizeTex({ df: 14 }).value).toBe(14);
    const half = outputSizeTex({ df: 14, s: 2 });
    expect(half.value).toBe(7);
    expect(half.tex).toBe('D_G = \\left\\lceil \\frac{D_F}{s} \\right\\rceil = \\left\\lceil \\frac{14}{2} \\right\\rceil = 7');
    expect(outputSizeTex({ df: 7, s: 2 }).value).toBe(4);
    expect(() => renders(half.tex)).not.toThrow();
  });
  it('standardMacsTex at stride 2 counts D_G = 7 positions: 3·3·32·64·7·7 = 903,168, never D_F = 14', () => {
    const r = standardMacsTex({ k: 3, m: 32, n: 64, df: 14, s: 2 });
    expect(r.value).toBe(9 * 32 * 64 * 49);
    expect(r.tex).toBe('D_K \\cdot D_K \\cdot M \\cdot N \\cdot D_G \\cdot D_G = 3 \\cdot 3 \\cdot 32 \\cdot 64 \\cdot 7 \\cdot 7 = 903{,}168');
  });
  it('no mult-add formula writes D_F for the output size, at any stride', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 7 }), fc.integer({ min: 1, max: 64 }), fc.integer({ min: 1, max: 64 }), fc.integer({ min: 1, max: 56 }), fc.integer({ min: 1, max: 4 }), (k, m, n, df, s) => {
        const dg = Math.ceil(df / s);
        for (const r of [standardMacsTex({ k, m, n, df, s }), separableMacsTex({ k, m, n, df, s }), groupedMacsTex({ k, m, n, g: 1, df, s })]) {
          expect(r.tex).not.toContain('D_F');
          expect(r.tex).toContain('D_G');
        }
        expect(separableMacsTex({ k, m, n, df, s }).value).toBe(k * k * m * dg * dg + m * n * dg * dg);
      }),
      { numRuns: 60 },
    );
  });
});

describe('layout for a narrow column', () => {
  it('texChain(steps, {narrow}) puts one step per line, = aligned, squares written as squares; wide is the one-line chain', () => {
    const wide = standardMacsTex({ k: 3, m: 32, n: 64, df: 14 });
    const narrow = standardMacsTex({ k: 3, m: 32, n: 64, df: 14 }, { narrow: true });
    expect(narrow.value).toBe(wide.value);
    expect(rows(narrow.tex)).toEqual([
      '&D_K^2 \\cdot M \\cdot N \\cdot D_G^2',
      '&= 3^2 \\cdot 32 \\cdot 64 \\cdot 14^2',
      '&= 3{,}612{,}672',
    ]);
    expect(texChain(wide.steps)).toBe(wide.tex);
    expect(() => renders(narrow.tex)).not.toThrow();
  });
  it('a long sum gets a line per term when narrow (3²·512·14² + 512·512·14²), a short one stays whole', () => {
    const r = separableMacsTex({ k: 3, m: 512, n: 512, df: 14 }, { narrow: true });
    expect(rows(r.tex)).toEqual([
      '&D_K^2 \\cdot M \\cdot D_G^2 + M \\cdot N \\cdot D_G^2',
      '&= 3^2 \\cdot 512 \\cdot 14^2',
      '&\\quad + 512 \\cdot 512 \\cdot 14^2',
      '&= 903{,}168 + 51{,}380{,}224',
      '&= 52{,}283{,}392',
    ]);
    expect(rows(separableRatioTex({ k: 3, n: 64 }, { narrow: true }).tex)).toEqual([
      '&\\frac{1}{N} + \\frac{1}{D_K^2}',
      '&= \\frac{1}{64} + \\frac{1}{9}',
      '&= \\frac{73}{576} \\approx 0.127',
    ]);
    expect(() => renders(r.tex)).not.toThrow();
  });
  it('texWidth counts what is seen: a fraction as its wider part and one, \\cdot as one character, = as three', () => {
    expect(texWidth('3 \\cdot 3')).toBe(3);
    expect(texWidth('\\frac{1}{576}')).toBe(4);
    expect(texWidth('= 0.5')).toBe(6);
    expect(texWidth('2{,}359{,}296')).toBe(9);
    expect(texWidth('\\htmlData{term=depthwise}{D_K}')).toBe(2);
  });
  it('texEquations: wide puts a short chain on one line and wraps a longer one after whole steps, never leaving the result alone; narrow gives the label its own line', () => {
    const p = separableParamsTex({ k: 3, m: 32, n: 64 });
    const m = standardParamsTex({ k: 3, m: 32, n: 64 });
    const wide = texEquations([{ label: 'params', steps: m.steps }, { label: 'separable', steps: p.steps }]);
    expect(rows(wide)).toEqual([
      '\\text{params} &= D_K \\cdot D_K \\cdot M \\cdot N = 3 \\cdot 3 \\cdot 32 \\cdot 64 = 18{,}432',
      '\\text{separable} &= D_K \\cdot D_K \\cdot M + M \\cdot N = 3 \\cdot 3 \\cdot 32 + 32 \\cdot 64',
      '&= 288 + 2{,}048 = 2{,}336',
    ]);
    const narrow = rows(texEquations([{ label: 'params', steps: m.steps }], { narrow: true }));
    expect(narrow[0]).toBe('&\\text{params}');
    expect(narrow).toHaveLength(4);
    expect(() => renders(wide)).not.toThrow();
  });
});

describe('terms for formula–figure linking', () => {
  it('with {terms} the depthwise and pointwise parts are marked: 1/N and 1/D_K² (Howard et al. 2017, eq. 5)', () => {
    const r = separableRatioTex({ k: 3, n: 64 }, { terms: true });
    expect(r.tex).toContain('\\htmlData{term=depthwise}{\\frac{1}{N}}');
    expect(r.tex).toContain('\\htmlData{term=pointwise}{\\frac{1}{D_K^2}}');
    expect(r.tex).toContain('\\htmlData{term=depthwise}{\\frac{1}{64}}');
    const html = rendersWithTerms(r.tex);
    expect(html.match(/data-term="depthwise"/g)).toHaveLength(2);
    expect(html.match(/data-term="pointwise"/g)).toHaveLength(2);
  });
  it('terms change the markup, never the numbers: the same value and the same text without markup', () => {
    const strip = (t: string) => t.replace(/\\htmlData\{term=[a-z-]+\}/g, '').replace(/[{}]/g, '');
    for (const [plain, marked] of [
      [separableMacsTex({ k: 5, m: 8, n: 24, df: 9, s: 2 }), separableMacsTex({ k: 5, m: 8, n: 24, df: 9, s: 2 }, { terms: true })],
      [standardMacsTex({ k: 5, m: 8, n: 24, df: 9 }), standardMacsTex({ k: 5, m: 8, n: 24, df: 9 }, { terms: true })],
      [groupedParamsTex({ k: 3, m: 8, n: 24, g: 4 }), groupedParamsTex({ k: 3, m: 8, n: 24, g: 4 }, { terms: true })],
      [costRatioTex({ k: 3, m: 32, n: 64, df: 14 }), costRatioTex({ k: 3, m: 32, n: 64, df: 14 }, { terms: true })],
    ] as const) {
      expect(marked.value).toEqual(plain.value);
      expect(strip(marked.tex)).toBe(strip(plain.tex));
      expect(() => rendersWithTerms(marked.tex)).not.toThrow();
    }
  });
  it('KaTeX trusts \\htmlData only for a term name: not other keys, not \\href or \\htmlStyle', () => {
    expect(trustTerms({ command: '\\htmlData', attributes: { 'data-term': 'pointwise' } })).toBe(true);
    expect(trustTerms({ command: '\\htmlData', attributes: { 'data-x': 'pointwise' } })).toBe(false);
    expect(trustTerms({ command: '\\htmlData', attributes: { 'data-term': '"><b>' } })).toBe(false);
    expect(trustTerms({ command: '\\href' })).toBe(false);
    expect(trustTerms({ command: '\\htmlStyle' })).toBe(false);
    // KaTeX prints an untrusted command as its name in red instead of applying it.
    expect(rendersWithTerms('\\htmlStyle{color:red}{x}').split('katex-html')[1]).not.toContain('color:red');
  });
});
