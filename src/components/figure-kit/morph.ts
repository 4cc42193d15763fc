/**
 * Typeset math changes a few numbers from one slider step to the next while KaTeX writes the whole
 * formula again (a thousand elements with its MathML). Replacing them all makes the browser lay
 * out and repaint each one and everything below it; copying over only what differs leaves the
 * unchanged elements alone, so a new number lays out its own line of the formula.
 */

/** Make `el`'s attributes those of `from`. */
function morphAttrs(el: Element, from: Element): void {
  for (const name of from.getAttributeNames()) {
    const v = from.getAttribute(name) as string;
    if (el.getAttribute(name) !== v) el.setAttribute(name, v);
  }
  for (const name of el.getAttributeNames()) if (!from.hasAttribute(name)) el.removeAttribute(name);
}

/**
 * morphChildren(el, from): `el`'s children become copies of `from`'s (a parsed, detached tree),
 * keeping every element whose tag and namespace are unchanged and every text node, whose text is
 * set only where it differs. Whatever cannot be kept is replaced by a copy from `from`.
 */
export function morphChildren(el: Element, from: ParentNode): void {
  const have = el.childNodes;
  const want = from.childNodes;
  for (let i = 0; i < want.length; i++) {
    const w = want[i];
    const h = have[i];
    if (!h) el.appendChild(w.cloneNode(true));
    else if (w.nodeType === Node.TEXT_NODE && h.nodeType === Node.TEXT_NODE) {
      if (h.nodeValue !== w.nodeValue) h.nodeValue = w.nodeValue;
    } else if (
      w.nodeType === Node.ELEMENT_NODE &&
      h.nodeType === Node.ELEMENT_NODE &&
      (h as Element).localName === (w as Element).localName &&
      (h as Element).namespaceURI === (w as Element).namespaceURI
    ) {
      morphAttrs(h as Element, w as Element);
      morphChildren(h as Element, w as Element);
    } else el.replaceChild(w.cloneNode(true), h);
  }
  while (have.length > want.length) el.removeChild(el.lastChild as ChildNode);
}

let parser: HTMLTemplateElement | undefined;

/** Show `markup` (trusted, e.g. KaTeX's) inside `el`, changing only what differs from what it shows. */
export function morphHtml(el: Element, markup: string): void {
  parser ??= el.ownerDocument.createElement('template');
  parser.innerHTML = markup;
  morphChildren(el, parser.content);
  parser.innerHTML = '';
}
