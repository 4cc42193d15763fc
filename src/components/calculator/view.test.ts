import { describe, expect, it } from 'vitest';
import { computeStack, type Stack } from '../../lib/stack';
import { preset } from '../../lib/stack-presets';
import { toMarkup } from '../figure-kit/svg';
import { findAll } from '../figure-kit/testing';
import { calculatorEn } from '../../i18n/calculator.en';
import { calculatorZh } from '../../i18n/calculator.zh';
import { NUMBER_CELLS, calculatorView, columnWidths, errorsText, invalidField, rowNumbers, rowView, stackReport, type CalculatorState } from './view';
import { quantityNode, role, textOf } from '../../../tests/unit/support/tree';

const stack = preset('mobilenet-v1');
const state: CalculatorState = { stack, params: 'paper', flops: 'macs', editable: false, preset: 'mobilenet-v1', inputDrafts: {}, messages: null, status: '', undo: null, fallback: null };
const view = (s: CalculatorState, t = calculatorEn) => calculatorView(s, stackReport(s.stack, s.params, s.flops, t), t);
// A 32×32×16 input, a 3×3 grouped conv with G = 3 (does not divide 16) and a 1×1 to 8 channels.
const broken: Stack = { input: { h: 32, w: 32, c: 16 }, bn: false, layers: [{ ...preset('mobilenet-v1').layers[0], kind: 'grouped', k: 3, out: 32, groups: 3, stride: 1, from: null }, { ...preset('mobilenet-v1').layers[2], out: 8 }] };

describe('calculatorView(state, report, strings)', () => {
  it('the build’s table: MobileNet V1’s 28 rows as text and the totals of Howard et al. 2017 (4,210,088 / 568,740,352)', () => {
    const tree = view(state);
    expect(findAll(role(tree, 'rows'), (n) => n.tag === 'tr')).toHaveLength(stack.layers.length);
    expect(findAll(role(tree, 'rows'), (n) => n.tag === 'input' || n.tag === 'select')).toEqual([]);
    expect(quantityNode(role(tree, 'totals'), 'params').attrs['data-exact']).toBe('4210088');
    expect(textOf(quantityNode(role(tree, 'totals'), 'macs'))).toBe('568,740,352');
    // Controls are drawn but disabled, and the editor's parts hidden, until the script runs.
    expect(findAll(tree, (n) => n.tag === 'fieldset').every((f) => f.attrs.disabled === true)).toBe(true);
    for (const r of ['add-bar', 'io', 'actions-head']) expect(role(tree, r).attrs.hidden).toBe(true);
  });

  it('the editor leaves the rows to the client and enables the controls; messages are text, never markup', () => {
    const s = { ...state, editable: true, messages: { title: 'Some of the link could not be used:', list: ['<img src=x onerror=alert(1)> was left out'] } };
    const tree = view(s);
    expect(role(tree, 'rows').attrs['data-own-children']).toBe(true);
    expect(role(tree, 'rows').children).toEqual([]);
    expect(findAll(tree, (n) => n.tag === 'fieldset').some((f) => f.attrs.disabled)).toBe(false);
    expect(role(tree, 'messages').attrs.hidden).toBe(false);
    const html = toMarkup(tree);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; was left out');
    expect(html).not.toContain('<img');
  });

  it('marks the chosen conventions and preset, and names the compute convention in three places', () => {
    const tree = view({ ...state, params: 'keras', flops: '2macs', preset: 'xception' });
    const selected = (r: string) => findAll(role(tree, r), (n) => n.tag === 'option' && n.attrs.selected === true).map((o) => o.attrs.value);
    expect(selected('params')).toEqual(['keras']);
    expect(selected('flops')).toEqual(['2macs']);
    expect(selected('preset')).toEqual(['xception']);
    for (const r of ['compute-head', 'compute-label', 'share-compute-head']) expect(textOf(role(tree, r))).toBe('FLOPs = 2 · MACs');
    // Keras: + 4 per BN channel (10,944 in MobileNet V1): 4,210,088 + 43,776.
    expect(quantityNode(role(tree, 'totals'), 'params').attrs['data-exact']).toBe('4253864');
  });

  it('keeps an unreadable input size as typed and marks it; Undo stands beside what it undoes', () => {
    const tree = view({ ...state, editable: true, inputDrafts: { h: '' }, undo: 'import' });
    const h = findAll(tree, (n) => n.attrs['data-input'] === 'h')[0];
    expect(h.attrs.value).toBe('');
    expect(h.attrs['aria-invalid']).toBe('true');
    expect(findAll(tree, (n) => n.attrs['data-input'] === 'w')[0].attrs['aria-invalid']).toBeUndefined();
    // It says why, and which size the results are still for (the stack's, 224).
    expect(h.attrs['aria-describedby']).toBe('calc-input-note');
    const note = findAll(tree, (n) => n.attrs.id === 'calc-input-note')[0];
    expect(note.children.join('')).toBe('Height must be a whole number from 1 to 100,000. The results are still for 224.');
    expect(findAll(view(state), (n) => n.attrs.id === 'calc-input-note')[0].children.join('')).toBe('');
    const undo = findAll(tree, (n) => n.attrs['data-action'] === 'undo');
    expect(undo.map((b) => [b.attrs['data-after'], b.attrs.hidden])).toEqual([['load', true], ['import', false]]);
  });

  it('in Chinese: the same exact numbers under Chinese labels', () => {
    const tree = view(state, calculatorZh);
    expect(quantityNode(role(tree, 'totals'), 'params').attrs['data-exact']).toBe('4210088');
    expect(textOf(findAll(tree, (n) => n.tag === 'h2')[0])).toBe('合计');
  });
});

describe('rowView(row, layer, index, count, key, drafts, strings)', () => {
  const report = stackReport(broken, 'paper', 'macs', calculatorEn);
  const row0 = rowView(report.rows[0], broken.layers[0], 0, 2, 7, {}, calculatorEn);
  const row1 = rowView(report.rows[1], broken.layers[1], 1, 2, 8, {}, calculatorEn);

  it('marks the field the error names, describes it by the error, and labels every control with its row', () => {
    const groups = findAll(row0, (n) => n.attrs['data-field'] === 'groups')[0];
    expect(groups.attrs['aria-invalid']).toBe('true');
    expect(groups.attrs['aria-describedby']).toBe('calc-err-7');
    expect(groups.attrs['aria-label']).toBe('Row 1 groups G');
    expect(textOf(role(row0, 'error'))).toContain('G = 3 must divide');
    expect(row0.attrs['data-invalid']).toBe(true);
    expect(row1.attrs['data-invalid']).toBe(false);
    // Row 2 still computes on the intended 32×32×32 shape: 32·8 weights.
    expect(quantityNode(row1, 'row-params').attrs['data-exact']).toBe('256');
  });

  it('disables Move up on the first row and Move down on the last; controls only for the fields a kind reads', () => {
    const disabled = (tr: typeof row0, a: string) => findAll(tr, (n) => n.attrs['data-action'] === a)[0].attrs.disabled;
    expect([disabled(row0, 'up'), disabled(row0, 'down'), disabled(row1, 'up'), disabled(row1, 'down')]).toEqual([true, false, false, true]);
    // A pointwise layer reads no k, G or t.
    expect(findAll(row1, (n) => n.tag === 'input' && typeof n.attrs['data-field'] === 'string').map((n) => n.attrs['data-field'])).toEqual(['out', 'stride', 'bias', 'from']);
  });

  it('shows a reader’s unreadable text rather than the number it replaced', () => {
    const tr = rowView(report.rows[0], { ...broken.layers[0], k: Number.NaN }, 0, 2, 7, { k: '3x' }, calculatorEn);
    expect(findAll(tr, (n) => n.attrs['data-field'] === 'k')[0].attrs.value).toBe('3x');
  });

  it('its computed cells (output, params, compute) are rowNumbers, at NUMBER_CELLS, the cells the client patches alone', () => {
    for (const [tr, i, key] of [[row0, 0, 7], [row1, 1, 8]] as const) {
      const r = report.rows[i];
      expect(tr.children.slice(NUMBER_CELLS, NUMBER_CELLS + 3)).toEqual(rowNumbers(r, key, invalidField(r, broken.layers[i]) !== undefined));
    }
    const [out, params, compute] = row1.children.slice(NUMBER_CELLS, NUMBER_CELLS + 3) as (typeof row1)[];
    expect(textOf(role(out, 'shape'))).toBe('32×32×8');
    expect(params.attrs['data-quantity']).toBe('row-params');
    expect(compute.attrs['data-quantity']).toBe('row-compute');
    // Row 1's error names the groups box; row 2 has none.
    expect([invalidField(report.rows[0], broken.layers[0]), invalidField(report.rows[1], broken.layers[1])]).toEqual(['groups', undefined]);
    expect(role(row0.children[NUMBER_CELLS] as typeof row0, 'error').attrs.role).toBe('note');
  });

  it('errorsText names each invalid row once', () => {
    expect(errorsText(report, calculatorEn)).toMatch(/^Row 1: .*G = 3 must divide/);
    expect(computeStack(broken).totals.invalidRows).toBe(1);
  });
});

describe('columnWidths(report)', () => {
  it('MobileNet V1: the longest shape, parameter and mult-add texts of its rows', () => {
    // Howard et al. 2017, Table 1: the first rows output 112×112×32 and 112×112×64 (10 characters);
    // the largest layer is the 1×1 from 1024 to 1024 channels, 1024·1024 = 1,048,576 weights (9);
    // the most mult-adds in one layer are 14·14·512·512 = 51,380,224 (10; also 56·56·128·128 and 28·28·256·256).
    const w = columnWidths(stackReport(preset('mobilenet-v1'), 'paper', 'macs', calculatorEn));
    expect(w).toEqual({ shape: '112×112×32'.length, params: '1,048,576'.length, compute: '51,380,224'.length });
  });
  it('a row the cost model refuses counts its dash (one character) and the shape it still shows', () => {
    // G = 3 does not divide 16 channels: no counts, but the 3×3 'same' layer still reads 32×32×32.
    const w = columnWidths(stackReport({ ...broken, layers: [broken.layers[0]] }, 'paper', 'macs', calculatorEn));
    expect(w).toEqual({ shape: '32×32×32'.length, params: 1, compute: 1 });
  });
});

