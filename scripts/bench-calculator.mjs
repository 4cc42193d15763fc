// The calculator at its limit of 300 rows: keystrokes in a row's output-channel box, timed from
// the input event to the frame after it has painted, and read from a Chromium performance trace
// (where the main thread's time goes: script, style, layout, paint). Part of `npm run bench`
// (the /calculator/ route); alone: `node scripts/bench-calculator.mjs [--presses=N] [--trace=N]
// [--cpu=N]` over a built dist/ (--cpu slows Chromium's CPU N× as DevTools does).
import { fileURLToPath } from 'node:url';
import { BUDGETS } from './budgets.mjs';

/** 300 rows: 150 depthwise + pointwise pairs after a 56×56×32 input (an edit changes its row and the two below). */
export const CALC_300 = `v1_56x56x32_bn_${Array.from({ length: 150 }, () => 'dw_pw.n32').join('_')}`;
/** 300 rows where row 2 sets the channels of every row below it (298 depthwise rows follow). */
export const CALC_300_CHAIN = 'v1_56x56x32_bn_dw_pw.n32_dw*298';

/** Rows typed into: the second, the middle, the last (only the totals change), and row 2 where every row below changes. */
export const CALC_ROWS = [
  ['row 2', 2, CALC_300],
  ['row 150', 150, CALC_300],
  ['row 300', 300, CALC_300],
  ['row 2 (all below change)', 2, CALC_300_CHAIN],
];

const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * (s.length - 1) + 0.5))];
};
const stats = (xs) => ({
  median: quantile(xs, 0.5),
  p95: quantile(xs, 0.95),
  max: Math.max(...xs),
});

async function openStack(page, base, stack = CALC_300) {
  await page.goto(`${base}/calculator/?stack=${stack}`, {
    waitUntil: 'networkidle',
  });
  await page.waitForSelector('stack-calculator[data-ready]');
  if ((await page.locator('[data-role=rows] tr').count()) !== 300) throw new Error('the 300-row stack did not load');
}

/** Focus row `row`'s output-channel box with the caret at the end. */
async function focusBox(page, row) {
  const box = page.getByLabel(`Row ${row} output channels`, { exact: true });
  await box.scrollIntoViewIfNeeded();
  await box.click();
  await page.keyboard.press('End');
  await page.waitForTimeout(200);
}

/** Key press `i` of a run: a digit, then Backspace (32 → 321 → 32 …); every press changes the stack. */
const keyFor = (i) => (i % 2 === 0 ? String(1 + (i % 9)) : 'Backspace');

/** Press keys into the focused box; each press is timed in the page from its input event to the frame after it painted. */
async function timedPresses(page, presses) {
  const inPage = [];
  for (let i = 0; i < presses; i++) {
    await page.evaluate(() => {
      window.__paintMs = undefined;
      document.activeElement.addEventListener(
        'input',
        () => {
          const t0 = performance.now();
          // The rAF callback runs before the frame's style, layout and paint; a task posted from
          // it runs after that frame has been produced.
          requestAnimationFrame(() => setTimeout(() => (window.__paintMs = performance.now() - t0), 0));
        },
        { once: true },
      );
    });
    await page.keyboard.press(keyFor(i));
    inPage.push(await page.waitForFunction(() => window.__paintMs, null, { timeout: 20_000 }).then((h) => h.jsonValue()));
  }
  return inPage;
}

/**
 * Keystrokes at rows 2, 150 and 300: input → painted (in the page), key press → paint (the
 * browser's Event Timing; entries start at 16 ms, a press without one painted sooner) and the
 * longest task, over `presses` presses each.
 */
export async function calculatorKeystrokes(page, base, presses = 24) {
  let open = null;
  const out = {};
  for (const [name, row, stack] of CALC_ROWS) {
    if (open !== stack) {
      await openStack(page, base, stack);
      await page.evaluate(() => {
        window.__events = [];
        window.__tasks = [];
        new PerformanceObserver((l) => window.__events.push(...l.getEntries().map((e) => ({ duration: e.duration, id: e.interactionId })))).observe({ type: 'event', durationThreshold: 16 });
        new PerformanceObserver((l) => window.__tasks.push(...l.getEntries().map((e) => e.duration))).observe({ type: 'longtask' });
      });
      open = stack;
    }
    await focusBox(page, row);
    await page.evaluate(() => {
      window.__events = [];
      window.__tasks = [];
    });
    const inPage = await timedPresses(page, presses);
    await page.waitForTimeout(300);
    const { events, tasks } = await page.evaluate(() => ({
      events: window.__events,
      tasks: window.__tasks,
    }));
    const byId = new Map();
    for (const e of events) if (e.id) byId.set(e.id, Math.max(byId.get(e.id) ?? 0, e.duration));
    const pressToPaint = [...byId.values()];
    while (pressToPaint.length < presses) pressToPaint.push(16);
    out[name] = {
      presses,
      inputToPaintMs: stats(inPage),
      pressToPaintMs: stats(pressToPaint),
      longTasks: tasks.length,
      longestTaskMs: tasks.length ? Math.max(...tasks) : 0,
    };
  }
  return out;
}

/** Trace event names by what the main thread was doing. */
const KIND = [
  ['script', /^(FunctionCall|EventDispatch|EvaluateScript|TimerFire|FireAnimationFrame|RunMicrotasks|V8\.|v8\.|MinorGC|MajorGC|BlinkGC|CppGC|GCEvent|ParseHTML|Editor::|TypingCommand|FrameLoader::|Document::SetURL)/],
  ['style', /^(UpdateLayoutTree|RecalculateStyles|ParseAuthorStyleSheet|Document::updateStyle|Document::rebuildLayoutTree|Document::UpdateStyleAndLayout)/],
  ['layout', /^(Layout|UpdateLayout|LocalFrameView::performLayout|InlineNode::)/],
  ['paint', /^(PrePaint|Paint|Blink\.Paint|Blink\.PrePaint|PaintArtifactCompositor|Blink\.CompositingInputs|Layerize|UpdateLayer|CompositeLayers|Commit|LocalFrameView::RunPaintLifecyclePhase)/],
];
const kindOf = (name) => KIND.find(([, re]) => re.test(name))?.[0] ?? 'other';

/**
 * Self time per kind on the renderer's main thread: each complete event's duration less its
 * children's, wall (dur) and CPU (tdur, the thread's own time, which other processes on a busy
 * machine do not inflate).
 */
export function traceBreakdown(events) {
  const names = new Map();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, e.args.name);
  // The main thread that dispatched the key events.
  const dispatches = new Map();
  for (const e of events) if (e.name === 'EventDispatch' && names.get(`${e.pid}:${e.tid}`) === 'CrRendererMain') dispatches.set(`${e.pid}:${e.tid}`, (dispatches.get(`${e.pid}:${e.tid}`) ?? 0) + 1);
  const main = [...dispatches].sort((a, b) => b[1] - a[1])[0]?.[0];
  const spans = events.filter((e) => `${e.pid}:${e.tid}` === main && e.ph === 'X' && typeof e.dur === 'number').sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const wall = { script: 0, style: 0, layout: 0, paint: 0, other: 0 };
  const cpu = { script: 0, style: 0, layout: 0, paint: 0, other: 0 };
  const stack = [];
  const selfOf = new Map();
  let busy = 0;
  let busyCpu = 0;
  for (const e of spans) {
    while (stack.length && stack.at(-1).ts + stack.at(-1).dur <= e.ts) stack.pop();
    const parent = stack.at(-1);
    // Busy time: the main thread's top-level tasks (nested tasks are inside them).
    if (!parent && /RunTask$/.test(e.name)) {
      busy += e.dur / 1000;
      busyCpu += (e.tdur ?? 0) / 1000;
    }
    selfOf.set(e, { dur: e.dur, tdur: e.tdur ?? 0 });
    if (parent) {
      const p = selfOf.get(parent);
      p.dur -= e.dur;
      p.tdur -= e.tdur ?? 0;
    }
    stack.push(e);
  }
  const byName = new Map();
  for (const [e, s] of selfOf) {
    byName.set(e.name, (byName.get(e.name) ?? 0) + Math.max(0, s.tdur) / 1000);
    const k = kindOf(e.name);
    wall[k] += Math.max(0, s.dur) / 1000;
    cpu[k] += Math.max(0, s.tdur) / 1000;
  }
  const top = [...byName].sort((a, b) => b[1] - a[1]).slice(0, 8);
  return { wall, cpu, busy, busyCpu, top };
}

/** A performance trace of `presses` keystrokes at row `row` (of the stack where every row below changes): the main thread's time per keystroke by kind. */
export async function calculatorTrace(page, base, { row = 2, presses = 20, stack = CALC_300_CHAIN } = {}) {
  await openStack(page, base, stack);
  await focusBox(page, row);
  const cdp = await page.context().newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', (d) => events.push(...d.value));
  const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', {
    traceConfig: {
      includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'blink', 'toplevel', '__metadata'],
      recordMode: 'recordAsMuchAsPossible',
      enableSampling: false,
    },
    transferMode: 'ReportEvents',
  });
  const inPage = await timedPresses(page, presses);
  await page.waitForTimeout(200);
  await cdp.send('Tracing.end');
  await done;
  await cdp.detach();
  const b = traceBreakdown(events);
  const per = (o) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, v / presses]));
  return {
    row,
    stack,
    presses,
    inputToPaintMs: stats(inPage),
    wallPerPressMs: per(b.wall),
    cpuPerPressMs: per(b.cpu),
    busyPerPressMs: b.busy / presses,
    busyCpuPerPressMs: b.busyCpu / presses,
    topCpuPerPressMs: Object.fromEntries(b.top.map(([k, v]) => [k, v / presses])),
  };
}

const ms = (x) => (x === undefined ? '—' : `${x.toFixed(1)} ms`);

export function printCalculator(keys, traces = []) {
  console.log('\nCalculator at 300 rows, a keystroke in an output-channel box (median / p95 / max):');
  for (const [name, m] of Object.entries(keys ?? {})) {
    console.log(
      `${name.padEnd(26)} input → painted ${ms(m.inputToPaintMs.median)} / ${ms(m.inputToPaintMs.p95)} / ${ms(m.inputToPaintMs.max)}   key press → paint (Event Timing) ${ms(m.pressToPaintMs.median)} / ${ms(m.pressToPaintMs.p95)} / ${ms(m.pressToPaintMs.max)}   long tasks ${m.longTasks}, longest ${ms(m.longestTaskMs)}${m.inputToPaintMs.median > BUDGETS.calculatorKeystrokeMs ? '  over budget' : ''}`,
    );
  }
  const f = (o) =>
    Object.entries(o)
      .map(([k, v]) => `${k} ${v.toFixed(1)}`)
      .join(', ');
  for (const trace of traces) {
    const which = trace.stack === CALC_300_CHAIN ? 'every row below changing' : 'the two rows below changing';
    console.log(`Trace of ${trace.presses} keystrokes at row ${trace.row}, ${which} (main thread per keystroke, ms; input → painted ${ms(trace.inputToPaintMs.median)} / ${ms(trace.inputToPaintMs.p95)}):`);
    console.log(`  wall  busy ${trace.busyPerPressMs.toFixed(1)}: ${f(trace.wallPerPressMs)}`);
    console.log(`  CPU   busy ${trace.busyCpuPerPressMs.toFixed(1)}: ${f(trace.cpuPerPressMs)}`);
    console.log(`  CPU by trace event: ${f(trace.topCpuPerPressMs)}`);
  }
}

/** Traces of keystrokes at row 2 of both 300-row stacks. */
export async function calculatorTraces(page, base, presses = 20) {
  return [await calculatorTrace(page, base, { row: 2, presses, stack: CALC_300 }), await calculatorTrace(page, base, { row: 2, presses, stack: CALC_300_CHAIN })];
}

// Alone: node scripts/bench-calculator.mjs
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { chromium } = await import('playwright-core');
  const { serve } = await import('./serve.mjs');
  const { launchOptions } = await import('../tests/e2e/chromium.mjs');
  const arg = (name, d) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? d);
  const { server, url } = await serve(process.env.SEPARABLE_OUT_DIR ?? 'dist', 0);
  const browser = await chromium.launch(launchOptions());
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
  });
  const page = await context.newPage();
  const cpu = arg('cpu', 1);
  if (cpu > 1) await (await context.newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: cpu });
  const base = url.replace(/\/$/, '');
  const keys = await calculatorKeystrokes(page, base, arg('presses', 24));
  const traces = arg('trace', 20) > 0 ? await calculatorTraces(page, base, arg('trace', 20)) : [];
  printCalculator(keys, traces);
  await browser.close();
  server.close();
}
