import { describe, expect, it } from 'vitest';
import { escapeXml, h, toMarkup } from '../../src/components/figure-kit/svg';
import { quantity, wrapWords } from '../../src/components/figure-kit/marks';
import { textUnits } from '../../src/components/figure-kit/text';

describe('figure-kit svg trees', () => {
  it('h() drops falsy children and flattens arrays', () => {
    const node = h('g', {}, null, false, undefined, [h('rect'), ['x', 3]]);
    expect(node.children).toEqual([{ tag: 'rect', attrs: {}, children: [] }, 'x', '3']);
  });
  it('toMarkup escapes text and attribute values (no markup injection)', () => {
    expect(toMarkup(h('text', { 'data-x': '"><script>' }, '<b>&'))).toBe('<text data-x="&quot;&gt;&lt;script&gt;">&lt;b&gt;&amp;</text>');
    expect(escapeXml(`'`)).toBe('&#39;');
  });
  it('toMarkup omits undefined, null and false attributes and rounds non-integers to 2 decimals', () => {
    expect(toMarkup(h('rect', { x: 1.23456, y: undefined, class: false, width: 10 }))).toBe('<rect x="1.23" width="10"/>');
  });
  it('quantity() carries the exact value beside the rounded text', () => {
    expect(toMarkup(quantity('ratio', 73 / 576, '0.127'))).toBe(`<tspan data-quantity="ratio" data-exact="${73 / 576}">0.127</tspan>`);
  });
  it('wrapWords() breaks at word boundaries within the width', () => {
    const lines = wrapWords('Groups must divide the number of input channels exactly', 20);
    expect(lines.join(' ')).toBe('Groups must divide the number of input channels exactly');
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(20);
  });
  it('wrapWords() breaks Chinese between characters, counting each as two Latin ones, and keeps punctuation with its character', () => {
    // 22 characters (44 units) in lines of at most 20 units: 10 characters a line.
    const text = '分组数必须整除输入通道数，否则无法均分。M = 32';
    const lines = wrapWords(text, 20);
    expect(lines.join('')).toBe(text.replace(/ /g, '').replace('M=32', 'M = 32'));
    for (const l of lines) expect(textUnits(l)).toBeLessThanOrEqual(20);
    expect(lines.some((l) => l.startsWith('，') || l.startsWith('。'))).toBe(false);
    expect(textUnits('深度卷积 3×3')).toBe(12);
  });
});

describe('toMarkup for HTML trees', () => {
  it('gives HTML elements end tags, void elements none, and boolean attributes alone', () => {
    const table = h('table', {}, h('tr', {}, h('td', {}), h('td', { colspan: 2 }, 'x')));
    expect(toMarkup(table)).toBe('<table><tr><td></td><td colspan="2">x</td></tr></table>');
    expect(toMarkup(h('p', {}, 'a', h('br'), h('input', { disabled: true, value: '3' })))).toBe('<p>a<br><input disabled value="3"></p>');
  });
  it('switches to SVG inside an svg element and back to HTML inside foreignObject', () => {
    const tree = h('div', {}, h('svg', { viewBox: '0 0 1 1' }, h('rect'), h('foreignObject', {}, h('span', {}))));
    expect(toMarkup(tree)).toBe('<div><svg viewBox="0 0 1 1"><rect/><foreignObject><span></span></foreignObject></svg></div>');
  });
});
