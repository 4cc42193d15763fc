import { exercisesEn, type ExerciseWords } from './exercises.en';
import { exercisesZh } from './exercises.zh';

export type ExerciseLang = 'en' | 'zh';

const WORDS: Readonly<Record<ExerciseLang, ExerciseWords>> = { en: exercisesEn, zh: exercisesZh };

/** The exercises' words in a language (for the build; a browser script imports only its own). */
export function exerciseWords(lang: ExerciseLang = 'en'): ExerciseWords {
  return WORDS[lang];
}
