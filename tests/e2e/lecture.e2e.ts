// Lecture mode in Chromium: the slide canvas at projector sizes, the presenter's keys (overview,
// go-to-slide, step builds, black screen, laser), the presenter console kept in step both ways, and
// printing one slide per page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { inject } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, baseURL, figuresReady, launch, visit, watchedPage } from './harness';
import { measureFigures } from './figure-metrics.mjs';

let browser: Browser;
// One tab for the walks through every deck: each is a visit in it (harness.ts).
let tab: Page;
beforeAll(async () => {
  browser = await launch();
  tab = await (await browser.newContext({ reducedMotion: 'reduce' })).newPage();
});
afterAll(async () => {
  await browser?.close();
});

const dist = (): string => inject('distDir');
const deckSlugs = (edition = ''): string[] => readdirSync(join(dist(), edition, 'lecture')).filter((n) => n !== 'index.html').sort();
/** Every deck of both editions as its route's start: '/lecture/overview' and '/zh/lecture/overview'. */
const allDecks = (): string[] => ['', '/zh'].flatMap((edition) => deckSlugs(edition).map((slug) => `${edition}/lecture/${slug}`));
const deckFile = (deck: string): string => readFileSync(join(dist(), deck, 'index.html'), 'utf8');
const CHAPTER_DECKS = ['standard-convolution', 'grouped-convolution', 'depthwise-separable', 'mobilenet-v1', 'linear-bottlenecks', 'mobilenet-v2', 'xception'];

const activeSlide = (page: Page) => page.locator('[data-slide][data-active]');
/** The position in the URL: [slide (1-based), steps shown]. */
const position = (page: Page): [number, number] => {
  const m = /#slide-(\d+)(?:\.(\d+))?$/.exec(page.url());
  return m ? [Number(m[1]), Number(m[2] ?? 0)] : [NaN, NaN];
};
const slideNumber = (page: Page): number => position(page)[0];

/** Each slide's number of step builds, read from the built page. */
const stepsOf = (page: Page): Promise<number[]> =>
  page.evaluate(() => [...document.querySelectorAll('[data-slide]')].map((s) => s.querySelectorAll('[data-fragment], [data-fragment-items] li').length));

/**
 * How the showing slide sits on the screen: the canvas's scale against the largest that fits, what
 * sticks out of the canvas (above its bottom band with the slide number), the page's own scrolling,
 * the smallest running-text size on screen and the figure box's width in canvas px.
 */
function measureSlide(page: Page) {
  return page.evaluate(() => {
    const canvas = document.querySelector('.deck-canvas') as HTMLElement;
    const slide = document.querySelector('[data-slide][data-active]') as HTMLElement;
    const c = canvas.getBoundingClientRect();
    const scale = c.width / 1280;
    const band = 34 * scale;
    const outside: string[] = [];
    for (const el of slide.querySelectorAll<HTMLElement>('*')) {
      if (el.closest('.katex-mathml, .sr-only, .notes, svg > *')) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      if (r.left < c.left - 1 || r.right > c.right + 1 || r.top < c.top - 1 || r.bottom > c.bottom - band + 1) {
        outside.push(`${el.tagName.toLowerCase()}.${el.className} "${(el.textContent ?? '').trim().slice(0, 30)}" ${Math.round(r.bottom - c.top)}`);
      }
    }
    // Content cut off by a box that clips or scrolls (a formula wider than its scroll box, say).
    for (const el of slide.querySelectorAll<HTMLElement>('*')) {
      if (el.closest('.katex-mathml, .sr-only, svg')) continue;
      if (getComputedStyle(el).overflowX === 'visible') continue;
      if (el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 2) outside.push(`${el.tagName.toLowerCase()}.${el.className} cut off: ${el.scrollWidth} > ${el.clientWidth}`);
    }
    const texts = [...slide.querySelectorAll<HTMLElement>('.slide-text p, .slide-text li, .slide-title')].filter((el) => el.getBoundingClientRect().height > 0);
    const smallestText = Math.min(...texts.map((el) => parseFloat(getComputedStyle(el).fontSize) * scale));
    const frame = slide.querySelector<HTMLElement>('.slide-figure .fig-frame');
    return {
      scale,
      fitScale: Math.min(innerWidth / 1280, innerHeight / 720),
      aspect: c.width / c.height,
      overflow: Math.max(slide.scrollHeight - slide.clientHeight, slide.scrollWidth - slide.clientWidth),
      outside: outside.slice(0, 5),
      pageScroll: Math.max(document.documentElement.scrollHeight - innerHeight, document.documentElement.scrollWidth - innerWidth),
      smallestText: texts.length ? smallestText : Infinity,
      figureBox: frame ? frame.clientWidth : undefined,
      sideText: slide.classList.contains('text-side'),
    };
  });
}

describe('lecture decks', () => {
  it.each(['', '/zh'])('has an overview deck of 30–40 slides and one deck of 10–20 per chapter, all listed on %s/lecture/', async (edition) => {
    expect(deckSlugs(edition)).toContain('overview');
    for (const chapter of CHAPTER_DECKS) expect(deckSlugs(edition)).toContain(chapter);
    const html = readFileSync(join(dist(), edition, 'lecture', 'index.html'), 'utf8');
    for (const slug of deckSlugs(edition)) {
      expect(html).toContain(`href="${edition}/lecture/${slug}/"`);
      const deck = deckFile(`${edition}/lecture/${slug}`);
      const slides = deck.match(/\sdata-slide(?=[\s>])/g)?.length ?? 0;
      if (slug === 'overview') expect(slides, slug).toBeGreaterThanOrEqual(30);
      if (slug === 'overview') expect(slides, slug).toBeLessThanOrEqual(40);
      else expect([slug, slides >= 10 && slides <= 20]).toEqual([slug, true]);
    }
  });

  it('every deck asks the room at least one question and reveals the answer on a step, and has notes on every slide', () => {
    for (const slug of allDecks()) {
      const deck = deckFile(slug);
      expect([slug, /class="ask"[\s\S]*?data-fragment/.test(deck)], 'asks the room and reveals the answer').toEqual([slug, true]);
      const sections = deck.split(/<section class="slide /).slice(1);
      for (const [i, s] of sections.entries()) {
        const notes = /<aside class="notes"[^>]*>([\s\S]*?)<\/aside>/.exec(s)?.[1].replace(/<[^>]+>/g, ' ') ?? '';
        // Notes are what the lecturer says: several sentences, not a reminder.
        // (A Chinese sentence ends in 。？！ with no space after it.)
        expect(notes.split(/[.?!](?:\s|$)|[。？！]/).filter((x) => x && x.trim().length > 3).length, `${slug} slide ${i + 1} notes`).toBeGreaterThanOrEqual(2);
      }
    }
  });

  it('sets a formula standing alone on a slide as display math, with no mangled escape in any TeX', () => {
    for (const slug of allDecks()) {
      const deck = deckFile(slug);
      expect([slug, /class="slide-text"[\s\S]*?katex-display/.test(deck)], 'display math in the slides').toEqual([slug, true]);
      for (const m of deck.matchAll(/<annotation encoding="application\/x-tex">([\s\S]*?)<\/annotation>/g)) {
        expect(m[1], slug).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
      }
      expect([slug, /1imes|\brac\{/.test(deck)], 'mangled TeX').toEqual([slug, false]);
    }
  });

  // Every slide of both editions at 720p, where the canvas is smallest; then the same deck on a
  // 1080p screen, where the canvas is scaled as a whole (its layout is the same 1280 × 720); then,
  // back at 720p, the deck printed from the same load (print shows every slide and step whatever
  // the one showing: lecture.css).
  it.each(allDecks().map((slug) => [slug, 1280, 720] as const))(
    'deck %s at %i×%i: every slide and step fits the canvas, and the canvas fills the screen, also at 1920×1080; it prints as one page per slide, each page the canvas size',
    async (slug, width, height) => {
      const { page, problems, done } = await visit(tab, { viewport: { width, height } });
      await page.goto(`${baseURL()}${slug}/`);
      expect(position(page)).toEqual([1, 0]);
      const steps = await stepsOf(page);
      const total = steps.length;
      expect(await activeSlide(page).count()).toBe(1);
      for (let i = 1; i <= total; i++) {
        await expect.poll(() => slideNumber(page)).toBe(i);
        await figuresReady(page);
        await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
        const m = await measureSlide(page);
        expect(m.scale, `slide ${i}: canvas scaled to fit`).toBeCloseTo(m.fitScale, 3);
        expect(m.aspect).toBeCloseTo(16 / 9, 3);
        expect(m.pageScroll, `slide ${i}: no scrolling`).toBeLessThanOrEqual(0);
        expect(m.overflow, `slide ${i}: nothing overflows the slide`).toBeLessThanOrEqual(1);
        expect(m.outside, `slide ${i}: everything inside the canvas, above the number band`).toEqual([]);
        // Running text reads from the back: at least 3% of the screen height.
        expect(m.smallestText, `slide ${i}: text size on screen`).toBeGreaterThanOrEqual(0.03 * height);
        if (m.figureBox !== undefined && !m.sideText) expect(m.figureBox, `slide ${i}: the figure's box (canvas px)`).toBe(1180);
        // A figure reads from the back row: its text at least 16 px on a 720p screen, and it ends
        // inside the screen.
        for (const f of await page.evaluate(measureFigures)) {
          expect(f.minText, `slide ${i}: the figure's smallest text "${f.smallestText}"`).toBeGreaterThanOrEqual(16);
          expect(f.bottom, `slide ${i}: the figure ends inside the screen`).toBeLessThanOrEqual(height);
        }
        // Step through the slide's builds, then on to the next slide.
        for (let s = 1; s <= steps[i - 1]; s++) {
          await page.keyboard.press(s % 2 ? 'ArrowRight' : 'Space');
          await expect.poll(() => position(page)).toEqual([i, s]);
        }
        if (steps[i - 1] > 0) expect((await measureSlide(page)).outside, `slide ${i} with every step shown`).toEqual([]);
        if (i < total) await page.keyboard.press(i % 2 ? 'ArrowRight' : 'PageDown');
      }
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => position(page)).toEqual([total, steps[total - 1]]);
      await page.keyboard.press('Home');
      await expect.poll(() => position(page)).toEqual([1, 0]);
      await page.keyboard.press('End');
      await page.keyboard.press('PageUp');
      await expect.poll(() => slideNumber(page)).toBe(steps[total - 1] > 0 ? total : total - 1);
      // A projector at 1920 × 1080: the canvas fills it and the text grows with it, on a slide with a
      // figure if the deck has one (the figure is redrawn for the new size).
      await page.setViewportSize({ width: 1920, height: 1080 });
      const figureSlide = await page.evaluate(() => [...document.querySelectorAll('[data-slide]')].findIndex((s) => s.querySelector('sep-figure')) + 1);
      if (figureSlide > 0) {
        await page.keyboard.type(String(figureSlide));
        await page.keyboard.press('Enter');
        await expect.poll(() => slideNumber(page)).toBe(figureSlide);
      }
      // The canvas rescales on the resize event, which a busy machine may deliver a few frames late
      // (the assertion below says so if it never does); then its figures redraw for the new size.
      await page
        .waitForFunction(() => {
          const c = document.querySelector('.deck-canvas')?.getBoundingClientRect();
          return c !== undefined && Math.abs(c.width / 1280 - Math.min(innerWidth / 1280, innerHeight / 720)) < 5e-4;
        }, undefined, { timeout: 5_000 })
        .catch(() => undefined);
      await figuresReady(page);
      await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
      const big = await measureSlide(page);
      expect(big.scale, '1080p: canvas scaled to fit').toBeCloseTo(big.fitScale, 3);
      expect(big.pageScroll, '1080p: no scrolling').toBeLessThanOrEqual(0);
      expect(big.outside, '1080p: everything inside the canvas').toEqual([]);
      expect(big.smallestText, '1080p: text size on screen').toBeGreaterThanOrEqual(0.03 * 1080);
      for (const f of await page.evaluate(measureFigures)) {
        expect(f.minText, `1080p: the figure's smallest text "${f.smallestText}"`).toBeGreaterThanOrEqual(24);
        expect(f.bottom, '1080p: the figure ends inside the screen').toBeLessThanOrEqual(1080);
      }
      expect(problems).toEqual([]);

      // Printed: one page per slide, each page the canvas size.
      await page.setViewportSize({ width, height });
      const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
      const { pages, sizes } = pdfPages(pdf);
      expect(pages).toBe(total);
      // 1280 × 720 CSS px = 960 × 540 pt (13.33 × 7.5 in), every page; the deck's page size wins over
      // the paper a print dialog offers (A4 or Letter), so a slide is never cut or scaled.
      if (sizes) for (const size of sizes) expect(size).toEqual([960, 540]);
      const onA4 = pdfPages(await page.pdf({ format: 'A4', preferCSSPageSize: true }));
      expect(onA4.pages, 'on A4').toBe(total);
      if (onA4.sizes) for (const [w, h] of onA4.sizes) expect(w, 'landscape on A4').toBeGreaterThan(h);
      // Every slide fits its page: nothing overflows a slide in print.
      await page.emulateMedia({ media: 'print' });
      const overflowing = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('[data-slide]')]
          .map((s, i) => [i + 1, Math.max(s.scrollHeight - s.clientHeight, ...[...s.querySelectorAll<HTMLElement>('.katex-display')].map((k) => k.scrollWidth - k.clientWidth))] as const)
          .filter(([, o]) => o > 2),
      );
      expect(overflowing).toEqual([]);
      await done();
      // Every slide and step measured at two sizes, then two PDFs of the deck: slow on a busy machine.
    },
    180_000,
  );

  it('starts every figure slide at its preset, keeps the figure live, and keeps slider keys for the slider', async () => {
    const { context, page, problems } = await watchedPage(browser, { viewport: { width: 1280, height: 720 } });
    await page.goto(`${baseURL()}/lecture/overview/`);
    const slides = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('[data-slide]')].map((s, i) => ({ n: i + 1, preset: s.dataset.preset ?? '', figure: s.querySelector('sep-figure')?.getAttribute('data-figure') })),
    );
    const withPreset = slides.filter((s) => s.figure && s.preset);
    expect(withPreset.length).toBeGreaterThanOrEqual(10);
    // Each figure slide, reached by number, sets the shared values (mirrored in the query string) to its preset.
    for (const s of withPreset) {
      await page.keyboard.type(String(s.n));
      await page.keyboard.press('Enter');
      await expect.poll(() => slideNumber(page)).toBe(s.n);
      for (const [key, value] of new URLSearchParams(s.preset)) {
        await expect.poll(() => new URL(page.url()).searchParams.get(key), { message: `slide ${s.n}: ${key}` }).toBe(value);
      }
    }
    // The cost-bars slide: the slider moves the figure, not the deck; leaving and coming back restores the preset.
    const bars = withPreset.find((s) => s.figure === 'cost-bars')!;
    const [k, n] = ['k', 'n'].map((key) => Number(new URLSearchParams(bars.preset).get(key)));
    // Howard et al. 2017, eq. 5: separable / standard = 1/N + 1/D_K².
    const ratioOf = (kk: number, nn: number) => 1 / nn + 1 / (kk * kk);
    const ratio = async () => Number(await activeSlide(page).locator('[data-quantity="ratio"]').getAttribute('data-exact'));
    await page.keyboard.type(String(bars.n));
    await page.keyboard.press('Enter');
    await figuresReady(page);
    await expect.poll(ratio).toBeCloseTo(ratioOf(k, n), 12);
    await activeSlide(page).getByRole('slider', { name: /Kernel size/ }).focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(ratio).toBeCloseTo(ratioOf(k + 1, n), 12);
    expect(slideNumber(page)).toBe(bars.n);
    await page.locator('.deck-canvas').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => slideNumber(page)).toBe(bars.n + 1);
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => slideNumber(page)).toBe(bars.n);
    await expect.poll(ratio).toBeCloseTo(ratioOf(k, n), 12);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('opens the overview with O or Esc, moves in it with the arrows and jumps with Enter', async () => {
    const { context, page, problems } = await watchedPage(browser, { viewport: { width: 1280, height: 720 } });
    await page.goto(`${baseURL()}/lecture/overview/#slide-3`);
    const total = await page.locator('[data-slide]').count();
    const dialog = page.getByRole('dialog');
    await page.keyboard.press('o');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await dialog.getByRole('link').count()).toBe(total);
    // The focus starts on the slide showing.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toMatch(/^Slide 3: /);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowDown');
    const perRow = await page.evaluate(() => {
      const links = [...document.querySelectorAll<HTMLElement>('.thumb')];
      return links.filter((l) => l.offsetTop === links[0].offsetTop).length;
    });
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog.isVisible()).toBe(false);
    await expect.poll(() => slideNumber(page)).toBe(Math.min(total, 5 + perRow));
    // Esc opens it too, and Esc closes it without moving.
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible()).toBe(false);
    expect(slideNumber(page)).toBe(Math.min(total, 5 + perRow));
    expect(problems).toEqual([]);
    await context.close();
  }, 180_000);

  it('goes to a slide typed as a number and Enter, and says so when there is no such slide', async () => {
    const { context, page, problems } = await watchedPage(browser, { viewport: { width: 1280, height: 720 } });
    await page.goto(`${baseURL()}/lecture/overview/`);
    const total = await page.locator('[data-slide]').count();
    await page.keyboard.press('1');
    await page.keyboard.press('2');
    await expect.poll(() => page.locator('[data-role=goto]').innerText()).toContain('12');
    expect(slideNumber(page)).toBe(1);
    await page.keyboard.press('Enter');
    await expect.poll(() => slideNumber(page)).toBe(12);
    expect(await activeSlide(page).getAttribute('aria-label')).toBe(await page.locator('[data-slide]').nth(11).getAttribute('aria-label'));
    await page.keyboard.type(String(total + 7));
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('[data-role=goto]').innerText()).toContain(`has ${total}`);
    expect(slideNumber(page)).toBe(12);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('reveals step builds one key press at a time, with the URL following (#slide-N.S), and restores them from a link', async () => {
    const { context, page, problems } = await watchedPage(browser, { viewport: { width: 1280, height: 720 } });
    await page.goto(`${baseURL()}/lecture/overview/`);
    const steps = await stepsOf(page);
    const n = steps.findIndex((s) => s >= 1) + 1;
    expect(n).toBeGreaterThan(0);
    const shown = () =>
      activeSlide(page)
        .locator('[data-fragment]')
        .evaluateAll((els) => els.map((e) => getComputedStyle(e).visibility === 'visible'));
    await page.goto(`${baseURL()}/lecture/overview/#slide-${n}`);
    await expect.poll(() => position(page)).toEqual([n, 0]);
    await expect.poll(shown).toEqual(Array(steps[n - 1]).fill(false));
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => position(page)).toEqual([n, 1]);
    expect((await shown())[0]).toBe(true);
    expect((await shown()).filter(Boolean).length).toBe(1);
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => position(page)).toEqual([n, 0]);
    // Coming back from the next slide shows the slide as it was left: every step.
    await page.keyboard.press('End');
    await page.keyboard.press('Home');
    await expect.poll(() => position(page)).toEqual([1, 0]);
    // A link to the next slide, followed in the same page (as a reader's link would be).
    await page.evaluate((next) => (location.hash = `#slide-${next}`), n + 1);
    await page.waitForFunction((next) => document.querySelectorAll('[data-slide]')[next - 1]?.hasAttribute('data-active'), n + 1);
    await expect.poll(() => position(page)).toEqual([n + 1, 0]);
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => position(page)).toEqual([n, steps[n - 1]]);
    await expect.poll(shown).toEqual(Array(steps[n - 1]).fill(true));
    // A fresh load of a #slide-N.S link shows S steps.
    const other = await context.newPage();
    await other.goto(`${baseURL()}/lecture/overview/#slide-${n}.1`);
    await expect.poll(() => position(other)).toEqual([n, 1]);
    expect(await other.locator('[data-slide][data-active] [data-fragment][data-shown]').count()).toBe(1);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('blanks the screen with B or ., and shows a laser dot that follows the mouse with L', async () => {
    const { context, page, problems } = await watchedPage(browser, { viewport: { width: 1280, height: 720 } });
    await page.goto(`${baseURL()}/lecture/overview/#slide-2`);
    const blank = page.locator('[data-role=blank]');
    await page.keyboard.press('b');
    await expect.poll(() => blank.isVisible()).toBe(true);
    await page.keyboard.press('b');
    await expect.poll(() => blank.isVisible()).toBe(false);
    await page.keyboard.press('.');
    await expect.poll(() => blank.isVisible()).toBe(true);
    // A forward key brings the slide back first, without moving on.
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => blank.isVisible()).toBe(false);
    expect(slideNumber(page)).toBe(2);
    const dot = page.locator('[data-role=laser]');
    await page.mouse.move(400, 300);
    expect(await dot.isVisible()).toBe(false);
    await page.keyboard.press('l');
    await page.mouse.move(640, 360);
    await page.mouse.move(641, 361);
    await expect.poll(() => dot.isVisible()).toBe(true);
    const box = await dot.boundingBox();
    expect(Math.abs((box?.x ?? 0) + (box?.width ?? 0) / 2 - 641)).toBeLessThanOrEqual(2);
    expect(Math.abs((box?.y ?? 0) + (box?.height ?? 0) / 2 - 361)).toBeLessThanOrEqual(2);
    await page.keyboard.press('l');
    await expect.poll(() => dot.isVisible()).toBe(false);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('opens a presenter console that follows the room window both ways: notes on top, current and next slide, the clock', async () => {
    const { context, page, problems } = await watchedPage(browser, { viewport: { width: 1280, height: 720 } });
    await page.goto(`${baseURL()}/lecture/overview/`);
    const steps = await stepsOf(page);
    const titles = await page.locator('[data-slide]').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
    const notesOf = (i: number) => page.locator('[data-slide]').nth(i - 1).locator('.notes').first().textContent();
    await page.mouse.move(100, 650);
    const [presenter] = await Promise.all([context.waitForEvent('page'), page.getByRole('button', { name: 'Presenter view' }).click()]);
    presenter.on('console', (m) => {
      if (m.type() === 'error') problems.push(`presenter console error: ${m.text()}`);
    });
    await presenter.setViewportSize({ width: 1280, height: 720 });
    await presenter.waitForLoadState();
    // Notes large at the top, visible without scrolling.
    const notes = presenter.locator('[data-role=notes-view]');
    await expect.poll(() => notes.innerText()).toContain(((await notesOf(1)) ?? '').trim().slice(0, 40));
    const notesBox = await notes.boundingBox();
    expect(notesBox?.y ?? 999).toBeLessThan(100);
    expect(await notes.evaluate((n) => parseFloat(getComputedStyle(n).fontSize))).toBeGreaterThanOrEqual(24);
    // The current slide, scaled down but whole, and the next slide in a frame.
    const current = await presenter.locator('.deck-canvas').boundingBox();
    expect(current && current.y + current.height).toBeLessThanOrEqual(720);
    expect(current?.width ?? 0).toBeGreaterThan(300);
    const next = presenter.frameLocator('[data-role=next-view] iframe');
    await expect.poll(() => next.locator('[data-slide][data-active]').getAttribute('aria-label')).toBe(titles[1]);
    expect(await presenter.locator('[data-role=elapsed]').isVisible()).toBe(true);
    expect(await presenter.locator('[data-role=remaining]').innerText()).toMatch(/^\d+:\d\d$/);
    expect(await presenter.evaluate(() => document.documentElement.scrollHeight - innerHeight)).toBeLessThanOrEqual(0);

    // The room's keys move the console …
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => slideNumber(presenter)).toBe(2);
    await expect.poll(() => next.locator('[data-slide][data-active]').getAttribute('aria-label')).toBe(titles[2]);
    await expect.poll(() => notes.innerText()).toContain(((await notesOf(2)) ?? '').trim().slice(0, 40));
    // … and the console's keys move the room, step builds included.
    await presenter.keyboard.press('ArrowRight');
    await expect.poll(() => position(page)).toEqual(steps[1] > 0 ? [2, 1] : [3, 0]);
    const n = steps.findIndex((s) => s >= 1) + 1;
    await presenter.keyboard.type(String(n));
    await presenter.keyboard.press('Enter');
    await expect.poll(() => position(page)).toEqual([n, 0]);
    await presenter.keyboard.press('ArrowRight');
    await expect.poll(() => position(page)).toEqual([n, 1]);
    // A black screen from the console blanks the room, not the console.
    await presenter.keyboard.press('b');
    await expect.poll(() => page.locator('[data-role=blank]').isVisible()).toBe(true);
    expect(await presenter.locator('[data-role=blanked]').isVisible()).toBe(true);
    await presenter.keyboard.press('b');
    await expect.poll(() => page.locator('[data-role=blank]').isVisible()).toBe(false);
    // The laser moved over the console's slide shows in the room at the same canvas point.
    await presenter.keyboard.press('l');
    const box = (await presenter.locator('.deck-canvas').boundingBox())!;
    await presenter.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await presenter.mouse.move(box.x + box.width / 2 + 1, box.y + box.height / 2);
    const dot = page.locator('[data-role=laser]');
    await expect.poll(() => dot.isVisible()).toBe(true);
    const d = (await dot.boundingBox())!;
    expect(Math.abs(d.x + d.width / 2 - 640)).toBeLessThanOrEqual(4);
    expect(Math.abs(d.y + d.height / 2 - 360)).toBeLessThanOrEqual(4);
    await presenter.keyboard.press('l');
    expect(await axeViolations(presenter)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  }, 180_000);

  it('moves the room figure when the presenter moves a slider in the console', async () => {
    const { context, page, problems } = await watchedPage(browser, { viewport: { width: 1280, height: 720 } });
    await page.goto(`${baseURL()}/lecture/overview/`);
    const n = await page.evaluate(() => [...document.querySelectorAll('[data-slide]')].findIndex((s) => s.querySelector('[data-figure="cost-bars"]')) + 1);
    await page.goto(`${baseURL()}/lecture/overview/#slide-${n}`);
    await figuresReady(page);
    const presenter = await context.newPage();
    await presenter.goto(`${baseURL()}/lecture/overview/?presenter=1#slide-${n}`);
    await figuresReady(presenter);
    const ratio = (p: Page) => p.locator('[data-slide][data-active] [data-quantity="ratio"]').getAttribute('data-exact');
    const before = await ratio(page);
    const slider = presenter.locator('[data-slide][data-active]').getByRole('slider', { name: /Kernel size/ });
    await slider.focus();
    await presenter.keyboard.press('ArrowRight');
    await expect.poll(() => ratio(presenter)).not.toBe(before);
    await expect.poll(() => ratio(page)).toBe(await ratio(presenter));
    expect(slideNumber(page)).toBe(n);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('keeps the deck page size out of chapter pages (their print is their own)', async () => {
    const { context, page } = await watchedPage(browser);
    await page.goto(`${baseURL()}/depthwise-separable/`);
    const pageRules = await page.evaluate(() =>
      [...document.styleSheets].flatMap((sheet) => {
        const walk = (rules: CSSRuleList): string[] =>
          [...rules].flatMap((r) => (r instanceof CSSPageRule ? [r.cssText] : 'cssRules' in r && (r as CSSGroupingRule).cssRules ? walk((r as CSSGroupingRule).cssRules) : []));
        return walk(sheet.cssRules);
      }),
    );
    expect(pageRules.filter((r) => /1280px|landscape/.test(r))).toEqual([]);
    await context.close();
  });

  it('shows every slide one below the other at canvas size without JavaScript', async () => {
    const { context, page } = await watchedPage(browser, { javaScriptEnabled: false, viewport: { width: 1440, height: 900 } });
    await page.goto(`${baseURL()}/lecture/overview/`);
    const boxes = await page.locator('[data-slide]').evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map((r) => ({ w: r.width, h: r.height, top: r.top })));
    expect(boxes.length).toBeGreaterThanOrEqual(30);
    for (const [i, b] of boxes.entries()) {
      expect(b.w, `slide ${i + 1}`).toBe(1280);
      expect(b.h, `slide ${i + 1}`).toBeGreaterThanOrEqual(720);
      if (i > 0) expect(b.top).toBeGreaterThanOrEqual(boxes[i - 1].top + boxes[i - 1].h - 1);
    }
    await context.close();
  });

  it('explains a bad value in a deck link, and the message can be dismissed', async () => {
    const { context, page, problems } = await watchedPage(browser, { viewport: { width: 1280, height: 720 } });
    await page.goto(`${baseURL()}/lecture/overview/?k=${encodeURIComponent('<b>x</b>')}#slide-2`);
    const box = page.locator('#param-messages');
    await expect.poll(() => box.isVisible()).toBe(true);
    expect(await box.innerText()).toContain('Kernel size (k) must be a number');
    await box.getByRole('button', { name: 'Dismiss' }).click();
    expect(await box.isVisible()).toBe(false);
    expect(await page.locator('main b').count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('works offline once loaded', async () => {
    const { context, page, problems } = await watchedPage(browser, { viewport: { width: 1280, height: 720 } });
    await page.goto(`${baseURL()}/lecture/overview/`, { waitUntil: 'networkidle' });
    await context.setOffline(true);
    const total = await page.locator('[data-slide]').count();
    for (let i = 2; i <= total; i++) {
      await page.keyboard.type(String(i));
      await page.keyboard.press('Enter');
      await expect.poll(() => slideNumber(page)).toBe(i);
      await figuresReady(page);
      const hasFigure = (await activeSlide(page).locator('sep-figure').count()) > 0;
      if (hasFigure) expect(await activeSlide(page).locator('svg rect, svg path, svg text').count()).toBeGreaterThan(3);
    }
    expect(await page.locator('[data-slide] .katex').count()).toBeGreaterThan(0);
    expect(problems).toEqual([]);
    await context.close();
  });
});

/** Page count and first page size (pt) of a PDF: pdfinfo when installed, else the page objects. */
function pdfPages(pdf: Buffer): { pages: number; sizes?: [number, number][] } {
  try {
    const info = execFileSync('pdfinfo', ['-f', '1', '-l', '9999', '-'], { input: pdf }).toString();
    const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
    const sizes = [...info.matchAll(/^Page\s+\d+\s+size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((m) => [Math.round(Number(m[1])), Math.round(Number(m[2]))] as [number, number]);
    return { pages, sizes };
  } catch {
    return { pages: pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length ?? 0 };
  }
}
