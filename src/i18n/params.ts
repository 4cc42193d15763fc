/**
 * The parameters' words in each edition (pure: no DOM; src/lib may import it), and the sentences
 * that explain a value a reader or a link gave which could not be used as it stood. English is
 * built in; another edition's words are registered by the module that loads them (see figures.load.ts).
 * The schema itself (src/lib/params.ts) carries no words, so a page that only reads its query
 * loads none of these.
 */
import type { Lang } from './index';
import { paramsEn, type ParamStrings } from './params.en';
import { editionRegistry } from './registry';
import { PARAMS, type ParamIssue } from '../lib/params';

const PARAMS_TEXT = editionRegistry<ParamStrings>('params', 'parameter', { en: paramsEn });

/** Make a language's parameter words available to paramText(). */
export const registerParamText = PARAMS_TEXT.register;

/** The parameters' names, units, choices and messages in a language (throws when never registered). */
export function paramText(lang: Lang): ParamStrings {
  return PARAMS_TEXT.get(lang);
}

/**
 * A limit or a value used, with thousands separators as the reader reads numbers: 1000000 →
 * "1,000,000", 0.05 → "0.05" (formatInt would round the decimals away).
 */
const readable = (x: number): string => x.toLocaleString('en');

/** A plain-text sentence for the reader explaining an issue, in the page's language. */
export function describeIssue(issue: ParamIssue, lang: Lang = 'en'): string {
  const T = paramText(lang);
  const p = PARAMS[issue.name];
  const what = T.what(T.label[issue.name], issue.name);
  const range = T.range(readable(p.min), readable(p.max));
  const used = readable(issue.used);
  switch (issue.reason) {
    case 'empty':
      return T.issue.empty(what, used);
    case 'not-a-number':
      return T.issue.notANumber(what, range, issue.given, used);
    case 'out-of-range':
      return T.issue.outOfRange(what, range, issue.given, used);
    case 'off-step':
      return p.step === 1 ? T.issue.notWhole(what, issue.given, used) : T.issue.offStep(what, String(p.step), issue.given, used);
    case 'repeated':
      return T.issue.repeated(what, used);
    case 'not-a-divisor': {
      const of = p.divides ?? issue.name;
      return T.issue.notADivisor(what, T.what(T.label[of], of), issue.given, used);
    }
  }
}
