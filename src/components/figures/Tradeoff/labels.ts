/**
 * Label placement for scatter plots: each label tries the places around its point in turn and
 * takes the first whose box overlaps no label placed before it, no point and nothing outside the
 * plot. Boxes are estimated from the text length (about 0.64 em per character, the widest of the
 * fonts the figures fall back to), so the check errs on the side of space.
 */

import { textUnits } from '../../figure-kit/text';

/** An axis-aligned box. */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export type Side = 'right' | 'left' | 'above' | 'below' | 'above-right' | 'below-right' | 'above-left' | 'below-left';

export interface LabelRequest {
  id: string;
  text: string;
  /** The point the label names, and its mark's radius. */
  x: number;
  y: number;
  r: number;
  /** Places to try first, in order; the other sides follow. */
  prefer?: readonly Side[];
  /** Other points the label may name instead (e.g. the other end of a line), tried after the first. */
  alternatives?: readonly { x: number; y: number; r: number }[];
}

export interface PlacedLabel {
  id: string;
  text: string;
  /** Text position and anchor, as SVG text attributes. */
  x: number;
  y: number;
  anchor: 'start' | 'middle' | 'end';
  box: Box;
  side: Side;
}

const ALL_SIDES: readonly Side[] = ['right', 'left', 'above', 'below', 'above-right', 'below-right', 'above-left', 'below-left'];

/**
 * Estimated box of a line of text of `size` px as the browser measures it: width from its length,
 * height the font's whole line box (ascent 0.95 em, descent 0.25 em in DejaVu Sans, the widest).
 */
export function textBox(text: string, x: number, baseline: number, anchor: 'start' | 'middle' | 'end', size = 12): Box {
  // CJK characters are a full em wide.
  const wide = textUnits(text) - [...text].length;
  const w = ([...text].length - wide) * size * 0.64 + wide * size;
  const left = anchor === 'start' ? x : anchor === 'end' ? x - w : x - w / 2;
  return { x: left, y: baseline - size * 0.95, w, h: size * 1.2 };
}

/** Labels keep this much space between their boxes and other marks. */
const PAD = 1;

export function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

function overlapArea(a: Box, b: Box): number {
  const w = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x) + PAD;
  const h = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y) + PAD;
  return w > 0 && h > 0 ? w * h : 0;
}

function candidate(req: LabelRequest, side: Side, size: number, far = 0): Omit<PlacedLabel, 'id' | 'text'> {
  const gap = req.r + 3 + far;
  const mid = req.y + size * 0.35;
  const [x, y, anchor]: [number, number, PlacedLabel['anchor']] = {
    right: [req.x + gap, mid, 'start'],
    left: [req.x - gap, mid, 'end'],
    above: [req.x, req.y - gap - 2, 'middle'],
    below: [req.x, req.y + gap + size * 0.85, 'middle'],
    'above-right': [req.x + req.r, req.y - gap, 'start'],
    'below-right': [req.x + req.r, req.y + gap + size * 0.8, 'start'],
    'above-left': [req.x - req.r, req.y - gap, 'end'],
    'below-left': [req.x - req.r, req.y + gap + size * 0.8, 'end'],
  }[side] as [number, number, PlacedLabel['anchor']];
  return { x, y, anchor, side, box: textBox(req.text, x, y, anchor, size) };
}

/**
 * placeLabels(requests, obstacles, bounds): a place for every label. Each label first takes its
 * best place given the labels before it (earlier labels win), then every label in turn moves to
 * its best place given all the others, until nothing moves: a label blocked by an earlier one
 * can so make that one step aside. Where no place is free, the one with the least overlap wins.
 */
export function placeLabels(requests: readonly LabelRequest[], obstacles: readonly Box[], bounds: Box, size = 12): PlacedLabel[] {
  const inside = (b: Box): boolean => b.x >= bounds.x && b.y >= bounds.y && b.x + b.w <= bounds.x + bounds.w && b.y + b.h <= bounds.y + bounds.h;
  // Every place each label may take, with a small cost for being less preferred.
  const options = requests.map((req) => {
    const order = [...(req.prefer ?? []), ...ALL_SIDES.filter((s) => !req.prefer?.includes(s))];
    return [req, ...(req.alternatives ?? [])].flatMap((at, a) => {
      const own = { x: at.x - at.r, y: at.y - at.r, w: 2 * at.r, h: 2 * at.r };
      const others = obstacles.filter((o) => !(Math.abs(o.x - own.x) < 0.01 && Math.abs(o.y - own.y) < 0.01));
      // Near places first; a step further out (still next to the point) where those are taken.
      return [0, 8].flatMap((far, f) =>
        order.map((side, i) => {
          const c = candidate({ ...req, ...at }, side, size, far);
          const fixed = (inside(c.box) ? 0 : 1e6) + others.reduce((s, o) => s + overlapArea(c.box, o) * 10, 0) + i * 0.1 + f * 3 + a * 40;
          return { ...c, fixed };
        }),
      );
    });
  });
  // Greedy in an order, then moves one label at a time while that lowers its cost; the local
  // search can stick, so it starts from several orders and keeps the best layout.
  const overlapCost = (li: number, oi: number, chosen: readonly number[], among: readonly number[]): number => {
    const c = options[li][oi];
    let s = c.fixed;
    for (const j of among) if (j !== li && chosen[j] !== undefined) s += overlapArea(c.box, options[j][chosen[j]].box) * 10;
    return s;
  };
  const bestFor = (li: number, chosen: readonly number[], among: readonly number[]): number => {
    let bi = 0;
    let bc = Infinity;
    options[li].forEach((_, oi) => {
      const c = overlapCost(li, oi, chosen, among);
      if (c < bc - 1e-9) {
        bc = c;
        bi = oi;
      }
    });
    return bi;
  };
  const all = requests.map((_, i) => i);
  const run = (order: readonly number[]): { chosen: number[]; total: number } => {
    const chosen: number[] = [];
    order.forEach((li, k) => (chosen[li] = bestFor(li, chosen, order.slice(0, k))));
    for (let pass = 0; pass < 8; pass++) {
      let moved = false;
      for (const li of order) {
        const b = bestFor(li, chosen, all);
        if (overlapCost(li, b, chosen, all) < overlapCost(li, chosen[li], chosen, all) - 1e-9) {
          chosen[li] = b;
          moved = true;
        }
      }
      if (!moved) break;
    }
    const total = all.reduce((s, li) => s + overlapCost(li, chosen[li], chosen, all.slice(li + 1).concat(all.slice(0, 0))), 0);
    return { chosen, total };
  };
  let best = run(all);
  for (let k = 1; k < all.length && best.total >= 1; k++) {
    for (const order of [[...all.slice(k), ...all.slice(0, k)], [...all.slice(k), ...all.slice(0, k)].reverse()]) {
      const r = run(order);
      if (r.total < best.total - 1e-9) best = r;
    }
  }
  const chosen = best.chosen;
  return requests.map((req, li) => {
    const c = options[li][chosen[li]];
    return { id: req.id, text: req.text, x: c.x, y: c.y, anchor: c.anchor, box: c.box, side: c.side };
  });
}
