import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { NUMBER_CHARS, UNSTYLED_CLASSES, katexNeeds, lighterKatex, needsMet } from '../../src/lib/katex-markup';

const render = (tex: string, displayMode = true) => katex.renderToString(tex, { displayMode, throwOnError: true });
/** The parts of KaTeX's markup a reader sees or hears: its HTML and its MathML presentation. */
const seen = (html: string) => html.split('<span class="katex-html"')[1];
const heard = (html: string) => /<math[\s\S]*?<\/math>/.exec(html)?.[0].replace(/<annotation[\s\S]*?<\/annotation>/, '');

describe('lighterKatex(html)', () => {
  const tex = String.raw`\frac{D_K \cdot D_K \cdot M \cdot D_F^2}{M \cdot N} < \sqrt{2}`;
  const full = render(tex);
  const light = lighterKatex(full);

  it('drops the TeX annotation, which KaTeX writes once per formula, and nothing else of the MathML', () => {
    expect(full.match(/<annotation encoding="application\/x-tex">/g)).toHaveLength(1);
    expect(light).not.toContain('<annotation');
    expect(light).not.toContain('D_K \\cdot');
    expect(/<math[\s\S]*?<\/math>/.exec(light)?.[0]).toBe(heard(full));
  });

  it('keeps every inline style, less the `;` after its last declaration', () => {
    const styles = (html: string) => [...seen(html).matchAll(/ style="([^"]*)"/g)].map((m) => m[1]);
    const before = styles(full);
    expect(before.length).toBeGreaterThan(5);
    expect(before.every((s) => s.endsWith(';'))).toBe(true);
    expect(styles(light)).toEqual(before.map((s) => s.slice(0, -1)));
    expect(seen(light).replace(/ style="[^"]*"/g, '')).toBe(seen(full).replace(/ style="[^"]*"/g, ''));
  });

  it('leaves a formula whose TeX holds < and & escaped as KaTeX wrote it, and inline math too', () => {
    const inline = render(String.raw`a < b \;\&\; c`, false);
    expect(inline).toContain('a &lt; b');
    const out = lighterKatex(inline);
    expect(out).not.toContain('<annotation');
    expect(out.length).toBeLessThan(inline.length - 'a &lt; b \\;\\&amp;\\; c'.length);
    expect(out).toContain('<mo>&lt;</mo>');
  });
});

describe('katexNeeds(html) and needsMet', () => {
  it('lists the classes of every element and the characters of the drawing only, references decoded', () => {
    const needs = katexNeeds(render(String.raw`a < b \;\&\; c`, false));
    expect([...needs.chars].sort()).toEqual(['&', '<', 'a', 'b', 'c']);
    expect(needs.classes.has('katex')).toBe(true);
    expect(needs.classes.has('katex-mathml')).toBe(true);
    expect(needs.classes.has('mathnormal')).toBe(true);
    // An atom's kind sets spacing in KaTeX's layout; no rule names it.
    expect(needs.classes.has('mrel')).toBe(false);
    // The MathML's <annotation> holds the TeX source: its letters are not drawn.
    expect(needs.chars.has('\\')).toBe(false);
    expect(needs.chars.has(';')).toBe(false);
  });

  it('reads the drawing alone (output: html) the same way, and numeric references', () => {
    const html = katex.renderToString('1{,}008 + x', { displayMode: true, output: 'html' });
    expect([...katexNeeds(html).chars].sort()).toEqual(['+', ',', '0', '1', '8', 'x']);
    expect([...katexNeeds('<span class="katex-html">&#x27;&#8722;&nbsp;</span>').chars]).toEqual(["'", '−', '\u00a0']);
    expect(katexNeeds('<span class="katex-html">&bogus;</span>').chars.has('&')).toBe(true);
  });

  it('is met by a page that has every class and character, and not by one that lacks one of either', () => {
    const page = katexNeeds(render(String.raw`\frac{9 \cdot 64}{64 + 9} = 7.9`) + render('x_1'));
    expect(needsMet(katexNeeds(render(String.raw`\frac{4 \cdot 7}{7 + 4} = 1.9`)), page)).toBe(true);
    // A square root brings classes (sqrt, svg-align, hide-tail) the page's math has none of.
    expect(needsMet(katexNeeds(render(String.raw`\sqrt{9}`)), page)).toBe(false);
    // ψ is drawn with classes the page has, but is not among its characters.
    expect(needsMet(katexNeeds(render(String.raw`\psi_1`)), page)).toBe(false);
  });

  it('UNSTYLED_CLASSES are the atoms’ kinds and script style (that no rule of KaTeX’s stylesheet names is tested with the stylesheet)', () => {
    expect([...UNSTYLED_CLASSES].sort()).toEqual(['mbin', 'mclose', 'minner', 'mop', 'mopen', 'mord', 'mpunct', 'mrel', 'mtight']);
  });

  it('NUMBER_CHARS are digits, separators and the signs between numbers', () => {
    expect([...NUMBER_CHARS].filter((c) => /\d/.test(c))).toEqual([...'0123456789']);
    for (const c of '.,≈×−') expect(NUMBER_CHARS).toContain(c);
  });
});
