/**
 * remark-math reads `$$…$$` written on one line as inline math: display math must open and close
 * with `$$` on lines of their own (as a fenced block). Authors write a formula standing alone as
 * `$$…$$` all the time, so a paragraph holding nothing but one such formula becomes display math.
 * A `$$…$$` inside a sentence stays inline.
 */

/** Whether the source text of a node starts with two dollar signs. */
function writtenWithDoubleDollars(node, source) {
  const start = node.position?.start?.offset;
  const end = node.position?.end?.offset;
  if (typeof source !== 'string' || start === undefined || end === undefined) return false;
  const text = source.slice(start, end);
  return text.startsWith('$$') && text.endsWith('$$');
}

/** The display-math node remark-math makes for a fenced block, for this TeX. */
export function displayMathNode(value, position) {
  return {
    type: 'math',
    meta: null,
    value,
    position,
    data: {
      hName: 'pre',
      hChildren: [{ type: 'element', tagName: 'code', properties: { className: ['language-math', 'math-display'] }, children: [{ type: 'text', value }] }],
    },
  };
}

/** A paragraph whose only content (whitespace aside) is one `$$…$$` formula, or undefined. */
export function loneDoubleDollarMath(paragraph, source) {
  if (paragraph?.type !== 'paragraph') return undefined;
  const content = paragraph.children.filter((c) => !(c.type === 'text' && c.value.trim() === ''));
  if (content.length !== 1 || content[0].type !== 'inlineMath') return undefined;
  return writtenWithDoubleDollars(content[0], source) ? content[0] : undefined;
}

/** The remark plugin. */
export default function remarkDisplayMath() {
  return (tree, file) => {
    const source = String(file?.value ?? '');
    const walk = (node) => {
      if (!Array.isArray(node.children)) return;
      node.children = node.children.map((child) => {
        const math = loneDoubleDollarMath(child, source);
        return math ? displayMathNode(math.value, child.position) : child;
      });
      node.children.forEach(walk);
    };
    walk(tree);
  };
}
