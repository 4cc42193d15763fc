// The home page's cost-bars figure: keyboard, URL state, hostile links, and the numbers it shows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { baseURL, figuresReady, launch, visit, watchedPage } from './harness';

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

const exact = (page: Page, name: string): Promise<string | null> =>
  page.locator(`[data-figure="cost-bars"] [data-quantity="${name}"]`).first().getAttribute('data-exact');

describe('home page cost-bars figure', () => {
  it('moves K from the keyboard: the ratio and the URL follow', async () => {
    const { page, problems, done } = await visit(tab);
    await page.goto(`${baseURL()}/`);
    await figuresReady(page);
    const before = Number(await exact(page, 'ratio'));
    // Defaults K = 3, N = 64: 1/64 + 1/9 = 73/576 (Howard et al. 2017, eq. 5).
    expect(before).toBeCloseTo(73 / 576, 12);
    const slider = page.getByRole('slider', { name: /Kernel size/ });
    await slider.focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => exact(page, 'ratio')).toBe(String(1 / 64 + 1 / 16));
    await expect.poll(() => new URL(page.url()).searchParams.get('k')).toBe('4');
    await page.keyboard.press('End');
    await expect.poll(() => new URL(page.url()).searchParams.get('k')).toBe('11');
    expect(await page.locator('[data-figure="cost-bars"] [data-role=formula] .katex').count()).toBe(1);
    await expect.poll(() => page.locator('[data-figure="cost-bars"] [data-role=formula]').getAttribute('data-tex')).toContain('\\frac{1}{121}');
    expect(problems).toEqual([]);
    await done();
  });

  it('restores its state from a link', async () => {
    const { page, problems, done } = await visit(tab);
    await page.goto(`${baseURL()}/?k=5&n=128`);
    await figuresReady(page);
    // 1/128 + 1/25 = 153/3200.
    expect(await page.locator('[data-quantity="ratio"]').getAttribute('data-fraction')).toBe('153/3200');
    expect(await page.getByRole('slider', { name: /Output channels/ }).inputValue()).toBe('128');
    // M = 32 and D_F = 14 stay at their defaults: standard mult-adds 25·32·128·196.
    expect(await exact(page, 'macs-standard')).toBe(String(25 * 32 * 128 * 196));
    expect(await exact(page, 'macs-separable')).toBe(String(25 * 32 * 196 + 32 * 128 * 196));
    expect(problems).toEqual([]);
    await done();
  });

  it('turns hostile query values into a message and a sane value, never markup', async () => {
    const { page, problems, done } = await visit(tab);
    const evil = encodeURIComponent('<img src=x onerror="document.body.dataset.pwned=1">');
    await page.goto(`${baseURL()}/?k=${evil}&n=99999&m=-4&df=NaN&seed=1e999`);
    await figuresReady(page);
    const box = page.locator('#param-messages');
    await expect.poll(() => box.isVisible()).toBe(true);
    const text = await box.innerText();
    expect(text).toContain('Kernel size (k) must be a number');
    expect(text).toContain('Output channels (n) must be from 1 to 2,048');
    expect(text).toContain('Input channels (m)');
    expect(await page.locator('#param-messages img, main img').count()).toBe(0);
    expect(await page.evaluate(() => document.body.dataset.pwned)).toBeUndefined();
    expect(await page.getByRole('slider', { name: /Kernel size/ }).inputValue()).toBe('3');
    // n clamped to 2048, m to 1: the figure still draws numbers, never NaN.
    expect(await exact(page, 'params-standard')).toBe(String(9 * 1 * 2048));
    expect(await page.locator('[data-figure="cost-bars"] svg').innerHTML()).not.toContain('NaN');
    await page.getByRole('button', { name: 'Dismiss' }).click();
    expect(await box.isVisible()).toBe(false);
    expect(problems).toEqual([]);
    await done();
  });

  it('accepts a typed value and explains a bad one', async () => {
    const { page, problems, done } = await visit(tab);
    await page.goto(`${baseURL()}/`);
    await figuresReady(page);
    const box = page.getByRole('spinbutton', { name: /Output channels, exact value/ });
    await box.fill('256');
    await box.press('Enter');
    await expect.poll(() => exact(page, 'ratio')).toBe(String(265 / 2304));
    await box.fill('12.5');
    await box.press('Enter');
    await expect.poll(() => page.locator('#param-messages').innerText()).toContain('rounded to 13');
    expect(await box.inputValue()).toBe('13');
    expect(problems).toEqual([]);
    await done();
  });

  it('follows the theme toggle and remembers it', async () => {
    const { context, page, problems } = await watchedPage(browser, { colorScheme: 'light' });
    await page.goto(`${baseURL()}/`);
    const toggle = page.getByRole('button', { name: 'Dark theme' });
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    await toggle.focus();
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await page.reload();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(await page.getByRole('button', { name: 'Dark theme' }).getAttribute('aria-pressed')).toBe('true');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('moves its bars when N changes: a fixed log axis, the previous end as a ghost, a glide of at most 250 ms', async () => {
    const { context, page, problems } = await watchedPage(browser, { reducedMotion: 'no-preference' });
    await page.goto(`${baseURL()}/`);
    await figuresReady(page);
    const fig = page.locator('[data-figure="cost-bars"]');
    const bar = fig.locator('[data-ghost-key="macs-macs-standard"]');
    const width = async () => Number(await bar.getAttribute('width'));
    const before = await width();
    const box = page.getByRole('spinbutton', { name: /Output channels, exact value/ });
    await box.fill('269');
    await box.press('Enter');
    await expect.poll(() => exact(page, 'macs-standard')).toBe(String(9 * 32 * 269 * 196));
    // The standard bar grows by log10(269/64) decades of the fixed axis: clearly visible.
    expect((await width()) - before).toBeGreaterThan(25);
    // Its previous end stays as a dashed ghost.
    const ghost = fig.locator('[data-ghost-of="macs-macs-standard"]');
    expect(await ghost.getAttribute('data-shown')).toBe('');
    expect(Number(await ghost.getAttribute('width'))).toBeCloseTo(before, 1);
    // Bars glide to their new length, in at most 250 ms.
    const duration = await bar.evaluate((el) => getComputedStyle(el).transitionDuration.split(',').map((d) => parseFloat(d) * (d.trim().endsWith('ms') ? 1 : 1000)));
    expect(Math.max(...duration)).toBeGreaterThan(0);
    expect(Math.max(...duration)).toBeLessThanOrEqual(250);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('eases the first change even when it comes within 300 ms of the page opening (it is not a drag)', async () => {
    const { context, page, problems } = await watchedPage(browser, { reducedMotion: 'no-preference' });
    // The page's clock reads a minute earlier: every change here comes "within 300 ms" of its
    // start, as a fast reader's first change does on a fast machine.
    await page.addInitScript(() => {
      const now = performance.now.bind(performance);
      performance.now = () => now() - 60_000;
    });
    await page.goto(`${baseURL()}/`);
    await figuresReady(page);
    const fig = page.locator('[data-figure="cost-bars"]');
    const box = page.getByRole('spinbutton', { name: /Output channels, exact value/ });
    await box.fill('100');
    await box.press('Enter');
    await expect.poll(() => exact(page, 'macs-standard')).toBe(String(9 * 32 * 100 * 196));
    expect(await fig.getAttribute('data-moving')).toBeNull();
    const duration = await fig.locator('[data-ghost-key="macs-macs-standard"]').evaluate((el) => parseFloat(getComputedStyle(el).transitionDuration));
    expect(duration).toBeGreaterThan(0);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('drops the easing of its bars while a slider is dragged, and eases them again once it pauses', async () => {
    const { context, page, problems } = await watchedPage(browser, { reducedMotion: 'no-preference' });
    await page.goto(`${baseURL()}/`);
    await figuresReady(page);
    const fig = page.locator('[data-figure="cost-bars"]');
    const bar = fig.locator('.cb-bar').first();
    const state = () => bar.evaluate((el) => ({ moving: el.closest('sep-figure')?.hasAttribute('data-moving') ?? false, seconds: parseFloat(getComputedStyle(el).transitionDuration) }));
    await fig.getByRole('slider').first().focus();
    // Steps in quick succession are a drag: read the bar as soon as the figure says so (a loaded
    // machine may take longer than the 300 ms pause between two presses).
    let during: { moving: boolean; seconds: number } | undefined;
    for (let i = 0; i < 10 && !during; i++) {
      await page.keyboard.press(i % 2 === 0 ? 'ArrowRight' : 'ArrowLeft');
      const now = await state();
      if (now.moving) during = now;
    }
    expect(during).toEqual({ moving: true, seconds: 0 });
    await expect.poll(async () => (await state()).moving).toBe(false);
    expect((await state()).seconds).toBeGreaterThan(0);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('does not animate with reduced motion', async () => {
    const { context, page } = await watchedPage(browser, { reducedMotion: 'reduce' });
    await page.goto(`${baseURL()}/`);
    await figuresReady(page);
    const d = await page.locator('[data-figure="cost-bars"] .cb-bar').first().evaluate((el) => parseFloat(getComputedStyle(el).transitionDuration));
    expect(d).toBeLessThan(0.001);
    await context.close();
  });

  it('draws the separable bar’s depthwise part as 1/N and its pointwise part as 1/D_K² of the standard one, and zooms it', async () => {
    const { page, problems, done } = await visit(tab);
    await page.goto(`${baseURL()}/?k=5&n=10`);
    await figuresReady(page);
    const fig = page.locator('[data-figure="cost-bars"]');
    const w = async (sel: string, i = 0) => (await fig.locator(sel).nth(i).boundingBox())!.width;
    const std = await w('.cb-outline');
    expect((await w('rect.bar-depthwise[tabindex]')) / std).toBeCloseTo(1 / 10, 2);
    expect((await w('rect.bar-pointwise[tabindex]')) / std).toBeCloseTo(1 / 25, 2);
    // In the zoomed row the 4%-of-standard pointwise part is as wide as it deserves: 10/35 of the row.
    const zoomDw = await w('rect.cb-zoomed.bar-depthwise');
    const zoomPw = await w('rect.cb-zoomed.bar-pointwise');
    expect(zoomPw / (zoomDw + zoomPw)).toBeCloseTo(10 / 35, 2);
    expect(zoomPw).toBeGreaterThan(100);
    expect(problems).toEqual([]);
    await done();
  });

  it('links the formula’s 1/N and 1/D_K² to the bars: hover, keyboard both ways, and an announcement', async () => {
    const { page, problems, done } = await visit(tab);
    await page.goto(`${baseURL()}/`);
    await figuresReady(page);
    const fig = page.locator('[data-figure="cost-bars"]');
    await expect.poll(() => fig.locator('[data-role=formula] .katex-html [data-term="pointwise"]').count()).toBeGreaterThan(0);
    const pointwiseBar = fig.locator('rect.bar-pointwise[tabindex]');
    // Hover a formula term: the bar it counts lights up.
    await fig.locator('[data-role=formula] .katex-html [data-term="pointwise"]').first().hover();
    await expect.poll(() => pointwiseBar.getAttribute('data-lit')).toBe('');
    // Keyboard: the formula is a tab stop; → steps through its terms and the live region says what is lit.
    const formula = fig.locator('[data-role=formula]');
    await formula.focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => fig.getAttribute('data-lit-term')).toBe('depthwise');
    expect(await fig.locator('rect.bar-depthwise[tabindex]').getAttribute('data-lit')).toBe('');
    await expect.poll(() => fig.locator('[data-role=announce]').textContent()).toContain('Depthwise part: 1/N = 1/64');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => fig.getAttribute('data-lit-term')).toBe('pointwise');
    await page.keyboard.press('Escape');
    await expect.poll(() => fig.getAttribute('data-lit-term')).toBeNull();
    // And back: focusing the depthwise bar lights its term in the formula.
    await fig.locator('rect.bar-depthwise[tabindex]').focus();
    await expect.poll(() => fig.locator('[data-role=formula] [data-term="depthwise"][data-lit]').count()).toBeGreaterThan(0);
    expect(problems).toEqual([]);
    await done();
  });
});


describe('the two editions', () => {
  it('switch from a chapter to its Chinese twin and back, keeping the values and the section', async () => {
    const { page, problems, done } = await visit(tab);
    await page.goto(`${baseURL()}/depthwise-separable/?k=5&n=128#the-cost-step-by-step`);
    await figuresReady(page);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    // A slider moved after load changes the address without a reload: the switch follows it.
    const slider = page.locator('sep-figure[data-figure="cost-bars"] param-control[data-params="k"] input[type=range]').first();
    await slider.focus();
    await page.keyboard.press('ArrowRight');
    const k = await slider.inputValue();
    expect(k).not.toBe('5');
    await expect.poll(() => new URL(page.url()).searchParams.get('k')).toBe(k);
    const toChinese = page.locator('a[data-role="lang-switch"]');
    expect(await toChinese.getAttribute('hreflang')).toBe('zh-CN');
    await toChinese.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/zh\/depthwise-separable\//);
    const zh = new URL(page.url());
    expect(zh.searchParams.get('k')).toBe(k);
    expect(zh.searchParams.get('n')).toBe('128');
    expect(zh.hash).toBe('#the-cost-step-by-step');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    await figuresReady(page);
    expect(await page.locator('sep-figure[data-figure="cost-bars"] param-control[data-params="k"] input[type=range]').first().inputValue()).toBe(k);
    const back = page.locator('a[data-role="lang-switch"]');
    expect(await back.getAttribute('hreflang')).toBe('en');
    await back.click();
    await page.waitForURL((u) => u.pathname === '/depthwise-separable/');
    expect(new URL(page.url()).searchParams.get('k')).toBe(k);
    expect(problems).toEqual([]);
    await done();
  });
});
