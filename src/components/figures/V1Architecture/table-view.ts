/**
 * The v1-architecture figure as an HTML table (for phones, screen readers and copying numbers),
 * as a pure function of α and the resolution: every layer with type, stride, shapes, parameters
 * and mult-adds, and the totals. LayerTable.astro renders it at build time; table.ts patches the
 * same tree when α or the resolution moves.
 */
import { h, type SvgNode } from '../../figure-kit/svg';
import { isCostError } from '../../../lib/errors';
import { formatInt } from '../../../lib/format';
import type { LiveStrings } from '../../../i18n/live.en';
import { fill } from '../../ui/rich-text';
import { layerTable } from './layers';
import type { Lang } from '../../../lib/locale';
import { costErrorText } from '../../../i18n/errors';

/** layerTableView({ alpha, res }, strings): the table (rows, or the cost model's message for a setting it refuses). */
export function layerTableView(s: { readonly alpha: number; readonly res: number; readonly lang?: Lang }, t: LiveStrings['layerTable']): SvgNode {
  let table: ReturnType<typeof layerTable> | undefined;
  let message = '';
  try {
    table = layerTable(s.alpha, s.res, s.lang);
  } catch (e) {
    if (!isCostError(e)) throw e;
    message = costErrorText(e, s.lang ?? 'en');
  }
  const total = (name: string, value: number | undefined) => h('td', { class: 'num', 'data-quantity': name, 'data-exact': value === undefined ? undefined : String(value) }, value === undefined ? '—' : formatInt(value));
  const res = h('span', { 'data-role': 'res' }, String(s.res));
  return h(
    'table',
    { class: 'v1a-table' },
    h('caption', {}, fill(t.caption, { alpha: h('span', { 'data-role': 'alpha' }, String(s.alpha)), res })),
    h('thead', {}, h('tr', {}, t.head.map((text, i) => h('th', { scope: 'col', class: i >= 6 ? 'num' : undefined }, text)))),
    h(
      'tbody',
      { 'data-role': 'rows' },
      table
        ? table.rows.map((r) =>
            h(
              'tr',
              {},
              r.cells.map((c, i) =>
                i === 1 ? h('th', { scope: 'row' }, c) : h('td', { class: [i >= 6 ? 'num' : '', r.erratum && i === 2 ? 'bad' : ''].filter(Boolean).join(' ') || undefined }, c),
              ),
            ),
          )
        : h('tr', {}, h('td', { colspan: 8 }, message)),
    ),
    h(
      'tfoot',
      { 'data-role': 'totals' },
      h('tr', {}, h('th', { scope: 'row', colspan: 6 }, t.total), total('params', table?.totals.params), total('macs', table?.totals.macs)),
      h('tr', {}, h('th', { scope: 'row', colspan: 6 }, t.bnChannels), total('bn-channels', table?.totals.bnChannels), h('td', {})),
      h('tr', {}, h('th', { scope: 'row', colspan: 6 }, t.keras), total('params-keras', table?.totals.keras), h('td', {})),
      h('tr', {}, h('th', { scope: 'row', colspan: 6 }, t.pytorch), total('params-pytorch', table?.totals.pytorch), h('td', {})),
    ),
  );
}
