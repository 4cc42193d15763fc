import { describe, expect, it } from 'vitest';
import katex from 'katex';
import { exercisesEn } from '../../src/i18n/exercises.en';
import { exercisesZh } from '../../src/i18n/exercises.zh';
import { exerciseWords } from '../../src/i18n/exercises';
import { exercisesFor } from '../../src/components/exercises/localize';
import { EXERCISE_CHAPTERS, exerciseData, type Exercise } from '../../src/lib/exercises';
import { GLOSSARY } from '../../src/i18n/glossary';

type Kind = 'string' | 'function' | 'array' | 'object';
const kindOf = (x: unknown): Kind => (Array.isArray(x) ? 'array' : typeof x === 'function' ? 'function' : typeof x === 'string' ? 'string' : 'object');

/** Every path of `a` with its kind, and whether `b` has the same kind there (arrays: the same length). */
function mismatches(a: unknown, b: unknown, path = ''): string[] {
  const ka = kindOf(a);
  const kb = kindOf(b);
  if (b === undefined) return [`${path}: missing`];
  if (ka !== kb) return [`${path}: ${ka} in en, ${kb} in zh`];
  if (ka === 'array') {
    const xs = a as unknown[];
    const ys = b as unknown[];
    if (xs.length !== ys.length) return [`${path}: ${xs.length} items in en, ${ys.length} in zh`];
    return xs.flatMap((x, i) => mismatches(x, ys[i], `${path}[${i}]`));
  }
  if (ka === 'object') {
    const ao = a as Record<string, unknown>;
    const bo = b as Record<string, unknown>;
    const extra = Object.keys(bo).filter((k) => !(k in ao)).map((k) => `${path}.${k}: only in zh`);
    return [...extra, ...Object.keys(ao).flatMap((k) => mismatches(ao[k], bo[k], `${path}.${k}`))];
  }
  return [];
}

/** The words in a TeX line: what its \\text{…} groups hold. */
const texWords = (tex: string): string[] => [...tex.matchAll(/\\text\{([^}]*)\}/g)].map((m) => m[1]);

/** Every reader-facing string of a set of exercises (of a worked solution, its words). */
function texts(list: readonly Exercise[]): string[] {
  return list.flatMap((e) => {
    const common = [e.title, e.prompt];
    if (e.kind === 'compute') return [...common, e.unit, ...e.slips.map((s) => s.feedback), ...e.solution.flatMap(texWords)];
    if (e.kind === 'predict') return [...common, ...e.choices, e.explanation];
    return [...common, ...e.choices.flatMap((c) => [c.text, c.why])];
  });
}

/** Names, symbols, units and code that stay in Latin script in the Chinese edition. */
const LATIN_OK = new Set([
  'MobileNet', 'V1', 'V2', 'Xception', 'ResNet', 'ShuffleNet', 'ReLU', 'ReLU6', 'Keras', 'PyTorch', 'SeparableConv2D', 'Conv2D',
  'FLOPs', 'BN', 'same', 'groups', 'in_channels', 'use_bias', 'True', 'He', 'Sandler', 'Chollet', 'Howard', 'Zhang', 'e6',
]);

/** Latin words of two or more letters outside TeX ($…$ spans and TeX commands). */
function latinWords(text: string): string[] {
  const plain = text.replace(/\$[^$]*\$/g, ' ').replace(/\\[a-zA-Z]+/g, ' ');
  return (plain.match(/[A-Za-z][A-Za-z0-9_]*/g) ?? []).filter((w) => /[A-Za-z].*[A-Za-z]|[A-Za-z]\d/.test(w) && !LATIN_OK.has(w));
}

describe('exercise words in two languages', () => {
  it('every key of the English words exists in the Chinese ones, with the same kind (text, template, list of the same length)', () => {
    // answerUnits is each edition's own list of unit words (a reader's words, not a translation).
    const { answerUnits: enUnits, ...en } = exercisesEn;
    const { answerUnits: zhUnits, ...zh } = exercisesZh;
    expect(mismatches(en, zh)).toEqual([]);
    expect(Object.values(enUnits).every((x) => x > 0) && Object.values(zhUnits).every((x) => x > 0)).toBe(true);
  });

  it('the check can fail: a missing key, a template given as text and a shorter list are all reported', () => {
    expect(mismatches({ a: 'x', b: (v: unknown) => String(v), c: ['1', '2'] }, { b: 'y', c: ['1'] })).toEqual(['.a: missing', '.b: function in en, string in zh', '.c: 2 items in en, 1 in zh']);
  });

  it('every exercise and slip the data names has words in both languages', () => {
    for (const chapter of EXERCISE_CHAPTERS) {
      for (const words of [exercisesEn, exercisesZh]) {
        const set = words.sets[chapter] as Record<string, { slips?: Record<string, unknown>; choices?: unknown[] }>;
        for (const d of exerciseData(chapter, 1)) {
          expect(set[d.id], `${chapter}/${d.id}`).toBeDefined();
          if (d.kind === 'compute') for (const s of d.slips) expect(set[d.id].slips?.[s.key], `${chapter}/${d.id}/${s.key}`).toBeDefined();
          else expect(d.correct).toBeLessThan(set[d.id].choices!.length);
        }
      }
    }
  });

  it('rendered in Chinese, exercises contain no English words (names, symbols, units and code excepted), and no "undefined"', () => {
    for (let seed = 1; seed <= 40; seed++) {
      for (const chapter of EXERCISE_CHAPTERS) {
        for (const t of texts(exercisesFor(chapter, seed, exercisesZh))) {
          expect(latinWords(t), `${chapter}@${seed}: ${t}`).toEqual([]);
          expect(t).not.toContain('undefined');
        }
      }
    }
    expect(Object.values(exercisesZh.verdict).flatMap(latinWords)).toEqual([]);
  });

  it('the English check finds English: the same scan flags the English edition', () => {
    expect(texts(exercisesFor('mobilenet-v1', 1, exercisesEn)).flatMap(latinWords).length).toBeGreaterThan(50);
  });

  it('Chinese exercises quote the same numbers as the English ones (same answers, slips, figures and correct choices)', () => {
    for (const chapter of EXERCISE_CHAPTERS) {
      const en = exercisesFor(chapter, 7, exercisesEn);
      const zh = exercisesFor(chapter, 7, exercisesZh);
      const data = exerciseData(chapter, 7);
      expect(zh.map((e) => e.id)).toEqual(en.map((e) => e.id));
      zh.forEach((e, i) => {
        const f = en[i];
        // Every number of the data that the English prompt quotes, the Chinese prompt quotes too.
        for (const value of Object.values(data[i].vars)) if (f.prompt.includes(value)) expect(e.prompt, `${chapter}/${e.id}: ${value}`).toContain(value);
        if (e.kind === 'compute' && f.kind === 'compute') {
          expect(e.answer).toBe(f.answer);
          expect(e.slips.map((s) => s.value)).toEqual(f.slips.map((s) => s.value));
          expect(e.solution.map((l) => l.match(/[\d{},]+$/)?.[0])).toEqual(f.solution.map((l) => l.match(/[\d{},]+$/)?.[0]));
        }
        if (e.kind === 'predict' && f.kind === 'predict') expect([e.correct, e.figure]).toEqual([f.correct, f.figure]);
        if (e.kind === 'misconception' && f.kind === 'misconception') expect(e.choices.map((c) => c.correct)).toEqual(f.choices.map((c) => c.correct));
      });
    }
  });

  it('Chinese exercises use the glossary terms (深度卷积, 逐点卷积, 倒残差, 乘加次数 …)', () => {
    const all = EXERCISE_CHAPTERS.flatMap((c) => texts(exercisesFor(c, 1, exercisesZh))).join('\n');
    for (const key of ['depthwiseConv', 'pointwiseConv', 'separableConv', 'groupedConv', 'standardConv', 'invertedResidual', 'linearBottleneck', 'manifold', 'channelShuffle', 'shortcut', 'batchNorm'] as const) {
      expect(all, GLOSSARY[key].zh).toContain(GLOSSARY[key].zh);
    }
    expect(all).toContain('乘加');
  });
  it('the worked solutions and $…$ spans typeset in both languages (KaTeX, strict: Chinese in \\text is allowed)', () => {
    for (const lang of [exercisesEn, exercisesZh]) {
      for (const chapter of EXERCISE_CHAPTERS) {
        for (const e of exercisesFor(chapter, 3, lang)) {
          const tex = [...(e.kind === 'compute' ? e.solution : []), ...texts([e]).flatMap((t) => t.split('$').filter((_, i) => i % 2 === 1))];
          for (const line of tex) expect(() => katex.renderToString(line, { throwOnError: true, strict: 'error' }), `${lang === exercisesEn ? 'en' : 'zh'} ${chapter}/${e.id}: ${line}`).not.toThrow();
        }
      }
    }
  });
});

describe('exerciseWords(lang)', () => {
  it("gives each edition's words: en → exercisesEn, zh → exercisesZh", () => {
    expect(exerciseWords('en')).toBe(exercisesEn);
    expect(exerciseWords('zh')).toBe(exercisesZh);
    expect(exerciseWords()).toBe(exercisesEn);
  });
});
