/** Browser side of LayerTable.astro: refill the rows and totals when α or the resolution changes. */
import { params } from '../../figure-kit/store';
import { formatInt } from '../../../lib/format';
import { isCostError } from '../../../lib/errors';
import { layerTable } from './layers';
import { pageLang } from '../../../i18n';
import { figureText } from '../../../i18n/figures';

class V1LayerTable extends HTMLElement {
  private key = '';

  connectedCallback(): void {
    params.subscribe((v) => this.fill(v.alpha, v.res));
  }

  private fill(alpha: number, res: number): void {
    const key = `${alpha}|${res}`;
    if (key === this.key) return;
    this.key = key;
    const body = this.querySelector('[data-role=rows]');
    if (!body) return;
    const lang = pageLang();
    const caption = this.querySelector('[data-role=caption]');
    if (caption) caption.textContent = figureText(lang).v1Architecture.table.caption(String(alpha), String(res));
    let table: ReturnType<typeof layerTable>;
    try {
      table = layerTable(alpha, res, lang);
    } catch (e) {
      if (!isCostError(e)) throw e;
      const tr = document.createElement('tr');
      const td = document.createElement('td');
      td.colSpan = 8;
      td.textContent = e.message;
      tr.appendChild(td);
      body.replaceChildren(tr);
      return;
    }
    body.replaceChildren(
      ...table.rows.map((r) => {
        const tr = document.createElement('tr');
        r.cells.forEach((c, i) => {
          const cell = document.createElement(i === 1 ? 'th' : 'td');
          if (i === 1) cell.setAttribute('scope', 'row');
          if (i >= 6) cell.classList.add('num');
          if (r.erratum && i === 2) cell.classList.add('bad');
          cell.textContent = c;
          tr.appendChild(cell);
        });
        return tr;
      }),
    );
    const set = (name: string, value: number): void => {
      const el = this.querySelector<HTMLElement>(`[data-quantity="${name}"]`);
      if (!el) return;
      el.dataset.exact = String(value);
      el.textContent = formatInt(value);
    };
    set('params', table.totals.params);
    set('macs', table.totals.macs);
    set('bn-channels', table.totals.bnChannels);
    set('params-keras', table.totals.keras);
    set('params-pytorch', table.totals.pytorch);
  }
}

customElements.define('v1-layer-table', V1LayerTable);
