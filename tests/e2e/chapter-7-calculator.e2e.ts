// Chapter 7 (xception-flow) and the calculator: presets equal the cost model, links restore a
// stack, hostile links and pastes give messages, keyboard editing, phone width.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { baseURL, figuresReady, launch, watchedPage } from './harness';
import { mobilenetV1, mobilenetV2, xception, frameworkCounts } from '../../src/lib/architectures';
import { decodeStack, encodeStack, toCsv } from '../../src/lib/stack-codec';
import { computeStack, rowParams, totalParams } from '../../src/lib/stack';
import { preset } from '../../src/lib/stack-presets';
import { DEFAULT_PRESET } from '../../src/lib/stack';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const total = (page: Page, name: string) => page.locator(`stack-calculator [data-role=totals] [data-quantity="${name}"]`).first().getAttribute('data-exact');
const ready = (page: Page) => page.waitForSelector('stack-calculator[data-ready]');

describe('xception-flow on /xception/', () => {
  it('shows the cost model totals, follows res and the step buttons from the keyboard', async () => {
    const { context, page, problems } = await watchedPage(browser);
    await page.goto(`${baseURL()}/xception/`);
    await figuresReady(page);
    const fig = page.locator('[data-figure="xception-flow"]');
    const q = (n: string) => fig.locator(`[data-quantity="${n}"]`).first().getAttribute('data-exact');
    expect(await q('params')).toBe(String(xception().params));
    expect(await q('keras-trainable')).toBe('22855952'); // Chollet 2017, Table 3
    expect(await q('keras-total')).toBe('22910480');
    const res = page.getByRole('spinbutton', { name: /Input resolution, exact value/ });
    await res.fill('224');
    await res.press('Enter');
    await expect.poll(() => q('macs')).toBe(String(xception({ resolution: 224 }).multAdds));
    await expect.poll(() => page.evaluate(() => new URL(location.href).searchParams.get('res'))).toBe('224');
    // The stepper's count is the highlighted module's number: "1 / 14" is module 1 …
    const status = fig.locator('.stepper-status');
    expect((await status.innerText()).replace(/\s+/g, ' ').trim()).toMatch(/^(step )?1 \/ 14$/i);
    expect(await fig.locator('.xf-active').getAttribute('data-block')).toBe('1');
    // … and five presses later "6 / 14" is module 6, the middle stack's second card.
    const next = fig.getByRole('button', { name: /next/i });
    await next.focus();
    for (let i = 0; i < 5; i++) await page.keyboard.press('Enter');
    await expect.poll(() => fig.locator('.xf-active').getAttribute('data-block')).toBe('6');
    expect(await fig.locator('.stepper-status output').innerText()).toBe('6');
    expect(await fig.locator('.fig-frame > svg').getAttribute('data-module')).toBe('6');
    // Each residual connection bypasses its module on screen: its path runs left of the module's box
    // from above it, and its ⊕ sits below the box, on the flow line.
    const bypasses = await fig.locator('.xf-module:not(.xf-card)').evaluateAll((gs) =>
      gs
        .filter((g) => g.querySelector('[data-residual]'))
        .map((g) => {
          const box = g.querySelector('.xf-box')!.getBoundingClientRect();
          const path = g.querySelector('.xf-bypass')!.getBoundingClientRect();
          const add = g.querySelector('[data-role=add]')!.getBoundingClientRect();
          return { block: g.getAttribute('data-block'), left: path.left < box.left, above: path.top < box.top, addBelow: add.top > box.bottom, addOnFlow: add.left > box.left && add.right < box.left + 40 };
        }),
    );
    expect(bypasses.map((b) => b.block)).toEqual(['2', '3', '4', '13']);
    for (const b of bypasses) expect(b, `module ${b.block}`).toEqual({ block: b.block, left: true, above: true, addBelow: true, addOnFlow: true });
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('calculator', () => {
  it('shows the mult-adds total once, and a FLOP total beside it only when FLOPs are counted another way', async () => {
    const { context, page, problems } = await watchedPage(browser);
    await page.goto(`${baseURL()}/calculator/`);
    await ready(page);
    const totals = page.locator('stack-calculator [data-role=totals]');
    const shown = () => totals.locator('dd:visible').evaluateAll((dds) => dds.map((d) => d.textContent));
    const macs = mobilenetV1().multAdds;
    const inTotals = (list: (string | null)[]) => list.filter((t) => t === macs.toLocaleString('en-US')).length;
    expect(inTotals(await shown())).toBe(1);
    await page.locator('[data-role=flops]').selectOption('2macs');
    // FLOPs = 2 · MACs (Howard et al. 2017 count mult-adds; 2 FLOPs each).
    await expect.poll(() => totals.locator('[data-quantity="compute"]').isVisible()).toBe(true);
    await expect.poll(() => total(page, 'compute')).toBe(String(2 * macs));
    expect(inTotals(await shown())).toBe(1);
    await page.locator('[data-role=flops]').selectOption('macs');
    await expect.poll(() => totals.locator('[data-quantity="compute"]').isVisible()).toBe(false);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('presets reproduce the cost model exactly; the V2 link restores the same stack', async () => {
    const { context, page, problems } = await watchedPage(browser);
    await page.goto(`${baseURL()}/calculator/`);
    await ready(page);
    // Default: MobileNet V1 (Howard et al. 2017, Table 4: 4.2M / 569M).
    expect(await total(page, 'params')).toBe(String(mobilenetV1().params));
    expect(await total(page, 'macs')).toBe(String(mobilenetV1().multAdds));
    for (const [id, arch] of [['xception', xception()], ['mobilenet-v2', mobilenetV2()]] as const) {
      await page.getByLabel('Preset').selectOption(id);
      await page.getByRole('button', { name: 'Load preset' }).click();
      await expect.poll(() => total(page, 'params')).toBe(String(arch.params));
      expect(await total(page, 'macs')).toBe(String(arch.multAdds));
      expect(await total(page, 'bn-channels')).toBe(String(arch.bnChannels));
    }
    // Keras convention: + 4 per BN channel.
    await page.getByLabel('Parameters', { exact: true }).selectOption('keras');
    await expect.poll(() => total(page, 'params')).toBe(String(frameworkCounts(mobilenetV2()).keras.total));
    const url = page.url();
    expect(new URL(url).searchParams.get('stack')).toBe(encodeStack(preset('mobilenet-v2')));
    // Reopen the link in a fresh page: same stack, same totals, same convention.
    const other = await context.newPage();
    await other.goto(url);
    await ready(other);
    expect(await total(other, 'params')).toBe(String(frameworkCounts(mobilenetV2()).keras.total));
    expect(await other.locator('[data-role=rows] tr').count()).toBe(preset('mobilenet-v2').layers.length);
    expect(await other.getByLabel('Parameters', { exact: true }).inputValue()).toBe('keras');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('makes the build\'s rows editable a few per task, the first screen first, and an edit meanwhile builds the rest at once', async () => {
    const v1 = preset(DEFAULT_PRESET).layers.length;
    const { context, page, problems } = await watchedPage(browser);
    // Watched from inside the page: after every change to the table, how many rows it has, how
    // many are editable, and whether the calculator says it is ready. With `edit`, the first
    // time a row is editable, row 1's output channels are set to 16 there and then.
    await page.addInitScript(() => {
      const seen: { rows: number; editable: number; ready: boolean }[] = [];
      (window as unknown as { __seen: typeof seen }).__seen = seen;
      const edit = new URL(location.href).searchParams.has('edit');
      const start = () => {
        const calc = document.querySelector('stack-calculator');
        const body = calc?.querySelector('[data-role=rows]');
        if (!calc || !body) return void requestAnimationFrame(start);
        new MutationObserver(() => {
          const trs = [...body.querySelectorAll('tr')];
          const editable = trs.filter((tr) => tr.querySelector('select[data-field=kind]')).length;
          seen.push({ rows: trs.length, editable, ready: calc.hasAttribute('data-ready') });
          const box = body.querySelector<HTMLInputElement>('input[data-field=out]');
          if (edit && box && box.value !== '16' && seen.length === 1) {
            box.value = '16';
            box.dispatchEvent(new Event('input', { bubbles: true }));
            box.dispatchEvent(new Event('change', { bubbles: true }));
          }
        }).observe(body, { childList: true });
      };
      start();
    });
    const seen = async () => page.evaluate(() => (window as unknown as { __seen: { rows: number; editable: number; ready: boolean }[] }).__seen);
    await page.goto(`${baseURL()}/calculator/`);
    await ready(page);
    const plain = await seen();
    // Never a gap: every layer has a row throughout; editable rows came in steps, the first
    // screen's first, and the calculator said ready only once every row was editable.
    expect(plain.every((s) => s.rows === v1)).toBe(true);
    const steps = plain.map((s) => s.editable).filter((e, i, all) => e !== all[i - 1]);
    expect(steps[0]).toBeGreaterThanOrEqual(6);
    expect(steps.length).toBeGreaterThan(2);
    expect(steps.at(-1)).toBe(v1);
    expect(plain.filter((s) => s.editable < v1).every((s) => !s.ready)).toBe(true);
    // An edit right after the first rows: the rest are built at once, with the edit's numbers.
    await page.goto(`${baseURL()}/calculator/?edit`);
    await ready(page);
    expect((await seen())[0].editable).toBeLessThan(v1);
    const rows = await page.locator('[data-role=rows] tr').evaluateAll((trs) => trs.map((tr) => tr.querySelector('select[data-field=kind]') !== null));
    expect(rows).toEqual(Array(v1).fill(true));
    const stack = preset(DEFAULT_PRESET);
    const edited = { ...stack, layers: stack.layers.map((l, i) => (i === 0 ? { ...l, out: 16 } : l)) };
    await expect.poll(() => total(page, 'params')).toBe(totalParams(computeStack(edited).totals, 'paper').toString());
    expect(await page.getByLabel('Row 1 output channels').inputValue()).toBe('16');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('edits from the keyboard: an invalid layer is marked with its reason and the rest keeps computing', async () => {
    const { context, page, problems } = await watchedPage(browser);
    await page.goto(`${baseURL()}/calculator/?stack=v1_32x32x16_conv.n32_pw.n8`);
    await ready(page);
    const kind = page.getByLabel('Row 1 layer kind');
    await kind.focus();
    await kind.selectOption('grouped');
    const groups = page.getByLabel('Row 1 groups G');
    await groups.fill('3');
    const row1 = page.locator('[data-role=rows] tr').first();
    await expect.poll(() => row1.getAttribute('data-invalid')).toBe('');
    expect(await groups.getAttribute('aria-invalid')).toBe('true');
    const reason = await page.locator(`#${await groups.getAttribute('aria-describedby')}`).innerText();
    expect(reason).toContain('G = 3 must divide');
    // Row 2 still computes on the intended 32×32×32 shape: 32·8 weights.
    expect(await page.locator('[data-role=rows] tr').nth(1).locator('[data-quantity=row-params]').getAttribute('data-exact')).toBe('256');
    expect(await total(page, 'params')).toBe('256');
    await groups.fill('4');
    await expect.poll(() => total(page, 'params')).toBe(String(9 * 4 * 32 + 256));
    // Move row 2 up with its button (keyboard), remove it, add a layer.
    await page.getByRole('button', { name: 'Move row 2 up' }).press('Enter');
    await expect.poll(() => page.getByLabel('Row 1 layer kind').inputValue()).toBe('pointwise');
    await page.getByRole('button', { name: 'Remove row 1' }).press('Enter');
    expect(await page.locator('[data-role=rows] tr').count()).toBe(1);
    await page.getByRole('button', { name: 'Add a layer at the end' }).press('Enter');
    expect(await page.locator('[data-role=rows] tr').count()).toBe(2);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Row 2 layer kind');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a value a link cannot carry stays out of the address, and an input size it cannot use says why', async () => {
    const { context, page, problems } = await watchedPage(browser);
    await page.goto(`${baseURL()}/calculator/?stack=v1_7x7x32_pw.n64_gap_fc.n10`);
    await ready(page);
    const before = page.url();
    // Output channels 0 would read back as "as many as the input" (n0), and k 0 would be refused:
    // the row says why, and the address keeps the last stack that reads back as it is.
    const out = page.getByLabel('Row 1 output channels');
    await out.fill('0');
    await out.press('Tab');
    const row1 = page.locator('[data-role=rows] tr').first();
    await expect.poll(() => row1.getAttribute('data-invalid')).toBe('');
    // The rows below still count on the bad row's input, 1×1×32 → 10: 32·10 + 10 = 330.
    await expect.poll(() => total(page, 'params')).toBe('330');
    await page.waitForTimeout(600);
    expect(page.url()).toBe(before);
    // A height past its limit: the field says why, and which size the results are still for.
    const height = page.locator('input[data-input=h]');
    await height.fill('100001');
    await height.press('Tab');
    const note = page.locator('#calc-input-note');
    await expect.poll(() => note.isVisible()).toBe(true);
    expect(await note.innerText()).toBe('Height must be a whole number from 1 to 100,000. The results are still for 7.');
    expect(await height.getAttribute('aria-describedby')).toBe('calc-input-note');
    await height.fill('14');
    await height.press('Tab');
    await expect.poll(() => note.isVisible()).toBe(false);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('turns hostile links and pastes into messages, never markup', async () => {
    const { context, page, problems } = await watchedPage(browser);
    const evil = encodeURIComponent('v1_8x8x3_<img src=x onerror="document.body.dataset.pwned=1">_pw.n4');
    await page.goto(`${baseURL()}/calculator/?stack=${evil}&flops=%3Cb%3E&params=nope`);
    await ready(page);
    const box = page.locator('stack-calculator [data-role=messages]');
    expect(await box.isVisible()).toBe(true);
    const text = await box.innerText();
    expect(text).toContain('was left out');
    expect(text).toContain('flops=');
    expect(await page.locator('stack-calculator img, main img').count()).toBe(0);
    expect(await page.locator('[data-role=rows] tr').count()).toBe(1);
    // A wrong version: a message and the default preset.
    await page.goto(`${baseURL()}/calculator/?stack=v9_1x1x1`);
    await ready(page);
    expect(await box.innerText()).toContain('format v9');
    expect(await total(page, 'params')).toBe(String(mobilenetV1().params));
    // A key given twice: the first counts (one pointwise layer, not two), and the reader is told.
    await page.goto(`${baseURL()}/calculator/?stack=v1_8x8x3_pw.n4&stack=v1_8x8x3_pw.n4_pw.n8&params=keras&params=paper`);
    await ready(page);
    expect(await box.innerText()).toContain('The link gives stack= more than once; only the first counts.');
    expect(await box.innerText()).toContain('The link gives params= more than once');
    expect(await page.locator('[data-role=rows] tr').count()).toBe(1);
    // A hostile paste.
    await page.getByLabel(/Import: paste a CSV/).fill('kind,k,out\n<script>document.body.dataset.pwned=1</script>,3,4\nstandard,3,8');
    await page.getByRole('button', { name: 'Import table' }).click();
    await expect.poll(() => box.innerText()).toContain('unknown layer kind');
    expect(await page.locator('[data-role=rows] tr').count()).toBe(1);
    expect(await page.evaluate(() => document.body.dataset.pwned)).toBeUndefined();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('on the Chinese page, a hostile link and a bad paste are answered in Chinese', async () => {
    const { context, page, problems } = await watchedPage(browser);
    const box = page.locator('stack-calculator [data-role=messages]');
    /** English words of three letters or more outside quotes (quoted text is the reader's own, or a column name). */
    const english = (s: string) => s.replace(/“[^”]*”/g, ' ').replace(/\b(CSV|Markdown)\b/g, ' ').match(/\b[A-Za-z]{3,}\b/g) ?? [];
    // Another format version: the default preset, and why, in Chinese.
    await page.goto(`${baseURL()}/zh/calculator/?stack=v9_x`);
    await ready(page);
    let text = await box.innerText();
    expect(text).toContain('此链接由 v9 格式的计算器生成；本页只能读取 v1 格式。');
    expect(text).toContain('改为显示默认预设。');
    expect(english(text)).toEqual([]);
    expect(await total(page, 'params')).toBe(String(mobilenetV1().params));
    // Rows that cannot be read are left out, each with its reason; what the reader wrote is quoted as text.
    const evil = encodeURIComponent('v1_8x8x3_conv.k99_<img src=x onerror="document.body.dataset.pwned=1">_pw*0_pw.n4');
    await page.goto(`${baseURL()}/zh/calculator/?stack=${evil}`);
    await ready(page);
    text = await box.innerText();
    expect(text).toContain('第 1 行（“conv.k99”）已略去：“k99”中的数值不是 1 到 64 之间的整数。');
    expect(text).toContain('第 1 行（“<img src=x onerror="doc…”）已略去：未知的层类型“<img src=x onerror="doc…”。');
    expect(text).toContain('重复次数“0”不是 1 到 300 之间的整数。');
    expect(english(text)).toEqual([]);
    expect(await page.locator('[data-role=rows] tr').count()).toBe(1);
    // A bad paste.
    await page.getByLabel(/导入：粘贴 CSV/).fill('kind,k,padding\nstandard,x,full\n');
    await page.getByRole('button', { name: '导入表格' }).click();
    await expect.poll(() => box.innerText()).toContain('第 2 行已略去：“k”列的值“x”不是 1 到 64 之间的整数；“padding”列的值“full”既不是“same”也不是“valid”。');
    text = await box.innerText();
    expect(text).toContain('没有读出任何层，因此未导入。');
    expect(english(text)).toEqual([]);
    expect(await page.locator('stack-calculator img, main img').count()).toBe(0);
    expect(await page.evaluate(() => document.body.dataset.pwned)).toBeUndefined();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('exports a CSV that imports back to the same totals; Xception recomputes fast', async () => {
    const { context, page, problems } = await watchedPage(browser);
    const stack = preset('xception');
    await page.goto(`${baseURL()}/calculator/?stack=${encodeStack(stack)}`);
    await ready(page);
    expect(await total(page, 'params')).toBe(computeStack(stack).totals.params.toString());
    const ms = Number(await page.locator('stack-calculator').getAttribute('data-recompute-ms'));
    // A sanity bound that holds on a loaded CI machine; a quiet one measures a few milliseconds.
    expect(ms).toBeLessThan(100);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download CSV' }).click();
    const file = await download;
    const stream = await file.createReadStream();
    let csv = '';
    for await (const chunk of stream) csv += chunk.toString();
    await page.goto(`${baseURL()}/calculator/`);
    await ready(page);
    await page.getByLabel(/Import: paste a CSV/).fill(csv);
    await page.getByRole('button', { name: 'Import table' }).click();
    await expect.poll(() => total(page, 'params')).toBe(String(xception().params));
    expect(await total(page, 'macs')).toBe(String(xception().multAdds));
    console.info(`calculator: Xception recompute ${ms.toFixed(2)} ms; V2 URL ${encodeStack(preset('mobilenet-v2')).length} chars`);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('at 300 rows a keystroke touches only the rows whose numbers changed, and every number fits its box', { timeout: 120_000 }, async () => {
    const { context, page, problems } = await watchedPage(browser, { viewport: { width: 1280, height: 900 } });
    const rows = page.locator('[data-role=rows] tr');
    const open = async (stack: string) => {
      await page.goto(`${baseURL()}/calculator/?stack=${stack}`);
      await ready(page);
      expect(await rows.count()).toBe(300);
      // Longer than any preset: its cells off screen are skipped in layout and paint.
      expect(await page.locator('stack-calculator').getAttribute('data-long')).toBe('');
    };
    /** Type `key` into row `row`'s output channels; the rows (1-based) whose subtree changed, and whether any row was added or removed. */
    const touched = async (row: number, key: string) => {
      const box = page.getByLabel(`Row ${row} output channels`, { exact: true });
      await box.click();
      await box.press('End');
      await page.evaluate(() => {
        const body = document.querySelector('[data-role=rows]')!;
        const w = window as unknown as { __seen: { rows: Set<number>; moved: boolean }; __mo: MutationObserver };
        w.__seen = { rows: new Set(), moved: false };
        w.__mo = new MutationObserver((list) => {
          for (const m of list) {
            if (m.target === body) w.__seen.moved = true;
            const tr = (m.target.nodeType === 1 ? (m.target as Element) : m.target.parentElement)?.closest('tr');
            if (tr && tr.parentElement === body) w.__seen.rows.add(tr.sectionRowIndex + 1);
          }
        });
        w.__mo.observe(body, { subtree: true, childList: true, characterData: true, attributes: true });
      });
      await box.press(key);
      // The calculator updates within the input event, and rows far off screen just after the
      // frame that shows it: once none is pending, every mutation has been seen.
      await page.waitForSelector('stack-calculator:not([data-pending])');
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => done(null))));
      return page.evaluate(() => {
        const w = window as unknown as { __seen: { rows: Set<number>; moved: boolean }; __mo: MutationObserver };
        w.__mo.disconnect();
        return { rows: [...w.__seen.rows].sort((a, b) => a - b), moved: w.__seen.moved };
      });
    };
    // 150 depthwise + pointwise pairs after a 56×56×32 input, the calculator's limit of 300 rows.
    // The last row (1×1 to 32 channels → 321): only its own cells change (the totals are outside the table).
    await open(`v1_56x56x32_bn_${Array.from({ length: 150 }, () => 'dw_pw.n32').join('_')}`);
    expect(await touched(300, '1')).toEqual({ rows: [300], moved: false });
    const inUrl = async () => decodeStack((await page.evaluate(() => new URL(location.href).searchParams.get('stack'))) ?? '').stack!;
    await expect.poll(async () => (await inUrl()).layers[299].out).toBe(321);
    expect(await total(page, 'params')).toBe(computeStack(await inUrl()).totals.params.toString());
    // Row 2 (1×1 to 32 channels) feeds 298 depthwise rows: typing 321 there changes every row
    // below it; row 1 is left alone and no row is rebuilt or moved.
    await open('v1_56x56x32_bn_dw_pw.n32_dw*298');
    const second = await touched(2, '1');
    expect(second.moved).toBe(false);
    expect(second.rows).toEqual(Array.from({ length: 299 }, (_, i) => i + 2));
    await expect.poll(async () => (await inUrl()).layers[1].out).toBe(321);
    expect(await total(page, 'macs')).toBe(computeStack(await inUrl()).totals.multAdds.toString());
    // The numbers' boxes are as wide as the longest text of their column: none is cut or spills over.
    // (Measured with every row drawn: a size read from a skipped cell draws that cell alone.)
    const spill = await page.evaluate(() => {
      document.querySelector('stack-calculator')!.removeAttribute('data-long');
      return [...document.querySelectorAll<HTMLElement>('[data-role=rows] .calc-v')].filter((el) => el.scrollWidth > el.clientWidth + 1).map((el) => el.textContent);
    });
    expect(spill).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('at 300 rows a keystroke patches the rows near the screen before its frame, the rest once typing pauses, and a row scrolled to is drawn with its new numbers', { timeout: 120_000 }, async () => {
    const { context, page, problems } = await watchedPage(browser, { viewport: { width: 1280, height: 900 } });
    const stack = 'v1_56x56x32_bn_dw_pw.n32_dw*298';
    await page.goto(`${baseURL()}/calculator/?stack=${stack}`);
    await ready(page);
    const box = page.getByLabel('Row 2 output channels', { exact: true });
    await box.click();
    await box.press('End');
    // Rows (1-based) whose subtree changed before the keystroke's first frame, and after it.
    await page.evaluate(() => {
      const body = document.querySelector('[data-role=rows]')!;
      const w = window as unknown as { __before: Set<number>; __after: Set<number>; __framed: boolean; __mo: MutationObserver };
      w.__before = new Set();
      w.__after = new Set();
      w.__framed = false;
      const record = (list: MutationRecord[]): void => {
        for (const m of list) {
          const tr = (m.target.nodeType === 1 ? (m.target as Element) : m.target.parentElement)?.closest('tr');
          if (tr && tr.parentElement === body) (w.__framed ? w.__after : w.__before).add(tr.sectionRowIndex + 1);
        }
      };
      w.__mo = new MutationObserver(record);
      w.__mo.observe(body, { subtree: true, childList: true, characterData: true, attributes: true });
      // The first frame after the keystroke: what changed until then is what it shows.
      document.activeElement!.addEventListener('input', () => requestAnimationFrame(() => {
        record(w.__mo.takeRecords());
        w.__framed = true;
      }), { once: true });
    });
    await box.press('1');
    await page.waitForSelector('stack-calculator:not([data-pending])');
    const { before, after } = await page.evaluate(() => {
      const w = window as unknown as { __before: Set<number>; __after: Set<number>; __mo: MutationObserver };
      const body = document.querySelector('[data-role=rows]')!;
      w.__mo.takeRecords().forEach((m) => {
        const tr = (m.target.nodeType === 1 ? (m.target as Element) : m.target.parentElement)?.closest('tr');
        if (tr && tr.parentElement === body) w.__after.add(tr.sectionRowIndex + 1);
      });
      w.__mo.disconnect();
      return { before: [...w.__before].sort((a, b) => a - b), after: [...w.__after].sort((a, b) => a - b) };
    });
    // Before the frame: row 2 and the rows within a screen of it (rows are ~44 px; a 900 px viewport
    // and one more screen hold fewer than 60), never the last; then the rest, each row once in all.
    expect(before[0]).toBe(2);
    expect(before.length).toBeGreaterThan(10);
    expect(before.length).toBeLessThan(80);
    expect(before).not.toContain(300);
    expect([...before, ...after].sort((a, b) => a - b)).toEqual(Array.from({ length: 299 }, (_, i) => i + 2));
    // Row 300 shows the numbers of a 3×3 depthwise layer on 56×56×321: its
    // mult-adds are H·W·M·D_K² = 56·56·321·9 = 9,059,904 (Howard et al. 2017, eq. 3).
    const last = page.locator('[data-role=rows] tr').nth(299);
    expect(await last.locator('[data-role=shape]').textContent()).toBe('56×56×321');
    expect(await last.locator('[data-quantity=row-compute]').getAttribute('data-exact')).toBe('9059904');
    expect(await last.locator('[data-quantity=row-compute]').textContent()).toBe('9,059,904');
    // Scrolled to while its new numbers are still pending (the frame after a keystroke, before
    // typing pauses), row 300 is drawn with them: 56·56·32·9 = 903,168 after Backspace.
    await page.evaluate(() => {
      const w = window as unknown as { __seen?: { pending: boolean; shape: string; exact: string | null } };
      document.activeElement!.addEventListener('input', () => requestAnimationFrame(() => {
        const host = document.querySelector<HTMLElement>('stack-calculator')!;
        const tr = document.querySelectorAll('[data-role=rows] tr')[299];
        const pending = host.dataset.pending !== undefined;
        tr.scrollIntoView();
        // The next frame draws the new scroll position: read what it shows.
        requestAnimationFrame(() => {
          w.__seen = { pending, shape: tr.querySelector('[data-role=shape]')!.textContent!, exact: tr.querySelector('[data-quantity=row-compute]')!.getAttribute('data-exact') };
        });
      }), { once: true });
    });
    await box.press('Backspace');
    const seen = await page.waitForFunction(() => (window as unknown as { __seen?: unknown }).__seen).then((h) => h.jsonValue());
    expect(seen).toEqual({ pending: true, shape: '56×56×32', exact: '903168' });
    await box.press('1');
    await page.waitForSelector('stack-calculator:not([data-pending])');
    const typed = decodeStack(stack).stack!;
    const expected = computeStack({ ...typed, layers: typed.layers.map((l, i) => (i === 1 ? { ...l, out: 321 } : l)) });
    expect(await last.locator('[data-quantity=row-params]').getAttribute('data-exact')).toBe(rowParams(expected.layers[299], 'paper').toString());
    expect(await total(page, 'macs')).toBe(expected.totals.multAdds.toString());
    expect(problems).toEqual([]);
    await context.close();
  });

  it('undoes Load preset and Import (Undo button and Back), and never applies a pending edit to the new stack', async () => {
    const { context, page, problems } = await watchedPage(browser);
    const start = 'v1_32x32x3_conv.n8_pw.n16';
    await page.goto(`${baseURL()}/calculator/?stack=${start}`);
    await ready(page);
    const stackInUrl = () => page.evaluate(() => new URL(location.href).searchParams.get('stack'));
    const rows = page.locator('[data-role=rows] tr');
    // Type into row 2 and, without leaving the box, load a preset from a script (no focus change).
    const out = page.getByLabel('Row 2 output channels', { exact: true });
    await out.click();
    await out.press('End');
    await page.keyboard.type('7');
    await page.getByLabel('Preset').selectOption('resnet-stage');
    await out.focus();
    await page.evaluate(() => document.querySelector<HTMLButtonElement>('stack-calculator button[data-action=load]')?.click());
    const resnet = preset('resnet-stage');
    await expect.poll(stackInUrl).toBe(encodeStack(resnet));
    expect(await rows.count()).toBe(resnet.layers.length);
    expect(await total(page, 'params')).toBe(computeStack(resnet).totals.params.toString());
    // Undo: the stack from before, with the edit that was pending (row 2: 167 channels).
    const undo = page.locator('button[data-action=undo][data-after=load]');
    expect(await undo.getAttribute('aria-label')).toBe('Undo: restore the previous stack');
    await undo.click();
    await expect.poll(stackInUrl).toBe('v1_32x32x3_conv.n8_pw.n167');
    expect(await rows.count()).toBe(2);
    expect(await page.getByLabel('Row 2 output channels', { exact: true }).inputValue()).toBe('167');
    // Import, then the browser's Back button undoes it too, and Forward redoes it.
    await page.getByLabel(/Import: paste a CSV/).fill(toCsv(preset('mobilenet-v2')));
    await page.getByRole('button', { name: 'Import table' }).click();
    await expect.poll(stackInUrl).toBe(encodeStack(preset('mobilenet-v2')));
    expect(await page.getByRole('button', { name: 'Undo: restore the previous stack' }).count()).toBe(1);
    expect(await page.locator('button[data-action=undo][data-after=import]').isVisible()).toBe(true);
    await page.goBack();
    await expect.poll(stackInUrl).toBe('v1_32x32x3_conv.n8_pw.n167');
    await expect.poll(() => rows.count()).toBe(2);
    await page.goForward();
    await expect.poll(() => total(page, 'params')).toBe(String(mobilenetV2().params));
    expect(problems).toEqual([]);
    await context.close();
  });

  it('names a bad repeat count and round-trips the empty stack it leaves through CSV', async () => {
    const { context, page, problems } = await watchedPage(browser, { acceptDownloads: true });
    await page.goto(`${baseURL()}/calculator/?stack=v1_32x32x3_bn_conv.n8*99999`);
    await ready(page);
    const box = page.locator('stack-calculator [data-role=messages]');
    expect(await box.innerText()).toContain('repeat count “99999” is not a whole number from 1 to 300');
    expect(await box.innerText()).not.toContain('unknown layer kind');
    expect(await page.locator('[data-role=rows] tr').count()).toBe(0);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download CSV' }).click();
    let csv = '';
    for await (const chunk of await (await download).createReadStream()) csv += chunk.toString();
    await page.goto(`${baseURL()}/calculator/`);
    await ready(page);
    await page.getByLabel(/Import: paste a CSV/).fill(csv);
    await page.getByRole('button', { name: 'Import table' }).click();
    await expect.poll(() => page.evaluate(() => new URL(location.href).searchParams.get('stack'))).toBe('v1_32x32x3_bn');
    expect(await page.locator('[data-role=rows] tr').count()).toBe(0);
    expect(await box.isVisible()).toBe(false);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('fits a phone: the table scrolls inside its box, the page does not', async () => {
    const { context, page, problems } = await watchedPage(browser, { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    await page.goto(`${baseURL()}/calculator/?stack=${encodeStack(preset('xception'))}`);
    await ready(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    const wrap = page.locator('.calc-table-wrap').first();
    expect(await wrap.evaluate((e) => e.scrollWidth > e.clientWidth)).toBe(true);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('without JavaScript shows the default preset as a table with a note', async () => {
    const { context, page } = await watchedPage(browser, { javaScriptEnabled: false });
    await page.goto(`${baseURL()}/calculator/`);
    expect(await page.locator('[data-role=rows] tr').count()).toBe(preset('mobilenet-v1').layers.length);
    expect(await page.locator('[data-role=totals] [data-quantity=params]').getAttribute('data-exact')).toBe(String(mobilenetV1().params));
    expect(await page.locator('noscript').first().innerHTML()).toContain('need JavaScript');
    await context.close();
  });
});
