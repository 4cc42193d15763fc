/**
 * Fetches the exercises' code only when a reader may use it: when a "Check yourself" block comes
 * within a screen or so of the viewport, at the reader's first touch, click or key press in it, or
 * at once when the address names a set (?ex=). What a reader did before the code arrived (a click,
 * a changed choice, a submitted answer) is done again once it has.
 */
import { lazy, retryLater } from '../figure-kit/lazy';
import { importAfresh } from '../../lib/lazy';

// The module is ready once its words are (Chinese pages fetch theirs first).
const load = lazy(() => importAfresh(() => import('./client')).then((m) => m.ready));

/** How far below (or above) the viewport a block starts loading, in CSS px. */
const NEAR = '600px 0px';

export function loadExercisesWhenNeeded(): void {
  const blocks = [...document.querySelectorAll<HTMLElement>('sep-exercises')];
  if (blocks.length === 0) return;
  let started = false;
  let ready = false;
  let io: IntersectionObserver | undefined;
  const replay: (() => void)[] = [];
  const start = (): void => {
    if (started) return;
    started = true;
    io?.disconnect();
    load().then(
      () => {
        ready = true;
        for (const fn of replay.splice(0)) fn();
      },
      () => {
        started = false;
        retryLater(start, load);
      },
    );
  };
  const early = (e: Event): void => {
    if (ready) return;
    start();
    const target = e.target as Element;
    if (e.type === 'submit' && target instanceof HTMLFormElement) {
      // Without its code the form would reload the page.
      e.preventDefault();
      replay.push(() => target.requestSubmit());
    } else if (e.type === 'click') {
      const button = target.closest?.('button');
      if (button) replay.push(() => button.click());
    } else if (e.type === 'change') {
      replay.push(() => target.dispatchEvent(new Event('change', { bubbles: true })));
    }
  };
  for (const block of blocks) {
    for (const type of ['pointerdown', 'focusin', 'keydown', 'click', 'change', 'submit']) block.addEventListener(type, early);
  }
  if (new URLSearchParams(location.search).has('ex') || !('IntersectionObserver' in window)) return start();
  io = new IntersectionObserver((entries) => entries.some((x) => x.isIntersecting) && start(), { rootMargin: NEAR });
  for (const block of blocks) io.observe(block);
}
