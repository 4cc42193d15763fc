/**
 * A figure's picture as plain data. Layout functions return this tree; at build time it is
 * serialised to SVG markup, and in the browser the same tree patches the live SVG in place, so
 * build-time and updated figures come from one piece of code.
 */

export type Attr = string | number | undefined | null | false;

export interface SvgNode {
  readonly tag: string;
  readonly attrs: Readonly<Record<string, Attr>>;
  readonly children: readonly (SvgNode | string)[];
}

type Child = SvgNode | string | number | null | undefined | false | readonly Child[];

function flatten(children: readonly Child[], out: (SvgNode | string)[]): (SvgNode | string)[] {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) flatten(c, out);
    else if (typeof c === 'number') out.push(String(c));
    else out.push(c as SvgNode | string);
  }
  return out;
}

/** Build a node: h('rect', { x: 1 }, …children). Falsy children are dropped, arrays flattened. */
export function h(tag: string, attrs: Record<string, Attr> = {}, ...children: Child[]): SvgNode {
  return { tag, attrs, children: flatten(children, []) };
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

function attrText(v: Attr): string | undefined {
  if (v === undefined || v === null || v === false) return undefined;
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(Math.round(v * 100) / 100);
  return v;
}

/** Serialise a tree to markup (used at build time and for SVG export). */
export function toMarkup(node: SvgNode | string): string {
  if (typeof node === 'string') return escapeXml(node);
  let out = `<${node.tag}`;
  for (const [k, v] of Object.entries(node.attrs)) {
    const t = attrText(v);
    if (t !== undefined) out += ` ${k}="${escapeXml(t)}"`;
  }
  if (node.children.length === 0) return `${out}/>`;
  return `${out}>${node.children.map(toMarkup).join('')}</${node.tag}>`;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

function create(doc: Document, node: SvgNode | string): Node {
  if (typeof node === 'string') return doc.createTextNode(node);
  const el = doc.createElementNS(SVG_NS, node.tag);
  patch(el, node);
  return el;
}

/**
 * Make a live element match a tree, reusing elements whose tag is unchanged so focus, listeners
 * and transitions survive an update. The element's own tag must equal node.tag.
 */
export function patch(el: Element, node: SvgNode): void {
  const doc = el.ownerDocument;
  for (const [k, v] of Object.entries(node.attrs)) {
    const t = attrText(v);
    if (t === undefined) {
      if (el.hasAttribute(k)) el.removeAttribute(k);
    } else if (el.getAttribute(k) !== t) el.setAttribute(k, t);
  }
  for (const name of el.getAttributeNames()) {
    if (!(name in node.attrs) && name !== 'xmlns') el.removeAttribute(name);
  }
  const kids = el.childNodes;
  node.children.forEach((child, i) => {
    const have = kids[i];
    if (typeof child === 'string') {
      if (have && have.nodeType === 3) {
        if (have.nodeValue !== child) have.nodeValue = child;
      } else if (have) el.replaceChild(doc.createTextNode(child), have);
      else el.appendChild(doc.createTextNode(child));
      return;
    }
    if (have && have.nodeType === 1 && (have as Element).tagName === child.tag) patch(have as Element, child);
    else if (have) el.replaceChild(create(doc, child), have);
    else el.appendChild(create(doc, child));
  });
  while (kids.length > node.children.length) el.removeChild(el.lastChild as ChildNode);
}
