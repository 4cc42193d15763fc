// A flaky network and hostile addresses: lazy code that failed to download is fetched again (the
// page recovers by itself and says what is going on meanwhile), and the address bar keeps only
// what the page uses.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { baseURL, figuresReady, launch, watchedPage } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** What went wrong, less the browser's own log lines for requests made while offline. */
const unexpected = (problems: string[]): string[] => problems.filter((p) => !/ERR_INTERNET_DISCONNECTED/.test(p));

const COST = '[data-figure="cost-bars"]';
const note = (page: Page) => page.locator('#net-status');

/** A hydrated tradeoff figure follows its controls: an input resolution typed in moves its current point. */
async function followsControls(tradeoff: Locator): Promise<void> {
  const box = tradeoff.getByRole('spinbutton', { name: /Input resolution, exact value/ });
  await box.fill('192');
  await box.press('Enter');
  await expect.poll(() => tradeoff.locator('[data-role=current]').evaluateAll((els) => els.map((e) => e.getAttribute('data-point')))).toContain('slim-1-192');
}

describe('a flaky network', () => {
  it('offline → slider → online → slider: the formula and the figure follow, with no uncaught error', async () => {
    const { context, page, problems } = await watchedPage(browser, { viewport: { width: 1280, height: 900 } });
    await page.goto(`${baseURL()}/depthwise-separable/`, { waitUntil: 'networkidle' });
    await page.locator(COST).scrollIntoViewIfNeeded();
    await figuresReady(page);
    const formula = page.locator(`${COST} [data-role=formula]`);
    const slider = page.locator(COST).getByRole('slider', { name: /Kernel size/ });
    // What the formula draws (KaTeX's HTML): 1/25 would show as 25 over 1.
    const drawn = () => formula.locator('.katex-html').first().textContent();
    // A figure whose formula changed with its layout has typeset already; then KaTeX is here and
    // only a figure's code could be missing. Otherwise the formula waits for KaTeX offline.
    const katexHere = await page.evaluate(() => performance.getEntriesByType('resource').some((e) => /katex[^/]*\.js$/.test(e.name)));
    await context.setOffline(true);
    await slider.fill('5');
    // The picture follows at once (its code is here); the formula waits for KaTeX, and the reader is told.
    await expect.poll(() => page.locator(`${COST} [data-quantity="params-standard"]`).first().getAttribute('data-exact')).toBe(String(25 * 32 * 64));
    if (!katexHere) {
      await expect.poll(() => note(page).isVisible()).toBe(true);
      expect(await note(page).innerText()).toContain('offline');
      expect(await drawn()).not.toContain('25');
    }
    await context.setOffline(false);
    await slider.fill('7');
    await expect.poll(() => formula.getAttribute('data-tex')).toContain('\\frac{1}{49}');
    // Back online, the formula follows: 1/49 is drawn, and the MathML read aloud says it too.
    await expect.poll(drawn).toContain('49');
    await expect.poll(() => formula.locator('.katex-mathml').first().textContent()).toContain('49');
    await expect.poll(() => page.locator(`${COST} [data-quantity="params-standard"]`).first().getAttribute('data-exact')).toBe(String(49 * 32 * 64));
    await expect.poll(() => note(page).isVisible()).toBe(false);
    expect(problems.filter((p) => p.startsWith('uncaught'))).toEqual([]);
    expect(unexpected(problems)).toEqual([]);
    await context.close();
  });

  it('a figure scrolled into view while offline hydrates once back online', async () => {
    const { context, page, problems } = await watchedPage(browser, { viewport: { width: 1280, height: 720 } });
    await page.goto(`${baseURL()}/mobilenet-v1/`, { waitUntil: 'networkidle' });
    const tradeoff = page.locator('[data-figure="tradeoff"]');
    expect(await tradeoff.getAttribute('data-ready')).toBeNull();
    await context.setOffline(true);
    await tradeoff.scrollIntoViewIfNeeded();
    await expect.poll(() => note(page).isVisible()).toBe(true);
    await page.waitForTimeout(500);
    expect(await tradeoff.getAttribute('data-ready')).toBeNull();
    // The build-time picture stays readable meanwhile.
    expect(await tradeoff.locator('svg [data-quantity]').count()).toBeGreaterThan(0);
    await context.setOffline(false);
    await expect.poll(() => tradeoff.getAttribute('data-ready'), { timeout: 10_000 }).toBe('');
    await expect.poll(() => note(page).isVisible()).toBe(false);
    await followsControls(tradeoff);
    expect(unexpected(problems)).toEqual([]);
    await context.close();
  });

  it('a figure whose code failed to download on a working connection hydrates on a later try, without a reload', async () => {
    // The browser still says it is online: the fetch itself fails (a dropped connection). Chromium
    // keeps such a module failed, so the later try must ask for it under another address.
    const { context, page, problems } = await watchedPage(browser, { viewport: { width: 1280, height: 720 } });
    await page.goto(`${baseURL()}/mobilenet-v1/`, { waitUntil: 'networkidle' });
    const tradeoff = page.locator('[data-figure="tradeoff"]');
    expect(await tradeoff.getAttribute('data-ready')).toBeNull();
    const refused: string[] = [];
    let blocked = true;
    await page.route(/\/_astro\/figure\.[\w-]+\.js(\?[^/]*)?$/, (r) => {
      if (!blocked) return r.continue();
      refused.push(r.request().url());
      return r.abort('connectionreset');
    });
    await tradeoff.scrollIntoViewIfNeeded();
    await expect.poll(() => note(page).isVisible()).toBe(true);
    expect(refused.length).toBeGreaterThan(0);
    expect(await tradeoff.getAttribute('data-ready')).toBeNull();
    blocked = false;
    await expect.poll(() => tradeoff.getAttribute('data-ready'), { timeout: 15_000 }).toBe('');
    await expect.poll(() => note(page).isVisible()).toBe(false);
    await followsControls(tradeoff);
    // Only the refused fetches and the browser's lines for them: no uncaught error.
    expect(problems.filter((p) => !/^request failed: \S+\/_astro\/figure\.[\w-]+\.js(\?\S*)? \(net::ERR_CONNECTION_RESET\)$/.test(p) && !/^console error: Failed to load resource: net::ERR_CONNECTION_RESET$/.test(p))).toEqual([]);
    await context.close();
  });

  it('a live block says plainly that TensorFlow.js could not be downloaded, and runs once back online', async () => {
    const { context, page, problems } = await watchedPage(browser);
    await page.goto(`${baseURL()}/mobilenet-v1/?alpha=0.25&res=96`, { waitUntil: 'networkidle' });
    const block = page.locator('v1-model');
    await block.scrollIntoViewIfNeeded();
    await block.getByRole('combobox', { name: 'Backend' }).selectOption('cpu');
    const run = block.getByRole('button', { name: 'Build and run' });
    await context.setOffline(true);
    await run.click();
    await expect.poll(() => block.getAttribute('data-state')).toBe('failed');
    expect(await block.getAttribute('data-reason')).toBe('download');
    expect(await block.locator('[data-role=status]').innerText()).toContain('could not be downloaded (you seem to be offline)');
    await context.setOffline(false);
    await run.click();
    await page.waitForFunction(() => ['done', 'failed'].includes(document.querySelector<HTMLElement>('v1-model')?.dataset.state ?? '') && document.querySelector<HTMLElement>('v1-model')?.dataset.state !== 'failed', null, { timeout: 45_000 });
    expect(await block.getAttribute('data-state')).toBe('done');
    expect(problems.filter((p) => p.startsWith('uncaught'))).toEqual([]);
    expect(unexpected(problems)).toEqual([]);
    await context.close();
  });
});

describe('the address bar', () => {
  const search = (page: Page) => page.evaluate(() => location.search);

  it('keeps only the parameters a page uses, as used, and drops unknown or hostile keys at load', async () => {
    const { context, page, problems } = await watchedPage(browser);
    const junk = `utm_source=x&__proto__=1&constructor=2&${encodeURIComponent('"><img src=x>')}=1&alpha=0.5`;
    await page.goto(`${baseURL()}/depthwise-separable/?n=128&k=99&${junk}#figure-cost-bars`);
    await figuresReady(page);
    await expect.poll(() => search(page)).toBe('?k=11&n=128');
    expect(await page.evaluate(() => location.hash)).toBe('#figure-cost-bars');
    expect(await page.locator('#param-messages').innerText()).toContain('Kernel size (k) must be from 1 to 11');
    expect(problems).toEqual([]);
    await context.close();
  });

  it("keeps a page's own keys with accepted values: embed options, the calculator's stack", async () => {
    const { context, page, problems } = await watchedPage(browser);
    await page.goto(`${baseURL()}/embed/cost-bars/?theme=evil&controls=0&x=1&k=5`);
    await figuresReady(page);
    await expect.poll(() => search(page)).toBe('?k=5&controls=0');
    expect(await page.locator('#param-messages').innerText()).toContain('theme option must be');
    await page.goto(`${baseURL()}/calculator/?stack=v1_8x8x3_pw.n4&params=keras&junk=%3Cb%3E`);
    await page.waitForSelector('stack-calculator[data-ready]');
    await expect.poll(() => search(page)).toBe('?stack=v1_8x8x3_pw.n4&params=keras');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('lists at most the last five messages, however many values were bad', async () => {
    const { context, page, problems } = await watchedPage(browser);
    // Seven of this page's parameters, each not a number: seven messages, of which the box keeps five.
    await page.goto(`${baseURL()}/depthwise-separable/?k=a&m=b&n=c&df=d&peak=e&bw=f&step=g`);
    const box = page.locator('#param-messages');
    await expect.poll(() => box.isVisible()).toBe(true);
    await expect.poll(() => box.locator('li').count()).toBe(5);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('quotes a bad value without control or bidirectional override characters', async () => {
    const { context, page, problems } = await watchedPage(browser);
    await page.goto(`${baseURL()}/?k=%E2%80%AEabc%00def`);
    const box = page.locator('#param-messages');
    await expect.poll(() => box.isVisible()).toBe(true);
    const text = await box.locator('li').first().textContent();
    expect(text).toContain('“ abc def”');
    expect(text).not.toMatch(/[\u0000-\u001f\u202a-\u202e\u2066-\u2069]/);
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('a page that does not exist', () => {
  it('answers 404 in the edition its address names: English, or Chinese under /zh/', async () => {
    const { context, page } = await watchedPage(browser);
    for (const [path, lang, title] of [
      ['/no-such-page/', 'en', 'Page not found'],
      ['/zh/embed/no-such-figure/', 'zh-CN', '找不到页面'],
    ]) {
      const res = await page.goto(`${baseURL()}${path}`);
      expect(res?.status()).toBe(404);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
      expect(await page.locator('h1').textContent()).toBe(title);
    }
    await context.close();
  });
});

describe('the Content Security Policy', () => {
  it('refuses an injected inline script, and the refusal is a console error the suite catches', async () => {
    const { context, page, problems } = await watchedPage(browser);
    await page.goto(`${baseURL()}/mobilenet-v1/`);
    const policy = await page.locator('head > meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(policy).toMatch(/script-src 'self'( 'sha256-[A-Za-z0-9+/=]+')*;/);
    const violations = await page.evaluate(async () => {
      const seen: string[] = [];
      document.addEventListener('securitypolicyviolation', (e) => seen.push(e.violatedDirective));
      const s = document.createElement('script');
      s.textContent = 'document.body.dataset.injected = "1"';
      document.head.appendChild(s);
      await new Promise((r) => setTimeout(r, 50));
      return { seen, injected: document.body.dataset.injected ?? null };
    });
    expect(violations.injected).toBeNull();
    expect(violations.seen).toContain('script-src-elem');
    await expect.poll(() => problems.filter((p) => p.startsWith('console error') && p.includes('Content Security Policy')).length).toBeGreaterThan(0);
    await context.close();
  });
});
