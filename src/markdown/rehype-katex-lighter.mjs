/**
 * The markdown twin of src/lib/katex-markup.ts (lighterKatex), for the math that rehype-katex
 * typesets: its MathML keeps everything but the TeX annotation (which no browser shows or exposes:
 * MathML Core renders only the first child of <semantics>), and an inline style loses the `;`
 * after its last declaration. Runs after rehype-katex.
 */
export default function rehypeKatexLighter() {
  return (tree) => walk(tree);
}

function walk(node) {
  if (!node.children) return;
  node.children = node.children.filter((c) => !(c.type === 'element' && c.tagName === 'annotation' && c.properties?.encoding === 'application/x-tex'));
  for (const c of node.children) {
    if (c.type === 'element' && typeof c.properties?.style === 'string') c.properties.style = c.properties.style.replace(/;$/, '');
    walk(c);
  }
}
