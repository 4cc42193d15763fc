/**
 * The printed-numbers tables in both editions (src/i18n/paper-tables.*.ts): every row of
 * paperFigures() has Chinese words of its own, those words are Chinese prose (the papers' own
 * words in quotes, names, symbols and units excepted), and a Chinese reason states no number the
 * English one does not.
 */
import { describe, expect, it } from 'vitest';
import { paperFigure, paperFigures, signedGapPercent } from '../../src/lib/paper-tables';
import { paperTablesText } from '../../src/i18n/paper-tables';

const en = paperTablesText('en');
const zh = paperTablesText('zh');
const rows = paperFigures();

const CJK = /[\u3400-\u9fff]/g;
/** The text without quotes (the papers' English words) and code names (mobilenet_v2_1.4_224). */
const outsideQuotes = (s: string) => s.replace(/“[^”]*”/g, ' ').replace(/"[^"]*"/g, ' ').replace(/[\w.]*_[\w.]*/g, ' ');
/** English words of three or more letters left outside quotes, names of models and known terms. */
const NAMES = /\b(TF-slim|MobileNet\w*|MNet|Xception|Inception|ResNet|YOLOv2|SSDLite|ImageNet|Stanford|Dogs|PlaNet|FaceNet|Shallow|Conv|VGG|GoogleNet|AlexNet|Squeezenet|Keras|TensorFlow|torchvision|BatchNorm|FastEval14k|SeparableConvolution|count_params|ASPP|FLOPs|MAdds|billion|Million|top)\b/g;
const englishWords = (s: string) => (outsideQuotes(s).replace(NAMES, ' ').match(/\b[A-Za-z]{3,}\b/g) ?? []);
/** Numbers as written: 4,210,088, 7.89, 1/9 gives 1 and 9. */
const numbers = (s: string) => (s.match(/\d[\d,.]*\d|\d/g) ?? []).map((n) => n.replace(/\.$/, ''));

describe('paper-tables words', () => {
  it('English words are the lib\'s own', () => {
    const f = paperFigure('v2-t4-v1-macs');
    expect(en.quantity(f)).toBe(f.quantity);
    expect(en.reason(f)).toBe(f.reason);
    expect(en.place(f)).toBe('Table 4');
    expect(en.gap(f)).toMatch(/^Printed 575M; computed 568\.7M \(the printed value is 1\.1% higher\)\. The V1 paper/);
  });

  it('every row has a Chinese quantity of its own, mostly CJK outside quotes', () => {
    const bad = rows.filter((f) => {
      const q = zh.quantity(f);
      const cjk = (outsideQuotes(q).match(CJK) ?? []).length;
      return q === f.quantity || cjk < 2 || englishWords(q).length > 0;
    });
    expect(bad.map((f) => `${f.id}: ${zh.quantity(f)} [${englishWords(zh.quantity(f)).join(' ')}]`)).toEqual([]);
  });

  it('every row with an English reason has a Chinese one, and none without', () => {
    const missing = rows.filter((f) => (f.reason ? zh.reason(f) === '' : zh.reason(f) !== ''));
    expect(missing.map((f) => f.id)).toEqual([]);
  });

  it('Chinese reasons are mostly CJK outside quotes', () => {
    const bad = rows.filter((f) => f.reason).filter((f) => {
      const r = outsideQuotes(zh.reason(f));
      const cjk = (r.match(CJK) ?? []).length;
      const latin = (r.replace(NAMES, ' ').match(/[A-Za-z]/g) ?? []).length;
      return cjk < 5 || englishWords(zh.reason(f)).length > 0 || latin > cjk;
    });
    expect(bad.map((f) => `${f.id}: [${englishWords(zh.reason(f)).join(' ')}]`)).toEqual([]);
  });

  it('every number in a Chinese reason is in the English reason', () => {
    const extra = rows
      .filter((f) => f.reason)
      .flatMap((f) => numbers(zh.reason(f)).filter((n) => !numbers(f.reason!).includes(n)).map((n) => `${f.id}: ${n}`));
    expect(extra).toEqual([]);
  });

  it('Chinese places name tables and figures as 表 and 图', () => {
    expect(zh.place(paperFigure('v1-t2-conv-macs'))).toBe('表 2');
    expect(zh.place(paperFigure('v1-t8-vgg-size'))).toBe('§4.2（表 8）');
    expect(zh.place(paperFigure('v2-t4-1.0-macs'))).toBe('表 4（及 §4）');
    expect(zh.place(paperFigure('xception-s3-separable'))).toBe('图 5');
    expect(rows.filter((f) => /Table|Fig\.|Models|checkpoints/.test(zh.place(f))).map((f) => f.id)).toEqual([]);
  });

  it('the Chinese gap sentence keeps the printed and computed numbers (V2 paper, Table 4: 575M against 568,740,352)', () => {
    const f = paperFigure('v2-t4-v1-macs');
    expect(zh.gap(f)).toMatch(/^印出 575M；计算得 568\.7M（印出值高 1\.1%）。V1 的论文/);
    expect(zh.gap(paperFigure('v2-t4-1.0-macs'))).toContain('（向下取整）');
    expect(zh.gap(paperFigure('v1-s44-planet-macs'))).toContain('印出值低约 1,000 倍');
  });

  it('templated rows take their names from the data (V1 Table 6 at α = 0.25; TF-slim 0.50_224)', () => {
    expect(zh.quantity(paperFigure('v1-t6-0.25-macs'))).toBe('0.25 MobileNet-224：乘加次数');
    expect(zh.quantity(paperFigure('slim-v1-0.5-224-macs'))).toBe('MobileNet_v1_0.50_224：乘加次数（百万）');
    expect(zh.quantity(paperFigure('v1-t14-3-macs'))).toBe('FaceNet 蒸馏，第 4 行（“0.75 MobileNet-128”）：主干的乘加次数（论文没有描述嵌入头）');
  });
});

describe('signedGapPercent() and the verdict column', () => {
  it('575M against 568,740,352 is +1.1% (V2 Table 4); 199 Kb against one 100,352-byte tensor +98% (V2 Table 3)', () => {
    expect(signedGapPercent(paperFigure('v2-t4-v1-macs'))).toBe('+1.1%');
    expect(signedGapPercent(paperFigure('v2-t3-v1-7-kb'))).toBe('+98%');
    // V2 Table 3 prints 62 Kb for 62,720 bytes: 1.1% low.
    expect(signedGapPercent(paperFigure('v2-t3-v2-14-kb'))).toBe('−1.1%');
  });

  it('says agrees / rounded down / differs in each language', () => {
    expect(en.verdict(paperFigure('v1-layers'))).toBe('agrees');
    expect(en.verdict(paperFigure('v2-t4-1.0-macs'))).toBe('rounded down');
    expect(en.verdict(paperFigure('v2-t4-v1-macs'))).toBe('differs (+1.1%)');
    expect(zh.verdict(paperFigure('v1-layers'))).toBe('一致');
    expect(zh.verdict(paperFigure('v2-t4-1.0-macs'))).toBe('向下截断');
    expect(zh.verdict(paperFigure('v2-t4-v1-macs'))).toBe('不一致（+1.1%）');
  });
});
