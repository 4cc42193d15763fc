/**
 * A view as plain data: a figure's picture, a table, a live block's panel. Views return this
 * tree; at build time it is serialised to markup, and in the browser the same tree patches the
 * live elements in place, so build-time and updated views come from one piece of code. A tree
 * may mix HTML and SVG: an `svg` node starts SVG, a `foreignObject` returns to HTML.
 */

/** An attribute value: text, a number, `true` for a boolean attribute; absent when falsy. */
export type Attr = string | number | boolean | undefined | null;

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
  if (v === true) return '';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(Math.round(v * 100) / 100);
  return v;
}

/** HTML elements that have no end tag. */
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

/** Tags read as HTML when a tree's root is one of them (any other root is read as SVG). */
const HTML_ROOTS = new Set(['div', 'span', 'p', 'section', 'figure', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'caption', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'label', 'button', 'output', 'details', 'summary', 'strong', 'em', 'b', 'i', 'code', 'sub', 'sup', 'small', 'h2', 'h3', 'h4', 'form', 'fieldset', 'legend', 'select', 'option', 'input', 'textarea', 'br', 'img', 'nav', 'header', 'footer', 'progress', 'meter']);

/** Whether a child of `parentTag` (itself SVG or not) is SVG. */
function childIsSvg(parentTag: string, parentIsSvg: boolean, childTag: string): boolean {
  if (childTag === 'svg') return true;
  return parentIsSvg && parentTag !== 'foreignObject';
}

/**
 * Serialise a tree to markup (build time, SVG export). SVG elements without children close
 * themselves; HTML elements get an end tag unless void, and boolean attributes stand alone.
 */
export function toMarkup(node: SvgNode | string, svg = typeof node !== 'string' && !HTML_ROOTS.has(node.tag)): string {
  if (typeof node === 'string') return escapeXml(node);
  let out = `<${node.tag}`;
  for (const [k, v] of Object.entries(node.attrs)) {
    const t = attrText(v);
    if (t === undefined) continue;
    out += t === '' && v === true && !svg ? ` ${k}` : ` ${k}="${escapeXml(t)}"`;
  }
  if (svg && node.children.length === 0) return `${out}/>`;
  if (!svg && VOID.has(node.tag)) return `${out}>`;
  const inner = node.children.map((c) => (typeof c === 'string' ? escapeXml(c) : toMarkup(c, childIsSvg(node.tag, svg, c.tag)))).join('');
  return `${out}>${inner}</${node.tag}>`;
}

const SVG_NS = 'http://www.w3.org/2000/svg';
const MATHML_NS = 'http://www.w3.org/1998/Math/MathML';
const HTML_NS = 'http://www.w3.org/1999/xhtml';

/** The namespace of a child of `parent` (typeset math copied into a view keeps its MathML). */
function childNamespace(parent: Element, childTag: string): string {
  if (childTag === 'svg') return SVG_NS;
  if (childTag === 'math') return MATHML_NS;
  if (parent.namespaceURI === SVG_NS) return parent.localName === 'foreignObject' ? HTML_NS : SVG_NS;
  return parent.namespaceURI === MATHML_NS ? MATHML_NS : HTML_NS;
}

function create(doc: Document, node: SvgNode | string, ns: string): Node {
  if (typeof node === 'string') return doc.createTextNode(node);
  const el = ns === HTML_NS ? doc.createElement(node.tag) : doc.createElementNS(ns, node.tag);
  patch(el, node);
  return el;
}

/** Form state lives in properties once a reader has typed: keep them in step with the tree. */
function syncProperty(el: Element, name: string, text: string | undefined): void {
  if (name === 'value' && 'value' in el && (el as HTMLInputElement).value !== (text ?? '')) (el as HTMLInputElement).value = text ?? '';
  else if (name === 'checked' && 'checked' in el) (el as HTMLInputElement).checked = text !== undefined;
}

/** An element's attributes (and the form state they stand for) made to match a tree node's. */
function patchAttrs(el: Element, node: SvgNode, svg: boolean): void {
  for (const [k, v] of Object.entries(node.attrs)) {
    const t = attrText(v);
    if (t === undefined) {
      if (el.hasAttribute(k)) el.removeAttribute(k);
    } else if (el.getAttribute(k) !== t) el.setAttribute(k, t);
    if (!svg && (k === 'value' || k === 'checked')) syncProperty(el, k, t);
  }
  for (const name of el.getAttributeNames()) {
    if (!(name in node.attrs) && name !== 'xmlns') el.removeAttribute(name);
  }
}

function sameAttrs(a: SvgNode['attrs'], b: SvgNode['attrs']): boolean {
  if (a === b) return true;
  let n = 0;
  for (const k in a) {
    if (attrText(a[k]) !== attrText(b[k])) return false;
    n++;
  }
  for (const _ in b) n--;
  return n === 0;
}

/**
 * patchFrom(el, before, after): `el` shows the tree `before` (it was patched with it); make it
 * show `after`, touching only the elements and text whose part of the tree changed. A large
 * view whose numbers change in a few places (a 300-row table) is then compared in JavaScript,
 * not read back attribute by attribute from the page. Where the shapes differ (another tag,
 * another number of children) or the children are keyed, it falls back to patch().
 */
export function patchFrom(el: Element, before: SvgNode, after: SvgNode): void {
  if (before === after) return;
  const kids = el.childNodes;
  if (after.attrs['data-keyed'] || before.tag !== after.tag || before.children.length !== after.children.length || (!after.attrs['data-own-children'] && kids.length !== after.children.length)) {
    patch(el, after);
    return;
  }
  if (!sameAttrs(before.attrs, after.attrs)) patchAttrs(el, after, el.namespaceURI === SVG_NS);
  if (after.attrs['data-own-children']) return;
  for (let i = 0; i < after.children.length; i++) {
    const a = before.children[i];
    const b = after.children[i];
    if (a === b) continue;
    const have = kids[i];
    if (typeof b === 'string') {
      if (have.nodeType !== 3) {
        patch(el, after);
        return;
      }
      if (have.nodeValue !== b) have.nodeValue = b;
    } else if (typeof a === 'string' || have.nodeType !== 1) {
      patch(el, after);
      return;
    } else patchFrom(have as Element, a, b);
  }
}

/** A new element from a tree, for a view that has no element in the page yet (an `svg` root is SVG). */
export function element(node: SvgNode, doc: Document = document): Element {
  return create(doc, node, node.tag === 'svg' ? SVG_NS : HTML_NS) as Element;
}

/**
 * Make a live element match a tree, reusing elements whose tag is unchanged so focus, listeners
 * and transitions survive an update. The element's own tag must equal node.tag.
 */
export function patch(el: Element, node: SvgNode): void {
  const doc = el.ownerDocument;
  const svg = el.namespaceURI === SVG_NS;
  patchAttrs(el, node, svg);
  // Content another renderer owns (typeset math) is left alone: only the attributes are synced.
  if (node.attrs['data-own-children']) return;
  if (node.attrs['data-keyed']) return patchKeyed(el, node);
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
    const ns = childNamespace(el, child.tag);
    if (have && have.nodeType === 1 && (have as Element).localName === child.tag && ((have as Element).namespaceURI ?? HTML_NS) === ns) patch(have as Element, child);
    else if (have) el.replaceChild(create(doc, child, ns), have);
    else el.appendChild(create(doc, child, ns));
  });
  while (kids.length > node.children.length) el.removeChild(el.lastChild as ChildNode);
}

/**
 * The children of a `data-keyed` node are matched to the live ones by their `data-key`, not by
 * position: a child that appears or goes (a column inserted between others) is created or removed
 * alone, and the others keep their elements, patched in place, instead of each taking its
 * neighbour's content. Such a node holds elements only.
 */
function patchKeyed(el: Element, node: SvgNode): void {
  const doc = el.ownerDocument;
  const byKey = new Map<string, Element>();
  for (const kid of Array.from(el.children)) {
    const key = kid.getAttribute('data-key');
    if (key !== null && !byKey.has(key)) byKey.set(key, kid);
  }
  const wanted = new Set<string>();
  for (const child of node.children) if (typeof child !== 'string') wanted.add(attrText(child.attrs['data-key']) ?? '');
  // Everything before `at` is in place; what is left from `at` on when the children end goes.
  let at: ChildNode | null = el.firstChild;
  for (const child of node.children) {
    if (typeof child === 'string') continue;
    // A child that is not wanted any more goes now, rather than having the rest moved past it
    // (a moved element is laid out and painted anew).
    while (at && !(at.nodeType === 1 && byKey.get((at as Element).getAttribute('data-key') ?? '') === at && wanted.has((at as Element).getAttribute('data-key') ?? ''))) {
      const next: ChildNode | null = at.nextSibling;
      el.removeChild(at);
      at = next;
    }
    const ns = childNamespace(el, child.tag);
    const key = attrText(child.attrs['data-key']);
    const have = key === undefined ? undefined : byKey.get(key);
    if (have && have.localName === child.tag && (have.namespaceURI ?? HTML_NS) === ns) {
      byKey.delete(key as string);
      if (have === at) at = at.nextSibling;
      else el.insertBefore(have, at);
      patch(have, child);
    } else el.insertBefore(create(doc, child, ns), at);
  }
  while (at) {
    const next: ChildNode | null = at.nextSibling;
    el.removeChild(at);
    at = next;
  }
}
