/**
 * The figures in both editions: every English string module has a Chinese twin with the same
 * keys, and every figure drawn in Chinese shows no English words (symbols, units and the names
 * of models, papers and authors excepted) and the same numbers as in English.
 */
import { describe, expect, it } from 'vitest';
import { ALL_FIGURES } from '../../src/components/figures/all';
import { defaultValues, testFrame } from '../../src/components/figure-kit/testing';
import { SLIDE_HEIGHT, SLIDE_WIDTH } from '../../src/components/figure-kit/frame';
import type { SvgNode } from '../../src/components/figure-kit/svg';
import type { FigureFrame, FigureView } from '../../src/components/figure-kit/types';
import type { Lang } from '../../src/i18n';

const EN_MODULES = import.meta.glob<Record<string, unknown>>('../../src/i18n/*.en.ts', { eager: true });
const ZH_MODULES = import.meta.glob<Record<string, unknown>>('../../src/i18n/*.zh.ts', { eager: true });

type Kind = 'string' | 'function' | 'array' | 'object' | 'other';
const kind = (v: unknown): Kind =>
  typeof v === 'string' ? 'string' : typeof v === 'function' ? 'function' : Array.isArray(v) ? 'array' : v && typeof v === 'object' ? 'object' : 'other';

/** Every path of `en` whose twin in `zh` is missing or of another kind. */
function mismatches(en: unknown, zh: unknown, path: string, out: string[] = []): string[] {
  if (kind(en) !== kind(zh)) {
    out.push(`${path}: ${kind(en)} in English, ${zh === undefined ? 'missing' : kind(zh)} in Chinese`);
    return out;
  }
  if (kind(en) === 'array' && (en as unknown[]).length !== (zh as unknown[]).length) out.push(`${path}: ${(en as unknown[]).length} items in English, ${(zh as unknown[]).length} in Chinese`);
  if (kind(en) === 'array' || kind(en) === 'object') {
    for (const key of Object.keys(en as object)) mismatches((en as Record<string, unknown>)[key], (zh as Record<string, unknown>)[key], `${path}.${key}`, out);
  }
  return out;
}

describe('string modules', () => {
  const pairs = Object.keys(EN_MODULES)
    .filter((p) => !p.endsWith('/en.ts'))
    .map((p) => [p, p.replace(/\.en\.ts$/, '.zh.ts')] as const);

  it('finds the figure, kit and parameter modules', () => {
    const names = pairs.map(([p]) => p.split('/').pop());
    for (const want of ['figures.en.ts', 'kit.en.ts', 'params.en.ts']) expect(names).toContain(want);
  });

  for (const [enPath, zhPath] of pairs) {
    it(`${zhPath.split('/').pop()} has every key of ${enPath.split('/').pop()}, of the same kind`, () => {
      const zh = ZH_MODULES[zhPath];
      expect(zh, `${zhPath} exists`).toBeDefined();
      const en = EN_MODULES[enPath];
      const exported = Object.keys(en);
      expect(exported.length).toBeGreaterThan(0);
      const out: string[] = [];
      // The modules export one object each (xxEn / xxZh); compare them pairwise in order.
      const enObjs = exported.filter((k) => typeof en[k] === 'object');
      const zhObjs = Object.keys(zh).filter((k) => typeof zh[k] === 'object');
      expect(zhObjs.length).toBe(enObjs.length);
      enObjs.forEach((k, i) => mismatches(en[k], zh[zhObjs[i]], k, out));
      expect(out).toEqual([]);
    });
  }

  it('the comparison catches a missing key and a key of another kind', () => {
    expect(mismatches({ a: 'x', b: { c: (n: string) => n } }, { a: 'y', b: { c: 'z' } }, 'm')).toEqual(['m.b.c: function in English, string in Chinese']);
    expect(mismatches({ a: 'x', d: ['1', '2'] }, { d: ['1'] }, 'm')).toEqual(['m.a: string in English, missing in Chinese', 'm.d: 2 items in English, 1 in Chinese', 'm.d.1: string in English, missing in Chinese']);
  });
});

/** Words in Latin script a Chinese figure may show: symbols, units, names of models, papers and people. */
const ALLOWED = new Set(
  `ReLU ReLU6 MobileNet MobileNetV1 MobileNetV2 V1 V2 Xception Inception ShuffleNet ResNet VGG VGG16 GoogLeNet AlexNet
  SqueezeNet NASNet MnasNet EfficientNet DenseNet Pixel TensorFlow Keras
  Howard Sandler Chollet Szegedy Zhang Williams He Krizhevsky Simonyan Iandola Ioffe Tan Sifre Mallat Jin Huang Ma Zoph et al
  log max min top Conv1 conv1 Logits FC TensorFlow js TypeScript TF slim README arXiv tensorflow models Squeezenet GoogleNet Conv PyTorch s1 s2 SepConv MaxPool Applications float32 float64 cpu webgl wasm fc conv dw pw BN ImageNet COCO PASCAL VOC CIFAR
  GB MB KB kB G M K B FLOPs MACs GFLOPS px bit bits byte bytes Gops ms s`.split(/\s+/).filter(Boolean),
);

/** Every string a reader meets in a view: text, title, desc, aria-label, and the summary. */
function visibleText(view: FigureView): string[] {
  const out = [view.summary];
  const walk = (n: SvgNode | string): void => {
    if (typeof n === 'string') return void out.push(n);
    for (const a of ['aria-label', 'data-term-label']) if (typeof n.attrs[a] === 'string') out.push(n.attrs[a] as string);
    n.children.forEach(walk);
  };
  walk(view.svg);
  return out;
}

/** Latin words of two or more letters (subscripted symbols such as D_K and single letters pass). */
function englishWords(texts: readonly string[]): string[] {
  const words = new Set<string>();
  // Identifiers (Keras layer names such as conv_dw_1, symbols such as D_K, calls such as parameters()) are code, kept as written.
  for (const t of texts) for (const w of t.replace(/[A-Za-z0-9]+(_[A-Za-z0-9]+)+|[A-Za-z]\w*\(\)/g, ' ').match(/[A-Za-z][A-Za-z0-9]+/g) ?? []) if (!ALLOWED.has(w)) words.add(w);
  return [...words];
}

function quantities(view: FigureView): [string, string][] {
  const out: [string, string][] = [];
  const walk = (n: SvgNode | string): void => {
    if (typeof n === 'string') return;
    if (n.attrs['data-quantity'] !== undefined) out.push([String(n.attrs['data-quantity']), String(n.attrs['data-exact'])]);
    n.children.forEach(walk);
  };
  walk(view.svg);
  return out;
}

/** Values each figure is drawn at besides its defaults: other steps, modes and sizes. */
const OTHER_VALUES = [
  { step: 3, act: 1, layer: 2, k: 5, m: 8, n: 16, g: 4, t: 3, alpha: 0.5, res: 160, precision: 2, segments: 8, sg: 4, dim: 3 },
  { step: 1, layer: 1, g: 5, m: 30, n: 40, k: 7, s: 2, df: 9, sc: 24, sg: 6, t: 12, precision: 1, peak: 100, bw: 5 },
  { step: 7, act: 2, layer: 4, k: 1, m: 64, n: 128, g: 64, s: 2, t: 1, alpha: 1.4, res: 96, precision: 1, segments: 1, sg: 1, dim: 15, df: 7 },
];

const frames = (lang: Lang): [string, FigureFrame][] => [
  ['680', testFrame(680, 'a', 'page', lang)],
  ['316', testFrame(316, 'b', 'page', lang)],
  ['slide', { uid: 'c', width: SLIDE_WIDTH, height: SLIDE_HEIGHT, context: 'slide', lang }],
];

describe('every figure in Chinese', () => {
  it('the check finds English words and lets names and symbols pass', () => {
    expect(englishWords(['输入通道 M = 32，ReLU6 与 MobileNet V2', 'D_K × D_K · log'])).toEqual([]);
    expect(englishWords(['Output channels', '步长 stride'])).toEqual(['Output', 'channels', 'stride']);
  });

  for (const [id, def] of Object.entries(ALL_FIGURES)) {
    it(`${id}: no English words, the same numbers as in English`, () => {
      for (const values of [defaultValues, ...OTHER_VALUES.map((o) => ({ ...defaultValues, ...o }))]) {
        const en = frames('en');
        frames('zh').forEach(([name, frame], i) => {
          const zh = def.render(values, frame);
          const eng = def.render(values, en[i][1]);
          expect(englishWords(visibleText(zh)), `${id} at ${name}, ${JSON.stringify(values)}`).toEqual([]);
          expect(quantities(zh)).toEqual(quantities(eng));
        });
      }
      expect(englishWords([def.title('zh'), def.source?.('zh') ?? ''])).toEqual([]);
      expect(def.title('zh')).not.toBe(def.title('en'));
    });
  }
});
