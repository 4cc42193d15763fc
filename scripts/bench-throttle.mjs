// Part of `npm run bench -- --throttle 4`: a slider drag as on a mid-range phone. Chromium's CPU is
// slowed N× (what DevTools uses to emulate a phone), the viewport is 412 px wide, and every
// chapter's sliders are stepped from the keyboard. Input to next paint is read from the browser's
// Event Timing API (the measure behind INP): an entry's duration runs from the key press to the
// paint that follows it. Entries under 16 ms are not reported by the browser and count as 16 ms.
// Wall-clock times swell when the machine is busy, so each step's main-thread work is also read
// from Chromium's own counters (CDP Performance.getMetrics before and after a step, averaged over
// the steps): all tasks, script, style recalculation and layout. These are measured under the
// throttle too, so they read as on the slow phone.
//
// Run on its own (builds nothing; serves dist/):
//   node scripts/bench-throttle.mjs [--rate 4] [--route /path/] [--runs N] [--steps 48] [--trace]
// --trace adds, per page, where a step's main-thread time goes (tracedDrag below).
// The first row is the floor (FLOOR_PAGE below): the same steps on a page that draws one bar.
import { hydrateAllFigures } from '../tests/e2e/figure-metrics.mjs';

/** Chromium's main-thread counters read per step (seconds, summed since the page opened). */
const METRICS = ['TaskDuration', 'ScriptDuration', 'RecalcStyleDuration', 'LayoutDuration'];

async function counters(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const out = {};
  for (const m of metrics) if (METRICS.includes(m.name)) out[m.name] = m.value;
  return out;
}

const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * (s.length - 1) + 0.5))];
};

/**
 * The floor: a page with one slider whose input moves one bar in the next animation frame, and
 * nothing else. What it reads is what a step costs this browser (key event, frame, the bench's own
 * round trips) before a figure draws anything; a chapter's numbers are read against it.
 */
const FLOOR_PAGE = `<!doctype html><html lang="en"><head><meta name="viewport" content="width=device-width"><title>floor</title></head><body>
<label>x <input type="range" min="0" max="100" value="50"></label><svg width="300" height="60"><rect width="150" height="40" fill="teal"/></svg>
<script>const r = document.querySelector('input'), b = document.querySelector('rect');
r.addEventListener('input', () => requestAnimationFrame(() => b.setAttribute('width', r.value * 3)));</script></body></html>`;
export const FLOOR = '(one slider, one bar)';

/**
 * A phone-sized page with every figure drawn, and its first `sliders` visible sliders; null (the
 * page closed) when it has none. With `thumbOnly`, the page's own code never hears a slider: its
 * input events stop at the window.
 */
async function openDrag(browser, url, route, sliders, thumbOnly = false) {
  const context = await browser.newContext({ viewport: { width: 412, height: 915 }, deviceScaleFactor: 1, reducedMotion: 'no-preference' });
  const page = await context.newPage();
  if (route === FLOOR) await page.setContent(FLOOR_PAGE);
  else {
    await page.goto(url + route);
    await hydrateAllFigures(page);
  }
  if (thumbOnly) await page.evaluate(() => window.addEventListener('input', (e) => e.stopImmediatePropagation(), true));
  const handles = [];
  for (const el of await page.$$(route === FLOOR ? 'input[type=range]' : 'sep-figure param-control input[type=range]')) if (await el.isVisible()) handles.push(el);
  const used = handles.slice(0, sliders);
  if (used.length > 0) return { context, page, used };
  await context.close();
  return null;
}

/**
 * A reader's Tab or finger reaches a slider a moment before its first change: each slider is
 * focused this long (ms) before its first step. Pressed at once, the first steps also carried the
 * repaint of the scroll that brought the slider into view and the parsing of the formulas' code,
 * which a page fetches when a slider is taken (client.ts); at 4x throttle the first formula then
 * came 130-220 ms after the key, against 60-75 ms with the pause.
 */
const FOCUS_PAUSE_MS = 250;

/**
 * Press the arrow keys on `used` sliders `steps` times in all, each press followed by the frame it
 * draws; `around(step)` runs each step (to read counters before and after). Returns the presses.
 */
async function stepSliders(page, used, steps, around = (step) => step()) {
  const per = Math.ceil(steps / used.length);
  let pressed = 0;
  for (const el of used) {
    await el.scrollIntoViewIfNeeded();
    await el.focus();
    await page.waitForTimeout(FOCUS_PAUSE_MS);
    for (let i = 0; i < per; i++) {
      // Up for the first half, back down for the second, so the slider never sticks at its end.
      await around(async () => {
        // The key is released after the frame it draws, as a finger's is (a press here sent both at
        // once, and the browser laid the page out to deliver the key's release before that frame).
        const key = i < per / 2 ? 'ArrowRight' : 'ArrowLeft';
        await page.keyboard.down(key);
        await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(ok, 0)))));
        await page.keyboard.up(key);
      });
      pressed += 1;
    }
  }
  return pressed;
}

/** Step the page's sliders `steps` times in all (spread over its first `sliders` sliders). */
export async function throttledDrag(browser, url, route, { rate = 4, steps = 48, sliders = 4 } = {}) {
  const opened = await openDrag(browser, url, route, sliders);
  if (!opened) return null;
  const { context, page, used } = opened;
  await page.evaluate(() => {
    window.__bench = { events: [], longTasks: [], formula: {} };
    // When each press's formula was written (ms after the key): a figure writes its formula's new
    // numbers in the frame after the picture's (client.ts, typeset), so this is read apart.
    let press = -1;
    let at = 0;
    window.addEventListener('keydown', (e) => { press += 1; at = e.timeStamp; }, true);
    const wrote = new MutationObserver(() => { if (press >= 0) window.__bench.formula[press] = performance.now() - at; });
    for (const f of document.querySelectorAll('[data-role=formula]')) wrote.observe(f, { subtree: true, characterData: true, childList: true });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (e.name === 'keydown') window.__bench.events.push(e.duration);
    }).observe({ type: 'event', durationThreshold: 16 });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__bench.longTasks.push(e.duration);
    }).observe({ type: 'longtask' });
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  const cpu = Object.fromEntries(METRICS.map((m) => [m, 0]));
  const pressed = await stepSliders(page, used, steps, async (step) => {
    const before = await counters(cdp);
    await step();
    const after = await counters(cdp);
    for (const m of METRICS) cpu[m] += (after[m] ?? 0) - (before[m] ?? 0);
  });
  await page.waitForTimeout(300);
  const { events, longTasks, formula } = await page.evaluate(() => window.__bench);
  const formulaMs = Object.values(formula);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  await context.close();
  const durations = [...events, ...Array(Math.max(0, pressed - events.length)).fill(16)];
  return {
    route,
    floor: route === FLOOR,
    rate,
    sliders: used.length,
    steps: pressed,
    p50: quantile(durations, 0.5),
    p95: quantile(durations, 0.95),
    max: Math.max(...durations),
    over33: durations.filter((d) => d > 33).length,
    // Input to the formula's new numbers written (not painted: that follows in the same frame),
    // over the steps that changed a formula.
    formulaSteps: formulaMs.length,
    formulaP50: formulaMs.length ? quantile(formulaMs, 0.5) : undefined,
    formulaP95: formulaMs.length ? quantile(formulaMs, 0.95) : undefined,
    longTasks: longTasks.length,
    longestTask: longTasks.length ? Math.round(Math.max(...longTasks)) : 0,
    // Main-thread milliseconds per step (mean over the steps).
    perStep: {
      task: (cpu.TaskDuration * 1000) / pressed,
      script: (cpu.ScriptDuration * 1000) / pressed,
      style: (cpu.RecalcStyleDuration * 1000) / pressed,
      layout: (cpu.LayoutDuration * 1000) / pressed,
    },
  };
}

/** Trace events read per step, by phase: main-thread work the browser names. */
const PHASES = {
  input: ['EventDispatch'],
  frame: ['FireAnimationFrame'],
  timers: ['TimerFire', 'FireIdleCallback'],
  style: ['UpdateLayoutTree'],
  layout: ['Layout'],
  paint: ['Paint'],
  prePaint: ['PrePaint'],
  commit: ['Commit', 'Layerize'],
  gc: ['MinorGC', 'MajorGC'],
};
/** A task of the main thread, as Chromium's trace names it. */
const TASK = 'ThreadControllerImpl::RunTask';

/**
 * Sum the durations (ms) of the events named `names`, counting an event inside another of the
 * same names once (a painting layer's Paint is nested in its parent's).
 */
function outermost(events, names) {
  const picked = events.filter((e) => names.includes(e.name)).sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  let total = 0;
  let end = -Infinity;
  for (const e of picked) {
    if (e.ts < end) continue;
    total += e.dur;
    end = e.ts + e.dur;
  }
  return total / 1000;
}

/**
 * Where a step's time goes (--trace): the same keyboard steps as throttledDrag under a
 * performance trace, and each phase's main-thread ms per step. With `thumbOnly`, the page's own
 * code never hears the slider (its input events stop at the window): what is left is what a step
 * costs the browser on this page before any figure redraws, the page's floor.
 */
export async function tracedDrag(browser, url, route, { rate = 4, steps = 48, sliders = 4, thumbOnly = false } = {}) {
  const opened = await openDrag(browser, url, route, sliders, thumbOnly);
  if (!opened) return null;
  const { context, page, used } = opened;
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  await browser.startTracing(page, { categories: ['devtools.timeline', 'toplevel', 'v8'] });
  const pressed = await stepSliders(page, used, steps);
  await page.waitForTimeout(300);
  const { traceEvents } = JSON.parse((await browser.stopTracing()).toString());
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  await context.close();
  // The page's main thread: of the renderers' main threads, the one that ran the most tasks.
  const threads = traceEvents.filter((e) => e.name === 'thread_name' && e.args.name === 'CrRendererMain');
  const ran = (t) => traceEvents.filter((e) => e.pid === t.pid && e.tid === t.tid && e.name === TASK && e.ph === 'X').length;
  const main = threads.map((t) => ({ t, n: ran(t) })).sort((a, b) => b.n - a.n)[0].t;
  const events = traceEvents.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur > 0);
  const phases = Object.fromEntries(Object.entries(PHASES).map(([k, names]) => [k, outermost(events, names) / pressed]));
  const task = outermost(events, [TASK]) / pressed;
  const named = Object.values(phases).reduce((a, b) => a + b, 0);
  return { route, rate, thumbOnly, steps: pressed, task, phases, other: Math.max(0, task - named) };
}

export function printTraced(rows) {
  const rate = rows[0]?.rate ?? 4;
  const f = (x) => x.toFixed(1).padStart(7);
  console.log(`\nWhere a step's main-thread time goes at ${rate}× CPU throttle (ms per step, from a performance trace; "thumb only": the page's code does not hear the slider, what a step costs the browser on this page before anything redraws):`);
  const heads = ['all', 'input', 'frame', 'timers', 'style', 'layout', 'paint', 'pre', 'commit', 'gc', 'other'];
  console.log(`${'route'.padEnd(28)}${'steps'.padEnd(12)}${heads.map((h) => h.padStart(7)).join('')}`);
  for (const r of rows) {
    const p = r.phases;
    const cells = [r.task, p.input, p.frame, p.timers, p.style, p.layout, p.paint, p.prePaint, p.commit, p.gc, r.other];
    console.log(`${r.route.padEnd(28)}${(r.thumbOnly ? 'thumb only' : 'drag').padEnd(12)}${cells.map(f).join('')}`);
  }
}

export function printThrottle(rows) {
  const rate = rows[0]?.rate ?? 4;
  const f = (x) => x.toFixed(1).padStart(7);
  console.log(`\nKeyboard slider steps at ${rate}× CPU throttle, 412 px viewport: input to next paint (ms; ≤ 16 reads as 16), long tasks during the drag, main-thread ms per step (Chromium's counters: all tasks, script, style, layout), and input to the formula's numbers written (ms, p50/p95 of the steps that changed a formula; a frame after the picture):`);
  console.log(`${'route'.padEnd(28)}${'steps'.padStart(6)}${'p50'.padStart(6)}${'p95'.padStart(6)}${'max'.padStart(6)}${' >33ms'.padStart(8)}${'long tasks'.padStart(12)}${'longest'.padStart(9)}${'task'.padStart(7)}${'script'.padStart(7)}${'style'.padStart(7)}${'layout'.padStart(7)}${'formula'.padStart(10)}`);
  for (const r of rows) {
    const c = r.perStep;
    const formula = r.formulaSteps ? `${Math.round(r.formulaP50)}/${Math.round(r.formulaP95)}` : '-';
    console.log(`${r.route.padEnd(28)}${String(r.steps).padStart(6)}${String(Math.round(r.p50)).padStart(6)}${String(Math.round(r.p95)).padStart(6)}${String(Math.round(r.max)).padStart(6)}${String(r.over33).padStart(8)}${String(r.longTasks).padStart(12)}${String(r.longestTask).padStart(9)}${f(c.task)}${f(c.script)}${f(c.style)}${f(c.layout)}${formula.padStart(10)}`);
  }
}

// Standalone: node scripts/bench-throttle.mjs [--rate 4] [--route /path/] [--runs N] [--steps 48] [--trace]
if (import.meta.url === `file://${process.argv[1]}`) {
  const { chromium } = await import('playwright-core');
  const { serve } = await import('./serve.mjs');
  const { launchOptions } = await import('../tests/e2e/chromium.mjs');
  const { readFileSync, readdirSync } = await import('node:fs');
  const argv = process.argv.slice(2);
  const arg = (name, fallback) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : fallback;
  };
  const dir = 'content/chapters/en';
  const chapters = readdirSync(dir)
    .filter((f) => f.endsWith('.mdx'))
    .map((f) => /^slug:\s*([a-z0-9-]+)\s*$/m.exec(readFileSync(`${dir}/${f}`, 'utf8'))?.[1])
    .filter(Boolean)
    .map((slug) => `/${slug}/`);
  const routes = arg('route') ? [FLOOR, arg('route')] : [FLOOR, '/', ...chapters];
  const { server, url } = await serve(process.env.SEPARABLE_OUT_DIR ?? 'dist', 0);
  const browser = await chromium.launch(launchOptions());
  const rows = [];
  const traced = [];
  const options = { rate: Number(arg('rate', 4)), steps: Number(arg('steps', 48)) };
  for (let run = 0; run < Number(arg('runs', 1)); run++) {
    for (const route of routes) {
      const row = await throttledDrag(browser, url, route, options);
      if (row) rows.push(row);
      if (!argv.includes('--trace') || route === FLOOR) continue;
      for (const thumbOnly of [false, true]) {
        const t = await tracedDrag(browser, url, route, { ...options, thumbOnly });
        if (t) traced.push(t);
      }
    }
  }
  await browser.close();
  server.close();
  printThrottle(rows);
  if (traced.length > 0) printTraced(traced);
}
