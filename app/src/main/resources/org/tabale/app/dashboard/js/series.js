// A region's time series for the chosen metric and window (uPlot: its axes, scales and cursor),
// with the baseline band (mean ± spread, from each point's baseline) and a mark where each of the
// region's alerts fired (red: this metric; grey: other metrics).
/* global uPlot */
import { t, number, language } from './i18n.js';

const DAY = 86400;
// Month and day names for uPlot's time axis, in the page's language.
const NAMES = {
  fr: {
    MMMM: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
    MMM: ['janv.', 'févr.', 'mars', 'avr.', 'mai', 'juin', 'juil.', 'août', 'sept.', 'oct.', 'nov.', 'déc.'],
    WWWW: ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'],
    WWW: ['dim.', 'lun.', 'mar.', 'mer.', 'jeu.', 'ven.', 'sam.'],
  },
};

function seconds(iso) { return Date.parse(iso + 'T00:00:00Z') / 1000; }

/** Columns for uPlot from the API's series: x, value, band low, band high, mean. */
export function columns(series, metric) {
  const x = [], value = [], low = [], high = [], mean = [];
  for (const point of series) {
    x.push(seconds(point.date));
    value.push(point[metric]);
    const m = point.baseline && point.baseline.mean ? point.baseline.mean[metric] : null;
    const s = point.baseline && point.baseline.spread ? point.baseline.spread[metric] : null;
    mean.push(m ?? null);
    low.push(m == null ? null : Math.max(0, m - (s ?? 0)));
    high.push(m == null ? null : m + (s ?? 0));
  }
  return [x, value, low, high, mean];
}

function alertMarks(marks) {
  return {
    hooks: {
      draw: [u => {
        const { ctx, bbox } = u;
        ctx.save();
        for (const mark of marks) {
          const x = Math.round(u.valToPos(mark.x, 'x', true));
          if (x < bbox.left || x > bbox.left + bbox.width) continue;
          ctx.strokeStyle = mark.own ? '#c0001a' : '#9a9a9a';
          ctx.lineWidth = mark.own ? 2 : 1;
          ctx.setLineDash(mark.own ? [] : [4, 3]);
          ctx.beginPath();
          ctx.moveTo(x, bbox.top);
          ctx.lineTo(x, bbox.top + bbox.height);
          ctx.stroke();
          ctx.fillStyle = ctx.strokeStyle;
          ctx.beginPath();
          ctx.moveTo(x - 6, bbox.top);
          ctx.lineTo(x + 6, bbox.top);
          ctx.lineTo(x, bbox.top + 10);
          ctx.fill();
        }
        ctx.restore();
      }],
    },
  };
}

export class SeriesChart {
  constructor(element, note) {
    this.element = element;
    this.note = note;
    this.plot = null;
  }

  /** Draws the series; alerts are the region's alerts (may be empty when the token is no officer's). */
  render(body, metric, alerts) {
    const data = columns(body.series, metric);
    const inRange = alerts.filter(a => a.date >= body.from && a.date <= body.to);
    const marks = inRange.map(a => ({ x: seconds(a.date), own: a.metric === metric }));
    const own = marks.filter(m => m.own).length;
    if (this.plot) this.plot.destroy();
    const width = Math.max(320, this.element.clientWidth || 800);
    const opts = {
      width,
      height: 280,
      fmtDate: template => uPlot.fmtDate(template, NAMES[language()]),
      tzDate: ts => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'),
      scales: { x: { time: true }, y: { range: (u, min, max) => [0, Math.max(1, max * 1.1)] } },
      axes: [{}, { values: (u, ticks) => ticks.map(v => number(v, 1)) }],
      series: [
        { label: t('date'), value: (u, v) => (v == null ? '–' : new Date(v * 1000).toISOString().slice(0, 10)) },
        { label: t('metrics.' + metric), stroke: '#8c1d18', width: 2, value: (u, v) => number(v) },
        { label: t('baselineBand') + ' −', stroke: 'rgba(60,110,160,0.35)', width: 1, value: (u, v) => number(v, 1) },
        { label: t('baselineBand') + ' +', stroke: 'rgba(60,110,160,0.35)', width: 1, value: (u, v) => number(v, 1) },
        { label: t('mean'), stroke: '#3c6ea0', dash: [5, 4], width: 1, value: (u, v) => number(v, 1) },
      ],
      bands: [{ series: [3, 2], fill: 'rgba(60,110,160,0.25)' }],
      plugins: [alertMarks(marks)],
    };
    this.plot = new uPlot(opts, data, this.element);
    this.element.dataset.state = 'ready';
    this.element.dataset.points = String(data[0].length);
    this.element.dataset.alerts = String(own);
    this.note.textContent = t('alertMarks', { n: own, m: marks.length - own });
  }

  resize() {
    if (this.plot) this.plot.setSize({ width: Math.max(320, this.element.clientWidth), height: 280 });
  }

  clear() {
    if (this.plot) this.plot.destroy();
    this.plot = null;
    this.element.dataset.state = 'empty';
  }
}

export function spanStart(date, days) {
  return new Date((seconds(date) - (days - 1) * DAY) * 1000).toISOString().slice(0, 10);
}
