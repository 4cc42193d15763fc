// The home page's cost-bars figure: keyboard, URL state, hostile links, and the numbers it shows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { baseURL, figuresReady, launch, watchedPage } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const exact = (page: Page, name: string): Promise<string | null> =>
  page.locator(`[data-figure="cost-bars"] [data-quantity="${name}"]`).first().getAttribute('data-exact');

describe('home page cost-bars figure', () => {
  it('moves K from the keyboard: the ratio and the URL follow', async () => {
    const { context, page, problems } = await watchedPage(browser);
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
    await context.close();
  });

  it('restores its state from a link', async () => {
    const { context, page, problems } = await watchedPage(browser);
    await page.goto(`${baseURL()}/?k=5&n=128`);
    await figuresReady(page);
    // 1/128 + 1/25 = 153/3200.
    expect(await page.locator('[data-quantity="ratio"]').getAttribute('data-fraction')).toBe('153/3200');
    expect(await page.getByRole('slider', { name: /Output channels/ }).inputValue()).toBe('128');
    // M = 32 and D_F = 14 stay at their defaults: standard mult-adds 25·32·128·196.
    expect(await exact(page, 'macs-standard')).toBe(String(25 * 32 * 128 * 196));
    expect(await exact(page, 'macs-separable')).toBe(String(25 * 32 * 196 + 32 * 128 * 196));
    expect(problems).toEqual([]);
    await context.close();
  });

  it('turns hostile query values into a message and a sane value, never markup', async () => {
    const { context, page, problems } = await watchedPage(browser);
    const evil = encodeURIComponent('<img src=x onerror="document.body.dataset.pwned=1">');
    await page.goto(`${baseURL()}/?k=${evil}&n=99999&m=-4&df=NaN&seed=1e999`);
    await figuresReady(page);
    const box = page.locator('#param-messages');
    await expect.poll(() => box.isVisible()).toBe(true);
    const text = await box.innerText();
    expect(text).toContain('Kernel size (k) must be a number');
    expect(text).toContain('Output channels (n) must be from 1 to 2048');
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
    await context.close();
  });

  it('accepts a typed value and explains a bad one', async () => {
    const { context, page, problems } = await watchedPage(browser);
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
    await context.close();
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
});
