/**
 * Share and export for one figure (browser only, loaded when the reader opens the menu): a link
 * to the current view, an iframe snippet, a self-contained SVG and a PNG at 2× or 4×.
 *
 * Exported files are made for programs other than a browser (Inkscape, rsvg-convert, slide
 * software): colours are resolved to rgb() with separate opacities (no rgba(), no CSS variables,
 * no classes), text sits on its alphabetic baseline with explicit offsets (no dominant-baseline),
 * on an opaque background in the light palette unless the reader picks the dark one, with a
 * margin, the figure's title, its formula as text and a source line that links to this view.
 */
import { currentQuery } from './store';
import { copyToClipboard, downloadBlob } from '../ui/browser';
import { FIGURES } from './registry';
import { texToLines, type TexLine, type TexRun } from './tex-text';
import { kitText } from '../../i18n/kit';
import { langAt } from './lang';
import { element, h } from './svg';

const SVG_NS = 'http://www.w3.org/2000/svg';
const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const XLINK_NS = 'http://www.w3.org/1999/xlink';

export type Palette = 'light' | 'dark';

/** Inherited presentation properties written on an element when they differ from its parent's. */
const INHERITED = [
  'fill',
  'fill-opacity',
  'fill-rule',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'stroke-dashoffset',
  'stroke-linecap',
  'stroke-linejoin',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'letter-spacing',
  'visibility',
] as const;

/** Properties that do not inherit, written when they are not their initial value. */
const OWN: Record<string, string> = { opacity: '1' };

/** Attributes that only matter inside the page (styling hooks, focus, ARIA). */
const DROP_ATTRIBUTE = /^(class|style|tabindex|role|focusable|aria-.*|dominant-baseline|alignment-baseline)$/;

/** Offsets (in em) of the alphabetic baseline for dominant-baseline values, when text cannot be measured. */
const BASELINE_EM: Record<string, number> = {
  central: 0.35,
  middle: 0.3,
  hanging: 0.8,
  mathematical: 0.25,
  'text-before-edge': 0.85,
  'text-top': 0.85,
  'text-after-edge': -0.2,
  'text-bottom': -0.2,
  ideographic: -0.2,
};

const PAD = 24;
const TITLE_SIZE = 16;
const FORMULA_SIZE = 14;
const SOURCE_SIZE = 11;

/** The page's URL for this figure in its current state. */
export function linkToView(root: HTMLElement): string {
  const q = currentQuery();
  return `${location.origin}${location.pathname}${q ? `?${q}` : ''}#${root.id}`;
}

/** The page's URL for this figure with only the parameters the figure reads (shorter, same picture). */
export function figureLink(root: HTMLElement): string {
  const reads = new Set((root.dataset.params ?? '').split(/\s+/).filter(Boolean));
  const all = new URLSearchParams(currentQuery());
  const q = new URLSearchParams([...all].filter(([k]) => reads.has(k)));
  const query = q.toString();
  return `${location.origin}${location.pathname}${query ? `?${query}` : ''}#${root.id}`;
}

/** The theme the page shows now: the reader's choice, else the system's. */
export function currentTheme(): Palette {
  const set = document.documentElement.dataset.theme;
  if (set === 'light' || set === 'dark') return set;
  return window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/**
 * An iframe snippet for /embed/<id>/ with the current state and theme (and controls=0 when the
 * reader wants the figure without its controls), and the few lines that size the iframe.
 */
export function embedSnippet(figureId: string, title: string, options: { theme: Palette; controls: boolean }): string {
  const q = new URLSearchParams(currentQuery());
  q.delete('theme');
  q.delete('controls');
  q.set('theme', options.theme);
  if (!options.controls) q.set('controls', '0');
  const src = `${location.origin}/embed/${figureId}/?${q.toString()}`;
  const safeTitle = title.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return [
    `<iframe src="${src.replace(/&/g, '&amp;')}" title="${safeTitle}" loading="lazy" style="width:100%;max-width:760px;border:0;height:520px"></iframe>`,
    `<script>addEventListener('message',function(e){if(e.origin!=='${location.origin}'||!e.data||e.data.type!=='separable:height')return;document.querySelectorAll('iframe').forEach(function(f){if(f.contentWindow===e.source)f.style.height=e.data.height+'px'})});</script>`,
  ].join('\n');
}

/** Any CSS colour as rgb() and an opacity, read back from a 1-pixel canvas. */
class ColourReader {
  private ctx: CanvasRenderingContext2D | null;
  private seen = new Map<string, { rgb: string; alpha: number }>();
  constructor() {
    const canvas = document.createElement('canvas');
    canvas.width = 1;
    canvas.height = 1;
    this.ctx = canvas.getContext('2d', { willReadFrequently: true });
  }
  read(css: string): { rgb: string; alpha: number } {
    const hit = this.seen.get(css);
    if (hit) return hit;
    let out = { rgb: 'rgb(0,0,0)', alpha: 1 };
    const ctx = this.ctx;
    if (css === 'transparent') out = { rgb: 'rgb(0,0,0)', alpha: 0 };
    else if (ctx) {
      ctx.clearRect(0, 0, 1, 1);
      ctx.fillStyle = '#000';
      ctx.fillStyle = css;
      ctx.fillRect(0, 0, 1, 1);
      const [r, g, b, a] = ctx.getImageData(0, 0, 1, 1).data;
      out = { rgb: `rgb(${r},${g},${b})`, alpha: Math.round((a / 255) * 1000) / 1000 };
    }
    this.seen.set(css, out);
    return out;
  }
}

/** A paint (fill or stroke) as attributes: rgb() plus its opacity, `none`, or a url(#…) reference. */
function paint(value: string, colours: ColourReader): { paint: string; alpha: number } {
  const v = value.trim();
  if (v === 'none' || v === '') return { paint: 'none', alpha: 1 };
  const url = /^url\((["']?)(.*?)\1\)/.exec(v);
  if (url) return { paint: `url(${url[2].replace(/^.*(#[^#]*)$/, '$1')})`, alpha: 1 };
  const c = colours.read(v);
  return c.alpha === 0 ? { paint: 'none', alpha: 1 } : { paint: c.rgb, alpha: c.alpha };
}

/** The presentation attributes of one element, as a browser computes them for the page. */
function presentation(cs: CSSStyleDeclaration, colours: ColourReader): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of INHERITED) out[p] = cs.getPropertyValue(p).trim();
  for (const p of ['fill', 'stroke'] as const) {
    const { paint: v, alpha } = paint(out[p], colours);
    out[p] = v;
    const own = Number(out[`${p}-opacity`] || '1');
    out[`${p}-opacity`] = String(Math.round(own * alpha * 1000) / 1000);
  }
  for (const p of Object.keys(OWN)) out[p] = cs.getPropertyValue(p).trim();
  // Font stacks end in a generic family so a program without the first choices still finds one.
  if (out['font-family'] && !/(sans-serif|serif|monospace)\s*$/.test(out['font-family'])) out['font-family'] += ', sans-serif';
  out['font-family'] = out['font-family'].replace(/"/g, "'");
  return out;
}

/** How far a text's dominant-baseline moves it from the alphabetic baseline, in user units. */
function baselineShift(text: SVGTextElement, value: string, fontSize: number): number {
  const fallback = (BASELINE_EM[value] ?? 0) * fontSize;
  try {
    const before = text.getBBox();
    text.style.setProperty('dominant-baseline', 'auto');
    const after = text.getBBox();
    text.style.removeProperty('dominant-baseline');
    if (before.height === 0 || after.height === 0) return fallback;
    return Math.round((before.y - after.y) * 100) / 100;
  } catch {
    return fallback;
  }
}

/** Add `by` to the first value of an element's dy attribute. */
function addDy(el: Element, by: number): void {
  const [first = '0', ...rest] = (el.getAttribute('dy') ?? '').trim().split(/[\s,]+/).filter(Boolean);
  const sum = Math.round((parseFloat(first) + by) * 100) / 100;
  el.setAttribute('dy', [String(sum), ...rest].join(' '));
}

/**
 * A copy of the figure's SVG with every style resolved into attributes: built inside an
 * off-screen container that carries the wanted palette, so the page itself never changes.
 */
function resolvedCopy(root: HTMLElement, svg: SVGSVGElement, palette: Palette, colours: ColourReader): { copy: SVGSVGElement; host: HTMLElement } {
  // The same classes as on the page, so figure styles apply; plain elements, so no figure code runs.
  const style = `position:absolute;left:-100000px;top:0;width:${Math.max(1, svg.getBoundingClientRect().width)}px;pointer-events:none`;
  const host = element(h('div', { 'data-palette': palette, 'aria-hidden': 'true', style }, h('div', { class: 'figure', 'data-figure': root.dataset.figure ?? '' }, h('figure', {}, h('div', { class: 'fig-frame' }))))) as HTMLElement;
  const copy = svg.cloneNode(true) as SVGSVGElement;
  host.querySelector('.fig-frame')?.appendChild(copy);
  document.body.appendChild(host);

  // Baselines first, while classes still apply and text can be measured.
  for (const text of copy.querySelectorAll<SVGTextElement>('text')) {
    const cs = getComputedStyle(text);
    const value = cs.getPropertyValue('dominant-baseline').trim();
    if (!value || value === 'auto' || value === 'alphabetic') continue;
    const shift = baselineShift(text, value, parseFloat(cs.fontSize) || 13);
    if (shift === 0) continue;
    if (text.hasAttribute('y') || !text.querySelector('tspan[y]')) addDy(text, shift);
    for (const t of text.querySelectorAll('tspan[y]')) addDy(t, shift);
  }

  // Computed styles for every element, parents before children.
  const elements = [copy, ...copy.querySelectorAll<SVGElement>('*')];
  const styles = new Map<Element, Record<string, string>>();
  const hidden: Element[] = [];
  for (const el of elements) {
    const cs = getComputedStyle(el);
    if (cs.display === 'none') hidden.push(el);
    styles.set(el, presentation(cs, colours));
  }
  for (const el of elements) {
    const mine = styles.get(el) as Record<string, string>;
    const parent = el === copy ? undefined : styles.get(el.parentElement as Element);
    for (const name of [...el.getAttributeNames()]) if (DROP_ATTRIBUTE.test(name)) el.removeAttribute(name);
    for (const p of INHERITED) {
      const v = mine[p];
      if (!v) continue;
      if (parent ? parent[p] !== v : !(p.endsWith('opacity') && v === '1')) el.setAttribute(p, v);
    }
    for (const [p, initial] of Object.entries(OWN)) if (mine[p] && mine[p] !== initial) el.setAttribute(p, mine[p]);
  }
  for (const el of hidden) el.remove();
  // Spaces between a text's runs are part of it; some SVG readers drop them at run edges unless
  // told to keep them (runs of spaces are collapsed first, as a browser shows them).
  for (const text of copy.querySelectorAll('text')) {
    if (!text.querySelector('tspan')) continue;
    text.setAttributeNS(XML_NS, 'xml:space', 'preserve');
    const walker = document.createTreeWalker(text, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) n.nodeValue = (n.nodeValue ?? '').replace(/\s+/g, ' ');
  }
  return { copy, host };
}

/** Greedy line breaking by measured width; a word longer than a line is cut at / ? & characters. */
function wrap(text: string, width: number, measure: (s: string) => number): string[] {
  const words = text.split(/\s+/).flatMap((w) => (measure(w) <= width ? [w] : w.split(/(?<=[/?&])/)));
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    const joiner = line && !/[/?&]$/.test(line) ? ' ' : '';
    if (line && measure(line + joiner + w) > width) {
      lines.push(line);
      line = w;
    } else line += joiner + w;
  }
  if (line) lines.push(line);
  return lines;
}

/** Break a formula line before its operators so that no line is wider than `width`. */
function breakRuns(line: TexLine, width: number, runWidth: (r: TexRun) => number): TexLine[] {
  // Pieces end after a space, so a break falls between an operator's spaces and the next term.
  const pieces = line.flatMap((r) => r.text.split(/(?<= )/).map((text) => ({ ...r, text })));
  const out: TexRun[][] = [];
  let cur: TexRun[] = [];
  let used = 0;
  for (const p of pieces) {
    const w = runWidth(p);
    if (cur.length > 0 && used + w > width && p.shift === null && /^[=+−≈·×]/.test(p.text)) {
      out.push(cur);
      cur = [];
      used = 0;
    }
    cur.push(p);
    used += w;
  }
  if (cur.length > 0) out.push(cur);
  return out.map((runs) => {
    const merged: TexRun[] = [];
    for (const r of runs) {
      const last = merged[merged.length - 1];
      if (last && last.italic === r.italic && last.shift === r.shift) merged[merged.length - 1] = { ...last, text: last.text + r.text };
      else merged.push({ ...r });
    }
    const end = merged.length - 1;
    merged[end] = { ...merged[end], text: merged[end].text.trimEnd() };
    return merged;
  });
}

export interface ExportOptions {
  palette: Palette;
  /** Title written above the figure. */
  title: string;
  /** Where the figure's numbers come from (papers, tables), if the figure says. */
  source?: string;
}

/** The figure under `root` as a standalone SVG document (see the top of this file). */
export function standaloneSvg(root: HTMLElement, svg: SVGSVGElement, options: ExportOptions): { markup: string; width: number; height: number } {
  const colours = new ColourReader();
  const { copy, host } = resolvedCopy(root, svg, options.palette, colours);
  try {
    const vars = getComputedStyle(host);
    const colour = (name: string): string => colours.read(vars.getPropertyValue(name).trim() || '#000').rgb;
    const fontUi = vars.getPropertyValue('--font-ui').trim().replace(/"/g, "'") || 'sans-serif';
    const [vx, vy, vw, vh] = (svg.getAttribute('viewBox') ?? '0 0 400 300').split(/[\s,]+/).map(Number);

    // Text is measured in a scratch SVG inside the same container (same fonts as the page).
    const scratch = host.appendChild(element(h('svg', {}, h('text', { 'font-family': fontUi }))));
    const probe = scratch.firstElementChild as SVGTextElement;
    const measure = (size: number, weight = 'normal', italic = false) => (s: string): number => {
      probe.setAttribute('font-size', String(size));
      probe.setAttribute('font-weight', weight);
      probe.setAttribute('font-style', italic ? 'italic' : 'normal');
      // Spaces at the ends of a piece count too (a no-break space is measured where a space is not).
      probe.textContent = s.replace(/ /g, '\u00a0');
      // Other programs may set the text in a wider font than this browser: keep a margin.
      return probe.getComputedTextLength() * 1.15;
    };

    const doc = document.implementation.createDocument(SVG_NS, 'svg', null);
    const el = (tag: string, attrs: Record<string, string | number>, text?: string): Element => {
      const node = doc.createElementNS(SVG_NS, tag);
      for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
      if (text !== undefined) node.textContent = text;
      return node;
    };
    const out = doc.documentElement;
    const parts: Element[] = [];
    let y = PAD;

    const titleLines = wrap(options.title, vw, measure(TITLE_SIZE, 'bold'));
    for (const line of titleLines) {
      y += TITLE_SIZE;
      parts.push(el('text', { x: PAD, y, 'font-size': TITLE_SIZE, 'font-weight': 'bold', fill: colour('--fg') }, line));
      y += 4;
    }
    y += 8;

    // The picture, moved into place; its own coordinates are kept.
    const g = el('g', { transform: `translate(${PAD - vx} ${y - vy})` });
    for (const name of [...INHERITED, ...Object.keys(OWN)]) {
      const v = copy.getAttribute(name);
      if (v) g.setAttribute(name, v);
    }
    for (const child of [...copy.childNodes]) {
      if (child.nodeType === 1 && (child as Element).localName === 'title') continue;
      g.appendChild(doc.importNode(child, true));
    }
    parts.push(g);
    y += vh + 12;

    // The formula the figure shows under the picture, written as text.
    const tex = root.querySelector<HTMLElement>('[data-role=formula]')?.dataset.tex;
    if (tex) {
      const script = Math.round(FORMULA_SIZE * 0.75);
      const runWidth = (r: TexRun): number => measure(r.shift ? script : FORMULA_SIZE, 'normal', r.italic)(r.text);
      for (const line of texToLines(tex).flatMap((l) => breakRuns(l, vw, runWidth))) {
        y += FORMULA_SIZE + 6;
        const text = el('text', { x: PAD, y, 'font-size': FORMULA_SIZE, fill: colour('--fg') });
        text.setAttributeNS(XML_NS, 'xml:space', 'preserve');
        // Scripts are raised or lowered with dy, which every SVG reader follows; dy moves all later
        // characters too, so each run is placed relative to the one before it.
        let level = 0;
        for (const run of line) {
          const want = run.shift === 'sub' ? 4 : run.shift === 'super' ? -5 : 0;
          const attrs: Record<string, string | number> = {};
          if (run.italic) attrs['font-style'] = 'italic';
          if (run.shift) attrs['font-size'] = script;
          if (want !== level) attrs.dy = want - level;
          level = want;
          text.appendChild(el('tspan', attrs, run.text));
        }
        parts.push(text);
      }
      y += 8;
    }

    // Where it came from: the figure's sources, and a link back to this exact view. The address is
    // never broken (it would not work when copied); the picture widens for it if it must.
    const small = measure(SOURCE_SIZE);
    const words = kitText(langAt(root)).file;
    for (const line of options.source ? wrap(words.data(options.source), vw, small) : []) {
      y += SOURCE_SIZE + 4;
      parts.push(el('text', { x: PAD, y, 'font-size': SOURCE_SIZE, fill: colour('--fg-soft') }, line));
    }
    const url = figureLink(root);
    y += SOURCE_SIZE + 4;
    const source = el('text', { x: PAD, y, 'font-size': SOURCE_SIZE, fill: colour('--fg-soft') }, words.sourceBefore);
    const link = el('a', { href: url });
    link.setAttributeNS(XLINK_NS, 'xlink:href', url);
    link.appendChild(el('tspan', {}, url));
    source.appendChild(link);
    source.appendChild(doc.createTextNode(words.sourceAfter));
    parts.push(source);
    const width = Math.ceil(Math.max(vw, small(`${words.sourceBefore}${url}${words.sourceAfter}`)) + 2 * PAD);
    const height = Math.ceil(y + PAD);

    out.setAttribute('width', String(width));
    out.setAttribute('height', String(height));
    out.setAttribute('viewBox', `0 0 ${width} ${height}`);
    out.setAttribute('font-family', fontUi);
    out.appendChild(el('title', {}, options.title));
    out.appendChild(el('rect', { x: 0, y: 0, width, height, fill: colour('--bg') }));
    for (const p of parts) out.appendChild(p);
    const markup = `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(doc)}`;
    return { markup, width, height };
  } finally {
    host.remove();
  }
}

function fileName(id: string, palette: Palette): string {
  return palette === 'dark' ? `${id}-dark` : id;
}

export function downloadSvg(root: HTMLElement, svg: SVGSVGElement, options: ExportOptions): string {
  const name = `${fileName(root.dataset.figure ?? 'figure', options.palette)}.svg`;
  downloadBlob(new Blob([standaloneSvg(root, svg, options).markup], { type: 'image/svg+xml;charset=utf-8' }), name);
  return name;
}

/** An export that could not be made, worded for the page (its message is shown as is). */
class ExportError extends Error {}

/** Rasterise the standalone SVG at `scale` × its size. */
export async function downloadPng(root: HTMLElement, svg: SVGSVGElement, options: ExportOptions, scale: number): Promise<string> {
  const { markup, width, height } = standaloneSvg(root, svg, options);
  const url = URL.createObjectURL(new Blob([markup], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const img = new Image();
    img.decoding = 'async';
    await new Promise<void>((ok, fail) => {
      img.onload = () => ok();
      img.onerror = () => fail(new ExportError(kitText(langAt(root)).status.imageFailed));
      img.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new ExportError(kitText(langAt(root)).status.noCanvas);
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise<Blob | null>((ok) => canvas.toBlob(ok, 'image/png'));
    if (!blob) throw new ExportError(kitText(langAt(root)).status.pngFailed);
    const name = `${fileName(root.dataset.figure ?? 'figure', options.palette)}@${scale}x.png`;
    downloadBlob(blob, name);
    return name;
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Put text on the clipboard; where that is refused, show it selected for the reader to copy. */
export async function copyText(text: string, status: HTMLElement, what: string): Promise<void> {
  const words = kitText(langAt(status)).status;
  if (await copyToClipboard(text)) status.textContent = words.copied(what);
  else {
    status.replaceChildren(element(h('label', {}, words.selectAndCopy(what), h('textarea', { readonly: true, rows: 3 }, text))));
    status.querySelector('textarea')?.select();
  }
}

/** Carry out one menu action for the figure under `root`, reporting in its status line. */
export async function runAction(root: HTMLElement, action: string, title: string): Promise<void> {
  const status = root.querySelector<HTMLElement>('[data-role=menu-status]');
  const svg = root.querySelector<SVGSVGElement>('.fig-frame svg');
  if (!status || !svg) return;
  const id = root.dataset.figure ?? 'figure';
  const option = (name: string): boolean => root.querySelector<HTMLInputElement>(`[data-option=${name}]`)?.checked ?? false;
  const lang = langAt(root);
  const words = kitText(lang).status;
  status.textContent = '';
  if (action === 'link') return copyText(linkToView(root), status, words.link);
  if (action === 'embed') return copyText(embedSnippet(id, title, { theme: currentTheme(), controls: !option('no-controls') }), status, words.embed);
  const def = await FIGURES[id]?.().catch(() => undefined);
  const options: ExportOptions = { palette: option('dark') ? 'dark' : 'light', title: def?.title(lang) ?? title, source: def?.source?.(lang) };
  try {
    if (action === 'svg') status.textContent = words.saved(downloadSvg(root, svg, options));
    else if (action.startsWith('png-')) status.textContent = words.saved(await downloadPng(root, svg, options, Number(action.slice(4))));
  } catch (err) {
    // Our own failures carry the page's words; anything else the browser threw is in its language, not the page's.
    status.textContent = err instanceof ExportError ? err.message : words.exportFailed;
  }
}
