import { describe, expect, it } from 'vitest';
import remarkDisplayMath, { loneDoubleDollarMath } from './remark-display-math.mjs';

interface Node {
  type: string;
  value?: string;
  children?: Node[];
  position?: { start: { offset: number }; end: { offset: number } };
  data?: { hChildren: { properties: { className: string[] } }[] };
}

/** A paragraph as remark-math parses it, with source offsets into `source`. */
function paragraphOf(source: string, before: string, math: string, after = ''): Node {
  const start = source.indexOf(math);
  const children: Node[] = [];
  if (before) children.push({ type: 'text', value: before });
  children.push({ type: 'inlineMath', value: math.replace(/^\$+|\$+$/g, ''), position: { start: { offset: start }, end: { offset: start + math.length } } });
  if (after) children.push({ type: 'text', value: after });
  return { type: 'paragraph', children };
}

describe('remarkDisplayMath', () => {
  it('turns a paragraph holding only $$…$$ into display math (katex-display)', () => {
    const source = 'Text\n\n$$\\frac{1}{N}$$\n';
    const tree: Node = { type: 'root', children: [paragraphOf(source, '', '$$\\frac{1}{N}$$')] };
    remarkDisplayMath()(tree, { value: source });
    const [node] = tree.children ?? [];
    expect(node.type).toBe('math');
    expect(node.value).toBe('\\frac{1}{N}');
    expect(node.data?.hChildren[0].properties.className).toContain('math-display');
  });

  it('finds such paragraphs nested inside a component (a <Slide> in MDX)', () => {
    const source = '<Slide>\n\n$$a + b$$\n\n</Slide>';
    const tree: Node = { type: 'root', children: [{ type: 'mdxJsxFlowElement', children: [paragraphOf(source, '', '$$a + b$$')] }] };
    remarkDisplayMath()(tree, { value: source });
    expect(tree.children?.[0].children?.[0].type).toBe('math');
  });

  it('leaves $…$ alone, and $$…$$ that stands inside a sentence', () => {
    const single = 'See $x$';
    expect(loneDoubleDollarMath(paragraphOf(single, '', '$x$'), single)).toBeUndefined();
    const inSentence = 'Cost $$a$$ here';
    expect(loneDoubleDollarMath(paragraphOf(inSentence, 'Cost ', '$$a$$', ' here'), inSentence)).toBeUndefined();
    const alone = '$$a$$';
    expect(loneDoubleDollarMath(paragraphOf(alone, '', '$$a$$'), alone)).toBeDefined();
  });
});
