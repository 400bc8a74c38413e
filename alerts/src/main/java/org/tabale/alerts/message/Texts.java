package org.tabale.alerts.message;

import java.util.Map;
import org.tabale.alerts.lifecycle.Alert;
import org.tabale.alerts.rules.Severity;
import org.tabale.model.Metric;

/**
 * The words of one language. Metric and severity names are maps, not switches, so a metric added
 * to the model reads under its API name until it is translated here.
 */
record Texts(Map<Metric, String> metricNoun, Map<Metric, String> event, Map<Severity, String> severity,
             Map<Alert.Basis, String> basis, String alertTitle, String updateTitle, String resolvedTitle,
             String region, String measure, String value, String threshold, String baseline, String noBaseline,
             String ruleLine, String evidence, String noEvidence, String more, String resolvedNote,
             String reference, String details, String smsAlert, String smsUpdate, String smsResolved,
             String smsUsual, String smsRef) {

    static Texts of(Language language) {
        return language == Language.FR ? FR : EN;
    }

    String metric(Metric metric) {
        return metricNoun.getOrDefault(metric, metric.apiName());
    }

    String event(Metric metric) {
        return event.getOrDefault(metric, metric.apiName());
    }

    static final Texts FR = new Texts(
            Map.of(Metric.EVENTS, "événements", Metric.FATALITIES, "morts", Metric.VIOLENT_EVENTS, "événements violents",
                    Metric.CIVILIAN_EVENTS, "attaques contre des civils", Metric.CIVILIAN_FATALITIES, "civils tués"),
            Map.of(Metric.EVENTS, "Hausse des événements de conflit", Metric.FATALITIES, "Hausse des morts liés aux conflits",
                    Metric.VIOLENT_EVENTS, "Hausse des violences armées",
                    Metric.CIVILIAN_EVENTS, "Hausse des violences contre les civils",
                    Metric.CIVILIAN_FATALITIES, "Hausse des civils tués"),
            Map.of(Severity.MINOR, "mineure", Severity.MODERATE, "modérée", Severity.SEVERE, "sévère",
                    Severity.EXTREME, "extrême"),
            Map.of(Alert.Basis.EVENT_DATA, "observé (données d'événements vérifiées)",
                    Alert.Basis.VERIFIED_REPORTS, "probable (signalements communautaires vérifiés)",
                    Alert.Basis.UNVERIFIED_REPORTS, "possible (signalements communautaires non vérifiés)"),
            "Alerte %s : %s à %s (%s)", "Mise à jour, alerte %s : %s à %s (%s)", "Fin d'alerte : %s à %s (%s)",
            "Région : %s, %s (%s)", "Indicateur : %s sur %d jours, du %s au %s", "Valeur : %s", "seuil %s", "habituel %s",
            "pas de référence habituelle", "Règle : %s, gravité %s, certitude %s", "Événements en cause : %s",
            "aucun identifiant d'événement", "(+%d autres)", "La valeur est repassée sous le seuil : l'épisode est clos.",
            "Alerte %s, message %d du %s", "Détails : %s",
            "Tabalé ALERTE %s %s: %d %s en %d j au %s", "Tabalé MAJ alerte %s %s: %d %s en %d j au %s",
            "Tabalé FIN d'alerte %s: %s en %d j au %s", " (habituel %s)", " Réf %s");

    static final Texts EN = new Texts(
            Map.of(Metric.EVENTS, "events", Metric.FATALITIES, "deaths", Metric.VIOLENT_EVENTS, "violent events",
                    Metric.CIVILIAN_EVENTS, "attacks on civilians", Metric.CIVILIAN_FATALITIES, "civilians killed"),
            Map.of(Metric.EVENTS, "Surge in conflict events", Metric.FATALITIES, "Surge in conflict deaths",
                    Metric.VIOLENT_EVENTS, "Surge in armed violence", Metric.CIVILIAN_EVENTS, "Surge in violence against civilians",
                    Metric.CIVILIAN_FATALITIES, "Surge in civilians killed"),
            Map.of(Severity.MINOR, "minor", Severity.MODERATE, "moderate", Severity.SEVERE, "severe",
                    Severity.EXTREME, "extreme"),
            Map.of(Alert.Basis.EVENT_DATA, "observed (vetted event data)",
                    Alert.Basis.VERIFIED_REPORTS, "likely (verified community reports)",
                    Alert.Basis.UNVERIFIED_REPORTS, "possible (unverified community reports)"),
            "%s alert: %s in %s (%s)", "Update, %s alert: %s in %s (%s)", "Resolved: %s in %s (%s)",
            "Region: %s, %s (%s)", "Measure: %s over %d days, %s to %s", "Value: %s", "threshold %s", "usual %s",
            "no usual level known", "Rule: %s, severity %s, certainty %s", "Events behind it: %s",
            "no event ids", "(+%d more)", "The value is back under the threshold: the episode is closed.",
            "Alert %s, message %d of %s", "Details: %s",
            "Tabale ALERT %s %s: %d %s in %dd to %s", "Tabale UPDATE %s alert %s: %d %s in %dd to %s",
            "Tabale RESOLVED %s: %s in %dd to %s", " (usual %s)", " Ref %s");
}
