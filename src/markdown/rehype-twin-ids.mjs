/**
 * A translated page keeps its English twin's heading ids, so that a link to a section
 * (/depthwise-separable/#check-yourself), the language switch and the table of contents land on the
 * same section in either edition. For a file under content/<collection>/<lang>/ with a twin of the
 * same name under content/<collection>/en/, the n-th heading gets the English n-th heading's id
 * (slugged as Astro slugs it); the two must have the same headings at the same levels, or the
 * build stops and says where they differ.
 *
 * Its links stay in its edition: a site link (/mobilenet-v1/#x) gets the edition's prefix
 * (/zh/mobilenet-v1/#x), and an anchor written as the translated heading's own slug
 * (#源文章-001-的算例) is turned into the English id that heading now carries.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import GithubSlugger from 'github-slugger';

const TWIN = /^(.*[\\/]content[\\/][a-z]+[\\/])([a-z]{2})([\\/][^\\/]+\.mdx?)$/;

/** A markdown file's headings, in order: level and id (its slug). */
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

/** For every translated file of a collection: route → (translated slug → English id). */
function anchorMaps(collectionDir, lang) {
  const maps = new Map();
  const dir = join(collectionDir, lang);
  if (!existsSync(dir)) return maps;
  for (const name of readdirSync(dir).filter((n) => /\.mdx?$/.test(n))) {
    const twin = join(collectionDir, 'en', name);
    if (!existsSync(twin)) continue;
    const source = readFileSync(join(dir, name), 'utf8');
    const slug = /^slug:\s*([a-z0-9-]+)\s*$/m.exec(source)?.[1];
    if (!slug) continue;
    const mine = englishHeadings(source);
    const english = englishHeadings(readFileSync(twin, 'utf8'));
    const map = new Map();
    mine.forEach((h, i) => english[i] && map.set(h.id, english[i].id));
    maps.set(`/${slug}/`, map);
  }
  return maps;
}

/** A site link in the edition `lang`, with a translated heading's slug turned into the English id. */
export function localLink(href, lang, here, maps) {
  if (!href.startsWith('/') && !href.startsWith('#')) return href;
  const hashAt = href.indexOf('#');
  const path = hashAt < 0 ? href : href.slice(0, hashAt);
  let hash = hashAt < 0 ? '' : href.slice(hashAt + 1);
  const target = path === '' ? here : path.replace(/\?.*$/, '');
  const map = maps.get(target);
  if (hash && map) {
    const decoded = decodeURIComponent(hash);
    if (map.has(decoded)) hash = map.get(decoded);
  }
  const prefixed = path === '' || path.startsWith(`/${lang}/`) ? path : `/${lang}${path}`;
  return `${prefixed}${hash ? `#${hash}` : ''}`;
}

export default function rehypeTwinIds() {
  return (tree, file) => {
    const path = file.path ?? file.history?.[0] ?? '';
    const m = TWIN.exec(path);
    if (!m || m[2] === 'en') return;
    const lang = m[2];
    const twin = `${m[1]}en${m[3]}`;
    // Links first: every site link of a translated page stays in its edition.
    const maps = anchorMaps(m[1], lang);
    const here = `/${/^slug:\s*([a-z0-9-]+)\s*$/m.exec(readFileSync(path, 'utf8'))?.[1] ?? ''}/`;
    const walk = (node) => {
      if (node.type === 'element' && node.tagName === 'a' && typeof node.properties?.href === 'string') node.properties.href = localLink(node.properties.href, lang, here, maps);
      for (const child of node.children ?? []) walk(child);
    };
    walk(tree);
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
