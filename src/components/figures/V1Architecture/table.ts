/** Browser side of LayerTable.astro: patch the table's view when α or the resolution changes (followParams). */
import { followParams } from '../../figure-kit/follow';
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
    });
  }

  private fill(alpha: number, res: number): void {
    const key = `${alpha}|${res}`;
    const table = this.querySelector('table');
    if (key === this.key || !table) return;
    this.key = key;
    patch(table, layerTableView({ alpha, res, lang: this.edition }, this.t));
  }
}

customElements.define('v1-layer-table', V1LayerTable);
