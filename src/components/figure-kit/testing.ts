/** Helpers for figure tests: default parameter values and a search over a figure's SVG tree. */
import { PARAMS, PARAM_NAMES, type ParamName } from '../../lib/params';
import type { SvgNode } from './svg';
import type { FigureContext, FigureFrame } from './types';
import type { Lang } from '../../i18n';

/** Every shared parameter at its schema default. */
export const defaultValues = Object.fromEntries(PARAM_NAMES.map((n) => [n, PARAMS[n].defaultValue])) as Record<ParamName, number>;

/** All nodes of a tree (depth first, document order) for which `pred` holds. */
export function findAll(node: SvgNode | string, pred: (n: SvgNode) => boolean, out: SvgNode[] = []): SvgNode[] {
  if (typeof node === 'string') return out;
  if (pred(node)) out.push(node);
  for (const c of node.children) findAll(c, pred, out);
  return out;
}

/** A page frame for figure tests (the build's wide reference width unless given). */
export function testFrame(width = 680, uid = 't', context: FigureContext = 'page', lang: Lang = 'en'): FigureFrame {
  return { uid, width, context, lang };
}
