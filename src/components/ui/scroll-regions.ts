/**
 * Wide formulas scroll sideways inside their box on narrow screens. A scrolling box must be
 * reachable from the keyboard, so each one that actually overflows becomes a focusable, labelled
 * region (and stops being one when the window grows).
 */
import { pageLang, ui } from '../../i18n';

export function markScrollable(root: ParentNode = document): void {
  root.querySelectorAll<HTMLElement>('.katex-display, .table-scroll').forEach((el) => {
    const scrolls = el.scrollWidth > el.clientWidth + 1;
    if (scrolls && !el.hasAttribute('tabindex')) {
      el.tabIndex = 0;
      el.setAttribute('role', 'region');
      const t = ui(pageLang());
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

let pending = 0;
function schedule(): void {
  cancelAnimationFrame(pending);
  pending = requestAnimationFrame(() => markScrollable());
}

markScrollable();
window.addEventListener('resize', schedule);
document.addEventListener('sep:typeset', schedule);
