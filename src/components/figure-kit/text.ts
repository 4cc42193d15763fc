/** Text helpers for figures: symbols with subscripts as SVG text, never a raw underscore. */
import { h, type SvgNode } from './svg';

/**
 * Text with the paper's subscripted symbols set as subscripts: "1/D_K²" → "1/D", a tspan "K"
 * lowered with baseline-shift, "²". The subscript keeps the text's size (labels never go below
 * 12 px). Use inside a <text>.
 */
export function subscripted(text: string): (SvgNode | string)[] {
  const out: (SvgNode | string)[] = [];
  let last = 0;
  for (const m of text.matchAll(/([A-Za-z])_([A-Za-z0-9]+)/g)) {
    const at = m.index ?? 0;
    out.push(text.slice(last, at) + m[1], h('tspan', { class: 'fig-sub', 'baseline-shift': 'sub' }, m[2]));
    last = at + m[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out.filter((p) => p !== '');
}

