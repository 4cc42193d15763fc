// npm run bench: per route, the JavaScript and CSS shipped on page load (gzip bytes) and, where the
// page has a slider, the time from a slider's input event to the figure's updated numbers
// (median and p95 over 100 moves). Prints a table and writes reports/bench.json.
// Flags: --build (rebuild first), --route=/path/ (only that route), --moves=N.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { serve } from './serve.mjs';
import { launchOptions } from '../tests/e2e/chromium.mjs';

const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=')).map(([k, v]) => [k, v ?? true]));
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

const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * (s.length - 1) + 0.5))];
};

/** Bytes of JS and CSS the page fetched while loading (gzip, as a server would send them). */
async function shipped(page, url) {
  const bodies = [];
  const onResponse = async (r) => {
    const type = r.headers()['content-type'] ?? '';
    const kind = type.includes('javascript') ? 'js' : type.includes('css') ? 'css' : null;
    if (!kind) return;
    bodies.push(r.body().then((b) => ({ kind, url: r.url(), gz: gzipSync(b, { level: 9 }).length })).catch(() => null));
  };
  page.on('response', onResponse);
  await page.goto(url, { waitUntil: 'networkidle' });
  page.off('response', onResponse);
  const files = (await Promise.all(bodies)).filter(Boolean);
  return {
    js: files.filter((f) => f.kind === 'js').reduce((a, f) => a + f.gz, 0),
    css: files.filter((f) => f.kind === 'css').reduce((a, f) => a + f.gz, 0),
    files: files.map((f) => ({ ...f, url: new URL(f.url).pathname })),
  };
}

/** Slider input → updated data-exact, measured inside the page over `moves` inputs. */
async function sliderLatency(page) {
  const handle = await page.$('sep-figure param-control input[type=range]');
  if (!handle) return null;
  await handle.scrollIntoViewIfNeeded();
  await page.waitForFunction((el) => el.closest('sep-figure')?.dataset.ready !== undefined && !el.disabled, handle);
  return page.evaluate(
    async ({ el, moves }) => {
      const fig = el.closest('sep-figure');
      const min = Number(el.min);
      const max = Number(el.max);
      const span = Math.max(1, Math.min(max - min, 20));
      const sync = [];
      const frame = [];
      let unchanged = 0;
      for (let i = 0; i < moves; i++) {
        const before = [...fig.querySelectorAll('[data-exact]')].map((q) => q.getAttribute('data-exact')).join('|');
        el.value = String(min + ((i % span) + 1 === span ? 0 : (i % span) + 1));
        const t0 = performance.now();
        el.dispatchEvent(new Event('input', { bubbles: true }));
        const t1 = performance.now();
        await new Promise((r) => requestAnimationFrame(() => r(undefined)));
        const t2 = performance.now();
        const after = [...fig.querySelectorAll('[data-exact]')].map((q) => q.getAttribute('data-exact')).join('|');
        if (after === before) unchanged += 1;
        sync.push(t1 - t0);
        frame.push(t2 - t0);
      }
      return { figure: fig.dataset.figure, param: el.closest('param-control').dataset.params, sync, frame, unchanged };
    },
    { el: handle, moves: MOVES },
  );
}

const { server, url } = await serve(dist, 0);
const browser = await chromium.launch(launchOptions());
const results = [];
const only = typeof args.route === 'string' ? [args.route] : routes();
for (const route of only) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const bytes = await shipped(page, url + route);
  const lat = await sliderLatency(page);
  const row = { route, jsGzip: bytes.js, cssGzip: bytes.css, files: bytes.files };
  if (lat) {
    Object.assign(row, {
      slider: `${lat.figure}:${lat.param}`,
      inputToNumbersMs: { median: quantile(lat.sync, 0.5), p95: quantile(lat.sync, 0.95) },
      inputToFrameMs: { median: quantile(lat.frame, 0.5), p95: quantile(lat.frame, 0.95) },
      movesWithoutChange: lat.unchanged,
    });
  }
  results.push(row);
  await context.close();
}
await browser.close();
server.close();

const kb = (b) => `${(b / 1024).toFixed(1)} kB`;
const ms = (x) => (x === undefined ? '—' : `${x.toFixed(2)} ms`);
console.log(`\nroute                         JS (gz)    CSS (gz)   slider                 input→numbers median / p95   input→frame median / p95`);
for (const r of results) {
  console.log(
    `${r.route.padEnd(30)}${kb(r.jsGzip).padStart(9)}  ${kb(r.cssGzip).padStart(9)}   ${(r.slider ?? '—').padEnd(22)} ${ms(r.inputToNumbersMs?.median).padStart(9)} / ${ms(r.inputToNumbersMs?.p95).padEnd(12)}      ${ms(r.inputToFrameMs?.median).padStart(9)} / ${ms(r.inputToFrameMs?.p95)}`,
  );
}
mkdirSync('reports', { recursive: true });
const out = { date: new Date().toISOString(), moves: MOVES, chromium: launchOptions().executablePath, results };
writeFileSync('reports/bench.json', `${JSON.stringify(out, null, 2)}\n`);
console.log('\nWrote reports/bench.json');
