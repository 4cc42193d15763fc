/**
 * The cost model's refusals in both editions (src/i18n/errors.*.ts): every CostErrorCode has words
 * in English and Chinese, the English words are the error's own message, and the Chinese ones are
 * Chinese prose that keep the numbers a reader needs (a range's upper end, the value given).
 */
import { describe, expect, it } from 'vitest';
import { CostError, type CostErrorCode } from '../../src/lib/errors';
import { convCost } from '../../src/lib/cost';
import { mobilenetV1 } from '../../src/lib/architectures';
import { computeStack, layer } from '../../src/lib/stack';
import { costErrorText } from '../../src/i18n/errors';
import { errorsEn } from '../../src/i18n/errors.en';
import { errorsZh } from '../../src/i18n/errors.zh';
import { calculatorEn } from '../../src/i18n/calculator.en';
import { calculatorZh } from '../../src/i18n/calculator.zh';
import { rowErrorText } from '../../src/components/calculator/view';

/** Every code of CostErrorCode, each once: a missing or misspelt one fails to type-check. */
const ALL: Record<CostErrorCode, true> = {
  'invalid-size': true,
  'invalid-kind': true,
  'invalid-padding': true,
  'groups-mismatch': true,
  'kernel-too-large': true,
  'pointwise-kernel': true,
  'depth-multiplier': true,
  'invalid-alpha': true,
  overflow: true,
};
const CODES = Object.keys(ALL) as CostErrorCode[];
const CJK = /[\u3400-\u9fff]/g;

const thrown = (f: () => unknown): CostError => {
  try {
    f();
  } catch (e) {
    if (e instanceof CostError) return e;
    throw e;
  }
  throw new Error('expected a CostError');
};

describe('cost-model errors in two languages', () => {
  it('every code has words in both languages, and no other code does', () => {
    for (const words of [errorsEn, errorsZh]) expect(Object.keys(words).sort()).toEqual([...CODES].sort());
  });

  it('English shows the error\'s own message; Chinese words are CJK prose for every code and field', () => {
    for (const code of CODES) {
      for (const field of [undefined, 'groups', 'segments', 'k', 'cin', 'alpha']) {
        const e = new CostError(code, `Some English message, got 0.`, field);
        expect(costErrorText(e, 'en')).toBe(e.message);
        const zh = costErrorText(e, 'zh');
        expect((zh.match(CJK) ?? []).length, `${code}/${field}: ${zh}`).toBeGreaterThanOrEqual(8);
        expect(zh).not.toMatch(/\b(must|the|got|with|and)\b/);
      }
    }
  });

  it('a real refusal reads in Chinese: G = 3 does not divide M = 32 (grouped convolution)', () => {
    const e = thrown(() => convCost({ kind: 'grouped', k: 3, cin: 32, cout: 64, groups: 3, inH: 14 }));
    expect(e.code).toBe('groups-mismatch');
    expect(costErrorText(e, 'zh')).toContain('分组数 G');
    expect(costErrorText(e, 'en')).toContain('G = 3');
  });

  it('a size keeps the value given, and α its meaning (V1 at resolution 0, α = −1)', () => {
    expect(costErrorText(thrown(() => mobilenetV1({ resolution: 0 })), 'zh')).toBe('输入分辨率必须是正整数，当前为 0。');
    expect(costErrorText(thrown(() => mobilenetV1({ alpha: -1 })), 'zh')).toContain('宽度乘子 α');
  });

  it('the calculator names its rows\' errors in the page\'s language, branch errors included', () => {
    const r = computeStack({ input: { h: 14, w: 14, c: 32 }, bn: false, layers: [layer('grouped', { groups: 3 }), layer('standard', { from: 5 })] });
    const [grouped, branch] = r.layers;
    expect(rowErrorText(grouped.error!, calculatorEn)).toBe(grouped.error!.message);
    expect(rowErrorText(grouped.error!, calculatorZh)).toMatch(/^分组数 G/);
    expect(branch.error?.code).toBe('branch-row');
    expect(rowErrorText(branch.error!, calculatorZh)).toBe('残差分支必须读取本行上方的某一行（第 1 到 1 行）。');
    expect(rowErrorText(branch.error!, calculatorEn)).toContain('(1 to 1)');
  });
});
