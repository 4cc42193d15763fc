/**
 * Words for the browser: English is in the bundle (each figure's code carries its own), but for
 * the figure kit's, which only a reader's action needs. A Chinese page fetches each figure's own
 * words with the figure (loadFigureWords), and the figure kit's, the parameters' and the cost
 * model's words each when something first reads them (loadWords): the share menu, a lit term, a
 * parameter message, a refusal. Words are registered before anything reads them, so an English
 * page ships no Chinese strings and a Chinese page only those it uses. Callers wait for these
 * before a figure's first redraw, the export menu and the parameter messages; a figure whose
 * drawing asks for an area not yet here fetches it and draws again (WordsNotRegistered). A failed
 * fetch is not kept: the next call tries again.
 */
import type { Lang } from './index';
import { registerFigureWords, type FigureStrings } from './figures';
import type { WordArea } from './registry';
import { importAfresh } from '../lib/lazy';

export type { WordArea };

/** Where a language's words are: the loaders of its figures' words and of each area's. */
interface Edition {
  /** figures/<id>.<lang>.ts → its loader (each module exports one figure's words). */
  readonly FIGURE_WORDS: Readonly<Record<string, () => Promise<Record<string, unknown>>>>;
  /** An area → the module that registers its words. */
  readonly AREA_WORDS: Readonly<Record<WordArea, () => Promise<unknown>>>;
}
const EDITIONS: Readonly<Record<Exclude<Lang, 'en'>, () => Promise<Edition>>> = {
  zh: () => importAfresh(() => import('./words.zh')),
};
/** The English areas that are not in the bundle (the others are, with the code that reads them). */
const ENGLISH: Partial<Record<WordArea, () => Promise<unknown>>> = {
  kit: () => importAfresh(() => import('./kit.en.register')),
};

const loaded = new Map<string, Promise<void>>();
const ready = new Set<string>();

function once(key: string, load: () => Promise<void>): Promise<void> {
  let p = loaded.get(key);
  if (!p) {
    p = load().then(() => void ready.add(key));
    loaded.set(key, p);
    p.catch(() => loaded.delete(key));
  }
  return p;
}

/** Whether a language's words of an area are registered (English ones in the bundle always are). */
export function wordsReady(lang: Lang, area: WordArea): boolean {
  return ready.has(`${lang}/${area}`) || (lang === 'en' && !ENGLISH[area]);
}

/** Resolves once a language's words of an area are registered (English ones in the bundle: at once). */
export function loadWords(lang: Lang, area: WordArea): Promise<void> {
  const english = lang === 'en' ? ENGLISH[area] : undefined;
  if (lang === 'en' && !english) return Promise.resolve();
  return once(`${lang}/${area}`, async () => {
    await (english ?? (await EDITIONS[lang as Exclude<Lang, 'en'>]()).AREA_WORDS[area])();
  });
}

/** 'cost-bars' → 'costBars': a figure's id as the key of its words. */
const keyOf = (id: string): keyof FigureStrings => id.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase()) as keyof FigureStrings;

/** Resolves once one figure's words in a language are registered (English: at once). */
export function loadFigureWords(lang: Lang, id: string): Promise<void> {
  if (lang === 'en') return Promise.resolve();
  return once(`${lang}:${id}`, async () => {
    const load = (await EDITIONS[lang]()).FIGURE_WORDS[`./figures/${id}.${lang}.ts`];
    if (!load) throw new Error(`No figure words for "${lang}" (${id}) exist.`);
    const words = Object.values(await importAfresh(load))[0];
    registerFigureWords(lang, keyOf(id), words as FigureStrings[keyof FigureStrings]);
  });
}
