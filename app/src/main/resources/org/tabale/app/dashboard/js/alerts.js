// The officer's alerts panel: one tab per state (counts from the API), each alert with its figures
// and evidence; acknowledge and silence buttons call the officer API and reload the panel.
import { call, query } from './api.js';
import { t, number, date } from './i18n.js';
import { escape } from './map.js';

const STATES = ['firing', 'acknowledged', 'silenced', 'resolved'];
const SHOWN = 200;

export class AlertsPanel {
  constructor(root, { onSelect, onMessage }) {
    this.root = root;
    this.tabs = root.querySelector('#alert-tabs');
    this.list = root.querySelector('#alert-list');
    this.who = root.querySelector('#who');
    this.onSelect = onSelect;
    this.onMessage = onMessage;
    this.state = 'firing';
    this.counts = {};
    this.alerts = [];
    this.who.value = sessionStorage.getItem('tabale.who') || '';
    this.who.addEventListener('change', () => sessionStorage.setItem('tabale.who', this.who.value));
  }

  async load() {
    this.list.dataset.state = 'loading';
    const answers = await Promise.all(STATES.map(s => call('/api/v1/alerts?' + query({ state: s }))));
    STATES.forEach((s, i) => { this.counts[s] = answers[i].alerts.length; });
    this.byState = Object.fromEntries(STATES.map((s, i) => [s, answers[i].alerts]));
    this.render();
  }

  /** The alerts of one region (for the series' marks), whatever their state. */
  async forRegion(regionId) {
    return (await call('/api/v1/alerts?' + query({ region: regionId }))).alerts;
  }

  render() {
    this.tabs.innerHTML = '';
    for (const s of STATES) {
      const button = document.createElement('button');
      button.type = 'button';
      button.setAttribute('role', 'tab');
      button.dataset.state = s;
      button.setAttribute('aria-selected', String(s === this.state));
      button.textContent = `${t(s)} (${this.counts[s] ?? 0})`;
      button.addEventListener('click', () => { this.state = s; this.render(); });
      this.tabs.append(button);
    }
    const alerts = (this.byState && this.byState[this.state]) || [];
    this.list.innerHTML = '';
    if (alerts.length === 0) {
      this.list.innerHTML = `<li class="empty">${t('noAlerts')}</li>`;
    }
    alerts.slice(0, SHOWN).forEach(alert => this.list.append(this.item(alert)));
    this.list.dataset.state = 'ready';
    this.list.dataset.shown = this.state;
  }

  item(alert) {
    const li = document.createElement('li');
    li.dataset.alertId = alert.id;
    li.dataset.region = alert.region.id;
    li.dataset.state = alert.state;
    li.dataset.severity = alert.severity;
    const evidence = alert.evidence && alert.evidence.length ? alert.evidence.map(escape).join(', ') : t('noEvidence');
    li.innerHTML = `
      <div class="head"><a href="#" class="region-link">${escape(alert.region.admin1)} (${escape(alert.region.country)})</a>
        <span>${escape(t('severity.' + alert.severity))}</span></div>
      <div>${escape(t('metrics.' + alert.metric))} · <code>${escape(alert.rule)}</code></div>
      <div class="figures">${t('alertFigures', {
        value: number(alert.value), threshold: number(alert.threshold),
        baseline: alert.baseline == null ? '–' : number(alert.baseline, 1), window: alert.window, date: date(alert.date) })}</div>
      <div class="evidence">${t('evidence')}: ${evidence}</div>
      <div class="actions"></div>`;
    li.querySelector('.region-link').addEventListener('click', e => { e.preventDefault(); this.onSelect(alert.region.id); });
    const actions = li.querySelector('.actions');
    if (alert.state === 'firing') {
      actions.append(this.button(t('acknowledge'), 'ack', () => this.acknowledge(alert)));
    }
    if (alert.state === 'firing' || alert.state === 'acknowledged' || alert.state === 'pending') {
      const hours = document.createElement('select');
      hours.className = 'silence-hours';
      [6, 24, 72, 168].forEach(h => hours.add(new Option(t('hours', { n: h }), String(h), h === 24, h === 24)));
      const reason = document.createElement('input');
      reason.className = 'silence-reason';
      reason.placeholder = t('reason');
      actions.append(hours, reason, this.button(t('silence'), 'silence', () => this.silence(alert, Number(hours.value), reason.value)));
    }
    return li;
  }

  button(label, kind, action) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = kind;
    button.textContent = label;
    button.addEventListener('click', async () => {
      button.disabled = true;
      try {
        await action();
      } catch (e) {
        this.onMessage(t('error', { message: e.message }), true);
      } finally {
        button.disabled = false;
      }
    });
    return button;
  }

  by() { return this.who.value.trim() || 'dashboard'; }

  async acknowledge(alert) {
    await call(`/api/v1/alerts/${encodeURIComponent(alert.id)}/ack`, { method: 'POST', body: { by: this.by(), comment: 'acknowledged on the dashboard' } });
    this.onMessage(t('acked', { id: alert.id }));
    await this.load();
  }

  async silence(alert, hours, reason) {
    if (!reason.trim()) {
      this.onMessage(t('reasonRequired'), true);
      return;
    }
    const answer = await call('/api/v1/silences', {
      method: 'POST', body: { region: alert.region.id, rule: alert.rule, hours, createdBy: this.by(), comment: reason.trim() } });
    this.onMessage(t('silencedDone', { id: answer.id || '' }));
    await this.load();
  }
}
