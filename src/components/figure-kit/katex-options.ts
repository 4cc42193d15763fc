/**
 * KaTeX settings for figure formulas, at build time and in the browser. Formulas may mark the
 * parts that count something with \htmlData{term=name}{…} (src/lib/tex.ts) so the page can link
 * them to the figure (term-links.ts). KaTeX only renders \htmlData when trusted: these settings
 * trust that one command, and only with a `term` key whose value is a plain name; every other
 * HTML extension stays off.
 */
import type { KatexOptions } from 'katex';

interface TrustContext {
  command: string;
  attributes?: Record<string, string>;
}

/** Whether KaTeX may render this HTML extension: \htmlData{term=<name>} and nothing else. */
export function trustTerms(context: TrustContext): boolean {
  if (context.command !== '\\htmlData') return false;
  const entries = Object.entries(context.attributes ?? {});
  return entries.length === 1 && entries[0][0] === 'data-term' && /^[a-z][a-z-]*$/.test(entries[0][1]);
}

/** Options for katex.renderToString of a figure's formula (add displayMode and throwOnError). */
export const FIGURE_KATEX: Pick<KatexOptions, 'trust' | 'strict'> = {
  trust: trustTerms as KatexOptions['trust'],
  // \htmlData is an "HTML extension", which strict mode reports; allow it (it is trusted above
  // only for term names) and keep KaTeX's default warnings for everything else.
  strict: (code: string) => (code === 'htmlExtension' ? 'ignore' : 'warn'),
};
