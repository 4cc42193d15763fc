import katex from 'katex';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import rehypeKatexLighter from '../../src/markdown/rehype-katex-lighter.mjs';
import { lighterKatex } from '../../src/lib/katex-markup';

describe('rehypeKatexLighter() on markdown math', () => {
  it('drops the TeX annotation and each style’s closing `;`, as lighterKatex does for typeset strings', () => {
    const html = katex.renderToString(String.raw`\frac{1}{N} + \frac{1}{D_K^2} < 1`, { displayMode: true, throwOnError: true });
    const tree = fromHtml(html, { fragment: true });
    (rehypeKatexLighter() as (t: typeof tree) => void)(tree);
    const out = toHtml(tree);
    expect(html).toContain('<annotation encoding="application/x-tex">');
    expect(out).not.toContain('<annotation');
    // The same markup as the string route, once both are written out by one serialiser.
    expect(out).toBe(toHtml(fromHtml(lighterKatex(html), { fragment: true })));
  });

  it('leaves an element that is not a TeX annotation, and a style without a closing `;`', () => {
    const tree = fromHtml('<p><annotation encoding="text/plain">a</annotation><span style="color:red">b</span></p>', { fragment: true });
    (rehypeKatexLighter() as (t: typeof tree) => void)(tree);
    expect(toHtml(tree)).toBe('<p><annotation encoding="text/plain">a</annotation><span style="color:red">b</span></p>');
  });
});
