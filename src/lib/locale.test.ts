import { describe, expect, it } from 'vitest';
import { HTML_LANG, LANGS, isLang, isNotFoundPath, langOfPath, langOfTag, localePath, withoutLang } from './locale';

// Addresses are the site's own convention: English at the root, Chinese under /zh/ with the same
// slugs; the expected values are written out by hand from that rule.
describe('locale', () => {
  it('knows the two editions and their html lang tags', () => {
    expect(LANGS).toEqual(['en', 'zh']);
    expect(HTML_LANG).toEqual({ en: 'en', zh: 'zh-CN' });
    expect(isLang('zh')).toBe(true);
    expect(isLang('fr')).toBe(false);
    expect(isLang(undefined)).toBe(false);
  });

  it('reads an edition from a lang attribute, English for anything unknown', () => {
    expect(langOfTag('zh-CN')).toBe('zh');
    expect(langOfTag('ZH')).toBe('zh');
    expect(langOfTag('en-GB')).toBe('en');
    expect(langOfTag('fr')).toBe('en');
    expect(langOfTag(null)).toBe('en');
  });

  it('reads an edition from a path', () => {
    expect(langOfPath('/zh/mobilenet-v1/')).toBe('zh');
    expect(langOfPath('/zh/')).toBe('zh');
    expect(langOfPath('/mobilenet-v1/')).toBe('en');
    expect(langOfPath('/')).toBe('en');
    expect(langOfPath('/zhx/')).toBe('en');
    expect(langOfPath('/en/')).toBe('en');
  });

  it('strips the edition prefix', () => {
    expect(withoutLang('/zh/mobilenet-v1/')).toBe('/mobilenet-v1/');
    expect(withoutLang('/zh/')).toBe('/');
    expect(withoutLang('/zh')).toBe('/');
    expect(withoutLang('/lecture/overview/')).toBe('/lecture/overview/');
  });

  it('moves a path to an edition, keeping query and hash', () => {
    expect(localePath('zh', '/mobilenet-v1/')).toBe('/zh/mobilenet-v1/');
    expect(localePath('zh', '/')).toBe('/zh/');
    expect(localePath('en', '/zh/lecture/overview/')).toBe('/lecture/overview/');
    expect(localePath('zh', '/zh/embed/cost-bars/')).toBe('/zh/embed/cost-bars/');
    expect(localePath('zh', '/depthwise-separable/?k=5&n=128#cost')).toBe('/zh/depthwise-separable/?k=5&n=128#cost');
    expect(localePath('en', '/zh/?k=5#x')).toBe('/?k=5#x');
    expect(localePath('zh', '#slide-3')).toBe('/zh/#slide-3');
  });
});

describe('isNotFoundPath(path)', () => {
  it("names each edition's not-found page (Astro builds /404.html, and /zh/404/ for the Chinese one) and nothing else", () => {
    for (const p of ['/404.html', '/404/', '/404', '/zh/404/', '/zh/404']) expect(isNotFoundPath(p)).toBe(true);
    for (const p of ['/', '/zh/', '/4040/', '/404/x', '/mobilenet-v1/', '/zh/404.htmlx', '/en/404/']) expect(isNotFoundPath(p)).toBe(false);
  });
});
