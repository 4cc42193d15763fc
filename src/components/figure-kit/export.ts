/**
 * Share and export for one figure (browser only, loaded when the reader opens the menu): a link
 * to the current view, an iframe snippet, a self-contained SVG and a PNG at 2× or 4×.
 */
import { currentQuery } from './store';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Presentation properties copied from the page onto each exported element. */
const STYLE_PROPS = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'stroke-linecap',
  'stroke-linejoin',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'dominant-baseline',
  'letter-spacing',
  'visibility',
  'display',
] as const;

/** The page's URL for this figure in its current state. */
export function linkToView(root: HTMLElement): string {
  const q = currentQuery();
  return `${location.origin}${location.pathname}${q ? `?${q}` : ''}#${root.id}`;
}

/** An iframe snippet for /embed/<id>/ with the current state, and the few lines that size it. */
export function embedSnippet(figureId: string, title: string): string {
  const q = currentQuery();
  const src = `${location.origin}/embed/${figureId}/${q ? `?${q}` : ''}`;
  const safeTitle = title.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return [
    `<iframe src="${src.replace(/&/g, '&amp;')}" title="${safeTitle}" loading="lazy" style="width:100%;max-width:760px;border:0;height:520px"></iframe>`,
    `<script>addEventListener('message',function(e){if(e.origin!=='${location.origin}'||!e.data||e.data.type!=='separable:height')return;document.querySelectorAll('iframe').forEach(function(f){if(f.contentWindow===e.source)f.style.height=e.data.height+'px'})});</script>`,
  ].join('\n');
}

/** The figure's SVG as a standalone document: styles resolved and inlined, theme background, size. */
export function standaloneSvg(svg: SVGSVGElement): { markup: string; width: number; height: number } {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const live = [svg, ...svg.querySelectorAll('*')];
  const copies = [clone, ...clone.querySelectorAll('*')];
  live.forEach((el, i) => {
    const cs = getComputedStyle(el);
    const decl = STYLE_PROPS.map((p) => `${p}:${cs.getPropertyValue(p)}`).join(';');
    (copies[i] as Element).setAttribute('style', decl);
    (copies[i] as Element).removeAttribute('class');
    (copies[i] as Element).removeAttribute('tabindex');
  });
  const [, , w, h] = (svg.getAttribute('viewBox') ?? '0 0 400 300').split(/\s+/).map(Number);
  clone.setAttribute('xmlns', SVG_NS);
  clone.setAttribute('width', String(w));
  clone.setAttribute('height', String(h));
  const bg = document.createElementNS(SVG_NS, 'rect');
  bg.setAttribute('width', '100%');
  bg.setAttribute('height', '100%');
  bg.setAttribute('fill', getComputedStyle(document.body).backgroundColor);
  clone.insertBefore(bg, clone.firstChild?.nextSibling?.nextSibling ?? null);
  const markup = `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(clone)}`;
  return { markup, width: w, height: h };
}

function save(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function downloadSvg(svg: SVGSVGElement, name: string): void {
  save(new Blob([standaloneSvg(svg).markup], { type: 'image/svg+xml;charset=utf-8' }), `${name}.svg`);
}

/** Rasterise the standalone SVG at `scale` × its viewBox size. */
export async function downloadPng(svg: SVGSVGElement, name: string, scale: number): Promise<void> {
  const { markup, width, height } = standaloneSvg(svg);
  const url = URL.createObjectURL(new Blob([markup], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const img = new Image();
    img.decoding = 'async';
    await new Promise<void>((ok, fail) => {
      img.onload = () => ok();
      img.onerror = () => fail(new Error('The figure could not be drawn as an image.'));
      img.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('This browser cannot draw to a canvas.');
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise<Blob | null>((ok) => canvas.toBlob(ok, 'image/png'));
    if (!blob) throw new Error('The PNG could not be made.');
    save(blob, `${name}@${scale}x.png`);
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Put text on the clipboard; where that is refused, show it selected for the reader to copy. */
export async function copyText(text: string, status: HTMLElement, what: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    status.textContent = `${what} copied.`;
  } catch {
    status.textContent = '';
    const label = document.createElement('label');
    label.textContent = `${what} (select and copy):`;
    const area = document.createElement('textarea');
    area.readOnly = true;
    area.rows = 3;
    area.value = text;
    label.appendChild(area);
    status.appendChild(label);
    area.select();
  }
}

/** Carry out one menu action for the figure under `root`, reporting in its status line. */
export function runAction(root: HTMLElement, action: string, title: string): void {
  const status = root.querySelector<HTMLElement>('[data-role=menu-status]');
  const svg = root.querySelector<SVGSVGElement>('.fig-frame svg');
  if (!status || !svg) return;
  const id = root.dataset.figure ?? 'figure';
  status.textContent = '';
  if (action === 'link') void copyText(linkToView(root), status, 'Link');
  else if (action === 'embed') void copyText(embedSnippet(id, title), status, 'Embed code');
  else if (action === 'svg') {
    downloadSvg(svg, id);
    status.textContent = `Saved ${id}.svg.`;
  } else if (action.startsWith('png-')) {
    const scale = Number(action.slice(4));
    downloadPng(svg, id, scale).then(
      () => (status.textContent = `Saved ${id}@${scale}x.png.`),
      (err: Error) => (status.textContent = err.message),
    );
  }
}
