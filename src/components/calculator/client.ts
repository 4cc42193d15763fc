/**
 * <stack-calculator>: turns the build-time table into an editor. The state is the Stack, the two
 * conventions and what the page says (messages, status, the Undo button); every change makes a
 * new state, recomputes with src/lib/stack and patches the calculator's view (view.ts) over the
 * build's markup, then mirrors the stack to ?stack=… (and the conventions to ?params= / ?flops=).
 * Text from links or pastes only ever reaches the page as text in the view's tree, never as markup.
 *
 * Rows are keyed: each layer keeps its table row across moves, copies and removals, and a row is
 * patched only when what it shows changed, so a 300-row stack stays quick to edit. Loading a
 * preset or importing a table adds a history entry (Back, or the Undo button, restores the stack
 * before it).
 */
import { FLOP_CONVENTIONS, LIMITS, PARAM_CONVENTIONS, DEFAULT_PRESET, PRESET_IDS, STACK_KINDS, defaultLayer, insertLayer, moveLayer, removeLayer, type FlopConvention, type LayerField, type ParamConvention, type PresetId, type Stack, type StackKind, type StackLayer } from '../../lib/stack';
import { decodeStack, encodeStack, fromTable, shown, toCsv, toMarkdown } from '../../lib/stack-codec';
import { element, h, patch, patchFrom, type SvgNode } from '../figure-kit/svg';
import { langOf } from '../../i18n/page-lang';
import { loadCalculator } from '../../i18n/calculator.load';
import type { CalculatorStrings } from '../../i18n/calculator.en';
import { codecText } from '../../i18n/codec-text';
import { copyToClipboard, downloadText } from '../ui/browser';
import { lazy } from '../figure-kit/lazy';
import { NUM_FIELDS, changeKind, readCount, readsBack, setBn, setInput, setLayer, setNumber, type NumField } from './edit';
import { NUMBER_CELLS, calculatorView, columnWidths, invalidField, rowNumbers, rowView, stackReport, type CalculatorState, type CalculatorView } from './view';
import { importAfresh } from '../../lib/lazy';

const isParamConvention = (v: string | null): v is ParamConvention => v !== null && (PARAM_CONVENTIONS as readonly string[]).includes(v);
const isFlopConvention = (v: string | null): v is FlopConvention => v !== null && (FLOP_CONVENTIONS as readonly string[]).includes(v);

/**
 * A row's element and what it was last patched with (so unchanged rows are not walked, a row
 * whose numbers alone changed has only its number cells patched, and a changed row is touched
 * only where it changed).
 */
interface RowDom {
  readonly tr: HTMLTableRowElement;
  /** What the row's controls show: its layer, its error, its place, the reader's unreadable text. */
  controls: RowControls | null;
  /** What its computed cells show: the output shape and note, the params and the compute. */
  numbers: readonly string[] | null;
  tree: SvgNode | null;
}

type RowControls = readonly [StackLayer, ...(string | number | undefined)[]];

/** Whether two rows' controls show the same (a layer compared field by field: a copied stack has new layer objects). */
function sameControls(a: RowControls | null, b: RowControls): boolean {
  if (!a || a.length !== b.length) return false;
  for (let i = 1; i < a.length; i++) if (a[i] !== b[i]) return false;
  const [la, lb] = [a[0], b[0]];
  if (la === lb) return true;
  for (const k in lb) if (la[k as keyof StackLayer] !== lb[k as keyof StackLayer]) return false;
  return Object.keys(la).length === Object.keys(lb).length;
}

/** What a row's number cells show. */
const numbersOf = (r: CalculatorView['rows'][number]): readonly string[] => [r.output, r.note, r.params, r.paramsExact, r.compute, r.computeExact];

const sameList = (a: readonly string[] | null, b: readonly string[]): boolean => a !== null && a.length === b.length && a.every((x, i) => x === b[i]);

type Focus = 'kind' | 'up' | 'down' | 'remove' | 'add';

/**
 * The preset stacks and the architecture tables they are walked from: the page opens with the
 * default the build wrote, so they are fetched when a reader picks or loads a preset.
 */
const presets = lazy(() => importAfresh(() => import('../../lib/stack-presets')));

/**
 * A stack longer than any preset: its cells off screen are left out of layout and paint
 * (calculator.css), and while a reader types, rows beyond SCREENS_NEAR screens of the viewport
 * get their new numbers when typing pauses for FLUSH_MS, or at once when the page scrolls.
 */
const LONG_STACK = 50;
const SCREENS_NEAR = 1;
const FLUSH_MS = 300;
/**
 * The build's table already shows the default stack's numbers. Over it, the first FIRST_ROWS rows
 * become editable at once (the first screen) and the rest ROWS_PER_TASK at a time, one short task
 * each: built all at once, the ~30 rows of form controls are one long task on a slow phone.
 */
const FIRST_ROWS = 8;
const ROWS_PER_TASK = 6;

/**
 * The address the page was opened at. Every page's first script keeps one of a repeated key in
 * the address bar (page-query.ts) before the calculator reads it; the navigation entry still has
 * the address as given.
 */
function openedAt(): URL {
  const entry = performance.getEntriesByType('navigation')[0];
  return new URL(entry?.name || window.location.href);
}

class StackCalculator extends HTMLElement {
  private state!: CalculatorState;
  private rowsEl!: HTMLTableSectionElement;
  /** One key per layer, parallel to stack.layers; a row's element is found by its key. */
  private keys: number[] = [];
  private nextKey = 1;
  private rows = new Map<number, RowDom>();
  /** Number boxes whose text does not read as a count, per row key (the box keeps the reader's text). */
  private drafts = new Map<number, Partial<Record<NumField, string>>>();
  private urlTimer = 0;
  /**
   * The longest text each changing column has shown (characters): its cells are boxes of that
   * width. It only grows while a stack is edited (typing 32 → 321 → 32 does not resize the whole
   * table twice) and starts again for a new stack.
   */
  private widths = { shape: 0, params: 0, compute: 0 };
  /** The tree the calculator's view shows (null until the first render over the build's markup). */
  private viewTree: SvgNode | null = null;
  /**
   * Rows (keys) far off screen whose numbers a keystroke changed, patched once typing pauses or
   * the page scrolls (see renderRows); the report they are patched from.
   */
  private stale = new Set<number>();
  private report: CalculatorView | null = null;
  private flushTimer = 0;

  /** The calculator's words, in the page's language. */
  private t!: CalculatorStrings;

  /** While the build's rows are being made editable: the next row to replace (see adoptRows). */
  private adopting = -1;
  private adoptTimer = 0;

  connectedCallback(): void {
    if (this.dataset.ready === undefined && !this.starting) void this.start();
  }

  private starting = false;

  private async start(): Promise<void> {
    this.starting = true;
    this.t = await loadCalculator(langOf(this));
    const { stack, params, flops, messages } = this.fromUrl(new URL(window.location.href), openedAt());
    this.state = { stack, params, flops, editable: true, preset: DEFAULT_PRESET, inputDrafts: {}, messages: null, status: '', undo: null, fallback: null };
    this.keys = stack.layers.map(() => this.nextKey++);
    this.wire();
    this.update({ messages: messages.length ? { title: this.t.linkMessages, list: messages } : null });
    if (this.adopting < 0) this.dataset.ready = '';
  }

  /**
   * The stack and conventions a URL holds, with messages about what could not be used (`opened`:
   * the address as the reader gave it, which may repeat a key: the first counts, and they are told).
   */
  private fromUrl(url: URL, opened = url): { stack: Stack; params: ParamConvention; flops: FlopConvention; messages: string[] } {
    const messages: string[] = [];
    for (const key of ['stack', 'params', 'flops']) if (opened.searchParams.getAll(key).length > 1) messages.push(this.t.repeated(key));
    let stack: Stack | null = null;
    const given = url.searchParams.get('stack');
    if (given !== null) {
      const d = decodeStack(given);
      stack = d.stack;
      messages.push(...d.messages.map((m) => codecText(m, this.t.codec)));
      if (!d.stack) messages.push(this.t.defaultShown);
    }
    let params: ParamConvention = 'paper';
    let flops: FlopConvention = 'macs';
    const p = url.searchParams.get('params');
    if (p !== null) {
      if (isParamConvention(p)) params = p;
      else messages.push(this.t.badParams(shown(p), PARAM_CONVENTIONS.join(', ')));
    }
    const f = url.searchParams.get('flops');
    if (f !== null) {
      if (isFlopConvention(f)) flops = f;
      else messages.push(this.t.badFlops(shown(f), FLOP_CONVENTIONS.join(', ')));
    }
    // The build writes the default preset's link into the page; without it, an empty stack.
    const fallback: Stack = decodeStack(this.dataset.default ?? '').stack ?? { input: { h: 224, w: 224, c: 3 }, bn: true, layers: [] };
    return { stack: stack ?? fallback, params, flops, messages };
  }

  private q<T extends Element = HTMLElement>(sel: string): T {
    const e = this.querySelector<T>(sel);
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
      const { stack } = this.state;
      switch (b.dataset.action) {
        case 'load': {
          const id = this.state.preset;
          // A failed fetch says so in the page's status line; pressing again tries again.
          presets().then(
            (m) => this.replaceWithHistory(m.preset(id), this.t.loadedPreset(this.t.presets[id]), 'load', null),
            () => undefined,
          );
          break;
        }
        case 'add':
          k.push(this.nextKey++);
          this.edit(insertLayer(stack, stack.layers.length - 1, defaultLayer('standard')), false, stack.layers.length, 'kind');
          break;
        case 'up':
          if (row < 1) break;
          [k[row - 1], k[row]] = [k[row], k[row - 1]];
          this.edit(moveLayer(stack, row, -1), false, row - 1, row - 1 === 0 ? 'down' : 'up');
          break;
        case 'down':
          if (row < 0 || row >= k.length - 1) break;
          [k[row + 1], k[row]] = [k[row], k[row + 1]];
          this.edit(moveLayer(stack, row, 1), false, row + 1, row + 1 === stack.layers.length - 1 ? 'up' : 'down');
          break;
        case 'copy':
          if (row < 0) break;
          k.splice(row + 1, 0, this.nextKey++);
          this.edit(insertLayer(stack, row, stack.layers[row]), false, row + 1, 'kind');
          break;
        case 'remove': {
          if (row < 0) break;
          k.splice(row, 1);
          const next = removeLayer(stack, row);
          if (next.layers.length === 0) this.edit(next, false, -1, 'add');
          else this.edit(next, false, Math.min(row, next.layers.length - 1), 'remove');
          break;
        }
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
          void this.copy(toCsv(stack));
          break;
        case 'copy-md':
          void this.copy(toMarkdown(stack));
          break;
        case 'download-csv':
          downloadText(toCsv(stack), 'stack.csv', 'text/csv');
          this.update({ status: this.t.downloaded });
          break;
        case 'download-md':
          downloadText(toMarkdown(stack), 'stack.md', 'text/markdown');
          this.update({ status: this.t.downloaded });
          break;
        case 'import': {
          const d = fromTable(this.q<HTMLTextAreaElement>('[data-role=import-text]').value);
          const messages = d.messages.length ? { title: this.t.importMessages, list: d.messages.map((m) => codecText(m, this.t.codec)) } : null;
          if (d.stack) this.replaceWithHistory(d.stack, this.t.imported(d.stack.layers.length), 'import', messages);
          else this.update({ messages });
          break;
        }
      }
    });
    this.addEventListener('input', (ev) => {
      const target = ev.target as HTMLElement;
      if (target.dataset.input) this.onInputSize(target as HTMLInputElement);
      else if (this.rowsEl.contains(target)) this.onField(target);
    });
    this.addEventListener('change', (ev) => {
      const target = ev.target as HTMLElement;
      const role = target.dataset.role;
      const value = (target as HTMLSelectElement).value;
      if (this.rowsEl.contains(target)) this.onField(target, true);
      else if (role === 'bn') this.edit(setBn(this.state.stack, (target as HTMLInputElement).checked));
      else if (role === 'params' && isParamConvention(value)) this.update({ params: value });
      else if (role === 'flops' && isFlopConvention(value)) this.update({ flops: value });
      else if (role === 'preset' && (PRESET_IDS as readonly string[]).includes(value)) {
        this.update({ preset: value as PresetId }, false);
        // The reader is about to load it: fetch the presets now.
        presets().catch(() => undefined);
      }
    });
    // Rows left for later are patched before the page scrolls them into view (a scroll event
    // comes before the frame that draws the new position).
    document.addEventListener('scroll', () => this.stale.size > 0 && this.flushRows(), { capture: true, passive: true });
    // Back and Forward move between the stacks before and after an import or a preset.
    window.addEventListener('popstate', () => {
      const { stack, params, flops, messages } = this.fromUrl(new URL(window.location.href));
      this.newStack(stack);
      this.update({ stack, params, flops, inputDrafts: {}, messages: messages.length ? { title: this.t.linkMessages, list: messages } : null, undo: null, status: this.t.restored });
    });
  }

  private onInputSize(input: HTMLInputElement): void {
    const key = input.dataset.input as 'h' | 'w' | 'c';
    const max = key === 'c' ? LIMITS.channels : LIMITS.size;
    const v = readCount(input.value);
    const ok = v >= 1 && v <= max;
    const { [key]: _, ...others } = this.state.inputDrafts;
    if (!ok) this.update({ inputDrafts: { ...others, [key]: input.value } }, false);
    else this.update({ stack: setInput(this.state.stack, key, v), inputDrafts: others }, true, true);
  }

  /**
   * Apply an edit still pending in a focused table field to the current stack, before that stack
   * is replaced (its change event must not land on the rows of the new one).
   */
  private flushEdit(): void {
    const active = document.activeElement as HTMLElement | null;
    if (active && this.rowsEl?.contains(active)) {
      this.onField(active, true);
      active.blur();
    }
  }

  /** Replace the stack with a new one (a preset, an import) as a new history entry that can be undone. */
  private replaceWithHistory(stack: Stack, message: string, after: 'load' | 'import', messages: CalculatorState['messages']): void {
    this.flushEdit();
    // The entry being left keeps the stack as it is now, pending edit included; the new stack
    // goes into a new entry.
    this.writeUrl(true);
    history.pushState(history.state, '', window.location.href);
    this.newStack(stack);
    this.update({ stack, inputDrafts: {}, status: message, undo: after, messages });
    this.writeUrl(true);
  }

  /** A whole new stack: every row is new. */
  private newStack(stack: Stack): void {
    this.keys = stack.layers.map(() => this.nextKey++);
    this.drafts.clear();
    this.widths = { shape: 0, params: 0, compute: 0 };
  }

  /** Widen the changing columns' boxes to the longest text they show now. */
  private fitColumns(report: CalculatorView): void {
    const now = columnWidths(report);
    for (const k of ['shape', 'params', 'compute'] as const) {
      if (now[k] <= this.widths[k]) continue;
      this.widths[k] = now[k];
      this.style.setProperty(`--calc-w-${k}`, `${now[k]}ch`);
    }
    if (this.dataset.fit === undefined) this.dataset.fit = '';
  }

  private onField(target: HTMLElement, committed = false): void {
    const field = target.dataset.field as LayerField | undefined;
    const i = this.rowOf(target);
    const { stack } = this.state;
    const l = stack.layers[i];
    if (!field || i < 0 || !l) return;
    if (field === 'kind') {
      const kind = (target as HTMLSelectElement).value as StackKind;
      if (!committed || !STACK_KINDS.includes(kind) || kind === l.kind) return;
      this.drafts.delete(this.keys[i]);
      this.edit(setLayer(stack, i, changeKind(l, kind)), false, i, 'kind');
      return;
    }
    if (field === 'padding') this.edit(setLayer(stack, i, { ...l, padding: (target as HTMLSelectElement).value === 'valid' ? 'valid' : 'same' }), !committed);
    else if (field === 'bias') this.edit(setLayer(stack, i, { ...l, bias: (target as HTMLInputElement).checked }), !committed);
    else {
      const text = (target as HTMLInputElement).value;
      const next = setNumber(l, field, text);
      const key = this.keys[i];
      const { [field]: _, ...others } = this.drafts.get(key) ?? {};
      const v = next[field];
      this.drafts.set(key, typeof v === 'number' && Number.isNaN(v) ? { ...others, [field]: text } : others);
      this.edit(setLayer(stack, i, next), !committed);
    }
  }

  /** A new stack from an edit; focus a control of row `focusRow` after a change of rows. */
  private edit(stack: Stack, typing = false, focusRow = -1, focus: Focus | null = null): void {
    this.update({ stack }, true, typing);
    if (focus === 'add') this.q('[data-action=add]').focus();
    else if (focus && focusRow >= 0) {
      const tr = this.rows.get(this.keys[focusRow])?.tr;
      const target = focus === 'kind' ? tr?.querySelector<HTMLElement>('select[data-field=kind]') : tr?.querySelector<HTMLElement>(`button[data-action=${focus}]`);
      target?.focus();
    }
  }

  /** A new state: recompute, patch the view and the rows, and follow with the URL (later while `typing`). */
  private update(change: Partial<CalculatorState>, recompute = true, typing = false): void {
    this.state = { ...this.state, ...change };
    const t0 = performance.now();
    const report = stackReport(this.state.stack, this.state.params, this.state.flops, this.t);
    this.dataset.recomputeMs = (performance.now() - t0).toFixed(3);
    this.render(report, typing);
    if (!recompute) return;
    // While typing, the address bar follows once typing pauses: writing history costs a few
    // milliseconds a time, and browsers throttle pages that write it on every keystroke.
    window.clearTimeout(this.urlTimer);
    if (typing) this.urlTimer = window.setTimeout(() => this.writeUrl(), 400);
    else this.writeUrl();
  }

  private render(report: CalculatorView, typing = false): void {
    const view = this.q('[data-role=view]');
    const tree = calculatorView(this.state, report, this.t);
    if (this.viewTree) {
      // While typing in a long stack, which rows are near the screen (read before anything is written).
      const near = typing && report.rows.length > LONG_STACK && this.rowsEl.rows.length === report.rows.length ? this.rowsOnScreen(SCREENS_NEAR) : undefined;
      // The rows first, laid out on their own: a changed number (and the box being typed in) is a
      // box of fixed size that the browser lays out alone. Laid out in one pass with the totals
      // below the table, those boxes would make the browser lay out all 300 rows again.
      this.fitColumns(report);
      this.renderRows(report, near);
      void this.rowsEl.offsetHeight;
      // Then the rest, only where its tree changed.
      patchFrom(view, this.viewTree, tree);
    } else {
      // The first time: over the build's markup, then the rows.
      patch(view, tree);
      this.rowsEl = this.q<HTMLTableSectionElement>('[data-role=rows]');
      this.fitColumns(report);
      if (this.asBuilt(report)) this.adoptRows(report, 0);
      else this.renderRows(report);
    }
    this.viewTree = tree;
    // A select a reader has used keeps its own choice; make it show the state's.
    const s = this.state;
    for (const [role, value] of [['preset', s.preset], ['params', s.params], ['flops', s.flops]] as const) {
      const select = this.q<HTMLSelectElement>(`[data-role=${role}]`);
      if (select.value !== value) select.value = value;
    }
    this.dataset.rows = String(report.rows.length);
    this.toggleAttribute('data-long', report.rows.length > LONG_STACK);
    if (s.fallback !== null) {
      const area = this.q<HTMLTextAreaElement>('#calc-fallback-text');
      if (area.value !== s.fallback) area.value = s.fallback;
    }
  }

  /**
   * Bring the rows in line with the stack: rows whose layer stayed are kept (moved into place),
   * new layers get new rows, rows of removed layers go, and a row is patched when what it shows
   * changed. Given the rows `near` the screen (while a reader types in a long stack), a row
   * outside them whose numbers alone changed is patched once typing pauses or the page scrolls
   * (flushRows), so a keystroke's frame is not held up by rows nobody can see: typing in row 2 of
   * 300 changes the numbers of all 298 below it.
   */
  private renderRows(report: CalculatorView, near?: readonly [number, number]): void {
    const { stack } = this.state;
    const n = stack.layers.length;
    const keep = new Set(this.keys);
    this.report = report;
    if (this.adopting >= 0) this.stopAdopting();
    if (this.rows.size === 0) this.rowsEl.replaceChildren(); // the build's plain rows
    for (const [key, dom] of this.rows) {
      if (!keep.has(key)) {
        dom.tr.remove();
        this.rows.delete(key);
        this.drafts.delete(key);
        this.stale.delete(key);
      }
    }
    const [first, end] = near ?? [0, n];
    this.keys.forEach((key, i) => {
      const l = stack.layers[i];
      const r = report.rows[i];
      const drafts = this.drafts.get(key) ?? {};
      const controls: RowControls = [l, r.error, r.errorField, i, n, Object.keys(drafts).length ? JSON.stringify(drafts) : ''];
      const numbers = numbersOf(r);
      let dom = this.rows.get(key);
      if (!dom) {
        dom = { tr: element(h('tr')) as HTMLTableRowElement, controls: null, numbers: null, tree: null };
        this.rows.set(key, dom);
      }
      if (!sameControls(dom.controls, controls)) {
        // The row's tree is built only when something it shows changed, and compared with the
        // tree it shows so that only the cells that changed are touched.
        const tree = rowView(r, l, i, n, key, drafts, this.t);
        if (dom.tree) patchFrom(dom.tr, dom.tree, tree);
        else patch(dom.tr, tree);
        dom.tree = tree;
        dom.controls = controls;
        dom.numbers = numbers;
        this.stale.delete(key);
      } else if (!sameList(dom.numbers, numbers)) {
        if (i >= first && i < end) this.patchNumbers(dom, key, l, r, numbers);
        else this.stale.add(key);
      }
      const at = this.rowsEl.rows[i];
      if (at !== dom.tr) this.rowsEl.insertBefore(dom.tr, at ?? null);
    });
    if (this.stale.size > 0) this.queueFlush();
  }

  /**
   * Whether the build's plain rows show what this first render would: the default stack, counted
   * with the default conventions, and nothing to say about the link.
   */
  private asBuilt(report: CalculatorView): boolean {
    const s = this.state;
    return s.params === 'paper' && s.flops === 'macs' && s.messages === null && this.rowsEl.rows.length === report.rows.length && encodeStack(s.stack) === this.dataset.default;
  }

  /**
   * Replace the build's plain rows from `from` on with editable ones, a few per task (the first
   * screen in the first task), each in place, so that the table never shows a gap. The calculator
   * is marked ready when the last is replaced; any change before that ends the adoption and
   * renderRows builds the rest at once.
   */
  private adoptRows(report: CalculatorView, from: number): void {
    const { layers } = this.state.stack;
    const n = layers.length;
    const end = Math.min(n, from + (from === 0 ? FIRST_ROWS : ROWS_PER_TASK));
    this.report = report;
    for (let i = from; i < end; i++) {
      const [key, l, r] = [this.keys[i], layers[i], report.rows[i]];
      const tree = rowView(r, l, i, n, key, {}, this.t);
      const tr = element(tree) as HTMLTableRowElement;
      this.rows.set(key, { tr, controls: [l, r.error, r.errorField, i, n, ''], numbers: numbersOf(r), tree });
      this.rowsEl.rows[i].replaceWith(tr);
    }
    if (end < n) {
      this.adopting = end;
      this.adoptTimer = window.setTimeout(() => this.adoptRows(report, end), 0);
      return;
    }
    this.adopting = -1;
    this.dataset.ready = '';
  }

  /** End an adoption part-way: the build's rows left go, and renderRows makes the rest. */
  private stopAdopting(): void {
    window.clearTimeout(this.adoptTimer);
    this.adopting = -1;
    const ours = new Set([...this.rows.values()].map((d) => d.tr));
    for (const tr of [...this.rowsEl.rows]) if (!ours.has(tr)) tr.remove();
    this.dataset.ready = '';
  }

  /**
   * A row whose numbers alone changed (an edit above it changed its input): its three number
   * cells are built and compared, not its controls.
   */
  private patchNumbers(dom: RowDom, key: number, l: StackLayer, r: CalculatorView['rows'][number], numbers: readonly string[]): void {
    if (!dom.tree) return;
    const cells = rowNumbers(r, key, invalidField(r, l) !== undefined);
    const children = dom.tree.children.slice();
    const tds = dom.tr.children;
    cells.forEach((cell, k) => {
      patchFrom(tds[NUMBER_CELLS + k], children[NUMBER_CELLS + k] as SvgNode, cell);
      children[NUMBER_CELLS + k] = cell;
    });
    dom.tree = { ...dom.tree, children };
    dom.numbers = numbers;
    this.stale.delete(key);
  }

  /**
   * The rows [first, end) within `screens` viewport heights of the screen, found by bisection
   * over the rows' boxes (read before this update writes anything, so no layout is forced).
   */
  private rowsOnScreen(screens: number): [number, number] {
    const rows = this.rowsEl.rows;
    const margin = screens * window.innerHeight;
    /** The first row whose box ends below `y` (px from the viewport's top). */
    const firstBelow = (y: number): number => {
      let [lo, hi] = [0, rows.length];
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (rows[mid].getBoundingClientRect().bottom < y) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    };
    return [firstBelow(-margin), Math.min(rows.length, firstBelow(window.innerHeight + margin) + 1)];
  }

  /**
   * Patch the rows left for later once typing pauses (FLUSH_MS after the last keystroke), or at
   * once when the page scrolls, so a row is never drawn with old numbers.
   */
  private queueFlush(): void {
    this.dataset.pending = '';
    window.clearTimeout(this.flushTimer);
    this.flushTimer = window.setTimeout(() => this.flushRows(), FLUSH_MS);
  }

  /** Patch every row left for later with the latest numbers. */
  private flushRows(): void {
    const report = this.report;
    if (report) {
      const { layers } = this.state.stack;
      this.keys.forEach((key, i) => {
        const dom = this.rows.get(key);
        if (!this.stale.has(key) || !dom) return;
        const r = report.rows[i];
        this.patchNumbers(dom, key, layers[i], r, numbersOf(r));
      });
    }
    this.stale.clear();
    window.clearTimeout(this.flushTimer);
    delete this.dataset.pending;
  }

  /** Mirror the stack and conventions to the address bar (`force`: even with an unreadable number). */
  private writeUrl(force = false): void {
    window.clearTimeout(this.urlTimer);
    const { stack, params, flops } = this.state;
    // A row with a number a link cannot carry (unreadable, or 0 where counts start at 1) is not
    // written: the link keeps the last stack that reads back as it is.
    const unreadable = stack.layers.some((l) => NUM_FIELDS.some((f) => l[f] !== null && !readsBack(f, l[f])));
    if (unreadable && !force) return;
    const url = new URL(window.location.href);
    url.searchParams.set('stack', encodeStack(stack));
    if (params === 'paper') url.searchParams.delete('params');
    else url.searchParams.set('params', params);
    if (flops === 'macs') url.searchParams.delete('flops');
    else url.searchParams.set('flops', flops);
    if (url.href !== window.location.href) history.replaceState(history.state, '', url);
  }

  private async copy(text: string): Promise<void> {
    if (await copyToClipboard(text)) {
      this.update({ status: this.t.copied, fallback: null }, false);
      return;
    }
    this.update({ fallback: text }, false);
    const area = this.q<HTMLTextAreaElement>('#calc-fallback-text');
    area.focus();
    area.select();
  }
}

if (!customElements.get('stack-calculator')) customElements.define('stack-calculator', StackCalculator);
