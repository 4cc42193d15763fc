/**
 * The exercises' words for the page the browser shows: English is in the bundle, another
 * edition's words are fetched with the page's first exercise (so an English page ships one
 * language only).
 */
import { pageLang } from '../../i18n/page-lang';
import { exercisesEn, type ExerciseWords } from '../../i18n/exercises.en';

export async function pageExerciseWords(): Promise<ExerciseWords> {
  return pageLang() === 'zh' ? (await import('../../i18n/exercises.zh')).exercisesZh : exercisesEn;
}
