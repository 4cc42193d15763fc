// Pages that do not move while they load and their scripts start: the browser's own layout-shift
// measure. How much a page moves depends on when the renderer paints its first frames, so this file
// runs with the timed ones, alone on the machine (vitest.e2e.config.ts): with four browsers side by
// side, /embed/cost-bars/ at 412 px once read 0.33 (its first two controls painted 51 and 54 px tall,
// then 40), which no run on a quiet machine, at up to 12x CPU throttling, with fonts, styles or
// scripts held back 1.2 s, or with the page's HTML sent in two parts 0.7 s apart has shown.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { baseURL, launch, watchedPage } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** Total layout shift while a page loads and its scripts start (the browser's own measure), and what moved. */
async function layoutShift(page: Page, url: string): Promise<{ total: number; moved: string[] }> {
  type Shifts = { shift: number; moved: string[] };
  await page.addInitScript(() => {
    const w = window as unknown as Shifts;
    w.shift = 0;
    w.moved = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean; sources: { node?: Node; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }[] })[]) {
        if (e.hadRecentInput) continue;
        w.shift += e.value;
        // Named in the failure message: what moved, from where to where, and when.
        for (const s of e.sources) {
          const el = s.node instanceof Element ? s.node : s.node?.parentElement;
          const name = el ? `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.getAttribute('class') ? `.${el.getAttribute('class')!.split(/\s+/).join('.')}` : ''}` : String(s.node?.nodeName);
          const r = (b: DOMRectReadOnly) => `${Math.round(b.y)}+${Math.round(b.height)}`;
          w.moved.push(`${name} ${r(s.previousRect)} -> ${r(s.currentRect)} at ${Math.round(e.startTime)} ms (${e.value.toFixed(3)})`);
        }
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  await page.waitForTimeout(1000);
  return page.evaluate(() => {
    const w = window as unknown as Shifts;
    return { total: w.shift, moved: w.moved };
  });
}

describe('pages that hold still', () => {
  it.each([
    ['/calculator/', 360, 800],
    ['/calculator/', 1280, 900],
    ['/standard-convolution/', 360, 800],
    ['/', 360, 800],
    // A phone wider than the build's narrow picture (Lighthouse's): the picture keeps its drawn height.
    ['/embed/cost-bars/', 412, 823],
    ['/embed/v1-architecture/', 412, 823],
    ['/grouped-convolution/', 412, 823],
  ] as const)('%s at %i px moves less than 0.02 while it starts', async (route, width, height) => {
    const { context, page, problems } = await watchedPage(browser, { viewport: { width, height } });
    const { total, moved } = await layoutShift(page, `${baseURL()}${route}`);
    expect(total, moved.join('; ')).toBeLessThanOrEqual(0.02);
    expect(problems).toEqual([]);
    await context.close();
  });
  // (Every chapter's table of contents on a phone: screens.e2e.ts, on its load of each page at 360 px.)
});
