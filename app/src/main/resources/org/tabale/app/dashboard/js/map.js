// The choropleth: admin-1 boundaries from the snapshot's GeoJSON (Leaflet, no tile layer: nothing is
// fetched from outside the app), shaded by the chosen metric with fixed classes per window so that
// colours compare across dates; a legend; hover shows a region's figures; click opens its series.
/* global L */
import { t, number } from './i18n.js';

const COLOURS = ['#f2f0ea', '#ffffb2', '#fed976', '#feb24c', '#fd8d3c', '#f03b20', '#bd0026'];
const CLASSES = { 7: [1, 2, 5, 10, 20, 50], 30: [1, 3, 10, 25, 50, 100], 90: [1, 5, 20, 50, 100, 250], 365: [1, 10, 50, 100, 250, 500] };
const FIGURES = ['events', 'fatalities', 'violentEvents', 'civilianEvents', 'civilianFatalities', 'reports', 'verifiedReports'];

export function colour(value, window) {
  const edges = CLASSES[window] || CLASSES[30];
  let index = 0;
  edges.forEach((edge, i) => { if (value >= edge) index = i + 1; });
  return COLOURS[index];
}

export class RegionMap {
  constructor(element, onSelect) {
    this.element = element;
    this.onSelect = onSelect;
    this.map = L.map(element, { zoomSnap: 0.25, attributionControl: false });
    this.rows = new Map();
    this.view = { metric: 'civilianFatalities', window: 30, date: null };
    this.info = L.control({ position: 'topright' });
    this.info.onAdd = () => { this.infoBox = L.DomUtil.create('div', 'info'); return this.infoBox; };
    this.info.addTo(this.map);
    this.legend = L.control({ position: 'bottomright' });
    this.legend.onAdd = () => { this.legendBox = L.DomUtil.create('div', 'legend'); return this.legendBox; };
    this.legend.addTo(this.map);
  }

  /** First load: the boundaries (and the first figures) from the snapshot's GeoJSON. */
  setBoundaries(geojson) {
    if (this.layer) this.layer.remove();
    this.layer = L.geoJSON(geojson, {
      style: feature => this.style(feature.id),
      onEachFeature: (feature, layer) => {
        layer.on({
          mouseover: () => { layer.setStyle({ weight: 3, color: '#333' }); layer.bringToFront(); this.showInfo(feature.id); },
          mouseout: () => { this.layer.resetStyle(layer); this.showInfo(null); },
          click: () => this.onSelect(feature.id),
        });
      },
    }).addTo(this.map);
    this.map.fitBounds(this.layer.getBounds(), { padding: [8, 8] });
    this.update(geojson.features.map(f => f.properties), this.view);
  }

  /** New figures (snapshot rows) for a metric, window and date: restyles, relabels. */
  update(rows, view) {
    this.view = { ...view };
    rows.forEach(row => this.rows.set(row.id, row));
    if (this.layer) {
      this.layer.eachLayer(layer => {
        layer.setStyle(this.style(layer.feature.id));
        const el = layer.getElement && layer.getElement();
        // Paths exist once the map has a view: marked here for styling and tests.
        if (el) {
          el.classList.add('region');
          el.dataset.region = layer.feature.id;
          el.dataset.value = this.value(layer.feature.id);
        }
      });
    }
    this.renderLegend();
    this.showInfo(null);
    this.element.dataset.state = 'ready';
    this.element.dataset.date = view.date;
  }

  value(id) {
    const row = this.rows.get(id);
    return row ? row[this.view.metric] : 0;
  }

  style(id) {
    return { fillColor: colour(this.value(id), this.view.window), fillOpacity: 0.85, color: '#666', weight: 1 };
  }

  renderLegend() {
    if (!this.legendBox) return;
    const edges = CLASSES[this.view.window] || CLASSES[30];
    const lines = [`<strong>${t('legendTitle', { metric: t('metrics.' + this.view.metric), window: this.view.window })}</strong>`];
    lines.push(`<i style="background:${COLOURS[0]}"></i>0 (${t('noData')})`);
    edges.forEach((edge, i) => {
      const next = edges[i + 1];
      const label = next === undefined ? `≥ ${number(edge)}` : (next - 1 === edge ? number(edge) : `${number(edge)}–${number(next - 1)}`);
      lines.push(`<i style="background:${COLOURS[i + 1]}"></i>${label}`);
    });
    this.legendBox.innerHTML = lines.join('<br>');
  }

  showInfo(id) {
    if (!this.infoBox) return;
    const row = id && this.rows.get(id);
    if (!row) {
      this.infoBox.innerHTML = `<span class="note">${t('hoverHint')}</span>`;
      delete this.infoBox.dataset.region;
      return;
    }
    const cells = FIGURES.map(m => `<tr${m === this.view.metric ? ' class="chosen"' : ''}><td>${t('metrics.' + m)}</td><td>${number(row[m])}</td></tr>`);
    if (row.per100k) {
      cells.push(`<tr><td>${t('per100k', { metric: t('metrics.civilianFatalities') })}</td><td>${number(row.per100k.civilianFatalities, 2)}</td></tr>`);
    }
    this.infoBox.innerHTML = `<h3>${escape(row.admin1)} (${escape(row.country)})</h3><table>${cells.join('')}</table>`;
    this.infoBox.dataset.region = id;
  }

  relabel() {
    this.renderLegend();
    this.showInfo(null);
  }

  resize() { this.map.invalidateSize(); }
}

export function escape(text) {
  return String(text ?? '').replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
}
