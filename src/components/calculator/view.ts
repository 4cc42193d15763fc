/**
 * What the calculator shows for a stack, as strings: the same function feeds the build-time table
 * (the page without JavaScript) and the live one. Numbers are exact integers with separators; the
 * exact digits go to data-exact.
 */
import {
  KIND_FIELDS,
  KIND_LABELS,
  FLOP_CONVENTION_LABELS,
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
  type Stack,
  type StackResult,
} from '../../lib/stack';

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

/** Everything the calculator shows, for one stack and one choice of conventions. */
export function calculatorView(stack: Stack, params: ParamConvention, flops: FlopConvention): CalculatorView {
  const result = computeStack(stack);
  const rows: RowView[] = result.layers.map((r) => {
    const l = r.layer;
    const used = KIND_FIELDS[l.kind];
    const f = (name: LayerField, v: string) => (used.includes(name) ? v : '');
    let note = '';
    if (l.from !== null && !r.error) note = `branch: reads row ${l.from}'s input, added to the main path`;
    else if (r.shortcut) note = `expands to ${r.hidden}; identity shortcut`;
    else if (r.hidden !== undefined) note = `expands to ${r.hidden}; no shortcut`;
    const p = r.error ? 0n : rowParams(r, params);
    const c = r.error ? 0n : rowCompute(r, flops);
    const view: RowView = {
      row: r.row,
      kindLabel: KIND_LABELS[l.kind],
      fields: {
        k: f('k', String(l.k)),
        out: f('out', l.out === null ? '' : String(l.out)),
        groups: f('groups', String(l.groups)),
        stride: f('stride', String(l.stride)),
        padding: f('padding', l.padding),
        bias: f('bias', l.bias ? 'yes' : 'no'),
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
      view.error = r.error.message;
      if (r.error.field) view.errorField = r.error.field;
    }
    return view;
  });
  const t = result.totals;
  const allParams = totalParams(t, params);
  const allCompute = totalCompute(t, flops);
  const shares: ShareView[] = shareByKind(result, params, flops).map((s) => ({
    kind: KIND_LABELS[s.kind],
    layers: s.layers,
    params: groupDigits(s.params),
    paramsShare: percentText(s.params, allParams),
    compute: groupDigits(s.compute),
    computeShare: percentText(s.compute, allCompute),
  }));
  return {
    rows,
    shares,
    computeLabel: FLOP_CONVENTION_LABELS[flops],
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
