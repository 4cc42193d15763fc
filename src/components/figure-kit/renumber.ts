/**
 * A slider step changes a formula's numbers and nothing else, yet typesetting it again is the
 * largest task of a step on a slow phone (KaTeX builds the whole formula, then morph.ts compares
 * it). KaTeX lays a formula out across by the browser's inline flow and sets only heights, and
 * every digit has the same height: writing the new numbers into the text nodes that show the old
 * ones draws exactly what KaTeX would draw. The MathML read to screen readers is left for the
 * full typeset that follows once the changes pause.
 */
import type { default as Katex } from 'katex';
import { FIGURE_KATEX } from './katex-options';
import { morphHtml, morphPart } from './morph';
import { memoRecent } from '../../lib/memo';
import { digitBound, fillNumbers, numbersIn, sameLayout, sameShape, texNumbers, withNumbers, type TexNumbers } from '../../lib/tex-numbers';

// The figure's picture and its whole box keep still through a drag as the formula does here
// (redrawDuringDrag): that code comes with this, at a page's first change, not with its first load.
export { holdWhileMoving } from './hold';

/** The text nodes of a typeset formula's drawing that hold a number, in document order. */
function numberedNodes(root: Node): Text[] {
  const out: Text[] = [];
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, (node) =>
    // The MathML copy is for screen readers; only the drawing is rewritten here.
    node.nodeType === Node.ELEMENT_NODE && (node as Element).classList.contains('katex-mathml') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
  );
  for (let n = walker.nextNode(); n; n = walker.nextNode()) if (n.nodeType === Node.TEXT_NODE && /\d/.test(n.nodeValue ?? '')) out.push(n as Text);
  return out;
}

/** The numbers of a drawing, node by node in document order. */
const drawnNumbers = (nodes: readonly Text[]): string[] => nodes.flatMap((n) => numbersIn(n.nodeValue ?? ''));

/** One number of a drawing: which number of the TeX it shows, and which of its characters. */
export interface DrawnPiece {
  readonly slot: number;
  readonly from: number;
  readonly to: number;
}

/** The number nodes found in a formula element, and the TeX they showed: a drag finds them once. */
const lastFound = new WeakMap<Element, { tex: string; nodes: Text[] }>();

/** The number nodes of `el`'s drawing, which shows `tex` (those found last time, if still there). */
function nodesShowing(el: Element, tex: string): Text[] {
  const last = lastFound.get(el);
  if (last && last.tex === tex && last.nodes.every((n) => n.isConnected)) return last.nodes;
  return numberedNodes(el);
}

let parser: HTMLTemplateElement | undefined;

/** `shape` with every number's digits replaced by `digit(i)` (its decimal point kept). */
const marked = (shape: TexNumbers, digit: (i: number) => number): string =>
  fillNumbers(
    shape,
    shape.numbers.map((n, i) => n.replace(/\d/g, String(digit(i)))),
  );

/**
 * Where each number of a formula's TeX is drawn: for each number of the drawing, in document
 * order, the number of the TeX it shows and which of its characters (KaTeX draws a fraction's
 * denominator before its numerator, and the base of a script 32^2 as 3 and 2). The formula's shape
 * is typeset (`typesetHtml`) with each number's digits replaced by one digit of its index, once per
 * decimal digit of the count, so that the drawing keeps its shape and every piece names its
 * number. Undefined when a piece does not, or a number is not drawn whole.
 */
export function drawingOrder(doc: Document, tex: string, typesetHtml: (tex: string) => string): DrawnPiece[] | undefined {
  const shape = texNumbers(tex);
  const count = shape.numbers.length;
  if (count === 0) return [];
  parser ??= doc.createElement('template');
  const passes = String(count - 1).length;
  let slots: number[] = [];
  let lengths: number[] = [];
  for (let p = 0; p < passes; p++) {
    parser.innerHTML = typesetHtml(marked(shape, (i) => Math.floor(i / 10 ** p) % 10));
    const pieces = drawnNumbers(numberedNodes(parser.content));
    parser.innerHTML = '';
    if (p === 0) {
      slots = pieces.map(() => 0);
      lengths = pieces.map((x) => x.length);
    } else if (pieces.length !== slots.length || pieces.some((x, j) => x.length !== lengths[j])) return undefined;
    for (let j = 0; j < pieces.length; j++) {
      const digits = new Set(pieces[j].replace('.', ''));
      if (digits.size !== 1) return undefined;
      slots[j] += Number([...digits][0]) * 10 ** p;
    }
  }
  // Each number's pieces, in the order they are drawn, are its characters in order.
  const at = new Array<number>(count).fill(0);
  const out: DrawnPiece[] = [];
  for (let j = 0; j < slots.length; j++) {
    const slot = slots[j];
    if (!(slot < count)) return undefined;
    out.push({ slot, from: at[slot], to: at[slot] + lengths[j] });
    at[slot] += lengths[j];
  }
  if (at.some((end, i) => end !== shape.numbers[i].length)) return undefined;
  return out;
}

/**
 * Redraw `el`, which shows the typeset formula `from`, as the formula `to` by changing its numbers
 * only (`order`: drawingOrder of `from`'s shape). Returns false, changing nothing, unless `to`
 * differs from `from` in its numbers alone, each number KaTeX draws by its digits (digitBound) or
 * in pieces keeps its layout, and the drawing shows `from`'s numbers where `order` says; the
 * caller then typesets the formula instead.
 */
export function renumber(el: Element, from: string, to: string, order: readonly DrawnPiece[]): boolean {
  const was = texNumbers(from);
  const next = texNumbers(to);
  if (!sameShape(was, next)) return false;
  const bound = digitBound(was);
  const pieces = new Array<number>(was.numbers.length).fill(0);
  for (const p of order) pieces[p.slot] += 1;
  for (let i = 0; i < was.numbers.length; i++) {
    if (pieces[i] === 0) return false;
    // A number drawn in pieces is cut by its script, which its layout fixes (digitBound).
    if (pieces[i] > 1 && !bound[i]) return false;
    if (bound[i] && !sameLayout(was.numbers[i], next.numbers[i])) return false;
  }
  const nodes = nodesShowing(el, from);
  // What a piece shows of `numbers`: a number drawn whole is compared and written whole. The
  // characters a piece names (`from`, `to`) are those of the TeX its shape was first found in,
  // whose numbers may have been shorter or longer (ρ² at 1 and at 1.01): only a number drawn in
  // pieces, whose layout cannot change (sameLayout), is cut by them.
  const shows = (numbers: readonly string[], p: DrawnPiece): string => (pieces[p.slot] > 1 ? numbers[p.slot].slice(p.from, p.to) : numbers[p.slot]);
  const drawn = drawnNumbers(nodes);
  if (drawn.length !== order.length || drawn.some((n, j) => n !== shows(was.numbers, order[j]))) return false;
  const piece = (p: DrawnPiece): string => shows(next.numbers, p);
  let j = 0;
  for (const node of nodes) {
    const old = node.nodeValue ?? '';
    const here = numbersIn(old).length;
    const text = withNumbers(old, order.slice(j, j + here).map(piece));
    j += here;
    if (text !== old) node.nodeValue = text;
  }
  lastFound.set(el, { tex: to, nodes });
  return true;
}

/** Where each number of a formula's shape is drawn, by shape (a page shows a few dozen at most). */
const orders = new Map<string, DrawnPiece[] | undefined>();

/** Whether the drawing order of `tex`'s shape has been found (orderFor will not typeset). */
export function orderKnown(tex: string): boolean {
  return orders.has(texNumbers(tex).skeleton);
}

/** The drawing order of `tex`'s shape, typeset once per shape and kept. */
export function orderFor(tex: string, typesetHtml: (tex: string) => string): DrawnPiece[] | undefined {
  const shape = texNumbers(tex).skeleton;
  if (!orders.has(shape)) {
    if (orders.size >= 64) orders.delete(orders.keys().next().value as string);
    orders.set(shape, drawingOrder(document, tex, typesetHtml));
  }
  return orders.get(shape);
}

/**
 * Redraw the formula element `el` (showing `from`) as `to` by its numbers, when only they changed
 * (`typesetHtml`: KaTeX's HTML for a TeX, used once per shape to find where numbers are drawn).
 */
export function renumberFormula(el: Element, from: string, to: string, typesetHtml: (tex: string) => string): boolean {
  if (!sameShape(texNumbers(from), texNumbers(to))) return false;
  const order = orderFor(from, typesetHtml);
  return order !== undefined && renumber(el, from, to, order);
}

/**
 * Redraw `el` (showing `from`) as `to` by its numbers, when only they changed and where `from`'s
 * shape draws them has already been found: never typesets, so it can run in the frame that draws
 * the figure. False, changing nothing, otherwise.
 */
export function renumberKnown(el: Element, from: string, to: string): boolean {
  const order = orders.get(texNumbers(from).skeleton);
  return order !== undefined && renumber(el, from, to, order);
}

/** Formulas whose numbers are written in the next frame (renumberNextFrame). */
const writeNext = new WeakSet<HTMLElement>();

/**
 * During a drag, write the formula element `el`'s new numbers in the frame after the one that
 * draws the picture, when where the shape it shows (`shownTex`) draws its numbers is known; false,
 * doing nothing, when it is not. The picture under the reader's finger reaches the screen first:
 * laying out a formula's changed digits again took 3-6 ms at 4x CPU throttle, in the frame a slider
 * step waited for. One write a frame, of the newest TeX (data-tex) the picture has drawn by then:
 * in a continuous drag each frame draws the picture's newest values and the formula's of the frame
 * before, one frame behind, with no more work per frame than both in one. `done(shown, tex)` when
 * the numbers were written; `otherwise(tex)` when that TeX is not the shape's numbers alone.
 */
export function renumberNextFrame(el: HTMLElement, shownTex: WeakMap<HTMLElement, string>, done: (shown: string, tex: string) => void, otherwise: (tex: string) => void): boolean {
  const now = shownTex.get(el);
  if (now === undefined || !orderKnown(now)) return false;
  if (writeNext.has(el)) return true;
  writeNext.add(el);
  requestAnimationFrame(() => {
    writeNext.delete(el);
    const tex = el.dataset.tex;
    const shown = shownTex.get(el);
    if (!tex || shown === undefined || shown === tex) return;
    if (renumberKnown(el, shown, tex)) done(shown, tex);
    else otherwise(tex);
  });
  return true;
}

/** KaTeX's drawing of a formula alone (no MathML), trimmed as the whole typeset is (`lighter`). */
let drawingMarkup: ((tex: string) => string) | undefined;

/** KaTeX's drawing of a formula alone, kept for the formulas of a drag back and forth. */
function drawer(katex: typeof Katex, lighter: (html: string) => string): (tex: string) => string {
  return (drawingMarkup ??= memoRecent((t) => lighter(katex.renderToString(t, { ...FIGURE_KATEX, displayMode: true, output: 'html', throwOnError: false })), 64));
}

/**
 * Find where the shape of each figure formula's TeX draws its numbers, one formula per idle
 * period: called when a reader takes a slider (client.ts), so that the first change is drawn by
 * its numbers in the frame after the picture's too, instead of typesetting the drawing after it.
 */
export function learnShapes(doc: Document, { katex, write }: { katex: typeof Katex; write: { lighterKatex: (html: string) => string } }): void {
  const draw = drawer(katex, write.lighterKatex);
  for (const el of doc.querySelectorAll<HTMLElement>('sep-figure [data-role=formula][data-tex]')) {
    const tex = el.dataset.tex ?? '';
    if (tex && !orderKnown(tex)) whenIdle(() => orderKnown(tex) || orderFor(tex, draw));
  }
}

/** Run `work` when the page is idle (or after a pause, where browsers cannot tell). */
function whenIdle(work: () => void): void {
  if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(work, { timeout: 2000 });
  else setTimeout(work, 600);
}

/**
 * Redraw the formula element `el`, which shows `shown`, as `tex` during a drag, without its
 * MathML: by its numbers when only they changed and where its shape draws them is known
 * ('numbers'); else by typesetting the drawing alone ('drawing'), about half the work of the whole
 * (a number grew a thousands separator, = became ≈). Undefined when neither could be done. Where
 * a shape draws its numbers is found when the page is idle, not in the task a reader's next step
 * waits behind. The formula keeps the tallest height it has had (one more line, one fewer), so
 * that the page below does not jump at each step, which would also have the browser lay out and
 * paint all of it again; `settle`, once changes pause, removes that. A drawing
 * that the page cannot draw yet (`drawable`: it needs a KaTeX rule or face the page lacks) is not
 * written: undefined.
 */
export function redrawDuringDrag(
  el: HTMLElement,
  shown: string,
  tex: string,
  katex: typeof Katex,
  lighter: (html: string) => string,
  drawable: (markup: string) => boolean = () => true,
): 'numbers' | 'drawing' | undefined {
  const draw = drawer(katex, lighter);
  // Read just after the frame that drew the picture: the page is laid out, the read is free.
  const height = el.offsetHeight;
  if (height > 0) el.style.minHeight = `${height}px`;
  if (!orderKnown(tex)) whenIdle(() => orderFor(tex, draw));
  if (orderKnown(shown) && renumberFormula(el, shown, tex, draw)) return 'numbers';
  const markup = draw(tex);
  return drawable(markup) && morphPart(el, markup, '.katex-html') ? 'drawing' : undefined;
}

/** A formula redrawn during a drag gets its MathML (or its whole typeset) once changes pause this long. */
export const SETTLE_MS = 600;
const settleTimers = new WeakMap<HTMLElement, number>();

/**
 * `el`'s drawing now shows `tex` (its numbers rewritten, or its drawing typeset, during a drag):
 * once changes pause, its MathML, which screen readers read, is typeset alone and only it is
 * compared with the page. KaTeX writes the MathML alone in about a sixth of the time of the whole
 * formula (the same <math>), and a reader's next step after a pause waits behind this task: at 4×
 * CPU throttle it takes about half as long as typesetting and comparing the whole again did.
 * `whole` runs instead where the drawing no longer shows `tex` (`shown`: the TeX each formula's
 * drawing shows) or there is no MathML (a TeX error). `katex` and `write.lighterKatex`: KaTeX and
 * the site's trimming of its markup, as the page loaded them.
 */
export function settle(
  el: HTMLElement,
  tex: string,
  shown: WeakMap<HTMLElement, string>,
  { katex, write }: { katex: typeof Katex; write: { lighterKatex: (html: string) => string } },
  whole: () => void,
): void {
  window.clearTimeout(settleTimers.get(el));
  settleTimers.set(
    el,
    window.setTimeout(() => {
      if (el.dataset.tex !== tex) return;
      if (shown.get(el) === tex && morphPart(el, write.lighterKatex(katex.renderToString(tex, { ...FIGURE_KATEX, displayMode: true, output: 'mathml', throwOnError: false })), 'math')) {
        el.style.removeProperty('min-height');
        el.dispatchEvent(new Event('sep:typeset', { bubbles: true }));
      } else whole();
    }, SETTLE_MS),
  );
}

/** During a drag a formula is typeset whole at most once in this many ms (and always at its end). */
const TYPESET_GAP_MS = 200;
const typesetAt = new WeakMap<HTMLElement, number>();
/** Markup of recently typeset formulas: a drag back and forth shows the same ones again. */
let typesetMarkup: ((tex: string) => string) | undefined;

/**
 * Typeset the formula element `el` whole as `tex` (drawing and MathML), and record in `shown` that
 * its drawing shows `tex`: after the frame that draws the picture has painted, so that a slider's
 * change reaches the screen first and the formula follows; during a drag only the newest TeX is
 * typeset, a few times a second, so that typesetting leaves the frames to the picture. Only the
 * parts that changed (usually a few numbers) are written into the page. `katex` and `write`: as
 * the page loaded them (client.ts).
 */
export function typesetWhole(
  el: HTMLElement,
  tex: string,
  shown: WeakMap<HTMLElement, string>,
  { katex, write }: { katex: typeof Katex; write: { lighterKatex: (html: string) => string; untilDrawable: (markup: string) => Promise<unknown> | undefined } },
): void {
  window.setTimeout(
    () => {
      if (el.dataset.tex !== tex) return;
      typesetAt.set(el, performance.now());
      typesetMarkup ??= memoRecent((t) => write.lighterKatex(katex.renderToString(t, { ...FIGURE_KATEX, displayMode: true, throwOnError: false })), 64);
      const markup = typesetMarkup(tex);
      const put = (): void => {
        if (el.dataset.tex !== tex) return;
        el.style.removeProperty('min-height');
        morphHtml(el, markup);
        shown.set(el, tex);
        el.dispatchEvent(new Event('sep:typeset', { bubbles: true }));
      };
      // A formula that needs a rule or a character the page's own do not have waits for the whole ones.
      const wait = write.untilDrawable(markup);
      if (wait) void wait.then(put);
      else put();
    },
    Math.max(0, (typesetAt.get(el) ?? -Infinity) + TYPESET_GAP_MS - performance.now()),
  );
}
