/**
 * Browser side of "Check yourself": the set comes from the shared store (?ex=…), every action
 * updates the state and the view is patched from it. Progress is kept in localStorage only.
 */
import { subscribeKeys } from 'nanostores';
import { params, setParam } from '../figure-kit/store';
import { element, h, patch } from '../figure-kit/svg';
import { FIGURES } from '../figure-kit/registry';
import { figureValues } from './figure-values';
import { exercisesView, isDone, type ExerciseProgress, type ExercisesState } from './view';
import { checkAnswer } from '../../lib/answers';
import { isExerciseChapter, type Exercise } from '../../lib/exercises';
import { exercisesFor, verdictWithWords } from './localize';
import { pageLang } from '../../i18n/page-lang';
import { loadWords, wordsReady } from '../../i18n/figures.load';
import { WordsNotRegistered } from '../../i18n/registry';
import { pageExerciseText } from './words';
import type { ExerciseWords } from '../../i18n/exercises.en';
import type { UiText } from '../../i18n';
import { importAfresh } from '../../lib/lazy';

const KEY = 'separable-exercises';

type Stored = Record<string, Record<string, string[]>>;

function readStore(): Stored {
  try {
    const raw = JSON.parse(localStorage.getItem(KEY) ?? '{}') as unknown;
    return raw && typeof raw === 'object' ? (raw as Stored) : {};
  } catch {
    return {};
  }
}

function writeStore(data: Stored): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(data));
  } catch {
    // Storage may be refused (private browsing): progress then lasts for this visit only.
  }
}

/** KaTeX with the site's trimming of its markup, fetched the first time math is shown. */
let katexLoad:
  | Promise<{ typeset: (tex: string, displayMode: boolean) => string; untilDrawable: (...markups: string[]) => Promise<void> | undefined }>
  | undefined;

/**
 * The TeX each math node shows now. The build typeset every node (data-typeset); patching drops
 * that attribute, so it is read once before the first patch and kept here: math the build drew
 * is not typeset again, and KaTeX is fetched only for TeX that changed.
 */
const shown = new WeakMap<Element, string>();

function rememberTypeset(root: Element): void {
  for (const el of root.querySelectorAll<HTMLElement>('.ex-tex[data-typeset]')) shown.set(el, el.dataset.typeset ?? '');
}

/** Typeset every math node whose TeX changed since it was last typeset. */
function typesetAll(root: Element): void {
  const pending = [...root.querySelectorAll<HTMLElement>('.ex-tex')].filter((el) => shown.get(el) !== el.dataset.tex && !el.closest('[hidden]'));
  if (pending.length === 0) return;
  katexLoad ??= Promise.all([importAfresh(() => import('katex')), importAfresh(() => import('../../lib/katex-markup')), importAfresh(() => import('../figure-kit/katex-sheets'))]).then(([k, m, sheets]) => ({
    typeset: (tex, displayMode) => m.lighterKatex(k.default.renderToString(tex, { displayMode, throwOnError: false })),
    untilDrawable: sheets.untilDrawable,
  }));
  katexLoad.then(
    async ({ typeset, untilDrawable }) => {
      const markups = pending.map((el) => [el, el.dataset.tex ?? '', typeset(el.dataset.tex ?? '', el.dataset.display === 'true')] as const);
      // Math with a KaTeX rule or character the page's own math lacks waits for KaTeX's whole sheets.
      await untilDrawable(...markups.map(([, , markup]) => markup));
      for (const [el, tex, markup] of markups) {
        if (el.dataset.tex !== tex) continue;
        el.innerHTML = markup;
        shown.set(el, tex);
      }
    },
    () => {
      // Offline: the math stays as its TeX source until the next try.
      katexLoad = undefined;
      for (const el of pending) el.textContent = el.dataset.tex ?? '';
    },
  );
}

/** Answers typed and choices picked in the page before this code ran, per exercise id. */
function answeredBefore(root: Element): Record<string, ExerciseProgress> {
  const out: Record<string, ExerciseProgress> = {};
  for (const item of root.querySelectorAll<HTMLElement>('[data-id]')) {
    const text = item.querySelector<HTMLInputElement>('[data-role=answer]')?.value;
    const picked = item.querySelector<HTMLInputElement>('[data-role=choice]:checked');
    const p: ExerciseProgress = { ...(text ? { text } : {}), ...(picked ? { choice: Number(picked.value) } : {}) };
    if (Object.keys(p).length > 0) out[item.dataset.id ?? ''] = p;
  }
  return out;
}

class SepExercises extends HTMLElement {
  private state?: ExercisesState;

  connectedCallback(): void {
    const chapter = this.dataset.chapter ?? '';
    if (!isExerciseChapter(chapter)) return;
    rememberTypeset(this);
    const solvedFor = (seed: number): Set<string> => new Set(readStore()[chapter]?.[String(seed)] ?? []);
    subscribeKeys(params, ['ex'], (v) => {
      if (this.state?.seed === v.ex) return;
      // This code arrives after the page (when the block comes near, or at a first touch): what
      // the reader already typed or picked in the build's form is kept.
      const progress = this.state ? {} : answeredBefore(this);
      this.state = { chapter, lang: pageLang(), seed: v.ex, exercises: exercisesFor(chapter, v.ex, words), progress, solved: solvedFor(v.ex) };
      this.render();
    });
    this.addEventListener('submit', (e) => {
      const form = (e.target as HTMLElement).closest('form');
      const item = form?.closest<HTMLElement>('[data-id]');
      if (!form || !item) return;
      e.preventDefault();
      const input = form.querySelector<HTMLInputElement>('[data-role=answer]');
      this.act(item.dataset.id ?? '', (ex, p) => {
        if (ex.kind !== 'compute') return p;
        const text = input?.value ?? '';
        return { ...p, text, verdict: verdictWithWords(checkAnswer(text, ex.answer, ex.tolerance, ex.slips, words.answerUnits), words) };
      });
    });
    this.addEventListener('change', (e) => {
      const radio = e.target as HTMLInputElement;
      if (radio.dataset.role !== 'choice') return;
      const item = radio.closest<HTMLElement>('[data-id]');
      this.act(item?.dataset.id ?? '', (_ex, p) => ({ ...p, choice: Number(radio.value), checked: false, hint: undefined }));
    });
    this.addEventListener('click', (e) => {
      const button = (e.target as HTMLElement).closest<HTMLButtonElement>('button[data-role]');
      if (!button) return;
      const role = button.dataset.role;
      if (role === 'new') return void setParam('ex', (this.state?.seed ?? 1) + 1);
      if (role === 'clear') return this.clear();
      const id = button.closest<HTMLElement>('[data-id]')?.dataset.id ?? '';
      this.act(id, (_ex, p) => {
        if (role === 'solution') return { ...p, solution: !p.solution };
        if (role === 'lock') return p.choice === undefined ? { ...p, hint: t.pickFirst } : { ...p, locked: true, hint: undefined };
        if (role === 'reveal') return { ...p, revealed: true };
        if (role === 'check-choice') return p.choice === undefined ? { ...p, hint: t.pickFirst } : { ...p, checked: true, hint: undefined };
        return p;
      });
      // Keep the keyboard where it was: the lock button becomes the reveal button.
      if (role === 'lock' || role === 'reveal') this.querySelector<HTMLElement>(`[data-id="${CSS.escape(id)}"] [data-role=reveal], [data-id="${CSS.escape(id)}"] [data-role=feedback]`)?.focus?.();
    });
    this.dataset.ready = '';
  }

  /** Apply one reader action to one exercise, remember a solved one, redraw. */
  private act(id: string, change: (e: Exercise, p: ExerciseProgress) => ExerciseProgress): void {
    const s = this.state;
    const ex = s?.exercises.find((x) => x.id === id);
    if (!s || !ex) return;
    const next = change(ex, s.progress[id] ?? {});
    this.state = { ...s, progress: { ...s.progress, [id]: next } };
    if (isDone(ex, next, new Set())) {
      const data = readStore();
      const forChapter = (data[s.chapter] ??= {});
      const ids = new Set(forChapter[String(s.seed)] ?? []);
      ids.add(id);
      forChapter[String(s.seed)] = [...ids];
      writeStore(data);
    }
    this.render();
  }

  private clear(): void {
    const s = this.state;
    if (!s) return;
    const data = readStore();
    delete data[s.chapter];
    writeStore(data);
    this.state = { ...s, progress: {}, solved: new Set() };
    this.render();
  }

  private render(): void {
    const s = this.state;
    const body = this.querySelector('.ex-body');
    if (!s || !body) return;
    patch(body, exercisesView(s, t));
    typesetAll(body);
    void this.drawFigures();
  }

  /** Draw each predict exercise's figure in its current state (before, or after the reveal). */
  private async drawFigures(): Promise<void> {
    const s = this.state;
    if (!s) return;
    for (const box of this.querySelectorAll<HTMLElement>('.ex-figure')) {
      const ex = s.exercises.find((x) => x.id === box.dataset.for);
      if (!ex || ex.kind !== 'predict') continue;
      const key = `${s.seed}:${ex.figure.id}:${box.dataset.state}:${box.clientWidth}`;
      if (box.dataset.drawn === key) continue;
      const load = FIGURES[ex.figure.id];
      if (!load) continue;
      try {
        const def = await load();
        const values = figureValues(box.dataset.state === 'after' ? ex.figure.after : ex.figure.before);
        const view = def.render(values, { uid: `ex-${s.chapter}-${ex.id}`, width: Math.max(200, box.clientWidth), context: 'page', lang: pageLang() });
        let svg = box.querySelector('svg');
        if (!svg) svg = box.appendChild(element(h('svg')) as SVGSVGElement);
        patch(svg, view.svg);
        box.dataset.drawn = key;
      } catch (e) {
        // The figure's code could not be fetched (offline): the build's picture stays. Its drawing
        // needed words of the page's edition not fetched yet (a parameter's choice): they are
        // fetched, and the figures drawn again once they are here.
        if (e instanceof WordsNotRegistered && !wordsReady(e.lang, e.area)) void loadWords(e.lang, e.area).then(() => this.drawFigures(), () => undefined);
      }
    }
  }
}

/** The page's words, fetched first (Chinese pages only): the blocks start once they are here. */
let words: ExerciseWords;
let t: UiText['exercises'];
export const ready: Promise<void> = pageExerciseText().then((w) => {
  words = w.words;
  t = w.t;
  customElements.define('sep-exercises', SepExercises);
});
