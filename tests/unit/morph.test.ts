// @vitest-environment happy-dom
// morphHtml(el, markup): a formula re-typeset with new numbers keeps the elements that did not change.
import { describe, expect, it } from 'vitest';
import katex from 'katex';
import { morphChildren, morphHtml, morphPart } from '../../src/components/figure-kit/morph';

const typeset = (tex: string): string => katex.renderToString(tex, { displayMode: true, throwOnError: true });

function box(markup: string): HTMLDivElement {
  const el = document.createElement('div');
  el.innerHTML = markup;
  document.body.appendChild(el);
  return el;
}

describe('morphHtml(el, markup)', () => {
  it('ends with the same markup as writing innerHTML, for KaTeX output whose numbers change', () => {
    const el = box(typeset('\\frac{1}{N} + \\frac{1}{9} = \\frac{1}{64} + \\frac{1}{9}'));
    const next = typeset('\\frac{1}{N} + \\frac{1}{25} = \\frac{1}{128} + \\frac{1}{25}');
    morphHtml(el, next);
    const fresh = box(next);
    expect(el.innerHTML).toBe(fresh.innerHTML);
  });

  it('keeps every element of a formula whose shape is unchanged (same node objects), changing only text', () => {
    const el = box(typeset('3^2 \\cdot 64 = 576'));
    const before = [...el.querySelectorAll('*')];
    morphHtml(el, typeset('3^2 \\cdot 65 = 585'));
    const after = [...el.querySelectorAll('*')];
    expect(after.length).toBe(before.length);
    after.forEach((node, i) => expect(node).toBe(before[i]));
    expect(el.querySelector('annotation')?.textContent).toBe('3^2 \\cdot 65 = 585');
  });

  it('replaces elements whose tag changed, removes surplus children and attributes, adds new ones', () => {
    const el = box('<span class="a" title="x">1</span><b>2</b><i>3</i>');
    const span = el.querySelector('span');
    morphHtml(el, '<span class="b">1</span><em>2</em>');
    expect(el.innerHTML).toBe('<span class="b">1</span><em>2</em>');
    expect(el.querySelector('span')).toBe(span);
    morphHtml(el, '<span class="b">1</span><em>2</em><u>4</u>');
    expect(el.innerHTML).toBe('<span class="b">1</span><em>2</em><u>4</u>');
  });

  it('replaces an element of the same tag in another namespace (an HTML mn is not a MathML mn)', () => {
    const MATHML = 'http://www.w3.org/1998/Math/MathML';
    const target = document.createElement('div');
    target.innerHTML = '<mn>1</mn>';
    const html = target.firstElementChild;
    const from = document.createElement('div');
    from.appendChild(document.createElementNS(MATHML, 'mn')).textContent = '1';
    morphChildren(target, from);
    expect(target.firstElementChild).not.toBe(html);
    expect(target.firstElementChild?.namespaceURI).toBe(MATHML);
    const mn = target.firstElementChild;
    from.firstElementChild!.textContent = '2';
    morphChildren(target, from);
    expect(target.firstElementChild).toBe(mn);
    expect(mn?.textContent).toBe('2');
  });
});

describe('morphPart(el, markup, selector)', () => {
  const drawing = (tex: string): string => katex.renderToString(tex, { displayMode: true, throwOnError: true, output: 'html' });

  it('redraws a formula’s drawing from KaTeX’s drawing alone and leaves its MathML as it was', () => {
    const el = box(typeset('987 \cdot 2 = 1{,}974'));
    const mathml = el.querySelector('.katex-mathml')?.innerHTML;
    // Another shape: a thousands separator more.
    expect(morphPart(el, drawing('1{,}024 \cdot 2 = 2{,}048'), '.katex-html')).toBe(true);
    expect(el.querySelector('.katex-html')?.outerHTML).toBe(box(typeset('1{,}024 \cdot 2 = 2{,}048')).querySelector('.katex-html')?.outerHTML);
    expect(el.querySelector('.katex-mathml')?.innerHTML).toBe(mathml);
  });

  it('changes nothing unless the element and the markup each have exactly one match', () => {
    const el = box(`${typeset('1')}${typeset('2')}`);
    const before = el.innerHTML;
    expect(morphPart(el, drawing('3'), '.katex-html')).toBe(false);
    expect(el.innerHTML).toBe(before);
    const one = box(typeset('1'));
    const was = one.innerHTML;
    expect(morphPart(one, '<span>3</span>', '.katex-html')).toBe(false);
    expect(one.innerHTML).toBe(was);
  });
});
