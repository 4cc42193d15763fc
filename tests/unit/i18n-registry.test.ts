// The figures', the figure kit's, the parameters' and the cost model's words per edition: English is
// bundled with the code that shows it (each figure its own; the kit's are registered like another
// edition's, since only a reader's action reads them), the Chinese words are registered by
// the module that loads them (src/i18n/editions.ts for the build, src/i18n/figures.load.ts on a
// Chinese page). A language asked for before it is registered must throw: falling back to English
// would put English words on a Chinese page without any error.
import { describe, expect, it, vi } from 'vitest';
import { activationsEn } from '../../src/i18n/figures/activations.en';

/** Fresh copies of the string modules, without the registration the test setup makes. */
async function fresh() {
  vi.resetModules();
  const [figures, kit, params, errors, registry] = await Promise.all([
    import('../../src/i18n/figures'),
    import('../../src/i18n/kit'),
    import('../../src/i18n/params'),
    import('../../src/i18n/errors'),
    import('../../src/i18n/registry'),
  ]);
  return { figures, kit, params, errors, registry };
}

/** What `f` throws (fails the test when it returns). */
function thrown(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error('expected a throw');
}

describe('edition registries', () => {
  it('have English built in (the kit’s once its module is in) and refuse Chinese until it is registered', async () => {
    const { figures, kit, params, errors } = await fresh();
    expect(figures.figureWords('en', 'activations', activationsEn).names).toEqual(['ReLU', 'ReLU6', 'linear']);
    // The kit's words, English too, come with the module that registers them (fetched when a reader acts).
    expect(() => kit.kitText('en')).toThrow(/figure kit words for "en"/);
    await import('../../src/i18n/kit.en.register');
    expect(kit.kitText('en').menu.summary).toBe('Share or export');
    expect(params.paramText('en').label.k).toBe('Kernel size');
    const refusal = { code: 'invalid-size', message: 'Sizes must be positive, got 0.' } as const;
    expect(errors.costErrorText(refusal, 'en')).toBe(refusal.message);
    expect(() => figures.figureWords('zh', 'activations', activationsEn)).toThrow(/No figure words for "zh" \(activations\) are registered yet/);
    // The whole English set is the build's (every figure at once); a page never asks for it.
    expect(() => figures.figureText('en')).toThrow(/figure words for "en"/);
    expect(() => errors.costErrorText(refusal, 'zh')).toThrow(/cost-model error words for "zh"/);
    expect(() => kit.kitText('zh')).toThrow(/figure kit words for "zh"/);
    expect(() => params.paramText('zh')).toThrow(/parameter words for "zh"/);
    // A parameter message on a Chinese page cannot come out in English either.
    expect(() => params.describeIssue({ name: 'k', given: 'abc', reason: 'not-a-number', used: 3 }, 'zh')).toThrow(/parameter words/);
  });

  it('name the area and language that are missing, so a page can fetch just those words and draw again', async () => {
    const { kit, params, errors, registry } = await fresh();
    const refusal = { code: 'overflow', message: 'Count exceeds 2^53 - 1.' } as const;
    const cases: [() => unknown, string][] = [
      [() => kit.kitText('zh'), 'kit'],
      [() => params.paramText('zh'), 'params'],
      [() => errors.costErrorText(refusal, 'zh'), 'errors'],
    ];
    for (const [f, area] of cases) {
      const e = thrown(f);
      expect(e).toBeInstanceOf(registry.WordsNotRegistered);
      expect(e).toMatchObject({ area, lang: 'zh' });
    }
  });

  it('serves one figure’s Chinese words once they are registered, and no other figure’s', async () => {
    const { figures } = await fresh();
    const { costBarsZh } = await import('../../src/i18n/figures/cost-bars.zh');
    const { costBarsEn } = await import('../../src/i18n/figures/cost-bars.en');
    figures.registerFigureWords('zh', 'costBars', costBarsZh);
    expect(figures.figureWords('zh', 'costBars', costBarsEn)).toBe(costBarsZh);
    expect(figures.figureWords('zh', 'costBars', costBarsEn).svgTitle).toMatch(/[\u4e00-\u9fff]/);
    expect(() => figures.figureWords('zh', 'activations', activationsEn)).toThrow(/figure words for "zh" \(activations\)/);
    // Only the build registers a whole edition; one figure's words do not make one.
    expect(() => figures.figureText('zh')).toThrow(/every figure/);
  });

  it('serve the Chinese words once the Chinese modules have registered them', async () => {
    const { figures, kit, params, errors } = await fresh();
    await Promise.all([import('../../src/i18n/kit.zh.register'), import('../../src/i18n/params.zh.register'), import('../../src/i18n/errors.zh.register')]);
    const { figuresZh } = await import('../../src/i18n/figures.zh');
    figures.registerFigureText('zh', figuresZh);
    const { kitZh } = await import('../../src/i18n/kit.zh');
    const { paramsZh } = await import('../../src/i18n/params.zh');
    expect(figures.figureText('zh')).toEqual(figuresZh);
    expect(figures.figureWords('zh', 'activations', activationsEn)).toBe(figuresZh.activations);
    expect(errors.costErrorText({ code: 'invalid-size', message: 'Sizes must be positive, got 0.' }, 'zh')).toMatch(/[\u4e00-\u9fff]/);
    expect(kit.kitText('zh')).toBe(kitZh);
    expect(params.paramText('zh')).toBe(paramsZh);
    // “卷积核大小” is the glossary's word for kernel size (src/i18n/glossary.ts).
    expect(params.describeIssue({ name: 'k', given: 'abc', reason: 'not-a-number', used: 3 }, 'zh')).toContain('卷积核大小');
    expect(figures.figureWords('en', 'activations', activationsEn).names).toEqual(['ReLU', 'ReLU6', 'linear']);
  });
});
