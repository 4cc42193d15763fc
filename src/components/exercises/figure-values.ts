import { PARAMS, PARAM_NAMES, type ParamName } from '../../lib/params';

/** Every parameter at its schema default, then `given` (a predict exercise's before/after). */
export function figureValues(given: Partial<Record<ParamName, number>>): Record<ParamName, number> {
  return Object.fromEntries(PARAM_NAMES.map((n) => [n, given[n] ?? PARAMS[n].defaultValue])) as Record<ParamName, number>;
}
