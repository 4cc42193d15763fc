/**
 * What the calculator says about a link or a pasted table it could not fully use, English
 * edition: one sentence per code of src/lib/stack-codec's CodecMessage, and one clause per reason
 * a row or a line was left out. stack-codec.zh.ts has the same shape (typed as this one).
 * Text the reader gave arrives already cut and cleaned by `shown`; the view sets it as text.
 */
import type { CellProblem, CodecMessage, RowProblem } from '../lib/stack-codec';
import { formatInt } from '../lib/format';
import type { WordsByCode } from './by-code';

export interface StackCodecWords {
  /** A message; `why` is the worded reason a row or a line was left out ('' for the others). */
  readonly message: WordsByCode<CodecMessage, [why: string]>;
  /** Why a row of a link was left out, as a clause. */
  readonly row: WordsByCode<RowProblem>;
  /** Why a cell of a pasted line could not be used, as a clause. */
  readonly cell: WordsByCode<CellProblem>;
  /** Several clauses about one line, as one. */
  readonly list: (parts: readonly string[]) => string;
}

const n = formatInt;

export const stackCodecEn: StackCodecWords = {
  message: {
    'link-empty': () => 'The link holds no stack.',
    'link-too-long': (m) => `The stack in the link is longer than ${n(m.limit)} characters and was not read.`,
    'link-no-version': (m) => `The stack in the link does not start with a version (“v1_…”); it starts “${m.start}”.`,
    'link-version': (m) => `The link was made by calculator format v${m.version}; this page reads v${m.reads}.`,
    'link-bad-input': (m) => `The input shape “${m.given}” is not H x W x C with whole numbers (sizes up to ${n(m.size)}, channels up to ${n(m.channels)}).`,
    'rows-cut': (m) => `Only the first ${n(m.limit)} rows were read.`,
    'row-bad-repeat': (m) => `Row ${m.row} (“${m.token}”) was left out: its repeat count “${m.count}” is not a whole number from 1 to ${n(m.limit)}.`,
    'row-left-out': (m, why) => `Row ${m.row} (“${m.token}”) was left out: ${why}.`,
    'paste-empty': () => 'Nothing to import: paste a CSV or Markdown table first.',
    'paste-too-long': (m) => `The pasted text is longer than ${n(m.limit)} characters and was not read.`,
    'paste-no-header': () => 'The first line must be a header with at least a “kind” column (as the CSV and Markdown exports write it).',
    'input-bad-shape': (m) => `The input row's shape “${m.given}” is not H x W x C; 224 x 224 x 3 is used.`,
    'input-bad-bn': (m) => `The input row's bn “${m.given}” is not yes or no; no BatchNorm is assumed.`,
    'line-left-out': (m, why) => `Line ${m.line} was left out: ${why}.`,
    'line-bad-bn': (m) => `Line ${m.line}: bn “${m.given}” is not yes or no and was read as no.`,
    'no-input-row': () => 'No “input” row: the input is taken as 224 x 224 x 3.',
    'no-layers': () => 'No layer rows could be read, so nothing was imported.',
  },
  row: {
    'unknown-kind': (p) => `unknown layer kind “${p.given}”`,
    unreadable: (p) => `cannot read “${p.given}”`,
    'setting-range': (p) => `${p.key}${p.given} is not a whole number from ${n(p.min)} to ${n(p.max)}`,
    'flag-number': (p) => `flag ${p.key} takes no number`,
    'unknown-setting': (p) => `unknown setting “${p.key}”`,
  },
  cell: {
    'unknown-kind': (p) => `unknown layer kind “${p.given}”`,
    'cell-range': (p) => `${p.column} “${p.given}” is not a whole number from 1 to ${n(p.max)}`,
    'cell-from': (p) => `from “${p.given}” is not a row number`,
    'cell-padding': (p) => `padding “${p.given}” is neither same nor valid`,
    'cell-bias': (p) => `bias “${p.given}” is not yes or no`,
  },
  list: (parts) => parts.join('; '),
};
