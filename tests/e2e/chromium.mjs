// Where Chromium is, and how it is launched for tests and benchmarks (plain Node, no test runner).
import { existsSync } from 'node:fs';

const BROWSERS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/snap/bin/chromium'];
/** Chromium's headless shell (Debian's chromium-headless-shell): the same engine, without a browser's windows and tabs. */
const SHELLS = ['/usr/bin/chromium-headless-shell', '/usr/lib/chromium/chromium-headless-shell', '/usr/bin/chrome-headless-shell'];

/**
 * The Chromium binary: $CHROMIUM_PATH, else $CHROME_PATH, else the usual system paths. The
 * browser tests ask for the headless shell first (`shell`): over the whole suite it needed 556
 * CPU-seconds where the full browser, also headless, needed 989, with the same tests passing. The
 * benchmarks ask for the full browser first, the Chromium a reader has.
 */
export function findChromium({ shell = false } = {}) {
  const system = shell ? [...SHELLS, ...BROWSERS] : [...BROWSERS, ...SHELLS];
  for (const p of [process.env.CHROMIUM_PATH, process.env.CHROME_PATH, ...system]) {
    if (p && existsSync(p)) return p;
  }
  return undefined;
}

/** Whether the headless shell is installed (or $CHROMIUM_PATH names a Chromium to use instead). */
export function hasShell() {
  return Boolean(process.env.CHROMIUM_PATH || process.env.CHROME_PATH || SHELLS.some((p) => existsSync(p)));
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

/** Launch options for playwright-core's chromium.launch(); `shell` as for findChromium. */
export function launchOptions({ shell = false } = {}) {
  const executablePath = findChromium({ shell });
  if (!executablePath) throw new Error('Chromium was not found. Install it with: sudo apt-get install -y chromium-headless-shell');
  return { executablePath, headless: true, args: CHROMIUM_ARGS };
}
