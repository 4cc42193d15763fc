// Every figure laid out for the screen it is on: text at least 12 px on a 360 px phone and at most
// about body size on a laptop, controls and picture together on a laptop. (Figures on lecture
// slides are measured on every slide by lecture.e2e.ts: 16 px at 1280×720, 24 px at 1920×1080.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { baseURL, figuresReady, launch, routes, watchedPage } from './harness';
import { PAGE_SCREENS, hydrateAllFigures, measureFigures } from './figure-metrics.mjs';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser.close();
});

const FIT_WHOLE = ['inception-continuum', 'arithmetic-intensity', 'channel-shuffle'];
// Both editions' pages (Chinese labels are laid out by the same code, in other widths).
const pagesWithFigures = (): string[] =>
  routes().filter((r) => {
    const bare = r.replace(/^\/zh\//, '/');
    return !bare.startsWith('/lecture/') && !bare.startsWith('/embed/') && bare !== '/references/' && bare !== '/404/';
  });

describe('figures on a phone and a laptop', () => {
  // (Chinese pages on the phone, where their longer-or-shorter labels have the least room.)
  it.each(pagesWithFigures().flatMap((r) => PAGE_SCREENS.filter((s) => !r.startsWith('/zh/') || s.name === 'phone').map((s) => [r, s.name] as const)))('%s on a %s: text at least 12 px, no jump when figures hydrate, nothing wider than the screen', async (route, screenName) => {
    const screen = PAGE_SCREENS.find((s) => s.name === screenName)!;
    const { page, context, problems } = await watchedPage(browser, { viewport: { width: screen.width, height: screen.height } });
    // The figures in the first screen relay out for their measured width without a visible jump:
    // each is about as tall after its script has laid it out as the build's draft shown by CSS (the
    // same page with the figures' code withheld): the shift that causes scores at most 0.02. (Web fonts arriving move text too; Lighthouse's CLS in
    // `npm run bench -- --lighthouse` covers the page as a whole.)
    const firstScreen = () =>
      [...document.querySelectorAll<HTMLElement>('sep-figure')]
        .filter((f) => f.getBoundingClientRect().top < innerHeight)
        .map((f) => ({ id: f.id, height: f.getBoundingClientRect().height, bottom: f.getBoundingClientRect().bottom }));
    // One load for both: the figures' code is held back until the drafts are measured, then let through.
    let release = (): void => undefined;
    const withheld = new Promise<void>((ok) => (release = ok));
    await page.route('**/_astro/figure.*.js', async (r) => {
      await withheld;
      await r.continue();
    });
    await page.goto(`${baseURL()}${route}`);
    await page.waitForTimeout(300);
    const drafts = await page.evaluate(firstScreen);
    expect(await page.evaluate(() => document.querySelectorAll('sep-figure[data-ready]').length), 'no figure drawn while its code is held back').toBe(0);
    release();
    await figuresReady(page);
    const hydrated = await page.evaluate(firstScreen);
    for (const f of hydrated) {
      const before = drafts.find((d) => d.id === f.id);
      if (!before) continue;
      // What the change costs as layout shift: the content below the figure moves by the change
      // (distance fraction) over the part of the screen it covers (impact fraction), as CLS scores it.
      const moved = Math.abs(f.height - before.height);
      const impact = Math.min(1, Math.max(0, screen.height - Math.min(before.bottom, f.bottom) + moved) / screen.height);
      expect((moved / screen.height) * impact, `${f.id} changes height by ${moved.toFixed(1)} px when it hydrates`).toBeLessThanOrEqual(0.02);
    }
    await hydrateAllFigures(page);
    const figures = await page.evaluate(measureFigures);
    for (const f of figures) {
      expect(f.minText, `${f.anchor}: smallest text "${f.smallestText}"`).toBeGreaterThanOrEqual(screen.minText);
      if (screen.name === 'laptop') {
        expect(f.maxText, `${f.anchor}: largest text on a laptop`).toBeLessThanOrEqual(20);
        // Controls and the numbers they change are on screen together: the figure fits, or its
        // control bar stays in view while the picture scrolls past.
        expect(f.figureHeight <= screen.height || f.stickyControls, `${f.anchor} is ${f.figureHeight} px tall without sticky controls`).toBe(true);
        // The figures drawn for this site alone were laid out to fit a laptop screen whole.
        if (FIT_WHOLE.includes(f.figure)) expect(f.figureHeight, `${f.anchor} with its controls`).toBeLessThanOrEqual(screen.height);
      }
      expect(f.overflowX, `${route} scrolls sideways`).toBeLessThanOrEqual(0);
    }
    expect(problems).toEqual([]);
    await context.close();
  });
});
