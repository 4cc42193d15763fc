// Chapters 1–3: conv-geometry, conv-steps, ratio-curves and cost-bars from the keyboard, hostile
// links, and the ConvBench live block on the cpu backend (Chromium runs with --disable-gpu).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { baseURL, figuresReady, launch, visit, watchedPage } from './harness';
import { standardStepsFor, stepsFor } from '../../src/components/figures/ConvSteps/figure';

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
/** A figure's formula TeX without the term markup (\htmlData{term=…}{…}), to compare numbers. */
const plainTex = async (page: Page, figure: string): Promise<string> =>
  ((await page.locator(`[data-figure="${figure}"] [data-role=formula]`).getAttribute('data-tex')) ?? '').replace(/\\htmlData\{[^}]*\}/g, '').replace(/[{}]/g, '');

/**
 * The formula's drawing and MathML text at the first change whose drawing shows `text`. The
 * watcher is armed before `step` runs and reads both in the microtask after that change, so a
 * slow machine cannot let the pause's MathML update land before it looks.
 */
const whenDrawn = async (formula: Locator, text: string, step: () => Promise<void>): Promise<{ drawing: string; mathml: string }> => {
  await formula.evaluate((el, want) => {
    const box = el as HTMLElement & { seenDrawn?: { drawing: string; mathml: string } };
    delete box.seenDrawn;
    const watcher = new MutationObserver(() => {
      const drawing = el.querySelector('.katex-html')?.textContent ?? '';
      if (!drawing.includes(want)) return;
      box.seenDrawn = { drawing, mathml: el.querySelector('.katex-mathml')?.textContent ?? '' };
      watcher.disconnect();
    });
    watcher.observe(el, { subtree: true, childList: true, characterData: true });
  }, text);
  await step();
  await expect.poll(() => formula.evaluate((el) => (el as HTMLElement & { seenDrawn?: unknown }).seenDrawn ?? null)).not.toBeNull();
  return formula.evaluate((el) => (el as HTMLElement & { seenDrawn: { drawing: string; mathml: string } }).seenDrawn);
};

describe('chapter 1: conv-geometry (standard)', () => {
  it('follows the M slider from the keyboard and highlights what a focused kernel reads', async () => {
    const { page, problems, done } = await visit(tab);
    await page.goto(`${baseURL()}/standard-convolution/`);
    const fig = page.locator('[data-figure="conv-geometry"]');
    await fig.scrollIntoViewIfNeeded();
    await figuresReady(page);
    // Defaults K 3, M 32, N 64: params 3·3·32·64 (Howard et al. 2017, eq. 1 weights).
    expect(await exact(page, 'conv-geometry', 'params')).toBe(String(9 * 32 * 64));
    await fig.getByRole('slider', { name: /Input channels/ }).focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => exact(page, 'conv-geometry', 'connections')).toBe(String(33 * 64));
    await expect.poll(() => plainTex(page, 'conv-geometry')).toContain('3 \\cdot 3 \\cdot 33 \\cdot 64');
    // KaTeX is here now. The next step only changes numbers: they are written into the drawing
    // just after the frame of the step, and the MathML that screen readers read follows when the
    // steps pause.
    const formula = fig.locator('[data-role=formula]');
    await expect.poll(() => formula.locator('.katex-mathml').textContent()).toContain('33');
    const seen = await whenDrawn(formula, '34', () => page.keyboard.press('ArrowRight'));
    expect(seen.drawing).toContain('3⋅3⋅34⋅64');
    expect(seen.mathml).not.toContain('34');
    await expect.poll(() => formula.locator('.katex-mathml').textContent()).toContain('34');
    expect(await formula.locator('.katex-html').textContent()).toContain('3⋅3⋅34⋅64');
    // Tab from the last control into the figure: the first kernel takes focus and shows the inputs it reads.
    await fig.getByRole('spinbutton', { name: /Stride/ }).focus();
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');
    expect(focused).toBe('Kernel 1 (output channel 1) reads all 34 input channels');
    const kernel = fig.locator('.kernel').first();
    await expect.poll(() => kernel.locator('.reads').first().evaluate((e) => getComputedStyle(e).opacity)).toBe('1');
    expect(await fig.locator('.kernel').nth(1).locator('.reads').first().evaluate((e) => getComputedStyle(e).opacity)).toBe('0');
    expect(problems).toEqual([]);
    await done();
  });
});

/** The matrix cells drawn filled: each kernel's are one path of rectangles ("M x y h w v h h -w z"). */
const filledCells = (fig: Locator): Promise<number> => fig.locator('svg .cell.on').evaluateAll((els) => els.reduce((n, e) => n + (e.getAttribute('d')?.match(/z/g)?.length ?? 0), 0));

describe('chapter 2: conv-geometry (grouped)', () => {
  it('goes from block-diagonal to diagonal as G grows, and switches layer type with the select', async () => {
    const { page, problems, done } = await visit(tab);
    await page.goto(`${baseURL()}/grouped-convolution/`);
    const fig = page.locator('[data-figure="conv-geometry"]');
    await figuresReady(page);
    // Page defaults M = N = 16, G = 4: 16·16/4 connections.
    expect(await exact(page, 'conv-geometry', 'connections')).toBe('64');
    const g = fig.getByRole('spinbutton', { name: /Groups/ });
    await g.fill('16');
    await g.press('Enter');
    await expect.poll(() => exact(page, 'conv-geometry', 'connections')).toBe('16');
    expect(await filledCells(fig)).toBe(16);
    expect(await fig.locator('.kernel').nth(5).getAttribute('aria-label')).toBe('Kernel 6 (output channel 6) reads input channel 6');
    // G = 5 does not divide 16: the last possible drawing (G = 4) greyed, with the reason.
    await g.fill('5');
    await g.press('Enter');
    await expect.poll(() => fig.locator('[data-role=stale-reason]').textContent()).toContain('G = 5 does not divide both M = 16 and N = 16');
    expect(await fig.locator('[data-role=error]').count()).toBe(0);
    expect(await filledCells(fig)).toBe(64);
    expect(await fig.locator('svg').innerHTML()).not.toContain('NaN');
    await g.fill('1');
    await g.press('Enter');
    await expect.poll(() => exact(page, 'conv-geometry', 'connections')).toBe('256');
    // Layer type from the keyboard: grouped → depthwise → pointwise.
    const select = fig.getByRole('combobox', { name: /Layer type/ });
    await select.focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => fig.locator('svg').getAttribute('data-layer')).toBe('depthwise');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => fig.locator('svg').getAttribute('data-layer')).toBe('pointwise');
    expect(await exact(page, 'conv-geometry', 'params')).toBe(String(16 * 16));
    await expect.poll(() => new URL(page.url()).searchParams.get('layer')).toBe('3');
    expect(problems).toEqual([]);
    await done();
  });

  it('turns a hostile link into messages, never NaN or markup', async () => {
    const { page, problems, done } = await visit(tab);
    const evil = encodeURIComponent('"><img src=x onerror="document.body.dataset.pwned=1">');
    await page.goto(`${baseURL()}/grouped-convolution/?g=7&m=32&layer=${evil}&k=1e999`);
    const fig = page.locator('[data-figure="conv-geometry"]');
    await fig.scrollIntoViewIfNeeded();
    await figuresReady(page);
    expect(await fig.locator('[data-role=stale-reason]').textContent()).toContain('G = 7 does not divide both M = 32 and N = 16');
    const text = await page.locator('#param-messages').innerText();
    expect(text).toContain('Layer type (layer) must be a number');
    expect(text).toContain('Kernel size (k)');
    expect(await page.locator('main img').count()).toBe(0);
    expect(await page.evaluate(() => document.body.dataset.pwned)).toBeUndefined();
    expect(await page.locator('main').innerText()).not.toContain('NaN');
    expect(problems).toEqual([]);
    await done();
  });
});

describe('chapter 1: space to scale, and a standard layer to step through', () => {
  it('at stride 2 the output grid is drawn half the input’s size, named D_G = ⌈14 / 2⌉ = 7 in figure and formula', async () => {
    const { page, problems, done } = await visit(tab);
    await page.goto(`${baseURL()}/standard-convolution/`);
    const fig = page.locator('[data-figure="conv-geometry"]');
    await fig.scrollIntoViewIfNeeded();
    await figuresReady(page);
    const side = async (cls: string) => Number(await fig.locator(`.${cls} .face-bg`).getAttribute('width'));
    expect(await side('face-out')).toBeCloseTo(await side('face-in'), 3);
    const stride = fig.getByRole('spinbutton', { name: /Stride/ });
    await stride.fill('2');
    await stride.press('Enter');
    await expect.poll(() => exact(page, 'conv-geometry', 'output-size')).toBe('7');
    expect((await side('face-out')) / (await side('face-in'))).toBeCloseTo(0.5, 3);
    const tex = await plainTex(page, 'conv-geometry');
    expect(tex).toContain('D_G \\cdot D_G');
    expect(tex).toContain('3 \\cdot 3 \\cdot 32 \\cdot 64 \\cdot 7 \\cdot 7');
    expect(tex).not.toContain('D_F');
    // The kernel window on the input covers D_K of its D_F cells.
    const win = Number(await fig.locator('rect.window:not(.window-next)').getAttribute('width'));
    expect(win / (await side('face-in'))).toBeCloseTo(3 / 14, 3);
    expect(problems).toEqual([]);
    await done();
  });

  it('plays a standard convolution, pauses it, and scrubs to the last of its 54 steps', async () => {
    const { page, problems, done } = await visit(tab);
    await page.goto(`${baseURL()}/standard-convolution/`);
    const fig = page.locator('[data-figure="conv-steps"]');
    await fig.scrollIntoViewIfNeeded();
    await figuresReady(page);
    expect(await fig.locator('svg').getAttribute('data-mode')).toBe('standard');
    expect(await fig.locator('[data-role=count]').textContent()).toBe('54');
    const { at } = standardStepsFor(1);
    const play = fig.getByRole('button', { name: 'Play' });
    await play.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => fig.locator('output').textContent(), { timeout: 5000 }).not.toBe('1');
    await fig.getByRole('button', { name: 'Pause' }).click();
    const paused = await fig.locator('output').textContent();
    await page.waitForTimeout(1500);
    expect(await fig.locator('output').textContent()).toBe(paused);
    const scrubber = fig.getByRole('slider', { name: 'Step' });
    await scrubber.focus();
    await page.keyboard.press('End');
    await expect.poll(() => exact(page, 'conv-steps', 'step-value')).toBe(String(at(53).part.value));
    expect(await fig.locator('output').textContent()).toBe('54');
    // After the third channel the output value is there, as the reference convolution gives it.
    expect(await fig.locator('[data-quantity=output]').count()).toBe(18);
    expect(problems).toEqual([]);
    await done();
  });
});

describe('chapter 2: the G slider at the page’s M = N = 16', () => {
  it('every G from 1 to 64 draws something, never an error, and the figure keeps its height (no page jump)', async () => {
    const { page, problems, done } = await visit(tab);
    await page.goto(`${baseURL()}/grouped-convolution/`);
    const fig = page.locator('[data-figure="conv-geometry"]');
    await fig.scrollIntoViewIfNeeded();
    await figuresReady(page);
    const slider = fig.getByRole('slider', { name: /Groups/ });
    await slider.focus();
    await page.keyboard.press('Home');
    await expect.poll(() => exact(page, 'conv-geometry', 'connections')).toBe('256');
    const height = (await fig.boundingBox())!.height;
    let greyed = 0;
    for (let g = 2; g <= 64; g++) {
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => fig.getByRole('spinbutton', { name: /Groups/ }).inputValue()).toBe(String(g));
      // The box shows G before the figure redraws: wait for the picture of this G (greyed when G
      // does not divide 16), then look at it.
      const stale = async (): Promise<boolean> => (await fig.locator('svg').getAttribute('data-stale')) !== null;
      await expect.poll(stale, { message: `G = ${g}` }).toBe(16 % g !== 0);
      expect(await fig.locator('[data-role=error]').count()).toBe(0);
      expect(Math.abs((await fig.boundingBox())!.height - height)).toBeLessThanOrEqual(1);
      if (await stale()) greyed++;
    }
    // Of G = 2 … 64 only 2, 4, 8 and 16 divide 16: the other 59 are greyed, none an error.
    expect(greyed).toBe(59);
    expect(problems).toEqual([]);
    await done();
  });

  it('colours groups apart from the depthwise blue and the pointwise orange', async () => {
    const { page, problems, done } = await visit(tab);
    await page.goto(`${baseURL()}/grouped-convolution/`);
    const fig = page.locator('[data-figure="conv-geometry"]');
    await fig.scrollIntoViewIfNeeded();
    await figuresReady(page);
    const [slabColours, depthwise, pointwise] = await fig.evaluate((el) => {
      const probe = (v: string) => {
        const r = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
        r.style.fill = `var(${v})`;
        el.querySelector('svg')!.appendChild(r);
        const c = getComputedStyle(r).fill;
        r.remove();
        return c;
      };
      const fills = [...el.querySelectorAll('.tensor .slab')].map((s) => getComputedStyle(s).fill);
      return [[...new Set(fills)], probe('--c-depthwise'), probe('--c-pointwise')];
    });
    expect(slabColours.length).toBeGreaterThanOrEqual(4);
    expect(slabColours).not.toContain(depthwise);
    expect(slabColours).not.toContain(pointwise);
    expect(problems).toEqual([]);
    await done();
  });
});

describe('chapter 3: conv-geometry’s formula linked to its matrices', () => {
  it('pointing at the pointwise cost lights the pointwise matrix; a focused depthwise kernel lights the depthwise cost', async () => {
    const { page, problems, done } = await visit(tab);
    await page.goto(`${baseURL()}/depthwise-separable/`);
    const fig = page.locator('[data-figure="conv-geometry"]');
    await fig.scrollIntoViewIfNeeded();
    await figuresReady(page);
    await expect.poll(() => fig.locator('[data-role=formula] .katex-html [data-term="pointwise"]').count()).toBeGreaterThan(0);
    await fig.locator('[data-role=formula] .katex-html [data-term="pointwise"]').first().hover();
    await expect.poll(() => fig.locator('.matrix[data-term="pointwise"]').getAttribute('data-lit')).toBe('');
    expect(await fig.locator('.matrix[data-term="depthwise"]').getAttribute('data-lit')).toBeNull();
    await page.mouse.move(0, 0);
    await fig.locator('.matrix[data-term="depthwise"] .kernel').first().focus();
    await expect.poll(() => fig.locator('[data-role=formula] [data-term="depthwise"][data-lit]').count()).toBeGreaterThan(0);
    await expect.poll(() => fig.locator('[data-role=announce]').textContent()).toContain('Depthwise matrix');
    // From the keyboard on the formula: ← → go through its two terms.
    await fig.locator('[data-role=formula]').focus();
    const seen = new Set<string>();
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press('ArrowRight');
      seen.add((await fig.getAttribute('data-lit-term')) ?? '');
    }
    expect([...seen].sort()).toEqual(['depthwise', 'pointwise']);
    expect(problems).toEqual([]);
    await done();
  });
});

describe('chapter 3: a formula whose shape changes during a drag', () => {
  it('redraws its drawing at once when a number gains or loses a thousands separator, and its MathML when the steps pause', async () => {
    const { page, problems, done } = await visit(tab);
    // M = 111: the depthwise cost 3²·111 = 999 has no separator, 3²·112 = 1,008 has one.
    await page.goto(`${baseURL()}/depthwise-separable/?m=111`);
    const fig = page.locator('[data-figure="conv-geometry"]');
    await fig.scrollIntoViewIfNeeded();
    await figuresReady(page);
    const formula = fig.locator('[data-role=formula]').first();
    await fig.getByRole('slider', { name: /Input channels/ }).focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => formula.locator('.katex-mathml').textContent()).toContain('1,008');
    const seen = await whenDrawn(formula, '999', () => page.keyboard.press('ArrowLeft'));
    expect(seen.drawing).not.toContain('1,008');
    expect(seen.mathml).toContain('1,008');
    const drawn = await formula.locator('.katex-html').innerHTML();
    await expect.poll(() => formula.locator('.katex-mathml').textContent()).toContain('999');
    // The whole typeset that follows draws what the drawing already showed.
    expect(await formula.locator('.katex-html').innerHTML()).toBe(drawn);
    expect(await formula.locator('.katex-mathml').textContent()).not.toContain('1,008');
    // The page's own KaTeX rules and faces drew every step: KaTeX's whole stylesheet and faces,
    // which would restyle every formula on the page, were never linked.
    expect(await page.locator('link[data-katex-css-all], link[data-katex-faces-all]').count()).toBe(0);
    expect(problems).toEqual([]);
    await done();
  });
});

describe('chapter 3 on a phone: formulas wider than the screen', () => {
  it('scroll sideways as labelled keyboard regions whose right edge fades out until the reader reaches it', async () => {
    const { context, page, problems } = await watchedPage(browser, { viewport: { width: 360, height: 800 } });
    await page.goto(`${baseURL()}/depthwise-separable/`);
    const regions = page.locator('.katex-display[data-scroll-region]');
    await expect.poll(() => regions.count()).toBeGreaterThan(0);
    const box = (await regions.first().elementHandle())!;
    expect(await box.getAttribute('role')).toBe('region');
    expect(await box.getAttribute('tabindex')).toBe('0');
    expect(await box.getAttribute('aria-label')).toBeTruthy();
    const fade = () => box.evaluate((e) => [e.dataset.scrollMore !== undefined, getComputedStyle(e).maskImage !== 'none']);
    expect(await fade()).toEqual([true, true]);
    await box.evaluate((e) => {
      e.scrollLeft = e.scrollWidth;
    });
    await expect.poll(fade).toEqual([false, false]);
    await box.evaluate((e) => {
      e.scrollLeft = 0;
    });
    await expect.poll(fade).toEqual([true, true]);
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('chapters 1–3: figure text', () => {
  it('writes no raw D_K or D_F with an underscore in these figures’ captions or pictures', async () => {
    const { page, problems, done } = await visit(tab);
    for (const route of ['/standard-convolution/', '/grouped-convolution/', '/depthwise-separable/']) {
      await page.goto(`${baseURL()}${route}`);
      for (const id of ['conv-geometry', 'conv-steps', 'cost-bars', 'ratio-curves']) {
        for (const fig of await page.locator(`[data-figure="${id}"]`).all()) {
          const text = await fig.evaluate((el) => [el.querySelector('figcaption')?.textContent ?? '', ...[...el.querySelectorAll('svg text')].map((t) => t.textContent ?? '')].join(' '));
          expect(text, `${route} ${id}`).not.toMatch(/\b[A-Z]_[A-Z]\b/);
        }
      }
    }
    expect(problems).toEqual([]);
    await done();
  });
});

describe('chapter 3: conv-steps, ratio-curves, cost-bars', () => {
  it('steps forward and back with the buttons from the keyboard; each sum equals the reference value', async () => {
    const { page, problems, done } = await visit(tab);
    await page.goto(`${baseURL()}/depthwise-separable/`);
    const fig = page.locator('[data-figure="conv-steps"]');
    await fig.scrollIntoViewIfNeeded();
    await figuresReady(page);
    const { at } = stepsFor(1);
    const value = () => exact(page, 'conv-steps', 'step-value');
    const sum = () => fig.locator('[data-role=sum]').textContent();
    expect(await value()).toBe(String(at(0).step.value));
    const first = await sum();
    const next = fig.getByRole('button', { name: /Next step/ });
    await next.focus();
    await page.keyboard.press('Enter');
    await expect.poll(value).toBe(String(at(1).step.value));
    expect(await sum()).not.toBe(first);
    expect(await fig.locator('output').textContent()).toBe('2');
    // The printed products add up to the printed value.
    const text = (await sum()) ?? '';
    const [lhs, rhs] = text.replace(/−/g, '-').split('=');
    const total = lhs.split('+').reduce((s, term) => s + term.split('·').map((f) => Number(f.replace(/[()\s]/g, ''))).reduce((a, b) => a * b, 1), 0);
    expect(total).toBe(Number(rhs.trim()));
    await fig.getByRole('button', { name: /Previous step/ }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(value).toBe(String(at(0).step.value));
    expect(await sum()).toBe(first);
    expect(problems).toEqual([]);
    await done();
  });

  it('draws the window on top on all four edges (no neighbouring cell paints over it)', async () => {
    const { page, problems, done } = await visit(tab);
    await page.goto(`${baseURL()}/depthwise-separable/?step=4`);
    const fig = page.locator('[data-figure="conv-steps"]');
    await fig.scrollIntoViewIfNeeded();
    await figuresReady(page);
    const win = fig.locator('rect.cs-hl-dw').first();
    const b = (await win.boundingBox())!;
    const edges = [
      [b.x + b.width / 2, b.y + 1],
      [b.x + b.width - 1, b.y + b.height / 2],
      [b.x + b.width / 2, b.y + b.height - 1],
      [b.x + 1, b.y + b.height / 2],
    ];
    for (const [x, y] of edges) {
      const top = await page.evaluate(([px, py]) => document.elementFromPoint(px, py)?.getAttribute('class') ?? '', [x, y]);
      expect(top, `edge at ${Math.round(x)}, ${Math.round(y)}`).toContain('cs-hl');
    }
    expect(problems).toEqual([]);
    await done();
  });

  it('restores a pointwise step from the link and clamps one past the end', async () => {
    const { page, problems, done } = await visit(tab);
    const { at } = stepsFor(1);
    await page.goto(`${baseURL()}/depthwise-separable/?step=30`);
    const fig = page.locator('[data-figure="conv-steps"]');
    await fig.scrollIntoViewIfNeeded();
    await figuresReady(page);
    expect(await exact(page, 'conv-steps', 'step-value')).toBe(String(at(30).step.value));
    expect(await fig.locator('svg').getAttribute('data-phase')).toBe('pointwise');
    await page.goto(`${baseURL()}/depthwise-separable/?step=500`);
    await page.locator('[data-figure="conv-steps"]').scrollIntoViewIfNeeded();
    await figuresReady(page);
    expect(await exact(page, 'conv-steps', 'step-value')).toBe(String(at(44).step.value));
    expect(problems).toEqual([]);
    await done();
  });

  it('moves the ratio-curves marker and the cost bars with K and N', async () => {
    const { page, problems, done } = await visit(tab);
    await page.goto(`${baseURL()}/depthwise-separable/?k=5&n=256`);
    const fig = page.locator('[data-figure="ratio-curves"]');
    await fig.scrollIntoViewIfNeeded();
    await figuresReady(page);
    // 1/256 + 1/25 = 281/6400.
    expect(await fig.locator('[data-quantity=ratio]').getAttribute('data-fraction')).toBe('281/6400');
    await fig.getByRole('slider', { name: /Kernel size/ }).focus();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    // K = 3: 1/256 + 1/9 = 265/2304, marked on the highlighted K = 3 curve.
    await expect.poll(() => fig.locator('[data-quantity=ratio]').getAttribute('data-fraction')).toBe('265/2304');
    expect(await fig.locator('.rc-current').getAttribute('data-k')).toBe('3');
    await page.locator('[data-figure="cost-bars"]').scrollIntoViewIfNeeded();
    await figuresReady(page);
    expect(await exact(page, 'cost-bars', 'macs-standard')).toBe(String(9 * 32 * 256 * 196));
    expect(problems).toEqual([]);
    await done();
  });
});

describe('chapter 3: the ConvBench live block', () => {
  it('loads no tfjs before Run, then times both layers on cpu and checks the factorable kernel', async () => {
    const { context, page, problems } = await watchedPage(browser);
    // Headless Chromium may still offer a software WebGL; take it away so the block must fall
    // back to the cpu backend without a console error, as on a machine with no GPU.
    await page.addInitScript(() => {
      const get = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, type: string, ...rest: unknown[]) {
        return type.startsWith('webgl') ? null : (get as (...a: unknown[]) => unknown).call(this, type, ...rest);
      } as typeof get;
    });
    const scripts: { url: string; body: Promise<string> }[] = [];
    page.on('response', (r) => {
      if (r.url().endsWith('.js')) scripts.push({ url: r.url(), body: r.text().catch(() => '') });
    });
    await page.goto(`${baseURL()}/depthwise-separable/`, { waitUntil: 'networkidle' });
    const block = page.locator('conv-bench');
    await block.scrollIntoViewIfNeeded();
    await page.waitForTimeout(300);
    // Before Run: the static prediction is there, and no tfjs code has been fetched.
    expect(Number(await block.locator('[data-quantity="theoretical-speedup"]').getAttribute('data-exact'))).toBeCloseTo(576 / 73, 12);
    const before = [...scripts];
    expect(before.length).toBeGreaterThan(0);
    for (const s of before) {
      expect(s.url).not.toMatch(/\/_astro\/(load|conv-bench|tf-core|tf-backend)[.-]/);
      // tfjs-core's engine logs this when a backend fails; no other code on the page contains it.
      expect(await s.body).not.toContain('Initialization of backend');
    }
    const run = block.getByRole('button', { name: /Run in TensorFlow.js/ });
    await expect.poll(() => run.isEnabled()).toBe(true);
    await run.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => block.getAttribute('data-state'), { timeout: 40_000 }).toBe('done');
    const after = scripts.slice(before.length).map((s) => s.url);
    expect(after.some((u) => /\/_astro\/load\./.test(u))).toBe(true);
    const backend = await block.locator('[data-role=backend]').textContent();
    expect(backend).toBe('cpu');
    expect(await block.locator('[data-role=status]').textContent()).toContain('this browser offers no WebGL');
    const measured = Number(await block.locator('[data-role=measured]').getAttribute('data-exact'));
    expect(measured).toBeGreaterThan(0);
    expect(Number.isFinite(measured)).toBe(true);
    const diff = Number(await block.locator('[data-role=max-diff]').getAttribute('data-exact'));
    // Small integers are exact in float32, so on cpu the two outputs are identical, and equal to the exact ones.
    expect(diff).toBe(0);
    expect(await block.locator('[data-role=max-diff]').getAttribute('data-differing')).toBe('0');
    expect(await block.locator('[data-role=max-diff]').textContent()).toMatch(/^identical in all [\d,]+ outputs/);
    // The results as a chart: a bar per layer with a dot per timed run, and measured beside predicted speed-up.
    const chart = block.locator('[data-role=chart] svg');
    expect(await chart.locator('rect.cb-standard').count()).toBe(1);
    expect(await chart.locator('rect.cb-separable').count()).toBe(1);
    expect(await chart.locator('.cb-runs circle.cb-run').count()).toBe(14);
    expect(Number(await chart.locator('rect.cb-speed-measured').getAttribute('data-speedup'))).toBeCloseTo(measured, 6);
    const approx = Number(await block.locator('[data-role=approx]').getAttribute('data-exact'));
    expect(approx).toBeGreaterThan(0.05);
    expect(approx).toBeLessThan(1);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('on the WebGL backend (software WebGL in headless Chromium), any output that differs is one that should be 0, by about 1e-15', async () => {
    const { page, problems, done } = await visit(tab);
    await page.goto(`${baseURL()}/depthwise-separable/`, { waitUntil: 'networkidle' });
    const block = page.locator('conv-bench');
    await block.scrollIntoViewIfNeeded();
    const run = block.getByRole('button', { name: /Run in TensorFlow.js/ });
    await expect.poll(() => run.isEnabled()).toBe(true);
    await run.click();
    await expect.poll(() => block.getAttribute('data-state'), { timeout: 90_000 }).toBe('done');
    const backend = await block.locator('[data-role=backend]').textContent();
    const cell = block.locator('[data-role=max-diff]');
    const diff = Number(await cell.getAttribute('data-exact'));
    const differing = Number(await cell.getAttribute('data-differing'));
    const text = (await cell.textContent()) ?? '';
    console.info(`ConvBench on ${backend}: ${text}`);
    // The packed WebGL convolutions start each sum at 1e-15 and subtract it at the end (tfjs-backend-webgl 4.22):
    // a sum that returns to 0 keeps ±1e-15. Everything else is exact, on every backend.
    expect(diff).toBeLessThan(1e-14);
    if (differing > 0) {
      expect(await cell.getAttribute('data-exact-at-worst')).toBe('0');
      expect(text).toContain('at an output whose exact value is 0');
      expect(text).toMatch(/float32 numbers near the largest output, [\d,]+, are [\d.]+e-\d+ apart/);
    } else expect(text).toMatch(/^identical in all/);
    expect(problems).toEqual([]);
    await done();
  });

  it('refuses sizes too large to time in a tab, and says why', async () => {
    const { page, problems, done } = await visit(tab);
    await page.goto(`${baseURL()}/depthwise-separable/?k=11&m=2048&n=2048`);
    const block = page.locator('conv-bench');
    await block.scrollIntoViewIfNeeded();
    await expect.poll(() => block.locator('[data-role=refusal]').isVisible()).toBe(true);
    expect(await block.locator('[data-role=refusal]').textContent()).toContain('more than the 16,777,216');
    expect(await block.getByRole('button', { name: /Run in TensorFlow.js/ }).isDisabled()).toBe(true);
    expect(problems).toEqual([]);
    await done();
  });

  it('refuses the same sizes on the Chinese page, in Chinese', async () => {
    const { page, problems, done } = await visit(tab);
    await page.goto(`${baseURL()}/zh/depthwise-separable/?k=11&m=2048&n=2048`);
    const block = page.locator('conv-bench');
    await block.scrollIntoViewIfNeeded();
    await expect.poll(() => block.locator('[data-role=refusal]').isVisible()).toBe(true);
    // Kernel 11² · 2048 · 2048 = 507,510,784 numbers, more than 2²⁴ = 16,777,216.
    expect(await block.locator('[data-role=refusal]').textContent()).toBe(
      '这组尺寸需要一个含 507,510,784 个数的张量，超过了本页在浏览器中给自己定的上限 16,777,216 个（float32 下为 64 MiB）。',
    );
    expect(await block.getByRole('button', { name: /用 TensorFlow.js 运行/ }).isDisabled()).toBe(true);
    expect(problems).toEqual([]);
    await done();
  });
});
