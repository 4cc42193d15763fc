/**
 * Exercise sheets in the browser. The build drew set 1 with its math typeset, so a sheet asked for
 * as built needs nothing here but the print button; another set, several sets or the worked
 * solutions (?seed=7&count=30&solutions=1) fetch the exercises' code, their words and KaTeX, and
 * redraw with the same view as the build.
 */
import { isBuiltSheet, readSheetQuery } from '../../lib/sheet-query';
import { formatInt } from '../../lib/format';
import { reportText } from '../ui/message-box';
import { lazy, retryLater } from '../figure-kit/lazy';
import { importAfresh } from '../../lib/lazy';

const draw = lazy(() => importAfresh(() => import('./sheets-draw')));

class ExerciseSheets extends HTMLElement {
  connectedCallback(): void {
    const { request, problems, query } = readSheetQuery(location.search);
    // The address keeps the values used, and the reader is told what changed (words: data-msg-*, from src/i18n).
    if (query !== location.search.replace(/^\?/, '')) history.replaceState(history.state, '', `${location.pathname}${query ? `?${query}` : ''}${location.hash}`);
    const words = { set: this.dataset.msgSet, count: this.dataset.msgCount, 'past-last': this.dataset.msgPast };
    reportText(...problems.map((p) => (words[p.kind] ?? '').replace('{given}', () => p.given).replace('{used}', () => formatInt(p.used))));
    if (isBuiltSheet(request)) {
      this.dataset.ready = '';
      return;
    }
    const start = (): void => {
      draw()
        .then((m) => m.drawSheets(this, request))
        .catch(() => retryLater(start, draw));
    };
    start();
  }
}

customElements.define('exercise-sheets', ExerciseSheets);

const print = document.querySelector<HTMLButtonElement>('[data-role=print]');
if (print) {
  print.hidden = false;
  print.addEventListener('click', () => window.print());
}
