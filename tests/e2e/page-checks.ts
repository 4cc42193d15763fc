// Every page of the build, in Chromium: loads clean, passes axe in both themes, fits a phone, and
// still reads with JavaScript off; a page whose figures are measured on a laptop (screen-checks.ts)
// is loaded at laptop size and measured on the same load. Four test files share these checks, each
// over part of the routes (English reading pages, Chinese reading pages, decks, and embeds with
// exercise sheets), so that they run side by side.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, baseURL, figuresReady, launch, routes, visit } from './harness';
import { hydrateAllFigures } from './figure-metrics.mjs';
import { figuresOnScreen, holdFigureCode, screenNamed, screensFor } from './screen-checks';

/** Routes the tool files take: decks, embeds and exercise sheets (many, each small). */
export const isToolRoute = (route: string): boolean => /^(\/zh)?\/(lecture|embed|exercises)\//.test(route);
/** Of those, the lecture decks (every slide on one page: the largest of them). */
export const isDeckRoute = (route: string): boolean => /^(\/zh)?\/lecture\//.test(route);

/** Defines the checks of every page for the routes `pick` keeps. */
export function pageChecks(pick: (route: string) => boolean): void {
  let browser: Browser;
  // Two tabs for the whole file, one with JavaScript and one without: each route is a visit in them
  // (these checks store nothing a later page reads), not a new tab each, which is a new renderer.
  let tab: Page;
  let scriptless: Page;
  beforeAll(async () => {
    browser = await launch();
    tab = await (await browser.newContext({ reducedMotion: 'reduce' })).newPage();
    scriptless = await (await browser.newContext({ javaScriptEnabled: false, reducedMotion: 'reduce' })).newPage();
  });
  afterAll(async () => {
    await browser?.close();
  });

  const ROUTES = routes();

  describe('the build', () => {
    it('has the home page, seven chapters and the references page, and this file checks some of them', () => {
      for (const r of ['/', '/standard-convolution/', '/grouped-convolution/', '/depthwise-separable/', '/mobilenet-v1/', '/linear-bottlenecks/', '/mobilenet-v2/', '/xception/', '/references/']) {
        expect(ROUTES).toContain(r);
      }
      expect(ROUTES.filter(pick).length).toBeGreaterThan(0);
    });
  });

  const laptop = screenNamed('laptop');

  describe.each(ROUTES.filter(pick))('page %s', (route) => {
    const onLaptop = screensFor(route).includes(laptop);
    // One page per route: its figures on a laptop where they are measured there, full axe in the
    // light theme, colour contrast again in the dark theme (the only rule a theme can change), then
    // the same page at phone width.
    it(`loads with no console error or foreign request${onLaptop ? ', its figures fit a laptop' : ''}, axe finds nothing in either theme, and it fits a 360 px phone`, async () => {
      const { page, problems, done } = await visit(tab, { colorScheme: 'light', ...(onLaptop ? { viewport: { width: laptop.width, height: laptop.height } } : {}) });
      const release = onLaptop ? await holdFigureCode(page) : undefined;
      await page.goto(baseURL() + route);
      // axe reads the page once every figure has drawn in the browser, not only the build's drafts
      // (the laptop pass draws every figure).
      if (release) await figuresOnScreen(page, route, laptop, release);
      else await hydrateAllFigures(page);
      // A Chinese page has its English twin's colours on the same stylesheet: its contrast is
      // measured there (in both themes); here every other rule.
      const twin = route.startsWith('/zh/');
      expect(await axeViolations(page, undefined, twin ? ['color-contrast'] : []), 'light theme').toEqual([]);
      if (!twin) {
        await page.emulateMedia({ colorScheme: 'dark' });
        // Colours that glide to the dark palette are measured once they have arrived: their
        // transitions (thousands on a chapter, each restyled every frame) are taken to their end at
        // once, then nothing may still be running.
        await page.evaluate(() => {
          getComputedStyle(document.body).color;
          for (const a of document.getAnimations()) if (a instanceof CSSTransition) a.finish();
        });
        await page.waitForFunction(() => document.getAnimations().every((a) => !(a instanceof CSSTransition) || a.playState !== 'running'));
        expect(await axeViolations(page, ['color-contrast']), 'dark theme').toEqual([]);
      }
      await page.setViewportSize({ width: 360, height: 740 });
      await figuresReady(page);
      // The figures already drawn redraw for the new width in a later frame: a busy machine may
      // measure before that, so the page is given the poll's time to settle.
      await expect
        .poll(() => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), { message: 'sideways scroll at 360 px' })
        .toBeLessThanOrEqual(0);
      expect(problems).toEqual([]);
      await done();
      // A chapter draws seven or more figures and axe reads all of them: slow on a shared machine.
    }, 180_000);

    it('shows its text, formulas and figures with JavaScript off', async () => {
      const page = scriptless;
      await page.goto(baseURL() + route);
      const report = await page.evaluate(() => {
        const main = document.querySelector('main');
        const figures = [...document.querySelectorAll('[data-figure]')].map((f) => {
          // Pages carry a wide and a narrow draft of each picture; CSS shows the one that fits.
          const svg = [...f.querySelectorAll('.fig-frame svg')].find((s) => getComputedStyle(s).display !== 'none');
          const box = svg?.getBoundingClientRect();
          return { id: f.getAttribute('data-figure'), shapes: svg ? svg.querySelectorAll('rect, path, circle, line, text, polygon').length : 0, height: box?.height ?? 0 };
        });
        // Hidden on purpose: the draft CSS does not show, and an exercise's worked solution until asked for.
        const draftHidden = (el: Element): boolean => {
          const draft = el.closest('[data-variant]');
          return (draft !== null && getComputedStyle(draft).display === 'none') || el.closest('.ex-solution[hidden]') !== null;
        };
        const katex = [...document.querySelectorAll('.katex')].filter((k) => !draftHidden(k));
        return {
          // A Chinese character counts as a word: Chinese is written without spaces.
          words: ((main?.innerText ?? '').match(/[\u4e00-\u9fff]|[^\s\u4e00-\u9fff]+/g) ?? []).length,
          figures,
          formulas: katex.length,
          formulasVisible: katex.filter((k) => k.getBoundingClientRect().width > 0).length,
          katexErrors: document.querySelectorAll('.katex-error').length,
        };
      });
      expect(report.words).toBeGreaterThan(20);
      for (const f of report.figures) {
        expect(f.shapes, `figure ${f.id} has shapes`).toBeGreaterThan(3);
        expect(f.height, `figure ${f.id} has height`).toBeGreaterThan(50);
      }
      expect(report.formulasVisible).toBe(report.formulas);
      expect(report.katexErrors).toBe(0);
    });
  });
}
