/**
 * Draws the sheets an address asks for (sheets.ts loads this only when they differ from the
 * build's): the same view as the build, then the math typeset by KaTeX, fetched on first need.
 */
import { element, h } from '../figure-kit/svg';
import { sheetView } from './view';
import { isExerciseChapter } from '../../lib/exercises';
import { lighterKatex } from '../../lib/katex-markup';
import type { SheetRequest } from '../../lib/sheet-query';
import { exercisesFor } from './localize';
import { pageExerciseText } from './words';
import { importAfresh } from '../../lib/lazy';

export async function drawSheets(host: HTMLElement, { seed, count, solutions }: SheetRequest): Promise<void> {
  const chapter = host.dataset.chapter ?? '';
  if (!isExerciseChapter(chapter)) return;
  const { words, t } = await pageExerciseText();
  const sheets = Array.from({ length: count }, (_, i) => sheetView(host.dataset.title ?? chapter, chapter, seed + i, exercisesFor(chapter, seed + i, words), solutions, t));
  host.replaceChildren(...element(h('div', {}, sheets)).childNodes);
  try {
    const [{ default: katex }, { untilDrawable }] = await Promise.all([importAfresh(() => import('katex')), importAfresh(() => import('../figure-kit/katex-sheets'))]);
    const math = [...host.querySelectorAll<HTMLElement>('.ex-tex')].map((el) => [el, lighterKatex(katex.renderToString(el.dataset.tex ?? '', { displayMode: el.dataset.display === 'true', throwOnError: false }))] as const);
    // Math with a KaTeX rule or character the page's own math lacks waits for KaTeX's whole sheets.
    await untilDrawable(...math.map(([, markup]) => markup));
    for (const [el, markup] of math) el.innerHTML = markup;
  } catch {
    // Offline: the math stays as its TeX source.
    for (const el of host.querySelectorAll<HTMLElement>('.ex-tex')) el.textContent = el.dataset.tex ?? '';
  }
  host.dataset.ready = '';
}
