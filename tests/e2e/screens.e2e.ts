// Every page's figures on a 360 px phone (see screen-checks.ts; the laptop pass is in the page
// checks' load of each page), and every chapter's table of contents within a thumb's reach there.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { baseURL, launch, routes, visit } from './harness';
import { figuresOnScreen, holdFigureCode, screenNamed, screensFor } from './screen-checks';

let browser: Browser;
// One tab for every route (each a visit in it: nothing here stores what a later page reads).
let tab: Page;
beforeAll(async () => {
  browser = await launch();
  tab = await (await browser.newContext({ reducedMotion: 'reduce' })).newPage();
});
afterAll(async () => {
  await browser.close();
});

const phone = screenNamed('phone');
const phoneRoutes = (): string[] => routes().filter((r) => screensFor(r).includes(phone));
/** Chapter routes of both editions: pages with an article.chapter. */
const CHAPTERS = routes().filter((r) => readFileSync(join(inject('distDir'), r, 'index.html'), 'utf8').includes('class="chapter"'));

describe('figures on a phone', () => {
  it('covers the home page and every chapter of both editions', () => {
    const pages = phoneRoutes();
    expect(CHAPTERS.length).toBeGreaterThanOrEqual(14);
    for (const r of ['/', '/zh/', ...CHAPTERS]) expect(pages).toContain(r);
  });

  it.each(phoneRoutes())('%s on a phone: text at least 12 px, no jump when figures hydrate, nothing wider than the screen; a chapter’s contents are 24 px touch targets', async (route) => {
    const { page, problems, done } = await visit(tab, { viewport: { width: phone.width, height: phone.height } });
    const release = await holdFigureCode(page);
    await page.goto(`${baseURL()}${route}`);
    // Every table-of-contents entry is a touch target at least 24 px tall (measured as loaded).
    if (CHAPTERS.includes(route)) {
      const heights = await page.locator('.toc a').evaluateAll((as) => as.map((a) => a.getBoundingClientRect().height));
      expect(heights.length, `${route}: table of contents`).toBeGreaterThan(0);
      for (const h of heights) expect(h, `${route}: table of contents entry`).toBeGreaterThanOrEqual(24);
    }
    await figuresOnScreen(page, route, phone, release);
    expect(problems).toEqual([]);
    await done();
  });
});
