// Shared by the e2e files: one browser per file, pages that record what went wrong.
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type CDPSession, type ConsoleMessage, type Page, type Request, type Response } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { inject } from 'vitest';
import { launchOptions } from './chromium.mjs';

export const baseURL = (): string => inject('baseURL');

/** Every route of the build, found from dist/ (so new pages are covered without a list). */
export function routes(): string[] {
  const dist = inject('distDir');
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) {
        if (name !== '_astro') walk(path);
      } else if (name === 'index.html') {
        const rel = relative(dist, dir).split(sep).join('/');
        out.push(rel ? `/${rel}/` : '/');
      }
    }
  };
  walk(dist);
  return out.sort();
}

export async function launch(): Promise<Browser> {
  return chromium.launch(launchOptions({ shell: true }));
}

export interface Watched {
  context: BrowserContext;
  page: Page;
  /** Console errors, uncaught exceptions, failed and cross-origin requests, in order. */
  problems: string[];
}

/** Record every console error, uncaught exception, failed, refused or cross-origin request of `page`; returns the list and how to stop. */
function watch(page: Page): { problems: string[]; off: () => void } {
  const origin = new URL(baseURL()).origin;
  const problems: string[] = [];
  const onConsole = (m: ConsoleMessage): void => {
    if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
  };
  const onPageError = (e: Error): void => {
    problems.push(`uncaught: ${e.message}`);
  };
  const onFailed = (r: Request): void => {
    problems.push(`request failed: ${r.url()} (${r.failure()?.errorText ?? ''})`);
  };
  const onResponse = (r: Response): void => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  };
  const onRequest = (r: Request): void => {
    const u = r.url();
    if (!u.startsWith('data:') && !u.startsWith('blob:') && new URL(u).origin !== origin) problems.push(`cross-origin request: ${u}`);
  };
  page.on('console', onConsole);
  page.on('pageerror', onPageError);
  page.on('requestfailed', onFailed);
  page.on('response', onResponse);
  page.on('request', onRequest);
  const off = (): void => {
    page.off('console', onConsole);
    page.off('pageerror', onPageError);
    page.off('requestfailed', onFailed);
    page.off('response', onResponse);
    page.off('request', onRequest);
  };
  return { problems, off };
}

/** A fresh context and page that records every console error and every bad request. */
export async function watchedPage(browser: Browser, options: BrowserContextOptions = {}): Promise<Watched> {
  const context = await browser.newContext({ reducedMotion: 'reduce', ...options });
  const page = await context.newPage();
  const { problems } = watch(page);
  return { context, page, problems };
}

export interface Visit {
  page: Page;
  problems: string[];
  /** Stop recording and drop the visit's routes (the next visit clears what it stored). */
  done: () => Promise<void>;
}

const stopWatching = new WeakMap<Page, () => void>();
const sessions = new WeakMap<Page, CDPSession>();

/**
 * A visit in a tab that a file's tests share (Playwright's `page`, created once): each starts on a
 * blank page at `viewport` in the light or dark scheme, with its own record of problems and no
 * routes left from the visit before. A new tab costs its renderer about 0.7 s of CPU on a two-core
 * machine, several times what a load in a tab already open costs. The site keeps only the theme
 * and exercise progress, in localStorage, which each visit clears first. Not for a test that
 * counts requests (the tab's cache serves what an earlier visit fetched) or walks its history.
 */
export async function visit(
  page: Page,
  options: { viewport?: { width: number; height: number }; colorScheme?: 'light' | 'dark'; reducedMotion?: 'reduce' | 'no-preference' } = {},
): Promise<Visit> {
  stopWatching.get(page)?.();
  await page.unrouteAll({ behavior: 'ignoreErrors' });
  await page.goto('about:blank');
  // What a visit before this one stored, even one that failed before its `done`.
  const cdp = sessions.get(page) ?? (await page.context().newCDPSession(page));
  sessions.set(page, cdp);
  await cdp.send('Storage.clearDataForOrigin', { origin: new URL(baseURL()).origin, storageTypes: 'local_storage' });
  await page.setViewportSize(options.viewport ?? { width: 1280, height: 720 });
  await page.emulateMedia({ media: null, colorScheme: options.colorScheme ?? 'light', reducedMotion: options.reducedMotion ?? 'reduce' });
  const { problems, off } = watch(page);
  stopWatching.set(page, off);
  return {
    page,
    problems,
    done: async () => {
      off();
      await page.unrouteAll({ behavior: 'ignoreErrors' });
    },
  };
}

/** axe-core's WCAG 2.1 A/AA rules (or only `rules`, or all but `skip`) over the whole page; returns readable violations. */
export async function axeViolations(page: Page, rules?: string[], skip: string[] = []): Promise<string[]> {
  // Only violations are read: axe then details one node per passing rule instead of every node,
  // which is most of its time on a long chapter. One axe.run in the page (same-origin frames
  // included) instead of a run per frame finished in a second, blank page: the same rules and the
  // same results in about half the time.
  // axe-core (half a megabyte of script) is put into the page's frames by its first run there and
  // reused by later runs (the dark theme's contrast, say), instead of being evaluated again.
  const present = await Promise.all(page.frames().map((f) => f.evaluate(() => typeof (window as { axe?: unknown }).axe === 'object').catch(() => false)));
  const builder = new AxeBuilder(present.every(Boolean) ? { page, axeSource: ';' } : { page }).options({ resultTypes: ['violations'] }).setLegacyMode(true);
  if (skip.length > 0) builder.disableRules(skip);
  const result = await (rules ? builder.withRules(rules) : builder.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])).analyze();
  return result.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
}

/** Wait until every figure in view has drawn from the store (its render chunk has loaded). */
export async function figuresReady(page: Page): Promise<void> {
  await page.waitForFunction(() =>
    [...document.querySelectorAll<HTMLElement>('sep-figure')].every((f) => {
      const r = f.getBoundingClientRect();
      // Hidden figures (e.g. on lecture slides not showing) are not drawn until they are shown.
      const shown = r.width > 0 && r.height > 0;
      const near = shown && r.top < window.innerHeight + 200 && r.bottom > -200;
      return !near || f.dataset.ready !== undefined;
    }),
  );
}

/** What tfjs holds on the page: live tensors and the bytes of WebGL textures it keeps (0 without a webgl backend). */
export function tfHoldings(page: Page): Promise<{ tensors: number; textureBytes: number }> {
  return page.evaluate(() => {
    const engine = (globalThis as unknown as { _tfengine?: { state: { numTensors: number }; registry: Record<string, { numBytesInGPU?: number; textureManager?: { numBytesAllocated: number } }> } })._tfengine;
    const webgl = engine?.registry.webgl;
    return { tensors: engine?.state.numTensors ?? 0, textureBytes: (webgl?.numBytesInGPU ?? 0) + (webgl?.textureManager?.numBytesAllocated ?? 0) };
  });
}
