// Screenshots and legibility numbers of chosen figures on a phone, a laptop and lecture slides.
// Usage: node scripts/shoot-figures.mjs OUT_DIR fig-id,fig-id ROUTE... [--slides /lecture/x/#slide-2 …]
// Needs a build in dist/. Writes OUT_DIR/<page>-<anchor>-<screen>.png and prints one line per figure.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { serve } from './serve.mjs';
import { launchOptions } from '../tests/e2e/chromium.mjs';
import { PAGE_SCREENS, hydrateAllFigures, measureFigures } from '../tests/e2e/figure-metrics.mjs';

const [out, ids, ...rest] = process.argv.slice(2);
const split = rest.indexOf('--slides');
const routes = split < 0 ? rest : rest.slice(0, split);
const slides = split < 0 ? [] : rest.slice(split + 1);
const mine = new Set(ids.split(','));
mkdirSync(out, { recursive: true });
const { server, url } = await serve('dist', 0);
const browser = await chromium.launch(launchOptions());
const name = (route) => route.replace(/^\/|\/$/g, '').replace(/[/#]+/g, '-') || 'home';

for (const route of routes) {
  for (const screen of PAGE_SCREENS) {
    const ctx = await browser.newContext({ viewport: { width: screen.width, height: screen.height }, reducedMotion: 'reduce' });
    const page = await ctx.newPage();
    page.on('pageerror', (e) => console.log('pageerror', e.message));
    await page.goto(url + route);
    await hydrateAllFigures(page);
    for (const m of await page.evaluate(measureFigures)) {
      if (!mine.has(m.figure)) continue;
      const el = page.locator(`#${m.anchor}`);
      await el.scrollIntoViewIfNeeded();
      await page.waitForTimeout(150);
      // A full-page clip, so controls that stick to the top of the screen are shown where they sit.
      const box = await el.evaluate((e) => { const r = e.getBoundingClientRect(); return { x: r.x + scrollX, y: r.y + scrollY, width: r.width, height: r.height }; });
      await page.screenshot({ path: `${out}/${name(route)}-${m.anchor}-${screen.name}.png`, fullPage: true, clip: box });
      console.log([route, screen.name, m.anchor, `min ${m.minText}`, `max ${m.maxText}`, `figure ${m.figureHeight}`, `picture ${m.pictureHeight}`, `sticky ${m.stickyControls}`, `overflowX ${m.overflowX}`, `"${m.smallestText}"`].join('\t'));
    }
    await ctx.close();
  }
}
for (const route of slides) {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 720 }, reducedMotion: 'reduce' });
  const page = await ctx.newPage();
  await page.goto(url + route);
  await page.waitForFunction(() => document.querySelector('[data-slide][data-active] sep-figure')?.dataset.ready !== undefined, null, { timeout: 20000 }).catch(() => undefined);
  await page.waitForTimeout(300);
  const [m] = await page.evaluate(measureFigures);
  await page.screenshot({ path: `${out}/${name(route)}-720p.png` });
  if (m) console.log([route, 'slide 720p', m.figure, `min ${m.minText}`, `bottom ${m.bottom}`, `picture ${m.pictureHeight}`, `"${m.smallestText}"`].join('\t'));
  await ctx.close();
}
await browser.close();
server.close();
