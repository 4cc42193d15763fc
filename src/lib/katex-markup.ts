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

/** What a formula's markup asks of the page that shows it: KaTeX's classes on its elements, and the characters its drawing shows. */
export interface KatexNeeds {
  readonly classes: ReadonlySet<string>;
  readonly chars: ReadonlySet<string>;
}

/**
 * Characters every KaTeX face subset the site declares holds, where the face has them at all
 * (scripts/katex-fonts.mjs: ALWAYS and PAGE_BASE): numbers and their punctuation, which figures
 * change in the browser.
 */
export const NUMBER_CHARS = '0123456789.,+−-=()[]/:;·×≈%\u200b\u2009 ';

/**
 * KaTeX's classes for the kind of each atom (ordinary, binary, relation, opening, closing,
 * punctuation, inner, operator) and for script style: they set spacing in KaTeX's layout, and no
 * rule of its stylesheet names them, so a page need not have them.
 */
export const UNSTYLED_CLASSES: ReadonlySet<string> = new Set(['mord', 'mbin', 'mrel', 'mopen', 'mclose', 'mpunct', 'minner', 'mop', 'mtight']);

/**
 * KaTeX's classes (less UNSTYLED_CLASSES) that figures' formulas can draw at any parameter value:
 * a page with a figure formula carries their rules and faces (scripts/katex-fonts.mjs, the same
 * list), so a figure's new formula that uses them needs nothing more from the page.
 */
export const FIGURE_FORMULA_CLASSES: ReadonlySet<string> = new Set(
  'base brace-center brace-left brace-right col-align-c col-align-l col-align-r enclosing frac-line katex katex-display katex-html katex-mathml mathnormal mfrac mspace msupsub mtable munder nulldelimiter pstrut reset-size6 size3 sizing stretchy strut svg-align text vlist vlist-r vlist-s vlist-t vlist-t2'.split(' '),
);

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
/** Text between tags, its character references decoded (KaTeX writes &amp; &lt; &gt; &quot; &#x27;). */
function decoded(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] !== '#') return ENTITIES[ref.toLowerCase()] ?? whole;
    const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/**
 * The classes and drawn characters of KaTeX's markup for one formula (its MathML, which the eye
 * does not see, adds no character; classes no rule names, UNSTYLED_CLASSES, are left out). A page
 * carries only the rules and face subsets its own math draws with; markup whose needs are all met by what the page's math has (`needsMet`) is drawn by
 * them exactly: every rule that can apply to it names only classes the page has, and every face it
 * draws in holds each of its characters.
 */
export function katexNeeds(html: string): KatexNeeds {
  const classes = new Set<string>();
  for (const m of html.matchAll(/\bclass="([^"]*)"/g)) for (const c of m[1].split(/\s+/)) if (c && !UNSTYLED_CLASSES.has(c)) classes.add(c);
  const at = html.indexOf('class="katex-html"');
  const drawing = at < 0 ? html.replace(/<math\b[\s\S]*?<\/math>/g, '') : html.slice(html.lastIndexOf('<', at));
  const chars = new Set<string>();
  for (const piece of drawing.split(/<[^>]*>/)) for (const ch of decoded(piece)) chars.add(ch);
  return { classes, chars };
}

/** What a page has, as sets or as lookups that answer the same question. */
export interface KatexHas {
  readonly classes: { has(name: string): boolean };
  readonly chars: { has(char: string): boolean };
}

/** Whether every class and character `needs` asks for is among those the page `has`. */
export function needsMet(needs: KatexNeeds, has: KatexHas): boolean {
  for (const c of needs.classes) if (!has.classes.has(c)) return false;
  for (const ch of needs.chars) if (!has.chars.has(ch)) return false;
  return true;
}
