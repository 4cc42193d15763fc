/**
 * Exercises in a language: the numbers and keys of exerciseData (src/lib/exercises.ts) with the
 * words of src/i18n/exercises.<lang>.ts. The same function serves the build, the browser and the
 * printable sheets, so a set reads the same everywhere.
 */
import { exerciseData, type Exercise, type ExerciseChapter, type ExerciseVars } from '../../lib/exercises';
import type { Verdict } from '../../lib/answers';
import { exercisesEn, type ComputeWords, type ExerciseWords, type MisconceptionWords, type PredictWords, type Text } from '../../i18n/exercises.en';

const say = (text: Text, v: ExerciseVars): string => (typeof text === 'function' ? text(v) : text);

/** Throws when the words lack an exercise or a slip that the data names (a test catches it first). */
function missing(what: string): never {
  throw new Error(`exercise words: no entry for ${what}`);
}

/**
 * The exercises of a chapter for a seed, in the language of `words` (exerciseWords(lang) from
 * src/i18n/exercises.ts; English by default, so a page bundles only the words it shows). The same
 * seed always gives the same numbers.
 */
export function exercisesFor(chapter: ExerciseChapter, seed: number, words: ExerciseWords = exercisesEn): Exercise[] {
  const set: Readonly<Record<string, ComputeWords | PredictWords | MisconceptionWords>> = words.sets[chapter];
  return exerciseData(chapter, seed).map((d): Exercise => {
    const w = set[d.id] ?? missing(`${chapter}/${d.id}`);
    const v = d.vars;
    if (d.kind === 'compute') {
      const c = w as ComputeWords;
      return {
        id: d.id,
        kind: 'compute',
        title: c.title,
        prompt: say(c.prompt, v),
        answer: d.answer,
        tolerance: d.tolerance,
        unit: c.unit,
        slips: d.slips.map((s) => ({ value: s.value, feedback: say(c.slips[s.key] ?? missing(`${chapter}/${d.id} slip ${s.key}`), v) })),
        solution: c.solution ? c.solution(v) : d.solution,
      };
    }
    if (d.kind === 'predict') {
      const p = w as PredictWords;
      return { id: d.id, kind: 'predict', title: p.title, prompt: say(p.prompt, v), choices: p.choices, correct: d.correct, explanation: say(p.explanation, v), figure: d.figure };
    }
    const m = w as MisconceptionWords;
    return {
      id: d.id,
      kind: 'misconception',
      title: m.title,
      prompt: say(m.prompt, v),
      choices: m.choices.map((c, i) => ({ text: say(c.text, v), correct: i === d.correct, why: say(c.why, v) })),
    };
  });
}

/** A verdict with its words: a matched slip keeps its own; a general note gets the language's. */
export function verdictWithWords(verdict: Verdict, words: ExerciseWords = exercisesEn): Verdict {
  if (verdict.feedback || !verdict.note) return verdict;
  return { ...verdict, feedback: words.verdict[verdict.note] };
}
