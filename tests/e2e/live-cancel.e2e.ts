// The live MobileNet V1 block takes Cancel within a layer, not after a whole forward pass. Timed:
// it runs after the side-by-side files, alone on the machine (see vitest.e2e.config.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { baseURL, launch, tfHoldings, watchedPage } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('live MobileNet V1 block: Cancel', () => {
  it('takes Cancel between two layers of a slow cpu pass', { timeout: 120_000 }, async () => {
    const { context, page, problems } = await watchedPage(browser);
    await page.goto(`${baseURL()}/mobilenet-v1/?alpha=1&res=224`, { waitUntil: 'networkidle' });
    const block = page.locator('v1-model');
    await block.scrollIntoViewIfNeeded();
    await block.getByRole('combobox', { name: 'Backend' }).selectOption('cpu');
    await block.getByRole('button', { name: 'Build and run' }).click();
    // Wait until the warm-up pass is under way, then press Cancel and time how long until it takes.
    const cancel = block.getByRole('button', { name: 'Cancel' });
    await page.waitForFunction(() => /^Built/.test(document.querySelector('v1-model [data-role=status]')?.textContent ?? ''), null, { timeout: 60_000 });
    const box = (await cancel.boundingBox())!;
    await page.waitForTimeout(1500);
    await page.evaluate(() => {
      const host = document.querySelector<HTMLElement>('v1-model')!;
      const w = window as unknown as { __cancelAt?: number; __cancelledAt?: number };
      // The event's timeStamp is when the browser received the press, before it waited for the page.
      host.querySelector('[data-role=cancel]')!.addEventListener('mousedown', (e) => (w.__cancelAt = e.timeStamp), { capture: true });
      new MutationObserver(() => {
        if (host.dataset.state === 'cancelled' && w.__cancelledAt === undefined) w.__cancelledAt = performance.now();
      }).observe(host, { attributes: true, attributeFilter: ['data-state'] });
    });
    // A mouse press at the button, sent as it comes (no waiting for the page to look idle first).
    const pressedAt = Date.now();
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForFunction(() => document.querySelector<HTMLElement>('v1-model')?.dataset.state === 'cancelled', null, { timeout: 30_000 });
    const wall = Date.now() - pressedAt;
    const inPage = await page.evaluate(() => {
      const w = window as unknown as { __cancelAt: number; __cancelledAt: number };
      return w.__cancelledAt - w.__cancelAt;
    });
    console.info(`V1 block, cpu α 1, 224: Cancel pressed → cancelled in ${inPage.toFixed(0)} ms in the page (${wall} ms from the test's click, which waits for the page to take input)`);
    // One layer of α 1, 224 on a loaded two-core machine is the most it may take, not a pass (seconds).
    expect(inPage).toBeLessThan(1000);
    expect(await tfHoldings(page)).toEqual({ tensors: 0, textureBytes: 0 });
    expect(await block.getByRole('button', { name: 'Build and run' }).isEnabled()).toBe(true);
    expect(problems).toEqual([]);
    await context.close();
  });
});
