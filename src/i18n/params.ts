/** The parameters' words in each edition (pure: no DOM; src/lib may import it). */
import type { Lang } from './index';
import { paramsEn, type ParamStrings } from './params.en';
import { paramsZh } from './params.zh';

const PARAMS_TEXT: Record<Lang, ParamStrings> = { en: paramsEn, zh: paramsZh };

/** The parameters' names, units, choices and messages in a language. */
export function paramText(lang: Lang): ParamStrings {
  return PARAMS_TEXT[lang];
}
