/**
 * A translated page keeps its English twin's heading ids, so that a link to a section
 * (/depthwise-separable/#check-yourself), the language switch and the table of contents land on the
 * same section in either edition. For a file under content/<collection>/<lang>/ with a twin of the
 * same name under content/<collection>/en/, the n-th heading gets the English n-th heading's id
 * (slugged as Astro slugs it); the two must have the same headings at the same levels, or the
 * build stops and says where they differ.
 */
import { existsSync, readFileSync } from 'node:fs';
import GithubSlugger from 'github-slugger';

const TWIN = /^(.*[\\/]content[\\/][a-z]+[\\/])([a-z]{2})([\\/][^\\/]+\.mdx?)$/;

/** The English file's headings, in order: level and id. */
export function englishHeadings(source) {
  const slugger = new GithubSlugger();
  const out = [];
  let fenced = false;
  for (const line of source.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    const m = !fenced && /^(#{1,6})\s+(.+?)\s*#*\s*$/.exec(line);
    if (!m) continue;
    const text = m[2]
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/[*_`]/g, '')
      .trim();
    out.push({ depth: m[1].length, id: slugger.slug(text) });
  }
  return out;
}

const HEADING = /^h([1-6])$/;

function headingsOf(tree) {
  const found = [];
  const walk = (node) => {
    if (node.type === 'element' && HEADING.test(node.tagName)) found.push(node);
    for (const child of node.children ?? []) walk(child);
  };
  walk(tree);
  return found;
}

export default function rehypeTwinIds() {
  return (tree, file) => {
    const path = file.path ?? file.history?.[0] ?? '';
    const m = TWIN.exec(path);
    if (!m || m[2] === 'en') return;
    const twin = `${m[1]}en${m[3]}`;
    if (!existsSync(twin)) return;
    const english = englishHeadings(readFileSync(twin, 'utf8'));
    const mine = headingsOf(tree);
    const levels = (list) => list.map((h) => ('depth' in h ? h.depth : Number(HEADING.exec(h.tagName)[1]))).join(',');
    if (levels(english) !== levels(mine)) {
      throw new Error(`${path}: its headings (levels ${levels(mine)}) do not match its English twin's (levels ${levels(english)}); translate every heading, at the same level, in the same order`);
    }
    mine.forEach((h, i) => {
      h.properties = { ...h.properties, id: english[i].id };
    });
  };
}
