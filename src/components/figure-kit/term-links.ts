/**
 * Formula ↔ figure linking, for every figure whose formula marks terms (browser only).
 *
 * A figure's TeX wraps the parts that count something in \htmlData{term=<name>}{…} (the TeX
 * builders in src/lib/tex.ts do this with `{ terms: true }`), and its SVG puts the same
 * data-term="<name>" on the marks that draw them (a bar, a matrix, a grid). Then:
 *
 *   pointer   hovering a term of the formula, or a mark, lights both up
 *   keyboard  the formula is one tab stop: ← → (Home, End) step through its terms, Escape clears;
 *             focusing a mark in the picture (or a control inside one) lights its term
 *   readers   each lit term is announced in the figure's polite live region, with the text of
 *             the first mark's data-term-label (or the term's name)
 *
 * Everything lit gets `data-lit`; the figure element gets `data-lit-term="<name>"`, so a figure's
 * CSS decides how lit and unlit parts look. Nothing changes for a figure without terms.
 */
import { kitText } from '../../i18n/kit';
import { loadWords, wordsReady } from '../../i18n/figures.load';
import { langAt } from './lang';
import { reportLoadFailure } from './lazy';
import { pageWords } from '../../i18n/page-words';

const ready = new WeakSet<HTMLElement>();

function figureOf(el: EventTarget | null): HTMLElement | null {
  return el instanceof Element ? el.closest<HTMLElement>('sep-figure') : null;
}

function termOf(el: EventTarget | null, fig: HTMLElement): string | null {
  if (!(el instanceof Element)) return null;
  const marked = el.closest<Element>('[data-term]');
  return marked && fig.contains(marked) ? marked.getAttribute('data-term') : null;
}

/** The formula's term names in reading order, each once. */
function formulaTerms(fig: HTMLElement): string[] {
  const names = [...fig.querySelectorAll('[data-role=formula] [data-term]')].map((el) => el.getAttribute('data-term') ?? '');
  return [...new Set(names.filter(Boolean))];
}

function light(fig: HTMLElement, term: string | null, announce: boolean): void {
  if ((fig.dataset.litTerm ?? null) === term) return;
  for (const el of fig.querySelectorAll('[data-lit]')) el.removeAttribute('data-lit');
  if (!term) {
    delete fig.dataset.litTerm;
    return;
  }
  fig.dataset.litTerm = term;
  for (const el of fig.querySelectorAll(`[data-term="${CSS.escape(term)}"]`)) el.setAttribute('data-lit', '');
  if (!announce) return;
  const live = fig.querySelector('[data-role=announce]');
  if (!live) return;
  const label = fig.querySelector(`svg [data-term="${CSS.escape(term)}"][data-term-label]`)?.getAttribute('data-term-label');
  if (label) {
    live.textContent = label;
    return;
  }
  // The term's name is a kit word: a page fetches those the first time it needs one (see `soon`
  // below), and announces the term if it is still lit by then (a failed fetch says so in the note).
  const lang = langAt(fig);
  const say = (): void => {
    if (fig.dataset.litTerm === term) live.textContent = kitText(lang).terms[term] ?? term.replace(/-/g, ' ');
  };
  if (wordsReady(lang, 'kit')) say();
  else loadWords(lang, 'kit').then(say, reportLoadFailure);
}

/** Make the figure's formula keyboard-reachable when it has terms (again after each typeset). */
function prepareFormula(fig: HTMLElement): void {
  const formula = fig.querySelector<HTMLElement>('[data-role=formula]');
  if (!formula) return;
  const has = formula.querySelector('[data-term]') !== null;
  if (has && !formula.hasAttribute('tabindex')) {
    formula.tabIndex = 0;
    formula.setAttribute('role', 'group');
    // The build wrote the label into the page in its language: no kit words to fetch for it.
    formula.setAttribute('aria-label', pageWords().formulaNav);
    formula.dataset.termNav = '';
  } else if (!has && formula.dataset.termNav !== undefined) {
    formula.removeAttribute('tabindex');
    formula.removeAttribute('role');
    formula.removeAttribute('aria-label');
    delete formula.dataset.termNav;
  }
  // A term re-typeset while lit stays lit.
  if (fig.dataset.litTerm) {
    for (const el of fig.querySelectorAll(`[data-term="${CSS.escape(fig.dataset.litTerm)}"]`)) el.setAttribute('data-lit', '');
  }
}

function prepare(fig: HTMLElement): void {
  prepareFormula(fig);
  if (ready.has(fig)) return;
  ready.add(fig);
  // A reader pointing at or tabbing into a figure may light a term next, whose name is a kit word:
  // fetched now, it is here by the time a term is announced.
  const soon = (): void => void loadWords(langAt(fig), 'kit').catch(() => undefined);
  fig.addEventListener('pointerover', soon, { once: true });
  fig.addEventListener('focusin', soon, { once: true });
  fig.addEventListener('pointerover', (e) => {
    const term = termOf(e.target, fig);
    if (term) light(fig, term, false);
  });
  fig.addEventListener('pointerout', (e) => {
    if (termOf(e.target, fig) && termOf(e.relatedTarget, fig) !== fig.dataset.litTerm) light(fig, null, false);
  });
  fig.addEventListener('focusin', (e) => {
    if ((e.target as Element).matches?.('[data-role=formula]')) return;
    light(fig, termOf(e.target, fig), true);
  });
  fig.addEventListener('focusout', (e) => {
    if (!fig.contains(e.relatedTarget as Node | null)) light(fig, null, false);
  });
  fig.addEventListener('keydown', (e) => {
    const formula = (e.target as Element).closest?.('[data-role=formula][data-term-nav]');
    if (!formula) return;
    const terms = formulaTerms(fig);
    if (terms.length === 0) return;
    const at = terms.indexOf(fig.dataset.litTerm ?? '');
    let next: number;
    if (e.key === 'ArrowRight' || e.key === 'ArrowDown') next = (at + 1) % terms.length;
    else if (e.key === 'ArrowLeft' || e.key === 'ArrowUp') next = at <= 0 ? terms.length - 1 : at - 1;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = terms.length - 1;
    else if (e.key === 'Escape') next = -1;
    else return;
    e.preventDefault();
    light(fig, next < 0 ? null : terms[next], true);
  });
}

// Figures announce each redraw (sep:drawn) and KaTeX each typeset (sep:typeset, from the formula).
document.addEventListener(
  'sep:drawn',
  (e) => {
    const fig = figureOf(e.target);
    if (fig) prepare(fig);
  },
  true,
);
document.addEventListener('sep:typeset', (e) => {
  const fig = figureOf(e.target);
  if (fig?.dataset.ready !== undefined) prepare(fig);
});
