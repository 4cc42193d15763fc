// Embed routes and figure export, in Chromium (lecture decks: lecture.e2e.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { inject } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, baseURL, figuresReady, launch, watchedPage } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const dist = (): string => inject('distDir');
const embedIds = (): string[] => (existsSync(join(dist(), 'embed')) ? readdirSync(join(dist(), 'embed')).sort() : []);
const slideNumber = (page: Page): number => Number(/#slide-(\d+)$/.exec(page.url())?.[1] ?? NaN);

describe('lecture deck links', () => {
  it('corrects a slide hash that names no slide, at load and while playing', async () => {
    const { context, page, problems } = await watchedPage(browser, { viewport: { width: 1280, height: 720 } });
    await page.goto(`${baseURL()}/lecture/overview/#slide-3`);
    await expect.poll(() => slideNumber(page)).toBe(3);
    const total = await page.locator('[data-slide]').count();
    await page.evaluate(() => (location.hash = '#slide-9999'));
    await expect.poll(() => page.evaluate(() => location.hash)).toBe(`#slide-${total}`);
    expect(await page.evaluate(() => [...document.querySelectorAll('[data-slide]')].findIndex((s) => s.hasAttribute('data-active')) + 1)).toBe(total);
    await page.evaluate(() => (location.hash = '#slide-nope'));
    await expect.poll(() => page.evaluate(() => location.hash)).toBe(`#slide-${total}`);
    await page.goto(`${baseURL()}/lecture/overview/#slide-0`);
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#slide-1');
    expect(problems).toEqual([]);
    await context.close();
  });

});


describe('embed routes', () => {
  it('exist for every figure id of the site', () => {
    expect(embedIds()).toContain('cost-bars');
  });

  it.each(embedIds())('/embed/%s/ shows the figure alone, resizes its iframe, honours theme and controls, at 320 px', async (id) => {
    const { context, page, problems } = await watchedPage(browser, { viewport: { width: 320, height: 640 } });
    await page.goto(`${baseURL()}/embed/${id}/?theme=dark&controls=0`);
    await figuresReady(page);
    expect(await page.locator('[data-figure]').count()).toBe(1);
    expect(await page.locator('header, nav').count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    // controls=0 hides the parameter controls; a figure's own step buttons stay.
    expect(await page.locator('param-control:not(.control-stepper, .control-player)').evaluateAll((els) => els.filter((e) => (e as HTMLElement).offsetParent !== null).length)).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    const back = page.locator('[data-role=chapter-link]');
    expect(await back.getAttribute('href')).toMatch(/^\/[a-z0-9-]*\/?(\?.*)?#figure-/);
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    // Inside an iframe it reports its height to the parent page.
    await page.setContent('<main></main>');
    const message = await page.evaluate(
      (src) =>
        new Promise<{ figure: unknown; height: number }>((ok) => {
          addEventListener('message', (e) => {
            if (e.data?.type === 'separable:height') ok({ figure: e.data.figure, height: e.data.height });
          });
          const frame = document.createElement('iframe');
          frame.title = 'figure';
          frame.style.cssText = 'width:320px;height:100px';
          frame.src = src;
          document.querySelector('main')?.appendChild(frame);
        }),
      `${baseURL()}/embed/${id}/`,
    );
    expect(message.height).toBeGreaterThan(150);
    expect(message.figure).toBe(id);
    await context.close();
  });

  it('turns hostile embed parameters into a message, never markup', async () => {
    const { context, page, problems } = await watchedPage(browser, { viewport: { width: 360, height: 700 } });
    const evil = encodeURIComponent('"><script>document.body.dataset.pwned=1</script>');
    await page.goto(`${baseURL()}/embed/cost-bars/?k=${evil}&theme=${evil}&controls=maybe&n=-5`);
    await figuresReady(page);
    const text = await page.locator('#param-messages').innerText();
    expect(text).toContain('Kernel size (k) must be a number');
    expect(text).toContain('theme option must be');
    expect(text).toContain('controls option must be');
    expect(await page.evaluate(() => document.body.dataset.pwned)).toBeUndefined();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBeUndefined();
    expect(await page.locator('[data-quantity="params-standard"]').getAttribute('data-exact')).toBe(String(9 * 32 * 1));
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('figure export', () => {
  async function openMenu(page: Page): Promise<void> {
    await page.goto(`${baseURL()}/?k=5&n=128`);
    await figuresReady(page);
    await page.locator('[data-figure="cost-bars"] summary').click();
    await page.getByRole('button', { name: 'Download SVG' }).waitFor();
  }

  it('downloads a well-formed, self-contained SVG holding the figure numbers', async () => {
    const { context, page, problems } = await watchedPage(browser, { acceptDownloads: true });
    await openMenu(page);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download SVG' }).click()]);
    expect(download.suggestedFilename()).toBe('cost-bars.svg');
    const svg = readFileSync((await download.path()) as string, 'utf8');
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      return { error: doc.getElementsByTagName('parsererror').length, root: doc.documentElement.tagName, ns: doc.documentElement.namespaceURI };
    }, svg);
    expect(parsed).toEqual({ error: 0, root: 'svg', ns: 'http://www.w3.org/2000/svg' });
    // Numbers for k = 5, n = 128, m = 32, D_F = 14.
    expect(svg).toContain((25 * 32 * 128 * 196).toLocaleString('en-US'));
    expect(svg).toContain(`data-exact="${1 / 128 + 1 / 25}"`);
    expect(svg).not.toContain('class=');
    // Colours as presentation attributes, which every SVG program reads.
    expect(svg).toMatch(/ fill="rgb\(\d+,\d+,\d+\)"/);
    expect(svg).not.toMatch(/ style="/);
    expect(problems).toEqual([]);
    await context.close();
  });

  it.each([2, 4])('downloads a PNG at %i× the figure size', async (scale) => {
    const { context, page, problems } = await watchedPage(browser, { acceptDownloads: true });
    await openMenu(page);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: `Download PNG ${scale}×` }).click()]);
    const png = readFileSync((await download.path()) as string);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    // The exported picture has a margin, a title and a source line around the figure.
    const [, , w, h] = ((await page.locator('[data-figure="cost-bars"] svg').getAttribute('viewBox')) ?? '').split(' ').map(Number);
    const [pw, ph] = [png.readUInt32BE(16), png.readUInt32BE(20)];
    expect(pw % scale).toBe(0);
    expect(ph % scale).toBe(0);
    expect(pw / scale).toBeGreaterThanOrEqual(w + 48);
    expect(ph / scale).toBeGreaterThan(h + 48);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('copies a link that restores the view, and an embed snippet', async () => {
    const { context, page, problems } = await watchedPage(browser);
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await openMenu(page);
    const status = page.locator('[data-figure="cost-bars"] [data-role=menu-status]');
    await page.getByRole('button', { name: 'Copy link to this view' }).click();
    await expect.poll(() => status.innerText()).toBe('Link copied.');
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toMatch(/\?.*k=5.*n=128.*#figure-cost-bars$/);
    await page.getByRole('button', { name: 'Copy embed code' }).click();
    await expect.poll(() => status.innerText()).toBe('Embed code copied.');
    const snippet = await page.evaluate(() => navigator.clipboard.readText());
    expect(snippet).toContain('/embed/cost-bars/?');
    expect(snippet).toContain('separable:height');
    const other = await context.newPage();
    await other.goto(link);
    await figuresReady(other);
    expect(await other.locator('[data-quantity="ratio"]').getAttribute('data-fraction')).toBe('153/3200');
    expect(problems).toEqual([]);
    await context.close();
  });
});
