/**
 * The calculator's stack as text: a compact, versioned, readable URL token list, and CSV /
 * Markdown tables that can be pasted back in. Decoding never throws and never trusts its input:
 * every value is checked against LIMITS, every problem becomes a message (a code and the values it
 * names, with what was given cut to a few characters; src/i18n/stack-codec.*.ts words it), and
 * unusable rows are left out while the rest is kept.
 *
 * URL format, version 1:  v1_<H>x<W>x<C>[_bn]_<row>_<row>…
 *   row  = <kind>[.<attrs>]     kind: conv gconv dw pw sep ir fc max avg gap
 *   attrs = letters each followed by a number, or flags:
 *     k<D_K> n<out> (n0: as many as the input) g<groups> s<stride> t<expansion> r<branch row> · v (valid padding)
 *     · b (bias on) · u (bias off). Only values that differ from the kind's defaults are written.
 *   A row may end in *<count>: that many identical rows.
 * Example (MobileNet V1's first rows): v1_224x224x3_bn_conv.n32s2_dw_pw.n64_dw.s2_pw.n128
 */
import {
  KIND_FIELDS,
  LIMITS,
  STACK_KINDS,
  computeStack,
  defaultLayer,
  shapeText,
  type LayerResult,
  type Stack,
  type StackKind,
  type StackLayer,
} from './stack';
import { echoText } from './format';

/** The version this code writes. Links with another version are refused with a message. */
export const STACK_FORMAT_VERSION = 1;

/** Longest `stack` value read from a URL or a paste (characters). */
export const MAX_TEXT = 20_000;

const CODES: Readonly<Record<StackKind, string>> = {
  standard: 'conv',
  grouped: 'gconv',
  depthwise: 'dw',
  pointwise: 'pw',
  separable: 'sep',
  inverted: 'ir',
  fc: 'fc',
  maxpool: 'max',
  avgpool: 'avg',
  gap: 'gap',
};

/** Names accepted for a kind in URLs and tables (the code, the id, a few spellings). */
const KIND_NAMES: ReadonlyMap<string, StackKind> = new Map<string, StackKind>([
  ...STACK_KINDS.map((k) => [CODES[k], k] as [string, StackKind]),
  ...STACK_KINDS.map((k) => [k, k] as [string, StackKind]),
  ['inverted-residual', 'inverted'],
  ['inverted residual', 'inverted'],
  ['bottleneck', 'inverted'],
  ['dense', 'fc'],
  ['linear', 'fc'],
  ['fully connected', 'fc'],
  ['conv2d', 'standard'],
  ['depthwiseconv2d', 'depthwise'],
  ['separableconv2d', 'separable'],
  ['maxpooling2d', 'maxpool'],
  ['averagepooling2d', 'avgpool'],
  ['globalaveragepooling2d', 'gap'],
  ['global avg pool', 'gap'],
]);

/** Why one row of a link could not be used (`given` and `key` are already cut by `shown`). */
export type RowProblem =
  /** The row's kind is not a known code or name. */
  | { readonly code: 'unknown-kind'; readonly given: string }
  /** What follows the dot is not letters each followed by digits. */
  | { readonly code: 'unreadable'; readonly given: string }
  /** A setting's number is missing or outside min…max (`k0`, `s99`). */
  | { readonly code: 'setting-range'; readonly key: string; readonly given: string; readonly min: number; readonly max: number }
  /** A flag (v, b, u) was given a number. */
  | { readonly code: 'flag-number'; readonly key: string }
  /** A letter that names no setting. */
  | { readonly code: 'unknown-setting'; readonly key: string };

/** The editable columns of a pasted table that hold a count from 1 up. */
export type CountColumn = 'k' | 'out' | 'groups' | 'stride' | 't';

/** Why one cell of a pasted line could not be used (`given` already cut by `shown`). */
export type CellProblem =
  /** The `kind` cell is not a known kind. */
  | { readonly code: 'unknown-kind'; readonly given: string }
  /** A count cell is not a whole number from 1 to max. */
  | { readonly code: 'cell-range'; readonly column: CountColumn; readonly given: string; readonly max: number }
  /** The `from` cell is not a row number. */
  | { readonly code: 'cell-from'; readonly given: string }
  /** The `padding` cell is neither same nor valid. */
  | { readonly code: 'cell-padding'; readonly given: string }
  /** The `bias` cell is not yes or no. */
  | { readonly code: 'cell-bias'; readonly given: string };

/**
 * What the codecs tell the reader about a link or a paste: a code and the values its words need.
 * Text that was given (`start`, `given`, `token`, `count`) is cut and cleaned by `shown` here, and
 * is always rendered as text.
 */
export type CodecMessage =
  /** The `stack` value is empty. */
  | { readonly code: 'link-empty' }
  /** The `stack` value is longer than `limit` characters. */
  | { readonly code: 'link-too-long'; readonly limit: number }
  /** The value does not start with `v<number>`. */
  | { readonly code: 'link-no-version'; readonly start: string }
  /** The value was written by another format version than the one this code reads. */
  | { readonly code: 'link-version'; readonly version: string; readonly reads: number }
  /** The input shape is not H x W x C within the limits. */
  | { readonly code: 'link-bad-input'; readonly given: string; readonly size: number; readonly channels: number }
  /** More rows than `limit`: the rest were not read (links and pastes). */
  | { readonly code: 'rows-cut'; readonly limit: number }
  /** A row's repeat count is not a whole number from 1 to `limit`. */
  | { readonly code: 'row-bad-repeat'; readonly row: number; readonly token: string; readonly count: string; readonly limit: number }
  /** A row of a link was left out. */
  | { readonly code: 'row-left-out'; readonly row: number; readonly token: string; readonly problem: RowProblem }
  /** Import was pressed with nothing pasted. */
  | { readonly code: 'paste-empty' }
  /** The pasted text is longer than `limit` characters. */
  | { readonly code: 'paste-too-long'; readonly limit: number }
  /** The first line is not a header with a `kind` column. */
  | { readonly code: 'paste-no-header' }
  /** The `input` row's shape cannot be read; 224 x 224 x 3 is used. */
  | { readonly code: 'input-bad-shape'; readonly given: string }
  /** The `input` row's bn cell is not yes or no; no BatchNorm is assumed. */
  | { readonly code: 'input-bad-bn'; readonly given: string }
  /** A pasted line (numbered from the header, line 1) was left out. */
  | { readonly code: 'line-left-out'; readonly line: number; readonly problems: readonly CellProblem[] }
  /** A pasted line's bn cell is not yes or no and was read as no. */
  | { readonly code: 'line-bad-bn'; readonly line: number; readonly given: string }
  /** The table has no `input` row; 224 x 224 x 3 is used. */
  | { readonly code: 'no-input-row' }
  /** No layer line could be read; nothing was imported. */
  | { readonly code: 'no-layers' };

export type CodecMessageCode = CodecMessage['code'];

/** A decoded stack (or null when nothing usable came in) and what was wrong. */
export interface Decoded {
  stack: Stack | null;
  messages: CodecMessage[];
}

/** Show at most 24 characters of what someone gave, without control or bidi characters (always rendered as text). */
export function shown(text: string): string {
  return echoText(text);
}

// ---------------------------------------------------------------------------------------------
// URL

function attrsOf(l: StackLayer): string {
  const d = defaultLayer(l.kind);
  let a = '';
  if (l.k !== d.k) a += `k${l.k}`;
  if (l.out !== null) a += `n${l.out}`;
  else if (d.out !== null) a += 'n0';
  if (l.groups !== d.groups) a += `g${l.groups}`;
  if (l.stride !== d.stride) a += `s${l.stride}`;
  if (l.t !== d.t) a += `t${l.t}`;
  if (l.from !== null) a += `r${l.from}`;
  if (l.padding !== d.padding) a += 'v';
  if (l.bias !== d.bias) a += l.bias ? 'b' : 'u';
  return a;
}

/** The stack as a URL value: `v1_224x224x3_bn_conv.n32s2_…` (only URL-safe characters). */
export function encodeStack(s: Stack): string {
  const head = [`v${STACK_FORMAT_VERSION}`, `${s.input.h}x${s.input.w}x${s.input.c}`];
  if (s.bn) head.push('bn');
  const tokens = s.layers.map((l) => {
    const a = attrsOf(l);
    return a ? `${CODES[l.kind]}.${a}` : CODES[l.kind];
  });
  // Runs of identical rows are written once with *count (Xception's middle flow: sep.n728*24).
  const rows: string[] = [];
  for (let i = 0; i < tokens.length; ) {
    let j = i + 1;
    while (j < tokens.length && tokens[j] === tokens[i]) j += 1;
    rows.push(j - i > 1 ? `${tokens[i]}*${j - i}` : tokens[i]);
    i = j;
  }
  return [...head, ...rows].join('_');
}

const INT = /^\d{1,9}$/;

function intIn(text: string, min: number, max: number): number | undefined {
  if (!INT.test(text)) return undefined;
  const x = Number(text);
  return x >= min && x <= max ? x : undefined;
}

function parseShape(text: string): { h: number; w: number; c: number } | undefined {
  const m = /^(\d{1,9})\s*[x×*]\s*(\d{1,9})\s*[x×*]\s*(\d{1,9})$/i.exec(text.trim());
  if (!m) return undefined;
  const h = intIn(m[1], 1, LIMITS.size);
  const w = intIn(m[2], 1, LIMITS.size);
  const c = intIn(m[3], 1, LIMITS.channels);
  return h && w && c ? { h, w, c } : undefined;
}

/** Read one URL row token, or the reason it cannot be used. */
function parseRowToken(token: string): StackLayer | RowProblem {
  const dot = token.indexOf('.');
  const code = (dot < 0 ? token : token.slice(0, dot)).toLowerCase();
  const kind = KIND_NAMES.get(code);
  if (!kind || code.includes(' ')) return { code: 'unknown-kind', given: shown(code) };
  const l = defaultLayer(kind);
  const attrs = dot < 0 ? '' : token.slice(dot + 1);
  const re = /([a-z])(\d*)/gy;
  let pos = 0;
  while (pos < attrs.length) {
    re.lastIndex = pos;
    const m = re.exec(attrs);
    if (!m) return { code: 'unreadable', given: shown(attrs.slice(pos)) };
    pos = re.lastIndex;
    const [, key, digits] = m;
    const num = (max: number, min = 1): number | RowProblem => {
      const v = intIn(digits, min, max);
      return v === undefined ? { code: 'setting-range', key, given: shown(digits), min, max } : v;
    };
    let v: number | RowProblem;
    switch (key) {
      case 'k':
        if (typeof (v = num(LIMITS.k)) !== 'number') return v;
        l.k = v;
        break;
      case 'n':
        if (typeof (v = num(LIMITS.out, 0)) !== 'number') return v;
        l.out = v === 0 ? null : v;
        break;
      case 'g':
        if (typeof (v = num(LIMITS.groups)) !== 'number') return v;
        l.groups = v;
        break;
      case 's':
        if (typeof (v = num(LIMITS.stride)) !== 'number') return v;
        l.stride = v;
        break;
      case 't':
        if (typeof (v = num(LIMITS.t)) !== 'number') return v;
        l.t = v;
        break;
      case 'r':
        if (typeof (v = num(LIMITS.rows, 0)) !== 'number') return v;
        // A dense layer or a global pool is never a branch (KIND_FIELDS): r is read and dropped.
        if (KIND_FIELDS[kind].includes('from')) l.from = v;
        break;
      case 'v':
      case 'b':
      case 'u':
        if (digits !== '') return { code: 'flag-number', key };
        if (key === 'v') l.padding = 'valid';
        else l.bias = key === 'b';
        break;
      default:
        return { code: 'unknown-setting', key };
    }
  }
  return l;
}

/**
 * Read a `stack` URL value. A wrong version or header gives no stack (the caller keeps its
 * default) and a message; a row that cannot be read is left out with a message.
 */
export function decodeStack(text: string): Decoded {
  const messages: CodecMessage[] = [];
  if (typeof text !== 'string' || text.trim() === '') return { stack: null, messages: [{ code: 'link-empty' }] };
  if (text.length > MAX_TEXT) return { stack: null, messages: [{ code: 'link-too-long', limit: MAX_TEXT }] };
  const tokens = text.trim().split('_');
  const version = /^v(\d{1,4})$/.exec(tokens[0] ?? '');
  if (!version) return { stack: null, messages: [{ code: 'link-no-version', start: shown(tokens[0] ?? '') }] };
  if (Number(version[1]) !== STACK_FORMAT_VERSION) {
    return { stack: null, messages: [{ code: 'link-version', version: version[1], reads: STACK_FORMAT_VERSION }] };
  }
  const input = parseShape(tokens[1] ?? '');
  if (!input) return { stack: null, messages: [{ code: 'link-bad-input', given: shown(tokens[1] ?? ''), size: LIMITS.size, channels: LIMITS.channels }] };
  let i = 2;
  let bn = false;
  if (tokens[i] === 'bn') {
    bn = true;
    i += 1;
  }
  const layers: StackLayer[] = [];
  for (; i < tokens.length; i++) {
    if (layers.length >= LIMITS.rows) {
      messages.push({ code: 'rows-cut', limit: LIMITS.rows });
      break;
    }
    const token = tokens[i];
    if (token === '') continue;
    // Anything after the last * is a repeat count, so a bad count is reported as one.
    const star = /^(.*)\*([^*]*)$/.exec(token);
    const count = star ? (intIn(star[2], 1, LIMITS.rows) ?? 0) : 1;
    if (count < 1) {
      messages.push({ code: 'row-bad-repeat', row: layers.length + 1, token: shown(token), count: shown(star ? star[2] : ''), limit: LIMITS.rows });
      continue;
    }
    const row = parseRowToken(star ? star[1] : token);
    if ('code' in row) {
      messages.push({ code: 'row-left-out', row: layers.length + 1, token: shown(token), problem: row });
      continue;
    }
    const room = LIMITS.rows - layers.length;
    for (let c = 0; c < Math.min(count, room); c++) layers.push({ ...row });
    if (count > room) {
      messages.push({ code: 'rows-cut', limit: LIMITS.rows });
      break;
    }
  }
  return { stack: { input, bn, layers }, messages };
}

// ---------------------------------------------------------------------------------------------
// CSV and Markdown

/** Columns written by the exporters, in order. The importer reads only the editable ones. */
export const TABLE_COLUMNS = ['layer', 'kind', 'k', 'out', 'groups', 'stride', 'padding', 'bias', 't', 'from', 'bn', 'output', 'params', 'bn_channels', 'mult_adds'] as const;

function cellsOf(r: LayerResult): string[] {
  const l = r.layer;
  const yes = (b: boolean) => (b ? 'yes' : 'no');
  return [
    String(r.row),
    l.kind,
    String(l.k),
    l.out === null ? '' : String(l.out),
    String(l.groups),
    String(l.stride),
    l.padding,
    yes(l.bias),
    String(l.t),
    l.from === null ? '' : String(l.from),
    yes(r.bnChannels > 0),
    r.error ? `error: ${r.error.message}` : r.output ? shapeText(r.output).replace(/×/g, 'x') : '',
    r.error ? '' : String(r.params),
    r.error ? '' : String(r.bnChannels),
    r.error ? '' : String(r.multAdds),
  ];
}

function tableRows(s: Stack): string[][] {
  const result = computeStack(s);
  const input = ['0', 'input', '', String(s.input.c), '', '', '', '', '', '', s.bn ? 'yes' : 'no', `${s.input.h}x${s.input.w}x${s.input.c}`, '', '', ''];
  const t = result.totals;
  const total = ['', 'total', '', '', '', '', '', '', '', '', '', shapeText(result.output).replace(/×/g, 'x'), t.params.toString(), t.bnChannels.toString(), t.multAdds.toString()];
  return [input, ...result.layers.map(cellsOf), total];
}

const csvCell = (c: string): string => (/[",\n\r]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);

/**
 * CSV: one header line, an `input` row (its `output` is the input shape, `bn` says whether a BN
 * follows every conv), one line per layer (params = weights + bias, mult-adds; papers'
 * conventions), and a `total` line.
 */
export function toCsv(s: Stack): string {
  return [[...TABLE_COLUMNS], ...tableRows(s)].map((r) => r.map(csvCell).join(',')).join('\n') + '\n';
}

const mdCell = (c: string): string => c.replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ');

/** The same table as GitHub-flavoured Markdown. */
export function toMarkdown(s: Stack): string {
  const lines = [`| ${TABLE_COLUMNS.join(' | ')} |`, `|${TABLE_COLUMNS.map((c) => (c === 'kind' || c === 'padding' || c === 'output' ? ' --- ' : ' ---: ')).join('|')}|`];
  for (const r of tableRows(s)) lines.push(`| ${r.map(mdCell).join(' | ')} |`);
  return lines.join('\n') + '\n';
}

/** Split one CSV line (quotes, doubled quotes) or a tab-separated line. */
function splitDelimited(line: string, delimiter: string): string[] {
  const out: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell.trim() === '') {
      quoted = true;
      cell = '';
    } else if (ch === delimiter) {
      out.push(cell.trim());
      cell = '';
    } else cell += ch;
  }
  out.push(cell.trim());
  return out;
}

function splitMarkdown(line: string): string[] {
  let body = line.trim();
  if (body.startsWith('|')) body = body.slice(1);
  if (body.endsWith('|') && !body.endsWith('\\|')) body = body.slice(0, -1);
  return body.split(/(?<!\\)\|/).map((c) => c.trim().replace(/\\\|/g, '|'));
}

/** The yes/no words a table cell may hold; anything else (including `constructor`) is not a yes or a no. */
const BOOL: ReadonlyMap<string, boolean> = new Map([
  ['yes', true],
  ['y', true],
  ['true', true],
  ['1', true],
  ['no', false],
  ['n', false],
  ['false', false],
  ['0', false],
  ['', false],
]);

/**
 * Read a pasted table (the CSV or Markdown the exporters write, or a spreadsheet's tab-separated
 * copy). Columns are found by header name; computed columns are ignored and recomputed. The
 * `input` row gives the input shape and the BN setting; `total` rows are skipped.
 */
export function fromTable(text: string): Decoded {
  if (typeof text !== 'string' || text.trim() === '') return { stack: null, messages: [{ code: 'paste-empty' }] };
  if (text.length > MAX_TEXT * 10) return { stack: null, messages: [{ code: 'paste-too-long', limit: MAX_TEXT * 10 }] };
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '');
  const markdown = lines[0].startsWith('|');
  const delimiter = lines[0].includes('\t') ? '\t' : lines[0].includes(';') && !lines[0].includes(',') ? ';' : ',';
  const split = (l: string) => (markdown ? splitMarkdown(l) : splitDelimited(l, delimiter));
  const header = split(lines[0]).map((h) => h.toLowerCase().replace(/[\s-]+/g, '_'));
  const col = (name: string) => header.indexOf(name);
  if (col('kind') < 0) return { stack: null, messages: [{ code: 'paste-no-header' }] };
  const messages: CodecMessage[] = [];
  const layers: StackLayer[] = [];
  let input: Stack['input'] | undefined;
  let bn: boolean | undefined;
  let anyBn = false;
  let line = 0;
  let layerLines = 0;
  for (const raw of lines.slice(1)) {
    line += 1;
    if (markdown && /^\|?\s*:?-{3,}/.test(raw)) continue;
    if (layers.length >= LIMITS.rows) {
      messages.push({ code: 'rows-cut', limit: LIMITS.rows });
      break;
    }
    const cells = split(raw);
    const get = (name: string): string => {
      const i = col(name);
      return i >= 0 ? (cells[i] ?? '').trim() : '';
    };
    const kindText = get('kind').toLowerCase();
    if (kindText === 'total') continue;
    if (kindText === 'input') {
      const shape = parseShape(get('output') || get('shape'));
      if (shape) input = shape;
      else messages.push({ code: 'input-bad-shape', given: shown(get('output')) });
      const b = BOOL.get(get('bn').toLowerCase());
      if (b !== undefined && get('bn') !== '') bn = b;
      else if (b === undefined) messages.push({ code: 'input-bad-bn', given: shown(get('bn')) });
      continue;
    }
    layerLines += 1;
    const kind = KIND_NAMES.get(kindText);
    const where = line + 1;
    if (!kind) {
      messages.push({ code: 'line-left-out', line: where, problems: [{ code: 'unknown-kind', given: shown(kindText) }] });
      continue;
    }
    const l = defaultLayer(kind);
    const problems: CellProblem[] = [];
    const num = (name: 'k' | 'groups' | 'stride' | 't', max: number) => {
      const t = get(name);
      if (t === '') return;
      const v = intIn(t, 1, max);
      if (v === undefined) problems.push({ code: 'cell-range', column: name, given: shown(t), max });
      else l[name] = v;
    };
    num('k', LIMITS.k);
    num('groups', LIMITS.groups);
    num('stride', LIMITS.stride);
    num('t', LIMITS.t);
    const out = get('out');
    if (out === '') l.out = null;
    else {
      const v = intIn(out, 1, LIMITS.out);
      if (v === undefined) problems.push({ code: 'cell-range', column: 'out', given: shown(out), max: LIMITS.out });
      else if (kind !== 'maxpool' && kind !== 'avgpool' && kind !== 'gap') l.out = v;
    }
    const from = get('from');
    if (from !== '') {
      const v = intIn(from, 0, LIMITS.rows);
      if (v === undefined) problems.push({ code: 'cell-from', given: shown(from) });
      else if (KIND_FIELDS[kind].includes('from')) l.from = v;
    }
    const padding = get('padding').toLowerCase();
    if (padding === 'valid' || padding === 'same') l.padding = padding;
    else if (padding !== '') problems.push({ code: 'cell-padding', given: shown(padding) });
    const bias = get('bias').toLowerCase();
    if (bias !== '') {
      const b = BOOL.get(bias);
      if (b === undefined) problems.push({ code: 'cell-bias', given: shown(bias) });
      else l.bias = b;
    }
    const rowBn = get('bn').toLowerCase();
    if (!BOOL.has(rowBn)) messages.push({ code: 'line-bad-bn', line: where, given: shown(rowBn) });
    else if (BOOL.get(rowBn) === true) anyBn = true;
    if (problems.length > 0) {
      messages.push({ code: 'line-left-out', line: where, problems });
      continue;
    }
    layers.push(l);
  }
  const sawInput = input !== undefined;
  if (!input) {
    input = { h: 224, w: 224, c: 3 };
    if (!messages.some((m) => m.code === 'input-bad-shape' || m.code === 'input-bad-bn')) messages.push({ code: 'no-input-row' });
  }
  // A table with an input row and no layer lines is an empty stack (what an empty stack exports).
  if (layers.length === 0 && (layerLines > 0 || !sawInput)) return { stack: null, messages: [...messages, { code: 'no-layers' }] };
  return { stack: { input, bn: bn ?? anyBn, layers }, messages };
}
