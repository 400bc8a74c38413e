// French and English texts; the choice is kept in local storage. Elements carrying data-i18n get
// their text from here, data-i18n-placeholder their placeholder.

const TEXTS = {
  en: {
    signIn: 'Sign in', signOut: 'Sign out', loginTitle: 'Enter your access token',
    loginHelp: 'The token is kept in this browser tab only (session storage) and sent with every API call.',
    tokenPlaceholder: 'token', badToken: 'This token was refused (401).', noRights: 'This token may read neither statistics nor alerts.',
    metric: 'Metric', window: 'Window', date: 'Date', days: '{n} days', span: 'Years', close: 'Close',
    statsDenied: 'This token may not read statistics: map, series and ranking are hidden.',
    mapTitle: '{metric}, {window} days to {date}', noData: 'none', legendTitle: '{metric} ({window} d)',
    hoverHint: 'Hover over a region; click it for its series.',
    alerts: 'Alerts', yourName: 'Your name (recorded with your actions)',
    firing: 'Firing', acknowledged: 'Acknowledged', silenced: 'Silenced', resolved: 'Resolved', pending: 'Pending',
    acknowledge: 'Acknowledge', silence: 'Silence', hours: '{n} h', reason: 'reason (required)',
    reasonRequired: 'A silence needs a reason.', acked: 'Alert {id} acknowledged.', silencedDone: 'Silence {id} created.',
    noAlerts: 'No alert in this state.', evidence: 'Evidence', noEvidence: 'none listed',
    alertFigures: '{value} (threshold {threshold}, baseline {baseline}) · {window} days to {date}',
    severity: { minor: 'minor', moderate: 'moderate', severe: 'severe', extreme: 'extreme' },
    rankingTitle: 'Regions by {metric}, {window} days to {date}', exportCsv: 'Export CSV',
    rank: '#', region: 'Region', per100k: '{metric} / 100k',
    seriesTitle: '{region}: {metric}, {window}-day windows', baselineBand: 'baseline (mean ± spread)', mean: 'baseline mean',
    alertMarks: '{n} alerts on this metric marked in red; {m} on other metrics in grey.',
    loading: 'Loading…', loaded: 'First paint in {ms} ms.', error: 'Error: {message}', rateLimited: 'Rate limit reached; retry in {s} s.',
    metrics: {
      civilianFatalities: 'Civilian fatalities', civilianEvents: 'Events targeting civilians', fatalities: 'Fatalities',
      events: 'Events', violentEvents: 'Violent events', reports: 'Community reports', verifiedReports: 'Verified reports',
    },
    roles: { admin: 'admin', analyst: 'analyst', officer: 'officer' },
  },
  fr: {
    signIn: 'Se connecter', signOut: 'Se déconnecter', loginTitle: "Saisissez votre jeton d'accès",
    loginHelp: "Le jeton n'est gardé que dans cet onglet (stockage de session) et accompagne chaque appel à l'API.",
    tokenPlaceholder: 'jeton', badToken: 'Ce jeton a été refusé (401).', noRights: 'Ce jeton ne peut lire ni statistiques ni alertes.',
    metric: 'Mesure', window: 'Fenêtre', date: 'Date', days: '{n} jours', span: 'Années', close: 'Fermer',
    statsDenied: 'Ce jeton ne peut pas lire les statistiques : carte, séries et classement sont masqués.',
    mapTitle: '{metric}, {window} jours au {date}', noData: 'aucun', legendTitle: '{metric} ({window} j)',
    hoverHint: 'Survolez une région ; cliquez pour sa série.',
    alerts: 'Alertes', yourName: 'Votre nom (enregistré avec vos actions)',
    firing: 'Actives', acknowledged: 'Prises en compte', silenced: 'En silence', resolved: 'Closes', pending: 'En attente',
    acknowledge: 'Prendre en compte', silence: 'Mettre en silence', hours: '{n} h', reason: 'motif (obligatoire)',
    reasonRequired: 'Un silence demande un motif.', acked: 'Alerte {id} prise en compte.', silencedDone: 'Silence {id} créé.',
    noAlerts: 'Aucune alerte dans cet état.', evidence: 'Preuves', noEvidence: 'aucune listée',
    alertFigures: '{value} (seuil {threshold}, référence {baseline}) · {window} jours au {date}',
    severity: { minor: 'mineure', moderate: 'modérée', severe: 'grave', extreme: 'extrême' },
    rankingTitle: 'Régions par {metric}, {window} jours au {date}', exportCsv: 'Exporter en CSV',
    rank: 'N°', region: 'Région', per100k: '{metric} / 100 000 hab.',
    seriesTitle: '{region} : {metric}, fenêtres de {window} jours', baselineBand: 'référence (moyenne ± écart)', mean: 'moyenne de référence',
    alertMarks: '{n} alertes sur cette mesure en rouge ; {m} sur d’autres mesures en gris.',
    loading: 'Chargement…', loaded: 'Premier affichage en {ms} ms.', error: 'Erreur : {message}', rateLimited: 'Limite d’appels atteinte ; réessayez dans {s} s.',
    metrics: {
      civilianFatalities: 'Civils tués', civilianEvents: 'Événements visant des civils', fatalities: 'Morts',
      events: 'Événements', violentEvents: 'Événements violents', reports: 'Signalements communautaires', verifiedReports: 'Signalements vérifiés',
    },
    roles: { admin: 'administration', analyst: 'analyste', officer: "agent d'alerte" },
  },
};

let lang = localStorage.getItem('tabale.lang') || (navigator.language || 'en').slice(0, 2);
if (!TEXTS[lang]) lang = 'en';

export function language() { return lang; }

export function setLanguage(next) {
  if (!TEXTS[next]) return;
  lang = next;
  localStorage.setItem('tabale.lang', next);
  apply(document);
}

/** The text for a key ("metrics.civilianFatalities" reaches into groups), {name} replaced from params. */
export function t(key, params = {}) {
  let text = key.split('.').reduce((node, part) => (node == null ? undefined : node[part]), TEXTS[lang]);
  if (text === undefined) text = key;
  return String(text).replace(/\{(\w+)\}/g, (_, name) => (params[name] === undefined ? '' : params[name]));
}

export function number(value, digits = 0) {
  if (value === null || value === undefined || Number.isNaN(value)) return '–';
  return new Intl.NumberFormat(lang, { maximumFractionDigits: digits }).format(value);
}

export function date(iso) {
  if (!iso) return '–';
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(iso + 'T00:00:00Z'));
}

export function apply(root) {
  document.documentElement.lang = lang;
  root.querySelectorAll('[data-i18n]').forEach(el => { el.textContent = t(el.dataset.i18n); });
  root.querySelectorAll('[data-i18n-placeholder]').forEach(el => { el.placeholder = t(el.dataset.i18nPlaceholder); });
  document.querySelectorAll('button.lang').forEach(b => b.classList.toggle('active', b.dataset.lang === lang));
}
