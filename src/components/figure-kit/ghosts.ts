/**
 * Ghosts: a mark's previous value kept faintly behind the new one after a redraw, so a change
 * reads as a change (browser only). A figure draws the mark with data-ghost-key="<key>" and an
 * empty placeholder <rect data-ghost-of="<key>"> (no geometry); after each redraw the placeholder
 * takes the geometry the mark had before its last change and gets `data-shown`. A new width
 * (another layout) forgets the old geometry. Figures style `[data-ghost-of][data-shown]`.
 */

const GEOMETRY = ['x', 'y', 'width', 'height'] as const;

interface Memory {
  layout: string;
  current: Map<string, string[]>;
  ghost: Map<string, string[]>;
}

const memory = new WeakMap<Element, Memory>();

function update(svg: SVGSVGElement): void {
  const marks = svg.querySelectorAll('[data-ghost-key]');
  if (marks.length === 0) return;
  const layout = svg.getAttribute('viewBox')?.split(/\s+/)[2] ?? '';
  let mem = memory.get(svg);
  if (!mem || mem.layout !== layout) {
    mem = { layout, current: new Map(), ghost: new Map() };
    memory.set(svg, mem);
  }
  for (const mark of marks) {
    const key = mark.getAttribute('data-ghost-key') ?? '';
    const now = GEOMETRY.map((a) => mark.getAttribute(a) ?? '');
    const before = mem.current.get(key);
    if (before && before.join() !== now.join()) mem.ghost.set(key, before);
    mem.current.set(key, now);
    const placeholder = svg.querySelector(`[data-ghost-of="${CSS.escape(key)}"]`);
    const ghost = mem.ghost.get(key);
    if (!placeholder || !ghost) continue;
    GEOMETRY.forEach((a, i) => placeholder.setAttribute(a, ghost[i]));
    placeholder.setAttribute('data-shown', '');
  }
}

document.addEventListener(
  'sep:drawn',
  (e) => {
    const svg = (e.target as Element | null)?.querySelector?.<SVGSVGElement>('.fig-frame svg');
    if (svg) update(svg);
  },
  true,
);
