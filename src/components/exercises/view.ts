/**
 * "Check yourself" as a view: view(state) → tree, the same at build time (markup, for the default
 * set) and in the browser (patched in place after every answer). Math and the predict figures are
 * drawn by their own renderers into nodes marked data-own-children, which patch leaves alone.
 */
import { h, type SvgNode } from '../figure-kit/svg';
import type { Verdict } from '../../lib/answers';
import type { Exercise, ExerciseChapter } from '../../lib/exercises';
import type { UiText as UiStrings } from '../../i18n';
import { localePath, type Lang } from '../../lib/locale';

/** What the reader has done to one exercise. */
export interface ExerciseProgress {
  /** compute: the text typed and its verdict. */
  readonly text?: string;
  readonly verdict?: Verdict;
  /** predict and misconception: the choice made. */
  readonly choice?: number;
  /** predict: guess locked, then revealed; misconception: checked. */
  readonly locked?: boolean;
  readonly revealed?: boolean;
  readonly checked?: boolean;
  readonly solution?: boolean;
  /** A message when the reader acted too early (e.g. locked with no choice). */
  readonly hint?: string;
}

export interface ExercisesState {
  readonly chapter: ExerciseChapter;
  /** The page's edition: the printable sheet it links to is in the same one. */
  readonly lang: Lang;
  readonly seed: number;
  readonly exercises: readonly Exercise[];
  readonly progress: Readonly<Record<string, ExerciseProgress>>;
  /** Ids solved in this set on an earlier visit (from the browser's storage). */
  readonly solved: ReadonlySet<string>;
}

/** Whether an exercise counts as done. */
export function isDone(e: Exercise, p: ExerciseProgress | undefined, solved: ReadonlySet<string>): boolean {
  if (solved.has(e.id)) return true;
  if (!p) return false;
  if (e.kind === 'compute') return p.verdict?.status === 'correct';
  if (e.kind === 'predict') return p.revealed === true;
  return p.checked === true && p.choice !== undefined && e.choices[p.choice]?.correct === true;
}

/** A TeX node: typeset by KaTeX at build time and in the browser. */
export function texNode(tex: string, display = true): SvgNode {
  return h(display ? 'div' : 'span', { class: 'ex-tex', 'data-tex': tex, 'data-display': display ? 'true' : undefined, 'data-own-children': true });
}

/** Plain text in which `$…$` spans are TeX (typeset inline). */
export function rich(text: string): (SvgNode | string)[] {
  return text.split('$').map((part, i) => (i % 2 === 1 ? texNode(part, false) : part)).filter((p) => p !== '');
}

function choices(name: string, list: readonly string[], chosen: number | undefined, disabled: boolean, t: UiStrings['exercises']): SvgNode {
  return h(
    'fieldset',
    { class: 'ex-choices' },
    h('legend', { class: 'sr-only' }, t.choose),
    list.map((text, i) =>
      h(
        'label',
        { class: 'ex-choice' },
        h('input', { type: 'radio', name, value: String(i), checked: chosen === i, disabled, 'data-role': 'choice' }),
        h('span', {}, rich(text)),
      ),
    ),
  );
}

function computeView(e: Extract<Exercise, { kind: 'compute' }>, p: ExerciseProgress, uid: string, t: UiStrings['exercises']): SvgNode[] {
  const status = p.verdict?.status;
  return [
    h(
      'form',
      { class: 'ex-answer', 'data-role': 'answer-form', novalidate: true },
      h('label', { for: `${uid}-input` }, t.answer, h('span', { class: 'ex-unit' }, ` (${e.unit}, ${e.tolerance === 'exact' ? t.exact : t.threeFigures})`)),
      h('input', {
        id: `${uid}-input`,
        type: 'text',
        inputmode: 'decimal',
        autocomplete: 'off',
        spellcheck: 'false',
        value: p.text ?? '',
        'aria-invalid': status === 'wrong' || status === 'unreadable' ? 'true' : undefined,
        'aria-describedby': `${uid}-feedback`,
        'data-role': 'answer',
      }),
      h('button', { type: 'submit' }, t.check),
    ),
    h(
      'p',
      { id: `${uid}-feedback`, class: `ex-feedback${status ? ` ex-${status}` : ''}`, role: 'status', 'data-role': 'feedback' },
      status === 'correct' ? t.correct : rich(p.verdict?.feedback ?? ''),
    ),
    h('button', { type: 'button', class: 'ex-link', 'aria-expanded': p.solution ? 'true' : 'false', 'aria-controls': `${uid}-solution`, 'data-role': 'solution' }, p.solution ? t.hideSolution : t.showSolution),
    h('div', { id: `${uid}-solution`, class: 'ex-solution', hidden: !p.solution }, e.solution.map((tex) => texNode(tex))),
  ];
}

function predictView(e: Extract<Exercise, { kind: 'predict' }>, p: ExerciseProgress, uid: string, t: UiStrings['exercises']): SvgNode[] {
  const right = p.choice === e.correct;
  return [
    h('div', { class: 'ex-figure', 'data-for': e.id, 'data-state': p.revealed ? 'after' : 'before', 'data-own-children': true }),
    choices(`${uid}-choice`, e.choices, p.choice, p.locked === true, t),
    h(
      'div',
      { class: 'ex-actions' },
      !p.locked && h('button', { type: 'button', 'data-role': 'lock' }, t.lock),
      p.locked && !p.revealed && h('button', { type: 'button', 'data-role': 'reveal' }, t.reveal),
    ),
    h(
      'p',
      { class: `ex-feedback${p.revealed ? (right ? ' ex-correct' : ' ex-wrong') : ''}`, role: 'status', 'data-role': 'feedback' },
      p.hint ?? (p.revealed ? rich(`${right ? t.rightGuess : t.wrongGuess} ${e.explanation}`) : p.locked ? t.locked : ''),
    ),
  ];
}

function misconceptionView(e: Extract<Exercise, { kind: 'misconception' }>, p: ExerciseProgress, uid: string, t: UiStrings['exercises']): SvgNode[] {
  const chosen = p.choice !== undefined ? e.choices[p.choice] : undefined;
  return [
    choices(`${uid}-choice`, e.choices.map((c) => c.text), p.choice, false, t),
    h('div', { class: 'ex-actions' }, h('button', { type: 'button', 'data-role': 'check-choice' }, t.check)),
    h(
      'p',
      { class: `ex-feedback${p.checked && chosen ? (chosen.correct ? ' ex-correct' : ' ex-wrong') : ''}`, role: 'status', 'data-role': 'feedback' },
      p.hint ?? (p.checked && chosen ? rich(chosen.why) : ''),
    ),
  ];
}

/** The whole "Check yourself" block for a chapter and set. */
export function exercisesView(state: ExercisesState, t: UiStrings['exercises']): SvgNode {
  const done = state.exercises.filter((e) => isDone(e, state.progress[e.id], state.solved)).length;
  return h(
    'div',
    { class: 'ex-body', 'data-seed': state.seed },
    h(
      'div',
      { class: 'ex-bar' },
      h('span', { class: 'ex-set' }, `${t.set} `, h('strong', { 'data-role': 'seed' }, String(state.seed))),
      h('button', { type: 'button', 'data-role': 'new' }, t.newNumbers),
      h('span', { class: 'ex-progress', 'data-role': 'progress' }, t.progress(done, state.exercises.length)),
      h('button', { type: 'button', class: 'ex-link', 'data-role': 'clear' }, t.clearProgress),
      h('a', { href: localePath(state.lang, `/exercises/${state.chapter}/?ex=${state.seed}`), class: 'ex-sheet-link' }, t.printSheet),
    ),
    h(
      'ol',
      { class: 'ex-list' },
      state.exercises.map((e) => {
        const p = state.progress[e.id] ?? {};
        const uid = `ex-${state.chapter}-${e.id}`;
        const finished = isDone(e, p, state.solved);
        return h(
          'li',
          { class: `ex-item${finished ? ' ex-done' : ''}`, 'data-exercise': e.kind, 'data-id': e.id, id: uid },
          h('p', { class: 'ex-kind' }, t.kinds[e.kind], finished ? ' ✓' : ''),
          h('h3', { class: 'ex-title' }, e.title),
          h('p', { class: 'ex-prompt' }, rich(e.prompt)),
          e.kind === 'compute' ? computeView(e, p, uid, t) : e.kind === 'predict' ? predictView(e, p, uid, t) : misconceptionView(e, p, uid, t),
        );
      }),
    ),
  );
}

/** A printable sheet: the questions (and, when asked, the worked solutions on their own pages). */
export function sheetView(chapterTitle: string, chapter: ExerciseChapter, seed: number, exercises: readonly Exercise[], withSolutions: boolean, t: UiStrings['exercises']): SvgNode {
  return h(
    'section',
    { class: 'sheet', 'data-seed': seed, 'data-chapter': chapter },
    h('header', { class: 'sheet-head' }, h('h2', {}, t.sheetTitle(chapterTitle)), h('p', {}, t.sheetSet(seed), ' · ', t.name, ': ______________________')),
    h(
      'ol',
      { class: 'sheet-list' },
      exercises.map((e) =>
        h(
          'li',
          { 'data-exercise': e.kind },
          h('p', { class: 'ex-kind' }, t.kinds[e.kind]),
          h('p', {}, rich(e.prompt)),
          e.kind === 'compute'
            ? h('p', { class: 'sheet-blank' }, `${t.answer} (${e.unit}): ________________`)
            : h('ol', { class: 'sheet-choices', type: 'a' }, (e.kind === 'predict' ? e.choices : e.choices.map((c) => c.text)).map((c) => h('li', {}, rich(c)))),
        ),
      ),
    ),
    withSolutions &&
      h(
        'section',
        { class: 'sheet-solutions' },
        h('h2', {}, `${t.solutions} — ${t.sheetSet(seed)}`),
        h(
          'ol',
          {},
          exercises.map((e) =>
            h(
              'li',
              {},
              h('strong', {}, e.title),
              e.kind === 'compute'
                ? e.solution.map((tex) => texNode(tex))
                : e.kind === 'predict'
                  ? h('p', {}, rich(`${e.choices[e.correct]}. ${e.explanation}`))
                  : h('p', {}, e.choices.filter((c) => c.correct).map((c) => rich(`${c.text} ${c.why}`))),
            ),
          ),
        ),
      ),
  );
}
