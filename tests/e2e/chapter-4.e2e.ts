// Chapter 4 (MobileNet V1): the α and resolution controls drive both figures and the layer table,
// the tradeoff highlight follows, and the live tf.layers model runs on the cpu backend with
// TensorFlow.js fetched only after the reader presses Build.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { baseURL, figuresReady, launch, visit, watchedPage } from './harness';
import { frameworkCounts, mobilenetV1 } from '../../src/lib/architectures';

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

const exact = (page: Page, scope: string, name: string): Promise<string | null> =>
  page.locator(`${scope} [data-quantity="${name}"]`).first().getAttribute('data-exact');
const ARCH = '[data-figure="v1-architecture"]';
const TRADEOFF = '[data-figure="tradeoff"]';
/** A string only TensorFlow.js's core carries (its URL-flag parser), to recognise its chunks. */
const TFJS_MARK = 'tfjsflags';

describe('chapter 4: MobileNet V1', () => {
  it('moves α and the resolution from the keyboard: every total equals mobilenetV1() for those values', async () => {
    const { page, problems, done } = await visit(tab);
    await page.goto(`${baseURL()}/mobilenet-v1/`);
    await page.locator(ARCH).scrollIntoViewIfNeeded();
    await figuresReady(page);
    // α 1, 224: Howard et al. 2017, Table 1 recount (paper: 569M mult-adds, 4.2M parameters).
    expect(await exact(page, ARCH, 'macs')).toBe('568740352');
    const alpha = page.locator(ARCH).getByRole('slider', { name: /Width multiplier/ });
    await alpha.focus();
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowLeft');
    const res = page.locator(ARCH).getByRole('slider', { name: /Input resolution/ });
    await res.focus();
    for (let i = 0; i < 32; i++) await page.keyboard.press('ArrowLeft');
    const arch = mobilenetV1({ alpha: 0.75, resolution: 192 });
    await expect.poll(() => exact(page, ARCH, 'macs')).toBe(String(arch.multAdds));
    expect(await exact(page, ARCH, 'params')).toBe(String(arch.params));
    expect(await exact(page, ARCH, 'bn-channels')).toBe(String(arch.bnChannels));
    expect(await exact(page, ARCH, 'params-keras')).toBe(String(frameworkCounts(arch).keras.total));
    // The HTML table alternative shows the same numbers as it opens (closed, it is not refilled).
    const table = 'v1-layer-table';
    await page.locator(`${table} summary`).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => exact(page, table, 'macs')).toBe(String(arch.multAdds));
    expect(await page.locator(`${table} tbody tr`).count()).toBe(28);
    expect(await page.locator(`${table} caption`).innerText()).toContain('α 0.75, 192×192');
    // Closed again, moved, and opened: it has caught up with the slider by the time it shows.
    await page.keyboard.press('Enter');
    await res.focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => exact(page, ARCH, 'macs')).toBe(String(mobilenetV1({ alpha: 0.75, resolution: 193 }).multAdds));
    await page.locator(`${table} summary`).focus();
    await page.keyboard.press('Enter');
    expect(await page.locator(`${table} caption`).innerText()).toContain('α 0.75, 193×193');
    expect(await exact(page, table, 'macs')).toBe(String(mobilenetV1({ alpha: 0.75, resolution: 193 }).multAdds));
    await res.focus();
    await page.keyboard.press('ArrowLeft');
    // The URL follows after a short debounce.
    await expect
      .poll(() => {
        const url = new URL(page.url());
        return [url.searchParams.get('alpha'), url.searchParams.get('res')];
      })
      .toEqual(['0.75', '192']);
    // The formula under the figure has the new numbers: ⌊512·0.75⌋ = 384 channels on a 12×12 map.
    await expect.poll(() => page.locator(`${ARCH} [data-role=formula]`).getAttribute('data-tex')).toContain('384 \\cdot 12 \\cdot 12');
    expect(problems).toEqual([]);
    await done();
  });

  it('turns hostile α and resolution values into sane ones, in the figures, the table and the live block', async () => {
    const { page, problems, done } = await visit(tab);
    const evil = encodeURIComponent('<img src=x onerror="document.body.dataset.pwned=1">');
    await page.goto(`${baseURL()}/mobilenet-v1/?alpha=${evil}&res=1e9`);
    await page.locator(ARCH).scrollIntoViewIfNeeded();
    await figuresReady(page);
    // α falls back to 1, the resolution is clamped to the schema's 512.
    const arch = mobilenetV1({ alpha: 1, resolution: 512 });
    await expect.poll(() => exact(page, ARCH, 'macs')).toBe(String(arch.multAdds));
    // The table's and the live block's code arrive as they come near.
    await page.locator('v1-layer-table').scrollIntoViewIfNeeded();
    await page.locator('v1-layer-table summary').click();
    await expect.poll(() => exact(page, 'v1-layer-table', 'macs')).toBe(String(arch.multAdds));
    await page.locator('v1-model').scrollIntoViewIfNeeded();
    await expect.poll(() => page.locator('v1-model [data-role=macs]').getAttribute('data-exact')).toBe(String(arch.multAdds));
    expect(await page.locator(`${ARCH} svg`).innerHTML()).not.toContain('NaN');
    expect(await page.evaluate(() => document.body.dataset.pwned)).toBeUndefined();
    expect(await page.locator('main img').count()).toBe(0);
    expect(problems).toEqual([]);
    await done();
  });

  it('moves the tradeoff highlight to the published point, and says so when there is none', async () => {
    const { page, problems, done } = await visit(tab);
    await page.goto(`${baseURL()}/mobilenet-v1/?alpha=0.75&res=192`);
    await page.locator(TRADEOFF).scrollIntoViewIfNeeded();
    await figuresReady(page);
    const rings = () => page.locator(`${TRADEOFF} [data-role=current]`).evaluateAll((els) => els.map((e) => e.getAttribute('data-point')));
    await expect.poll(rings).toEqual(['slim-0.75-192']);
    // TF-slim MobileNet V1 README: 0.75 MobileNet-192, 67.2% top-1.
    expect(await exact(page, TRADEOFF, 'top1-slim')).toBe('67.2');
    const box = page.locator(TRADEOFF).getByRole('spinbutton', { name: /Input resolution, exact value/ });
    await box.fill('224');
    await box.press('Enter');
    await expect.poll(rings).toEqual(['paper-0.75-224', 'slim-0.75-224']);
    expect(await exact(page, TRADEOFF, 'top1-paper')).toBe('68.4');
    expect(await exact(page, TRADEOFF, 'macs')).toBe(String(mobilenetV1({ alpha: 0.75, resolution: 224 }).multAdds));
    await box.fill('200');
    await box.press('Enter');
    await expect.poll(rings).toEqual([]);
    expect(await page.locator(`${TRADEOFF} [data-role=no-accuracy]`).textContent()).toContain('No published accuracy');
    expect(problems).toEqual([]);
    await done();
  });

  it('builds MobileNet V1 on the cpu backend: countParams() equals the Keras count, and tfjs loads only after Build', async () => {
    const { context, page, problems } = await watchedPage(browser);
    const bodies: { url: string; tfjs: boolean; bytes: number }[] = [];
    page.on('response', (r) => {
      if (!r.url().endsWith('.js')) return;
      void r.body().then(
        (b) => bodies.push({ url: r.url(), tfjs: b.toString('utf8').includes(TFJS_MARK), bytes: b.length }),
        () => undefined,
      );
    });
    await page.goto(`${baseURL()}/mobilenet-v1/?alpha=0.25&res=128`, { waitUntil: 'networkidle' });
    const block = page.locator('v1-model');
    await block.scrollIntoViewIfNeeded();
    await figuresReady(page);
    await page.waitForLoadState('networkidle');
    expect(bodies.length).toBeGreaterThan(0);
    expect(bodies.filter((b) => b.tfjs).map((b) => b.url)).toEqual([]);
    const seenBefore = bodies.length;
    const expected = frameworkCounts(mobilenetV1({ alpha: 0.25, resolution: 128 })).keras.total;
    // The block's code arrives as it comes near; it then reads the page's α and resolution.
    await expect.poll(() => block.locator('[data-role=site-keras]').getAttribute('data-exact')).toBe(String(expected));
    await block.getByRole('combobox', { name: 'Backend' }).selectOption('cpu');
    const run = block.getByRole('button', { name: 'Build and run' });
    await expect.poll(() => run.isEnabled()).toBe(true);
    await run.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => ['done', 'failed'].includes(document.querySelector<HTMLElement>('v1-model')?.dataset.state ?? ''), null, { timeout: 45_000 });
    expect(await block.getAttribute('data-state'), await block.locator('[data-role=status]').innerText()).toBe('done');
    expect(await block.locator('[data-role=backend]').getAttribute('data-backend')).toBe('cpu');
    const count = block.locator('[data-role=count]');
    expect(await count.getAttribute('data-exact')).toBe(String(expected));
    expect(await count.getAttribute('data-match')).toBe('true');
    const forward = Number(await block.locator('[data-role=forward]').getAttribute('data-ms'));
    expect(forward).toBeGreaterThan(0);
    expect(forward).toBeLessThan(10_000);
    expect(bodies.slice(seenBefore).some((b) => b.tfjs)).toBe(true);
    // The results as pictures: countParams() and the site's count as bars of equal length, and the
    // time of each of the 28 costed layers (plus the pool) as columns.
    const countChart = block.locator('svg.v1m-count');
    expect(await countChart.getAttribute('data-match')).toBe('true');
    const [counted, stacked] = await countChart.evaluate((svg) => [
      svg.querySelector('.v1m-counted')!.getBoundingClientRect().width,
      [...svg.querySelectorAll('[data-part]')].reduce((s, r) => s + r.getBoundingClientRect().width, 0),
    ]);
    expect(Math.abs(counted - stacked)).toBeLessThan(1);
    const timeChart = block.locator('[data-role=time-chart]');
    expect(await timeChart.isVisible()).toBe(true);
    const cols = await timeChart.locator('[data-layer]').evaluateAll((gs) => gs.map((g) => [g.getAttribute('data-layer'), Number(g.getAttribute('data-ms'))] as const));
    expect(cols.map(([name]) => name)).toEqual([...mobilenetV1({ alpha: 0.25, resolution: 128 }).layers.slice(0, 27).map((l) => l.name), 'pool', 'conv_preds']);
    expect(cols.every(([, ms]) => ms >= 0)).toBe(true);
    expect(await timeChart.locator('[data-role=time-shares]').textContent()).toMatch(/^Depthwise layers: [\d.]+% of the time for [\d.]+% of the mult-adds\.$/);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('warns before a heavy cpu run and cancels it', async () => {
    const { page, problems, done } = await visit(tab);
    await page.goto(`${baseURL()}/mobilenet-v1/`);
    const block = page.locator('v1-model');
    await block.scrollIntoViewIfNeeded();
    await block.getByRole('combobox', { name: 'Backend' }).selectOption('cpu');
    await expect.poll(() => block.locator('[data-role=warn]').isVisible()).toBe(true);
    expect(await block.locator('[data-role=warn]').innerText()).toContain('You can cancel');
    // A cpu pass blocks the page for seconds, so use the keyboard: its events queue up and are
    // handled between passes. Build moves the focus to Cancel.
    await block.getByRole('button', { name: 'Build and run' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent), { timeout: 20_000 }).toBe('Cancel');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => ['cancelled', 'failed', 'done'].includes(document.querySelector<HTMLElement>('v1-model')?.dataset.state ?? ''), null, { timeout: 45_000 });
    expect(await block.getAttribute('data-state')).toBe('cancelled');
    expect(await block.getByRole('button', { name: 'Build and run' }).isEnabled()).toBe(true);
    expect(await block.locator('[data-role=forward]').innerText()).toContain('cancelled');
    expect(problems).toEqual([]);
    await done();
  });

  it('places the tradeoff labels so that none overlaps another label or a point, on a phone and a laptop', async () => {
    for (const viewport of [{ width: 360, height: 800 }, { width: 1440, height: 900 }]) {
      const { context, page, problems } = await watchedPage(browser, { viewport });
      await page.goto(`${baseURL()}/mobilenet-v1/`);
      await page.locator(TRADEOFF).scrollIntoViewIfNeeded();
      await figuresReady(page);
      await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
      const { labels, marks } = await page.locator(`${TRADEOFF} .fig-frame svg`).evaluate((svg) => {
        const box = (e: Element) => {
          const r = e.getBoundingClientRect();
          return { x: r.left, y: r.top, w: r.width, h: r.height };
        };
        return {
          labels: [...svg.querySelectorAll('[data-label]')].map((t) => ({ text: t.textContent ?? '', ...box(t) })),
          marks: [...svg.querySelectorAll('.to-point')].map((m) => ({ id: m.getAttribute('data-point') ?? '', ...box(m) })),
        };
      });
      // "Conv MobileNet" / "VGG 16" and "Shallow" / "α 0.5" collided where labels had fixed sides.
      expect(labels.map((l) => l.text)).toEqual(expect.arrayContaining(['Conv MobileNet', 'VGG 16', 'Shallow', 'α 0.5']));
      const hit = (a: { x: number; y: number; w: number; h: number }, b: { x: number; y: number; w: number; h: number }) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
      for (let i = 0; i < labels.length; i++) {
        for (let j = i + 1; j < labels.length; j++) expect(hit(labels[i], labels[j]), `${labels[i].text} / ${labels[j].text} at ${viewport.width}`).toBe(false);
        for (const m of marks) expect(hit(labels[i], m), `${labels[i].text} covers ${m.id} at ${viewport.width}`).toBe(false);
      }
      // The legend names the triangles too.
      expect(await page.locator(`${TRADEOFF} [data-legend=variant] path.to-variant`).count()).toBe(1);
      expect(problems).toEqual([]);
      await context.close();
    }
  });

  it('moves bars to their new values in 200 ms, and not at all for a reader who asks for less motion', async () => {
    for (const [reducedMotion, expected] of [['no-preference', 0.2], ['reduce', 0]] as const) {
      const { context, page, problems } = await watchedPage(browser, { reducedMotion });
      await page.goto(`${baseURL()}/mobilenet-v1/`);
      await page.locator(ARCH).scrollIntoViewIfNeeded();
      await figuresReady(page);
      const seconds = await page.locator(`${ARCH} .v1a-bar`).first().evaluate((el) => Math.max(...getComputedStyle(el).transitionDuration.split(',').map((d) => parseFloat(d) * (d.trim().endsWith('ms') ? 0.001 : 1))));
      if (expected === 0) expect(seconds).toBeLessThan(0.001);
      else {
        expect(seconds).toBeGreaterThan(0);
        expect(seconds).toBeLessThanOrEqual(0.25);
      }
      expect(problems).toEqual([]);
      await context.close();
    }
  });

  it('labels the v1-architecture marks with the formula\'s terms, and its layer types are reachable from the keyboard', async () => {
    const { page, problems, done } = await visit(tab);
    await page.goto(`${baseURL()}/mobilenet-v1/`);
    await page.locator(ARCH).scrollIntoViewIfNeeded();
    await figuresReady(page);
    const terms = await page.locator(`${ARCH} [data-layer]`).evaluateAll((gs) => gs.map((g) => g.getAttribute('data-term')));
    expect(terms).toEqual(mobilenetV1().layers.map((l) => l.kind));
    expect(await page.locator(`${ARCH} [data-term=rho]`).count()).toBeGreaterThanOrEqual(5);
    expect(await page.locator(`${ARCH} [data-term=alpha]`).count()).toBeGreaterThanOrEqual(5);
    const kinds = page.locator(`${ARCH} .v1a-kind`);
    await kinds.first().focus();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-term'))).toBe('pointwise');
    expect(await kinds.first().getAttribute('aria-label')).toMatch(/^Conv 1×1: 94\.86% of the mult-adds/);
    expect(problems).toEqual([]);
    await done();
  });

  it('links eq. 7\'s depthwise and pointwise products and α² to the v1-architecture marks, by pointer and by keyboard', async () => {
    const { page, problems, done } = await visit(tab);
    await page.goto(`${baseURL()}/mobilenet-v1/`);
    const fig = page.locator(ARCH);
    await fig.scrollIntoViewIfNeeded();
    await figuresReady(page);
    const formula = fig.locator('[data-role=formula]');
    await expect.poll(() => formula.locator('.katex-html [data-term="pointwise"]').count()).toBeGreaterThan(0);
    await formula.locator('.katex-html [data-term="pointwise"]').first().hover();
    await expect.poll(() => fig.locator('svg [data-term="pointwise"][data-lit]').count()).toBeGreaterThan(0);
    expect(await fig.locator('svg [data-term="depthwise"][data-lit]').count()).toBe(0);
    // Keyboard: the formula is one tab stop, and → steps through its terms in reading order.
    await page.mouse.move(0, 0);
    await formula.focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => fig.getAttribute('data-lit-term')).toBe('depthwise');
    await page.keyboard.press('End');
    await expect.poll(() => fig.getAttribute('data-lit-term')).toBe('rho');
    expect(await fig.locator('svg [data-term="rho"][data-lit]').count()).toBeGreaterThanOrEqual(5);
    expect(await fig.locator('[data-role=announce]').textContent()).not.toBe('');
    expect(problems).toEqual([]);
    await done();
  });
});
