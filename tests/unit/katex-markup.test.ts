import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { lighterKatex } from '../../src/lib/katex-markup';

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
