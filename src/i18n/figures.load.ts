/**
 * The words of the figures, the figure kit and the parameters for the browser: English is in the
 * bundle, Chinese is fetched only on a Chinese page and registered before anything reads it, so an
 * English page ships no Chinese strings. Callers wait for this before a figure's first redraw, the
 * export menu and the parameter messages.
 */
import type { Lang } from './index';

const LOADERS: Readonly<Record<Exclude<Lang, 'en'>, () => Promise<unknown>>> = {
  zh: () => import('./figures.zh.register'),
};

const loaded = new Map<Lang, Promise<void>>([['en', Promise.resolve()]]);
const ready = new Set<Lang>(['en']);

/** Whether a language's words are registered already (English always is). */
export function figureLanguageReady(lang: Lang): boolean {
  return ready.has(lang);
}

/** Resolves once a language's words are registered; a failed fetch is not kept (the next call tries again). */
export function loadFigureLanguage(lang: Lang): Promise<void> {
  let p = loaded.get(lang);
  if (!p) {
    p = LOADERS[lang as Exclude<Lang, 'en'>]().then(() => void ready.add(lang));
    loaded.set(lang, p);
    p.catch(() => loaded.delete(lang));
  }
  return p;
}
