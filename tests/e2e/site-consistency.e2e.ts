// What holds on every page alike: the paper's symbols are never shown as raw TeX, the live blocks'
// buttons look the same, and things move briefly, or not at all for a reader who asks for less.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { baseURL, figuresReady, launch, routes, visit, watchedPage } from './harness';

let browser: Browser;
// One tab for the tests that read pages without counting requests: each is a visit in it (harness.ts).
let tab: Page;
beforeAll(async () => {
  browser = await launch();
  tab = await (await browser.newContext({ reducedMotion: 'reduce' })).newPage();
});
afterAll(async () => {
  await browser?.close();
});

/** A paper symbol written as TeX source: D_K, D_F, D_G (a capital, an underscore, a capital). */
const RAW_SYMBOL = /\b[A-Z]_\{?[A-Z]\b/;
const CHAPTERS = ['/standard-convolution/', '/grouped-convolution/', '/depthwise-separable/', '/mobilenet-v1/', '/linear-bottlenecks/', '/mobilenet-v2/', '/xception/'];

/** The text a reader sees in `selector`s of the page, leaving out the MathML copy of each formula (its TeX source is meant for programs). */
async function shownText(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((sel) => {
    const out: string[] = [];
    for (const root of document.querySelectorAll(sel)) {
      const copy = root.cloneNode(true) as Element;
      for (const hidden of copy.querySelectorAll('.katex-mathml, annotation, script, style, template')) hidden.remove();
      out.push((copy.textContent ?? '').replace(/\s+/g, ' ').trim());
    }
    return out;
  }, selector);
}

describe('the paper’s symbols as readers see them', () => {
  it('no title or meta description of any page writes D_K, D_F or D_G with a raw underscore', () => {
    const dist = inject('distDir');
    const bad: string[] = [];
    for (const route of routes()) {
      const html = readFileSync(join(dist, route, 'index.html'), 'utf8');
      const texts = [...html.matchAll(/<meta[^>]+(?:name|property)="(?:description|og:description|og:title|twitter:description)"[^>]*content="([^"]*)"/g), ...html.matchAll(/<title>([^<]*)<\/title>/g)].map((m) => m[1]);
      for (const t of texts) if (RAW_SYMBOL.test(t)) bad.push(`${route}: ${t}`);
    }
    expect(routes().length).toBeGreaterThan(40);
    expect(bad).toEqual([]);
  });

  it('no chapter list, lecture index, figure caption, live block or printed-numbers table shows one either, in both editions', async () => {
    const { page, problems, done } = await visit(tab);
    const bad: string[] = [];
    for (const prefix of ['', '/zh']) {
      for (const route of ['/', '/lecture/', '/references/', ...CHAPTERS]) {
        await page.goto(`${baseURL()}${prefix}${route}`);
        for (const text of await shownText(page, 'nav, figcaption, .live, main table, main li, .deck-index, main h1, main h2, main h3'))
          if (RAW_SYMBOL.test(text)) bad.push(`${prefix}${route}: …${text.slice(Math.max(0, text.search(RAW_SYMBOL) - 40), text.search(RAW_SYMBOL) + 20)}…`);
      }
    }
    expect(bad).toEqual([]);
    expect(problems).toEqual([]);
    await done();
  });
});

describe('the live blocks', () => {
  it('draw their Run buttons in one style (ConvBench, the V1 model, the bottleneck training)', async () => {
    const { page, problems, done } = await visit(tab);
    const styles: Record<string, string>[] = [];
    for (const [route, block] of [['/depthwise-separable/', 'conv-bench'], ['/mobilenet-v1/', 'v1-model'], ['/linear-bottlenecks/', 'bottleneck-train']]) {
      await page.goto(`${baseURL()}${route}`);
      const run = page.locator(`${block} button[data-role=run]`);
      await run.scrollIntoViewIfNeeded();
      // Read in the same task that sees the button enabled: a second look could find another state.
      const enabledStyle = () =>
        run.evaluate((b: HTMLButtonElement) => {
          if (b.disabled) return null;
          const s = getComputedStyle(b);
          const keep = ['font-family', 'font-size', 'font-weight', 'padding-top', 'padding-left', 'border-top-width', 'border-top-style', 'border-top-left-radius', 'min-height', 'color', 'background-color', 'border-top-color'];
          return Object.fromEntries(keep.map((k) => [k, s.getPropertyValue(k)]));
        });
      let style: Record<string, string> | null = null;
      await expect.poll(async () => (style = await enabledStyle()), { timeout: 15_000 }).not.toBeNull();
      styles.push(style!);
    }
    expect(styles).toHaveLength(3);
    expect(styles[1]).toEqual(styles[0]);
    expect(styles[2]).toEqual(styles[0]);
    expect(problems).toEqual([]);
    await done();
  });
});

describe('motion', () => {
  /** The longest transition or animation (duration + delay, seconds) of any element on the page. */
  const longest = (page: Page): Promise<{ seconds: number; where: string }> =>
    page.evaluate(() => {
      const secs = (v: string): number[] => v.split(',').map((d) => parseFloat(d) * (d.trim().endsWith('ms') ? 0.001 : 1));
      let best = { seconds: 0, where: '' };
      for (const el of document.querySelectorAll('*')) {
        const s = getComputedStyle(el);
        for (const [dur, delay] of [[s.transitionDuration, s.transitionDelay], [s.animationName === 'none' ? '0s' : s.animationDuration, s.animationDelay]]) {
          const d = secs(dur);
          const w = secs(delay);
          const t = Math.max(...d.map((x, i) => x + (w[i % w.length] ?? 0)));
          if (t > best.seconds) best = { seconds: t, where: `${el.tagName.toLowerCase()}.${(el.getAttribute('class') ?? '').split(' ').join('.')}` };
        }
      }
      return best;
    });

  it('no chapter moves anything for longer than 250 ms, and nothing moves for a reader who asks for less motion', async () => {
    for (const reducedMotion of ['no-preference', 'reduce'] as const) {
      const { context, page, problems } = await watchedPage(browser, { reducedMotion });
      let moving = 0;
      for (const route of ['/', ...CHAPTERS]) {
        await page.goto(`${baseURL()}${route}`);
        await page.mouse.wheel(0, 20_000);
        await figuresReady(page);
        const { seconds, where } = await longest(page);
        if (reducedMotion === 'reduce') expect(seconds, `${route} ${where}`).toBeLessThan(0.001);
        else {
          expect(seconds, `${route} ${where}`).toBeLessThanOrEqual(0.25);
          if (seconds > 0) moving++;
        }
      }
      // The figures do move between values when motion is allowed (the home page and most chapters).
      if (reducedMotion === 'no-preference') expect(moving).toBeGreaterThanOrEqual(4);
      expect(problems).toEqual([]);
      await context.close();
    }
  });
});
