// Part of `npm run bench`: the smallest on-screen text and the height of every figure, on every
// chapter at 360×800 and 1440×900 and on every slide of every deck at 1280×720 and 1920×1080.
import { PAGE_SCREENS, SLIDE_SCREENS, hydrateAllFigures, measureFigures } from '../tests/e2e/figure-metrics.mjs';

/** Measure every figure of `pages` and every figure slide of `decks`; returns rows. */
export async function measureScreens(browser, url, pages, decks) {
  const rows = [];
  for (const screen of PAGE_SCREENS) {
    const context = await browser.newContext({ viewport: { width: screen.width, height: screen.height }, reducedMotion: 'reduce' });
    const page = await context.newPage();
    for (const route of pages) {
      await page.goto(url + route);
      await hydrateAllFigures(page);
      for (const f of await page.evaluate(measureFigures)) rows.push({ screen: screen.name, floor: screen.minText, where: `${route}#${f.anchor}`, ...f });
    }
    await context.close();
  }
  for (const screen of SLIDE_SCREENS) {
    const context = await browser.newContext({ viewport: { width: screen.width, height: screen.height }, reducedMotion: 'reduce' });
    const page = await context.newPage();
    for (const deck of decks) {
      await page.goto(url + deck);
      const total = await page.locator('[data-slide]').count();
      for (let i = 1; i <= total; i++) {
        await page.evaluate((n) => (location.hash = `#slide-${n}`), i);
        await page.waitForFunction((n) => document.querySelectorAll('[data-slide]')[n - 1]?.hasAttribute('data-active'), i).catch(() => undefined);
        if ((await page.locator('[data-slide][data-active] sep-figure').count()) === 0) continue;
        await page.waitForFunction(() => document.querySelector('[data-slide][data-active] sep-figure')?.dataset.ready !== undefined, null, { timeout: 20_000 }).catch(() => undefined);
        await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
        for (const f of await page.evaluate(measureFigures)) rows.push({ screen: screen.name, floor: screen.minText, where: `${deck}#slide-${i}`, ...f });
      }
    }
    await context.close();
  }
  return rows;
}

/** Print the table; returns how many figures are under their screen's text floor. */
export function printScreens(rows) {
  console.log('\nFigures on each screen: smallest and largest text (px on screen), picture and whole-figure height (px):');
  console.log(`${'screen'.padEnd(12)}${'where'.padEnd(52)}${'figure'.padEnd(22)}${'min'.padStart(6)}${'max'.padStart(6)}${'pic'.padStart(6)}${'all'.padStart(6)}`);
  let under = 0;
  for (const r of rows) {
    const low = r.minText !== null && r.minText < r.floor;
    if (low) under += 1;
    console.log(`${r.screen.padEnd(12)}${r.where.slice(0, 51).padEnd(52)}${r.figure.padEnd(22)}${String(r.minText).padStart(6)}${String(r.maxText).padStart(6)}${String(r.pictureHeight).padStart(6)}${String(r.figureHeight).padStart(6)}${low ? `  < ${r.floor} px ("${r.smallestText}")` : ''}`);
  }
  console.log(`${under} of ${rows.length} figure views under their text floor (12 px on pages, 16 px at 1280×720, 24 px at 1920×1080).`);
  return under;
}
