// Every page of the build, in Chromium: loads clean, passes axe in both themes, fits a phone, and
// still reads with JavaScript off.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { axeViolations, baseURL, figuresReady, launch, routes, watchedPage } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const ROUTES = routes();

describe('the build', () => {
  it('has the home page, seven chapters and the references page', () => {
    for (const r of ['/', '/standard-convolution/', '/grouped-convolution/', '/depthwise-separable/', '/mobilenet-v1/', '/linear-bottlenecks/', '/mobilenet-v2/', '/xception/', '/references/']) {
      expect(ROUTES).toContain(r);
    }
  });
});

describe.each(ROUTES)('page %s', (route) => {
  it.each(['light', 'dark'] as const)('loads with no console error or foreign request, and axe finds nothing (%s theme)', async (scheme) => {
    const { context, page, problems } = await watchedPage(browser, { colorScheme: scheme });
    await page.goto(baseURL() + route, { waitUntil: 'networkidle' });
    await figuresReady(page);
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('fits a 360 px wide phone without sideways scrolling', async () => {
    const { context, page, problems } = await watchedPage(browser, { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    await page.goto(baseURL() + route, { waitUntil: 'networkidle' });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows its text, formulas and figures with JavaScript off', async () => {
    const { context, page } = await watchedPage(browser, { javaScriptEnabled: false });
    await page.goto(baseURL() + route);
    const report = await page.evaluate(() => {
      const main = document.querySelector('main');
      const figures = [...document.querySelectorAll('[data-figure]')].map((f) => {
        const svg = f.querySelector('svg');
        const box = svg?.getBoundingClientRect();
        return { id: f.getAttribute('data-figure'), shapes: svg ? svg.querySelectorAll('rect, path, circle, line, text, polygon').length : 0, height: box?.height ?? 0 };
      });
      const katex = [...document.querySelectorAll('.katex')];
      return {
        words: (main?.innerText ?? '').split(/\s+/).filter(Boolean).length,
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
    await context.close();
  });
});
