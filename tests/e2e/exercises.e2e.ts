// "Check yourself": every chapter's exercises answered wrongly and rightly from the keyboard, a
// prediction that locks before its reveal, new numbers in the URL, progress kept, sheets printed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { baseURL, launch, visit, watchedPage } from './harness';
import { EXERCISE_CHAPTERS, type ComputeExercise, type MisconceptionExercise, type PredictExercise } from '../../src/lib/exercises';
import { exercisesFor } from '../../src/components/exercises/localize';

let browser: Browser;
// One tab for the tests that read pages without counting requests: each is a visit in it (harness.ts).
let tab: Page;
beforeAll(async () => {
  browser = await launch();
  tab = await (await browser.newContext({ reducedMotion: 'reduce' })).newPage();
});
afterAll(async () => {
  await browser.close();
});

async function ready(page: Page): Promise<void> {
  // The exercises' code is fetched when their block comes near the viewport.
  await page.evaluate(() => document.querySelector('sep-exercises')?.scrollIntoView({ behavior: 'instant' }));
  await page.waitForFunction(() => document.querySelector<HTMLElement>('sep-exercises')?.dataset.ready !== undefined);
}

describe.each(EXERCISE_CHAPTERS)('exercises of /%s/', (chapter) => {
  it('answers one exercise of each kind wrongly, then rightly, from the keyboard', async () => {
    const { page, context, problems } = await watchedPage(browser, { viewport: { width: 360, height: 800 } });
    await page.goto(`${baseURL()}/${chapter}/?ex=3`);
    await ready(page);
    const set = exercisesFor(chapter, 3);
    const compute = set.find((e): e is ComputeExercise => e.kind === 'compute')!;
    const box = page.locator(`[data-id="${compute.id}"]`);
    const input = box.locator('[data-role=answer]');
    await input.focus();
    await page.keyboard.type('1');
    await page.keyboard.press('Enter');
    await expect.poll(() => box.locator('[data-role=feedback]').getAttribute('class')).toContain('ex-wrong');
    await input.fill('');
    await input.focus();
    await page.keyboard.type(String(compute.answer));
    await page.keyboard.press('Enter');
    await expect.poll(() => box.locator('[data-role=feedback]').textContent()).toBe('Correct.');
    // The worked solution opens from the keyboard and is typeset.
    await box.locator('[data-role=solution]').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => box.locator('.ex-solution .katex').count()).toBeGreaterThan(0);

    for (const kind of ['predict', 'misconception'] as const) {
      const choice = set.find((e): e is PredictExercise | MisconceptionExercise => e.kind === kind);
      if (!choice) continue;
      const cbox = page.locator(`[data-id="${choice.id}"]`);
      const right = choice.kind === 'predict' ? choice.correct : choice.choices.findIndex((c) => c.correct);
      const wrong = right === 0 ? 1 : 0;
      const pickAndPress = async (index: number, role: string): Promise<void> => {
        await cbox.locator('[data-role=choice]').nth(index).focus();
        await page.keyboard.press('Space');
        await cbox.locator(`[data-role=${role}]`).focus();
        await page.keyboard.press('Enter');
      };
      if (choice.kind === 'predict') {
        for (const [index, verdict] of [[wrong, 'ex-wrong'], [right, 'ex-correct']] as const) {
          // Nothing to reveal before a guess is locked in; the figure shows the "before" state.
          expect(await cbox.locator('[data-role=reveal]').count()).toBe(0);
          await pickAndPress(index, 'lock');
          await expect.poll(() => cbox.locator('[data-role=choice]').first().isDisabled()).toBe(true);
          expect(await cbox.locator('.ex-figure').getAttribute('data-state')).toBe('before');
          await cbox.locator('[data-role=reveal]').focus();
          await page.keyboard.press('Enter');
          await expect.poll(() => cbox.locator('.ex-figure').getAttribute('data-state')).toBe('after');
          await expect.poll(() => cbox.locator('[data-role=feedback]').getAttribute('class')).toContain(verdict);
          // A fresh visit asks again.
          await page.reload();
          await ready(page);
        }
      } else {
        await pickAndPress(wrong, 'check-choice');
        await expect.poll(() => cbox.locator('[data-role=feedback]').getAttribute('class')).toContain('ex-wrong');
        await pickAndPress(right, 'check-choice');
        await expect.poll(() => cbox.locator('[data-role=feedback]').getAttribute('class')).toContain('ex-correct');
      }
    }
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('exercise sets and progress', () => {
  it('draws new numbers into the URL, keeps progress across a reload, and clears it', async () => {
    const { page, problems, done } = await visit(tab);
    await page.goto(`${baseURL()}/depthwise-separable/`);
    await ready(page);
    const first = exercisesFor('depthwise-separable', 1)[0] as ComputeExercise;
    const box = page.locator(`[data-id="${first.id}"]`);
    await box.locator('[data-role=answer]').fill(String(first.answer));
    await box.locator('[data-role=answer]').press('Enter');
    await expect.poll(() => page.locator('[data-role=progress]').textContent()).toMatch(/^1 of/);
    await page.reload();
    await ready(page);
    await expect.poll(() => page.locator('[data-role=progress]').textContent()).toMatch(/^1 of/);
    await page.locator('[data-role=new]').click();
    await expect.poll(() => new URL(page.url()).searchParams.get('ex')).toBe('2');
    const second = exercisesFor('depthwise-separable', 2)[0];
    await expect.poll(() => page.locator(`[data-id="${second.id}"] .ex-prompt`).textContent()).toBe(second.prompt.replace(/\$/g, ''));
    await page.goto(`${baseURL()}/depthwise-separable/?ex=1`);
    await ready(page);
    await page.locator('[data-role=clear]').click();
    await expect.poll(() => page.locator('[data-role=progress]').textContent()).toMatch(/^0 of/);
    expect(problems).toEqual([]);
    await done();
  });

  it('prints a sheet per seed, with the worked solutions on pages of their own', async () => {
    const { page, problems, done } = await visit(tab);
    await page.goto(`${baseURL()}/exercises/mobilenet-v1/?seed=7&count=2&solutions=1`);
    await page.waitForFunction(() => document.querySelector<HTMLElement>('exercise-sheets')?.dataset.ready !== undefined);
    expect(await page.locator('.sheet').count()).toBe(2);
    expect(await page.locator('.sheet').first().getAttribute('data-seed')).toBe('7');
    expect(await page.locator('.sheet-solutions .katex').count()).toBeGreaterThan(0);
    const first = exercisesFor('mobilenet-v1', 7)[0];
    expect(await page.locator('.sheet').first().textContent()).toContain(first.prompt.replace(/\$/g, '').slice(0, 40));
    const pdf = await page.pdf({ format: 'A4' });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    // Two sets, each with its solutions on a page of its own: at least four pages.
    expect(pages).toBeGreaterThanOrEqual(4);
    expect(problems).toEqual([]);
    await done();
  });

  it("follows a chapter's print link to the chapter's set, and explains a sheet address it cannot use as given", async () => {
    const { page, problems, done } = await visit(tab);
    // The chapter's set 7 must reach the sheet: the link names it with ex, which the sheet keeps and reads.
    await page.goto(`${baseURL()}/depthwise-separable/?ex=7`);
    const link = page.locator('a.ex-sheet-link');
    await link.scrollIntoViewIfNeeded();
    await expect.poll(() => link.getAttribute('href')).toContain('ex=7');
    await link.click();
    await page.waitForURL(/\/exercises\/depthwise-separable\//);
    await page.waitForFunction(() => document.querySelector<HTMLElement>('exercise-sheets')?.dataset.ready !== undefined);
    expect(await page.locator('.sheet').first().getAttribute('data-seed')).toBe('7');
    expect(new URL(page.url()).search).toBe('?ex=7');
    await expect.poll(() => page.locator('#param-messages').isHidden()).toBe(true);
    // A set and a count it cannot use: the sheet says what it uses instead, and the address holds that.
    await page.goto(`${baseURL()}/exercises/depthwise-separable/?seed=%3Cb%3Ex&count=0x10`);
    await page.waitForFunction(() => document.querySelector<HTMLElement>('exercise-sheets')?.dataset.ready !== undefined);
    const box = page.locator('#param-messages');
    await expect.poll(() => box.isVisible()).toBe(true);
    const text = (await box.textContent()) ?? '';
    expect(text).toContain('“<b>x” is not a whole number from 1 to 999,999; showing set 1.');
    expect(text).toContain('“0x10” is not a whole number from 1 to 60; printing 1.');
    expect(await box.locator('b').count()).toBe(0);
    expect(new URL(page.url()).search).toBe('?seed=1&count=1');
    expect(problems).toEqual([]);
    await done();
  });
});
