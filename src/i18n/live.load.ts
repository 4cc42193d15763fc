/**
 * The live blocks' words for the browser: English is in the bundle, Chinese is fetched only on a
 * Chinese page, so an English page ships no Chinese strings.
 */
import type { Lang } from './index';
import { liveEn, type LiveStrings } from './live.en';
import { importAfresh } from '../lib/lazy';

export async function loadLive(lang: Lang): Promise<LiveStrings> {
  return lang === 'zh' ? (await importAfresh(() => import('./live.zh'))).liveZh : liveEn;
}
