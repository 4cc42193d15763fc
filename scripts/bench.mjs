// npm run bench: per route, the JavaScript and CSS shipped on page load (gzip bytes) and, for every
// figure with a slider, the time from a slider's input event to the figure's updated numbers
// (median and p95 over 100 moves). Prints tables and writes reports/bench.json.
// Flags: --build (rebuild first), --route=/path/ (only that route), --moves=N, --live (also press
// every live block's Run button and report its timings and the JavaScript it fetched), --throttle N
// (step each chapter's sliders at N× slower CPU in a 412 px viewport; with --trace, also where a
// step's main-thread time goes, and the same for the thumb alone), --no-screens (skip the
// legibility table of every figure on every screen), --lighthouse (Lighthouse's mobile audit of
// every chapter, the calculator and one embed; --runs=N takes the median of N runs per page).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { serve } from './serve.mjs';
import { launchOptions } from '../tests/e2e/chromium.mjs';
import { measureScreens, printScreens } from './bench-screens.mjs';
import { throttledDrag, printThrottle, tracedDrag, printTraced, FLOOR } from './bench-throttle.mjs';
import { BYTE_BUDGET as BUDGET, kindOf, missedBudgets, sentBytes } from './budgets.mjs';
import { calculatorKeystrokes, calculatorTraces, printCalculator } from './bench-calculator.mjs';

// Flags as --name=value or --name value (npm run bench -- --throttle 4).
const argv = process.argv.slice(2);
const args = {};
for (let i = 0; i < argv.length; i++) {
  const [k, v] = argv[i].replace(/^--/, '').split('=');
  if (v !== undefined) args[k] = v;
  else if (argv[i + 1] !== undefined && !argv[i + 1].startsWith('--')) args[k] = argv[++i];
  else args[k] = true;
}
const dist = process.env.SEPARABLE_OUT_DIR ?? 'dist';
const MOVES = Number(args.moves ?? 100);

if (args.build || !existsSync(join(dist, 'index.html'))) {
  const r = spawnSync('npx', ['astro', 'build'], { stdio: 'inherit', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
  if (r.status !== 0) process.exit(1);
}

function routes() {
  const out = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) {
        if (name !== '_astro') walk(p);
      } else if (name === 'index.html') {
        const rel = relative(dist, dir).split(sep).join('/');
        out.push(rel ? `/${rel}/` : '/');
      }
    }
  };
  walk(dist);
  return out.sort();
}

/** The chapter routes, from the chapters' front matter (slug: …). */
function chapterRoutes() {
  const dir = 'content/chapters/en';
  return readdirSync(dir)
    .filter((f) => f.endsWith('.mdx'))
    .map((f) => /^slug:\s*([a-z0-9-]+)\s*$/m.exec(readFileSync(join(dir, f), 'utf8'))?.[1])
    .filter(Boolean)
    .map((slug) => `/${slug}/`);
}

/** Pages a reader lands on; lecture decks and embeds (in either edition) are reported but held to no byte budget. */
const budgeted = (route) => !/^(\/zh)?\/(lecture|embed)\/[^/]+\/$/.test(route);

/**
 * Lighthouse 12 with its default mobile settings (Moto G Power viewport, simulated slow 4G and a
 * 4× slower CPU): performance and accessibility scores, CLS, LCP and TBT, the median of `runs`.
 */
async function lighthouseRows(base, pages, runs) {
  const { default: lighthouse } = await import('lighthouse');
  const chromeLauncher = await import('chrome-launcher');
  const chrome = await chromeLauncher.launch({
    chromePath: launchOptions().executablePath,
    chromeFlags: ['--headless=new', ...launchOptions().args],
  });
  const rows = [];
  try {
    for (const route of pages) {
      const samples = [];
      for (let i = 0; i < runs; i++) {
        const r = await lighthouse(base + route, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'] });
        const a = r.lhr.audits;
        samples.push({
          performance: Math.round(r.lhr.categories.performance.score * 100),
          accessibility: Math.round(r.lhr.categories.accessibility.score * 100),
          cls: a['cumulative-layout-shift'].numericValue,
          lcpMs: a['largest-contentful-paint'].numericValue,
          fcpMs: a['first-contentful-paint'].numericValue,
          tbtMs: a['total-blocking-time'].numericValue,
          failedA11y: Object.values(r.lhr.categories.accessibility.auditRefs)
            .map((ref) => a[ref.id])
            .filter((x) => x.score !== null && x.score < 1 && x.scoreDisplayMode === 'binary')
            .map((x) => x.id),
        });
      }
      // The run with the median performance score stands for the page.
      samples.sort((x, y) => x.performance - y.performance);
      rows.push({ route, runs, ...samples[Math.floor(samples.length / 2)], performanceRuns: samples.map((x) => x.performance) });
    }
  } finally {
    chrome.kill();
  }
  return rows;
}

const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * (s.length - 1) + 0.5))];
};

/** Bytes the page fetched while loading, per kind (gzip, as a server would send them; fonts as they are). */
async function shipped(page, url) {
  const bodies = [];
  const onResponse = async (r) => {
    const kind = kindOf(r.headers()['content-type'] ?? '');
    if (!kind) return;
    bodies.push(r.body().then((b) => ({ kind, url: r.url(), gz: sentBytes(kind, b) })).catch(() => null));
  };
  page.on('response', onResponse);
  await page.goto(url, { waitUntil: 'networkidle' });
  // Fonts that the first paint asked for have been fetched by now; wait for any still loading.
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.waitForLoadState('networkidle');
  page.off('response', onResponse);
  const files = (await Promise.all(bodies)).filter(Boolean);
  const sum = (k) => files.filter((f) => f.kind === k).reduce((a, f) => a + f.gz, 0);
  const out = { html: sum('html'), js: sum('js'), css: sum('css'), font: sum('font'), image: sum('image') };
  return { ...out, total: out.html + out.js + out.css + out.font + out.image, files: files.map((f) => ({ ...f, url: new URL(f.url).pathname })) };
}

/**
 * Slider input → the figure's numbers (data-exact) updated, for the first range slider of every
 * figure on the page, measured inside the page over `moves` inputs. Figures that compute
 * asynchronously (TensorFlow.js) are timed until their numbers change.
 */
async function sliderLatencies(page, moves) {
  const figures = await page.$$('sep-figure');
  const out = [];
  for (const fig of figures) {
    const slider = await fig.$('param-control input[type=range]');
    // Sliders on lecture slides that are not showing are skipped.
    if (!slider || !(await slider.isVisible())) continue;
    await slider.scrollIntoViewIfNeeded();
    const ready = await page
      .waitForFunction((el) => el.closest('sep-figure')?.dataset.ready !== undefined && !el.disabled, slider, { timeout: 20_000 })
      .then(() => true, () => false);
    if (!ready) continue;
    out.push(await page.evaluate(measureMoves, { el: slider, moves, values: null }));
  }
  return out;
}

/** In the page: move a slider through `values` (or a cycle over its range) and time each update. */
async function measureMoves({ el, moves, values }) {
  const fig = el.closest('sep-figure');
  const min = Number(el.min);
  const max = Number(el.max);
  const span = Math.max(2, Math.min(max - min + 1, 20));
  // A move counts as done when the figure has redrawn (its 'sep:drawn' event), whether or not
  // its numbers changed; a figure that computes asynchronously fires it when its data arrives.
  const snapshot = () => [...fig.querySelectorAll('[data-exact]')].map((q) => q.getAttribute('data-exact')).join('|');
  const drawn = () =>
    new Promise((ok) => {
      const timer = setTimeout(() => ok(false), 3000);
      fig.addEventListener(
        'sep:drawn',
        () => {
          clearTimeout(timer);
          ok(true);
        },
        { once: true },
      );
    });
  const times = [];
  const frames = [];
  let unchanged = 0;
  let sameNumbers = 0;
  for (let i = 0; i < moves; i++) {
    const before = snapshot();
    const v = values ? values[i % values.length] : min + (i % span);
    if (String(v) === el.value) el.value = String(v === max ? v - 1 : v + 1);
    else el.value = String(v);
    const done = drawn();
    const t0 = performance.now();
    el.dispatchEvent(new Event('input', { bubbles: true }));
    const ok = await done;
    const t1 = performance.now();
    if (ok && snapshot() === before) sameNumbers += 1;
    await new Promise((r) => requestAnimationFrame(() => r(undefined)));
    const t2 = performance.now();
    if (!ok) unchanged += 1;
    times.push(t1 - t0);
    frames.push(t2 - t0);
  }
  return { figure: fig.dataset.figure, param: el.closest('param-control').dataset.params, times, frames, unchanged, sameNumbers };
}

/** Press each live block's Run button, wait for it to finish, and read what it reports. */
async function liveRuns(page) {
  const runs = await page.$$('[data-role=run]');
  const out = [];
  for (const run of runs) {
    const host = await run.evaluateHandle((b) => {
      let el = b.parentElement;
      while (el && !el.tagName.includes('-')) el = el.parentElement;
      return el;
    });
    const tag = await host.evaluate((h) => h?.tagName.toLowerCase() ?? '');
    if (!tag || tag === 'sep-figure' || !(await run.isVisible())) continue;
    await run.scrollIntoViewIfNeeded();
    const enabled = await page.waitForFunction((b) => !b.disabled, run, { timeout: 10_000 }).then(() => true, () => false);
    if (!enabled) continue;
    const bytesBefore = bytesSoFar.js;
    const t0 = Date.now();
    await run.click();
    const state = await page
      .waitForFunction((h) => ['done', 'failed', 'error', 'refused', 'cancelled', 'stopped'].includes(h.dataset.state ?? '') && h.dataset.state, host, { timeout: 120_000 })
      .then((r) => r.jsonValue(), () => 'timeout');
    await page.waitForTimeout(300);
    const report = await host.evaluate((h) =>
      Object.fromEntries([...h.querySelectorAll('[data-role]')].filter((e) => !e.children.length && e.tagName !== 'BUTTON').map((e) => [e.dataset.role, e.textContent.trim().slice(0, 80)])),
    );
    out.push({ block: tag, state, wallMs: Date.now() - t0, jsGzipAfterRun: bytesSoFar.js - bytesBefore, report });
  }
  return out;
}

const bytesSoFar = { js: 0, css: 0 };

const { server, url } = await serve(dist, 0);
const browser = await chromium.launch(launchOptions());
const results = [];
const only = typeof args.route === 'string' ? [args.route] : routes();
for (const route of only) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const bytes = await shipped(page, url + route);
  bytesSoFar.js = bytes.js;
  bytesSoFar.css = bytes.css;
  // Everything fetched after load (figure chunks, KaTeX, TensorFlow.js) is counted from here on.
  page.on('response', (r) => {
    const type = r.headers()['content-type'] ?? '';
    if (!type.includes('javascript')) return;
    r.body().then((b) => (bytesSoFar.js += gzipSync(b, { level: 9 }).length)).catch(() => undefined);
  });
  const row = { route, firstLoadGzip: bytes.total, htmlGzip: bytes.html, jsGzip: bytes.js, cssGzip: bytes.css, fontBytes: bytes.font, imageGzip: bytes.image, files: bytes.files };
  const sliders = await sliderLatencies(page, MOVES);
  row.sliders = sliders.map((l) => ({
    slider: `${l.figure}:${l.param}`,
    inputToNumbersMs: { median: quantile(l.times, 0.5), p95: quantile(l.times, 0.95) },
    inputToFrameMs: { median: quantile(l.frames, 0.5), p95: quantile(l.frames, 0.95) },
    movesWithoutRedraw: l.unchanged,
    redrawsWithSameNumbers: l.sameNumbers,
  }));
  {
    // The manifold redraw at its widest setting (n = 64), as a reader drags to the end.
    const el = await page.$('[data-figure="relu-manifold"] param-control[data-params="dim"] input[type=range]');
    if (el && (await el.isVisible())) {
      const r = await page.evaluate(measureMoves, { el, moves: 20, values: [64, 63] });
      row.manifoldAt64Ms = { median: quantile(r.times, 0.5), p95: quantile(r.times, 0.95), unchanged: r.unchanged };
    }
  }
  row.jsGzipAfterFigures = bytesSoFar.js;
  if (route === '/calculator/') {
    row.calculator300 = await calculatorKeystrokes(page, url.replace(/\/$/, ''));
    row.calculator300Traces = await calculatorTraces(page, url.replace(/\/$/, ''));
  }
  if (args.live) {
    // Live blocks run on a fresh load, at the page's default sizes.
    await page.goto(url + route, { waitUntil: 'networkidle' });
    await page.waitForTimeout(300);
    bytesSoFar.js = bytes.js;
    row.live = await liveRuns(page);
  }
  results.push(row);
  await context.close();
}
// A drag on a slow phone (--throttle N): only the chapters and the home page.
const throttleRows = [];
const tracedRows = [];
if (args.throttle) {
  for (const route of [FLOOR, ...only.filter((r) => !r.startsWith('/lecture/') && !r.startsWith('/embed/') && !['/references/', '/404/', '/calculator/'].includes(r))]) {
    const row = await throttledDrag(browser, url, route, { rate: Number(args.throttle) || 4 });
    if (row) throttleRows.push(row);
    // --trace: where a step's time goes, and the page's floor (the slider's thumb alone).
    if (!args.trace || route === FLOOR) continue;
    for (const thumbOnly of [false, true]) {
      const t = await tracedDrag(browser, url, route, { rate: Number(args.throttle) || 4, thumbOnly });
      if (t) tracedRows.push(t);
    }
  }
}
// Legibility per screen (skip with --no-screens; limited to --route when given).
const screenRows = args['no-screens']
  ? []
  : await measureScreens(
      browser,
      url,
      only.filter((r) => !r.startsWith('/lecture/') && !r.startsWith('/embed/') && r !== '/references/' && r !== '/404/'),
      only.filter((r) => /^\/lecture\/[^/]+\/$/.test(r)),
    );
await browser.close();
let lighthouseResults = [];
if (args.lighthouse) {
  const embed = only.find((r) => r.startsWith('/embed/cost-bars/')) ?? only.find((r) => r.startsWith('/embed/'));
  const pages = typeof args.route === 'string' ? [args.route] : [...chapterRoutes(), '/calculator/', embed].filter(Boolean);
  lighthouseResults = await lighthouseRows(url, pages, Number(args.runs ?? 1));
}
server.close();

const kb = (b) => `${(b / 1024).toFixed(1)} kB`;
const ms = (x) => (x === undefined ? '—' : `${x.toFixed(2)} ms`);
console.log(`\nFirst load (gzip; fonts as sent), budget ${kb(BUDGET.firstLoad)} in all and ${kb(BUDGET.js)} of JavaScript per page; then JS in all once every figure has drawn and its slider moved (KaTeX, figure code, TensorFlow.js where a figure computes with it):`);
console.log(`${'route'.padEnd(34)}${'HTML'.padStart(9)}${'CSS'.padStart(9)}${'JS'.padStart(9)}${'fonts'.padStart(9)}${'total'.padStart(10)}${'JS after use'.padStart(15)}`);
const over = [];
for (const r of results) {
  const bad = budgeted(r.route) ? [r.firstLoadGzip > BUDGET.firstLoad && 'total', r.jsGzip > BUDGET.js && 'JS'].filter(Boolean) : [];
  if (bad.length) over.push(`${r.route} (${bad.join(', ')})`);
  console.log(`${r.route.padEnd(34)}${kb(r.htmlGzip).padStart(9)}${kb(r.cssGzip).padStart(9)}${kb(r.jsGzip).padStart(9)}${kb(r.fontBytes).padStart(9)}${kb(r.firstLoadGzip).padStart(10)}${kb(r.jsGzipAfterFigures).padStart(15)}${bad.length ? '  over budget' : ''}`);
}
console.log(`\nSlider input → figure numbers updated, over ${MOVES} moves (median / p95), and → next frame:`);
for (const r of results) {
  for (const l of r.sliders) {
    console.log(`${r.route.padEnd(34)}${l.slider.padEnd(24)}${ms(l.inputToNumbersMs.median).padStart(10)} / ${ms(l.inputToNumbersMs.p95).padEnd(10)}  frame ${ms(l.inputToFrameMs.median)} / ${ms(l.inputToFrameMs.p95)}${l.movesWithoutRedraw ? `  (${l.movesWithoutRedraw} moves did not redraw within 3 s)` : ''}`);
  }
  if (r.manifoldAt64Ms) console.log(`${r.route.padEnd(34)}${'relu-manifold at n = 64'.padEnd(24)}${ms(r.manifoldAt64Ms.median).padStart(10)} / ${ms(r.manifoldAt64Ms.p95)}`);
}
for (const r of results) if (r.calculator300) printCalculator(r.calculator300, r.calculator300Traces);
if (args.live) {
  console.log('\nLive blocks (Run pressed once, default sizes):');
  for (const r of results) for (const l of r.live ?? []) console.log(`${r.route.padEnd(34)}${l.block.padEnd(20)} ${l.state.padEnd(8)} ${String(l.wallMs).padStart(6)} ms  +${kb(l.jsGzipAfterRun)} JS  ${JSON.stringify(l.report)}`);
}
if (args.lighthouse) {
  console.log('\nLighthouse (mobile; goals: performance ≥ 95, accessibility 100, CLS ≤ 0.02):');
  console.log(`${'route'.padEnd(30)}${'perf'.padStart(6)}${'a11y'.padStart(6)}${'CLS'.padStart(8)}${'LCP'.padStart(9)}${'FCP'.padStart(9)}${'TBT'.padStart(8)}`);
  for (const r of lighthouseResults) {
    const bad = r.performance < 95 || r.accessibility < 100 || r.cls > 0.02;
    if (bad) over.push(`${r.route} (Lighthouse)`);
    const runs = r.runs > 1 ? `  runs ${r.performanceRuns.join(' ')}` : '';
    console.log(`${r.route.padEnd(30)}${String(r.performance).padStart(6)}${String(r.accessibility).padStart(6)}${r.cls.toFixed(3).padStart(8)}${`${(r.lcpMs / 1000).toFixed(2)} s`.padStart(9)}${`${(r.fcpMs / 1000).toFixed(2)} s`.padStart(9)}${`${Math.round(r.tbtMs)} ms`.padStart(8)}${runs}${r.failedA11y.length ? `  a11y: ${r.failedA11y.join(', ')}` : ''}${bad ? '  below goal' : ''}`);
  }
}
const underFloor = screenRows.length > 0 ? printScreens(screenRows) : 0;
if (throttleRows.length > 0) printThrottle(throttleRows);
if (tracedRows.length > 0) printTraced(tracedRows);
mkdirSync('reports', { recursive: true });
const out = { date: new Date().toISOString(), moves: MOVES, budget: BUDGET, chromium: launchOptions().executablePath, results, lighthouse: lighthouseResults, screens: screenRows, underFloor, throttle: throttleRows, traced: tracedRows };
writeFileSync('reports/bench.json', `${JSON.stringify(out, null, 2)}\n`);
console.log('\nWrote reports/bench.json');
if (over.length) {
  console.error(`\nOver the byte budget: ${over.join('; ')}`);
  process.exitCode = 1;
}
// Budgets (scripts/budgets.mjs): a missed one fails the bench.
const missed = missedBudgets(out);
if (missed.length > 0) {
  console.log(`\n${missed.length} budget(s) missed:`);
  for (const m of missed) console.log(`  ✖ ${m}`);
  process.exitCode = 1;
} else if (!over.length) console.log('\nEvery budget held.');
