/** The lecture player's words by language. */
import type { Lang } from './index';
import { lectureEn, type LectureStrings } from './lecture.en';
import { lectureZh } from './lecture.zh';

export const LECTURE: Readonly<Record<Lang, LectureStrings>> = { en: lectureEn, zh: lectureZh };
