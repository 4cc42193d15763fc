/**
 * What the calculator shows, in two steps. stackReport(stack, conventions): the numbers as text
 * (exact integers with separators; the exact digits go to data-exact). calculatorView(state) and
 * rowView(…): the calculator as a tree, which the build renders as the page without JavaScript (a
 * plain table) and the browser patches as the editor.
 */
import {
  FLOP_CONVENTIONS,
  KIND_FIELDS,
  LIMITS,
  PARAM_CONVENTIONS,
  PRESET_IDS,
  STACK_KINDS,
  computeStack,
  percentText,
  rowCompute,
  rowParams,
  shapeText,
  shareByKind,
  totalCompute,
  totalParams,
  type FlopConvention,
  type LayerField,
  type ParamConvention,
  type PresetId,
  type Stack,
  type StackError,
  type StackLayer,
  type StackResult,
} from '../../lib/stack';
import { formatInt } from '../../lib/format';
import { h, type SvgNode } from '../figure-kit/svg';
import type { CalculatorStrings } from '../../i18n/calculator.en';
import { FIELD_MAX, type NumField } from './edit';

/** 1234567n → "1,234,567" (exact for any size). */
export function groupDigits(x: bigint | number): string {
  const s = BigInt(x).toString();
  const neg = s.startsWith('-');
  const d = neg ? s.slice(1) : s;
  return (neg ? '-' : '') + d.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

export interface RowView {
  row: number;
  kindLabel: string;
  /** Field values as text; '' where the kind does not use the field. */
  fields: Record<Exclude<LayerField, 'kind'>, string>;
  used: readonly LayerField[];
  output: string;
  /** "shortcut", "branch: input of row 3, added", "expands to 384" … */
  note: string;
  params: string;
  paramsExact: string;
  compute: string;
  computeExact: string;
  error?: string;
  errorField?: LayerField;
}

export interface ShareView {
  kind: string;
  layers: number;
  params: string;
  paramsShare: string;
  compute: string;
  computeShare: string;
}

export interface TotalsView {
  params: string;
  paramsExact: string;
  paperParams: string;
  paperParamsExact: string;
  kerasTotal: string;
  kerasTrainable: string;
  kerasNonTrainable: string;
  torchParams: string;
  torchBuffers: string;
  macs: string;
  macsExact: string;
  compute: string;
  computeExact: string;
  bnChannels: string;
  bnChannelsExact: string;
  output: string;
  rows: number;
  invalidRows: number;
}

export interface CalculatorView {
  rows: RowView[];
  shares: ShareView[];
  totals: TotalsView;
  computeLabel: string;
  result: StackResult;
}

/** A row's error in the page's language: a residual branch that cannot be added, or the cost model's refusal. */
export function rowErrorText(e: StackError, words: CalculatorStrings): string {
  switch (e.code) {
    case 'branch-no-input':
    case 'branch-first-row':
    case 'branch-row':
    case 'branch-shape':
      return words.branchError[e.code](e);
    default:
      return words.costError[e.code]({ ...e, code: e.code });
  }
}

/** Everything the calculator shows, for one stack and one choice of conventions, as text. */
export function stackReport(stack: Stack, params: ParamConvention, flops: FlopConvention, words: CalculatorStrings): CalculatorView {
  const result = computeStack(stack);
  const rows: RowView[] = result.layers.map((r) => {
    const l = r.layer;
    const used = KIND_FIELDS[l.kind];
    const f = (name: LayerField, v: string) => (used.includes(name) ? v : '');
    let note = '';
    if (l.from !== null && !r.error) note = words.branchNote(l.from);
    else if (r.shortcut && r.hidden !== undefined) note = words.shortcutNote(r.hidden);
    else if (r.hidden !== undefined) note = words.noShortcutNote(r.hidden);
    const p = r.error ? 0n : rowParams(r, params);
    const c = r.error ? 0n : rowCompute(r, flops);
    const view: RowView = {
      row: r.row,
      kindLabel: words.kinds[l.kind],
      fields: {
        k: f('k', String(l.k)),
        out: f('out', l.out === null ? '' : String(l.out)),
        groups: f('groups', String(l.groups)),
        stride: f('stride', String(l.stride)),
        padding: f('padding', l.padding),
        bias: f('bias', l.bias ? words.yes : words.no),
        t: f('t', String(l.t)),
        from: f('from', l.from === null ? '' : String(l.from)),
      },
      used,
      output: r.output ? shapeText(r.output) : '—',
      note,
      params: r.error ? '—' : groupDigits(p),
      paramsExact: p.toString(),
      compute: r.error ? '—' : groupDigits(c),
      computeExact: c.toString(),
    };
    if (r.error) {
      view.error = rowErrorText(r.error, words);
      if (r.error.field) view.errorField = r.error.field;
    }
    return view;
  });
  const t = result.totals;
  const allParams = totalParams(t, params);
  const allCompute = totalCompute(t, flops);
  const shares: ShareView[] = shareByKind(result, params, flops).map((s) => ({
    kind: words.kinds[s.kind],
    layers: s.layers,
    params: groupDigits(s.params),
    paramsShare: percentText(s.params, allParams),
    compute: groupDigits(s.compute),
    computeShare: percentText(s.compute, allCompute),
  }));
  return {
    rows,
    shares,
    computeLabel: words.flopConventions[flops],
    result,
    totals: {
      params: groupDigits(allParams),
      paramsExact: allParams.toString(),
      paperParams: groupDigits(t.params),
      paperParamsExact: t.params.toString(),
      kerasTotal: groupDigits(t.keras.total),
      kerasTrainable: groupDigits(t.keras.trainable),
      kerasNonTrainable: groupDigits(t.keras.nonTrainable),
      torchParams: groupDigits(t.pytorch.parameters),
      torchBuffers: groupDigits(t.pytorch.bufferElements),
      macs: groupDigits(t.multAdds),
      macsExact: t.multAdds.toString(),
      compute: groupDigits(allCompute),
      computeExact: allCompute.toString(),
      bnChannels: groupDigits(t.bnChannels),
      bnChannelsExact: t.bnChannels.toString(),
      output: shapeText(result.output),
      rows: t.rows,
      invalidRows: t.invalidRows,
    },
  };
}

/** The columns whose text changes as a reader types, by the longest text each shows (in characters). */
export function columnWidths(report: CalculatorView): { shape: number; params: number; compute: number } {
  const w = { shape: 0, params: 0, compute: 0 };
  for (const r of report.rows) {
    w.shape = Math.max(w.shape, r.output.length);
    w.params = Math.max(w.params, r.params.length);
    w.compute = Math.max(w.compute, r.compute.length);
  }
  return w;
}

/** Everything the calculator's tree depends on. */
export interface CalculatorState {
  readonly stack: Stack;
  readonly params: ParamConvention;
  readonly flops: FlopConvention;
  /** The browser's editor (false: the build's plain table, controls drawn disabled). */
  readonly editable: boolean;
  /** The preset the menu shows. */
  readonly preset: PresetId;
  /** Input sizes as typed where they do not read as a size (the box keeps the reader's text). */
  readonly inputDrafts: Readonly<Partial<Record<'h' | 'w' | 'c', string>>>;
  /** Messages about a link or a paste that could not be used in full. */
  readonly messages: { readonly title: string; readonly list: readonly string[] } | null;
  /** The export and import status line. */
  readonly status: string;
  /** Which replacement the Undo button stands beside. */
  readonly undo: 'load' | 'import' | null;
  /** Text to copy by hand where the clipboard refused it. */
  readonly fallback: string | null;
}

const num = (attrs: Record<string, string | number | boolean | undefined> = {}) => ({ class: 'num', ...attrs });

/** A row of the build's table: plain text, read without JavaScript. */
function plainRow(r: RowView): SvgNode {
  return h(
    'tr',
    {},
    h('th', { scope: 'row', class: 'num' }, String(r.row)),
    h('td', {}, r.kindLabel),
    h('td', num(), r.fields.k),
    h('td', num(), r.fields.out),
    h('td', num(), r.fields.groups),
    h('td', num(), r.fields.stride),
    h('td', {}, r.fields.padding),
    h('td', {}, r.fields.bias),
    h('td', num(), r.fields.t),
    h('td', num(), r.fields.from),
    h('td', {}, r.output, r.note && h('span', { class: 'calc-note' }, r.note)),
    h('td', num({ 'data-quantity': 'row-params', 'data-exact': r.paramsExact }), r.params),
    h('td', num({ 'data-quantity': 'row-compute', 'data-exact': r.computeExact }), r.compute),
  );
}

/** The kind menu's options for a selected kind (the same nodes for every row of that kind: trees are plain data). */
const kindOptions = new WeakMap<CalculatorStrings, Map<StackLayer['kind'], SvgNode[]>>();
function kindMenu(kind: StackLayer['kind'], t: CalculatorStrings): SvgNode[] {
  let byKind = kindOptions.get(t);
  if (!byKind) kindOptions.set(t, (byKind = new Map()));
  let options = byKind.get(kind);
  if (!options) byKind.set(kind, (options = STACK_KINDS.map((k) => h('option', { value: k, selected: k === kind }, t.kinds[k]))));
  return options;
}

/** What a number box shows for a layer value: the reader's unreadable text, '' for none, else the number. */
const boxText = (v: number | null, draft: string | undefined): string => (draft !== undefined ? draft : v === null ? '' : Number.isNaN(v) ? '' : String(v));

/** The control a row's error names (else the kind), or undefined when the row has no error. */
export function invalidField(r: RowView, l: StackLayer): LayerField | undefined {
  if (r.error === undefined) return undefined;
  const used = KIND_FIELDS[l.kind];
  return r.errorField !== undefined && r.errorField !== 'kind' && used.includes(r.errorField) ? r.errorField : 'kind';
}

/** Where a row's three computed cells (output, params, compute) start among its cells. */
export const NUMBER_CELLS = 10;

/**
 * rowNumbers(report row, key, invalid): a row's computed cells, the output shape (with its note
 * and error), the params and the compute. When only these change (typing in a row above changes
 * the shapes below it), the client patches these cells and leaves the row's controls alone.
 */
export function rowNumbers(r: RowView, key: number, invalid: boolean): SvgNode[] {
  return [
    h(
      'td',
      { class: 'calc-out' },
      h('span', { 'data-role': 'shape', class: 'calc-v calc-v-shape' }, r.output),
      h('span', { class: 'calc-note', 'data-role': 'note' }, r.note),
      h('span', { class: 'calc-error', 'data-role': 'error', id: `calc-err-${key}`, role: invalid ? 'note' : undefined }, r.error ?? ''),
    ),
    h('td', num({ 'data-quantity': 'row-params', 'data-exact': r.paramsExact }), h('span', { class: 'calc-v calc-v-params' }, r.params)),
    h('td', num({ 'data-quantity': 'row-compute', 'data-exact': r.computeExact }), h('span', { class: 'calc-v calc-v-compute' }, r.compute)),
  ];
}

/**
 * rowView(report row, layer, index, count, key, drafts, strings): one editable row. Controls only
 * for the fields its kind reads; the control the error names (else the kind) is marked invalid
 * and described by the error. `key` names the row for as long as the layer lives.
 */
export function rowView(r: RowView, l: StackLayer, i: number, n: number, key: number, drafts: Readonly<Partial<Record<NumField, string>>>, t: CalculatorStrings): SvgNode {
  const row = i + 1;
  const errId = `calc-err-${key}`;
  const used = KIND_FIELDS[l.kind];
  const bad = invalidField(r, l);
  const mark = (field: LayerField) => (bad === field ? { 'aria-invalid': 'true', 'aria-describedby': errId } : {});
  const blank = (cls = '') => h('td', { class: `calc-na ${cls}`.trim() });
  const box = (field: NumField) =>
    used.includes(field)
      ? h(
          'td',
          num(),
          h('input', {
            type: 'number',
            inputmode: 'numeric',
            min: 1,
            max: field === 'from' ? Math.max(1, i) : FIELD_MAX[field],
            step: 1,
            'data-field': field,
            class: `calc-in calc-in-${field}`,
            value: boxText(l[field], drafts[field]),
            placeholder: field === 'out' && l.out === null ? t.sameAsInput : undefined,
            'aria-label': t.field[field](row),
            ...mark(field),
          }),
        )
      : blank('num');
  const button = (action: string, text: string, label: string, disabled = false) => h('button', { type: 'button', 'data-action': action, 'aria-label': label, title: label, disabled }, text);
  return h(
    'tr',
    { 'data-key': key, 'data-invalid': bad !== undefined },
    h('th', { scope: 'row', class: 'num' }, String(row)),
    h('td', {}, h('select', { 'data-field': 'kind', 'aria-label': t.field.kind(row), ...mark('kind') }, kindMenu(l.kind, t))),
    box('k'),
    box('out'),
    box('groups'),
    box('stride'),
    used.includes('padding')
      ? h('td', {}, h('select', { 'data-field': 'padding', 'aria-label': t.field.padding(row), ...mark('padding') }, ['same', 'valid'].map((p) => h('option', { value: p, selected: p === l.padding }, p))))
      : blank(),
    used.includes('bias') ? h('td', {}, h('input', { type: 'checkbox', 'data-field': 'bias', checked: l.bias, 'aria-label': t.field.bias(row), ...mark('bias') })) : blank(),
    box('t'),
    box('from'),
    // Cells NUMBER_CELLS to NUMBER_CELLS + 2.
    ...rowNumbers(r, key, bad !== undefined),
    h(
      'td',
      { class: 'calc-actions' },
      button('up', '↑', t.moveUp(row), i === 0),
      button('down', '↓', t.moveDown(row), i === n - 1),
      button('copy', '+', t.copyRow(row)),
      button('remove', '×', t.removeRow(row)),
    ),
  );
}

/** The errors of a report, one sentence each, for the polite live region. */
export function errorsText(report: CalculatorView, t: CalculatorStrings): string {
  return report.rows.flatMap((r) => (r.error ? [t.rowError(r.row, r.error)] : [])).join(' ');
}

/**
 * calculatorView(state, report, strings): the calculator. In the editor the table body is the
 * client's (its rows are rowView trees kept per layer), so it is left out here.
 */
export function calculatorView(s: CalculatorState, report: CalculatorView, t: CalculatorStrings): SvgNode {
  const tt = report.totals;
  const input = (key: 'h' | 'w' | 'c', label: string) => {
    const draft = s.inputDrafts[key];
    return h(
      'label',
      {},
      `${label} `,
      h('input', {
        type: 'number',
        inputmode: 'numeric',
        min: 1,
        max: key === 'c' ? LIMITS.channels : LIMITS.size,
        step: 1,
        'data-input': key,
        value: draft ?? String(s.stack.input[key]),
        'aria-invalid': draft !== undefined ? 'true' : undefined,
        'aria-describedby': draft !== undefined ? 'calc-input-note' : undefined,
      }),
    );
  };
  // A typed size that cannot be used says why, and which size the results are still for.
  const labels = { h: t.height, w: t.width, c: t.channels };
  const bad = (['h', 'w', 'c'] as const).filter((key) => s.inputDrafts[key] !== undefined);
  const inputNote = h(
    'p',
    { id: 'calc-input-note', class: 'calc-error', role: 'status' },
    bad.map((key) => t.inputInvalid(labels[key], formatInt(key === 'c' ? LIMITS.channels : LIMITS.size), String(s.stack.input[key]))).join(' '),
  );
  const off = !s.editable;
  const undo = (after: 'load' | 'import') => h('button', { type: 'button', 'data-action': 'undo', 'data-after': after, 'aria-label': t.undoLabel, hidden: s.undo !== after }, t.undo);
  const shape = `${s.stack.input.h}×${s.stack.input.w}×${s.stack.input.c}`;
  return h(
    'div',
    { class: 'calc-view', 'data-role': 'view' },
    h(
      'div',
      { class: 'calc-controls', 'data-role': 'controls' },
      h(
        'fieldset',
        { class: 'calc-group', disabled: off },
        h('legend', {}, t.startFrom),
        h('label', { for: 'calc-preset' }, t.preset),
        h('select', { id: 'calc-preset', 'data-role': 'preset' }, PRESET_IDS.map((id) => h('option', { value: id, selected: id === s.preset }, t.presets[id]))),
        ' ',
        h('button', { type: 'button', 'data-action': 'load' }, t.loadPreset),
        ' ',
        undo('load'),
      ),
      h('fieldset', { class: 'calc-group', disabled: off }, h('legend', {}, t.input), input('h', t.height), ' ', input('w', t.width), ' ', input('c', t.channels), inputNote),
      h(
        'fieldset',
        { class: 'calc-group', disabled: off },
        h('legend', {}, t.conventions),
        h('label', { class: 'calc-check' }, h('input', { type: 'checkbox', 'data-role': 'bn', checked: s.stack.bn }), ` ${t.bn}`),
        h('label', { for: 'calc-params' }, t.paramConvention),
        h('select', { id: 'calc-params', 'data-role': 'params' }, PARAM_CONVENTIONS.map((c) => h('option', { value: c, selected: c === s.params }, t.paramConventions[c]))),
        h('label', { for: 'calc-flops' }, t.flopConvention),
        h('select', { id: 'calc-flops', 'data-role': 'flops' }, FLOP_CONVENTIONS.map((c) => h('option', { value: c, selected: c === s.flops }, t.flopConventions[c]))),
      ),
    ),
    h(
      'div',
      { class: 'calc-messages', 'data-role': 'messages', role: 'status', 'aria-live': 'polite', hidden: !s.messages },
      s.messages && [h('p', {}, s.messages.title), h('ul', {}, s.messages.list.map((m) => h('li', {}, m)))],
    ),
    h('p', { class: 'sr-only', 'data-role': 'announce', 'aria-live': 'polite' }, s.editable ? errorsText(report, t) : ''),
    h(
      'div',
      { class: 'calc-table-wrap', role: 'region', 'aria-label': t.tableRegion, tabindex: 0 },
      h(
        'table',
        { class: 'calc-table', 'data-role': 'table' },
        h('caption', {}, `${t.caption} `, h('span', { 'data-role': 'input-shape' }, shape)),
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            h('th', { scope: 'col', class: 'num' }, '#'),
            h('th', { scope: 'col' }, t.col.kind),
            h('th', { scope: 'col', class: 'num' }, h('abbr', { title: t.col.kTitle }, t.col.k)),
            h('th', { scope: 'col', class: 'num' }, t.col.out),
            h('th', { scope: 'col', class: 'num' }, h('abbr', { title: t.col.groupsTitle }, t.col.groups)),
            h('th', { scope: 'col', class: 'num' }, t.col.stride),
            h('th', { scope: 'col' }, t.col.padding),
            h('th', { scope: 'col' }, t.col.bias),
            h('th', { scope: 'col', class: 'num' }, h('abbr', { title: t.col.tTitle }, t.col.t)),
            h('th', { scope: 'col', class: 'num' }, t.col.from),
            h('th', { scope: 'col' }, t.col.output),
            h('th', { scope: 'col', class: 'num' }, t.col.params),
            h('th', { scope: 'col', class: 'num', 'data-role': 'compute-head' }, report.computeLabel),
            h('th', { scope: 'col', 'data-role': 'actions-head', hidden: off }, t.col.actions),
          ),
        ),
        s.editable ? h('tbody', { 'data-role': 'rows', 'data-own-children': true }) : h('tbody', { 'data-role': 'rows' }, report.rows.map(plainRow)),
      ),
    ),
    h('div', { class: 'calc-add', 'data-role': 'add-bar', hidden: off }, h('button', { type: 'button', 'data-action': 'add' }, t.addLayer)),
    h('h2', { id: 'totals' }, t.totals),
    h(
      'dl',
      { class: 'calc-totals', 'data-role': 'totals' },
      h('div', {}, h('dt', {}, `${t.tParams} `, h('span', { 'data-role': 'params-label' }, `(${t.paramConventions[s.params]})`)), h('dd', { 'data-quantity': 'params', 'data-exact': tt.paramsExact }, tt.params)),
      h('div', {}, h('dt', {}, t.tMacs), h('dd', { 'data-quantity': 'macs', 'data-exact': tt.macsExact }, tt.macs)),
      // Counted as mult-adds, the compute total is the mult-adds total above: shown once.
      h('div', { 'data-role': 'compute-row', hidden: s.flops === 'macs' }, h('dt', { 'data-role': 'compute-label' }, report.computeLabel), h('dd', { 'data-quantity': 'compute', 'data-exact': tt.computeExact }, tt.compute)),
      h('div', {}, h('dt', {}, t.tBn), h('dd', { 'data-quantity': 'bn-channels', 'data-exact': tt.bnChannelsExact }, tt.bnChannels)),
      h('div', {}, h('dt', {}, t.tKeras), h('dd', { 'data-quantity': 'keras-total' }, tt.kerasTotal)),
      h('div', {}, h('dt', {}, t.tKerasSplit), h('dd', {}, h('span', { 'data-quantity': 'keras-trainable' }, tt.kerasTrainable), ' + ', h('span', { 'data-quantity': 'keras-non-trainable' }, tt.kerasNonTrainable))),
      h('div', {}, h('dt', {}, t.tTorch), h('dd', {}, h('span', { 'data-quantity': 'torch-params' }, tt.torchParams), ' (+ ', h('span', { 'data-quantity': 'torch-buffers' }, tt.torchBuffers), ` ${t.buffers})`)),
      h('div', {}, h('dt', {}, t.tOutput), h('dd', { 'data-quantity': 'output' }, tt.output)),
      h('div', {}, h('dt', {}, t.tRows), h('dd', {}, h('span', { 'data-quantity': 'rows' }, String(tt.rows)), h('span', { 'data-role': 'invalid-count' }, tt.invalidRows > 0 ? t.notCounted(tt.invalidRows) : ''))),
    ),
    h('p', { class: 'calc-fine' }, t.conventionNote),
    h('h2', { id: 'share' }, t.shareTitle),
    h(
      'div',
      { class: 'calc-table-wrap', role: 'region', 'aria-label': t.shareTitle, tabindex: 0 },
      h(
        'table',
        { class: 'calc-share' },
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            h('th', { scope: 'col' }, t.col.type),
            h('th', { scope: 'col', class: 'num' }, t.col.layers),
            h('th', { scope: 'col', class: 'num' }, t.col.params),
            h('th', { scope: 'col', class: 'num' }, t.col.share),
            h('th', { scope: 'col', class: 'num', 'data-role': 'share-compute-head' }, report.computeLabel),
            h('th', { scope: 'col', class: 'num' }, t.col.share),
          ),
        ),
        h(
          'tbody',
          { 'data-role': 'shares' },
          report.shares.map((r) =>
            h('tr', {}, h('th', { scope: 'row' }, r.kind), h('td', num(), String(r.layers)), h('td', num(), r.params), h('td', num(), r.paramsShare), h('td', num(), r.compute), h('td', num(), r.computeShare)),
          ),
        ),
      ),
    ),
    h(
      'section',
      { class: 'calc-io', 'data-role': 'io', hidden: off, 'aria-labelledby': 'calc-io-title' },
      h('h2', { id: 'calc-io-title' }, t.ioTitle),
      h(
        'div',
        { class: 'calc-buttons' },
        h('button', { type: 'button', 'data-action': 'copy-link' }, t.copyLink),
        ' ',
        h('button', { type: 'button', 'data-action': 'copy-csv' }, t.copyCsv),
        ' ',
        h('button', { type: 'button', 'data-action': 'download-csv' }, t.downloadCsv),
        ' ',
        h('button', { type: 'button', 'data-action': 'copy-md' }, t.copyMd),
        ' ',
        h('button', { type: 'button', 'data-action': 'download-md' }, t.downloadMd),
      ),
      h('p', { class: 'calc-status', 'data-role': 'io-status', role: 'status', 'aria-live': 'polite' }, s.status),
      h(
        'div',
        { class: 'calc-fallback', 'data-role': 'fallback', hidden: s.fallback === null },
        h('label', { for: 'calc-fallback-text' }, t.copyByHand),
        h('textarea', { id: 'calc-fallback-text', readonly: true, rows: 6 }, s.fallback ?? ''),
      ),
      h('label', { for: 'calc-import', class: 'calc-import-label' }, t.importLabel),
      h('textarea', { id: 'calc-import', 'data-role': 'import-text', rows: 6, spellcheck: 'false' }),
      ' ',
      h('button', { type: 'button', 'data-action': 'import' }, t.importButton),
      ' ',
      undo('import'),
    ),
  );
}
