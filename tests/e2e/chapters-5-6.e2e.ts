// Chapters 5 and 6: every control from the keyboard, the spiral experiment and the bottleneck
// training in TensorFlow.js on the cpu backend, and no tfjs download before it is needed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page, Response } from 'playwright-core';
import { baseURL, figuresReady, launch, visit, watchedPage } from './harness';
import { mobilenetV2 } from '../../src/lib/architectures';
import { invertedResidual } from '../../src/lib/blocks';
import { reluRoundTrip } from '../../src/lib/manifold';

let browser: Browser;
// One tab for the tests that read pages without counting requests: each is a visit in it (harness.ts).
let tab: Page;
beforeAll(async () => {
  browser = await launch();
  tab = await (await browser.newContext({ reducedMotion: 'reduce' })).newPage();
});
afterAll(async () => {
  await browser?.close();
});

/** Records every script the page fetches and whether it is TensorFlow.js (tfjs-core carries its version string). */
function watchScripts(page: Page): { tfjs: string[]; all: string[] } {
  const seen = { tfjs: [] as string[], all: [] as string[] };
  page.on('response', async (r: Response) => {
    const url = r.url();
    if (!url.endsWith('.js')) return;
    seen.all.push(url);
    const body = await r.text().catch(() => '');
    if (/\/(load|manifold-tf|bottleneck-train)\.[\w-]+\.js$/.test(url) || body.includes('"4.22.0"') || body.includes("'4.22.0'")) seen.tfjs.push(url);
  });
  return seen;
}

const exactOf = (page: Page, fig: string, name: string, extra = ''): Promise<string | null> =>
  page.locator(`[data-figure="${fig}"] [data-quantity="${name}"]${extra}`).first().getAttribute('data-exact');
const query = (page: Page, key: string): string | null => new URL(page.url()).searchParams.get(key);

describe('chapter 5, linear bottlenecks', () => {
  it('loads no TensorFlow.js with the page, then computes the spiral panels with it on the cpu backend; dim, act and seed from the keyboard', async () => {
    const { context, page, problems } = await watchedPage(browser, { viewport: { width: 1280, height: 720 } });
    const scripts = watchScripts(page);
    await page.goto(`${baseURL()}/linear-bottlenecks/`);
    await page.waitForLoadState('networkidle');
    await figuresReady(page);
    expect(scripts.all.length).toBeGreaterThan(0);
    expect(scripts.tfjs).toEqual([]);
    // The build-time (float64) error at n = 5, before the figure hydrates.
    const built = Number(await exactOf(page, 'relu-manifold', 'error', '[data-dim="5"]'));
    expect(built).toBeGreaterThan(0);

    const fig = page.locator('[data-figure="relu-manifold"]');
    await fig.scrollIntoViewIfNeeded();
    const backend = fig.locator('[data-role="backend"]');
    await expect.poll(() => backend.getAttribute('data-backend'), { timeout: 20_000 }).toBe('cpu');
    expect(scripts.tfjs.length).toBeGreaterThan(0);
    // tfjs (float32) agrees with the build (float64).
    expect(Math.abs(Number(await exactOf(page, 'relu-manifold', 'error', '[data-dim="5"]')) - built) / built).toBeLessThan(1e-4);
    // n = 5 is one of the paper's panels: the slider takes that column rather than drawing a second copy.
    expect(await fig.locator('[data-quantity="error"]').count()).toBe(5);

    // dim: End → 64, time from the key to the redrawn panel.
    const dim = page.getByRole('slider', { name: /Embedding dimension/ });
    await dim.focus();
    const t0 = Date.now();
    await page.keyboard.press('End');
    await expect.poll(() => fig.locator('[data-quantity="error"][data-dim="64"]').count()).toBe(1);
    expect(await fig.locator('[data-quantity="error"]').count()).toBe(6);
    const redrawMs = Date.now() - t0;
    await expect.poll(() => query(page, 'dim')).toBe('64');
    await expect.poll(() => backend.getAttribute('data-backend')).toBe('cpu');
    const tfMs = Number(await backend.getAttribute('data-ms'));
    console.info(`relu-manifold: n = 64 redraw ${redrawMs} ms from the key press (tfjs ${tfMs} ms)`);
    expect(redrawMs).toBeLessThan(2000);

    // act: the select, from the keyboard; the activations figure follows the same parameter.
    const act = page.getByRole('combobox', { name: /Activation/ }).first();
    await act.focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => query(page, 'act')).toBe('1');
    await page.locator('[data-figure="activations"]').scrollIntoViewIfNeeded();
    await expect.poll(() => page.locator('[data-figure="activations"] path.act-chosen').getAttribute('data-activation')).toBe('relu6');
    await expect.poll(() => exactOf(page, 'activations', 'activation-at-8')).toBe('6');
    await fig.scrollIntoViewIfNeeded();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => query(page, 'act')).toBe('2');
    // Linear: nothing is lost at any n.
    await expect.poll(async () => Number(await exactOf(page, 'relu-manifold', 'error', '[data-dim="2"]'))).toBeLessThan(1e-6);

    // seed: a new T changes the errors.
    await act.focus();
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => query(page, 'act')).toBe('0');
    const before = await exactOf(page, 'relu-manifold', 'error', '[data-dim="2"]');
    const seed = page.getByRole('slider', { name: /Random seed/ });
    await seed.focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => query(page, 'seed')).toBe('2');
    await expect.poll(() => exactOf(page, 'relu-manifold', 'error', '[data-dim="2"]')).not.toBe(before);
    await expect.poll(() => backend.getAttribute('data-backend')).toBe('cpu');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('trains the ReLU and the linear bottleneck from the keyboard, stops and reruns, and shows the backend and the gap', async () => {
    const { page, problems, done } = await visit(tab);
    const scripts = watchScripts(page);
    await page.goto(`${baseURL()}/linear-bottlenecks/`);
    const block = page.locator('bottleneck-train');
    // The block's code arrives as it comes near.
    await block.scrollIntoViewIfNeeded();
    await expect.poll(() => block.getAttribute('data-ready')).toBe('');
    const run = block.getByRole('button', { name: /Run both/ });
    const stop = block.getByRole('button', { name: 'Stop' });
    expect(await stop.isDisabled()).toBe(true);
    await run.focus();
    expect(scripts.tfjs.filter((u) => u.includes('bottleneck-train'))).toEqual([]);
    await page.keyboard.press('Enter');
    await expect.poll(() => block.getAttribute('data-state'), { timeout: 20_000 }).toBe('running');
    await expect.poll(() => block.locator('path.bt-relu').getAttribute('data-epochs').then(Number), { timeout: 20_000 }).toBeGreaterThan(5);
    await stop.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => block.getAttribute('data-state'), { timeout: 20_000 }).toBe('cancelled');
    expect(Number(await block.locator('path.bt-relu').getAttribute('data-epochs'))).toBeLessThan(300);

    await run.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => block.getAttribute('data-state'), { timeout: 60_000, interval: 250 }).toBe('done');
    expect(await block.locator('[data-role="backend"]').getAttribute('data-backend')).toBe('cpu');
    const relu = Number(await block.locator('[data-role="loss-relu"]').getAttribute('data-exact'));
    const linear = Number(await block.locator('[data-role="loss-linear"]').getAttribute('data-exact'));
    const gap = Number(await block.locator('[data-role="gap"]').getAttribute('data-exact'));
    console.info(`bottleneck training: ${Number(await block.getAttribute('data-seconds')).toFixed(1)} s, ReLU ${relu}, linear ${linear}, gap ${gap.toFixed(1)}×`);
    expect(relu).toBeGreaterThan(0);
    expect(linear).toBeGreaterThan(0);
    expect(gap).toBeCloseTo(relu / linear, 3);
    // Sandler et al. 2018, §6.4: the linear bottleneck does better.
    expect(gap).toBeGreaterThan(2);
    expect(Number(await block.locator('path.bt-linear').getAttribute('data-epochs'))).toBe(300);
    // Both networks' outputs are drawn over the target spiral: 64 points each.
    expect(await block.locator('[data-role="spiral-relu"]').getAttribute('data-points')).toBe('64');
    expect(await block.locator('[data-role="spiral-linear"]').getAttribute('data-points')).toBe('64');
    expect(problems).toEqual([]);
    await done();
  });

  it('shows the spiral panels, their errors and the empty training chart with JavaScript off', async () => {
    const { context, page, problems } = await watchedPage(browser, { javaScriptEnabled: false });
    await page.goto(`${baseURL()}/linear-bottlenecks/`);
    const fig = page.locator('[data-figure="relu-manifold"] svg[data-variant="wide"]');
    expect(await fig.locator('[data-quantity="error"]').count()).toBe(5);
    expect(await fig.locator('[data-quantity="lost"]').count()).toBe(5);
    expect(await fig.locator('[data-role="backend"]').getAttribute('data-backend')).toBe('build');
    expect(await fig.locator('path.rm-dots').count()).toBeGreaterThan(60);
    // A wide and a narrow picture are in the page; CSS shows one.
    expect(await page.locator('bottleneck-train svg[role="img"]:visible').count()).toBe(1);
    expect(await page.locator('bottleneck-train button[data-role="run"]').isDisabled()).toBe(true);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('marks what ReLU loses: most points at n = 2, none at n = 30, beside the prediction (1 + n)/2ⁿ; linear loses none', async () => {
    const { context, page, problems } = await watchedPage(browser, { viewport: { width: 1440, height: 900 } });
    await page.goto(`${baseURL()}/linear-bottlenecks/?dim=30`);
    const fig = page.locator('[data-figure="relu-manifold"]');
    await fig.scrollIntoViewIfNeeded();
    await expect.poll(() => fig.locator('[data-role="backend"]').getAttribute('data-backend'), { timeout: 20_000 }).toBe('cpu');
    const lost = async (n: number) => Number(await fig.locator(`[data-quantity="lost"][data-dim="${n}"]`).getAttribute('data-exact'));
    // Two rows of T keep a point only inside the wedge where both are positive: at least half the directions are lost.
    expect(await lost(2)).toBeGreaterThan(0.5);
    expect(await lost(3)).toBeGreaterThan(await lost(15));
    expect(await lost(30)).toBe(0);
    // The lost points are drawn, dark, in the n = 2 panels and not in the n = 30 ones.
    expect(Number(await fig.locator('[data-panel="2"][data-row="active"] path.rm-lost').getAttribute('data-count'))).toBeGreaterThan(1000);
    expect(await fig.locator('[data-panel="30"] path.rm-lost').count()).toBe(0);
    // The chart plots the prediction and the mean over random T on it.
    expect(await fig.locator('[data-role="lost-plot"] [data-series="predicted"]').count()).toBe(1);
    expect(await fig.locator('[data-role="lost-plot"] circle.rm-mean-dot[data-dim]').count()).toBeGreaterThan(10);
    // The slider's n = 30 is the paper's column, framed, not a sixth panel.
    expect(await fig.locator('[data-row="active"][data-panel="30"]').count()).toBe(1);
    expect(await fig.locator('[data-row="active"][data-slider]').getAttribute('data-panel')).toBe('30');
    expect(await fig.locator('[data-row="active"]').count()).toBe(5);
    // Linear: nothing is lost at any n.
    await page.getByRole('combobox', { name: /Activation/ }).first().selectOption('2');
    await expect.poll(() => lost(2)).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('slider changes while the worker computes end on the newest values: stale answers are dropped, nothing is logged', async () => {
    const { context, page, problems } = await watchedPage(browser, { viewport: { width: 1280, height: 720 } });
    await page.goto(`${baseURL()}/linear-bottlenecks/`);
    const fig = page.locator('[data-figure="relu-manifold"]');
    await fig.scrollIntoViewIfNeeded();
    const backend = fig.locator('[data-role="backend"]');
    await expect.poll(() => backend.getAttribute('data-backend'), { timeout: 20_000 }).toBe('cpu');
    // Record the seed of every redraw, as its description states it.
    await fig.evaluate((el) => {
      const drawn: number[] = [];
      (window as unknown as { drawn: number[] }).drawn = drawn;
      el.addEventListener('sep:drawn', () => drawn.push(Number(/seed (\d+)/.exec(el.querySelector('desc')?.textContent ?? '')?.[1])));
    });
    // Five new seeds, each needing ten round trips in the worker, then n to its end: keys pressed
    // without waiting, faster than the worker answers.
    const seed = page.getByRole('slider', { name: /Random seed/ });
    await seed.focus();
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
    const dim = page.getByRole('slider', { name: /Embedding dimension/ });
    await dim.focus();
    await page.keyboard.press('End');
    await expect.poll(() => query(page, 'seed')).toBe('6');
    await expect.poll(() => query(page, 'dim')).toBe('64');
    // The figure ends on seed 6 at n = 64 (tfjs float32 against the float64 reference).
    const want = reluRoundTrip({ dim: 64, points: 2000, seed: 6, activation: 'relu' }).error;
    const shown = async () => Number(await exactOf(page, 'relu-manifold', 'error', '[data-dim="64"]'));
    await expect.poll(async () => Math.abs((await shown()) - want) / want, { timeout: 20_000 }).toBeLessThan(1e-4);
    await expect.poll(() => fig.getAttribute('data-busy')).toBeNull();
    const want2 = reluRoundTrip({ dim: 2, points: 2000, seed: 6, activation: 'relu' }).error;
    expect(Math.abs(Number(await exactOf(page, 'relu-manifold', 'error', '[data-dim="2"]')) - want2) / want2).toBeLessThan(1e-4);
    expect(await backend.getAttribute('data-backend')).toBe('cpu');
    expect(await fig.locator('desc').first().textContent()).toContain('seed 6');
    // A late answer for an older seed does not replace the picture afterwards: the seeds drawn
    // never go back, and the last is 6.
    await page.waitForTimeout(1000);
    expect(Math.abs((await shown()) - want) / want).toBeLessThan(1e-4);
    const drawn = await page.evaluate(() => (window as unknown as { drawn: number[] }).drawn);
    expect(drawn.at(-1)).toBe(6);
    expect(drawn).toEqual([...drawn].sort((a, b) => a - b));
    expect(problems).toEqual([]);
    await context.close();
  });

  it('draws with its own float64 code when the worker cannot be fetched, and uses the worker on a later change once it can', async () => {
    const { context, page, problems } = await watchedPage(browser, { viewport: { width: 1280, height: 720 } });
    let blocked = true;
    await context.route(/manifold\.worker-[\w-]+\.js$/, (route) => (blocked ? route.abort('internetdisconnected') : route.continue()));
    await page.goto(`${baseURL()}/linear-bottlenecks/`);
    const fig = page.locator('[data-figure="relu-manifold"]');
    await fig.scrollIntoViewIfNeeded();
    await expect.poll(() => fig.getAttribute('data-ready'), { timeout: 20_000 }).toBe('');
    const backend = fig.locator('[data-role="backend"]');
    expect(await backend.getAttribute('data-backend')).toBe('build');
    const dim = page.getByRole('slider', { name: /Embedding dimension/ });
    await dim.focus();
    await page.keyboard.press('ArrowRight');
    // Still drawn, from float64: exactly the reference value at n = 6.
    const want = reluRoundTrip({ dim: 6, points: 2000, seed: 1, activation: 'relu' }).error;
    await expect.poll(async () => Number(await exactOf(page, 'relu-manifold', 'error', '[data-dim="6"]'))).toBe(want);
    expect(await backend.getAttribute('data-backend')).toBe('build');
    // The worker can be fetched again: once the backoff after the failures has passed (1 s, then
    // doubling), a slider change starts it.
    blocked = false;
    await expect
      .poll(
        async () => {
          await page.keyboard.press('ArrowRight');
          return backend.getAttribute('data-backend');
        },
        { timeout: 20_000, interval: 700 },
      )
      .toBe('cpu');
    // (The address bar follows the slider a moment later; the slider itself holds the value.)
    const n = Number(await dim.inputValue());
    expect(n).toBeGreaterThan(6);
    const wantN = reluRoundTrip({ dim: n, points: 2000, seed: 1, activation: 'relu' }).error;
    await expect.poll(async () => Math.abs(Number(await exactOf(page, 'relu-manifold', 'error', `[data-dim="${n}"]`)) - wantN) / wantN).toBeLessThan(1e-4);
    // Only the browser's own lines for the refused fetches of the worker: no uncaught error.
    const refused = problems.filter((p) => /^request failed: \S+\/manifold\.worker-[\w-]+\.js /.test(p));
    expect(refused.length).toBeGreaterThan(0);
    expect(problems.filter((p) => !refused.includes(p))).toEqual([]);
    await context.close();
  });

  it('dims the spiral panels only once an answer has been awaited 250 ms: a slow first answer dims them, the steps of a drag never flicker', async () => {
    const { context, page, problems } = await watchedPage(browser, { viewport: { width: 1280, height: 720 } });
    // The worker arrives 1.5 s late: the first answer is slow.
    await context.route(/manifold\.worker-[\w-]+\.js$/, async (route) => {
      await new Promise((ok) => setTimeout(ok, 1500));
      await route.continue();
    });
    // Every frame: whether the picture is dimmed, and how long the figure had been waiting for an
    // answer. Watched from before the page's first script: at this size the figure may start
    // computing as the page loads, and a watch begun later would count its wait from then, short.
    await page.addInitScript(() => {
      const w = window as unknown as { frames: { dim: boolean; waited: number }[] };
      w.frames = [];
      let since = -1;
      new MutationObserver((records) => {
        for (const r of records) {
          const el = r.target as HTMLElement;
          if (el.dataset.figure !== 'relu-manifold') continue;
          const busy = el.hasAttribute('data-busy');
          if (busy && since < 0) since = performance.now();
          if (!busy) since = -1;
        }
      }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-busy'] });
      const sample = (): void => {
        const frame = document.querySelector('[data-figure="relu-manifold"] .fig-frame');
        if (frame) w.frames.push({ dim: Number(getComputedStyle(frame).opacity) < 1, waited: since < 0 ? -1 : performance.now() - since });
        requestAnimationFrame(sample);
      };
      requestAnimationFrame(sample);
    });
    await page.goto(`${baseURL()}/linear-bottlenecks/`);
    const fig = page.locator('[data-figure="relu-manifold"]');
    const frames = (): Promise<{ dim: boolean; waited: number }[]> => page.evaluate(() => (window as unknown as { frames: { dim: boolean; waited: number }[] }).frames.splice(0));
    await fig.scrollIntoViewIfNeeded();
    const backend = fig.locator('[data-role="backend"]');
    await expect.poll(() => backend.getAttribute('data-backend'), { timeout: 20_000 }).toBe('cpu');
    await expect.poll(() => fig.getAttribute('data-busy')).toBeNull();
    const first = await frames();
    expect(first.filter((f) => f.dim).length).toBeGreaterThan(0);
    expect(first.filter((f) => f.dim && f.waited < 240)).toEqual([]);
    expect(first.at(-1)).toEqual({ dim: false, waited: -1 });
    // New seeds, each ten round trips in the worker, answered a frame or a few later: no frame is
    // dimmed before the figure has waited 250 ms (on a busy machine a late answer may still dim it).
    const seed = page.getByRole('slider', { name: /Random seed/ });
    await seed.focus();
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press('ArrowRight');
      await page.waitForTimeout(60);
    }
    await expect.poll(() => query(page, 'seed')).toBe('7');
    await expect.poll(() => fig.getAttribute('data-busy')).toBeNull();
    const drag = await frames();
    expect(drag.filter((f) => f.waited >= 0).length).toBeGreaterThan(0);
    expect(drag.filter((f) => f.dim && f.waited < 240)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('moves the slider’s marker with a short transition, and without one under reduced motion', async () => {
    for (const reducedMotion of ['no-preference', 'reduce'] as const) {
      const { context, page, problems } = await watchedPage(browser, { reducedMotion });
      await page.goto(`${baseURL()}/linear-bottlenecks/`);
      const fig = page.locator('[data-figure="relu-manifold"]');
      await fig.scrollIntoViewIfNeeded();
      await expect.poll(() => fig.getAttribute('data-ready')).toBe('');
      const seconds = await fig.locator('.rm-marker-g').first().evaluate((el) => getComputedStyle(el).transitionDuration.split(',').map((d) => parseFloat(d) * (d.trim().endsWith('ms') ? 0.001 : 1)));
      if (reducedMotion === 'reduce') expect(Math.max(...seconds)).toBeLessThan(0.001);
      else {
        expect(Math.max(...seconds)).toBeGreaterThan(0);
        expect(Math.max(...seconds)).toBeLessThanOrEqual(0.25);
      }
      expect(problems).toEqual([]);
      await context.close();
    }
  });

  it('draws the training chart for the phone and the laptop: text at least 12 px, no label past the edge', async () => {
    for (const viewport of [{ width: 360, height: 800 }, { width: 1440, height: 900 }]) {
      const { context, page, problems } = await watchedPage(browser, { viewport });
      await page.goto(`${baseURL()}/linear-bottlenecks/`);
      const block = page.locator('bottleneck-train');
      // The block's code arrives as it comes near.
      await block.scrollIntoViewIfNeeded();
      await expect.poll(() => block.getAttribute('data-ready')).toBe('');
      const m = await block.locator('svg[role="img"]').evaluate((svg) => {
        const box = svg.getBoundingClientRect();
        const vb = (svg as SVGSVGElement).viewBox.baseVal;
        const scale = box.width / vb.width;
        let min = Infinity;
        let max = 0;
        let outside = 0;
        for (const t of svg.querySelectorAll('text')) {
          const r = t.getBoundingClientRect();
          if (r.width === 0) continue;
          const px = parseFloat(getComputedStyle(t).fontSize) * scale;
          min = Math.min(min, px);
          max = Math.max(max, px);
          if (r.left < box.left - 0.5 || r.right > box.right + 0.5) outside++;
        }
        return { min, max, outside };
      });
      expect(m.min, `${viewport.width}`).toBeGreaterThanOrEqual(12);
      expect(m.max, `${viewport.width}`).toBeLessThanOrEqual(20);
      expect(m.outside, `${viewport.width}`).toBe(0);
      expect(problems).toEqual([]);
      await context.close();
    }
  });
});

describe('chapter 6, MobileNet V2', () => {
  it('moves t, s, m, n, α and the resolution from the keyboard; numbers follow the cost model; no tfjs at all', async () => {
    const { context, page, problems } = await watchedPage(browser, { viewport: { width: 1280, height: 900 } });
    const scripts = watchScripts(page);
    await page.goto(`${baseURL()}/mobilenet-v2/`);
    await figuresReady(page);
    const bs = page.locator('[data-figure="block-shapes"]');
    await bs.scrollIntoViewIfNeeded();
    await expect.poll(() => bs.getAttribute('data-ready')).toBe('');
    // Page defaults: block 3 of Table 2, 24 → 144 → 24 at 56×56.
    expect(Number(await exactOf(page, 'block-shapes', 'params-inverted'))).toBe(8208);
    expect(await bs.locator('[data-block="inverted"] [data-shortcut="identity"]').count()).toBe(1);

    const t = bs.getByRole('slider', { name: /Expansion factor/ });
    await t.focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => query(page, 't')).toBe('7');
    const t7 = invertedResidual({ cin: 24, cout: 24, t: 7, stride: 1, size: 56 });
    await expect.poll(() => exactOf(page, 'block-shapes', 'params-inverted')).toBe(String(t7.params));
    await expect.poll(() => exactOf(page, 'block-shapes', 'macs-inverted')).toBe(String(t7.multAdds));

    const s = bs.getByRole('slider', { name: /Stride/ });
    await s.focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => query(page, 's')).toBe('2');
    await expect.poll(() => bs.locator('[data-block="inverted"] [data-shortcut="identity"]').count()).toBe(0);
    expect(await bs.locator('[data-block="inverted"] [data-role="shortcut-note"]').textContent()).toBe('no shortcut: stride 2 shrinks the map');
    await page.keyboard.press('ArrowLeft');

    const n = bs.getByRole('slider', { name: /Output channels/ });
    await n.focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => query(page, 'n')).toBe('25');
    await expect.poll(() => bs.locator('[data-block="inverted"] [data-role="shortcut-note"]').textContent()).toBe('no shortcut: 24 ≠ 25 channels');
    const m = bs.getByRole('slider', { name: /Input channels/ });
    await m.focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => query(page, 'm')).toBe('25');
    await expect.poll(() => bs.locator('[data-block="inverted"] [data-shortcut="identity"]').count()).toBe(1);
    const df = bs.getByRole('slider', { name: /Feature map size/ });
    await df.focus();
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => query(page, 'df')).toBe('55');
    const last = invertedResidual({ cin: 25, cout: 25, t: 7, stride: 1, size: 55 });
    await expect.poll(() => exactOf(page, 'block-shapes', 'macs-inverted')).toBe(String(last.multAdds));

    const v2 = page.locator('[data-figure="v2-architecture"]');
    await v2.scrollIntoViewIfNeeded();
    await expect.poll(() => v2.getAttribute('data-ready')).toBe('');
    expect(await exactOf(page, 'v2-architecture', 'params')).toBe('3470760');
    expect(await exactOf(page, 'v2-architecture', 'macs')).toBe('300774272');
    expect(await exactOf(page, 'v2-architecture', 'bn-channels')).toBe('17056');
    const alpha = v2.getByRole('slider', { name: /Width multiplier/ });
    await alpha.focus();
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => query(page, 'alpha')).toBe('0.95');
    await expect.poll(() => exactOf(page, 'v2-architecture', 'params')).toBe(String(mobilenetV2({ alpha: 0.95 }).params));
    const res = v2.getByRole('slider', { name: /Input resolution/ });
    await res.focus();
    await page.keyboard.press('Home');
    await expect.poll(() => query(page, 'res')).toBe('96');
    const small = mobilenetV2({ alpha: 0.95, resolution: 96 });
    await expect.poll(() => exactOf(page, 'v2-architecture', 'macs')).toBe(String(small.multAdds));
    expect(await exactOf(page, 'v2-architecture', 'bn-channels')).toBe(String(small.bnChannels));

    await page.mouse.wheel(0, 20_000);
    await page.waitForLoadState('networkidle');
    expect(scripts.tfjs).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  // Sandler et al. 2018, §3.3: h·w·d′·t·(d′ + k² + d″); d′ is the expansion 1×1's share, k² the
  // depthwise 3×3's, d″ the projection 1×1's, and t widens the middle tensors.
  for (const [lang, prefix, words] of [
    ['en', '', { t: 'expansion factor t = 6: 6 × 24 = 144 channels at 56×56', expand: '1×1 expand convolution, 24 → 144 channels' }],
    ['zh', '/zh', { t: '扩展因子 t = 6：6 × 24 = 144 个通道，特征图 56×56', expand: '1×1 扩展卷积，24 → 144 个通道' }],
  ] as const) {
    it(`links the bottleneck formula's expansion, depthwise and projection terms and t to block-shapes, both ways, by pointer and keyboard (${lang})`, async () => {
      const { context, page, problems } = await watchedPage(browser, { viewport: { width: 1280, height: 900 } });
      await page.goto(`${baseURL()}${prefix}/mobilenet-v2/`);
      const fig = page.locator('[data-figure="block-shapes"]');
      await fig.scrollIntoViewIfNeeded();
      await figuresReady(page);
      const formula = fig.locator('[data-role=formula]:visible');
      const inv = fig.locator('svg [data-block="inverted"]');
      await expect.poll(() => formula.locator('.katex-html [data-term="depthwise"]').count()).toBeGreaterThan(0);
      // Formula → figure: the depthwise k² lights the depthwise layer only.
      await formula.locator('.katex-html [data-term="depthwise"]').first().hover();
      await expect.poll(() => inv.locator('[data-layer="depthwise"][data-lit]').count()).toBe(1);
      expect(await inv.locator('[data-layer="expand"][data-lit], [data-layer="project"][data-lit]').count()).toBe(0);
      // Figure → formula: the projection layer lights d″ and its number.
      await inv.locator('[data-layer="project"]').hover();
      await expect.poll(() => formula.locator('.katex-html [data-term="project"][data-lit]').count()).toBe(2);
      expect(await formula.locator('.katex-html [data-term="depthwise"][data-lit]').count()).toBe(0);
      // Keyboard: the formula is one tab stop; → walks t, the expansion, the depthwise, the projection.
      await page.mouse.move(0, 0);
      await formula.focus();
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => fig.getAttribute('data-lit-term')).toBe('expansion-factor');
      expect(await inv.locator('[data-term="expansion-factor"][data-channels="144"][data-lit]').count()).toBe(2);
      await expect.poll(() => fig.locator('[data-role=announce]').textContent()).toBe(words.t);
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => fig.getAttribute('data-lit-term')).toBe('expand');
      expect(await inv.locator('[data-layer="expand"][data-lit]').count()).toBe(1);
      expect(await fig.locator('[data-role=announce]').textContent()).toContain(words.expand);
      await page.keyboard.press('End');
      await expect.poll(() => fig.getAttribute('data-lit-term')).toBe('project');
      await page.keyboard.press('Escape');
      await expect.poll(() => fig.getAttribute('data-lit-term')).toBeNull();
      // Tab from the figure's layers reaches the wide tensor between expansion and depthwise, which lights t.
      await inv.locator('[data-layer="expand"]').focus();
      await page.keyboard.press('Tab');
      await expect.poll(() => fig.getAttribute('data-lit-term')).toBe('expansion-factor');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-tensor'))).toBe('1');
      expect(await formula.locator('.katex-html [data-term="expansion-factor"][data-lit]').count()).toBe(2);
      expect(problems).toEqual([]);
      await context.close();
    });
  }

  it('works on a 360 px phone in the dark theme: figures fit the column', async () => {
    const { context, page, problems } = await watchedPage(browser, { viewport: { width: 360, height: 740 }, colorScheme: 'dark' });
    for (const route of ['/mobilenet-v2/', '/linear-bottlenecks/']) {
      await page.goto(`${baseURL()}${route}`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      for (const svg of await page.locator('sep-figure svg[role="img"]').all()) {
        // Each figure ships a wide and a narrow draft; only the one its box shows is measured.
        if (!(await svg.isVisible())) continue;
        const box = await svg.boundingBox();
        expect(box!.width).toBeLessThanOrEqual(360);
      }
    }
    expect(problems).toEqual([]);
    await context.close();
  });
});
