/**
 * A page carries only the KaTeX rules and face subsets that its own math draws with
 * (scripts/katex-fonts.mjs names the whole of each on a `<style data-… data-all=URL>`). A formula
 * typeset in the browser that needs more gets KaTeX's whole stylesheet and the site's whole list
 * of faces linked first. Linking them restyles and lays out every formula on the page (0.4–0.9 s
 * on a slow phone, on the heaviest chapters), so it is done only when a formula needs it; a drag
 * that changes a figure's numbers never does.
 */
import { FIGURE_FORMULA_CLASSES, NUMBER_CHARS, katexNeeds, needsMet, type KatexHas } from '../../lib/katex-markup';

/** The stylesheets named by the page's KaTeX rules and faces: both are linked when either is needed. */
const WHOLE = ['katex-faces', 'katex-css'] as const;

let pageHas: KatexHas | undefined;
let whole: Promise<void> | undefined;
let wholeApplies = false;

/**
 * What the page's math has: its drawn characters, and the numbers every face's subset holds; a
 * class is looked up when a formula first asks for it (the browser keeps an index of class names;
 * walking every formula's elements instead took 20–60 ms on a slow phone), and kept. A page with a
 * figure's formula was also built with the rules and faces of every class such a formula can draw.
 * Only markup covered by these is written without the whole sheets, so what the page has stays
 * within what it was built with.
 */
function pageMath(): KatexHas {
  const math = document.querySelector('.katex') !== null;
  const figures = math && document.querySelector('[data-role=formula]') !== null;
  const chars = new Set<string>(math ? NUMBER_CHARS : '');
  for (const el of document.querySelectorAll('.katex-html')) for (const ch of el.textContent ?? '') chars.add(ch);
  const known = new Map<string, boolean>();
  const inMath = (name: string): boolean => {
    if (figures && FIGURE_FORMULA_CLASSES.has(name)) return true;
    for (const el of document.getElementsByClassName(name)) if (el.closest('.katex, .katex-display')) return true;
    return false;
  };
  const classes = {
    has: (name: string): boolean => {
      let yes = known.get(name);
      if (yes === undefined) known.set(name, (yes = inMath(name)));
      return yes;
    },
  };
  return { classes, chars };
}

/**
 * Link KaTeX's whole stylesheet and the site's whole faces, each just before the page's own
 * (which stay last, and win for their characters), once. Resolves when both have loaded or
 * failed (offline: the page's own rules and faces draw what they can).
 */
export function linkWholeKatex(): Promise<void> {
  whole ??= Promise.all(
    WHOLE.map((name) => {
      const own = document.querySelector<HTMLElement>(`style[data-${name}][data-all]`);
      if (!own?.dataset.all) return undefined;
      const link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = own.dataset.all;
      link.setAttribute(`data-${name}-all`, '');
      const loaded = new Promise<void>((done) => {
        link.addEventListener('load', () => done(), { once: true });
        link.addEventListener('error', () => done(), { once: true });
      });
      own.before(link);
      return loaded;
    }),
  ).then(() => {
    wholeApplies = true;
  });
  return whole;
}

/**
 * Undefined when the page can draw these formulas' markup now (with its own rules and faces, or the
 * whole ones once linked); otherwise the whole sheets are linked, and the promise resolves when
 * they apply.
 */
export function untilDrawable(...markups: string[]): Promise<void> | undefined {
  if (wholeApplies) return undefined;
  if (whole) return whole;
  pageHas ??= pageMath();
  const has = pageHas;
  return markups.every((m) => needsMet(katexNeeds(m), has)) ? undefined : linkWholeKatex();
}
