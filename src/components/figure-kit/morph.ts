/**
 * Typeset math changes a few numbers from one slider step to the next while KaTeX writes the whole
 * formula again (a thousand elements with its MathML). Replacing them all makes the browser lay
 * out and repaint each one and everything below it; copying over only what differs leaves the
 * unchanged elements alone, so a new number lays out its own line of the formula.
 */

/** Make `el`'s attributes those of `from`. */
function morphAttrs(el: Element, from: Element): void {
  const want = from.attributes;
  for (let i = 0; i < want.length; i++) {
    const a = want[i];
    if (el.getAttribute(a.name) !== a.value) el.setAttribute(a.name, a.value);
  }
  // Every wanted attribute is now there: any more are surplus.
  if (el.attributes.length === want.length) return;
  for (const name of el.getAttributeNames()) if (!from.hasAttribute(name)) el.removeAttribute(name);
}

/**
 * morphChildren(el, from): `el`'s children become copies of `from`'s (a parsed, detached tree),
 * keeping every element whose tag and namespace are unchanged and every text node, whose text is
 * set only where it differs. Whatever cannot be kept is replaced by a copy from `from`.
 */
export function morphChildren(el: Element, from: ParentNode): void {
  let have = el.firstChild;
  for (let w = from.firstChild; w; w = w.nextSibling) {
    if (!have) {
      el.appendChild(w.cloneNode(true));
      continue;
    }
    const next = have.nextSibling;
    if (w.nodeType === Node.TEXT_NODE && have.nodeType === Node.TEXT_NODE) {
      if (have.nodeValue !== w.nodeValue) have.nodeValue = w.nodeValue;
    } else if (
      w.nodeType === Node.ELEMENT_NODE &&
      have.nodeType === Node.ELEMENT_NODE &&
      (have as Element).localName === (w as Element).localName &&
      (have as Element).namespaceURI === (w as Element).namespaceURI
    ) {
      morphAttrs(have as Element, w as Element);
      morphChildren(have as Element, w as Element);
    } else el.replaceChild(w.cloneNode(true), have);
    have = next;
  }
  while (have) {
    const next = have.nextSibling;
    el.removeChild(have);
    have = next;
  }
}

let parser: HTMLTemplateElement | undefined;

/** Show `markup` (trusted, e.g. KaTeX's) inside `el`, changing only what differs from what it shows. */
export function morphHtml(el: Element, markup: string): void {
  parser ??= el.ownerDocument.createElement('template');
  parser.innerHTML = markup;
  morphChildren(el, parser.content);
  parser.innerHTML = '';
}

/**
 * Show in the first element of `el` that matches `selector` that element of `markup` (trusted),
 * changing only what differs, and leave the rest of `el` as it is: a formula's drawing typeset
 * again (KaTeX's `.katex-html`) while its MathML waits. False, changing nothing, unless `el` has
 * exactly one such element and `markup` has one.
 */
export function morphPart(el: Element, markup: string, selector: string): boolean {
  const found = el.querySelectorAll(selector);
  if (found.length !== 1) return false;
  parser ??= el.ownerDocument.createElement('template');
  parser.innerHTML = markup;
  const fresh = parser.content.querySelectorAll(selector);
  const ok = fresh.length === 1;
  if (ok) {
    morphAttrs(found[0], fresh[0]);
    morphChildren(found[0], fresh[0]);
  }
  parser.innerHTML = '';
  return ok;
}
