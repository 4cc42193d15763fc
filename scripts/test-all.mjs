// The whole test command (npm test): Chromium present, type check, unit tests, production build,
// site checks over the build, then end-to-end tests in Chromium. Stops at the first failing step.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync } from 'node:fs';
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

function ensureChromium() {
  if (findChromium()) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    console.error('Chromium is needed for the browser tests and was not found.\nInstall it with:  sudo apt-get install -y chromium\n(or point CHROMIUM_PATH at a Chromium or Chrome binary).');
    process.exit(1);
  }
  console.log('▶ Chromium not found: installing Debian\'s package');
  run('apt-get update', 'apt-get', ['update', '-qq']);
  run('install chromium', 'apt-get', ['install', '-y', '-qq', 'chromium']);
  if (!findChromium()) {
    console.error('Chromium is still missing after apt-get install.');
    process.exit(1);
  }
}

mkdirSync('reports', { recursive: true });
ensureChromium();
run('type check', 'npx', ['astro', 'check', '--minimumFailingSeverity', 'warning']);
run('unit tests', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=reports/unit.json']);
run('build', 'npx', ['astro', 'build']);
run('site checks', 'node', ['scripts/check-site.mjs']);
run('browser tests', 'npx', ['vitest', 'run', '-c', 'vitest.e2e.config.ts', '--reporter=default', '--reporter=json', '--outputFile.json=reports/e2e.json']);
finish(0);
