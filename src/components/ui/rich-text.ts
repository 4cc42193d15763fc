/**
 * Interface text with a little structure, as tree children (never as markup): `_{…}` becomes a
 * subscript, `^{…}` a superscript, `**…**` strong text, and `{name}` in a template is replaced by
 * the part the caller passes (a number with its data attributes, a span it updates).
 */
import { h, type SvgNode } from '../figure-kit/svg';

type Part = SvgNode | string;

const MARK = /_\{([^}]*)\}|\^\{([^}]*)\}|\*\*([^*]+)\*\*/g;

/** rich('2^{24} and D_{K}') → ['2', <sup>24</sup>, ' and D', <sub>K</sub>]. */
export function rich(text: string, parts: Readonly<Record<string, Part | readonly Part[]>> = {}): Part[] {
  const out: Part[] = [];
  let last = 0;
  for (const m of text.matchAll(MARK)) {
    if (m.index > last) out.push(...fill(text.slice(last, m.index), parts));
    if (m[1] !== undefined) out.push(h('sub', {}, m[1]));
    else if (m[2] !== undefined) out.push(h('sup', {}, m[2]));
    else out.push(h('strong', {}, ...fill(m[3], parts)));
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push(...fill(text.slice(last), parts));
  return out;
}

/** fill('{a} of {b}', { a: x, b: y }) → [x, ' of ', y]; a name not given stays as written. */
export function fill(template: string, parts: Readonly<Record<string, Part | readonly Part[]>>): Part[] {
  const out: Part[] = [];
  let last = 0;
  for (const m of template.matchAll(/\{(\w+)\}/g)) {
    const part = parts[m[1]];
    if (part === undefined) continue;
    if (m.index > last) out.push(template.slice(last, m.index));
    if (Array.isArray(part)) out.push(...(part as Part[]));
    else out.push(part as Part);
    last = m.index + m[0].length;
  }
  if (last < template.length) out.push(template.slice(last));
  return out;
}

/** A template filled with plain text: the same '{name}' places, strings in. */
export function format(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (all, name: string) => (name in values ? String(values[name]) : all));
}
