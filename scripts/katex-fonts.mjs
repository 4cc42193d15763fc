// KaTeX's fonts, trimmed for the web without changing the math (an Astro integration, used in
// astro.config.mjs):
// - while building, KaTeX's stylesheet keeps only the woff2 source of each face (every browser the
//   site supports reads woff2) and shows text in a fallback font until a face arrives
//   (font-display: swap) instead of hiding it;
// - after the build, each face the pages use is split in two: a small subset holding exactly the
//   characters that appear in the site's typeset math (plus digits and the characters formulas
//   retypeset in the browser can show), and the original file for every other character of the
//   face, each with its unicode-range. A browser fetches a face only for characters in its range,
//   so a page downloads the subsets; any other character still finds its glyph in the original
//   file, so nothing is ever drawn in another font;
// - each page then gets, after KaTeX's stylesheet, faces of its own for the big faces: subsets
//   holding its own math's characters (with the same numbers, punctuation and reference letters),
//   declared later so that they win for their characters; the page preloads and fetches those, a
//   fraction of the site's subsets, and any other character still finds the site's faces.
// - KaTeX's stylesheets then declare no face at all: each page declares, in its own <style>, only
//   the faces of the families its math is drawn in (forty rules with long unicode-ranges were most
//   of the stylesheet's bytes). A formula typeset in the browser that draws a class or a character
//   the page's math does not have first gets the site's full list of faces linked (a stylesheet of
//   its own, named on that <style>; src/components/figure-kit/katex-sheets.ts), so it finds every
//   face whatever it holds.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * Characters kept in every subset whatever the pages show now: numbers and their punctuation, and
 * the Latin and Greek letters. The letters matter beyond the formulas that use them: FreeType's
 * auto-hinter (Chromium on Linux) measures a face's blue zones and stem widths on reference
 * letters, so a face without them would be drawn a shade differently.
 */
export const ALWAYS = `0123456789.,+−-=()[]/:;·×≈%\u200b\u2009 ${letters(0x41, 0x5a)}${letters(0x61, 0x7a)}${letters(0x391, 0x3a9)}${letters(0x3b1, 0x3c9)}`;

/**
 * What a page's own subset holds besides its math: numbers and their punctuation (figures retypeset
 * formulas with the reader's numbers), and the reference letters FreeType's auto-hinter measures
 * a face on (its blue zones: flat tops, bottoms and round overshoots of Latin and Greek; the stem
 * width on o), so that a page's subset draws each glyph exactly as the whole face does.
 */
export const PAGE_BASE = `0123456789.,+−-=()[]/:;·×≈%\u200b\u2009 THEZOCQSLUXfijkdbhxzroescpqgjyuvn${'ΓΒΕΖΘΟΩΔΞ'}${'αβγδεζηθιλμξοπρστφχψω'}`;

/** Greek letters (U+0370–U+03FF). */
const GREEK = /[\u0370-\u03ff]/u;

/**
 * The code points of a page's own subset of a face (`cmap`: the code points the face has): the
 * page's math and PAGE_BASE, as far as the face has them. The Greek reference letters are left out
 * of a face that draws none of the page's Greek: the auto-hinter measures Greek blue zones for
 * Greek glyphs only, so a face with no Greek on the page draws every glyph the same without them.
 */
export function pageSubsetCodePoints(cmap, pageText) {
  const greekOnPage = [...pageText].some((c) => GREEK.test(c) && cmap.has(c.codePointAt(0)));
  const base = greekOnPage ? PAGE_BASE : [...PAGE_BASE].filter((c) => !GREEK.test(c)).join('');
  return new Set([...(base + pageText)].map((c) => c.codePointAt(0)).filter((c) => cmap.has(c)));
}

/**
 * The faces a page gets subsets of its own for: the large ones most formulas draw with, and the
 * faces of large operators and delimiters (a page draws two or three of their glyphs, the site's
 * subsets hold a dozen).
 */
export const PAGE_FACES = ['KaTeX_Main-Regular', 'KaTeX_Math-Italic', 'KaTeX_Main-Bold', 'KaTeX_Main-Italic', 'KaTeX_AMS-Regular', 'KaTeX_Size1-Regular', 'KaTeX_Size2-Regular', 'KaTeX_Size3-Regular', 'KaTeX_Size4-Regular'];

function letters(from, to) {
  let s = '';
  for (let c = from; c <= to; c++) s += String.fromCodePoint(c);
  return s;
}

/** The code points a TrueType font maps to a glyph (its cmap: formats 4 and 12). */
export function cmapCodePoints(ttf) {
  const view = new DataView(ttf.buffer, ttf.byteOffset, ttf.byteLength);
  const numTables = view.getUint16(4);
  let cmap = -1;
  for (let i = 0; i < numTables; i++) {
    const rec = 12 + 16 * i;
    const tag = String.fromCharCode(ttf[rec], ttf[rec + 1], ttf[rec + 2], ttf[rec + 3]);
    if (tag === 'cmap') cmap = view.getUint32(rec + 8);
  }
  if (cmap < 0) throw new Error('font has no cmap table');
  const out = new Set();
  const subtables = view.getUint16(cmap + 2);
  for (let i = 0; i < subtables; i++) {
    const platform = view.getUint16(cmap + 4 + 8 * i);
    const encoding = view.getUint16(cmap + 6 + 8 * i);
    const at = cmap + view.getUint32(cmap + 8 + 8 * i);
    const format = view.getUint16(at);
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
    if (!unicode) continue;
    if (format === 4) {
      const segs = view.getUint16(at + 6) / 2;
      const ends = at + 14;
      const starts = ends + 2 * segs + 2;
      const deltas = starts + 2 * segs;
      const ranges = deltas + 2 * segs;
      for (let s = 0; s < segs; s++) {
        const end = view.getUint16(ends + 2 * s);
        const start = view.getUint16(starts + 2 * s);
        const delta = view.getInt16(deltas + 2 * s);
        const rangeOffset = view.getUint16(ranges + 2 * s);
        for (let c = start; c <= end && c !== 0xffff; c++) {
          let glyph;
          if (rangeOffset === 0) glyph = (c + delta) & 0xffff;
          else {
            const g = view.getUint16(ranges + 2 * s + rangeOffset + 2 * (c - start));
            glyph = g === 0 ? 0 : (g + delta) & 0xffff;
          }
          if (glyph !== 0) out.add(c);
        }
      }
    } else if (format === 12) {
      const groups = view.getUint32(at + 12);
      for (let g = 0; g < groups; g++) {
        const start = view.getUint32(at + 16 + 12 * g);
        const end = view.getUint32(at + 20 + 12 * g);
        for (let c = start; c <= end; c++) out.add(c);
      }
    }
  }
  return out;
}

/** A CSS unicode-range value for a set of code points: runs of neighbours become ranges. */
export function unicodeRange(codePoints) {
  const sorted = [...codePoints].sort((a, b) => a - b);
  const parts = [];
  const hex = (n) => n.toString(16).toUpperCase();
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    parts.push(i === j ? `U+${hex(sorted[i])}` : `U+${hex(sorted[i])}-${hex(sorted[j])}`);
    i = j + 1;
  }
  return parts.join(',');
}

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
const decode = (s) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : (ENTITIES[e] ?? m),
  );

/** The characters inside KaTeX's HTML output (<span class="katex-html">…) of one page. */
export function katexText(html) {
  let text = '';
  const re = /<span class="katex-html"[^>]*>/g;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    // Walk to the matching </span>, keeping the text between tags.
    let depth = 1;
    let i = re.lastIndex;
    const tag = /<(\/?)span\b[^>]*>|<[^>]*>/g;
    tag.lastIndex = i;
    for (let t = tag.exec(html); t && depth > 0; t = tag.exec(html)) {
      text += decode(html.slice(i, t.index));
      if (t[0].startsWith('<span')) depth += 1;
      else if (t[1] === '/') depth -= 1;
      i = tag.lastIndex;
    }
    re.lastIndex = i;
  }
  return text;
}

function walk(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else out.push(p);
  }
  return out;
}

/**
 * A subset of a font (TrueType, WOFF or WOFF2) holding `text`'s characters, as woff2 or truetype,
 * without TrueType hinting (the fpgm, prep and cvt tables and each glyph's instructions): about
 * 2 kB of every face, and all but 0.7 kB of the small ones. Outlines and metrics are kept whole.
 * Chromium on Linux and Android (FreeType, slight hinting) and on macOS never run these
 * instructions, so the math is drawn the same there; Windows draws the outlines unhinted, as
 * it does most web fonts.
 */
export async function subsetFace(font, text, targetFormat = 'woff2') {
  const { default: subsetFont } = await import('subset-font');
  return subsetFont(font, text, { targetFormat, noHinting: true });
}

const hash8 = (buf) => createHash('sha256').update(buf).digest('base64url').slice(0, 8);

/** Rewrite KaTeX's stylesheet as it is bundled: woff2 only, swap. */
function trimStylesheet(css) {
  return css
    .replace(/font-display:\s*block/g, 'font-display:swap')
    .replace(/(url\([^)]*\.woff2\)\s*format\(["']woff2["']\))(?:\s*,\s*url\([^)]*\.(?:woff|ttf)\)\s*format\(["'](?:woff|truetype)["']\))+/g, '$1');
}

/**
 * KaTeX's classes (less those no rule names) that figures' formulas can draw, at any parameter
 * value: a page with a figure formula carries their rules and the faces they draw in, so a slider
 * that turns a product into a fraction does not have the browser link KaTeX's whole stylesheet
 * mid-drag. The same list is src/lib/katex-markup.ts FIGURE_FORMULA_CLASSES (a unit test checks
 * both, and that every figure's formula stays within it).
 */
export const FIGURE_FORMULA_CLASSES = 'base brace-center brace-left brace-right col-align-c col-align-l col-align-r enclosing frac-line katex katex-display katex-html katex-mathml mathnormal mfrac mspace msupsub mtable munder nulldelimiter pstrut reset-size6 size3 sizing stretchy strut svg-align text vlist vlist-r vlist-s vlist-t vlist-t2'.split(' ');

/** Whether a page shows a figure's formula, which its figure retypesets in the browser. */
const hasFigureFormula = (html) => html.includes('data-role="formula"');

/**
 * The faces almost every formula draws with, and the KaTeX class that shows a page draws with one.
 * The browser only asks for a face once it has laid out text in it, so without a hint these
 * arrive late and each one makes the whole page lay out again; a page with math preloads them.
 */
export const PRELOADED_FACES = [
  { name: 'KaTeX_Main-Regular', used: /class="katex"/ },
  { name: 'KaTeX_Math-Italic', used: /class="[^"]*\bmathnormal\b/ },
];

/**
 * A page with `<link rel="preload">` for the subsets (`files`: face name → URL) of the faces it
 * uses, placed before its first stylesheet so the fetch starts while the page is still arriving.
 * A page without typeset math, or one that already has the links, is returned as it is.
 */
export function withFontPreloads(html, files) {
  if (!html.includes('class="katex"') || html.includes('data-katex-preload')) return html;
  const links = PRELOADED_FACES.filter((f) => files.has(f.name) && f.used.test(html))
    .map((f) => `<link rel="preload" href="${files.get(f.name)}" as="font" type="font/woff2" crossorigin data-katex-preload>`)
    .join('');
  if (!links) return html;
  const at = html.search(/<link rel="stylesheet"|<style|<\/head>/);
  return at < 0 ? html : html.slice(0, at) + links + html.slice(at);
}

/**
 * The KaTeX font families a page's math can be drawn in: KaTeX_Main wherever there is a formula,
 * and each family that one of KaTeX's rules (`katexCss`) sets for a selector whose classes all
 * appear on the page. A superset of what the browser draws with (a rule may need its classes
 * nested), never less.
 */
export function usedFamilies(html, katexCss) {
  const out = new Set();
  if (!html.includes('class="katex"')) return out;
  out.add('KaTeX_Main');
  const classes = new Set(hasFigureFormula(html) ? FIGURE_FORMULA_CLASSES : []);
  for (const m of html.matchAll(/\bclass="([^"]*)"/g)) for (const c of m[1].split(/\s+/)) if (c) classes.add(c);
  const rule = /([^{}@]+)\{([^{}]*font-family:\s*(KaTeX_[A-Za-z0-9]+)[^{}]*)\}/g;
  for (const m of katexCss.replace(/@font-face\s*{[^}]*}/g, '').matchAll(rule)) {
    const matches = m[1].split(',').some((sel) => [...sel.matchAll(/\.([\w-]+)/g)].every((c) => classes.has(c[1])));
    if (matches) out.add(m[3]);
  }
  return out;
}

/**
 * The rules of a stylesheet (plain rules, no at-rules: KaTeX's, its faces taken out) that can apply
 * to markup with these classes: those with a selector whose classes all appear. A superset of what
 * applies (a rule may need its classes nested), never less; in their order.
 */
export function rulesFor(css, classes) {
  let out = '';
  for (const m of css.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
    const applies = m[1].split(',').some((sel) => [...sel.replace(/:not\([^)]*\)/g, '').matchAll(/\.([\w-]+)/g)].every((c) => classes.has(c[1])));
    if (applies) out += `${m[1].trim()}{${m[2]}}`;
  }
  return out;
}

/**
 * A page that links KaTeX's stylesheet (`sheets`: file name → its rules) gets, in its place, a
 * <style> of the rules its own math uses: two thirds of KaTeX's rules size its many delimiters,
 * accents and fonts, which most pages never show. A formula typeset in the browser with a class the
 * page's math does not have first gets the whole stylesheet linked (the URL on that <style>),
 * before it, so that it finds every rule (src/components/figure-kit/katex-sheets.ts).
 */
export function withOwnKatexRules(html, sheets) {
  if (html.includes('data-katex-css')) return html;
  let next = html;
  for (const [file, css] of sheets) {
    const link = new RegExp(`<link rel="stylesheet" href="([^"]*/${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')})">`);
    const m = link.exec(next);
    if (!m) continue;
    const classes = pageClassSet(html);
    if (hasFigureFormula(html)) for (const c of FIGURE_FORMULA_CLASSES) classes.add(c);
    next = next.replace(m[0], () => `<style data-katex-css data-all="${m[1]}">${rulesFor(css, classes)}</style>`);
  }
  return next;
}

/** Every class token in a page's class attributes. */
function pageClassSet(html) {
  const out = new Set();
  for (const m of html.matchAll(/\bclass="([^"]*)"/g)) for (const c of m[1].split(/\s+/)) if (c) out.add(c);
  return out;
}

/** Split every KaTeX face in the built site into a subset for the site's math and the rest. */
export async function splitFaces(distDir, log = () => {}) {
  const files = walk(distDir);
  const pages = files.filter((f) => f.endsWith('.html'));
  const used = new Set(ALWAYS);
  for (const p of pages) for (const ch of katexText(readFileSync(p, 'utf8'))) used.add(ch);
  const fontsDir = join(require.resolve('katex/package.json'), '..', 'dist', 'fonts');
  const faces = new Map();
  /** Face name → URL of its subset, as the stylesheets name it. */
  const subsetUrls = new Map();
  let before = 0;
  let after = 0;

  /** Face name → its rule (descriptors, the woff2 source) without unicode-range, and the URL prefix of its files. */
  const faceRules = new Map();
  /** Face name → the code points it maps. */
  const cmaps = new Map();
  /** Face name → its rules as the site declares them (the rest of the face, then its subset), and its family. */
  const siteRules = new Map();

  async function split(face) {
    const src = /url\(([^)]*?KaTeX_[A-Za-z0-9-]+?)\.[A-Za-z0-9_-]+\.woff2\)/.exec(face);
    if (!src) return face;
    const url = src[1];
    const name = basename(url);
    if (!faceRules.has(name)) faceRules.set(name, { body: face.replace(/;?\s*}$/, ''), prefix: url.slice(0, url.length - name.length) });
    if (!faces.has(name)) {
      const ttf = readFileSync(join(fontsDir, `${name}.ttf`));
      const all = cmapCodePoints(ttf);
      cmaps.set(name, all);
      const keep = new Set([...used].map((c) => c.codePointAt(0)).filter((c) => all.has(c)));
      if (keep.size === 0) faces.set(name, null);
      else {
        // Subset the woff2 file the pages use now (its outlines as they are drawn today).
        const woff2 = readFileSync(join(fontsDir, `${name}.woff2`));
        const subset = await subsetFace(woff2, [...keep].map((c) => String.fromCodePoint(c)).join(''));
        const file = `${name}.${hash8(subset)}.woff2`;
        writeFileSync(join(distDir, '_astro', file), subset);
        const full = woff2.length;
        before += full;
        after += subset.length;
        // The rest is exactly the face's other characters: a character the face lacks must not make
        // the browser fetch the whole file to find that out.
        const rest = new Set([...all].filter((c) => !keep.has(c)));
        faces.set(name, { file, keep: unicodeRange(keep), rest: rest.size > 0 ? unicodeRange(rest) : null });
        subsetUrls.set(name, `${url.slice(0, url.length - name.length)}${file}`);
        log(`${name}: ${keep.size} of ${all.size} characters, ${full} → ${subset.length} bytes`);
      }
    }
    const f = faces.get(name);
    const family = /font-family:\s*([^;}]+)/.exec(face)[1].trim();
    if (!f) {
      siteRules.set(name, { family, css: face, subset: face });
      return face;
    }
    const body = face.replace(/;?\s*}$/, '');
    const subsetRule = `${body.replace(/url\([^)]*\.woff2\)/, `url(${url.slice(0, url.length - name.length)}${f.file})`)};unicode-range:${f.keep}}`;
    // The original file serves every other character of the face; declared first, so the subset wins.
    const css = f.rest ? `${body};unicode-range:${f.rest}}${subsetRule}` : subsetRule;
    siteRules.set(name, { family, css, subset: subsetRule });
    return css;
  }

  const rewrite = async (text) => {
    const faceRe = /@font-face\s*{[^}]*font-family:\s*KaTeX_[^}]*}/g;
    let out = '';
    let last = 0;
    for (let m = faceRe.exec(text); m; m = faceRe.exec(text)) {
      out += text.slice(last, m.index) + (await split(m[0]));
      last = faceRe.lastIndex;
    }
    return out + text.slice(last);
  };

  // Stylesheets lose their faces (each page declares the ones it uses), get a new name (their
  // content changed), and pages are pointed at it.
  const renamed = new Map();
  /** Stylesheets (file names) that held KaTeX's faces: a page that links one gets faces of its own. */
  const faceSheets = new Set();
  /** Those stylesheets' rules (faces gone), by file name: each page inlines the ones its math uses. */
  const sheetRules = new Map();
  for (const file of files.filter((f) => f.endsWith('.css'))) {
    const css = readFileSync(file, 'utf8');
    if (!css.includes('KaTeX_')) continue;
    await rewrite(css);
    const next = css.replace(/@font-face\s*{[^}]*font-family:\s*KaTeX_[^}]*}/g, '');
    if (next === css) continue;
    const fresh = file.replace(/\.[A-Za-z0-9_-]+\.css$/, `.${hash8(next)}.css`);
    writeFileSync(file, next);
    if (fresh !== file) {
      renameSync(file, fresh);
      renamed.set(basename(file), basename(fresh));
    }
    faceSheets.add(basename(fresh));
    sheetRules.set(basename(fresh), next);
  }
  // Every face as the site declares it, linked in the browser when a formula needs more than the page's own (src/components/figure-kit/katex-sheets.ts).
  const allCss = [...siteRules.values()].map((r) => r.css).join('');
  const allFile = `katex-faces.${hash8(allCss)}.css`;
  const allUrl = `${[...faceRules.values()][0]?.prefix ?? '/_astro/'}${allFile}`;
  if (allCss) writeFileSync(join(distDir, '_astro', allFile), allCss);
  const katexCss = readFileSync(join(fontsDir, '..', 'katex.min.css'), 'utf8');
  /** Subsets of one face for one set of characters, shared by the pages that show the same ones. */
  const pageSubsets = new Map();
  let pageBytes = 0;
  let pagesWithMath = 0;
  async function pageFace(name, pageText) {
    const rule = faceRules.get(name);
    const f = faces.get(name);
    if (!rule || !f) return null;
    const keep = pageSubsetCodePoints(cmaps.get(name), pageText);
    if (keep.size === 0) return null;
    const key = `${name}|${[...keep].sort((a, b) => a - b).join(',')}`;
    let file = pageSubsets.get(key);
    if (!file) {
      const woff2 = readFileSync(join(fontsDir, `${name}.woff2`));
      const subset = await subsetFace(woff2, [...keep].map((c) => String.fromCodePoint(c)).join(''));
      file = { name: `${name}.${hash8(subset)}.woff2`, bytes: subset.length };
      writeFileSync(join(distDir, '_astro', file.name), subset);
      pageSubsets.set(key, file);
    }
    const url = `${rule.prefix}${file.name}`;
    return { url, bytes: file.bytes, css: `${rule.body.replace(/url\([^)]*\.woff2\)/, `url(${url})`)};unicode-range:${unicodeRange(keep)}}` };
  }

  for (const page of pages) {
    const html = readFileSync(page, 'utf8');
    let next = html.includes('KaTeX_') ? await rewrite(html) : html;
    for (const [from, to] of renamed) next = next.split(from).join(to);
    const urls = new Map(subsetUrls);
    const linksFaces = [...faceSheets].some((f) => next.includes(f));
    if ((linksFaces || next.includes('class="katex"')) && !next.includes('data-katex-faces')) {
      const families = usedFamilies(next, katexCss);
      const own = new Map();
      if (next.includes('class="katex"')) {
        const pageText = [...new Set(katexText(next))].join('');
        for (const name of PAGE_FACES) {
          if (!families.has(siteRules.get(name)?.family)) continue;
          const face = await pageFace(name, pageText);
          if (!face) continue;
          own.set(name, face.css);
          urls.set(name, face.url);
          if (name === 'KaTeX_Main-Regular' || name === 'KaTeX_Math-Italic') pageBytes += face.bytes;
        }
        pagesWithMath += 1;
      }
      // The site's subsets of the other faces of the families the page draws in. Every character
      // of the page's math is in the page's subset of a face, or else in the site's: the rest of
      // each face (and the site's subset where the page has its own) are linked for math the
      // browser draws later, when it needs them.
      const site = [...siteRules].filter(([name, r]) => families.has(r.family) && !own.has(name)).map(([, r]) => r.subset);
      // After KaTeX's stylesheet (in <head>), so that these faces come later and win for their characters.
      next = next.replace('</head>', `<style data-katex-faces data-all="${allUrl}">${site.join('')}${[...own.values()].join('')}</style></head>`);
    }
    next = withFontPreloads(next, urls);
    next = withOwnKatexRules(next, sheetRules);
    if (next !== html) writeFileSync(page, next);
  }
  return { before, after, faces: [...faces.values()].filter(Boolean).length, pageSubsets: pageSubsets.size, pageMainMathBytes: pagesWithMath ? Math.round(pageBytes / pagesWithMath) : 0 };
}

/** The integration: trim KaTeX's stylesheet while bundling, split its faces after the build. */
export default function katexFonts() {
  return {
    name: 'katex-fonts',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'katex-fonts:stylesheet',
                enforce: 'pre',
                transform(code, id) {
                  if (/[\\/]katex[\\/]dist[\\/]katex(\.min)?\.css$/.test(id.split('?')[0])) return { code: trimStylesheet(code), map: null };
                  return undefined;
                },
              },
            ],
          },
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const r = await splitFaces(fileURLToPath(dir), (m) => logger.debug(m));
        logger.info(`KaTeX faces split for the site's math: ${r.faces} faces, ${r.before} → ${r.after} bytes of woff2 fetched for typical math; ${r.pageSubsets} page subsets, Main and Math ${r.pageMainMathBytes} bytes a page`);
      },
    },
  };
}
