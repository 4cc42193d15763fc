// The budgets `npm run bench` holds the site to; a missed one makes the bench exit non-zero. The
// byte budget and how bytes are counted are shared with the first-load browser test.
import { gzipSync } from 'node:zlib';

/** Bytes a reader's page may ship on its first load (gzip), and of that, JavaScript. */
export const BYTE_BUDGET = { firstLoad: 100 * 1024, js: 30 * 1024 };

/** What a response is, for the byte budget: the page itself, its styles, scripts and fonts (by content type). */
export function kindOf(type) {
  if (type.includes('javascript')) return 'js';
  if (type.includes('css')) return 'css';
  if (type.includes('html')) return 'html';
  if (type.startsWith('font/') || type.includes('woff')) return 'font';
  if (type.startsWith('image/')) return 'image';
  return null;
}

/** Bytes a body costs on the wire: gzip (level 9, as a server would send it); fonts as they are (woff2 is compressed already). */
export function sentBytes(kind, body) {
  const gz = gzipSync(body, { level: 9 }).length;
  return kind === 'font' ? Math.min(body.length, gz) : gz;
}

export const BUDGETS = {
  /** Slider input → the figure's numbers updated, p95, full-speed CPU. */
  sliderP95Ms: 33,
  /** Keyboard slider step → next paint, p95, with --throttle (4× slower CPU, 412 px viewport). */
  throttledP95Ms: 50,
  /** The calculator at 300 rows: a keystroke's input event → painted, median, full-speed CPU (each row typed into). */
  calculatorKeystrokeMs: 50,
  /** Figure views whose smallest text is under their screen's floor (12 / 16 / 24 px). */
  figuresUnderTextFloor: 0,
};

/** Every budget a bench result misses, as readable lines. */
export function missedBudgets({ results, underFloor = 0, throttle = [] }) {
  const missed = [];
  for (const r of results) {
    for (const s of r.sliders ?? []) {
      if (s.inputToNumbersMs.p95 > BUDGETS.sliderP95Ms) missed.push(`${r.route} ${s.slider}: slider p95 ${s.inputToNumbersMs.p95.toFixed(1)} ms (budget ${BUDGETS.sliderP95Ms} ms)`);
    }
  }
  for (const r of results) {
    for (const [name, m] of Object.entries(r.calculator300 ?? {})) {
      if (m.inputToPaintMs.median > BUDGETS.calculatorKeystrokeMs) missed.push(`${r.route} at 300 rows, ${name}: keystroke → painted median ${m.inputToPaintMs.median.toFixed(1)} ms (budget ${BUDGETS.calculatorKeystrokeMs} ms)`);
    }
  }
  for (const t of throttle) {
    // The floor row is the bench's own page, read for comparison; it holds no budget.
    if (t.floor) continue;
    if (t.p95 > BUDGETS.throttledP95Ms) missed.push(`${t.route}: ${t.rate}× throttled input to paint p95 ${Math.round(t.p95)} ms (budget ${BUDGETS.throttledP95Ms} ms)`);
  }
  if (underFloor > BUDGETS.figuresUnderTextFloor) missed.push(`${underFloor} figure views with text under the floor of their screen`);
  return missed;
}
