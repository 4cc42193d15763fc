/**
 * Words for the browser: English is in the bundle (each figure's code carries its own). A Chinese
 * page fetches the figure kit's, the parameters' and the cost model's words once
 * (loadFigureLanguage), and each figure's own words with the figure (loadFigureWords); both are
 * registered before anything reads them, so an English page ships no Chinese strings and a Chinese
 * page only those of the figures it shows. Callers wait for these before a figure's first redraw,
 * the export menu and the parameter messages. A failed fetch is not kept: the next call tries again.
 */
import type { Lang } from './index';
import { registerFigureWords, type FigureStrings } from './figures';

/** A language's kit, parameter and cost-model words, and the loaders of its figures' words. */
interface Edition {
  /** figures/<id>.<lang>.ts → its loader (each module exports one figure's words). */
  readonly FIGURE_WORDS: Readonly<Record<string, () => Promise<Record<string, unknown>>>>;
}
const EDITIONS: Readonly<Record<Exclude<Lang, 'en'>, () => Promise<Edition>>> = {
  zh: () => import('./kit.zh.register'),
};

const loaded = new Map<string, Promise<void>>();
const ready = new Set<string>(['en']);

function once(key: string, load: () => Promise<void>): Promise<void> {
  let p = loaded.get(key);
  if (!p) {
    p = load().then(() => void ready.add(key));
    loaded.set(key, p);
    p.catch(() => loaded.delete(key));
  }
  return p;
}

/** Whether a language's kit, parameter and cost-model words are registered (English always is). */
export function figureLanguageReady(lang: Lang): boolean {
  return ready.has(lang);
}

/** Resolves once a language's kit, parameter and cost-model words are registered. */
export function loadFigureLanguage(lang: Lang): Promise<void> {
  if (lang === 'en') return Promise.resolve();
  return once(lang, () => EDITIONS[lang]().then(() => undefined));
}

/** 'cost-bars' → 'costBars': a figure's id as the key of its words. */
const keyOf = (id: string): keyof FigureStrings => id.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase()) as keyof FigureStrings;

/** Resolves once one figure's words in a language are registered (English: at once). */
export function loadFigureWords(lang: Lang, id: string): Promise<void> {
  if (lang === 'en') return Promise.resolve();
  return once(`${lang}:${id}`, async () => {
    const load = (await EDITIONS[lang]()).FIGURE_WORDS[`./figures/${id}.${lang}.ts`];
    if (!load) throw new Error(`No ${lang} words for the figure "${id}".`);
    const words = Object.values(await load())[0];
    registerFigureWords(lang, keyOf(id), words as FigureStrings[keyof FigureStrings]);
  });
}
