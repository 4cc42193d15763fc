/**
 * Messages that src/lib returns as codes (the calculator's link and paste messages, ConvBench's
 * size refusal, why a TensorFlow.js backend could not run) are worded in both editions: every
 * code has words in English and Chinese, the Chinese words are Chinese prose (names, units, code
 * and the reader's own echoed text excepted) that keep every number the English words give, and
 * text a reader gave comes back cut and without control or bidirectional characters.
 */
import { describe, expect, it } from 'vitest';
import { decodeStack, fromTable, type CellProblem, type CodecMessage, type CodecMessageCode, type RowProblem } from '../../src/lib/stack-codec';
import { benchPlan, type BenchRefusal } from '../../src/lib/bench-guard';
import type { BackendFailureReason } from '../../src/lib/tf/load';
import { LIMITS } from '../../src/lib/stack';
import { STACK_CODEC, codecMessageText } from '../../src/i18n/stack-codec';
import { byCode } from '../../src/i18n/by-code';
import { liveEn } from '../../src/i18n/live.en';
import { liveZh } from '../../src/i18n/live.zh';

const CJK = /[\u3400-\u9fff]/g;
/** Names, units and code a Chinese sentence keeps in Latin script. */
const NAMES = /\b(TensorFlow|CSV|Markdown|MiB|float32|cpu|webgl|wasm|WebGL)\b/g;
/** English words of three or more letters outside quotes (quoted text is the reader's, or a column name). */
const englishWords = (s: string) => (s.replace(/“[^”]*”/g, ' ').replace(NAMES, ' ').match(/\b[A-Za-z]{3,}\b/g) ?? []);
/** Numbers as written (1,000,000 stays one number). */
const numbers = (s: string) => (s.match(/\d[\d,]*\d|\d/g) ?? []).sort();

/** One message of every code (a missing or misspelt code fails to type-check). */
const ROW: Record<RowProblem['code'], RowProblem> = {
  'unknown-kind': { code: 'unknown-kind', given: 'cnv' },
  unreadable: { code: 'unreadable', given: '3x' },
  'setting-range': { code: 'setting-range', key: 'k', given: '99', min: 1, max: 64 },
  'flag-number': { code: 'flag-number', key: 'v' },
  'unknown-setting': { code: 'unknown-setting', key: 'q' },
};
const CELL: Record<CellProblem['code'], CellProblem> = {
  'unknown-kind': { code: 'unknown-kind', given: 'cnv' },
  'cell-range': { code: 'cell-range', column: 'out', given: '0', max: 1_000_000 },
  'cell-from': { code: 'cell-from', given: '-2' },
  'cell-padding': { code: 'cell-padding', given: 'full' },
  'cell-bias': { code: 'cell-bias', given: 'maybe' },
};
const MESSAGES: CodecMessage[] = [
  { code: 'link-empty' },
  { code: 'link-too-long', limit: 20_000 },
  { code: 'link-no-version', start: 'x1' },
  { code: 'link-version', version: '9', reads: 1 },
  { code: 'link-bad-input', given: '0x0x0', size: LIMITS.size, channels: LIMITS.channels },
  { code: 'rows-cut', limit: LIMITS.rows },
  { code: 'row-bad-repeat', row: 3, token: 'conv*0', count: '0', limit: LIMITS.rows },
  ...Object.values(ROW).map((problem): CodecMessage => ({ code: 'row-left-out', row: 2, token: 'conv.k99', problem })),
  { code: 'paste-empty' },
  { code: 'paste-too-long', limit: 200_000 },
  { code: 'paste-no-header' },
  { code: 'input-bad-shape', given: '224x224' },
  { code: 'input-bad-bn', given: 'maybe' },
  { code: 'line-left-out', line: 4, problems: Object.values(CELL).slice(1) },
  ...Object.values(CELL).map((p): CodecMessage => ({ code: 'line-left-out', line: 5, problems: [p] })),
  { code: 'line-bad-bn', line: 6, given: 'si' },
  { code: 'no-input-row' },
  { code: 'no-layers' },
];
const ALL_CODES: Record<CodecMessageCode, true> = {
  'link-empty': true,
  'link-too-long': true,
  'link-no-version': true,
  'link-version': true,
  'link-bad-input': true,
  'rows-cut': true,
  'row-bad-repeat': true,
  'row-left-out': true,
  'paste-empty': true,
  'paste-too-long': true,
  'paste-no-header': true,
  'input-bad-shape': true,
  'input-bad-bn': true,
  'line-left-out': true,
  'line-bad-bn': true,
  'no-input-row': true,
  'no-layers': true,
};

/** Links and pastes a reader could bring, between them reaching every code and every reason. */
const LINKS = [
  '',
  'v1_' + 'x'.repeat(20_001),
  'stack',
  'v9_x',
  'v1_0x224x3_conv',
  'v1_8x8x3' + '_gap'.repeat(LIMITS.rows + 1),
  'v1_8x8x3_conv*0',
  'v1_8x8x3_cnv_conv.3x_conv.k99_conv.v2_conv.q1',
];
const PASTES = [
  '',
  'x'.repeat(200_001),
  'a,b\n1,2',
  'kind,output,bn\ninput,224x224,maybe\nstandard,,\n',
  'kind,k,out,from,padding,bias,bn\ncnv,,,,,,\nstandard,0,0,-2,full,maybe,si\nstandard,3,8,,,,\n',
  'kind,k\ncnv,3\n',
  'kind\n' + 'gap\n'.repeat(LIMITS.rows + 1),
];

describe('calculator link and paste messages in two languages', () => {
  it('the links and pastes above reach every code and every reason a row or a line is left out', () => {
    const got = [...LINKS.map(decodeStack), ...PASTES.map(fromTable)].flatMap((d) => d.messages);
    expect(new Set(got.map((m) => m.code))).toEqual(new Set(Object.keys(ALL_CODES)));
    const rows = got.flatMap((m) => (m.code === 'row-left-out' ? [m.problem.code] : []));
    expect(new Set(rows)).toEqual(new Set(Object.keys(ROW)));
    const cells = got.flatMap((m) => (m.code === 'line-left-out' ? m.problems.map((p) => p.code) : []));
    expect(new Set(cells)).toEqual(new Set(Object.keys(CELL)));
  });

  it('every code and reason has words in both languages, and no other does', () => {
    for (const lang of ['en', 'zh'] as const) {
      expect(Object.keys(STACK_CODEC[lang].message).sort()).toEqual(Object.keys(ALL_CODES).sort());
      expect(Object.keys(STACK_CODEC[lang].row).sort()).toEqual(Object.keys(ROW).sort());
      expect(Object.keys(STACK_CODEC[lang].cell).sort()).toEqual(Object.keys(CELL).sort());
    }
  });

  it('a Chinese message is Chinese prose with the English message\'s numbers and the reader\'s quoted text', () => {
    for (const m of MESSAGES) {
      const en = codecMessageText(m, 'en');
      const zh = codecMessageText(m, 'zh');
      expect((zh.match(CJK) ?? []).length, zh).toBeGreaterThanOrEqual(6);
      expect(englishWords(zh), zh).toEqual([]);
      expect(zh, zh).toMatch(/[。]$/);
      expect(zh).not.toMatch(/[,;:]\s*[\u3400-\u9fff]|[\u3400-\u9fff][,;:]/);
      expect(numbers(zh), `${en} / ${zh}`).toEqual(numbers(en));
      for (const quoted of en.match(/“[^”]*”/g) ?? []) if (!/^“(kind|input|v1_…)”$/.test(quoted)) expect(zh, quoted).toContain(quoted);
    }
  });

  it('English words are today\'s: a hostile link, a bad paste', () => {
    const link = decodeStack('v1_8x8x3_conv.k99_pw*0');
    expect(link.messages.map((m) => codecMessageText(m, 'en'))).toEqual([
      'Row 1 (“conv.k99”) was left out: k99 is not a whole number from 1 to 64.',
      'Row 1 (“pw*0”) was left out: its repeat count “0” is not a whole number from 1 to 300.',
    ]);
    expect(link.messages.map((m) => codecMessageText(m, 'zh'))).toEqual([
      '第 1 行（“conv.k99”）已略去：“k99”中的数值不是 1 到 64 之间的整数。',
      '第 1 行（“pw*0”）已略去：重复次数“0”不是 1 到 300 之间的整数。',
    ]);
    const paste = fromTable('kind,k,padding\nstandard,x,full\n');
    expect(paste.messages.map((m) => codecMessageText(m, 'en'))).toEqual([
      'Line 2 was left out: k “x” is not a whole number from 1 to 64; padding “full” is neither same nor valid.',
      'No “input” row: the input is taken as 224 x 224 x 3.',
      'No layer rows could be read, so nothing was imported.',
    ]);
    expect(codecMessageText(paste.messages[0], 'zh')).toBe('第 2 行已略去：“k”列的值“x”不是 1 到 64 之间的整数；“padding”列的值“full”既不是“same”也不是“valid”。');
  });

  it('the reader\'s text comes back cut to 24 characters, without control or bidirectional characters, in both languages', () => {
    const hostile = 'v1_8x8x3_<img src=x onerror=alert(1)>\u202e\u0000' + 'a'.repeat(40);
    for (const lang of ['en', 'zh'] as const) {
      const [text] = decodeStack(hostile).messages.map((m) => codecMessageText(m, lang));
      expect(text).not.toMatch(/[\u0000-\u001f\u202a-\u202e\u2066-\u2069]/);
      expect(text).toContain('“<img src=x onerror=aler…”');
      expect(text).not.toContain('alert(1)');
    }
  });
});

describe('ConvBench refusals and backend failures in two languages', () => {
  const REFUSALS: Record<BenchRefusal['code'], BenchRefusal> = {
    // Kernel 11² · 2048 · 2048 = 507,510,784 numbers > 2²⁴.
    'tensor-too-large': benchPlan({ k: 11, m: 2048, n: 2048, df: 7 }).refusal!,
    // 3² · 256 · 256 · 112² = 7,398,752,256 mult-adds > 10⁸ (same padding, stride 1).
    'too-many-mult-adds': benchPlan({ k: 3, m: 256, n: 256, df: 112 }).refusal!,
  };
  const REASONS: Record<BackendFailureReason['code'], BackendFailureReason> = {
    'not-bundled': { code: 'not-bundled' },
    'not-loaded': { code: 'not-loaded', detail: 'Failed to fetch' },
    'no-init': { code: 'no-init' },
    'init-error': { code: 'init-error', detail: 'WebGL context lost' },
  };

  it('every refusal is worded in both languages with the same numbers, Chinese in Chinese', () => {
    for (const [code, r] of Object.entries(REFUSALS)) {
      expect(r.code).toBe(code);
      const en = byCode(liveEn.convBench.refusal, r);
      const zh = byCode(liveZh.convBench.refusal, r);
      expect(numbers(zh)).toEqual(numbers(en));
      expect(englishWords(zh), zh).toEqual([]);
      expect((zh.match(CJK) ?? []).length).toBeGreaterThanOrEqual(20);
    }
    expect(byCode(liveEn.convBench.refusal, REFUSALS['too-many-mult-adds'])).toContain('7,398,752,256 mult-adds per run, more than the 100,000,000');
  });

  it('every reason a backend could not run is worded in both languages; the browser\'s own detail is kept', () => {
    for (const r of Object.values(REASONS)) {
      const en = byCode(liveEn.common.backendReason, r);
      const zh = byCode(liveZh.common.backendReason, r);
      const detail = 'detail' in r ? r.detail : '';
      expect(en).toContain(detail);
      expect(zh).toContain(detail);
      expect(englishWords(zh.replace(detail, ''))).toEqual([]);
      expect((zh.match(CJK) ?? []).length).toBeGreaterThanOrEqual(3);
    }
    expect(liveZh.common.unavailable('webgl')).toMatch(/^TensorFlow\.js [\u3400-\u9fff]/);
  });
});
