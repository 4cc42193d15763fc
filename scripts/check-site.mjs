// Checks over the built site that need no browser: valid HTML, no broken internal link or anchor,
// no KaTeX error, and no asset loaded from another origin. Exits 1 with a list when one fails.
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { HtmlValidate, FileSystemConfigLoader } from 'html-validate';

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
for (const css of readdirSync(join(dist, '_astro')).filter((n) => n.endsWith('.css'))) {
  const text = readFileSync(join(dist, '_astro', css), 'utf8');
  for (const m of text.matchAll(/url\((['"]?)((?:https?:)?\/\/[^)'"]+)/g)) problems.push(`_astro/${css}: url() to another origin: ${m[2]}`);
}

if (problems.length) {
  console.error(`Site checks: ${problems.length} problem(s)\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  process.exit(1);
}
console.log(`Site checks: ${validated} pages valid HTML, ${links} internal links and anchors resolve, no KaTeX error, no foreign asset.`);
