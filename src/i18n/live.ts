/** The live blocks' words by language. */
import type { Lang } from './index';
import { liveEn, type LiveStrings } from './live.en';
import { liveZh } from './live.zh';

export const LIVE: Readonly<Record<Lang, LiveStrings>> = { en: liveEn, zh: liveZh };

