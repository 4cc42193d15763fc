// Where Chromium is, and how it is launched for tests and benchmarks (plain Node, no test runner).
import { existsSync } from 'node:fs';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/snap/bin/chromium'];

/** The Chromium binary: $CHROMIUM_PATH, else $CHROME_PATH, else the usual system paths. */
export function findChromium() {
  for (const p of [process.env.CHROMIUM_PATH, process.env.CHROME_PATH, ...CANDIDATES]) {
    if (p && existsSync(p)) return p;
  }
  return undefined;
}

/**
 * Flags for a closed network and a root user: no sandbox, no GPU (so tfjs runs on its cpu
 * backend), and none of Chromium's own background connections.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

/** Launch options for playwright-core's chromium.launch(). */
export function launchOptions() {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('Chromium was not found. Install it with: sudo apt-get install -y chromium');
  return { executablePath, headless: true, args: CHROMIUM_ARGS };
}
