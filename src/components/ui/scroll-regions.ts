/**
 * Wide formulas scroll sideways inside their box on narrow screens. A scrolling box must be
 * reachable from the keyboard, so each one that actually overflows becomes a focusable, labelled
 * region (and stops being one when the window grows).
 */
import { pageWords } from '../../i18n/page-words';

export function markScrollable(root: ParentNode = document): void {
  root.querySelectorAll<HTMLElement>('.katex-display, .table-scroll').forEach((el) => {
    const scrolls = el.scrollWidth > el.clientWidth + 1;
    if (scrolls && !el.hasAttribute('tabindex')) {
      el.tabIndex = 0;
      el.setAttribute('role', 'region');
      const t = pageWords();
      el.setAttribute('aria-label', el.classList.contains('katex-display') ? t.scrollsFormula : t.scrollsTable);
      el.dataset.scrollRegion = '';
      el.addEventListener('scroll', () => markMore(el), { passive: true });
    } else if (!scrolls && el.dataset.scrollRegion !== undefined) {
      el.removeAttribute('tabindex');
      el.removeAttribute('role');
      el.removeAttribute('aria-label');
      delete el.dataset.scrollRegion;
    }
    markMore(el);
  });
}

/** Whether there is more to the right than the box shows: its right edge then fades out. */
function markMore(el: HTMLElement): void {
  const more = el.dataset.scrollRegion !== undefined && el.scrollLeft + el.clientWidth < el.scrollWidth - 1;
  if (more !== (el.dataset.scrollMore !== undefined)) {
    if (more) el.dataset.scrollMore = '';
    else delete el.dataset.scrollMore;
  }
}

// Checked just after the next paint, when layout is up to date, so reading sizes costs no extra
// layout; after a typeset only the formula that changed is checked.
let pending = 0;
let whole = false;
const changed = new Set<ParentNode>();
function schedule(root?: ParentNode): void {
  if (root) changed.add(root);
  else whole = true;
  if (pending) return;
  pending = requestAnimationFrame(() =>
    window.setTimeout(() => {
      pending = 0;
      const roots = whole ? [document] : [...changed];
      whole = false;
      changed.clear();
      for (const r of roots) markScrollable(r);
    }, 0),
  );
}

markScrollable();
window.addEventListener('resize', () => schedule());
document.addEventListener('sep:typeset', (e) => schedule(e.target instanceof Element ? e.target : undefined));
