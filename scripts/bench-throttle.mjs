// Part of `npm run bench -- --throttle 4`: a slider drag as on a mid-range phone. Chromium's CPU is
// slowed N× (what DevTools uses to emulate a phone), the viewport is 412 px wide, and every
// chapter's sliders are stepped from the keyboard. Input to next paint is read from the browser's
// Event Timing API (the measure behind INP): an entry's duration runs from the key press to the
// paint that follows it. Entries under 16 ms are not reported by the browser and count as 16 ms.
import { hydrateAllFigures } from '../tests/e2e/figure-metrics.mjs';

const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * (s.length - 1) + 0.5))];
};

/** Step the page's sliders `steps` times in all (spread over its first `sliders` sliders). */
export async function throttledDrag(browser, url, route, { rate = 4, steps = 48, sliders = 4 } = {}) {
  const context = await browser.newContext({ viewport: { width: 412, height: 915 }, deviceScaleFactor: 1, reducedMotion: 'no-preference' });
  const page = await context.newPage();
  await page.goto(url + route);
  await hydrateAllFigures(page);
  const handles = [];
  for (const el of await page.$$('sep-figure param-control input[type=range]')) if (await el.isVisible()) handles.push(el);
  const used = handles.slice(0, sliders);
  if (used.length === 0) {
    await context.close();
    return null;
  }
  await page.evaluate(() => {
    window.__bench = { events: [], longTasks: [] };
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (e.name === 'keydown') window.__bench.events.push(e.duration);
    }).observe({ type: 'event', durationThreshold: 16 });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__bench.longTasks.push(e.duration);
    }).observe({ type: 'longtask' });
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  const per = Math.ceil(steps / used.length);
  let pressed = 0;
  for (const el of used) {
    await el.scrollIntoViewIfNeeded();
    await el.focus();
    for (let i = 0; i < per; i++) {
      // Up for the first half, back down for the second, so the slider never sticks at its end.
      await page.keyboard.press(i < per / 2 ? 'ArrowRight' : 'ArrowLeft');
      await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(ok, 0)))));
      pressed += 1;
    }
  }
  await page.waitForTimeout(300);
  const { events, longTasks } = await page.evaluate(() => window.__bench);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  await context.close();
  const durations = [...events, ...Array(Math.max(0, pressed - events.length)).fill(16)];
  return {
    route,
    rate,
    sliders: used.length,
    steps: pressed,
    p50: quantile(durations, 0.5),
    p95: quantile(durations, 0.95),
    max: Math.max(...durations),
    over33: durations.filter((d) => d > 33).length,
    longTasks: longTasks.length,
    longestTask: longTasks.length ? Math.round(Math.max(...longTasks)) : 0,
  };
}

export function printThrottle(rows) {
  const rate = rows[0]?.rate ?? 4;
  console.log(`\nKeyboard slider steps at ${rate}× CPU throttle, 412 px viewport: input to next paint (ms; ≤ 16 reads as 16), and long tasks during the drag:`);
  console.log(`${'route'.padEnd(28)}${'steps'.padStart(6)}${'p50'.padStart(6)}${'p95'.padStart(6)}${'max'.padStart(6)}${' >33ms'.padStart(8)}${'long tasks'.padStart(12)}${'longest'.padStart(9)}`);
  for (const r of rows) console.log(`${r.route.padEnd(28)}${String(r.steps).padStart(6)}${String(Math.round(r.p50)).padStart(6)}${String(Math.round(r.p95)).padStart(6)}${String(Math.round(r.max)).padStart(6)}${String(r.over33).padStart(8)}${String(r.longTasks).padStart(12)}${String(r.longestTask).padStart(9)}`);
}
