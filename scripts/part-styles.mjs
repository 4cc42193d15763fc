// Each page keeps only the figure and block stylesheets it uses (an Astro integration, used in
// astro.config.mjs). The layouts inline every part stylesheet (src/styles/parts/*.css) in one
// <style>, each part after a marker comment; after the build, a part is left out of a page when
// none of the classes that scope its rules appears in the page's markup. Figures and live blocks are drawn at
// build time, so a page that shows one has its classes; parts whose classes only scripts add
// (ALWAYS_KEPT) stay on every page.
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The comment that starts a part in the inlined stylesheet: `/*part:conv-geometry*\/`. */
export const partMarker = (name) => `/*part:${name}*/`;

/** Parts whose elements only scripts create (the offline status line), kept on every page. */
export const ALWAYS_KEPT = ['net-status'];

/**
 * The classes that scope a stylesheet's rules: those of each selector's first compound
 * (`.conv-geometry .slab` → conv-geometry; `param-control.control-player` → control-player). A
 * figure's part scopes its rules by its own classes, so a page without them does not use it;
 * generic classes further in (.grid, .node) say nothing about which figure is there.
 */
export function scopeClasses(css) {
  const out = new Set();
  for (const rule of css.matchAll(/([^{}]+)\{[^{}]*\}/g)) {
    for (const selector of topLevel(rule[1], ',')) {
      const first = topLevel(selector.trim(), ' >+~')[0] ?? '';
      // Classes inside :not(…), :is(…) say what the element is not or may be: not a scope.
      for (const m of first.replace(/\([^()]*\)/g, '').matchAll(/\.(-?[_a-zA-Z][\w-]*)/g)) if (!KIT_CLASSES.includes(m[1])) out.add(m[1]);
    }
  }
  return out;
}

/** Classes the figure kit puts on every figure: they scope nothing. */
const KIT_CLASSES = ['fig-svg'];

/** `text` split at any of `separators` outside brackets and parentheses, empty pieces left out. */
function topLevel(text, separators) {
  const out = [];
  let depth = 0;
  let piece = '';
  for (const ch of text) {
    if (ch === '(' || ch === '[') depth += 1;
    else if (ch === ')' || ch === ']') depth -= 1;
    if (depth === 0 && separators.includes(ch)) {
      if (piece) out.push(piece);
      piece = '';
    } else piece += ch;
  }
  if (piece) out.push(piece);
  return out;
}

/** Every class token in a page's class attributes. */
export function pageClasses(html) {
  const out = new Set();
  for (const m of html.matchAll(/\sclass="([^"]*)"/g)) for (const c of m[1].split(/\s+/)) if (c) out.add(c);
  return out;
}

/**
 * A page whose inlined parts are reduced to those it uses, and the markers removed. A part with no
 * scoping class is kept (it cannot be told unused), as is every part in ALWAYS_KEPT.
 */
export function pruneParts(html) {
  const at = html.indexOf('/*part:');
  if (at < 0) return html;
  const open = html.lastIndexOf('<style>', at);
  const close = html.indexOf('</style>', at);
  if (open < 0 || close < 0 || html.lastIndexOf('</style>', at) > open) return html;
  const used = pageClasses(html);
  const pieces = html.slice(open + '<style>'.length, close).split(/(\/\*part:[\w-]+\*\/)/);
  // The links are looked for outside this stylesheet, whose rules name every reference.
  let css = citedOnly(pieces[0], html.slice(0, open) + html.slice(close));
  for (let i = 1; i < pieces.length; i += 2) {
    const name = /^\/\*part:([\w-]+)\*\/$/.exec(pieces[i])[1];
    const body = pieces[i + 1];
    const classes = scopeClasses(body);
    const keep = ALWAYS_KEPT.includes(name) || classes.size === 0 || [...classes].some((c) => used.has(c));
    if (keep) css += body;
  }
  return `${html.slice(0, open)}<style>${css}${html.slice(close)}`;
}

/**
 * The print rules that number citations (a[href="…"]::after, styles/parts.ts), kept for the
 * links the page has (`html`: the page without this stylesheet): a chapter cites a handful of the
 * site's references.
 */
export function citedOnly(css, html) {
  return css
    .replace(/a\[href="([^"]+)"\]::after\{content:"[^"]*"\}/g, (rule, href) => (html.includes(`href="${href}"`) ? rule : ''))
    .replace(/@media print\{\}/g, '');
}

function walk(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (name.endsWith('.html')) out.push(p);
  }
  return out;
}

/** The integration: after the build, each page keeps the part stylesheets it uses. */
export default function partStyles() {
  return {
    name: 'part-styles',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        let before = 0;
        let after = 0;
        for (const page of walk(fileURLToPath(dir))) {
          const html = readFileSync(page, 'utf8');
          const next = pruneParts(html);
          before += html.length;
          after += next.length;
          if (next !== html) writeFileSync(page, next);
        }
        logger.info(`Part stylesheets kept only where used: ${before} → ${after} bytes of HTML`);
      },
    },
  };
}
