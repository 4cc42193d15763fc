/**
 * Lazily imported code for the page (figure chunks, KaTeX, TensorFlow.js, the export menu): a
 * failed fetch is never kept. The next use tries again after a short backoff, every load may try
 * at once when the browser comes back online, and while a load has failed a small status line
 * tells the reader plainly. Callers always handle the rejection, so none goes uncaught.
 */
import { retryable, type Retryable } from '../../lib/lazy';
import { pageWords } from '../../i18n/page-words';
import { element, h } from './svg';

const loads = new Set<Retryable<unknown>>();
const waiting = new Set<() => void>();

/** The page's status line for failed loads (created on first need, plain text, polite). */
function note(): HTMLElement {
  return document.getElementById('net-status') ?? (document.body.appendChild(element(h('p', { id: 'net-status', class: 'net-status', role: 'status', hidden: true }))) as HTMLElement);
}

/** Tell the reader that part of the page could not be downloaded and will be tried again. */
export function reportLoadFailure(): void {
  const el = note();
  const t = pageWords();
  el.textContent = navigator.onLine === false ? t.offlineNote : t.loadFailedNote;
  el.hidden = false;
}

/** A load got through: the network is back, so the note goes (a load still failing says so again). */
function clearNote(): void {
  const el = document.getElementById('net-status');
  if (el) el.hidden = true;
}

/** `load` on first use, kept once it succeeds, tried again on a later use after a failure. */
export function lazy<T>(load: () => Promise<T>): Retryable<T> {
  const get = retryable(load, { now: () => performance.now() });
  loads.add(get as Retryable<unknown>);
  const wrapped = (() =>
    get().then(
      (v) => {
        clearNote();
        return v;
      },
      (e: unknown) => {
        reportLoadFailure();
        throw e;
      },
    )) as Retryable<T>;
  wrapped.reset = get.reset;
  wrapped.wait = get.wait;
  wrapped.failures = get.failures;
  return wrapped;
}

/**
 * Call `fn` once more, when the browser is back online or when `after`'s backoff has passed,
 * whichever comes first (e.g. a figure that scrolled into view while offline).
 */
export function retryLater(fn: () => void, after?: Retryable<unknown>): void {
  let done = false;
  const once = (): void => {
    if (done) return;
    done = true;
    waiting.delete(once);
    window.clearTimeout(timer);
    fn();
  };
  waiting.add(once);
  const timer = window.setTimeout(once, Math.max(1000, after?.wait() ?? 0));
}

window.addEventListener('online', () => {
  for (const l of loads) l.reset();
  for (const fn of [...waiting]) fn();
});

/** Whether an error means code could not be downloaded (offline, server away), not a bug. */
export function isFetchFailure(e: unknown): boolean {
  if (navigator.onLine === false) return true;
  return e instanceof Error && /dynamically imported module|module script failed|failed to fetch/i.test(e.message);
}

