// Checks over the built site that need no browser: valid HTML, no broken internal link or anchor,
// no KaTeX error, TeX that is clean (no control character, no unknown command), no asset loaded
// from another origin, and a Content Security Policy that allows every script the page has. Exits 1
// with a list when one fails. The two editions: every English page has a Chinese twin at /zh/…
// with the same figures and the same exact numbers, each links to the other, and a Chinese page's
// interface and paragraphs are in Chinese.
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { createHash } from 'node:crypto';
import { HtmlValidate, FileSystemConfigLoader } from 'html-validate';
import katex from 'katex';
import { Window } from 'happy-dom';

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

// 3b. A chapter's inline formula written as $N = {value.text}$ is typeset as it stands: MDX does
// not fill an expression in inside math, and the page reads "N = value.text" letter by letter. The
// MathML of every formula is read as one string; a name, a dot and a name (value.text) is such
// a leftover, never mathematics on this site.
for (const [f, html] of pages) {
  const where = routeOf(f);
  for (const m of html.matchAll(/<math\b[\s\S]*?<\/math>/g)) {
    const said = decode([...m[0].matchAll(/<m[ion]\b[^>]*>([^<]*)<\/m[ion]>/g)].map((x) => x[1]).join(''));
    const leftover = /[A-Za-z]{2,}\.[A-Za-z]{2,}/.exec(said);
    if (leftover) problems.push(`${where}: a formula reads "${said.slice(0, 60)}": an MDX expression inside $…$ was typeset as letters`);
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

// 5. Editions. The English pages live at the root, their Chinese twins under /zh/ (see
// src/lib/locale.ts); each pair shows the same figures and the same exact counts.
const LATIN_OK = new Set(
  // Names, units, formats and symbols that stay in Latin script in Chinese technical writing.
  ('Separable MobileNet MobileNets Xception Inception ResNet ResNeXt ShuffleNet ImageNet COCO VOC ReLU ReLU6 BatchNorm Keras PyTorch TensorFlow tfjs WebGL WASM CPU GPU CSV SVG PNG PDF Markdown KaTeX ' +
    'MACs FLOPs GHz GB MB kB URL Howard Sandler Chollet Zhang Szegedy Ioffe Krizhevsky Simonyan Zisserman Sifre Mallat Hinton Google arXiv CVPR ICLR ICML NeurIPS ECCV et al top log max min sqrt float32 float16 int8 Pixel Snapdragon Adreno ARM Cortex Ryzen Intel NVIDIA Apple ' +
    'dw pw conv sep std res alpha rho Esc Enter Space Page Down Up Tab Shift B L O F JavaScript TypeScript NASNet NasNet GoogleNet GoogLeNet VGG SqueezeNet Squeezenet AlexNet SeparableConv2D Conv2D DepthwiseConv2D JFT SepConv MaxPool AvgPool FC fc BN TF slim README Applications Adam SGD RMSprop ms js He Williams Shallow Logits seed').split(/\s+/).map((w) => w.toLowerCase()),
);
const twinsChecked = { pairs: 0, figures: 0, numbers: 0 };
const pageDom = (html) => {
  const w = new Window({ settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true, handleDisabledFileLoadingAsSuccess: true } });
  w.document.write(html);
  return w;
};
/** Text a reader sees outside math, code, keys, citations and the reference list. */
function readerText(root) {
  const clone = root.cloneNode(true);
  // (Also left out: anything marked as another language, such as the link to the English edition.)
  for (const el of clone.querySelectorAll('.katex, code, pre, kbd, cite, script, style, .references, a[href*="references/#"], [data-status], .sr-only[data-tex], annotation, [lang]:not([lang^="zh"])')) el.remove();
  // Text nodes joined with spaces: neighbouring elements are separate words even without any.
  const parts = [];
  const walk = (node) => {
    if (node.nodeType === 3) parts.push(node.nodeValue ?? '');
    for (const child of node.childNodes ?? []) walk(child);
  };
  walk(clone);
  return parts.join(' ');
}
/** A paragraph without what Chinese technical prose gives in English on purpose: a term's English
 * name in brackets after it, （depthwise separable convolution）, and a source quoted in English. */
const withoutGlosses = (text) => text.replace(/（[^）\u3400-\u9fff]*）/g, ' ').replace(/“[^”\u3400-\u9fff]*”/g, ' ');
const cjk = (text) => (text.match(/[\u3400-\u9fff\uf900-\ufaff]/g) ?? []).length;
// Code names (a layer called block_16_project, Conv_1 or expanded_conv) are code, not words.
const latinWords = (text) =>
  (
    text
      .replace(/\b\w*_\w*\b/g, ' ')
      // …and so are names with digits (MobileNetV2, float32, conv2d) and calls (parameters()).
      .replace(/\b[A-Za-z]+\d\w*\b|\b\w+\(\)/g, ' ')
      // …and settings and paths (bias=False, tensorflow/models).
      .replace(/\b\w+=\w+\b|[\w.-]+\/[\w./-]+/g, ' ')
      .match(/[A-Za-z]{2,}/g) ?? []
  ).filter((w) => !LATIN_OK.has(w.toLowerCase()));
const sortedValues = (doc, selector, attr) => [...doc.querySelectorAll(selector)].map((e) => e.getAttribute(attr)).sort();
for (const file of files) {
  const route = routeOf(file);
  if (route.startsWith('/zh/') || route === '/404.html' || route === '/404/') continue;
  const twinRoute = `/zh${route}`;
  const twin = fileOf(twinRoute);
  if (!twin) {
    problems.push(`${route}: no Chinese twin at ${twinRoute}`);
    continue;
  }
  twinsChecked.pairs += 1;
  const en = pageDom(pages.get(file));
  const zh = pageDom(pages.get(twin));
  const [de, dz] = [en.document, zh.document];
  if (de.documentElement.getAttribute('lang') !== 'en') problems.push(`${route}: html lang is not "en"`);
  if (dz.documentElement.getAttribute('lang') !== 'zh-CN') problems.push(`${twinRoute}: html lang is not "zh-CN"`);
  for (const [doc, where, other] of [[de, route, twinRoute], [dz, twinRoute, route]]) {
    if (!doc.querySelector(`link[rel="alternate"][href="${other}"]`)) problems.push(`${where}: no hreflang alternate for ${other}`);
  }
  const figs = [sortedValues(de, '[data-figure]', 'data-figure'), sortedValues(dz, '[data-figure]', 'data-figure')];
  if (figs[0].join() !== figs[1].join()) problems.push(`${twinRoute}: figures ${figs[1].join(' ')} differ from ${route}'s ${figs[0].join(' ')}`);
  const exact = [sortedValues(de, '[data-exact]', 'data-exact'), sortedValues(dz, '[data-exact]', 'data-exact')];
  if (exact[0].join() !== exact[1].join()) {
    const missing = exact[0].filter((v) => !exact[1].includes(v)).slice(0, 5);
    problems.push(`${twinRoute}: ${exact[1].length} exact numbers against ${exact[0].length} in ${route} (e.g. missing ${missing.join(', ')})`);
  }
  twinsChecked.figures += figs[0].length;
  twinsChecked.numbers += exact[0].length;
  // The Chinese page speaks Chinese: its interface (header, controls, captions, figure text) has
  // no English word besides names and symbols, and its paragraphs are mostly Chinese characters.
  const chrome = [...dz.querySelectorAll('header, nav, footer, button, label, summary, legend, caption, th, figcaption, svg text, svg title, .controls, .param-messages')];
  const attrs = [...dz.querySelectorAll('[aria-label], [title], [placeholder], [alt]')].filter((e) => !e.closest('[lang]:not([lang^="zh"])')).flatMap((e) => ['aria-label', 'title', 'placeholder', 'alt'].map((a) => e.getAttribute(a) ?? ''));
  const english = [...new Set([...chrome.map(readerText), ...attrs].flatMap(latinWords))];
  if (english.length > 0) problems.push(`${twinRoute}: English in the interface: ${english.slice(0, 12).join(', ')}${english.length > 12 ? ` … (${english.length})` : ''}`);
  const main = dz.querySelector('main');
  const paragraphs = main ? [...main.querySelectorAll('p, li')].filter((e) => !e.closest('.references, .print-references')).map(readerText).map(withoutGlosses).filter((t) => t.trim().length > 0) : [];
  const mostlyChinese = paragraphs.filter((t) => cjk(t) >= latinWords(t).join('').length).length;
  if (paragraphs.length > 0 && mostlyChinese < paragraphs.length * 0.9) {
    const first = paragraphs.find((t) => cjk(t) < latinWords(t).join('').length) ?? '';
    problems.push(`${twinRoute}: only ${mostlyChinese} of ${paragraphs.length} paragraphs are mostly Chinese (e.g. "${first.replace(/\s+/g, ' ').trim().slice(0, 100)}")`);
  }
  en.happyDOM.abort();
  zh.happyDOM.abort();
  en.close();
  zh.close();
}

if (problems.length) {
  console.error(`Site checks: ${problems.length} problem(s)\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  process.exit(1);
}
console.log(`Site checks: ${validated} pages valid HTML, ${links} internal links and anchors resolve, no KaTeX error, ${formulas} TeX sources clean, no foreign asset, a Content Security Policy on every page (${inlineScripts} inline scripts, each hashed); ${twinsChecked.pairs} English pages with a Chinese twin showing the same ${twinsChecked.figures} figures and ${twinsChecked.numbers} exact numbers.`);
