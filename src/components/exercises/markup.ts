/**
 * Build-time markup for exercise views: the tree as HTML, with its math typeset by KaTeX and the
 * predict figures drawn by their own render functions, as the browser later does.
 */
import katex from 'katex';
import { ALL_FIGURES } from '../figures/all';
import { figureValues } from './figure-values';
import { toMarkup, type SvgNode } from '../figure-kit/svg';
import { REFERENCE_WIDTH } from '../figure-kit/frame';
import type { Exercise } from '../../lib/exercises';
import { DEFAULT_LANG, type Lang } from '../../lib/locale';

const unescape = (s: string): string => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** The picture of a predict exercise's figure in one of its two states, as a tree. */
export function predictPicture(e: Extract<Exercise, { kind: 'predict' }>, state: 'before' | 'after', uid: string, width: number, lang: Lang = DEFAULT_LANG): SvgNode | undefined {
  const def = ALL_FIGURES[e.figure.id];
  if (!def) return undefined;
  return def.render(figureValues(e.figure[state]), { uid, width, context: 'page', lang }).svg;
}

export function exerciseMarkup(tree: SvgNode, exercises: readonly Exercise[], uidPrefix: string, lang: Lang = DEFAULT_LANG): string {
  let html = toMarkup(tree);
  html = html.replace(/<(div|span) class="ex-tex" data-tex="([^"]*)"( data-display="true")? data-own-children><\/\1>/g, (_all, tag: string, tex: string, display: string | undefined) => {
    const rendered = katex.renderToString(unescape(tex), { displayMode: Boolean(display), throwOnError: true });
    return `<${tag} class="ex-tex" data-tex="${tex}"${display ?? ''} data-own-children data-typeset="${tex}">${rendered}</${tag}>`;
  });
  html = html.replace(/<div class="ex-figure" data-for="([^"]*)" data-state="before" data-own-children><\/div>/g, (all, id: string) => {
    const e = exercises.find((x) => x.id === id);
    if (!e || e.kind !== 'predict') return all;
    const svg = predictPicture(e, 'before', `${uidPrefix}-${e.id}`, REFERENCE_WIDTH.narrow, lang);
    return svg ? `<div class="ex-figure" data-for="${id}" data-state="before" data-own-children>${toMarkup(svg)}</div>` : all;
  });
  return html;
}
