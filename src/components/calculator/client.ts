/**
 * <stack-calculator>: turns the build-time table into an editor. State is the Stack plus the two
 * conventions; every change recomputes with src/lib/stack and mirrors the stack to ?stack=… (and
 * the conventions to ?params= / ?flops=). Text from links or pastes is only ever set as
 * textContent or input values, never as markup.
 *
 * Rows are keyed: each layer keeps its table row across moves, copies and removals, and a
 * keystroke writes only the cells whose text changed, so a 300-row stack stays quick to edit.
 * Loading a preset or importing a table adds a history entry (Back, or the Undo button, restores
 * the stack before it).
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
  PRESET_LABELS,
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

/** The live table row of one layer: its cells, and what they last showed (so unchanged cells are not written). */
interface RowDom {
  readonly tr: HTMLTableRowElement;
  /** The kind the row's controls were made for (a new kind makes a new row). */
  readonly kind: StackKind;
  /** Row index and stack length the labels were written for. */
  index: number;
  count: number;
  readonly head: HTMLElement;
  readonly kindSelect: HTMLSelectElement;
  readonly inputs: Partial<Record<NumField, HTMLInputElement>>;
  readonly padding?: HTMLSelectElement;
  readonly bias?: HTMLInputElement;
  readonly buttons: Readonly<Record<'up' | 'down' | 'copy' | 'remove', HTMLButtonElement>>;
  readonly shape: HTMLElement;
  readonly note: HTMLElement;
  readonly error: HTMLElement;
  readonly params: HTMLElement;
  readonly compute: HTMLElement;
  /** Last text written per cell, and the control marked invalid. */
  shown: Record<string, string>;
}

/** Text shown in a number box for a layer value ('' for none; NaN leaves the reader's text). */
const boxText = (v: number | null): string => (v === null ? '' : String(v));

const isParamConvention = (v: string | null): v is ParamConvention => v !== null && (PARAM_CONVENTIONS as readonly string[]).includes(v);
const isFlopConvention = (v: string | null): v is FlopConvention => v !== null && (FLOP_CONVENTIONS as readonly string[]).includes(v);

class StackCalculator extends HTMLElement {
  private stack!: Stack;
  private params: ParamConvention = 'paper';
  private flops: FlopConvention = 'macs';
  private rowsEl!: HTMLTableSectionElement;
  private lastAnnounced = '';
  /** One key per layer, parallel to stack.layers; a row's DOM is found by its key. */
  private keys: number[] = [];
  private nextKey = 1;
  private rowSerial = 1;
  private rows = new Map<number, RowDom>();
  private totalsShown: Record<string, string> = {};
  private sharesShown = '';
  private urlTimer = 0;

  connectedCallback(): void {
    if (this.dataset.ready !== undefined) return;
    this.rowsEl = this.q('[data-role=rows]') as HTMLTableSectionElement;
    const { stack, messages } = this.fromUrl(new URL(window.location.href));
    for (const e of this.querySelectorAll<HTMLElement>('[data-role=controls], [data-role=add-bar], [data-role=io], [data-role=actions-head]')) e.hidden = false;
    this.wire();
    // The build-time rows are plain text; the editor's rows replace them once.
    this.rowsEl.replaceChildren();
    this.replaceStack(stack);
    this.showMessages(messages, CALC.linkMessages);
    this.dataset.ready = '';
  }

  /** The stack and conventions a URL holds, with messages about what could not be used. */
  private fromUrl(url: URL): { stack: Stack; messages: string[] } {
    const messages: string[] = [];
    let stack: Stack | null = null;
    const given = url.searchParams.get('stack');
    if (given !== null) {
      const d = decodeStack(given);
      stack = d.stack;
      messages.push(...d.messages);
      if (!d.stack) messages.push('The default preset is shown instead.');
    }
    this.params = 'paper';
    this.flops = 'macs';
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
    return { stack: stack ?? decodeStack(this.dataset.default ?? '').stack ?? preset('mobilenet-v1'), messages };
  }

  private q(sel: string): Element {
    const e = this.querySelector(sel);
    if (!e) throw new Error(`calculator: missing ${sel}`);
    return e;
  }

  /**
   * Index of the layer whose row holds `el`, or -1 — also for a row that no longer belongs to the
   * stack (a focused box being removed fires its change event on its way out).
   */
  private rowOf(el: Element): number {
    const tr = el.closest('tr');
    if (!tr || tr.parentElement !== this.rowsEl) return -1;
    const i = tr.sectionRowIndex;
    return this.rows.get(this.keys[i])?.tr === tr ? i : -1;
  }

  private wire(): void {
    this.addEventListener('click', (ev) => {
      const b = (ev.target as Element).closest<HTMLButtonElement>('button[data-action]');
      if (!b || !this.contains(b)) return;
      const row = this.rowOf(b);
      const k = this.keys;
      switch (b.dataset.action) {
        case 'load': {
          const id = (this.q('[data-role=preset]') as HTMLSelectElement).value;
          if ((PRESET_IDS as readonly string[]).includes(id)) {
            this.replaceWithHistory(preset(id as PresetId), `${CALC.loadedPreset} ${PRESET_LABELS[id as PresetId]}.`, 'load');
            this.showMessages([], '');
          }
          break;
        }
        case 'add':
          this.stack = insertLayer(this.stack, this.stack.layers.length - 1, defaultLayer('standard'));
          k.push(this.nextKey++);
          this.render(this.stack.layers.length - 1, 'kind');
          break;
        case 'up':
          if (row < 1) break;
          this.stack = moveLayer(this.stack, row, -1);
          [k[row - 1], k[row]] = [k[row], k[row - 1]];
          this.render(row - 1, row - 1 === 0 ? 'down' : 'up');
          break;
        case 'down':
          if (row < 0 || row >= k.length - 1) break;
          this.stack = moveLayer(this.stack, row, 1);
          [k[row + 1], k[row]] = [k[row], k[row + 1]];
          this.render(row + 1, row + 1 === this.stack.layers.length - 1 ? 'up' : 'down');
          break;
        case 'copy':
          if (row < 0) break;
          this.stack = insertLayer(this.stack, row, this.stack.layers[row]);
          k.splice(row + 1, 0, this.nextKey++);
          this.render(row + 1, 'kind');
          break;
        case 'remove':
          if (row < 0) break;
          this.stack = removeLayer(this.stack, row);
          k.splice(row, 1);
          if (this.stack.layers.length === 0) this.render(-1, 'add');
          else this.render(Math.min(row, this.stack.layers.length - 1), 'remove');
          break;
        case 'undo':
          // The stack before an import or a preset is the previous history entry.
          this.flushEdit();
          history.back();
          break;
        case 'copy-link':
          this.writeUrl();
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
          if (d.stack) this.replaceWithHistory(d.stack, `${CALC.imported} ${d.stack.layers.length} rows.`, 'import');
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
        this.refresh(true);
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
    // Back and Forward move between the stacks before and after an import or a preset.
    window.addEventListener('popstate', () => {
      const { stack, messages } = this.fromUrl(new URL(window.location.href));
      this.replaceStack(stack);
      this.showMessages(messages, CALC.linkMessages);
      this.setUndo(null);
      this.status(CALC.restored);
    });
  }

  /**
   * Apply an edit still pending in a focused table field to the current stack, before that stack
   * is replaced (its change event must not land on the rows of the new one).
   */
  private flushEdit(): void {
    const active = document.activeElement as HTMLElement | null;
    if (active && this.rowsEl.contains(active)) {
      this.onField(active, true);
      active.blur();
    }
  }

  /** Replace the stack with a new one (a preset, an import) as a new history entry that can be undone. */
  private replaceWithHistory(stack: Stack, message: string, after: 'load' | 'import'): void {
    this.flushEdit();
    // The entry being left keeps the stack as it is now, pending edit included; the new stack
    // goes into a new entry.
    this.writeUrl(true);
    history.pushState(history.state, '', window.location.href);
    this.replaceStack(stack);
    this.writeUrl(true);
    this.status(message);
    this.setUndo(after);
  }

  /** A whole new stack: every row is new. */
  private replaceStack(stack: Stack): void {
    this.stack = stack;
    this.keys = stack.layers.map(() => this.nextKey++);
    const h = this.q('[data-input=h]') as HTMLInputElement;
    const w = this.q('[data-input=w]') as HTMLInputElement;
    const c = this.q('[data-input=c]') as HTMLInputElement;
    h.value = String(stack.input.h);
    w.value = String(stack.input.w);
    c.value = String(stack.input.c);
    for (const e of [h, w, c]) e.removeAttribute('aria-invalid');
    (this.q('[data-role=bn]') as HTMLInputElement).checked = stack.bn;
    this.render();
  }

  /** Show the Undo button beside what just replaced the stack (or none). */
  private setUndo(after: 'load' | 'import' | null): void {
    for (const b of this.querySelectorAll<HTMLElement>('[data-action=undo]')) b.hidden = b.dataset.after !== after;
  }

  private onField(target: HTMLElement, committed = false): void {
    const field = target.dataset.field as LayerField | undefined;
    const i = this.rowOf(target);
    if (!field || i < 0 || !this.stack.layers[i]) return;
    const l = this.stack.layers[i];
    if (field === 'kind') {
      if (!committed) return;
      const kind = (target as HTMLSelectElement).value as StackKind;
      if (!STACK_KINDS.includes(kind) || kind === l.kind) return;
      this.stack.layers[i] = this.changeKind(l, kind);
      this.render(i, 'kind');
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
    this.refresh(!committed);
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

  /**
   * Bring the rows in line with the stack after a structural change: rows whose layer stayed are
   * kept (relabelled if they moved), new layers get new rows, rows of removed layers go. Then
   * recompute, and focus a control of row `focusRow`.
   */
  private render(focusRow = -1, focus: 'kind' | 'up' | 'down' | 'remove' | 'add' = 'kind'): void {
    const n = this.stack.layers.length;
    const keep = new Set(this.keys);
    for (const [key, dom] of this.rows) {
      if (!keep.has(key)) {
        dom.tr.remove();
        this.rows.delete(key);
      }
    }
    this.keys.forEach((key, i) => {
      const l = this.stack.layers[i];
      let dom = this.rows.get(key);
      if (dom && dom.kind !== l.kind) {
        dom.tr.remove();
        dom = undefined;
      }
      if (!dom) {
        dom = this.makeRow(l);
        this.rows.set(key, dom);
      } else this.syncValues(dom, l);
      if (dom.index !== i || dom.count !== n) this.label(dom, i, n);
      const at = this.rowsEl.rows[i];
      if (at !== dom.tr) this.rowsEl.insertBefore(dom.tr, at ?? null);
    });
    this.refresh();
    if (focus === 'add') (this.q('[data-action=add]') as HTMLElement).focus();
    else if (focusRow >= 0) {
      const dom = this.rows.get(this.keys[focusRow]);
      const target = !dom ? undefined : focus === 'kind' ? dom.kindSelect : dom.buttons[focus];
      target?.focus();
    }
  }

  /** Number boxes and selects show the layer's values (a branch row number may have moved). */
  private syncValues(dom: RowDom, l: StackLayer): void {
    for (const [field, input] of Object.entries(dom.inputs) as [NumField, HTMLInputElement][]) {
      const v = l[field];
      if (typeof v === 'number' && Number.isNaN(v)) continue;
      if (input.value !== boxText(v)) input.value = boxText(v);
    }
    if (dom.padding && dom.padding.value !== l.padding) dom.padding.value = l.padding;
    if (dom.bias && dom.bias.checked !== l.bias) dom.bias.checked = l.bias;
  }

  /** The row-number text and every label that names the row. */
  private label(dom: RowDom, i: number, n: number): void {
    const row = i + 1;
    dom.index = i;
    dom.count = n;
    dom.head.textContent = String(row);
    dom.kindSelect.setAttribute('aria-label', `Row ${row} layer kind`);
    for (const [field, input] of Object.entries(dom.inputs) as [NumField, HTMLInputElement][]) {
      input.setAttribute('aria-label', `Row ${row} ${FIELD_LABEL[field]}`);
      if (field === 'from') input.max = String(Math.max(1, i));
    }
    dom.padding?.setAttribute('aria-label', `Row ${row} padding`);
    dom.bias?.setAttribute('aria-label', `Row ${row} bias`);
    dom.error.id = `calc-err-${dom.tr.dataset.key}`;
    const label = (b: HTMLButtonElement, text: string) => {
      b.setAttribute('aria-label', text);
      b.title = text;
    };
    label(dom.buttons.up, `Move row ${row} up`);
    label(dom.buttons.down, `Move row ${row} down`);
    label(dom.buttons.copy, `Insert a copy of row ${row} below it`);
    label(dom.buttons.remove, `Remove row ${row}`);
    dom.buttons.up.disabled = i === 0;
    dom.buttons.down.disabled = i === n - 1;
  }

  /** A new row for a layer: controls only for the fields its kind reads, the rest left blank. */
  private makeRow(l: StackLayer): RowDom {
    const tr = el('tr', { 'data-key': String(this.rowSerial++) });
    const head = el('th', { scope: 'row', class: 'num' });
    tr.appendChild(head);
    const kindTd = el('td');
    const kindSelect = el('select', { 'data-field': 'kind' });
    for (const k of STACK_KINDS) {
      const o = el('option', { value: k }, KIND_LABELS[k]);
      if (k === l.kind) o.selected = true;
      kindSelect.appendChild(o);
    }
    kindTd.appendChild(kindSelect);
    tr.appendChild(kindTd);
    const used = KIND_FIELDS[l.kind];
    const inputs: Partial<Record<NumField, HTMLInputElement>> = {};
    const blank = (cls = '') => el('td', { class: `calc-na ${cls}`.trim() });
    const num = (field: NumField) => {
      if (!used.includes(field)) return blank('num');
      const td = el('td', { class: 'num' });
      const input = el('input', { type: 'number', inputmode: 'numeric', min: '1', max: String(FIELD_MAX[field]), step: '1', 'data-field': field, class: `calc-in calc-in-${field}` });
      input.value = boxText(l[field]);
      if (field === 'out' && l.out === null) input.placeholder = CALC.sameAsInput;
      inputs[field] = input;
      td.appendChild(input);
      return td;
    };
    tr.append(num('k'), num('out'), num('groups'), num('stride'));
    let padding: HTMLSelectElement | undefined;
    if (used.includes('padding')) {
      const td = el('td');
      padding = el('select', { 'data-field': 'padding' });
      for (const p of ['same', 'valid']) padding.appendChild(el('option', { value: p }, p));
      padding.value = l.padding;
      td.appendChild(padding);
      tr.appendChild(td);
    } else tr.appendChild(blank());
    let bias: HTMLInputElement | undefined;
    if (used.includes('bias')) {
      const td = el('td');
      bias = el('input', { type: 'checkbox', 'data-field': 'bias' });
      bias.checked = l.bias;
      td.appendChild(bias);
      tr.appendChild(td);
    } else tr.appendChild(blank());
    tr.append(num('t'), num('from'));
    const out = el('td', { class: 'calc-out' });
    const shape = el('span', { 'data-role': 'shape' });
    const note = el('span', { class: 'calc-note', 'data-role': 'note' });
    const error = el('span', { class: 'calc-error', 'data-role': 'error' });
    out.append(shape, note, error);
    tr.appendChild(out);
    const params = el('td', { class: 'num', 'data-quantity': 'row-params' });
    const compute = el('td', { class: 'num', 'data-quantity': 'row-compute' });
    tr.append(params, compute);
    const actions = el('td', { class: 'calc-actions' });
    const button = (action: string, text: string) => actions.appendChild(el('button', { type: 'button', 'data-action': action }, text));
    const buttons = { up: button('up', '↑'), down: button('down', '↓'), copy: button('copy', '+'), remove: button('remove', '×') };
    tr.appendChild(actions);
    return { tr, kind: l.kind, index: -1, count: -1, head, kindSelect, inputs, padding, bias, buttons, shape, note, error, params, compute, shown: {} };
  }

  /** Recompute, then write only what changed: cells, marks, totals, the URL (later while `typing`). */
  private refresh(typing = false): void {
    const t0 = performance.now();
    const view = calculatorView(this.stack, this.params, this.flops);
    const t1 = performance.now();
    this.dataset.recomputeMs = (t1 - t0).toFixed(3);
    const errors: string[] = [];
    view.rows.forEach((r, i) => {
      const dom = this.rows.get(this.keys[i]);
      if (!dom) return;
      const was = dom.shown;
      const text = (key: string, node: HTMLElement, value: string) => {
        if (was[key] !== value) {
          node.textContent = value;
          was[key] = value;
        }
      };
      text('shape', dom.shape, r.output);
      text('note', dom.note, r.note);
      text('error', dom.error, r.error ?? '');
      text('params', dom.params, r.params);
      text('compute', dom.compute, r.compute);
      if (was.paramsExact !== r.paramsExact) dom.params.dataset.exact = was.paramsExact = r.paramsExact;
      if (was.computeExact !== r.computeExact) dom.compute.dataset.exact = was.computeExact = r.computeExact;
      if (r.error) errors.push(`Row ${r.row}: ${r.error}`);
      // The control to mark: the field the error names, else the kind.
      const bad = r.error === undefined ? '' : (r.errorField ?? 'kind');
      if (was.bad !== bad) {
        const control = (field: string): HTMLElement | undefined =>
          field === 'kind' ? dom.kindSelect : field === 'padding' ? dom.padding : field === 'bias' ? dom.bias : dom.inputs[field as NumField];
        const before = was.bad ? control(was.bad) : undefined;
        before?.removeAttribute('aria-invalid');
        before?.removeAttribute('aria-describedby');
        // An error about a field this kind has no box for marks the kind.
        const now = bad ? (control(bad) ?? dom.kindSelect) : undefined;
        now?.setAttribute('aria-invalid', 'true');
        now?.setAttribute('aria-describedby', dom.error.id);
        if (bad) {
          dom.tr.dataset.invalid = '';
          dom.error.setAttribute('role', 'note');
        } else {
          delete dom.tr.dataset.invalid;
          dom.error.removeAttribute('role');
        }
        was.bad = bad;
      }
    });
    this.updateTotals(view);
    const announce = errors.length > 0 ? errors.join(' ') : '';
    if (announce !== this.lastAnnounced) {
      this.lastAnnounced = announce;
      (this.q('[data-role=announce]') as HTMLElement).textContent = announce;
    }
    // While typing, the address bar follows once typing pauses: writing history costs a few
    // milliseconds a time, and browsers throttle pages that write it on every keystroke.
    window.clearTimeout(this.urlTimer);
    if (typing) this.urlTimer = window.setTimeout(() => this.writeUrl(), 400);
    else this.writeUrl();
    this.dataset.rows = String(view.rows.length);
  }

  private updateTotals(view: CalculatorView): void {
    const t = view.totals;
    const set = (name: string, text: string, exact?: string) => {
      const key = `${name}|${text}|${exact ?? ''}`;
      if (this.totalsShown[name] === key) return;
      this.totalsShown[name] = key;
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
    const labels = [t.invalidRows > 0 ? `, ${t.invalidRows} ${CALC.notCounted}` : '', `(${PARAM_CONVENTION_LABELS[this.params]})`, FLOP_CONVENTION_LABELS[this.flops], `${this.stack.input.h}×${this.stack.input.w}×${this.stack.input.c}`];
    if (this.totalsShown.labels !== labels.join('|')) {
      this.totalsShown.labels = labels.join('|');
      (this.q('[data-role=invalid-count]') as HTMLElement).textContent = labels[0];
      (this.q('[data-role=params-label]') as HTMLElement).textContent = labels[1];
      for (const sel of ['[data-role=compute-label]', '[data-role=compute-head]', '[data-role=share-compute-head]']) (this.q(sel) as HTMLElement).textContent = labels[2];
      (this.q('[data-role=input-shape]') as HTMLElement).textContent = labels[3];
      // Counted as mult-adds, the compute total is the mult-adds total above: shown once.
      (this.q('[data-role=compute-row]') as HTMLElement).hidden = this.flops === 'macs';
    }
    const shares = JSON.stringify(view.shares);
    if (shares === this.sharesShown) return;
    this.sharesShown = shares;
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

  /** Mirror the stack and conventions to the address bar (`force`: even with an unreadable number). */
  private writeUrl(force = false): void {
    window.clearTimeout(this.urlTimer);
    // A row with an unreadable number is not written: the link keeps the last stack that reads back.
    const unreadable = this.stack.layers.some((l) => NUM_FIELDS.some((f) => typeof l[f] === 'number' && !Number.isSafeInteger(l[f])));
    if (unreadable && !force) return;
    const url = new URL(window.location.href);
    url.searchParams.set('stack', encodeStack(this.stack));
    if (this.params === 'paper') url.searchParams.delete('params');
    else url.searchParams.set('params', this.params);
    if (this.flops === 'macs') url.searchParams.delete('flops');
    else url.searchParams.set('flops', this.flops);
    if (url.href !== window.location.href) history.replaceState(history.state, '', url);
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

