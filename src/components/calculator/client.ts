/**
 * <stack-calculator>: turns the build-time table into an editor. State is the Stack plus the two
 * conventions; every change recomputes with src/lib/stack and mirrors the stack to ?stack=… (and
 * the conventions to ?params= / ?flops=). Text from links or pastes is only ever set as
 * textContent or input values, never as markup.
 */
import {
  FLOP_CONVENTIONS,
  FLOP_CONVENTION_LABELS,
  KIND_FIELDS,
  KIND_LABELS,
  LIMITS,
  PARAM_CONVENTIONS,
  PARAM_CONVENTION_LABELS,
  PRESET_IDS,
  STACK_KINDS,
  defaultLayer,
  insertLayer,
  moveLayer,
  preset,
  removeLayer,
  type FlopConvention,
  type LayerField,
  type ParamConvention,
  type PresetId,
  type Stack,
  type StackKind,
  type StackLayer,
} from '../../lib/stack';
import { decodeStack, encodeStack, fromTable, shown, toCsv, toMarkdown } from '../../lib/stack-codec';
import { calculatorView, type CalculatorView } from './view';
import { CALC } from './strings';

type NumField = 'k' | 'out' | 'groups' | 'stride' | 't' | 'from';
const NUM_FIELDS: readonly NumField[] = ['k', 'out', 'groups', 'stride', 't', 'from'];
const FIELD_LABEL: Readonly<Record<Exclude<LayerField, 'kind'>, string>> = {
  k: 'kernel size k',
  out: 'output channels',
  groups: 'groups G',
  stride: 'stride',
  padding: 'padding',
  bias: 'bias',
  t: 'expansion factor t',
  from: 'residual branch: reads the input of row',
};
const FIELD_MAX: Readonly<Record<NumField, number>> = { k: LIMITS.k, out: LIMITS.out, groups: LIMITS.groups, stride: LIMITS.stride, t: LIMITS.t, from: LIMITS.rows };

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}

const isParamConvention = (v: string | null): v is ParamConvention => v !== null && (PARAM_CONVENTIONS as readonly string[]).includes(v);
const isFlopConvention = (v: string | null): v is FlopConvention => v !== null && (FLOP_CONVENTIONS as readonly string[]).includes(v);

class StackCalculator extends HTMLElement {
  private stack!: Stack;
  private params: ParamConvention = 'paper';
  private flops: FlopConvention = 'macs';
  private rowsEl!: HTMLTableSectionElement;
  private lastAnnounced = '';

  connectedCallback(): void {
    if (this.dataset.ready !== undefined) return;
    this.rowsEl = this.q('[data-role=rows]') as HTMLTableSectionElement;
    const url = new URL(window.location.href);
    const messages: string[] = [];
    let stack: Stack | null = null;
    const given = url.searchParams.get('stack');
    if (given !== null) {
      const d = decodeStack(given);
      stack = d.stack;
      messages.push(...d.messages);
      if (!d.stack) messages.push('The default preset is shown instead.');
    }
    this.stack = stack ?? decodeStack(this.dataset.default ?? '').stack ?? preset('mobilenet-v1');
    const p = url.searchParams.get('params');
    if (p !== null) {
      if (isParamConvention(p)) this.params = p;
      else messages.push(`params=“${shown(p)}” is not one of ${PARAM_CONVENTIONS.join(', ')}; papers' count used.`);
    }
    const f = url.searchParams.get('flops');
    if (f !== null) {
      if (isFlopConvention(f)) this.flops = f;
      else messages.push(`flops=“${shown(f)}” is not one of ${FLOP_CONVENTIONS.join(', ')}; MACs used.`);
    }
    for (const e of this.querySelectorAll<HTMLElement>('[data-role=controls], [data-role=add-bar], [data-role=io], [data-role=actions-head]')) e.hidden = false;
    // The controls are drawn (disabled) at build time, so the table below them never moves.
    for (const group of this.querySelectorAll<HTMLFieldSetElement>('[data-role=controls] fieldset')) group.disabled = false;
    (this.q('[data-role=params]') as HTMLSelectElement).value = this.params;
    (this.q('[data-role=flops]') as HTMLSelectElement).value = this.flops;
    this.wire();
    this.build();
    this.showMessages(messages, CALC.linkMessages);
    this.dataset.ready = '';
  }

  private q(sel: string): Element {
    const e = this.querySelector(sel);
    if (!e) throw new Error(`calculator: missing ${sel}`);
    return e;
  }

  private wire(): void {
    this.addEventListener('click', (ev) => {
      const b = (ev.target as Element).closest<HTMLButtonElement>('button[data-action]');
      if (!b || !this.contains(b)) return;
      const row = Number(b.dataset.row);
      switch (b.dataset.action) {
        case 'load': {
          const id = (this.q('[data-role=preset]') as HTMLSelectElement).value;
          if ((PRESET_IDS as readonly string[]).includes(id)) {
            this.stack = preset(id as PresetId);
            this.build();
            this.showMessages([], '');
          }
          break;
        }
        case 'add':
          this.stack = insertLayer(this.stack, this.stack.layers.length - 1, defaultLayer('standard'));
          this.build(this.stack.layers.length - 1, 'kind');
          break;
        case 'up':
          this.stack = moveLayer(this.stack, row, -1);
          this.build(row - 1, row - 1 === 0 ? 'down' : 'up');
          break;
        case 'down':
          this.stack = moveLayer(this.stack, row, 1);
          this.build(row + 1, row + 1 === this.stack.layers.length - 1 ? 'up' : 'down');
          break;
        case 'copy':
          this.stack = insertLayer(this.stack, row, this.stack.layers[row]);
          this.build(row + 1, 'kind');
          break;
        case 'remove':
          this.stack = removeLayer(this.stack, row);
          if (this.stack.layers.length === 0) this.build(-1, 'add');
          else this.build(Math.min(row, this.stack.layers.length - 1), 'remove');
          break;
        case 'copy-link':
          void this.copy(window.location.href);
          break;
        case 'copy-csv':
          void this.copy(toCsv(this.stack));
          break;
        case 'copy-md':
          void this.copy(toMarkdown(this.stack));
          break;
        case 'download-csv':
          this.download(toCsv(this.stack), 'stack.csv', 'text/csv');
          break;
        case 'download-md':
          this.download(toMarkdown(this.stack), 'stack.md', 'text/markdown');
          break;
        case 'import': {
          const text = (this.q('[data-role=import-text]') as HTMLTextAreaElement).value;
          const d = fromTable(text);
          if (d.stack) {
            this.stack = d.stack;
            this.build();
            this.status(`${CALC.imported} ${d.stack.layers.length} rows.`);
          }
          this.showMessages(d.messages, CALC.importMessages);
          break;
        }
      }
    });
    this.rowsEl.addEventListener('input', (ev) => this.onField(ev.target as HTMLElement));
    this.rowsEl.addEventListener('change', (ev) => this.onField(ev.target as HTMLElement, true));
    for (const input of this.querySelectorAll<HTMLInputElement>('[data-input]')) {
      input.addEventListener('input', () => {
        const key = input.dataset.input as 'h' | 'w' | 'c';
        const max = key === 'c' ? LIMITS.channels : LIMITS.size;
        const v = /^\d{1,9}$/.test(input.value.trim()) ? Number(input.value) : NaN;
        const ok = v >= 1 && v <= max;
        input.setAttribute('aria-invalid', String(!ok));
        if (!ok) return;
        this.stack.input[key] = v;
        this.refresh();
      });
    }
    (this.q('[data-role=bn]') as HTMLInputElement).addEventListener('change', (ev) => {
      this.stack.bn = (ev.target as HTMLInputElement).checked;
      this.refresh();
    });
    (this.q('[data-role=params]') as HTMLSelectElement).addEventListener('change', (ev) => {
      const v = (ev.target as HTMLSelectElement).value;
      if (isParamConvention(v)) this.params = v;
      this.refresh();
    });
    (this.q('[data-role=flops]') as HTMLSelectElement).addEventListener('change', (ev) => {
      const v = (ev.target as HTMLSelectElement).value;
      if (isFlopConvention(v)) this.flops = v;
      this.refresh();
    });
  }

  private onField(target: HTMLElement, committed = false): void {
    const field = target.dataset.field as LayerField | undefined;
    const i = Number(target.dataset.row);
    if (!field || !Number.isInteger(i) || !this.stack.layers[i]) return;
    const l = this.stack.layers[i];
    if (field === 'kind') {
      if (!committed) return;
      const kind = (target as HTMLSelectElement).value as StackKind;
      if (!STACK_KINDS.includes(kind) || kind === l.kind) return;
      this.stack.layers[i] = this.changeKind(l, kind);
      this.build(i, 'kind');
      return;
    }
    if (field === 'padding') l.padding = (target as HTMLSelectElement).value === 'valid' ? 'valid' : 'same';
    else if (field === 'bias') l.bias = (target as HTMLInputElement).checked;
    else {
      const text = (target as HTMLInputElement).value.trim();
      const v = /^\d{1,9}$/.test(text) ? Number(text) : NaN;
      if ((field === 'from' || field === 'out') && text === '') l[field] = null;
      else if (field === 'from' || field === 'out') l[field] = v;
      else l[field] = v;
      // A number beyond its limit or not a whole number makes the row invalid (computeStack says why).
      if (field !== 'from' && v > FIELD_MAX[field]) l[field] = NaN;
    }
    this.refresh();
  }

  /** A new kind keeps what still makes sense (out, stride, padding, branch) and takes its defaults otherwise. */
  private changeKind(old: StackLayer, kind: StackKind): StackLayer {
    const next = defaultLayer(kind);
    const uses = KIND_FIELDS[kind];
    if (uses.includes('out') && old.out !== null && Number.isSafeInteger(old.out) && next.out !== null) next.out = old.out;
    if (uses.includes('stride') && Number.isSafeInteger(old.stride)) next.stride = old.stride;
    if (uses.includes('padding')) next.padding = old.padding;
    if (uses.includes('from')) next.from = old.from;
    if (uses.includes('k') && KIND_FIELDS[old.kind].includes('k') && Number.isSafeInteger(old.k)) next.k = old.k;
    return next;
  }

  /** Rebuild the editable rows (after a structural change), then focus a control of row `focusRow`. */
  private build(focusRow = -1, focus: 'kind' | 'up' | 'down' | 'remove' | 'add' = 'kind'): void {
    const frag = document.createDocumentFragment();
    const n = this.stack.layers.length;
    this.stack.layers.forEach((l, i) => frag.appendChild(this.rowEditor(l, i, n)));
    this.rowsEl.replaceChildren(frag);
    const h = this.q('[data-input=h]') as HTMLInputElement;
    const w = this.q('[data-input=w]') as HTMLInputElement;
    const c = this.q('[data-input=c]') as HTMLInputElement;
    h.value = String(this.stack.input.h);
    w.value = String(this.stack.input.w);
    c.value = String(this.stack.input.c);
    for (const e of [h, w, c]) e.removeAttribute('aria-invalid');
    (this.q('[data-role=bn]') as HTMLInputElement).checked = this.stack.bn;
    this.refresh();
    if (focus === 'add') (this.q('[data-action=add]') as HTMLElement).focus();
    else if (focusRow >= 0) {
      const sel = focus === 'remove' ? `[data-action=remove][data-row="${focusRow}"]` : focus === 'kind' ? `[data-field=kind][data-row="${focusRow}"]` : `[data-action=${focus}][data-row="${focusRow}"]`;
      this.querySelector<HTMLElement>(sel)?.focus();
    }
  }

  private rowEditor(l: StackLayer, i: number, n: number): HTMLTableRowElement {
    const row = i + 1;
    const tr = el('tr', { 'data-row': String(i) });
    tr.appendChild(el('th', { scope: 'row', class: 'num' }, String(row)));
    const kindTd = el('td');
    const kind = el('select', { 'data-field': 'kind', 'data-row': String(i), 'aria-label': `Row ${row} layer kind` });
    for (const k of STACK_KINDS) {
      const o = el('option', { value: k }, KIND_LABELS[k]);
      if (k === l.kind) o.selected = true;
      kind.appendChild(o);
    }
    kindTd.appendChild(kind);
    tr.appendChild(kindTd);
    const used = KIND_FIELDS[l.kind];
    const num = (field: NumField) => {
      const td = el('td', { class: 'num' });
      const input = el('input', {
        type: 'number',
        inputmode: 'numeric',
        min: field === 'from' ? '1' : '1',
        max: String(field === 'from' ? Math.max(1, i) : FIELD_MAX[field]),
        step: '1',
        'data-field': field,
        'data-row': String(i),
        'aria-label': `Row ${row} ${FIELD_LABEL[field]}`,
        class: `calc-in calc-in-${field}`,
      });
      const v = l[field];
      input.value = v === null || Number.isNaN(v) ? '' : String(v);
      if (field === 'out' && l.out === null) input.placeholder = CALC.sameAsInput;
      if (!used.includes(field)) {
        input.disabled = true;
        input.value = '';
        input.placeholder = '';
      }
      td.appendChild(input);
      return td;
    };
    tr.append(num('k'), num('out'), num('groups'), num('stride'));
    const padTd = el('td');
    const pad = el('select', { 'data-field': 'padding', 'data-row': String(i), 'aria-label': `Row ${row} padding` });
    for (const p of ['same', 'valid']) {
      const o = el('option', { value: p }, p);
      if (p === l.padding) o.selected = true;
      pad.appendChild(o);
    }
    pad.disabled = !used.includes('padding');
    padTd.appendChild(pad);
    tr.appendChild(padTd);
    const biasTd = el('td');
    const bias = el('input', { type: 'checkbox', 'data-field': 'bias', 'data-row': String(i), 'aria-label': `Row ${row} bias` });
    bias.checked = l.bias;
    bias.disabled = !used.includes('bias');
    biasTd.appendChild(bias);
    tr.appendChild(biasTd);
    tr.append(num('t'), num('from'));
    const out = el('td', { class: 'calc-out' });
    out.append(el('span', { 'data-role': 'shape' }), el('span', { class: 'calc-note', 'data-role': 'note' }), el('span', { class: 'calc-error', id: `calc-err-${i}`, 'data-role': 'error' }));
    tr.appendChild(out);
    tr.appendChild(el('td', { class: 'num', 'data-quantity': 'row-params' }));
    tr.appendChild(el('td', { class: 'num', 'data-quantity': 'row-compute' }));
    const actions = el('td', { class: 'calc-actions' });
    const button = (action: string, text: string, label: string, disabled = false) => {
      const b = el('button', { type: 'button', 'data-action': action, 'data-row': String(i), 'aria-label': label, title: label }, text);
      b.disabled = disabled;
      actions.appendChild(b);
    };
    button('up', '↑', `Move row ${row} up`, i === 0);
    button('down', '↓', `Move row ${row} down`, i === n - 1);
    button('copy', '+', `Insert a copy of row ${row} below it`);
    button('remove', '×', `Remove row ${row}`);
    tr.appendChild(actions);
    return tr;
  }

  /** Recompute and update every number, error and the URL (no element is rebuilt). */
  private refresh(): void {
    const t0 = performance.now();
    const view = calculatorView(this.stack, this.params, this.flops);
    const t1 = performance.now();
    this.dataset.recomputeMs = (t1 - t0).toFixed(3);
    const trs = this.rowsEl.rows;
    const errors: string[] = [];
    view.rows.forEach((r, i) => {
      const tr = trs[i];
      if (!tr) return;
      (tr.querySelector('[data-role=shape]') as HTMLElement).textContent = r.output;
      (tr.querySelector('[data-role=note]') as HTMLElement).textContent = r.note;
      const err = tr.querySelector('[data-role=error]') as HTMLElement;
      err.textContent = r.error ? r.error : '';
      if (r.error) {
        tr.dataset.invalid = '';
        err.setAttribute('role', 'note');
        errors.push(`Row ${r.row}: ${r.error}`);
      } else {
        delete tr.dataset.invalid;
        err.removeAttribute('role');
      }
      for (const control of tr.querySelectorAll<HTMLElement>('[data-field]')) {
        const bad = r.error !== undefined && (r.errorField === control.dataset.field || (r.errorField === undefined && control.dataset.field === 'kind'));
        if (bad) {
          control.setAttribute('aria-invalid', 'true');
          control.setAttribute('aria-describedby', err.id);
        } else {
          control.removeAttribute('aria-invalid');
          control.removeAttribute('aria-describedby');
        }
      }
      const p = tr.querySelector('[data-quantity=row-params]') as HTMLElement;
      p.textContent = r.params;
      p.dataset.exact = r.paramsExact;
      const c = tr.querySelector('[data-quantity=row-compute]') as HTMLElement;
      c.textContent = r.compute;
      c.dataset.exact = r.computeExact;
    });
    this.updateTotals(view);
    const announce = errors.length > 0 ? errors.join(' ') : '';
    if (announce !== this.lastAnnounced) {
      this.lastAnnounced = announce;
      (this.q('[data-role=announce]') as HTMLElement).textContent = announce;
    }
    this.writeUrl(view);
  }

  private updateTotals(view: CalculatorView): void {
    const t = view.totals;
    const set = (name: string, text: string, exact?: string) => {
      const e = this.querySelector<HTMLElement>(`[data-role=totals] [data-quantity="${name}"]`);
      if (!e) return;
      e.textContent = text;
      if (exact !== undefined) e.dataset.exact = exact;
    };
    set('params', t.params, t.paramsExact);
    set('macs', t.macs, t.macsExact);
    set('compute', t.compute, t.computeExact);
    set('bn-channels', t.bnChannels, t.bnChannelsExact);
    set('keras-total', t.kerasTotal);
    set('keras-trainable', t.kerasTrainable);
    set('keras-non-trainable', t.kerasNonTrainable);
    set('torch-params', t.torchParams);
    set('torch-buffers', t.torchBuffers);
    set('output', t.output);
    set('rows', String(t.rows));
    (this.q('[data-role=invalid-count]') as HTMLElement).textContent = t.invalidRows > 0 ? `, ${t.invalidRows} ${CALC.notCounted}` : '';
    (this.q('[data-role=params-label]') as HTMLElement).textContent = `(${PARAM_CONVENTION_LABELS[this.params]})`;
    for (const sel of ['[data-role=compute-label]', '[data-role=compute-head]', '[data-role=share-compute-head]']) {
      (this.q(sel) as HTMLElement).textContent = FLOP_CONVENTION_LABELS[this.flops];
    }
    (this.q('[data-role=input-shape]') as HTMLElement).textContent = `${this.stack.input.h}×${this.stack.input.w}×${this.stack.input.c}`;
    const body = this.q('[data-role=shares]') as HTMLTableSectionElement;
    const frag = document.createDocumentFragment();
    for (const s of view.shares) {
      const tr = el('tr');
      tr.appendChild(el('th', { scope: 'row' }, s.kind));
      for (const [v, cls] of [[String(s.layers), 'num'], [s.params, 'num'], [s.paramsShare, 'num'], [s.compute, 'num'], [s.computeShare, 'num']]) tr.appendChild(el('td', { class: cls }, v));
      frag.appendChild(tr);
    }
    body.replaceChildren(frag);
  }

  private writeUrl(view: CalculatorView): void {
    // A row with an unreadable number is not written: the link keeps the last stack that reads back.
    const unreadable = this.stack.layers.some((l) => NUM_FIELDS.some((f) => typeof l[f] === 'number' && !Number.isSafeInteger(l[f])));
    if (unreadable) return;
    const url = new URL(window.location.href);
    url.searchParams.set('stack', encodeStack(this.stack));
    if (this.params === 'paper') url.searchParams.delete('params');
    else url.searchParams.set('params', this.params);
    if (this.flops === 'macs') url.searchParams.delete('flops');
    else url.searchParams.set('flops', this.flops);
    if (url.href !== window.location.href) history.replaceState(history.state, '', url);
    this.dataset.rows = String(view.rows.length);
  }

  private showMessages(messages: readonly string[], title: string): void {
    const box = this.q('[data-role=messages]') as HTMLElement;
    if (messages.length === 0) {
      box.hidden = true;
      box.replaceChildren();
      return;
    }
    const list = el('ul');
    for (const m of messages) list.appendChild(el('li', {}, m));
    box.replaceChildren(el('p', {}, title), list);
    box.hidden = false;
  }

  private status(text: string): void {
    (this.q('[data-role=io-status]') as HTMLElement).textContent = text;
  }

  private async copy(text: string): Promise<void> {
    const fallback = this.q('[data-role=fallback]') as HTMLElement;
    try {
      await navigator.clipboard.writeText(text);
      fallback.hidden = true;
      this.status(CALC.copied);
    } catch {
      const area = fallback.querySelector('textarea') as HTMLTextAreaElement;
      area.value = text;
      fallback.hidden = false;
      area.focus();
      area.select();
    }
  }

  private download(text: string, name: string, type: string): void {
    const url = URL.createObjectURL(new Blob([text], { type }));
    const a = el('a', { href: url, download: name });
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    this.status(CALC.downloaded);
  }
}

if (!customElements.get('stack-calculator')) customElements.define('stack-calculator', StackCalculator);

