// The whole test command (npm test): Chromium and the programs that open exported figures and
// printed pages present (rsvg-convert, pdftotext); then, side by side on two lanes, production
// build → type check, and unit tests → site checks over the build; then end-to-end tests in
// Chromium. The site checks run only when the build they read was made; the browser tests only
// when every step before them passed. Every failure is listed at the end, and the command exits
// non-zero.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { findChromium, hasShell } from '../tests/e2e/chromium.mjs';

const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
const counts = { passed: 0, failed: 0 };

function run(title, cmd, args) {
  const started = Date.now();
  console.log(`\n▶ ${title}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (r.status !== 0) {
    console.error(`✖ ${title} failed after ${seconds} s`);
    finish(1);
  }
  console.log(`✔ ${title} (${seconds} s)`);
}

/**
 * One step run while another lane runs too: its output is kept and printed in one piece when it
 * ends, so two steps' lines do not mix. Resolves to whether it passed.
 */
function step(title, cmd, args) {
  const started = Date.now();
  console.log(`▶ ${title} started: ${cmd} ${args.join(' ')}`);
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { env: { ...env, ...(process.stdout.isTTY ? { FORCE_COLOR: '1' } : {}) } });
    const out = [];
    child.stdout.on('data', (b) => out.push(b));
    child.stderr.on('data', (b) => out.push(b));
    const done = (code, why = '') => {
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      console.log(`\n── ${title}: ${cmd} ${args.join(' ')} ──`);
      process.stdout.write(Buffer.concat(out));
      if (code === 0) console.log(`✔ ${title} (${seconds} s)`);
      else console.error(`✖ ${title} failed after ${seconds} s${why}`);
      resolve(code === 0);
    };
    child.on('error', (e) => done(1, `: ${e.message}`));
    child.on('close', (code) => done(code ?? 1));
  });
}

/** Steps one after another, stopping at the first that fails; resolves to the titles that failed. */
async function lane(steps) {
  for (const [title, cmd, args] of steps) {
    if (!(await step(title, cmd, args))) return [title];
  }
  return [];
}

function addCounts(file) {
  if (!existsSync(file)) return;
  const j = JSON.parse(readFileSync(file, 'utf8'));
  counts.passed += j.numPassedTests ?? 0;
  counts.failed += (j.numFailedTests ?? 0) + (j.numTodoTests ?? 0) + (j.numPendingTests ?? 0);
}

function finish(code) {
  addCounts('reports/unit.json');
  addCounts('reports/e2e.json');
  console.log(`\nTests: ${counts.passed} passed, ${counts.failed} failed`);
  process.exit(code);
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/** Whether a program is on the PATH. */
function onPath(name) {
  return (process.env.PATH ?? '').split(delimiter).some((dir) => dir && existsSync(join(dir, name)));
}

/** Debian packages for what the browser tests need, installed when missing (as root, like CI). */
const NEEDED = [
  // The browser tests run in Chromium's headless shell: the full browser works too but takes
  // nearly twice the CPU time (tests/e2e/chromium.mjs). As root it is installed when missing.
  { what: "Chromium's headless shell", found: () => hasShell() || (!isRoot && Boolean(findChromium())), pkg: 'chromium-headless-shell', hint: 'or point CHROMIUM_PATH at a Chromium or Chrome binary' },
  { what: 'rsvg-convert (exported figures are opened with it)', found: () => onPath('rsvg-convert'), pkg: 'librsvg2-bin' },
  { what: 'pdftotext and pdfinfo (printed pages are read with them)', found: () => onPath('pdftotext') && onPath('pdfinfo'), pkg: 'poppler-utils' },
  { what: 'a Chinese font (the Chinese pages and slides are measured with real glyphs)', found: hasChineseFont, pkg: 'fonts-wqy-microhei' },
];

/** Whether fontconfig knows a font that covers Chinese. */
function hasChineseFont() {
  const r = spawnSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.trim().length > 0;
}

function ensureTools() {
  const missing = NEEDED.filter((n) => !n.found());
  if (missing.length === 0) return;
  if (!isRoot) {
    for (const m of missing) console.error(`${m.what} is needed for the browser tests and was not found.\nInstall it with:  sudo apt-get install -y ${m.pkg}${m.hint ? `\n(${m.hint}).` : ''}`);
    process.exit(1);
  }
  const pkgs = missing.map((m) => m.pkg);
  console.log(`▶ Installing Debian's ${pkgs.join(', ')}`);
  run('apt-get update', 'apt-get', ['update', '-qq']);
  run(`install ${pkgs.join(' ')}`, 'apt-get', ['install', '-y', '-qq', ...pkgs]);
  const still = NEEDED.filter((n) => !n.found());
  if (still.length > 0) {
    console.error(`Still missing after apt-get install: ${still.map((m) => m.what).join('; ')}`);
    process.exit(1);
  }
}

mkdirSync('reports', { recursive: true });
// Counts come from this run's reports only.
for (const f of ['reports/unit.json', 'reports/e2e.json']) rmSync(f, { force: true });
ensureTools();
// Two lanes on two cores. The build goes first on one; the unit tests, which read neither the build
// nor Astro's generated types, on the other. Then the type check follows the build on its lane (both
// write Astro's generated types, .astro/, so never at once) while the site checks, which read the
// build, follow the unit tests on theirs. Before, the type check, build and site checks ran one
// after another beside the unit tests: 85 and 92 s in two runs here, against 77 and 83 s now.
const started = Date.now();
const build = lane([['build', 'npx', ['astro', 'build']]]);
const failed = (
  await Promise.all([
    build.then(async (f) => [...f, ...(await lane([['type check', 'npx', ['astro', 'check', '--minimumFailingSeverity', 'warning']]]))]),
    (async () => {
      const unit = await lane([['unit tests', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=reports/unit.json']]]);
      // The site checks read the build: none when it failed (its lane says so).
      if ((await build).length > 0) return unit;
      return [...unit, ...(await lane([['site checks', 'node', ['scripts/check-site.mjs']]]))];
    })(),
  ])
).flat();
console.log(`\nUnit tests, type check, build and site checks: ${((Date.now() - started) / 1000).toFixed(1)} s`);
if (failed.length > 0) {
  console.error(`✖ Failed: ${failed.join(', ')}. The browser tests did not run.`);
  finish(1);
}
run('browser tests', 'npx', ['vitest', 'run', '-c', 'vitest.e2e.config.ts', '--reporter=default', '--reporter=json', '--outputFile.json=reports/e2e.json']);
finish(0);
