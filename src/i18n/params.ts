/**
 * The parameters' words in each edition (pure: no DOM; src/lib may import it). English is built
 * in; another edition's words are registered by the module that loads them (see figures.ts).
 */
import type { Lang } from './index';
import { paramsEn, type ParamStrings } from './params.en';
import { editionRegistry } from './registry';

const PARAMS_TEXT = editionRegistry<ParamStrings>('parameter', { en: paramsEn });

/** Make a language's parameter words available to paramText(). */
export const registerParamText = PARAMS_TEXT.register;

/** The parameters' names, units, choices and messages in a language (throws when never registered). */
export function paramText(lang: Lang): ParamStrings {
  return PARAMS_TEXT.get(lang);
}
