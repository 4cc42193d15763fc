// What a page fetches before a reader does anything: KaTeX and the exercises' code stay off the
// first load of every chapter, and an English page's scripts hold no Chinese words (a Chinese page
// fetches its own, and still draws, names and explains everything in Chinese). The build typesets each figure's formula with the TeX the browser
// would write for the same values and width, so a figure that hydrates keeps it (no KaTeX); the
// exercises' code arrives when their block comes near; KaTeX arrives when a formula changes.
// The short pages (home, calculator, references, exercise sheets, in both editions) stay within
// the bench's byte budget: 100 kB on first load, 30 kB of it JavaScript; every chapter, in both
// editions, within its 30 kB of JavaScript.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page, Response } from 'playwright-core';
import { inject } from 'vitest';
import { baseURL, figuresReady, launch, routes, visit, watchedPage, type Visit } from './harness';
import { BYTE_BUDGET, kindOf, sentBytes } from '../../scripts/budgets.mjs';
import { figuresZh } from '../../src/i18n/figures.zh';
import { kitZh } from '../../src/i18n/kit.zh';
import { paramsZh } from '../../src/i18n/params.zh';
import { errorsZh } from '../../src/i18n/errors.zh';
import { preset } from '../../src/lib/stack-presets';

let browser: Browser;
// The byte budgets' loads: visits in one tab with its cache off (coldVisit).
let tab: Page;
beforeAll(async () => {
  browser = await launch();
  tab = await (await browser.newContext({ reducedMotion: 'reduce' })).newPage();
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

/** Han ideographs: the Chinese edition's words, which an English page's scripts never need. */
const CJK = /[\u4e00-\u9fff]/;

/** Every script the page fetches, as [path, body] (read as it arrives). */
function scriptBodies(page: Page): Promise<[string, string]>[] {
  const bodies: Promise<[string, string]>[] = [];
  page.on('response', (r) => {
    if (new URL(r.url()).pathname.endsWith('.js')) bodies.push(r.text().then((b) => [new URL(r.url()).pathname, b], () => [r.url(), '']));
  });
  return bodies;
}

/** The scripts with Chinese in them, each with a few words around the first. */
async function withChinese(bodies: Promise<[string, string]>[]): Promise<string[]> {
  const scripts = await Promise.all(bodies);
  expect(scripts.length).toBeGreaterThan(0);
  return scripts
    .filter(([, body]) => CJK.test(body))
    .map(([path, body]) => {
      const at = body.search(CJK);
      return `${path}: …${body.slice(Math.max(0, at - 30), at + 20)}…`;
    });
}

/** English pages whose scripts are read for Chinese on their laptop load below. */
const READ_FOR_CHINESE = ['/', '/depthwise-separable/'];

describe.each(PAGES)('first load of %s', (route) => {
  // On a laptop the home page's and a chapter's scripts are read as well: an English page fetches
  // none with Chinese in it, on load or when its figures and exercises are drawn (the same load and
  // the same steps, so these pages are not loaded again for it below).
  const readsChinese = READ_FOR_CHINESE.includes(route);
  it.each([
    [360, 800],
    [1440, 900],
  ])(`at %i×%i fetches neither KaTeX nor the exercises code, and hydrated figures keep the build formula${readsChinese ? '; on a laptop no script with Chinese in it' : ''}`, async (width, height) => {
    const { context, page, problems } = await watchedPage(browser, { viewport: { width, height } });
    const seen = watchScripts(page);
    const bodies = readsChinese && width === 1440 ? scriptBodies(page) : undefined;
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
    if (bodies) expect(await withChinese(bodies), 'scripts with Chinese words').toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('code that arrives on use', () => {
  it('fetches KaTeX once a reader takes a slider, before its first change', async () => {
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
    await expect.poll(() => seen.katex).toBe(true);
    expect(await fig.locator('[data-role=formula]').getAttribute('data-tex')).toBe(before);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => fig.locator('[data-role=formula]').getAttribute('data-tex')).not.toBe(before);
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

/** The build's chunk that defines a custom element (the live blocks and the layer table). */
function definingChunk(tag: string): string {
  const dir = join(inject('distDir'), '_astro');
  const found = readdirSync(dir).filter((f) => f.endsWith('.js') && readFileSync(join(dir, f), 'utf8').includes(`define("${tag}"`));
  expect(found, tag).toHaveLength(1);
  return `/_astro/${found[0]}`;
}

describe('what a chapter leaves for later', () => {
  it.each([
    ['/mobilenet-v1/', ['v1-model', 'v1-layer-table']],
    ['/linear-bottlenecks/', ['bottleneck-train']],
    ['/depthwise-separable/', ['conv-bench']],
  ] as const)('%s fetches the code of %j only when the block comes near', async (route, tags) => {
    const { context, page, problems } = await watchedPage(browser, { viewport: { width: 1440, height: 900 } });
    const seen = watchScripts(page);
    await page.goto(baseURL() + route);
    await figuresReady(page);
    await settle(page);
    for (const tag of tags) expect(seen.scripts, `${tag} on load`).not.toContain(definingChunk(tag));
    for (const tag of tags) {
      await page.locator(tag).scrollIntoViewIfNeeded();
      await expect.poll(() => seen.scripts.includes(definingChunk(tag)), { timeout: 15_000 }).toBe(true);
    }
    expect(problems).toEqual([]);
    await context.close();
  });

  it.each(['/linear-bottlenecks/', '/zh/depthwise-separable/'])('%s fetches its own subsets of the large KaTeX faces, never the site-wide ones, and every formula has its glyphs', async (route) => {
    const { context, page, problems } = await watchedPage(browser, { viewport: { width: 1440, height: 900 } });
    const fonts: string[] = [];
    page.on('request', (r) => {
      const path = new URL(r.url()).pathname;
      if (path.endsWith('.woff2')) fonts.push(path);
    });
    await page.goto(baseURL() + route);
    await figuresReady(page);
    await settle(page);
    // The page's own faces: declared after KaTeX's stylesheet, one per large face it shows.
    const own = await page.evaluate(() => {
      const css = document.querySelector('style[data-katex-faces]')?.textContent ?? '';
      return [...css.matchAll(/url\(([^)]+)\)/g)].map((m) => m[1]);
    });
    expect(own.length).toBeGreaterThanOrEqual(2);
    const faceOf = (path: string) => /KaTeX_[A-Za-z0-9-]+?(?=\.)/.exec(path)?.[0] ?? path;
    const ownFaces = new Set(own.map(faceOf));
    const katexFonts = fonts.filter((f) => f.includes('KaTeX_'));
    expect(katexFonts.length).toBeGreaterThan(0);
    for (const f of katexFonts) if (ownFaces.has(faceOf(f))) expect(own, `${f} is not the page's own subset`).toContain(f);
    // Each face is fetched once: no character of the page's math falls outside its own subset.
    expect(new Set(katexFonts.map(faceOf)).size).toBe(katexFonts.length);
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('each edition ships its own words', () => {
  it('an English chapter and the home page are read for Chinese by the first-load checks above', () => {
    for (const route of READ_FOR_CHINESE) expect(PAGES).toContain(route);
  });

  it('the Chinese twin fetches its words and draws, names and explains in Chinese', async () => {
    const { context, page, problems } = await watchedPage(browser, { viewport: { width: 1440, height: 900 } });
    // A value that cannot be used: the message comes in Chinese, with the glossary's name of the parameter.
    await page.goto(`${baseURL()}/zh/depthwise-separable/?k=abc`);
    await expect.poll(() => page.locator('#param-messages li').first().textContent()).toContain(paramsZh.label.k);
    expect(await page.locator('#param-messages').textContent()).toContain('abc');
    const fig = page.locator('sep-figure[data-figure=cost-bars]').first();
    await fig.scrollIntoViewIfNeeded();
    await page.waitForFunction((el) => (el as HTMLElement).dataset.ready !== undefined, await fig.elementHandle());
    // A redraw in the browser, from the same render code, in Chinese: the picture and the summary read aloud.
    const slider = fig.locator('param-control[data-params=n] input[type=range]');
    await slider.focus();
    type Waiting = Window & { redrawn?: Promise<boolean> };
    await fig.evaluate((el) => {
      (window as Waiting).redrawn = new Promise((ok) => el.addEventListener('sep:drawn', () => ok(true), { once: true }));
    });
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => (window as Waiting).redrawn)).toBe(true);
    expect(await fig.locator('svg title').first().textContent()).toBe(figuresZh.costBars.svgTitle);
    await expect.poll(() => fig.locator('[data-role=announce]').textContent()).toMatch(CJK);
    expect(await fig.locator('[data-role=announce]').textContent()).not.toMatch(/separable layer|mult-adds/);
    // The figure kit's words: the formula's keyboard label and the share menu's status line.
    await expect.poll(() => fig.locator('[data-role=formula][data-term-nav]').getAttribute('aria-label')).toBe(kitZh.formulaNav);
    await fig.locator('[data-role=menu] summary').click();
    await fig.locator('button[data-action=link]').click();
    await expect.poll(() => fig.locator('[data-role=menu-status]').textContent()).toContain(kitZh.status.link);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a Chinese figure that must refuse fetches the refusal’s Chinese words then, and shows no English while they fail to arrive', async () => {
    const { context, page, problems } = await watchedPage(browser, { viewport: { width: 1440, height: 900 } });
    const asked: string[] = [];
    page.on('request', (r) => {
      if (/\/errors\.zh/.test(new URL(r.url()).pathname)) asked.push(r.url());
    });
    // The refusal's words cannot be downloaded at first (a flaky network), under any address the
    // page asks for them by; the figure's own can.
    let blocked = true;
    await page.route(/\/errors\.zh\.register\.[\w-]+\.js(\?[^/]*)?$/, (r) => (blocked ? r.abort('internetdisconnected') : r.continue()));
    // A depthwise layer whose N (12) is not a multiple of M (8): the cost model refuses it.
    await page.goto(`${baseURL()}/zh/depthwise-separable/?layer=2&m=8&n=12`);
    const fig = page.locator('sep-figure[data-figure=conv-geometry]').first();
    const picture = fig.locator('svg').first();
    await expect.poll(() => asked.length).toBeGreaterThan(0);
    // Meanwhile the build's Chinese picture stays, the page's note says why (in Chinese), and no English appears.
    await expect.poll(() => page.locator('#net-status').isVisible()).toBe(true);
    expect(await page.locator('#net-status').textContent()).toMatch(CJK);
    expect(await fig.getAttribute('data-ready')).toBeNull();
    expect(await picture.textContent()).toMatch(CJK);
    expect(await picture.textContent()).not.toMatch(/multiple|must|depth multiplier/i);
    // The network recovers: the words are fetched again, and the refusal is drawn in Chinese.
    blocked = false;
    await expect.poll(() => fig.getAttribute('data-ready'), { timeout: 15_000 }).toBe('');
    const refusal = errorsZh['depth-multiplier']({ code: 'depth-multiplier', message: '' });
    expect(await picture.textContent()).toContain(refusal);
    expect(await picture.textContent()).not.toMatch(/multiple|must/i);
    await expect.poll(() => page.locator('#net-status').isVisible()).toBe(false);
    // Only the browser's own lines for the refused fetches: no uncaught error.
    const failed = problems.filter((p) => /^request failed: \S+\/errors\.zh\.register\.[\w-]+\.js(\?\S*)? /.test(p));
    expect(failed.length).toBeGreaterThan(0);
    expect(problems.filter((p) => !failed.includes(p) && !/^console error: Failed to load resource: net::ERR_INTERNET_DISCONNECTED$/.test(p))).toEqual([]);
    await context.close();
  });

  it('a Chinese embed explains a bad option and a bad value in Chinese', async () => {
    const { context, page, problems } = await watchedPage(browser, { viewport: { width: 800, height: 600 } });
    await page.goto(`${baseURL()}/zh/embed/cost-bars/?k=abc&theme=purple`);
    // Two messages, each written when its words have arrived: either may come first.
    await expect.poll(() => page.locator('#param-messages').textContent()).toContain(kitZh.embed.badTheme);
    await expect.poll(() => page.locator('#param-messages').textContent()).toContain(paramsZh.label.k);
    await figuresReady(page);
    expect(await page.locator('sep-figure svg title').first().textContent()).toBe(figuresZh.costBars.svgTitle);
    expect(problems).toEqual([]);
    await context.close();
  });
});

/** The short pages a reader lands on: home, calculator, references and every exercise sheet, in both editions. */
const SHORT_PAGES = (): string[] => routes().filter((r) => /^(\/zh)?\/(calculator\/|references\/|exercises\/[a-z0-9-]+\/)?$/.test(r));

interface Shipped {
  js: number;
  total: number;
  /** Each response: its path, kind and bytes, largest first (for a message). */
  files: string[];
}

/**
 * A visit in the file's tab with its cache off (routing every request turns Chromium's off, the
 * memory cache included), so that each is a first load without a new tab's renderer to start.
 */
async function coldVisit(): Promise<Visit> {
  const v = await visit(tab, { viewport: { width: 1280, height: 900 } });
  await v.page.route('**/*', (r) => r.continue());
  return v;
}

/** Bytes the page fetched on its first load, counted as the bench counts them (gzip; fonts as sent), once its figures in view have drawn. */
async function firstLoad(page: Page, url: string): Promise<Shipped> {
  const bodies: Promise<{ kind: string; path: string; bytes: number } | null>[] = [];
  const onResponse = (r: Response): void => {
    const kind = kindOf(r.headers()['content-type'] ?? '');
    if (!kind) return;
    bodies.push(r.body().then((b) => ({ kind, path: new URL(r.url()).pathname, bytes: sentBytes(kind, b) }), () => null));
  };
  page.on('response', onResponse);
  await page.goto(url, { waitUntil: 'networkidle' });
  await figuresReady(page);
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await settle(page);
  page.off('response', onResponse);
  const files = (await Promise.all(bodies)).filter((f) => f !== null);
  const sum = (kinds: string[]) => files.filter((f) => kinds.includes(f.kind)).reduce((a, f) => a + f.bytes, 0);
  return {
    js: sum(['js']),
    total: sum(['html', 'css', 'js', 'font', 'image']),
    files: files.sort((a, b) => b.bytes - a.bytes).map((f) => `${f.path} ${f.kind} ${(f.bytes / 1024).toFixed(1)} kB`),
  };
}

describe('short pages within the byte budget', () => {
  it('covers the home page, the calculator, the references and every exercise sheet, in both editions', () => {
    const pages = SHORT_PAGES();
    for (const p of ['/', '/zh/', '/calculator/', '/zh/calculator/', '/references/', '/zh/references/', '/exercises/depthwise-separable/', '/zh/exercises/depthwise-separable/']) expect(pages).toContain(p);
  });

  it.each(SHORT_PAGES())('%s ships at most 30 kB of JavaScript and 100 kB in all on first load', async (route) => {
    const { page, problems, done } = await coldVisit();
    const shipped = await firstLoad(page, baseURL() + route);
    const detail = `${route}: JS ${(shipped.js / 1024).toFixed(1)} kB, in all ${(shipped.total / 1024).toFixed(1)} kB\n${shipped.files.join('\n')}`;
    expect(shipped.js, detail).toBeGreaterThan(0);
    expect(shipped.js, detail).toBeLessThanOrEqual(BYTE_BUDGET.js);
    expect(shipped.total, detail).toBeLessThanOrEqual(BYTE_BUDGET.firstLoad);
    expect(problems).toEqual([]);
    await done();
  });
});

/** Every chapter in both editions: a Chinese page fetches its words as it needs them, so it stays within the same script budget. */
const CHAPTERS = PAGES.filter((p) => p !== '/').flatMap((p) => [p, `/zh${p}`]);

describe('chapters within the JavaScript budget', () => {
  it.each(CHAPTERS)('%s ships at most 30 kB of JavaScript on first load, its first figures drawn', async (route) => {
    const { page, problems, done } = await coldVisit();
    const shipped = await firstLoad(page, baseURL() + route);
    const detail = `${route}: JS ${(shipped.js / 1024).toFixed(1)} kB\n${shipped.files.join('\n')}`;
    expect(shipped.js, detail).toBeGreaterThan(0);
    expect(shipped.js, detail).toBeLessThanOrEqual(BYTE_BUDGET.js);
    expect(problems).toEqual([]);
    await done();
  });
});

describe('exercise sheets', () => {
  it('a sheet as the build drew it fetches neither KaTeX nor the exercises\' code; another set fetches both and typesets', async () => {
    const { context, page, problems } = await watchedPage(browser, { viewport: { width: 1280, height: 900 } });
    const seen = watchScripts(page);
    // The sheet's view code (it writes the solutions' section) is what a redraw needs.
    const bodies: Promise<string>[] = [];
    page.on('response', (r) => {
      if (new URL(r.url()).pathname.endsWith('.js')) bodies.push(r.text().catch(() => ''));
    });
    const viewFetched = async () => (await Promise.all(bodies)).some((b) => b.includes('sheet-solutions'));
    await page.goto(`${baseURL()}/exercises/depthwise-separable/`);
    await page.waitForFunction(() => document.querySelector<HTMLElement>('exercise-sheets')?.dataset.ready !== undefined);
    await settle(page);
    const built = await page.locator('.sheet').first().innerHTML();
    // The build typeset the math.
    expect(await page.locator('.sheet .katex').count()).toBeGreaterThan(0);
    expect(seen.katex, `KaTeX fetched for the built sheet: ${seen.scripts.join(' ')}`).toBe(false);
    expect(await viewFetched(), `the sheet's code fetched for the built sheet: ${seen.scripts.join(' ')}`).toBe(false);
    const asBuilt = seen.scripts.length;
    // The print button works without the exercises' code.
    expect(await page.locator('[data-role=print]').isVisible()).toBe(true);

    await page.goto(`${baseURL()}/exercises/depthwise-separable/?seed=2&solutions=1`);
    await page.waitForFunction(() => document.querySelector<HTMLElement>('exercise-sheets')?.dataset.ready !== undefined);
    expect(seen.katex).toBe(true);
    expect(await viewFetched()).toBe(true);
    expect(seen.scripts.length).toBeGreaterThan(asBuilt);
    expect(await page.locator('.sheet').first().getAttribute('data-seed')).toBe('2');
    expect(await page.locator('.sheet-solutions .katex').count()).toBeGreaterThan(0);
    expect(await page.locator('.sheet').first().innerHTML()).not.toBe(built);
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('English short pages carry no Chinese', () => {
  // (The home page and /depthwise-separable/: the first-load checks above, READ_FOR_CHINESE.)
  it.each(['/calculator/', '/references/', '/exercises/depthwise-separable/', '/exercises/depthwise-separable/?seed=2&solutions=1'])(
    '%s fetches no script with Chinese in it, on load or when its figures and exercises are drawn',
    async (route) => {
      const { context, page, problems } = await watchedPage(browser, { viewport: { width: 1440, height: 900 } });
      const bodies = scriptBodies(page);
      await page.goto(baseURL() + route);
      await figuresReady(page);
      if ((await page.locator('exercise-sheets').count()) > 0) {
        await page.waitForFunction(() => document.querySelector<HTMLElement>('exercise-sheets')?.dataset.ready !== undefined);
      }
      if ((await page.locator('stack-calculator').count()) > 0) {
        await page.waitForFunction(() => document.querySelector<HTMLElement>('stack-calculator')?.dataset.ready !== undefined);
        // A preset arrives when it is loaded.
        await page.getByLabel('Preset').selectOption('xception');
        await page.locator('stack-calculator button[data-action=load]').click();
        await expect.poll(() => page.locator('[data-role=rows] tr').count()).toBe(preset('xception').layers.length);
      }
      await hydrateEachFigure(page);
      // A chapter's "Check yourself" block: its code (and the answer checker) arrives when it comes near.
      const block = page.locator('sep-exercises');
      if ((await block.count()) > 0) {
        await block.scrollIntoViewIfNeeded();
        await page.waitForFunction(() => document.querySelector<HTMLElement>('sep-exercises')?.dataset.ready !== undefined);
        await settle(page);
      }
      expect(await withChinese(bodies)).toEqual([]);
      expect(problems).toEqual([]);
      await context.close();
    },
  );
});
