/**
 * The exercises' words for the page the browser shows (the exercises themselves and their
 * interface strings): English is in the bundle, another edition's words are fetched with the
 * page's first exercise, so an English page ships one language only.
 */
import { pageLang } from '../../i18n/page-lang';
import { exercisesEn, type ExerciseWords } from '../../i18n/exercises.en';
import { en } from '../../i18n/en';
import type { UiText } from '../../i18n';
import { importAfresh } from '../../lib/lazy';

export interface PageExerciseText {
  readonly words: ExerciseWords;
  /** The buttons, headings and notes around the exercises. */
  readonly t: UiText['exercises'];
}

export async function pageExerciseText(): Promise<PageExerciseText> {
  if (pageLang() !== 'zh') return { words: exercisesEn, t: en.exercises };
  const [{ exercisesZh }, { zh }] = await Promise.all([importAfresh(() => import('../../i18n/exercises.zh')), importAfresh(() => import('../../i18n/zh'))]);
  return { words: exercisesZh, t: zh.exercises };
}
