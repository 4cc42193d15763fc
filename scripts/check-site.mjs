// Checks over the built site that need no browser: valid HTML, no broken internal link or anchor,
// no KaTeX error, TeX that is clean (no control character, no unknown command), no asset loaded
// from another origin, and a Content Security Policy that allows every script the page has. Exits 1
// with a list when one fails.
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { createHash } from 'node:crypto';
import { HtmlValidate, FileSystemConfigLoader } from 'html-validate';
import katex from 'katex';

const dist = process.env.SEPARABLE_OUT_DIR ?? 'dist';
const problems = [];

function htmlFiles(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...htmlFiles(p));
    else if (name.endsWith('.html')) out.push(p);
  }
  return out;
}

/** The route a file answers: dist/a/b/index.html → /a/b/. */
function routeOf(file) {
  const rel = relative(dist, file).split(sep).join('/');
  return rel.endsWith('index.html') ? `/${rel.slice(0, -'index.html'.length)}` : `/${rel}`;
}

/** The file a site path resolves to, or undefined. */
function fileOf(path) {
  const clean = decodeURIComponent(path);
  const candidates = clean.endsWith('/') ? [join(dist, clean, 'index.html')] : [join(dist, clean), join(dist, clean, 'index.html')];
  return candidates.find((c) => existsSync(c) && statSync(c).isFile());
}

const files = htmlFiles(dist);
const ids = new Map();
const pages = new Map();
for (const f of files) {
  const html = readFileSync(f, 'utf8');
  pages.set(f, html);
  ids.set(f, new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1])));
}

// 1. HTML validity.
const validator = new HtmlValidate(new FileSystemConfigLoader());
let validated = 0;
for (const f of files) {
  const report = await validator.validateFile(f);
  validated += 1;
  for (const r of report.results) for (const m of r.messages) if (m.severity === 2) problems.push(`${relative(dist, f)}:${m.line}:${m.column} html-validate ${m.ruleId}: ${m.message}`);
}

// 2. Links, anchors, foreign assets, KaTeX errors.
let links = 0;
for (const [f, html] of pages) {
  const where = routeOf(f);
  if (html.includes('katex-error')) problems.push(`${where}: contains a KaTeX error`);
  for (const m of html.matchAll(/<(link|script|img|source|iframe|video|audio|embed|object)\b[^>]*?\s(?:src|href|data)="([^"]+)"/g)) {
    if (/^(https?:)?\/\//.test(m[2])) problems.push(`${where}: <${m[1]}> loads ${m[2]} from another origin`);
  }
  for (const m of html.matchAll(/url\((['"]?)(https?:)?\/\/[^)]+\)/g)) problems.push(`${where}: CSS url() to another origin: ${m[0]}`);
  for (const m of html.matchAll(/\shref="([^"]*)"/g)) {
    const href = m[1].replace(/&amp;/g, '&').replace(/&#(\d+);/g, (_, code) => String.fromCharCode(Number(code)));
    if (/^(https?:|mailto:|data:)/.test(href)) continue;
    links += 1;
    const url = new URL(href, `http://site${where}`);
    const target = url.pathname === where ? f : fileOf(url.pathname);
    if (!target) {
      problems.push(`${where}: broken link ${href}`);
      continue;
    }
    if (url.hash && target.endsWith('.html')) {
      const id = decodeURIComponent(url.hash.slice(1));
      if (!ids.get(target)?.has(id)) problems.push(`${where}: link ${href} points to a missing anchor`);
    }
  }
}
// 3. TeX: every formula's source (KaTeX keeps it in an annotation; figures keep theirs in data-tex).
// A control character means an escape was eaten on the way (`\t` of `\times` became a tab and the
// page showed "1imes1"); an unknown command would render as red error text.
const decode = (text) =>
  text
    .replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d) => String.fromCodePoint(Number(d)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
let formulas = 0;
for (const [f, html] of pages) {
  const where = routeOf(f);
  const sources = [
    ...[...html.matchAll(/<annotation encoding="application\/x-tex">([\s\S]*?)<\/annotation>/g)].map((m) => m[1]),
    ...[...html.matchAll(/\sdata-tex="([^"]*)"/g)].map((m) => m[1]),
  ].map(decode);
  for (const tex of new Set(sources)) {
    formulas += 1;
    const control = /[\u0000-\u0009\u000b-\u001f\u007f]/.exec(tex);
    if (control) problems.push(`${where}: TeX holds control character U+${control[0].charCodeAt(0).toString(16).padStart(4, '0')}: ${JSON.stringify(tex.slice(0, 80))}`);
    try {
      katex.renderToString(tex, { throwOnError: true, strict: 'ignore' });
    } catch (e) {
      problems.push(`${where}: TeX does not parse (${e instanceof Error ? e.message : e}): ${JSON.stringify(tex.slice(0, 80))}`);
    }
  }
}

// 4. Content Security Policy: on every page, before anything it governs; every inline script
// allowed by its hash; no inline event handler (the policy would block it).
let inlineScripts = 0;
for (const [f, html] of pages) {
  const where = routeOf(f);
  const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html);
  if (!meta) {
    problems.push(`${where}: no Content-Security-Policy meta`);
    continue;
  }
  const policy = meta[1].replace(/&#39;/g, "'").replace(/&amp;/g, '&');
  const first = html.search(/<(script|style|link)\b/);
  if (first >= 0 && first < meta.index) problems.push(`${where}: the Content-Security-Policy meta comes after a script, style or link`);
  const scriptSrc = (/(?:^|;)\s*script-src ([^;]*)/.exec(policy)?.[1] ?? '').split(/\s+/);
  for (const m of html.matchAll(/<script\b(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)) {
    inlineScripts += 1;
    const hash = `'sha256-${createHash('sha256').update(m[1], 'utf8').digest('base64')}'`;
    if (!scriptSrc.includes(hash)) problems.push(`${where}: an inline script is not allowed by the policy: ${m[0].slice(0, 80)}`);
  }
  for (const m of html.matchAll(/<[a-z][^>]*\son[a-z]+="/g)) problems.push(`${where}: inline event handler ${m[0].slice(0, 60)}`);
  if (/unsafe-eval|https?:/.test(policy)) problems.push(`${where}: the policy allows eval or another origin: ${policy}`);
}

for (const css of readdirSync(join(dist, '_astro')).filter((n) => n.endsWith('.css'))) {
  const text = readFileSync(join(dist, '_astro', css), 'utf8');
  for (const m of text.matchAll(/url\((['"]?)((?:https?:)?\/\/[^)'"]+)/g)) problems.push(`_astro/${css}: url() to another origin: ${m[2]}`);
}

if (problems.length) {
  console.error(`Site checks: ${problems.length} problem(s)\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  process.exit(1);
}
console.log(`Site checks: ${validated} pages valid HTML, ${links} internal links and anchors resolve, no KaTeX error, ${formulas} TeX sources clean, no foreign asset, a Content Security Policy on every page (${inlineScripts} inline scripts, each hashed).`);
