/** Text helpers for figures: symbols with subscripts as SVG text, never a raw underscore. */
import { h, type SvgNode } from './svg';

/**
 * Text with the paper's subscripted symbols set as subscripts: "1/D_K²" → "1/D", a tspan "K"
 * lowered with baseline-shift, "²". The subscript keeps the text's size (labels never go below
 * 12 px). Use inside a <text>.
 */
export function subscripted(text: string): (SvgNode | string)[] {
  const out: (SvgNode | string)[] = [];
  let last = 0;
  for (const m of text.matchAll(/([A-Za-z])_([A-Za-z0-9]+)/g)) {
    const at = m.index ?? 0;
    out.push(text.slice(last, at) + m[1], h('tspan', { class: 'fig-sub', 'baseline-shift': 'sub' }, m[2]));
    last = at + m[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out.filter((p) => p !== '');
}

/**
 * The same for HTML text (live blocks, tables): "D_K = 3" → "D", <sub>K</sub>, " = 3", so a
 * reader never sees the TeX underscore. Only a capital with a capital subscript (D_K, D_F, D_G)
 * is set, so a name from a message (WEBGL_lose_context) stays as written.
 */
export function htmlSubscripted(text: string): (SvgNode | string)[] {
  const out: (SvgNode | string)[] = [];
  let last = 0;
  for (const m of text.matchAll(/\b([A-Z])_([A-Z])\b/g)) {
    const at = m.index ?? 0;
    out.push(text.slice(last, at) + m[1], h('sub', {}, m[2]));
    last = at + m[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out.filter((p) => p !== '');
}


/** CJK ideographs, kana and full-width punctuation: each about 1 em wide. */
const WIDE = /[\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\u3000-\u303f]/;

/**
 * Width of a text in characters of the figures' Latin text (about 0.6 em each): a CJK character,
 * about 1 em wide, counts 2. Figures that size text by character count use this, not .length.
 */
export function textUnits(text: string): number {
  let n = 0;
  for (const c of text) n += WIDE.test(c) ? 2 : 1;
  return n;
}

/**
 * The places a line may break: at spaces (dropped), and before or after a CJK character, which
 * needs no space (full-width punctuation stays with the character before it).
 */
export function breakTokens(text: string): { word: string; space: boolean }[] {
  const out: { word: string; space: boolean }[] = [];
  for (const [i, chunk] of text.split(/\s+/).filter(Boolean).entries()) {
    const parts = chunk.match(/[\u2e80-\u9fff\uf900-\ufaff\u3040-\u30ff][\u3000-\u303f\uff00-\uffef”’）》」]*|[^\u2e80-\u9fff\uf900-\ufaff\u3040-\u30ff]+/g) ?? [chunk];
    parts.forEach((word, j) => out.push({ word, space: i > 0 && j === 0 }));
  }
  return out;
}
