/**
 * KaTeX markup as the site ships it. KaTeX writes each formula twice, as HTML for the eye and as
 * MathML for assistive technology, and its MathML ends with the TeX source again, in an
 * <annotation encoding="application/x-tex">. No browser shows or exposes that annotation (MathML
 * Core renders only the first child of <semantics>; the others are display: none, so they are not
 * in the accessibility tree either), and the site offers no copy-as-TeX, so the page need not
 * carry it. The `;` that KaTeX puts after the last declaration of each inline style goes too.
 */

/** The TeX annotation of KaTeX's MathML; KaTeX escapes `<` in its text, so it holds no tag. */
const TEX_ANNOTATION = /<annotation encoding="application\/x-tex">[^<]*<\/annotation>/g;
/** An inline style whose last declaration ends in `;` (KaTeX escapes `"` in attribute values). */
const STYLE_END = / style="([^"]*);"/g;

/** lighterKatex(katex.renderToString(tex)): the same HTML and MathML, without the TeX annotation or closing `;` in styles. */
export function lighterKatex(html: string): string {
  return html.replace(TEX_ANNOTATION, '').replace(STYLE_END, ' style="$1"');
}
