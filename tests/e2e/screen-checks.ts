// Every figure laid out for the screen it is on: text at least 12 px on a 360 px phone and at most
// about body size on a laptop, controls and picture together on a laptop, and no jump when the
// figures hydrate. The phone pass is screens.e2e.ts (a page loaded at phone width); the laptop pass
// rides on the page checks' load of the same page (page-checks.ts), so each page loads once for both.
// (Figures on lecture slides are measured on every slide by lecture.e2e.ts: 16 px at 1280×720, 24 px
// at 1920×1080.)
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { figuresReady } from './harness';
import { PAGE_SCREENS, hydrateAllFigures, measureFigures } from './figure-metrics.mjs';

export type Screen = (typeof PAGE_SCREENS)[number];
export const screenNamed = (name: string): Screen => PAGE_SCREENS.find((s) => s.name === name)!;

const FIT_WHOLE = ['inception-continuum', 'arithmetic-intensity', 'channel-shuffle'];

/** Pages with figures of both editions: every page but the decks, embeds, references and 404. */
export const hasScreenFigures = (route: string): boolean => {
  const bare = route.replace(/^\/zh\//, '/');
  return !bare.startsWith('/lecture/') && !bare.startsWith('/embed/') && bare !== '/references/' && bare !== '/404/';
};

/** The screens a page's figures are measured on (Chinese pages on the phone, where their longer-or-shorter labels have the least room). */
export const screensFor = (route: string): Screen[] => (hasScreenFigures(route) ? PAGE_SCREENS.filter((s) => !route.startsWith('/zh/') || s.name === 'phone') : []);

/**
 * Call before the page loads: holds the figures' code back until `figuresOnScreen` has measured the
 * build's drafts (one load for both the drafts and the hydrated figures).
 */
export async function holdFigureCode(page: Page): Promise<() => void> {
  let release = (): void => undefined;
  const withheld = new Promise<void>((ok) => (release = ok));
  await page.route('**/_astro/figure.*.js', async (r) => {
    await withheld;
    await r.continue();
  });
  return release;
}

/**
 * On a page just loaded at `screen`'s size with its figure code held back: the figures in the first
 * screen relay out for their measured width without a visible jump, then every figure (all hydrated)
 * has legible text, fits, and on a laptop keeps its controls in view.
 */
export async function figuresOnScreen(page: Page, route: string, screen: Screen, release: () => void): Promise<void> {
  // Each figure in the first screen is about as tall after its script has laid it out as the build's
  // draft shown by CSS (the same page with the figures' code withheld): the shift that causes scores
  // at most 0.02. (Web fonts arriving move text too; Lighthouse's CLS in `npm run bench --
  // --lighthouse` covers the page as a whole.)
  const firstScreen = () =>
    [...document.querySelectorAll<HTMLElement>('sep-figure')]
      .filter((f) => f.getBoundingClientRect().top < innerHeight)
      .map((f) => ({ id: f.id, height: f.getBoundingClientRect().height, bottom: f.getBoundingClientRect().bottom }));
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
}
