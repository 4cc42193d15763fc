// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { patch, toMarkup } from '../figure-kit/svg';
import { readTree } from './read';

describe('readTree(el)', () => {
  it('reads tags, attributes and text, leaves comments out, and patches back to the same markup', () => {
    const el = document.createElement('aside');
    el.innerHTML = '<p class="a" data-x="1">Say <em>this</em>.<!-- not this --></p><svg viewBox="0 0 2 2"><rect width="2"></rect></svg>';
    const tree = readTree(el);
    expect(tree.tag).toBe('aside');
    expect(toMarkup(tree)).toBe('<aside><p class="a" data-x="1">Say <em>this</em>.</p><svg viewBox="0 0 2 2"><rect width="2"/></svg></aside>');
    const copy = document.createElement('aside');
    patch(copy, tree);
    expect(copy.querySelector('rect')?.namespaceURI).toBe('http://www.w3.org/2000/svg');
    expect(copy.textContent).toBe('Say this.');
  });
});
