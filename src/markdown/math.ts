/**
 * Math in chapters, typeset at build time: `math(tex)` for a display formula, `inline(tex)` for
 * one inside a sentence. Chapters import these (one definition for every chapter and edition).
 */
import katex from 'katex';
import { lighterKatex } from '../lib/katex-markup';

/** A display formula as KaTeX HTML; a TeX error fails the build. */
export const math = (tex: string): string => lighterKatex(katex.renderToString(tex, { displayMode: true, throwOnError: true }));

/** An inline formula as KaTeX HTML; a TeX error fails the build. */
export const inline = (tex: string): string => lighterKatex(katex.renderToString(tex, { throwOnError: true }));
