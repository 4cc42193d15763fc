/**
 * readTree(el): an element of the page as a tree (figure-kit/svg), so that a view can show a copy
 * of what the page holds (a slide in the overview, its notes in the console) and patch it like
 * anything else it draws. Comments are left out; text and attributes are kept as they are.
 */
import { h, type SvgNode } from '../figure-kit/svg';

export function readTree(el: Element): SvgNode {
  const attrs: Record<string, string> = {};
  for (const a of el.attributes) attrs[a.name] = a.value;
  const children: (SvgNode | string)[] = [];
  for (const n of el.childNodes) {
    if (n.nodeType === 1) children.push(readTree(n as Element));
    else if (n.nodeType === 3) children.push(n.nodeValue ?? '');
  }
  return h(el.localName, attrs, children);
}
