/** Reading a view's tree in tests: find by data-role, read its text. */
import type { SvgNode } from '../../../src/components/figure-kit/svg';
import { findAll } from '../../../src/components/figure-kit/testing';

/** All text under a node, as a reader sees it. */
export function textOf(node: SvgNode | string): string {
  return typeof node === 'string' ? node : node.children.map(textOf).join('');
}

/** The one node with data-role `role` (fails the test when there is none or several). */
export function role(tree: SvgNode, name: string, tag?: string): SvgNode {
  const found = findAll(tree, (n) => n.attrs['data-role'] === name && (tag === undefined || n.tag === tag));
  if (found.length !== 1) throw new Error(`expected one data-role=${name}, found ${found.length}`);
  return found[0];
}

/** The one node with data-quantity `name`. */
export function quantityNode(tree: SvgNode, name: string): SvgNode {
  const found = findAll(tree, (n) => n.attrs['data-quantity'] === name);
  if (found.length !== 1) throw new Error(`expected one data-quantity=${name}, found ${found.length}`);
  return found[0];
}
