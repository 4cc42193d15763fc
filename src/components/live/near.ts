/**
 * A live block's code is fetched when the block comes within a screen or so of the viewport (or
 * at once where the browser cannot tell), not with the page: until then the build's markup shows
 * the cost model's numbers for the page's defaults and its Run button stays disabled. A failed
 * fetch is tried again (back online, or after a backoff).
 */
import { lazy, retryLater } from '../figure-kit/lazy';
import { importAfresh } from '../../lib/lazy';

/** How far below (or above) the viewport a block starts loading, in CSS px. */
const NEAR = '800px 0px';

export function loadWhenNear(tag: string, importer: () => Promise<unknown>): void {
  const blocks = [...document.querySelectorAll(tag)];
  if (blocks.length === 0) return;
  const load = lazy(() => importAfresh(importer));
  const start = (): void => {
    load().catch(() => retryLater(start, load));
  };
  if (!('IntersectionObserver' in window)) return start();
  const io = new IntersectionObserver(
    (entries) => {
      if (!entries.some((e) => e.isIntersecting)) return;
      io.disconnect();
      start();
    },
    { rootMargin: NEAR },
  );
  for (const block of blocks) io.observe(block);
}
