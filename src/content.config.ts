import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { PARAM_NAMES } from './lib/params';

/** Page defaults: only the shared parameters' names are allowed (a typo fails the build). */
const paramDefaults = z.object(Object.fromEntries(PARAM_NAMES.map((name) => [name, z.number().optional()]))).strict();

/**
 * An entry's id is its path without the extension ("en/01-standard-convolution"), not its slug: the glob
 * loader would otherwise take the frontmatter slug as the id, and an English chapter and its Chinese twin,
 * which share a slug, would replace each other.
 */
const idFromPath = ({ entry }: { entry: string }) => entry.replace(/\.mdx$/, '');

/** Chapters live in content/chapters/<lang>/NN-slug.mdx; the file name gives the route. */
const chapters = defineCollection({
  loader: glob({ pattern: '**/[^_]*.mdx', base: './content/chapters', generateId: idFromPath }),
  schema: z.object({
    /** Title shown in the header, the table of contents and the browser tab. */
    title: z.string(),
    /** Short title for the navigation bar. */
    short: z.string(),
    /** Position in the reading order, 1-based. */
    order: z.number().int().positive(),
    /** Route segment, permanent: lecturers and other sites link to it. */
    slug: z.string().regex(/^[a-z0-9-]+$/),
    /** One-sentence summary for the table of contents and the meta description. */
    description: z.string(),
    /** Language of the file; chapters are translated file by file. */
    lang: z.enum(['en', 'zh']),
    /** Parameter values the chapter's figures start from (URL keys, e.g. { res: 299 }). */
    defaults: paramDefaults.optional(),
  }),
});

/** Lecture decks live in content/decks/<lang>/<slug>.mdx: a sequence of <Slide> elements. */
const decks = defineCollection({
  loader: glob({ pattern: '**/[^_]*.mdx', base: './content/decks', generateId: idFromPath }),
  schema: z.object({
    /** Title on the deck's first screen and in the lecture index. */
    title: z.string(),
    /** Route segment under /lecture/, permanent. */
    slug: z.string().regex(/^[a-z0-9-]+$/),
    /** One sentence for the lecture index. */
    description: z.string(),
    /** Position in the lecture index. */
    order: z.number().int().positive(),
    /** Planned length of the lecture in minutes (the presenter timer's target). */
    minutes: z.number().int().positive(),
    /** Chapter the deck follows, if any (its route). */
    chapter: z.string().optional(),
    lang: z.enum(['en', 'zh']),
  }),
});

/** The words of the pages that are not chapters (home, calculator, references, lectures, not found), per language. */
const pages = defineCollection({
  loader: glob({ pattern: '**/[^_]*.mdx', base: './content/pages' }),
  schema: z.object({
    /** Which page the words are for. */
    page: z.enum(['home', 'calculator', 'references', 'lectures', 'not-found']),
    title: z.string(),
    /** One sentence for the meta description. */
    description: z.string(),
    lang: z.enum(['en', 'zh']),
  }),
});

export const collections = { chapters, decks, pages };
