// The dashboard's wiring: sign-in (token in session storage), role detection by which calls
// succeed, the view (metric, window, date; mirrored in the address's #fragment), and the panels.
import { call, allowed, query, token, setToken, clearToken, ApiError } from './api.js';
import { t, apply, setLanguage, date as formatDate } from './i18n.js';
import { RegionMap } from './map.js';
import { SeriesChart, spanStart } from './series.js';
import { AlertsPanel } from './alerts.js';
import { RankingTable, exportCsv } from './ranking.js';

const $ = id => document.getElementById(id);
const METRICS = ['civilianFatalities', 'civilianEvents', 'fatalities', 'events', 'violentEvents', 'reports', 'verifiedReports'];
const WINDOWS = [7, 30, 90, 365];
const HISTORY_DAYS = 3650;
const DAY_MS = 86400000;

const view = { metric: 'civilianFatalities', window: 30, date: null };
const rights = { stats: false, alerts: false };
let minDate = null;
let regionMap = null;
let chart = null;
let alertsPanel = null;
let ranking = null;
let selected = null;
let lastRows = [];
let lastSeries = null;
let generation = 0;
let debounce = null;

const addDays = (iso, n) => new Date(Date.parse(iso + 'T00:00:00Z') + n * DAY_MS).toISOString().slice(0, 10);
const daysBetween = (from, to) => Math.round((Date.parse(to + 'T00:00:00Z') - Date.parse(from + 'T00:00:00Z')) / DAY_MS);

function status(message, isError = false) {
  $('status').textContent = message;
  $('status').classList.toggle('error', isError);
}

function fail(e) {
  if (e instanceof ApiError && e.status === 401) {
    clearToken();
    showLogin(t('badToken'));
  } else if (e instanceof ApiError && e.status === 429) {
    status(t('rateLimited', { s: e.retryAfter || '?' }), true);
  } else {
    status(t('error', { message: e.message }), true);
  }
}

function readHash() {
  const params = new URLSearchParams(location.hash.slice(1));
  if (METRICS.includes(params.get('metric'))) view.metric = params.get('metric');
  if (WINDOWS.includes(Number(params.get('window')))) view.window = Number(params.get('window'));
  if (/^\d{4}-\d{2}-\d{2}$/.test(params.get('date') || '')) view.date = params.get('date');
}

function writeHash() {
  history.replaceState(null, '', '#' + query({ date: view.date, metric: view.metric, window: view.window }));
}

function showLogin(message = '') {
  $('app').hidden = true;
  $('sign-out').hidden = true;
  $('role').hidden = true;
  $('login').hidden = false;
  $('login-error').textContent = message;
  $('token').focus();
}

function titles() {
  const params = { metric: t('metrics.' + view.metric), window: view.window, date: formatDate(view.date) };
  $('map-title').textContent = t('mapTitle', params);
  $('ranking-title').textContent = t('rankingTitle', params);
}

function fillSelects() {
  const metric = $('metric');
  metric.replaceChildren(...METRICS.map(m => new Option(t('metrics.' + m), m, false, m === view.metric)));
  const windows = $('window');
  windows.replaceChildren(...WINDOWS.map(w => new Option(t('days', { n: w }), String(w), false, w === view.window)));
}

function setSlider(latest) {
  minDate = addDays(latest, -HISTORY_DAYS);
  if (view.date && view.date < minDate) minDate = view.date;
  const max = Math.max(daysBetween(minDate, latest), view.date ? daysBetween(minDate, view.date) : 0);
  $('slider').max = String(max);
  $('date').min = minDate;
  $('date').max = addDays(minDate, max);
  syncDateInputs();
}

function syncDateInputs() {
  $('slider').value = String(daysBetween(minDate, view.date));
  $('date').value = view.date;
}

async function start() {
  $('login').hidden = true;
  status(t('loading'));
  let regions;
  try {
    try {
      regions = (await call('/api/v1/regions')).regions;
      rights.stats = true;
    } catch (e) {
      if (!(e instanceof ApiError && e.status === 403)) throw e;
      rights.stats = false;
    }
    rights.alerts = await allowed('/api/v1/alerts?state=pending');
  } catch (e) {
    fail(e);
    return;
  }
  if (!rights.stats && !rights.alerts) {
    clearToken();
    showLogin(t('noRights'));
    return;
  }
  const role = rights.stats && rights.alerts ? 'admin' : rights.stats ? 'analyst' : 'officer';
  $('role').textContent = t('roles.' + role);
  $('role').dataset.role = role;
  $('role').hidden = false;
  $('sign-out').hidden = false;
  $('app').hidden = false;
  document.body.dataset.role = role;
  $('alerts-panel').hidden = !rights.alerts;
  for (const id of ['controls', 'map-panel', 'ranking-panel']) $(id).hidden = !rights.stats;
  $('stats-denied').hidden = rights.stats;
  $('columns').classList.toggle('single', !(rights.stats && rights.alerts));

  readHash();
  fillSelects();
  const shown = [];
  if (rights.stats) {
    const latest = regions.map(r => r.latestDate).filter(Boolean).sort().pop() || new Date().toISOString().slice(0, 10);
    if (!view.date) view.date = latest;
    setSlider(latest);
    writeHash();
    regionMap = regionMap || new RegionMap($('map'), select);
    ranking = ranking || new RankingTable($('ranking'), select);
    chart = chart || new SeriesChart($('series'), $('series-note'));
    shown.push(firstFigures());
  }
  if (rights.alerts) {
    alertsPanel = alertsPanel || new AlertsPanel($('alerts-panel'), { onSelect: select, onMessage: status });
    shown.push(alertsPanel.load());
  }
  try {
    await Promise.all(shown);
    const ms = Math.round(performance.now());
    document.documentElement.dataset.firstPaintMs = String(ms);
    status(t('loaded', { ms }));
  } catch (e) {
    fail(e);
  }
}

/** The boundaries with the first date's figures, and the ranking, fetched side by side. */
async function firstFigures() {
  const params = { date: view.date, window: view.window, sort: view.metric };
  const [geojson, snapshot] = await Promise.all([
    call('/api/v1/stats/snapshot?' + query({ ...params, format: 'geojson' }), { accept: 'application/geo+json' }),
    call('/api/v1/stats/snapshot?' + query(params)),
  ]);
  regionMap.setBoundaries(geojson);
  show(snapshot);
}

function show(snapshot) {
  lastRows = snapshot.regions;
  regionMap.update(snapshot.regions, view);
  ranking.render(snapshot.regions, view.metric);
  titles();
}

/** Figures for the current view (map and ranking from one snapshot); a later call wins. */
async function refresh() {
  const mine = ++generation;
  const began = performance.now();
  writeHash();
  titles();
  try {
    const snapshot = await call('/api/v1/stats/snapshot?' + query({ date: view.date, window: view.window, sort: view.metric }));
    if (mine !== generation) return;
    show(snapshot);
    $('map').dataset.ms = String(Math.round(performance.now() - began));
    if (selected) await openSeries(selected);
  } catch (e) {
    fail(e);
  }
}

function later(action, ms = 250) {
  clearTimeout(debounce);
  debounce = setTimeout(action, ms);
}

async function select(regionId) {
  if (!rights.stats) return;
  selected = regionId;
  try {
    await openSeries(regionId);
  } catch (e) {
    fail(e);
  }
}

async function openSeries(regionId) {
  const began = performance.now();
  const days = Number($('series-span').value);
  const params = { region: regionId, from: spanStart(view.date, days), to: view.date, window: view.window };
  const [body, alerts] = await Promise.all([
    call('/api/v1/stats?' + query(params)),
    rights.alerts ? alertsPanel.forRegion(regionId) : Promise.resolve([]),
  ]);
  lastSeries = { body, alerts };
  $('series-panel').hidden = false;
  $('series-panel').dataset.region = regionId;
  renderSeries();
  $('series').dataset.ms = String(Math.round(performance.now() - began));
  $('series-panel').scrollIntoView({ block: 'nearest' });
}

function renderSeries() {
  if (!lastSeries) return;
  const { body, alerts } = lastSeries;
  $('series-title').textContent = t('seriesTitle', { region: `${body.region.admin1} (${body.region.country})`, metric: t('metrics.' + view.metric), window: body.window });
  chart.render(body, view.metric, alerts);
}

function relabel() {
  apply(document);
  if (!$('app').hidden) {
    fillSelects();
    if (rights.stats && view.date) {
      titles();
      regionMap.relabel();
      ranking.render(lastRows, view.metric);
      renderSeries();
    }
    if (rights.alerts && alertsPanel) alertsPanel.render();
    if ($('role').dataset.role) $('role').textContent = t('roles.' + $('role').dataset.role);
  }
}

function wire() {
  document.querySelectorAll('button.lang').forEach(b => b.addEventListener('click', () => { setLanguage(b.dataset.lang); relabel(); }));
  $('login-form').addEventListener('submit', e => {
    e.preventDefault();
    setToken($('token').value.trim());
    $('token').value = '';
    start();
  });
  $('sign-out').addEventListener('click', () => { clearToken(); selected = null; $('series-panel').hidden = true; showLogin(); });
  $('metric').addEventListener('change', () => { view.metric = $('metric').value; refresh(); });
  $('window').addEventListener('change', () => { view.window = Number($('window').value); refresh(); });
  $('slider').addEventListener('input', () => {
    view.date = addDays(minDate, Number($('slider').value));
    $('date').value = view.date;
    titles();
    later(refresh);
  });
  $('date').addEventListener('change', () => {
    if (!$('date').value) return;
    view.date = $('date').value;
    if (view.date < minDate) setSlider(addDays(minDate, Number($('slider').max)));
    syncDateInputs();
    refresh();
  });
  $('series-span').addEventListener('change', () => selected && select(selected));
  $('series-close').addEventListener('click', () => { selected = null; lastSeries = null; chart.clear(); $('series-panel').hidden = true; });
  $('export-csv').addEventListener('click', () => exportCsv(view).catch(fail));
  window.addEventListener('hashchange', () => {
    const before = query(view);
    readHash();
    if (rights.stats && query(view) !== before) { fillSelects(); syncDateInputs(); refresh(); }
  });
  window.addEventListener('resize', () => later(() => { if (regionMap) regionMap.resize(); if (chart) chart.resize(); }, 150));
}

wire();
apply(document);
if (token()) start(); else showLogin();
