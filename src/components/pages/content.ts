/**
 * What the route files of both editions share: which chapters, decks and page words exist in a
 * language. English routes live in src/pages/, the Chinese ones in src/pages/zh/, and each is a
 * few lines that hand its language to a page component here.
 */
import { getCollection, getEntry, type CollectionEntry } from 'astro:content';
import type { Lang } from '../../lib/locale';

export const chaptersIn = (lang: Lang): Promise<CollectionEntry<'chapters'>[]> => getCollection('chapters', (c: CollectionEntry<'chapters'>) => c.data.lang === lang);
export const decksIn = (lang: Lang): Promise<CollectionEntry<'decks'>[]> => getCollection('decks', (d: CollectionEntry<'decks'>) => d.data.lang === lang);

/** The words of a page that is not a chapter, in a language. */
export async function pageWords(lang: Lang, page: CollectionEntry<'pages'>['data']['page']): Promise<CollectionEntry<'pages'>> {
  const entry = await getEntry('pages', `${lang}/${page}`);
  if (!entry) throw new Error(`content/pages/${lang}/${page}.mdx is missing`);
  return entry;
}

export async function chapterPaths(lang: Lang) {
  return (await chaptersIn(lang)).map((entry) => ({ params: { slug: entry.data.slug }, props: { entry } }));
}

export async function deckPaths(lang: Lang) {
  return (await decksIn(lang)).map((entry) => ({ params: { deck: entry.data.slug }, props: { entry } }));
}
