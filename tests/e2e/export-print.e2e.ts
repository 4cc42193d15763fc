// Figures, chapters and embeds used outside the site: exported SVG and PNG opened by other programs
// (rsvg-convert, from Debian's librsvg2-bin), chapters and decks printed to PDF (read back with
// poppler-utils' pdfinfo and pdftotext), and embeds in another page. (Pages that do not move while
// their scripts start: hold-still.e2e.ts.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { inject } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { baseURL, figuresReady, launch, watchedPage, type Watched } from './harness';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const dist = (): string => inject('distDir');
const tmp = mkdtempSync(join(tmpdir(), 'separable-export-'));
const figureIds = (): string[] => (existsSync(join(dist(), 'embed')) ? readdirSync(join(dist(), 'embed')).sort() : []);

/** Every page of the build with its route (decks and embeds included). */
function pages(): { route: string; html: string }[] {
  const out: { route: string; html: string }[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, name.name);
      if (name.isDirectory()) {
        if (name.name !== '_astro') walk(p);
      } else if (name.name === 'index.html') {
        const rel = relative(dist(), dir).split(sep).join('/');
        out.push({ route: rel ? `/${rel}/` : '/', html: readFileSync(p, 'utf8') });
      }
    }
  };
  walk(dist());
  return out;
}

/** Chapter routes: pages with an article.chapter. */
const chapterRoutes = (): string[] => pages().filter((p) => p.html.includes('class="chapter"')).map((p) => p.route).sort();

/** A reader's page that shows the figure (not its embed or a deck), where its menu is. */
function pageWithFigure(id: string, all = pages()): string {
  const found = all.find((p) => !/^\/(embed|lecture)\//.test(p.route) && p.html.includes(`data-figure="${id}"`));
  if (!found) throw new Error(`no page shows ${id}`);
  return found.route;
}

/** Every figure id with the page that shows it, grouped by page: [route, ids][] (each page loads once). */
function figuresByPage(): [string, string[]][] {
  const all = pages();
  const byRoute = new Map<string, string[]>();
  for (const id of figureIds()) {
    const route = pageWithFigure(id, all);
    byRoute.set(route, [...(byRoute.get(route) ?? []), id]);
  }
  return [...byRoute];
}

function tool(name: string, pkg: string): void {
  try {
    execFileSync('which', [name], { stdio: 'ignore' });
  } catch {
    throw new Error(`${name} is needed for this test: apt-get install -y ${pkg}`);
  }
}

interface Raster {
  width: number;
  height: number;
  /** Smallest alpha of any pixel (255: opaque everywhere). */
  minAlpha: number;
  /** Mean luminance (0–255) of the four corner pixels. */
  corners: number;
  /** Mean luminance of the pixels whose alpha is above one half (for a text-only render). */
  inked: number;
  inkedCount: number;
  /** Share of the inked pixels darker than mid-grey (antialiased edges of small text are lighter). */
  darkShare: number;
}

/** Decode a PNG in the browser and measure it. */
async function measurePng(page: Page, png: Buffer): Promise<Raster> {
  return page.evaluate(async (src) => {
    const img = new Image();
    await new Promise((ok, fail) => {
      img.onload = ok;
      img.onerror = fail;
      img.src = src;
    });
    const canvas = document.createElement('canvas');
    canvas.width = img.width;
    canvas.height = img.height;
    const ctx = canvas.getContext('2d') as CanvasRenderingContext2D;
    ctx.drawImage(img, 0, 0);
    const d = ctx.getImageData(0, 0, img.width, img.height).data;
    const lum = (i: number): number => 0.2126 * d[i] + 0.7152 * d[i + 1] + 0.0722 * d[i + 2];
    let minAlpha = 255;
    let sum = 0;
    let n = 0;
    let dark = 0;
    for (let i = 0; i < d.length; i += 4) {
      minAlpha = Math.min(minAlpha, d[i + 3]);
      if (d[i + 3] > 128) {
        const l = lum(i);
        sum += l;
        n += 1;
        if (l < 128) dark += 1;
      }
    }
    const w = img.width;
    const h = img.height;
    const corner = [0, (w - 1) * 4, (h - 1) * w * 4, ((h - 1) * w + w - 1) * 4].map(lum);
    return { width: w, height: h, minAlpha, corners: corner.reduce((a, b) => a + b) / 4, inked: n ? sum / n : NaN, inkedCount: n, darkShare: n ? dark / n : NaN };
  }, `data:image/png;base64,${png.toString('base64')}`);
}

const rsvg = (svg: string): Buffer => execFileSync('rsvg-convert', ['-f', 'png'], { input: svg, maxBuffer: 64 * 1024 * 1024 });

/** The same picture with every shape hidden: what is left is the text. */
const textOnly = (svg: string): string =>
  svg.replace(/(<svg\b[^>]*>)/, '$1<style>rect,path,line,circle,ellipse,polyline,polygon,image{display:none}</style>');

/** Export one figure of the loaded page as SVG and PNG in both palettes, and open each in rsvg-convert. */
async function exportsFigure({ page, problems }: Watched, route: string, id: string): Promise<void> {
  tool('rsvg-convert', 'librsvg2-bin');
  const fig = page.locator(`sep-figure[data-figure="${id}"]`).first();
  await fig.scrollIntoViewIfNeeded();
  // A figure that computes in the browser (TensorFlow.js) may take a while to draw first.
  await expect.poll(() => fig.getAttribute('data-ready'), { timeout: 30_000 }).not.toBeNull();
  await fig.locator('.fig-menu > summary').click();
  const anchor = (await fig.getAttribute('id')) ?? '';
  for (const palette of ['light', 'dark'] as const) {
    await fig.locator('[data-option=dark]').setChecked(palette === 'dark');
    const [svgDownload] = await Promise.all([page.waitForEvent('download'), fig.getByRole('button', { name: 'Download SVG' }).click()]);
    expect(svgDownload.suggestedFilename()).toBe(palette === 'dark' ? `${id}-dark.svg` : `${id}.svg`);
    const svg = readFileSync((await svgDownload.path()) as string, 'utf8');
    writeFileSync(join(tmp, svgDownload.suggestedFilename()), svg);

    // What other programs cannot read is not there.
    expect(svg).not.toContain('rgba(');
    expect(svg).not.toContain('dominant-baseline');
    expect(svg).not.toContain('var(');
    expect(svg).not.toMatch(/color-mix|hsla?\(|oklch|class=/);
    // The background is a full-size opaque rectangle in the palette's colour.
    const bg = /<rect x="0" y="0" width="(\d+)" height="(\d+)" fill="rgb\((\d+),(\d+),(\d+)\)"\/>/.exec(svg);
    expect(bg, 'background rectangle').not.toBeNull();
    const [, bw, bh] = bg as RegExpExecArray;
    expect(svg).toMatch(new RegExp(`<svg[^>]* width="${bw}" height="${bh}"`));
    // Title and a source line pointing back at this view.
    const title = await page.evaluate(() => document.title);
    expect(title).toBeTruthy();
    expect(svg).toContain('Source: Separable (');
    expect(svg).toContain(`${route}`);
    expect(svg).toContain(`#${anchor}`);

    const full = await measurePng(page, rsvg(svg));
    expect(full.minAlpha, 'opaque everywhere').toBe(255);
    const text = await measurePng(page, rsvg(textOnly(svg)));
    expect(text.inkedCount, 'some text is drawn').toBeGreaterThan(100);
    if (palette === 'light') {
      expect(full.corners, 'light background').toBeGreaterThan(235);
      expect(text.darkShare, 'dark text: most text pixels darker than mid-grey').toBeGreaterThan(0.5);
    } else {
      expect(full.corners, 'dark background').toBeLessThan(40);
      expect(1 - text.darkShare, 'light text: most text pixels lighter than mid-grey').toBeGreaterThan(0.5);
    }

    const [pngDownload] = await Promise.all([page.waitForEvent('download'), fig.getByRole('button', { name: 'Download PNG 2×' }).click()]);
    expect(pngDownload.suggestedFilename()).toBe(palette === 'dark' ? `${id}-dark@2x.png` : `${id}@2x.png`);
    const png = readFileSync((await pngDownload.path()) as string);
    const raster = await measurePng(page, png);
    expect([raster.width, raster.height]).toEqual([Number(bw) * 2, Number(bh) * 2]);
    expect(raster.minAlpha).toBe(255);
    if (palette === 'light') expect(raster.corners).toBeGreaterThan(235);
    else expect(raster.corners).toBeLessThan(40);
  }
  // Close the menu again, so the next figure's export starts from the page as loaded.
  await fig.locator('.fig-menu > summary').click();
  // What went wrong while this figure was exported (taken out, so the next figure starts clean).
  expect(problems.splice(0), `${route}: ${id}`).toEqual([]);
}

/** Print the page to PDF (as the browser's print dialog would with its CSS page size) and read it back. */
async function printed(page: Page, name: string): Promise<{ sizes: [number, number][]; pages: string[] }> {
  tool('pdftotext', 'poppler-utils');
  // Figures draw from the store when they come near the screen; bring every one in once.
  await page.evaluate(async () => {
    for (const f of document.querySelectorAll('sep-figure')) {
      f.scrollIntoView();
      await new Promise((r) => setTimeout(r, 30));
    }
    scrollTo(0, 0);
  });
  await figuresReady(page);
  const file = join(tmp, `${name}.pdf`);
  writeFileSync(file, await page.pdf({ preferCSSPageSize: true }));
  const info = execFileSync('pdfinfo', ['-f', '1', '-l', '9999', file], { encoding: 'utf8' });
  const sizes = [...info.matchAll(/^Page\s+\d+\s+size:\s+([\d.]+) x ([\d.]+)/gm)].map((m) => [Number(m[1]), Number(m[2])] as [number, number]);
  const pagesText = sizes.map((_, i) => execFileSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), file, '-'], { encoding: 'utf8' }));
  return { sizes, pages: pagesText };
}

/** Print the loaded page (dark on screen) and read the PDF back: portrait, light, whole pages only, without menus or buttons. */
async function printsClean({ page, problems }: Watched, route: string): Promise<void> {
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--bg').trim()), 'dark on screen').toBe('#16181d');
  await page.emulateMedia({ media: 'print' });
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--bg').trim()), 'light palette on paper').toBe('#fdfcf9');
  // Colours may take a frame to follow (transitions).
  await expect.poll(() => page.evaluate(() => getComputedStyle(document.body).color)).toBe('rgb(29, 31, 36)');
  // Back to the browser's own choice: page.pdf() prints with print media unless told otherwise.
  await page.emulateMedia({ media: null });
  const { sizes, pages: text } = await printed(page, route.replace(/\//g, '') || 'home');
  expect(sizes.length).toBeGreaterThan(0);
  for (const [w, h] of sizes) expect(w, 'portrait').toBeLessThan(h);
  // (A Chinese character says about what two Latin letters do.)
  const weight = (t: string): number => t.replace(/\s/g, '').length + (t.match(/[\u3400-\u9fff]/g) ?? []).length;
  text.forEach((t, i) => expect(weight(t), `page ${i + 1} has content`).toBeGreaterThan(40));
  const all = text.join('\n');
  for (const hidden of ['Share or export', 'Download SVG', 'Copy link', 'Dark theme', 'Skip to content']) expect(all).not.toContain(hidden);
  expect(problems).toEqual([]);
}

/** The chapters printed: every English chapter, and the longest Chinese one (the others share its stylesheet). */
const printedRoutes = (): string[] => chapterRoutes().filter((r) => !r.startsWith('/zh/') || r === '/zh/mobilenet-v1/');

/** Each page that figures are exported from or that is printed, with the figures it exports and whether it is printed. */
function exportAndPrintPages(): [string, string[], boolean][] {
  const byPage = new Map(figuresByPage());
  const printed = printedRoutes();
  return [...new Set([...byPage.keys(), ...printed])].sort().map((route) => [route, byPage.get(route) ?? [], printed.includes(route)]);
}

describe('figure export and printing', () => {
  it('covers every figure of the site, each on a reader’s page', () => {
    const grouped = figuresByPage().flatMap(([, ids]) => ids);
    expect(grouped.length).toBeGreaterThan(0);
    expect(grouped.sort()).toEqual(figureIds());
  });

  it('prints every English chapter and a Chinese one', () => {
    const printed = printedRoutes();
    expect(printed).toContain('/zh/mobilenet-v1/');
    expect(printed.filter((r) => !r.startsWith('/zh/'))).toEqual(chapterRoutes().filter((r) => !r.startsWith('/zh/')));
  });

  // One page load per chapter: every figure it shows is exported from the same page, one after the
  // other, then the page is printed (a chapter loaded and drawn twice was most of this file's time).
  describe.each(exportAndPrintPages())('%s', (route, ids, isPrinted) => {
    let watched: Watched;
    beforeAll(async () => {
      // The page itself is dark, chosen with the theme button (stored), as a reader who prints it
      // would have it: the default export is light all the same, and so is the paper.
      watched = await watchedPage(browser, { acceptDownloads: true, colorScheme: 'dark', viewport: { width: 1280, height: 900 } });
      await watched.page.addInitScript(() => localStorage.setItem('separable-theme', 'dark'));
      await watched.page.goto(`${baseURL()}${route}`);
    });
    afterAll(async () => {
      await watched?.context.close();
    });

    if (ids.length > 0) {
      it.each(ids)('exports %s: SVG and PNG in both palettes open in rsvg-convert, opaque, with the source line', async (id) => {
        await exportsFigure(watched, route, id);
      });
    }

    // Every figure drawn, then a PDF of a long chapter: over a minute on a busy two-core machine.
    if (isPrinted) {
      it('prints portrait, light, whole pages only, without menus or buttons', async () => {
        await printsClean(watched, route);
      }, 120_000);
    }
  });

  it('writes the formula under the figure into the SVG as text', async () => {
    const { context, page, problems } = await watchedPage(browser, { acceptDownloads: true });
    await page.goto(`${baseURL()}/?k=3&n=64`);
    await figuresReady(page);
    const fig = page.locator('sep-figure[data-figure="cost-bars"]').first();
    await fig.locator('.fig-menu > summary').click();
    const [download] = await Promise.all([page.waitForEvent('download'), fig.getByRole('button', { name: 'Download SVG' }).click()]);
    const svg = readFileSync((await download.path()) as string, 'utf8');
    const text = svg.replace(/<[^>]+>/g, '');
    // 1/N + 1/D_K² with N = 64, K = 3 is 1/64 + 1/9 = 73/576 (Howard et al. 2017, eq. 5).
    expect(text).toContain('1/64 + 1/9 = 73/576');
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('printing', () => {
  it('prints the values of a figure’s controls and numbers citations against a reference list', async () => {
    const { context, page } = await watchedPage(browser, { viewport: { width: 1280, height: 900 } });
    await page.goto(`${baseURL()}/mobilenet-v1/?alpha=0.5&res=160`);
    const { pages: text } = await printed(page, 'mobilenet-v1-values');
    const all = text.join('\n');
    expect(all).toMatch(/Width multiplier\s+α\s+0\.5/);
    expect(all).toMatch(/Input resolution\s+res\s+160/);
    // Howard et al. 2017 is the first entry of the reference list.
    expect(all).toMatch(/Howard et al\. 2017[^\n]*\[1\]/);
    expect(all).toMatch(/References\s+1\.\s+A\. G\. Howard/);
    await context.close();
  });
});

describe('embeds', () => {
  it('report the height of their content, below the iframe’s first 520 px for a short figure', async () => {
    const { context, page, problems } = await watchedPage(browser, { viewport: { width: 1000, height: 900 } });
    await page.goto(`${baseURL()}/references/`);
    const result = await page.evaluate(
      (src) =>
        new Promise<{ reported: number; content: number; scroll: number }>((ok) => {
          const frame = document.createElement('iframe');
          frame.title = 'figure';
          frame.style.cssText = 'width:720px;height:520px;border:0';
          let last = 0;
          let timer = 0;
          addEventListener('message', (e) => {
            if (e.source !== frame.contentWindow || e.data?.type !== 'separable:height') return;
            last = e.data.height;
            frame.style.height = `${last}px`;
            window.clearTimeout(timer);
            // Settled when no new height has come for a while.
            timer = window.setTimeout(() => {
              const doc = frame.contentDocument as Document;
              const main = doc.querySelector('main') as HTMLElement;
              ok({ reported: last, content: Math.ceil(main.getBoundingClientRect().bottom), scroll: doc.documentElement.scrollHeight });
            }, 1500);
          });
          frame.src = src;
          document.body.appendChild(frame);
        }),
      `${baseURL()}/embed/activations/?controls=0`,
    );
    expect(result.reported).toBeLessThan(520);
    expect(Math.abs(result.reported - result.content)).toBeLessThanOrEqual(2);
    // Sized to the report, the frame holds everything without a scroll bar.
    expect(result.scroll).toBeLessThanOrEqual(result.reported + 1);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('keep a figure’s own stepping with controls=0', async () => {
    const { context, page, problems } = await watchedPage(browser, { viewport: { width: 480, height: 800 } });
    await page.goto(`${baseURL()}/embed/conv-steps/?controls=0`);
    await figuresReady(page);
    expect(await page.locator('input[type=range]:visible').count()).toBe(0);
    const next = page.getByRole('button', { name: /Next step/ });
    await expect.poll(() => next.isEnabled()).toBe(true);
    await next.click();
    await expect.poll(() => page.locator('.controls output').first().innerText()).toBe('2');
    expect(problems).toEqual([]);
    await context.close();
  });

  it.each(['light', 'dark'] as const)('copy a snippet that carries the page’s %s theme, with or without controls', async (scheme) => {
    const { context, page, problems } = await watchedPage(browser, { colorScheme: scheme });
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto(`${baseURL()}/?k=5`);
    await figuresReady(page);
    const fig = page.locator('sep-figure[data-figure="cost-bars"]').first();
    await fig.locator('.fig-menu > summary').click();
    await fig.getByRole('button', { name: 'Copy embed code' }).click();
    await expect.poll(() => fig.locator('[data-role=menu-status]').innerText()).toBe('Embed code copied.');
    const withControls = await page.evaluate(() => navigator.clipboard.readText());
    expect(withControls).toContain(`theme=${scheme}`);
    expect(withControls).toContain('k=5');
    expect(withControls).not.toContain('controls=0');
    await fig.getByLabel('Embed without controls').check();
    await fig.getByRole('button', { name: 'Copy embed code' }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toContain('controls=0');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('name papers and the site, never source files, in any caption', () => {
    for (const { route, html } of pages()) {
      for (const m of html.matchAll(/<figcaption>([\s\S]*?)<\/figcaption>/g)) {
        expect(m[1], route).not.toMatch(/src\/|\.tsx?\b/);
      }
    }
  });
});
