/** Browser side of LayerTable.astro: patch the table's view when α or the resolution changes (followParams). */
import { followParams } from '../../figure-kit/follow';
import { params } from '../../figure-kit/store';
import { patch } from '../../figure-kit/svg';
import { langOf } from '../../../i18n/page-lang';
import { loadLive } from '../../../i18n/live.load';
import { loadFigureWords, loadWords } from '../../../i18n/figures.load';
import type { LiveStrings } from '../../../i18n/live.en';
import { layerTableView } from './table-view';
import type { Lang } from '../../../lib/locale';

class V1LayerTable extends HTMLElement {
  private key = '';
  private t!: LiveStrings['layerTable'];
  private edition: Lang = 'en';

  connectedCallback(): void {
    this.edition = langOf(this);
    // The table's rows use the figure's words too (layers.ts), and a row the cost model refuses its
    // refusal words: all in the page's language.
    void Promise.all([loadLive(this.edition), loadWords(this.edition, 'errors'), loadFigureWords(this.edition, 'v1-architecture')]).then(([t]) => {
      this.t = t.layerTable;
      followParams(this, ['alpha', 'res'], (v) => this.fill(v.alpha, v.res));
      // A closed table is not drawn, so a drag does not refill it (28 rows, 138 numbers a step):
      // it catches up as it opens, on the summary's click before it shows, or on its toggle when
      // something else opened it (find in page).
      const details = this.querySelector('details');
      const catchUp = (): void => {
        const { alpha, res } = params.get();
        this.fill(alpha, res, true);
      };
      details?.querySelector('summary')?.addEventListener('click', catchUp);
      details?.addEventListener('toggle', () => details.open && catchUp());
    });
  }

  private fill(alpha: number, res: number, opening = false): void {
    const key = `${alpha}|${res}`;
    const table = this.querySelector('table');
    if (key === this.key || !table) return;
    if (!opening && !table.closest('details')?.open) return;
    this.key = key;
    patch(table, layerTableView({ alpha, res, lang: this.edition }, this.t));
  }
}

customElements.define('v1-layer-table', V1LayerTable);
