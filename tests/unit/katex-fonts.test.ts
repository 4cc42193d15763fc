// The build step that splits KaTeX's faces (scripts/katex-fonts.mjs): reading a font's character
// map, writing unicode-range values, finding the characters of typeset math, and subsets that hold
// exactly the characters asked for.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import katex from 'katex';
import { FIGURE_FORMULA_CLASSES as FIGURE_CLASSES_IN_BROWSER, NUMBER_CHARS, UNSTYLED_CLASSES, katexNeeds, needsMet } from '../../src/lib/katex-markup';
import { ALL_FIGURES } from '../../src/components/figures/all';
import { defaultValues, testFrame } from '../../src/components/figure-kit/testing';
import { FIGURE_KATEX } from '../../src/components/figure-kit/katex-options';
import { PARAMS, coerceParam, type ParamName } from '../../src/lib/params';
import { ALWAYS, FIGURE_FORMULA_CLASSES, PAGE_BASE, cmapCodePoints, katexText, rulesFor, subsetFace, unicodeRange, usedFamilies, withFontPreloads, withOwnKatexRules } from '../../scripts/katex-fonts.mjs';

const fonts = join(createRequire(import.meta.url).resolve('katex/package.json'), '..', 'dist', 'fonts');
const ttf = (name: string): Buffer => readFileSync(join(fonts, `${name}.ttf`));
const katexCss = readFileSync(join(fonts, '..', 'katex.min.css'), 'utf8');
const cp = (s: string): number[] => [...s].map((c) => c.codePointAt(0) as number);

describe('cmapCodePoints', () => {
  it('reads the Latin letters, digits, minus sign and dot operator of KaTeX_Main', () => {
    const main: Set<number> = cmapCodePoints(ttf('KaTeX_Main-Regular'));
    for (const c of cp('ABCXYZabcxyz0123456789+=()\u2212\u22c5')) expect(main.has(c)).toBe(true);
  });

  it('finds delimiters but no letters in KaTeX_Size1 (it holds only the first larger size of big symbols)', () => {
    const size1: Set<number> = cmapCodePoints(ttf('KaTeX_Size1-Regular'));
    for (const c of cp('()[]{}\u2211\u222b')) expect(size1.has(c)).toBe(true);
    for (const c of cp('AZaz09')) expect(size1.has(c)).toBe(false);
  });
});

describe('unicodeRange', () => {
  it('joins neighbouring code points into ranges, in order', () => {
    expect(unicodeRange(new Set([0x45, 0x41, 0x42, 0x43, 0x2212]))).toBe('U+41-43,U+45,U+2212');
  });

  it('covers exactly the given set', () => {
    const set = new Set([1, 2, 3, 10, 12, 13, 0x10ffff]);
    const covered = new Set<number>();
    for (const part of unicodeRange(set).split(',')) {
      const [a, b = a] = part.slice(2).split('-').map((h: string) => parseInt(h, 16));
      for (let c = a; c <= b; c++) covered.add(c);
    }
    expect([...covered].sort((x, y) => x - y)).toEqual([...set].sort((x, y) => x - y));
  });
});

describe('katexText', () => {
  it('collects the characters KaTeX draws, not the TeX source kept for screen readers', () => {
    const html = `<p>Text ∮ outside</p>${katex.renderToString('\\frac{1}{N} + \\sum_k \\alpha', { throwOnError: true })}`;
    const text: string = katexText(html);
    for (const c of ['1', 'N', '+', '∑', 'k', 'α']) expect(text).toContain(c);
    // The MathML annotation holds the source (\frac, \alpha); the drawn HTML does not.
    expect(text).not.toContain('\\');
    expect(text).not.toContain('∮');
  });
});

describe('subsets', () => {
  it('hold exactly the requested characters that the face has', async () => {
    const want = 'N=+1/9';
    const out: Buffer = await subsetFace(ttf('KaTeX_Main-Regular'), want, 'truetype');
    expect([...(cmapCodePoints(out) as Set<number>)].sort((a, b) => a - b)).toEqual(cp(want).sort((a, b) => a - b));
  });

  it('carry no TrueType hinting: the font program, control-value program and table (fpgm, prep, cvt) are gone, the outlines and metrics stay', async () => {
    // Table tags of an OpenType file: its table directory (OpenType spec, "Organization of an
    // OpenType font": numTables at byte 4, then 16-byte records from byte 12, tag first).
    const tags = (font: Buffer): string[] =>
      Array.from({ length: font.readUInt16BE(4) }, (_, i) => font.toString('latin1', 12 + 16 * i, 16 + 16 * i));
    const whole = ttf('KaTeX_Main-Regular');
    expect(tags(whole)).toEqual(expect.arrayContaining(['fpgm', 'prep', 'cvt ']));
    const out: Buffer = await subsetFace(whole, 'N=+1/9', 'truetype');
    for (const hinting of ['fpgm', 'prep', 'cvt ']) expect(tags(out)).not.toContain(hinting);
    for (const kept of ['glyf', 'loca', 'hmtx', 'cmap', 'head', 'hhea', 'OS/2']) expect(tags(out)).toContain(kept);
  });

  it('always keep the digits, so a formula retypeset with new numbers needs no other file', () => {
    for (const d of '0123456789') expect(ALWAYS).toContain(d);
  });
});

describe('withFontPreloads', () => {
  const files = new Map([
    ['KaTeX_Main-Regular', '/_astro/KaTeX_Main-Regular.sub1.woff2'],
    ['KaTeX_Math-Italic', '/_astro/KaTeX_Math-Italic.sub2.woff2'],
  ]);
  const page = (body: string): string => `<html><head><meta charset="utf-8"><link rel="stylesheet" href="/a.css"></head><body>${body}</body></html>`;

  it('preloads the subsets of the faces a page with math draws with, before its first stylesheet', () => {
    // KaTeX draws "x" in Math-Italic (class mathnormal) and "2" in Main-Regular.
    const html = withFontPreloads(page(katex.renderToString('x^2')), files);
    const head = html.slice(0, html.indexOf('<link rel="stylesheet"'));
    expect(head).toContain('<link rel="preload" href="/_astro/KaTeX_Main-Regular.sub1.woff2" as="font" type="font/woff2" crossorigin');
    expect(head).toContain('href="/_astro/KaTeX_Math-Italic.sub2.woff2"');
  });

  it('leaves out Math-Italic where no formula has an italic letter', () => {
    const html = withFontPreloads(page(katex.renderToString('2+3')), files);
    expect(html).toContain('KaTeX_Main-Regular.sub1');
    expect(html).not.toContain('KaTeX_Math-Italic');
  });

  it('changes nothing on a page without math, and adds the links only once', () => {
    expect(withFontPreloads(page('<p>x</p>'), files)).toBe(page('<p>x</p>'));
    const once = withFontPreloads(page(katex.renderToString('x')), files);
    expect(withFontPreloads(once, files)).toBe(once);
  });
});

describe('usedFamilies', () => {
  const families = (tex: string, display = false): string[] => [...usedFamilies(`<p>${katex.renderToString(tex, { displayMode: display })}</p>`, katexCss)].sort();

  it('finds Main for upright symbols and Math for italic letters, and nothing more for a plain formula', () => {
    expect(families('2+3')).toEqual(['KaTeX_Main']);
    expect(families('x^2 + y')).toEqual(['KaTeX_Main', 'KaTeX_Math']);
  });

  it('finds the faces KaTeX draws bold, blackboard and large symbols in (Main bold, AMS, Size1/Size2)', () => {
    expect(families('\\mathbb{E}[\\mathbf{1}]')).toEqual(['KaTeX_AMS', 'KaTeX_Main']);
    // A display-mode sum is drawn in Size2 (KaTeX's .op-symbol.large-op); inline, in Size1.
    expect(families('\\sum_i x_i', true)).toContain('KaTeX_Size2');
    expect(families('\\sum_i x_i')).toContain('KaTeX_Size1');
    expect(families('\\mathcal{O}(n)')).toContain('KaTeX_Caligraphic');
  });

  it('finds no family on a page without math, whatever its stylesheet', () => {
    expect([...usedFamilies('<p class="size1 mathbb">no math here</p>', katexCss)]).toEqual([]);
  });
});

describe('the characters a page takes its faces to hold (NUMBER_CHARS, src/lib/katex-markup.ts)', () => {
  it('are in every site subset (ALWAYS) and every page subset (PAGE_BASE), so a formula drawing only those needs no other face', () => {
    for (const c of NUMBER_CHARS) {
      expect(ALWAYS).toContain(c);
      expect(PAGE_BASE).toContain(c);
    }
  });

  it('FIGURE_FORMULA_CLASSES are the same list in the build and in the browser, and hold every class a figure’s formula draws at any parameter value', () => {
    expect([...FIGURE_CLASSES_IN_BROWSER].sort()).toEqual([...FIGURE_FORMULA_CLASSES].sort());
    const drawn = new Set<string>();
    let formulas = 0;
    for (const def of Object.values(ALL_FIGURES))
      for (const width of [680, 316])
        for (const name of def.params as ParamName[]) {
          const p = PARAMS[name];
          // Thirteen values across each parameter's range, the others at their defaults.
          for (let i = 0; i <= 12; i++) {
            const tex = def.render({ ...defaultValues, [name]: coerceParam(name, p.min + ((p.max - p.min) * i) / 12).value }, testFrame(width)).tex;
            if (!tex) continue;
            formulas += 1;
            for (const c of katexNeeds(katex.renderToString(tex, { ...FIGURE_KATEX, displayMode: true, throwOnError: false })).classes) drawn.add(c);
          }
        }
    expect(formulas).toBeGreaterThan(500);
    expect([...drawn].filter((c) => !FIGURE_CLASSES_IN_BROWSER.has(c))).toEqual([]);
    // The stride turns block-shapes' product into a fraction (h/s): a class the v2 chapter's own math lacks.
    expect(drawn.has('mfrac')).toBe(true);
  });

  it('a page with a figure formula carries the rules of every class such a formula can draw; one without does not', () => {
    const css = readFileSync(join(fonts, '..', 'katex.min.css'), 'utf8').replace(/@font-face\s*{[^}]*}/g, '');
    const page = (extra: string) => `<head><link rel="stylesheet" href="/_astro/k.css"></head><body>${katex.renderToString('x + 1', { displayMode: true })}${extra}</body>`;
    const withFigure = withOwnKatexRules(page('<div data-role="formula"></div>'), new Map([['k.css', css]]));
    const without = withOwnKatexRules(page(''), new Map([['k.css', css]]));
    expect(withFigure).toContain('.katex .mfrac .frac-line{');
    expect(without).not.toContain('.mfrac');
    expect(without.length).toBeLessThan(withFigure.length);
  });

  it('UNSTYLED_CLASSES are named by no rule of KaTeX’s stylesheet (so a page need not have them)', () => {
    const css = readFileSync(join(fonts, '..', 'katex.min.css'), 'utf8').replace(/@font-face\s*{[^}]*}/g, '');
    const named = new Set<string>();
    for (const m of css.matchAll(/([^{}]+)\{[^{}]*\}/g)) for (const c of m[1].matchAll(/\.([\w-]+)/g)) named.add(c[1]);
    expect(named.size).toBeGreaterThan(100);
    expect(named.has('mathnormal')).toBe(true);
    for (const c of UNSTYLED_CLASSES) expect(named.has(c)).toBe(false);
  });

  it('a formula whose classes the page has finds every rule it can use among the page’s own', () => {
    const katexCss = readFileSync(join(fonts, '..', 'katex.min.css'), 'utf8').replace(/@font-face\s*{[^}]*}/g, '');
    const math = katexNeeds(katex.renderToString(String.raw`\frac{3 \cdot 3 \cdot 32}{32 + 9} \approx 2.3`, { displayMode: true }));
    const page = { classes: math.classes, chars: new Set([...math.chars, ...NUMBER_CHARS]) };
    const own = rulesFor(katexCss, page.classes as Set<string>);
    const next = katexNeeds(katex.renderToString(String.raw`\frac{5 \cdot 5 \cdot 64}{64 + 25} \approx 18`, { displayMode: true }));
    expect(needsMet(next, page)).toBe(true);
    const wanted = rulesFor(katexCss, next.classes as Set<string>);
    expect(wanted.length).toBeGreaterThan(100);
    for (const rule of wanted.split('}').filter(Boolean)) expect(own).toContain(`${rule}}`);
    // And one that brings a class the page lacks wants a rule it does not have.
    const root = katexNeeds(katex.renderToString(String.raw`\sqrt{64}`, { displayMode: true }));
    expect(needsMet(root, page)).toBe(false);
    expect(rulesFor(katexCss, root.classes as Set<string>).split('}').some((r) => r && !own.includes(`${r}}`))).toBe(true);
  });
});

describe('a page’s own KaTeX rules', () => {
  it('keeps the rules whose selector’s classes all appear on the page, in order, and rules without classes', () => {
    const css = '.katex{font:normal 1.21em KaTeX_Main}.katex .mfrac .frac-line{border-bottom-style:solid}.katex .sizing.reset-size1.size5{font-size:1.2em}.katex .a,.katex .b{x:y}.katex svg{fill:currentColor}';
    expect(rulesFor(css, new Set(['katex', 'mfrac', 'frac-line', 'b']))).toBe('.katex{font:normal 1.21em KaTeX_Main}.katex .mfrac .frac-line{border-bottom-style:solid}.katex .a,.katex .b{x:y}.katex svg{fill:currentColor}');
    expect(rulesFor(css, new Set(['katex']))).toBe('.katex{font:normal 1.21em KaTeX_Main}.katex svg{fill:currentColor}');
  });

  it('keeps every rule the math KaTeX draws needs: typeset markup’s classes select a rule for each', () => {
    const html = katex.renderToString('\\frac{73}{576} \\approx \\sqrt[3]{x^2}', { displayMode: true });
    const classes = new Set([...html.matchAll(/class="([^"]*)"/g)].flatMap((m) => m[1].split(' ')));
    const own = rulesFor(katexCss.replace(/@font-face\s*{[^}]*}/g, ''), classes);
    expect(own.length).toBeLessThan(katexCss.replace(/@font-face\s*{[^}]*}/g, '').length / 2);
    for (const needed of ['.katex .mfrac .frac-line', '.katex .sqrt>.root', '.katex .vlist-t']) expect(own).toContain(needed);
  });

  it('puts them in place of the page’s link to the stylesheet, naming it for KaTeX’s script; a page without the link is unchanged', () => {
    const sheets = new Map([['katex_min.AB12.css', '.katex{a:b}.katex .accent{c:d}']]);
    const page = '<head><link rel="stylesheet" href="/_astro/katex_min.AB12.css"><link rel="stylesheet" href="/_astro/site.css"></head><body><span class="katex">x</span></body>';
    const out = withOwnKatexRules(page, sheets);
    expect(out).toContain('<style data-katex-css data-all="/_astro/katex_min.AB12.css">.katex{a:b}</style><link rel="stylesheet" href="/_astro/site.css">');
    expect(out).not.toContain('href="/_astro/katex_min.AB12.css"');
    expect(withOwnKatexRules(out, sheets)).toBe(out);
    const plain = '<head><link rel="stylesheet" href="/_astro/site.css"></head>';
    expect(withOwnKatexRules(plain, sheets)).toBe(plain);
  });
});
