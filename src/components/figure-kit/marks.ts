/** Small marks shared by figures. */
import { h, type Attr, type SvgNode } from './svg';
import type { FigureView } from './types';
import { breakTokens, textUnits } from './text';

/**
 * A computed number as an SVG tspan (put it inside a text): data-quantity names it, data-exact
 * holds the exact value, the text may round.
 */
export function quantity(name: string, exact: number, text: string, attrs: Record<string, Attr> = {}): SvgNode {
  return h('tspan', { ...attrs, 'data-quantity': name, 'data-exact': String(exact) }, text);
}

/**
 * Greedy word wrap for SVG text, which does not wrap by itself; `width` in Latin characters (a
 * CJK character counts two, and a line may break between CJK characters).
 */
export function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const { word, space } of breakTokens(text)) {
    const joined = line && space ? `${line} ${word}` : `${line}${word}`;
    if (line && textUnits(joined) > width) {
      lines.push(line);
      line = word;
    } else line = joined;
  }
  if (line) lines.push(line);
  return lines;
}

/** The whole figure replaced by a plain message, so nothing is half drawn. */
export function errorView(width: number, height: number, uid: string, title: SvgNode, message: string): FigureView {
  const lines = wrapWords(message, Math.floor(width / 8.5));
  const top = height / 2 - ((lines.length - 1) * 18) / 2;
  return {
    svg: h(
      'svg',
      { viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-labelledby': `${uid}-title ${uid}-error`, class: 'fig-svg fig-error' },
      title,
      h(
        'text',
        { id: `${uid}-error`, 'text-anchor': 'middle', class: 'fig-message', 'data-role': 'error' },
        lines.map((l, i) => h('tspan', { x: width / 2, y: top + i * 18 }, l)),
      ),
    ),
    summary: message,
  };
}
