import { REFERENCES } from '../lib/references';

// Each figure or live block may bring a stylesheet of its own: src/styles/parts/<name>.css.
// The layouts inline them all in one <style> element, each after a marker comment, so adding a part
// needs no edit here; after the build each page keeps only the parts it uses (scripts/part-styles.mjs).
// Stylesheets of one kind of page (lecture decks, the calculator) are imported by that page's own
// component instead, so that their rules (a deck's landscape print pages) stay on those pages.
const parts = import.meta.glob<string>('./parts/*.css', { eager: true, query: '?inline', import: 'default' });

/** Parts that only one layout or component uses; it imports them itself. */
export const PAGE_PARTS = ['lecture', 'calculator'];

export const partStyles: string = Object.keys(parts)
  .filter((k) => !PAGE_PARTS.some((name) => k.endsWith(`/${name}.css`)))
  .sort()
  .map((k) => `/*part:${/([\w-]+)\.css$/.exec(k)?.[1]}*/${parts[k]}`)
  .join('\n');

/**
 * On paper a citation (a link to /references/#key) is followed by its number, the entry's place in
 * the reference list (the References page and the list printed at the end of a chapter).
 */
export const citationPrintStyles: string = `@media print{${REFERENCES.map(
  (r, i) => `a[href="/references/#${r.key}"]::after{content:" [${i + 1}]"}`,
).join('')}}`;
