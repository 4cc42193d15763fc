// @vitest-environment happy-dom
// patch(el, tree) against a real DOM: what it keeps, what it replaces, and the namespaces it uses.
import { describe, expect, it } from 'vitest';
import { element, h, patch, patchFrom, toMarkup } from '../../src/components/figure-kit/svg';

const SVG_NS = 'http://www.w3.org/2000/svg';

function svgRoot(): SVGSVGElement {
  const el = document.createElementNS(SVG_NS, 'svg');
  document.body.appendChild(el);
  return el;
}

describe('patch(el, tree)', () => {
  it('builds a tree that serialises like toMarkup', () => {
    const el = svgRoot();
    const tree = h('svg', { viewBox: '0 0 10 10' }, h('g', { class: 'a' }, h('rect', { x: 1, width: 2 }), h('text', { x: 3 }, 'hi')));
    patch(el, tree);
    expect(el.querySelector('rect')?.getAttribute('width')).toBe('2');
    expect(el.querySelector('text')?.textContent).toBe('hi');
    expect(el.querySelector('g')?.namespaceURI).toBe(SVG_NS);
    expect(el.innerHTML.replace(/><\/rect>/g, '/>')).toBe(toMarkup(tree).replace(/^<svg[^>]*>|<\/svg>$/g, ''));
  });

  it('keeps an element whose tag is unchanged (same node object), so focus and listeners survive', () => {
    const el = svgRoot();
    patch(el, h('svg', {}, h('rect', { x: 1 }), h('circle', { r: 1 })));
    const rect = el.querySelector('rect');
    patch(el, h('svg', {}, h('rect', { x: 5 }), h('circle', { r: 2 })));
    expect(el.querySelector('rect')).toBe(rect);
    expect(rect?.getAttribute('x')).toBe('5');
  });

  it('replaces an element whose tag changed and removes surplus children and attributes', () => {
    const el = svgRoot();
    patch(el, h('svg', {}, h('rect', { x: 1, class: 'old' }), h('circle'), h('line')));
    patch(el, h('svg', {}, h('rect', { x: 1 }), h('path', { d: 'M0 0' })));
    expect([...el.children].map((c) => c.localName)).toEqual(['rect', 'path']);
    expect(el.querySelector('rect')?.hasAttribute('class')).toBe(false);
  });

  it('writes text as text, never as markup', () => {
    const el = svgRoot();
    patch(el, h('svg', {}, h('text', {}, '<img src=x onerror=alert(1)>')));
    expect(el.querySelector('img')).toBeNull();
    expect(el.querySelector('text')?.textContent).toBe('<img src=x onerror=alert(1)>');
  });

  it('creates HTML elements in an HTML parent and SVG inside an svg child', () => {
    const div = document.createElement('div');
    patch(div, h('div', {}, h('table', {}, h('tr', {}, h('td', {}, '1'))), h('svg', {}, h('rect'))));
    expect(div.querySelector('td')?.namespaceURI).toBe('http://www.w3.org/1999/xhtml');
    expect(div.querySelector('rect')?.namespaceURI).toBe(SVG_NS);
    const td = div.querySelector('td');
    patch(div, h('div', {}, h('table', {}, h('tr', {}, h('td', {}, '2'))), h('svg', {}, h('rect'))));
    expect(div.querySelector('td')).toBe(td);
    expect(td?.textContent).toBe('2');
  });

  it('matches the children of a data-keyed node by data-key: one inserted between others is created alone, the rest keep their elements and content', () => {
    const el = svgRoot();
    const column = (key: string, d: string) => h('g', { 'data-key': key }, h('path', { d }));
    patch(el, h('svg', { 'data-keyed': true }, column('2', 'M0 0h2'), column('5', 'M0 0h5'), column('15', 'M0 0h15')));
    const [two, five, fifteen] = [...el.children];
    const path15 = fifteen.firstElementChild;
    patch(el, h('svg', { 'data-keyed': true }, column('2', 'M0 0h2'), column('5', 'M0 0h5'), column('slider', 'M0 0h6'), column('15', 'M0 0h15')));
    expect([...el.children].map((c) => c.getAttribute('data-key'))).toEqual(['2', '5', 'slider', '15']);
    expect(el.children[0]).toBe(two);
    expect(el.children[1]).toBe(five);
    expect(el.children[3]).toBe(fifteen);
    expect(el.children[2].firstElementChild?.getAttribute('d')).toBe('M0 0h6');
    expect(fifteen.firstElementChild?.getAttribute('d')).toBe('M0 0h15');
    // Gone again: removed alone, and the children after it stay where they are (a moved element
    // would be laid out and painted anew).
    const watch = new MutationObserver(() => undefined);
    watch.observe(el, { childList: true });
    patch(el, h('svg', { 'data-keyed': true }, column('2', 'M0 0h2'), column('5', 'M0 0h5'), column('15', 'M0 0h15')));
    const records = watch.takeRecords();
    expect([...el.children]).toEqual([two, five, fifteen]);
    expect(records.flatMap((r) => [...r.removedNodes])).toHaveLength(1);
    expect(records.flatMap((r) => [...r.addedNodes])).toEqual([]);
    // A keyed child that changed place is moved, not rebuilt.
    patch(el, h('svg', { 'data-keyed': true }, column('15', 'M0 0h15'), column('2', 'M0 0h2'), column('5', 'M0 0h5')));
    expect([...el.children]).toEqual([fifteen, two, five]);
    expect(fifteen.firstElementChild).toBe(path15);
    expect(path15?.getAttribute('d')).toBe('M0 0h15');
  });

  it('keyed or not, ends with the markup toMarkup writes', () => {
    const el = svgRoot();
    const tree = (keys: string[]) => h('svg', { 'data-keyed': true }, keys.map((k) => h('g', { 'data-key': k, class: `c${k}` }, h('text', {}, k))));
    patch(el, tree(['a', 'b', 'c']));
    const after = tree(['c', 'x', 'a']);
    patch(el, after);
    expect(el.outerHTML.replace(/ xmlns="[^"]*"/, '')).toBe(toMarkup(after));
    patchFrom(el, tree(['c', 'x', 'a']), tree(['b', 'c']));
    expect(el.outerHTML.replace(/ xmlns="[^"]*"/, '')).toBe(toMarkup(tree(['b', 'c'])));
  });

  it('keeps an input’s typed value in step with the tree’s value', () => {
    const div = document.createElement('div');
    patch(div, h('div', {}, h('input', { value: '3' })));
    const input = div.querySelector('input') as HTMLInputElement;
    input.value = '7';
    patch(div, h('div', {}, h('input', { value: '4', disabled: true })));
    expect(input.value).toBe('4');
    expect(input.hasAttribute('disabled')).toBe(true);
  });

  it('puts typeset math copied into a view in the MathML namespace, and HTML after it back in HTML', () => {
    const el = document.createElement('div');
    document.body.appendChild(el);
    patch(el, h('div', {}, h('span', { class: 'katex-mathml' }, h('math', {}, h('mi', {}, 'M'))), h('p', {}, 'after')));
    expect(el.querySelector('math')?.namespaceURI).toBe('http://www.w3.org/1998/Math/MathML');
    expect(el.querySelector('mi')?.namespaceURI).toBe('http://www.w3.org/1998/Math/MathML');
    expect(el.querySelector('p')?.namespaceURI).toBe('http://www.w3.org/1999/xhtml');
  });
});

describe('patchFrom(el, before, after)', () => {
  const row = (a: string, b: string, cls = 'x') => h('tr', { 'data-key': 1 }, h('td', { class: cls }, a), h('td', {}, h('span', { class: 'v' }, b)), h('td', {}, h('input', { value: a })));
  function shown(tree: ReturnType<typeof row>): HTMLTableRowElement {
    const table = document.createElement('table');
    const tr = table.insertRow();
    patch(tr, tree);
    return tr;
  }

  it('writes only what changed: other nodes are not even read (a mark left on them stays)', () => {
    const before = row('1', '2');
    const tr = shown(before);
    // Marks patch() would remove, on the parts that do not change.
    tr.setAttribute('data-mark', '');
    tr.cells[0].setAttribute('data-mark', '');
    const span = tr.cells[1].firstElementChild!;
    const text = span.firstChild;
    patchFrom(tr, before, row('1', '3'));
    expect(span.textContent).toBe('3');
    expect(span.firstChild).toBe(text); // the text node is kept, its text changed
    expect(tr.hasAttribute('data-mark')).toBe(true);
    expect(tr.cells[0].hasAttribute('data-mark')).toBe(true);
    expect(tr.cells[0].textContent).toBe('1');
  });

  it('ends with the same elements as patch() would, attributes and typed values included', () => {
    const before = row('1', '2');
    const a = shown(before);
    const b = shown(before);
    const after = row('4', '2', 'y');
    (a.querySelector('input') as HTMLInputElement).value = '9';
    (b.querySelector('input') as HTMLInputElement).value = '9';
    patchFrom(a, before, after);
    patch(b, after);
    expect(a.outerHTML).toBe(b.outerHTML);
    expect((a.querySelector('input') as HTMLInputElement).value).toBe('4');
    expect(a.cells[0].getAttribute('class')).toBe('y');
  });

  it('falls back to patch() where the shape changed: another tag, another number of children', () => {
    const before = row('1', '2');
    const tr = shown(before);
    const after = h('tr', { 'data-key': 1 }, h('th', {}, '1'), h('td', {}, h('span', { class: 'v' }, '2')));
    patchFrom(tr, before, after);
    expect([...tr.children].map((c) => c.localName)).toEqual(['th', 'td']);
    expect(tr.outerHTML).toBe(shown(after).outerHTML);
  });

  it('never writes text as markup', () => {
    const before = row('1', '2');
    const tr = shown(before);
    patchFrom(tr, before, row('1', '<img src=x onerror=alert(1)>'));
    expect(tr.querySelector('img')).toBeNull();
    expect(tr.cells[1].textContent).toBe('<img src=x onerror=alert(1)>');
  });
});

describe('element(tree)', () => {
  it('makes an HTML element with its attributes and text, a boolean attribute standing alone and a falsy one left out', () => {
    const el = element(h('p', { id: 'net-status', class: 'net-status', role: 'status', hidden: true, title: undefined }, 'Offline'));
    expect(el.namespaceURI).toBe('http://www.w3.org/1999/xhtml');
    expect(el.localName).toBe('p');
    expect((el as HTMLElement).hidden).toBe(true);
    expect(el.getAttribute('hidden')).toBe('');
    expect(el.hasAttribute('title')).toBe(false);
    expect(el.outerHTML).toBe('<p id="net-status" class="net-status" role="status" hidden="">Offline</p>');
  });

  it('makes an svg root and its children in the SVG namespace', () => {
    const el = element(h('svg', { viewBox: '0 0 4 4' }, h('rect', { width: 1 })));
    expect(el.namespaceURI).toBe(SVG_NS);
    expect(el.firstElementChild?.namespaceURI).toBe(SVG_NS);
    expect(el.firstElementChild?.getAttribute('width')).toBe('1');
  });

  it('writes text as text: markup in a message stays characters', () => {
    const el = element(h('ul', {}, h('li', {}, '<img src=x onerror=alert(1)>')));
    expect(el.querySelector('img')).toBeNull();
    expect(el.textContent).toBe('<img src=x onerror=alert(1)>');
  });
});

