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
import { lighterKatex } from '../../lib/katex-markup';

const unescape = (s: string): string => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** The picture of a predict exercise's figure in one of its two states, as a tree. */
export function predictPicture(e: Extract<Exercise, { kind: 'predict' }>, state: 'before' | 'after', uid: string, width: number, lang: Lang = DEFAULT_LANG): SvgNode | undefined {
  const def = ALL_FIGURES[e.figure.id];
  if (!def) return undefined;
  return def.render(figureValues(e.figure[state]), { uid, width, context: 'page', lang }).svg;
}

/**
 * The exercises as HTML. `hiddenMath: 'later'` leaves the math of solutions the page hides
 * untypeset (its TeX stays on the node): no reader sees a hidden solution before the exercises'
 * code runs, and that code typesets a solution when it is shown, so a chapter does not carry
 * every solution's math in its first load.
 */
export function exerciseMarkup(tree: SvgNode, exercises: readonly Exercise[], uidPrefix: string, lang: Lang = DEFAULT_LANG, hiddenMath: 'typeset' | 'later' = 'typeset'): string {
  let html = toMarkup(tree);
  const hidden = hiddenMath === 'later' ? [...html.matchAll(/<div id="[^"]*" class="ex-solution" hidden>(?:<(div|span) class="ex-tex"[^>]*><\/\1>)*<\/div>/g)].map((m) => [m.index, m.index + m[0].length]) : [];
  html = html.replace(/<(div|span) class="ex-tex" data-tex="([^"]*)"( data-display="true")? data-own-children><\/\1>/g, (all, tag: string, tex: string, display: string | undefined, at: number) => {
    if (hidden.some(([from, to]) => at > from && at < to)) return all;
    const rendered = lighterKatex(katex.renderToString(unescape(tex), { displayMode: Boolean(display), throwOnError: true }));
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
