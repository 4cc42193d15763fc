// The speed and legibility budgets `npm run bench` holds the site to (bytes have their own budget
// in bench.mjs); a missed one makes the bench exit non-zero.
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
    if (t.p95 > BUDGETS.throttledP95Ms) missed.push(`${t.route}: ${t.rate}× throttled input to paint p95 ${Math.round(t.p95)} ms (budget ${BUDGETS.throttledP95Ms} ms)`);
  }
  if (underFloor > BUDGETS.figuresUnderTextFloor) missed.push(`${underFloor} figure views with text under the floor of their screen`);
  return missed;
}
