// The ranking of regions for the date and window (the snapshot's rows, ranked by the API), and its
// CSV export (the snapshot's CSV, fetched with the token and saved as a file).
import { call, query } from './api.js';
import { t, number } from './i18n.js';
import { escape } from './map.js';

const COLUMNS = ['events', 'fatalities', 'violentEvents', 'civilianEvents', 'civilianFatalities'];

export class RankingTable {
  constructor(table, onSelect) {
    this.table = table;
    this.onSelect = onSelect;
  }

  render(rows, metric) {
    const head = this.table.querySelector('thead tr');
    head.innerHTML = [`<th>${t('rank')}</th>`, `<th>${t('region')}</th>`]
      .concat(COLUMNS.map(c => `<th class="${c === metric ? 'sorted' : ''}">${t('metrics.' + c)}</th>`))
      .concat([`<th>${t('per100k', { metric: t('metrics.civilianFatalities') })}</th>`]).join('');
    const body = this.table.querySelector('tbody');
    const fragment = document.createDocumentFragment();
    for (const row of rows) {
      const tr = document.createElement('tr');
      tr.dataset.region = row.id;
      tr.innerHTML = `<td>${row.rank}</td><td>${escape(row.admin1)} <small>(${escape(row.country)})</small></td>`
        + COLUMNS.map(c => `<td>${number(row[c])}</td>`).join('')
        + `<td>${row.per100k ? number(row.per100k.civilianFatalities, 2) : '–'}</td>`;
      tr.addEventListener('click', () => this.onSelect(row.id));
      fragment.append(tr);
    }
    body.replaceChildren(fragment);
    this.table.dataset.rows = String(rows.length);
  }
}

export async function exportCsv(view) {
  const params = { date: view.date, window: view.window, sort: view.metric, format: 'csv' };
  const text = await call('/api/v1/stats/snapshot?' + query(params), { accept: 'text/csv' });
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `tabale-${view.metric}-${view.window}d-${view.date}.csv`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}
