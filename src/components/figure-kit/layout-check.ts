/**
 * For figure tests: what in a rendered picture does not fit its frame. Text width is estimated
 * (0.56 em per character, 0.6 for bold classes), so the check is approximate but catches labels
 * that run off the edge; geometry is exact. A translate(x y) is followed; other transforms are not.
 */
import type { SvgNode } from './svg';
import type { FigureFrame } from './types';

/** Font size (px) by class, as src/styles/global.css and the figure parts set them. */
const CLASS_SIZE: Record<string, number> = { 'fig-small': 12, 'fig-label': 12, 'fig-heading': 14, 'fig-result': 14, 'fig-message': 14, 'fig-value': 13, 'cs-num': 12, 'cs-sum': 13, 'fig-op': 20, 'rc-label-current': 12 };
const BOLD = new Set(['fig-heading', 'fig-result', 'rc-label-current']);

function sizeOf(cls: string | undefined, inherited: number): { size: number; em: number } {
  const names = (cls ?? '').split(/\s+/);
  const known = names.find((c) => c in CLASS_SIZE);
  return { size: known ? CLASS_SIZE[known] : inherited, em: names.some((c) => BOLD.has(c)) ? 0.6 : 0.56 };
}

function textOf(node: SvgNode | string): string {
  return typeof node === 'string' ? node : node.children.map(textOf).join('');
}

/** Everything that does not fit: a list of readable problems (empty when the layout fits). */
export function layoutIssues(svg: SvgNode, frame: Pick<FigureFrame, 'width' | 'height'>): string[] {
  const issues: string[] = [];
  const [, , vw, vh] = String(svg.attrs.viewBox).split(/\s+/).map(Number);
  if (vw !== frame.width) issues.push(`viewBox width ${vw}, frame ${frame.width}`);
  if (frame.height !== undefined && vh > frame.height) issues.push(`height ${vh} beyond the frame's ${frame.height}`);
  const walk = (node: SvgNode, size: number, transformed: boolean, dx = 0, dy = 0): void => {
    const a = node.attrs;
    const shift = typeof a.transform === 'string' ? /^translate\(\s*(-?[\d.]+)[\s,]+(-?[\d.]+)\s*\)$/.exec(a.transform) : null;
    if (shift) {
      dx += Number(shift[1]);
      dy += Number(shift[2]);
    }
    const moved = transformed || (a.transform !== undefined && a.transform !== null && !shift);
    const fs = a['font-size'];
    if (fs !== undefined && Number(fs) < 12) issues.push(`font-size ${fs} on ${node.tag}`);
    if (!moved) {
      for (const k of ['x', 'x1', 'x2', 'cx'] as const) {
        const x = Number(a[k]) + dx;
        if (a[k] !== undefined && (x < -1 || x > vw + 1)) issues.push(`${node.tag} ${k}=${x} outside 0…${vw}`);
      }
      if (node.tag === 'rect' && a.width !== undefined && dx + Number(a.x ?? 0) + Number(a.width) > vw + 1) issues.push(`rect ends at ${dx + Number(a.x ?? 0) + Number(a.width)} beyond ${vw}`);
      for (const k of ['y', 'y1', 'y2', 'cy'] as const) {
        const y = Number(a[k]) + dy;
        if (a[k] !== undefined && (y < -1 || y > vh + 1)) issues.push(`${node.tag} ${k}=${y} outside 0…${vh}`);
      }
    }
    const { size: here, em } = sizeOf(a.class as string | undefined, size);
    if (node.tag === 'text' && !moved) {
      // Lines: the text's own x with its direct strings, and each tspan that sets its own x.
      const lines: { x: number; text: string }[] = [];
      let current = { x: dx + Number(a.x ?? 0), text: '' };
      for (const c of node.children) {
        if (typeof c !== 'string' && c.attrs.x !== undefined) {
          if (current.text) lines.push(current);
          current = { x: dx + Number(c.attrs.x), text: textOf(c) };
        } else current.text += textOf(c);
      }
      lines.push(current);
      for (const line of lines) {
        const w = line.text.length * here * em;
        const anchor = a['text-anchor'] ?? 'start';
        const [from, to] = anchor === 'end' ? [line.x - w, line.x] : anchor === 'middle' ? [line.x - w / 2, line.x + w / 2] : [line.x, line.x + w];
        if (from < -2 || to > vw + 2) issues.push(`text "${line.text.slice(0, 40)}" spans ${Math.round(from)}…${Math.round(to)} in 0…${vw}`);
      }
    }
    for (const c of node.children) if (typeof c !== 'string') walk(c, here, moved, dx, dy);
  };
  walk(svg, 13, false);
  return issues;
}
