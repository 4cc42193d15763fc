// The whole test command (npm test): Chromium and the programs that open exported figures and
// printed pages present (rsvg-convert, pdftotext), type check, unit tests, production build, site
// checks over the build, then end-to-end tests in Chromium. Stops at the first failing step.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { findChromium } from '../tests/e2e/chromium.mjs';

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
  { what: 'Chromium', found: () => Boolean(findChromium()), pkg: 'chromium', hint: 'or point CHROMIUM_PATH at a Chromium or Chrome binary' },
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
ensureTools();
run('type check', 'npx', ['astro', 'check', '--minimumFailingSeverity', 'warning']);
run('unit tests', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=reports/unit.json']);
run('build', 'npx', ['astro', 'build']);
run('site checks', 'node', ['scripts/check-site.mjs']);
run('browser tests', 'npx', ['vitest', 'run', '-c', 'vitest.e2e.config.ts', '--reporter=default', '--reporter=json', '--outputFile.json=reports/e2e.json']);
finish(0);
