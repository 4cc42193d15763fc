/**
 * Reading and checking a reader's typed answer. Readers write the same number many ways —
 * 4,608 or 4608, 1/9 + 1/512, 0.113 or 11.3%, 1.2e6 or 1.2M, "4608 params" — so an answer is
 * parsed as a small arithmetic expression (numbers, + − × · * / ^, parentheses, a k/M/G suffix,
 * a trailing % and a unit word) and compared with the exact value. Nothing is evaluated as code.
 */

/** A parsed answer: its value, and whether it was written as a percentage. */
export interface ParsedAnswer {
  readonly value: number;
  readonly percent: boolean;
}

/** Unit words a reader may add after a number; bytes units scale the value. */
const UNIT_SCALE: Readonly<Record<string, number>> = {
  params: 1,
  parameters: 1,
  parameter: 1,
  weights: 1,
  macs: 1,
  mac: 1,
  'mult-adds': 1,
  'multiply-adds': 1,
  madds: 1,
  pixels: 1,
  px: 1,
  channels: 1,
  times: 1,
  x: 1,
  '×': 1,
  bytes: 1,
  byte: 1,
  b: 1,
  kb: 1e3,
  kib: 1024,
  mb: 1e6,
  mib: 1024 ** 2,
  connections: 1,
  points: 1,
};

/** Unit words of the reader's edition beyond these (src/i18n/exercises.*.ts), each with its scale. */
export type UnitWords = Readonly<Record<string, number>>;

const own = (table: UnitWords, key: string): number | undefined => (Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined);

const SUFFIX: Readonly<Record<string, number>> = { k: 1e3, K: 1e3, M: 1e6, G: 1e9 };

const SUPERSCRIPT: Readonly<Record<string, string>> = { '⁰': '0', '¹': '1', '²': '2', '³': '3', '⁴': '4', '⁵': '5', '⁶': '6', '⁷': '7', '⁸': '8', '⁹': '9' };

/** Tokens of the expression language. */
type Token = { kind: 'num'; value: number } | { kind: 'op'; op: string };

function tokenize(text: string): Token[] | null {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (/\s/.test(c)) {
      i += 1;
      continue;
    }
    const number = /^(\d+(?:[.,]\d+)*(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/.exec(text.slice(i));
    if (number) {
      const raw = number[0];
      // Commas group thousands (4,608); a comma followed by other than three digits is refused.
      const [mantissa, exponent] = raw.split(/[eE]/);
      const groups = mantissa.split(',');
      if (groups.length > 1 && !groups.slice(1).every((g, j) => (j === groups.length - 2 ? /^\d{3}(\.\d*)?$/.test(g) : /^\d{3}$/.test(g)))) return null;
      let value = Number(groups.join('') + (exponent !== undefined ? `e${exponent}` : ''));
      i += raw.length;
      const suffix = text[i];
      if (suffix !== undefined && suffix in SUFFIX && !/[a-z]/i.test(text[i + 1] ?? '')) {
        value *= SUFFIX[suffix];
        i += 1;
      }
      tokens.push({ kind: 'num', value });
      continue;
    }
    if (c in SUPERSCRIPT) {
      let digits = '';
      while (i < text.length && text[i] in SUPERSCRIPT) digits += SUPERSCRIPT[text[i++]];
      tokens.push({ kind: 'op', op: '^' }, { kind: 'num', value: Number(digits) });
      continue;
    }
    const op = { '+': '+', '-': '-', '−': '-', '*': '*', '×': '*', '·': '*', '⋅': '*', '/': '/', '÷': '/', '^': '^', '(': '(', ')': ')' }[c];
    if (!op) return null;
    tokens.push({ kind: 'op', op });
    i += 1;
  }
  return tokens;
}

/** Recursive descent: sum := product (± product)*; product := power ((*|/) power)*; power := unary (^ unary)?. */
function evaluate(tokens: Token[]): number | null {
  let pos = 0;
  const peek = (): Token | undefined => tokens[pos];
  const isOp = (t: Token | undefined, op: string): boolean => t?.kind === 'op' && t.op === op;
  function unary(): number | null {
    if (isOp(peek(), '-')) {
      pos += 1;
      const v = unary();
      return v === null ? null : -v;
    }
    if (isOp(peek(), '+')) {
      pos += 1;
      return unary();
    }
    const t = peek();
    if (t?.kind === 'num') {
      pos += 1;
      return t.value;
    }
    if (isOp(t, '(')) {
      pos += 1;
      const v = sum();
      if (!isOp(peek(), ')')) return null;
      pos += 1;
      return v;
    }
    return null;
  }
  function power(): number | null {
    const base = unary();
    if (base === null) return null;
    if (!isOp(peek(), '^')) return base;
    pos += 1;
    const exp = unary();
    return exp === null || Math.abs(exp) > 64 ? null : base ** exp;
  }
  function product(): number | null {
    let v = power();
    while (v !== null && (isOp(peek(), '*') || isOp(peek(), '/'))) {
      const op = (peek() as { op: string }).op;
      pos += 1;
      const r = power();
      if (r === null) return null;
      v = op === '*' ? v * r : v / r;
    }
    return v;
  }
  function sum(): number | null {
    let v = product();
    while (v !== null && (isOp(peek(), '+') || isOp(peek(), '-'))) {
      const op = (peek() as { op: string }).op;
      pos += 1;
      const r = product();
      if (r === null) return null;
      v = op === '+' ? v + r : v - r;
    }
    return v;
  }
  const v = sum();
  return v !== null && pos === tokens.length && Number.isFinite(v) ? v : null;
}

/**
 * parseAnswer(text): the number a reader typed, or null when it is not one. Accepts thousands
 * commas, decimals, e-notation, k/M/G suffixes, fractions, sums and products, a trailing % (the
 * value is then divided by 100) and a trailing unit word (KB, MiB … scale to bytes), from the
 * English list above or the reader's edition's `units`.
 */
export function parseAnswer(text: string, units: UnitWords = {}): ParsedAnswer | null {
  let s = text.trim().replace(/[\u2009\u202f\u00a0]/g, ' ').replace(/(\d)[ _](?=\d{3}\b)/g, '$1');
  if (s === '' || s.length > 80) return null;
  let scale = 1;
  const unit = /\s*([a-zA-Z×\u4e00-\u9fff][a-zA-Z\u4e00-\u9fff-]*)\s*$/.exec(s);
  if (unit && !(unit[1] in SUFFIX && /\d$/.test(s.slice(0, unit.index)))) {
    const u = unit[1].toLowerCase();
    const known = own(UNIT_SCALE, u) ?? own(units, u);
    if (known === undefined) return null;
    scale = known;
    s = s.slice(0, unit.index);
  }
  let percent = false;
  if (s.trimEnd().endsWith('%')) {
    percent = true;
    s = s.trimEnd().slice(0, -1);
  }
  const tokens = tokenize(s);
  if (!tokens || tokens.length === 0) return null;
  const v = evaluate(tokens);
  if (v === null) return null;
  return { value: (percent ? v / 100 : v) * scale, percent };
}

/** How close an answer must be: exactly, or to 3 significant figures of the exact value. */
export type Tolerance = 'exact' | '3sf';

/** The largest difference `tolerance` allows from `exact`. */
export function allowedError(exact: number, tolerance: Tolerance): number {
  if (tolerance === 'exact') return Math.max(1e-9, Math.abs(exact) * 1e-12);
  if (exact === 0) return 5e-4;
  // Half a unit of the third significant figure, and a hair more so that an exact half
  // (0.3125 written 0.313) is not refused by binary rounding.
  return 0.5 * 10 ** (Math.floor(Math.log10(Math.abs(exact))) - 2) * (1 + 1e-9);
}

/** A wrong value a reader reaches by a known slip, and what to tell them. */
export interface Slip {
  readonly value: number;
  readonly feedback: string;
}

/** A general remark on a wrong or unreadable answer; the words are in src/i18n/exercises.*.ts. */
export type VerdictNote = 'unreadable' | 'closeExact' | 'close3sf' | 'notYet';

export interface Verdict {
  readonly status: 'correct' | 'wrong' | 'unreadable';
  /** What to tell the reader: a matched slip's words; empty when correct or when `note` applies. */
  readonly feedback: string;
  /** Which general remark applies when no slip matched. */
  readonly note?: VerdictNote;
}

/**
 * checkAnswer(text, exact, tolerance, slips, units): correct within the tolerance; otherwise the slip
 * whose value it matches names the likely mistake; otherwise a near miss (within 10 %) or a
 * plain "not yet" (as a `note`). Text that is not a number gets the note 'unreadable'.
 */
export function checkAnswer(text: string, exact: number, tolerance: Tolerance, slips: readonly Slip[] = [], units: UnitWords = {}): Verdict {
  const parsed = parseAnswer(text, units);
  if (!parsed) return { status: 'unreadable', feedback: '', note: 'unreadable' };
  const { value } = parsed;
  if (Math.abs(value - exact) <= allowedError(exact, tolerance)) return { status: 'correct', feedback: '' };
  for (const slip of slips) {
    if (Math.abs(slip.value - exact) <= allowedError(exact, tolerance)) continue;
    if (Math.abs(value - slip.value) <= allowedError(slip.value, tolerance)) return { status: 'wrong', feedback: slip.feedback };
  }
  if (exact !== 0 && Math.abs(value - exact) / Math.abs(exact) <= 0.1) {
    return { status: 'wrong', feedback: '', note: tolerance === 'exact' ? 'closeExact' : 'close3sf' };
  }
  return { status: 'wrong', feedback: '', note: 'notYet' };
}
