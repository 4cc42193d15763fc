/**
 * The site's two editions and their addresses. English lives at the root (`/mobilenet-v1/`), each
 * other language under its own prefix with the same slugs (`/zh/mobilenet-v1/`), so a reader's
 * links, parameters and anchors carry over from one edition to the other.
 */
export const LANGS = ['en', 'zh'] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = 'en';

/** The `lang` attribute (BCP 47) each edition's pages carry. */
export const HTML_LANG: Readonly<Record<Lang, string>> = { en: 'en', zh: 'zh-CN' };

export const isLang = (value: unknown): value is Lang => typeof value === 'string' && (LANGS as readonly string[]).includes(value);

/** The edition of a page from its `lang` attribute ("zh-CN" → zh); anything unknown reads as English. */
export function langOfTag(tag: string | null | undefined): Lang {
  const primary = (tag ?? '').toLowerCase().split('-')[0];
  return isLang(primary) ? primary : DEFAULT_LANG;
}

/** The edition an address belongs to, from its first path segment. */
export function langOfPath(path: string): Lang {
  const first = path.split('/')[1] ?? '';
  return isLang(first) && first !== DEFAULT_LANG ? first : DEFAULT_LANG;
}

/** The address without its edition's prefix: '/zh/mobilenet-v1/' → '/mobilenet-v1/'. */
export function withoutLang(path: string): string {
  const lang = langOfPath(path);
  if (lang === DEFAULT_LANG) return path;
  const rest = path.slice(lang.length + 1);
  return rest === '' ? '/' : rest;
}

/**
 * Whether a path is an edition's not-found page (/404.html, or /zh/404/ for the Chinese one): it
 * answers every missing address of its edition, so it has no twin to link to.
 */
export function isNotFoundPath(path: string): boolean {
  return /^(\/zh)?\/404(\.html|\/)?$/.test(path);
}

/**
 * A site path in an edition: localePath('zh', '/mobilenet-v1/') → '/zh/mobilenet-v1/'. A path that
 * already names an edition is moved to the asked one. Query and hash are kept as given.
 */
export function localePath(lang: Lang, path: string): string {
  const cut = path.search(/[?#]/);
  const pathname = cut < 0 ? path : path.slice(0, cut);
  const tail = cut < 0 ? '' : path.slice(cut);
  const bare = withoutLang(pathname.startsWith('/') ? pathname : `/${pathname}`);
  return (lang === DEFAULT_LANG ? bare : `/${lang}${bare}`) + tail;
}
