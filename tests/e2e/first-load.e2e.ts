// What a page fetches before a reader does anything: KaTeX and the exercises' code stay off the
// first load of every chapter. The build typesets each figure's formula with the TeX the browser
// would write for the same values and width, so a figure that hydrates keeps it (no KaTeX); the
// exercises' code arrives when their block comes near; KaTeX arrives when a formula changes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { inject } from 'vitest';
import { baseURL, figuresReady, launch, watchedPage } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** The home page and every chapter (slugs from the chapters' front matter). */
const PAGES = [
  '/',
  ...readdirSync('content/chapters/en')
    .filter((f) => f.endsWith('.mdx'))
    .map((f) => /^slug:\s*([a-z0-9-]+)\s*$/m.exec(readFileSync(join('content/chapters/en', f), 'utf8'))?.[1])
    .filter((s): s is string => Boolean(s))
    .map((s) => `/${s}/`),
];

/** The build's script chunks that hold KaTeX and the exercises' code (names are hashed). */
function chunks(): { katex: Set<string>; exercises: Set<string> } {
  const dir = join(inject('distDir'), '_astro');
  const out = { katex: new Set<string>(), exercises: new Set<string>() };
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.js'))) {
    const body = readFileSync(join(dir, name), 'utf8');
    if (body.includes('KaTeX parse error')) out.katex.add(`/_astro/${name}`);
    if (body.includes('define("sep-exercises"')) out.exercises.add(`/_astro/${name}`);
  }
  return out;
}

interface Fetched {
  readonly katex: boolean;
  readonly exercises: boolean;
  scripts: string[];
}

/** Record which scripts the page asks for. */
function watchScripts(page: Page): Fetched {
  const known = chunks();
  expect(known.katex.size).toBe(1);
  expect(known.exercises.size).toBe(1);
  const scripts: string[] = [];
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (path.endsWith('.js')) scripts.push(path);
  });
  return {
    scripts,
    get katex() {
      return scripts.some((s) => known.katex.has(s));
    },
    get exercises() {
      return scripts.some((s) => known.exercises.has(s));
    },
  };
}

/** Let every request the page started finish, and its body be read. */
async function settle(page: Page): Promise<void> {
  // A live block may keep a connection busy; half a second without new requests is enough here.
  await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => undefined);
  await page.waitForTimeout(500);
}

/** Bring each figure into view in turn and wait for it to hydrate (render chunk loaded, redrawn). */
async function hydrateEachFigure(page: Page): Promise<number> {
  const count = await page.locator('sep-figure').count();
  let drawn = 0;
  for (let i = 0; i < count; i++) {
    const fig = page.locator('sep-figure').nth(i);
    if (!(await fig.isVisible())) continue;
    await fig.scrollIntoViewIfNeeded();
    await page.waitForFunction((el) => (el as HTMLElement).dataset.ready !== undefined, await fig.elementHandle(), { timeout: 20_000 });
    drawn += 1;
  }
  await settle(page);
  return drawn;
}

describe.each(PAGES)('first load of %s', (route) => {
  it.each([
    [360, 800],
    [1440, 900],
  ])('at %i×%i fetches neither KaTeX nor the exercises code, and hydrated figures keep the build formula', async (width, height) => {
    const { context, page, problems } = await watchedPage(browser, { viewport: { width, height } });
    const seen = watchScripts(page);
    await page.goto(baseURL() + route);
    await figuresReady(page);
    await settle(page);
    expect(seen.scripts.length).toBeGreaterThan(0);
    expect(seen.katex, `KaTeX fetched on load: ${seen.scripts.join(' ')}`).toBe(false);
    expect(seen.exercises, 'exercise code fetched on load').toBe(false);

    // Every figure hydrated at this width: the formula the build typeset is the one it draws.
    const drawn = await hydrateEachFigure(page);
    expect(drawn).toBeGreaterThan(0);
    expect(seen.katex, 'KaTeX fetched when figures hydrated: a figure drew TeX the build did not write').toBe(false);

    // The exercises' code comes when the block is near, and its math needs no retypesetting.
    const block = page.locator('sep-exercises');
    if ((await block.count()) > 0) {
      await block.scrollIntoViewIfNeeded();
      await page.waitForFunction(() => document.querySelector<HTMLElement>('sep-exercises')?.dataset.ready !== undefined);
      await settle(page);
      expect(seen.exercises).toBe(true);
      expect(seen.katex, 'KaTeX fetched when the exercises hydrated').toBe(false);
    }
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('code that arrives on use', () => {
  it('fetches KaTeX once a slider changes a formula', async () => {
    const { context, page, problems } = await watchedPage(browser, { viewport: { width: 1440, height: 900 } });
    const seen = watchScripts(page);
    await page.goto(`${baseURL()}/depthwise-separable/`);
    const fig = page.locator('sep-figure[data-figure=cost-bars]').first();
    await fig.scrollIntoViewIfNeeded();
    await page.waitForFunction((el) => (el as HTMLElement).dataset.ready !== undefined, await fig.elementHandle());
    await settle(page);
    expect(seen.katex).toBe(false);
    const before = await fig.locator('[data-role=formula]').getAttribute('data-tex');
    const slider = fig.locator('param-control[data-params=n] input[type=range]');
    await slider.focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => fig.locator('[data-role=formula]').getAttribute('data-tex')).not.toBe(before);
    await expect.poll(() => seen.katex).toBe(true);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('checks an answer submitted before the exercises code arrived, once it has', async () => {
    const { context, page, problems } = await watchedPage(browser, { viewport: { width: 360, height: 800 } });
    const seen = watchScripts(page);
    // Hold the exercises code back until the reader has acted, so the action is replayed.
    let release: () => void = () => undefined;
    const held = new Promise<void>((ok) => (release = ok));
    const exercisesChunk = [...chunks().exercises][0];
    await page.route(`**${exercisesChunk}`, async (r) => {
      await held;
      await r.continue();
    });
    await page.goto(`${baseURL()}/depthwise-separable/`);
    const input = page.locator('sep-exercises [data-role=answer]').first();
    // Jump straight to the answer box (no scrolling through the page first).
    await input.evaluate((el) => {
      (el as HTMLInputElement).scrollIntoView({ block: 'center', behavior: 'instant' });
    });
    await input.fill('1');
    await input.press('Enter');
    // The page did not reload on submit before the code arrived.
    expect(new URL(page.url()).search).toBe('');
    release();
    await expect.poll(() => seen.exercises).toBe(true);
    const box = input.locator('xpath=ancestor::*[@data-id][1]');
    await expect.poll(() => box.locator('[data-role=feedback]').getAttribute('class')).toContain('ex-wrong');
    expect(problems).toEqual([]);
    await context.close();
  });
});
