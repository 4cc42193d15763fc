// The live MobileNet V1 block gives back what a run created (tensors, WebGL textures, the JS heap
// after garbage collection). It measures memory, not time, so it runs beside other files; the
// timed Cancel is in live-cancel.e2e.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { baseURL, launch, tfHoldings, watchedPage } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const state = (page: Page) => page.locator('v1-model').getAttribute('data-state');

/**
 * Press Build and run and wait for the block to finish. The button is found by its data-role, not
 * by its accessible name: Playwright computes names with its own script in the page, whose compiled
 * code would grow the heap being measured.
 */
async function runOnce(page: Page): Promise<string | null> {
  await page.locator('v1-model [data-role=run]').click();
  await page.waitForFunction(() => ['done', 'failed', 'cancelled'].includes(document.querySelector<HTMLElement>('v1-model')?.dataset.state ?? '') && !document.querySelector<HTMLButtonElement>('v1-model [data-role=run]')?.disabled, null, { timeout: 60_000 });
  return state(page);
}

/**
 * The page's heap by what holds it, from a heap snapshot after garbage collection (self sizes, in
 * bytes): `code` is V8's compiled code and what goes with it (bytecode, feedback, machine code),
 * which grows while functions become hot; `native` is the browser's own objects (DOM nodes, and
 * performance entries, which the browser keeps up to a fixed number); `js` is every other object
 * of the page's JavaScript (objects, closures, strings, arrays), which a build must give back.
 */
async function heapByKind(cdp: CDPSession): Promise<{ code: number; native: number; js: number }> {
  await cdp.send('HeapProfiler.collectGarbage');
  const chunks: string[] = [];
  const onChunk = (d: { chunk: string }): void => void chunks.push(d.chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  const snap = JSON.parse(chunks.join('')) as { snapshot: { meta: { node_fields: string[]; node_types: [string[]] } }; nodes: number[] };
  const fields = snap.snapshot.meta.node_fields;
  const [typeAt, sizeAt, width] = [fields.indexOf('type'), fields.indexOf('self_size'), fields.length];
  const types = snap.snapshot.meta.node_types[0];
  const [codeType, nativeType] = [types.indexOf('code'), types.indexOf('native')];
  const out = { code: 0, native: 0, js: 0 };
  for (let i = 0; i < snap.nodes.length; i += width) {
    const type = snap.nodes[i + typeAt];
    out[type === codeType ? 'code' : type === nativeType ? 'native' : 'js'] += snap.nodes[i + sizeAt];
  }
  return out;
}

/** How many compiled WebGL programs tfjs's webgl backend keeps (0 when it has none, or no such backend). */
const compiledPrograms = (page: Page): Promise<number> =>
  page.evaluate(() => {
    const engine = (globalThis as unknown as { _tfengine?: { registry: Record<string, { binaryCache?: object }> } })._tfengine;
    return Object.keys(engine?.registry.webgl?.binaryCache ?? {}).length;
  });

describe('live MobileNet V1 block: memory', () => {
  it('ten builds on webgl leave no tensor, no texture, and the heap within 1 MB of the first build (after GC), and keep the WebGL programs the first compiled', { timeout: 300_000 }, async () => {
    const { context, page, problems } = await watchedPage(browser);
    await page.goto(`${baseURL()}/mobilenet-v1/?alpha=0.25&res=96`, { waitUntil: 'networkidle' });
    const block = page.locator('v1-model');
    await block.scrollIntoViewIfNeeded();
    // Code that loads as it comes near (the block's, the layer table's) arrives before the first
    // build, so that the first snapshot holds it: no file fetched for a whole second.
    const fetched = (): Promise<number> => page.evaluate(() => performance.getEntriesByType('resource').length);
    let seen = -1;
    for (let n = await fetched(); n !== seen; n = await fetched()) {
      seen = n;
      await page.waitForTimeout(1000);
    }
    await block.getByRole('combobox', { name: 'Backend' }).selectOption('webgl');
    const cdp = await context.newCDPSession(page);
    const heap = async (): Promise<number> => {
      await cdp.send('HeapProfiler.collectGarbage');
      await cdp.send('HeapProfiler.collectGarbage');
      return (await cdp.send('Runtime.getHeapUsage')).usedSize;
    };
    // Ten builds, the heap measured after each (after garbage collection), and what holds it after
    // the first and the last.
    const heaps: number[] = [];
    const kinds: { code: number; native: number; js: number }[] = [];
    // The WebGL programs the backend keeps compiled after each build: the textures go, the programs
    // stay, so a later build compiles none again (it used to compile them all at every build).
    const programs: number[] = [];
    const seconds: string[] = [];
    for (let i = 0; i < 10; i++) {
      const started = Date.now();
      expect(await runOnce(page), await block.locator('[data-role=status]').innerText()).toBe('done');
      seconds.push(((Date.now() - started) / 1000).toFixed(1));
      expect(await block.locator('[data-role=backend]').getAttribute('data-backend')).toBe('webgl');
      expect(await tfHoldings(page)).toEqual({ tensors: 0, textureBytes: 0 });
      programs.push(await compiledPrograms(page));
      heaps.push(await heap());
      if (i === 0 || i === 9) kinds.push(await heapByKind(cdp));
    }
    const growth = heaps[9] - heaps[0];
    const kB = (b: number): string => (b / 1024).toFixed(0);
    const [code, native, js] = [kinds[1].code - kinds[0].code, kinds[1].native - kinds[0].native, kinds[1].js - kinds[0].js];
    expect(programs[0]).toBeGreaterThan(0);
    expect(programs, 'compiled WebGL programs after each build').toEqual(Array(10).fill(programs[0]));
    console.info(`V1 block, 10 webgl builds at α 0.25, 96: seconds each ${seconds.join(' ')}; ${programs[0]} WebGL programs kept; heap after each (MB) ${heaps.map((h) => (h / 2 ** 20).toFixed(2)).join(' ')}; growth from the first ${kB(growth)} kB (snapshots: compiled code ${kB(code)} kB, browser objects ${kB(native)} kB, JavaScript objects ${kB(js)} kB)`);
    expect(Math.abs(growth)).toBeLessThan(2 ** 20);
    // What the heap gains is V8's compiled code for functions that became hot (it levels off after
    // about a dozen builds); the objects a build makes all go. A name, listener or cache kept per
    // build would show here: the tensor and weight names tfjs-layers keeps were ~15 kB a build
    // (229 kB over ten). Alone this reads ~8 kB; after the whole suite it read 110 kB once.
    expect(js).toBeLessThan(160 * 1024);
    expect(problems).toEqual([]);
    await context.close();
  });
});
