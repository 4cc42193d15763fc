// The spectrum of segments (chapter 7), the roofline (chapter 3) and the channel shuffle (chapter 2)
// driven from the keyboard: each step's numbers are checked against counts derived by hand.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { baseURL, figuresReady, launch, visit, watchedPage } from './harness';
import { PAGE_SCREENS, hydrateAllFigures, measureFigures } from './figure-metrics.mjs';

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

const exact = (page: Page, figure: string, name: string): Promise<string | null> =>
  page.locator(`[data-figure="${figure}"] [data-quantity="${name}"]`).first().getAttribute('data-exact');
const exactNumber = async (page: Page, figure: string, name: string): Promise<number> => Number(await exact(page, figure, name));

async function open(page: Page, route: string, figure: string): Promise<void> {
  await page.goto(`${baseURL()}${route}`);
  await page.locator(`[data-figure="${figure}"]`).scrollIntoViewIfNeeded();
  await figuresReady(page);
  await page.waitForFunction((id) => document.querySelector<HTMLElement>(`[data-figure="${id}"]`)?.dataset.ready !== undefined, figure);
}

describe('chapter 7: inception-continuum', () => {
  const F = 'inception-continuum';
  it('moves through the divisors of M = 728 with the arrow keys; the block costs 728² + 9·728²/S', async () => {
    const { page, problems, done } = await visit(tab);
    await open(page, '/xception/', F);
    const fig = page.locator(`[data-figure="${F}"]`);
    // Page defaults: M = 728, D_F = 19, S = 4 (Chollet 2017, §1.2: Inception's 3 or 4 segments).
    expect(await exact(page, F, 'segments')).toBe('4');
    expect(await exact(page, F, 'params')).toBe('1722448');
    const slider = fig.getByRole('slider', { name: /Channel segments/ });
    await slider.focus();
    // The next divisor of 728 = 2³·7·13 after 4 is 7: 529,984 + 4,769,856 / 7 = 1,211,392.
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => exact(page, F, 'segments')).toBe('7');
    expect(await exact(page, F, 'params')).toBe('1211392');
    expect(await slider.getAttribute('aria-valuetext')).toBe('7');
    // Last stop, S = M: the separable layer, 728² + 9·728 = 536,536 weights, 361 times that in mult-adds.
    await page.keyboard.press('End');
    await expect.poll(() => exact(page, F, 'segments')).toBe('728');
    expect(await exact(page, F, 'params')).toBe('536536');
    expect(await exact(page, F, 'macs')).toBe(String(536_536 * 361));
    expect(await fig.locator('.fig-frame svg').getAttribute('data-point')).toBe('separable');
    // First stop, S = 1: a regular 3×3 after the 1×1, 10 · 728² = 5,299,840.
    await page.keyboard.press('Home');
    await expect.poll(() => exact(page, F, 'params')).toBe('5299840');
    await expect.poll(() => new URL(page.url()).searchParams.get('segments')).toBe('1');
    await expect.poll(() => fig.locator('[data-role=formula]').getAttribute('data-tex')).toContain('5{,}299{,}840');
    expect(problems).toEqual([]);
    await done();
  });

  it('keeps S a divisor when M changes, and fits a bad link with a message', async () => {
    const { page, problems, done } = await visit(tab);
    await open(page, '/xception/?segments=728', F);
    const fig = page.locator(`[data-figure="${F}"]`);
    const box = fig.getByRole('spinbutton', { name: /Input channels/ });
    // 728 does not divide 512; its nearest divisor of 512 is 512 (the next one down, 256, is farther).
    await box.fill('512');
    await box.press('Enter');
    await expect.poll(() => exact(page, F, 'segments')).toBe('512');
    expect(await exact(page, F, 'params')).toBe(String(512 * 512 + 9 * 512));
    expect(await fig.locator('[data-role=divisor-note]').textContent()).toBe('one of the 10 divisors of M = 512');
    await page.goto(`${baseURL()}/xception/?m=32&segments=5`);
    await page.locator(`[data-figure="${F}"]`).scrollIntoViewIfNeeded();
    await figuresReady(page);
    expect(await page.locator('#param-messages').innerText()).toContain('Channel segments (segments) must divide Input channels (m) evenly; “5” was changed to 4.');
    expect(await exact(page, F, 'segments')).toBe('4');
    expect(problems).toEqual([]);
    await done();
  });

  it('keeps its height through a drag of M on a phone, though its picture is one label row shorter at some steps', async () => {
    const { page, problems, done } = await visit(tab, { viewport: { width: 412, height: 915 } });
    await open(page, '/xception/', F);
    const fig = page.locator(`[data-figure="${F}"]`);
    const slider = fig.getByRole('slider', { name: /Input channels/ });
    // A first change fetches the formulas' code, which brings the hold; then the changes pause.
    const typeset = fig.evaluate((el) => new Promise((ok) => el.addEventListener('sep:typeset', () => ok(null), { once: true })));
    await slider.focus();
    await page.keyboard.press('ArrowRight');
    await typeset;
    await expect.poll(() => fig.evaluate((el) => el.querySelector<HTMLElement>('.fig-frame')!.style.minHeight)).toBe('');
    // A drag: eight steps of M, each drawn before the next (two frames apart, well inside a pause).
    const steps = await fig.evaluate(async (el) => {
      const range = el.querySelector<HTMLInputElement>('input[type=range][id^="ctl-m-"]')!;
      const frame = () => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
      const out: { picture: number; figure: number }[] = [];
      for (let i = 0; i < 8; i++) {
        range.stepUp();
        range.dispatchEvent(new Event('input', { bubbles: true }));
        await frame();
        out.push({ picture: Number(el.querySelector('.fig-frame svg')!.getAttribute('viewBox')!.split(' ')[3]), figure: el.getBoundingClientRect().height });
      }
      return out;
    });
    // M = 730 … 737: the named points' labels need a second row at some M and not at the next.
    expect(steps.some((s, i) => i > 0 && s.picture < steps[i - 1].picture), `picture heights ${steps.map((s) => s.picture)}`).toBe(true);
    // The figure (and so the page below it) never moves up during the drag.
    for (let i = 1; i < steps.length; i++) expect(steps[i].figure, `figure heights ${steps.map((s) => s.figure)}`).toBeGreaterThanOrEqual(steps[i - 1].figure);
    // Once the changes pause, the figure takes its own height again.
    await expect.poll(() => fig.evaluate((el) => [...el.querySelectorAll<HTMLElement>('figure, .fig-frame')].map((b) => b.style.minHeight).join(''))).toBe('');
    expect(problems).toEqual([]);
    await done();
  });
});

describe('chapter 3: arithmetic-intensity', () => {
  const F = 'arithmetic-intensity';
  it('doubles every intensity at 16 bits and moves the ridge with the compute slider', async () => {
    const { page, problems, done } = await visit(tab);
    await open(page, '/depthwise-separable/', F);
    const fig = page.locator(`[data-figure="${F}"]`);
    // Defaults K 3, M 32, N 64, D_F 14, float32: depthwise 56,448 mult-adds over (6,272 + 6,272 + 288) · 4 bytes.
    expect(await exactNumber(page, F, 'intensity-depthwise')).toBeCloseTo(56_448 / 51_328, 10);
    expect(await exactNumber(page, F, 'intensity-pointwise')).toBeCloseTo(401_408 / 83_456, 10);
    expect(await exactNumber(page, F, 'ridge')).toBeCloseTo(8.6 / 29.9, 10);
    expect(await exact(page, F, 'memory-bound-v1')).toBe('1');
    // Table 4 (Sandler et al. 2018): 75 / 113 ms; mult-adds from the cost model.
    expect(await exactNumber(page, F, 'time-ratio')).toBeCloseTo(75 / 113, 10);
    expect(await exactNumber(page, F, 'macs-ratio')).toBeCloseTo(300_774_272 / 568_740_352, 10);
    const select = fig.getByRole('combobox', { name: /Number format/ });
    await select.focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => exactNumber(page, F, 'intensity-depthwise')).toBeCloseTo(56_448 / 25_664, 10);
    await expect.poll(() => new URL(page.url()).searchParams.get('precision')).toBe('1');
    await fig.getByRole('slider', { name: /Compute ceiling/ }).focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => exactNumber(page, F, 'ridge')).toBeCloseTo(8.7 / 29.9, 10);
    expect(problems).toEqual([]);
    await done();
  });

  it('on an H200’s ceilings puts all 13 depthwise layers of V1 left of the ridge (16 of 28 memory-bound)', async () => {
    const { page, problems, done } = await visit(tab);
    await open(page, '/depthwise-separable/?peak=33500&bw=4800', F);
    expect(await exactNumber(page, F, 'ridge')).toBeCloseTo(33_500 / 4_800, 10);
    expect(await exact(page, F, 'memory-bound-v1')).toBe('16');
    expect(await page.locator(`[data-figure="${F}"] .fig-frame svg`).getAttribute('data-bound-depthwise')).toBe('memory');
    expect(problems).toEqual([]);
    await done();
  });
});

describe('chapter 2: channel-shuffle', () => {
  const F = 'channel-shuffle';
  it('steps G through the divisors of C; reach changes, weights do not', async () => {
    const { page, problems, done } = await visit(tab);
    await open(page, '/grouped-convolution/', F);
    const fig = page.locator(`[data-figure="${F}"]`);
    // C = 12, G = 3 (n = 4): 4 inputs per output without the shuffle, 4 · min(4, 3) = 12 with it.
    expect(await exact(page, F, 'reach-plain')).toBe('4');
    expect(await exact(page, F, 'reach-shuffled')).toBe('12');
    expect(await exact(page, F, 'params-plain')).toBe('96');
    await fig.getByRole('slider', { name: /Groups per layer/ }).focus();
    // G = 4 (n = 3): 3 without, 3 · min(3, 4) = 9 with; weights 2 · 144 / 4 = 72 either way.
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => exact(page, F, 'groups')).toBe('4');
    expect(await exact(page, F, 'reach-plain')).toBe('3');
    expect(await exact(page, F, 'reach-shuffled')).toBe('9');
    expect(await exact(page, F, 'params-plain')).toBe('72');
    expect(await exact(page, F, 'params-shuffled')).toBe('72');
    // G = 6 (n = 2): 2 and 2 · 2 = 4.
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => exact(page, F, 'reach-shuffled')).toBe('4');
    expect(await exact(page, F, 'reach-plain')).toBe('2');
    await expect.poll(() => new URL(page.url()).searchParams.get('sg')).toBe('6');
    // C = 7 leaves G = 6 no divisor to be: it becomes 7 (the nearest divisor of 7), one channel per group.
    const channels = fig.getByRole('spinbutton', { name: /Channels, exact value/ });
    await channels.fill('7');
    await channels.press('Enter');
    await expect.poll(() => exact(page, F, 'groups')).toBe('7');
    expect(await exact(page, F, 'reach-shuffled')).toBe('1');
    expect(problems).toEqual([]);
    await done();
  });

  it('rings the inputs a focused output sees', async () => {
    const { page, problems, done } = await visit(tab);
    await open(page, '/grouped-convolution/?sc=6&sg=3', F);
    const fig = page.locator(`[data-figure="${F}"]`);
    const out = fig.locator('.panel-shuffled .out').nth(5);
    await out.focus();
    expect(await out.getAttribute('aria-label')).toBe('Output 6 sees inputs 3–6');
    await expect.poll(() => out.locator('.reach').evaluate((e) => getComputedStyle(e).opacity)).toBe('1');
    // One ring around each of the four inputs (one path of circles).
    expect(((await out.locator('.ring').getAttribute('d')) ?? '').match(/M/g)).toHaveLength(4);
    expect(await fig.locator('.panel-shuffled .out').nth(0).locator('.reach').evaluate((e) => getComputedStyle(e).opacity)).toBe('0');
    expect(problems).toEqual([]);
    await done();
  });
});

describe('the new figures on a phone and a laptop (the floors of screens.e2e.ts)', () => {
  const mine = ['inception-continuum', 'arithmetic-intensity', 'channel-shuffle'];
  // In the chapters, screens.e2e.ts measures them with every other figure; here, standing alone.
  const routes = mine.map((id) => `/embed/${id}/`);
  it.each(routes.flatMap((r) => PAGE_SCREENS.map((s) => [r, s.name] as const)))('%s on a %s', async (route, screenName) => {
    const screen = PAGE_SCREENS.find((s) => s.name === screenName)!;
    const { page, context, problems } = await watchedPage(browser, { viewport: { width: screen.width, height: screen.height } });
    await page.goto(`${baseURL()}${route}`);
    await hydrateAllFigures(page);
    const figures = (await page.evaluate(measureFigures)).filter((f) => mine.includes(f.figure));
    expect(figures.length).toBeGreaterThan(0);
    for (const f of figures) {
      expect(f.minText, `${f.anchor}: smallest text "${f.smallestText}"`).toBeGreaterThanOrEqual(screen.minText);
      if (screen.name === 'laptop') {
        expect(f.maxText, `${f.anchor}: largest text`).toBeLessThanOrEqual(20);
        expect(f.figureHeight, `${f.anchor} with its controls`).toBeLessThanOrEqual(screen.height);
      }
    }
    expect(problems).toEqual([]);
    await context.close();
  });

  it.each([
    ['/lecture/xception/', 'inception-continuum'],
    ['/lecture/grouped-convolution/', 'channel-shuffle'],
    ['/lecture/depthwise-separable/', 'arithmetic-intensity'],
  ])('%s: the slide with %s shows it inside a 1280×720 screen', async (route, id) => {
    const { page, context, problems } = await watchedPage(browser, { viewport: { width: 1280, height: 720 } });
    await page.goto(`${baseURL()}${route}`);
    const index = await page.locator('[data-slide]').evaluateAll((slides, fig) => slides.findIndex((s) => s.querySelector(`sep-figure[data-figure="${fig}"]`)), id);
    expect(index).toBeGreaterThanOrEqual(0);
    await page.goto(`${baseURL()}${route}#slide-${index + 1}`);
    await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-slide][data-active] sep-figure')?.dataset.ready !== undefined);
    const [f] = await page.evaluate(measureFigures);
    expect(f.figure).toBe(id);
    expect(f.bottom).toBeLessThanOrEqual(720);
    expect(problems).toEqual([]);
    await context.close();
  });
});
