/** Exercise sheets in the browser: the sets named in the URL, drawn by the same view as the build. */
import { h, patch } from '../figure-kit/svg';
import { sheetView } from './view';
import { coerceParam } from '../../lib/params';
import { isExerciseChapter } from '../../lib/exercises';
import { exercisesFor } from './localize';
import { pageLang, ui } from '../../i18n';
import { pageExerciseWords } from './words';

const t = ui(pageLang()).exercises;

class ExerciseSheets extends HTMLElement {
  connectedCallback(): void {
    void pageExerciseWords().then((words) => this.draw(words));
  }

  private draw(words: Awaited<ReturnType<typeof pageExerciseWords>>): void {
    const chapter = this.dataset.chapter ?? '';
    if (!isExerciseChapter(chapter)) return;
    const q = new URLSearchParams(location.search);
    // The seed goes through the shared schema's rules (whole number, 1 … 999,999).
    const seed = coerceParam('ex', q.get('seed') ?? q.get('ex') ?? '1').value;
    const count = Math.min(60, Math.max(1, Math.floor(Number(q.get('count') ?? '1')) || 1));
    const solutions = q.get('solutions') === '1';
    const sheets = Array.from({ length: count }, (_, i) => sheetView(this.dataset.title ?? chapter, chapter, seed + i, exercisesFor(chapter, seed + i, words), solutions, t));
    const root = document.createElement('div');
    patch(root, h('div', {}, sheets));
    this.replaceChildren(...root.childNodes);
    void import('katex').then(
      (m) => {
        for (const el of this.querySelectorAll<HTMLElement>('.ex-tex')) el.innerHTML = m.default.renderToString(el.dataset.tex ?? '', { displayMode: el.dataset.display === 'true', throwOnError: false });
        this.dataset.ready = '';
      },
      () => {
        for (const el of this.querySelectorAll<HTMLElement>('.ex-tex')) el.textContent = el.dataset.tex ?? '';
        this.dataset.ready = '';
      },
    );
    const print = document.querySelector<HTMLButtonElement>('[data-role=print]');
    if (print) {
      print.hidden = false;
      print.addEventListener('click', () => window.print());
    }
  }
}

customElements.define('exercise-sheets', ExerciseSheets);
