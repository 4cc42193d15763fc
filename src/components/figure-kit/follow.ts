/**
 * How a block that is not a figure (a live block, a table) follows the page's values: only the
 * values it shows move it, once per frame however many inputs a drag fires, and never inside the
 * input event itself. Far from the screen (more than half a screen away) it waits until it comes
 * near, or until the page prints: redrawing it there would cost each slider step a layout and a
 * repaint that nobody sees. Figures have the same rules in client.ts.
 */
import { subscribeKeys } from 'nanostores';
import type { ParamName } from '../../lib/params';
import { params, type Values } from './store';

/** Call `apply` with the page's values now (in the next frame) and whenever one of `keys` changes. */
export function followParams(el: Element, keys: readonly ParamName[], apply: (values: Values) => void): void {
  let frame = 0;
  let near = true;
  /** Whether the values changed since `apply` last saw them. */
  let stale = false;
  const catchUp = (): void => {
    window.cancelAnimationFrame(frame);
    frame = 0;
    stale = false;
    apply(params.get());
  };
  const follow = (): void => {
    stale = true;
    if (!near || frame) return;
    frame = window.requestAnimationFrame(catchUp);
  };
  subscribeKeys(params, [...keys], follow);
  if ('IntersectionObserver' in window)
    new IntersectionObserver(
      ([entry]) => {
        near = entry?.isIntersecting ?? true;
        if (near && stale) follow();
      },
      { rootMargin: '50% 0px' },
    ).observe(el);
  window.addEventListener('beforeprint', () => stale && catchUp());
}
