package org.tabale.alerts.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.tabale.alerts.lifecycle.Alert;
import org.tabale.alerts.lifecycle.AlertNotice;
import org.tabale.alerts.rules.Severity;
import org.tabale.alerts.support.Alerts;

class MessagesTest {

    private final Messages messages = new Messages(URI.create("https://tabale.example.org"));

    @Test
    void shouldWriteTheNewAlertInFrenchWithTheEvidence() {
        Message message = messages.render(Alerts.first(Alerts.mopti()), Language.FR);

        assertThat(message.title()).isEqualTo("Alerte sévère : hausse des civils tués à Mopti (Mali)");
        assertThat(message.body()).isEqualTo("""
                Alerte sévère : hausse des civils tués à Mopti (Mali)

                Région : Mopti, Mali (MLI.Mopti)
                Indicateur : civils tués sur 7 jours, du 2019-03-17 au 2019-03-23
                Valeur : 157 (seuil 10, habituel 4,5)
                Règle : civilian-fatalities-7d, gravité sévère, certitude observé (données d'événements vérifiées)
                Événements en cause : MLI1234, MLI1235, MLI1240

                Alerte 0123456789abcdef, message 0 du 2019-03-24T06:00:00Z
                Détails : https://tabale.example.org/api/v1/alerts/0123456789abcdef
                """);
    }

    @Test
    void shouldWriteTheNewAlertInEnglish() {
        Message message = messages.render(Alerts.first(Alerts.mopti()), Language.EN);

        assertThat(message.title()).isEqualTo("Severe alert: surge in civilians killed in Mopti (Mali)");
        assertThat(message.body()).contains("Value: 157 (threshold 10, usual 4.5)\n")
                .contains("Measure: civilians killed over 7 days, 2019-03-17 to 2019-03-23\n")
                .contains("certainty observed (vetted event data)");
    }

    @Test
    void shouldTitleUpdatesAndResolutionsApart() {
        Alert alert = Alerts.mopti();

        assertThat(messages.title(Alerts.update(alert), Language.FR)).startsWith("Mise à jour, alerte sévère");
        assertThat(messages.title(Alerts.update(alert), Language.EN)).startsWith("Update, severe alert");
        assertThat(messages.title(Alerts.resolved(alert), Language.FR)).isEqualTo("Fin d'alerte : hausse des civils tués à Mopti (Mali)");
        assertThat(messages.render(Alerts.resolved(alert), Language.EN).body())
                .contains("back under the threshold").contains("message 2 of");
    }

    @Test
    void shouldSayWhenNoBaselineIsKnownAndCapTheEvidenceList() {
        List<String> ids = Stream.iterate(1, i -> i + 1).limit(13).map(i -> "MLI" + i).toList();
        Alert m = Alerts.mopti();
        Alert alert = new Alert(m.id(), m.rule(), m.metric(), m.window(), m.region(), m.date(), m.state(), m.severity(),
                m.value(), m.threshold(), ids, m.raisedAt(), null, Alert.Basis.UNVERIFIED_REPORTS);

        String body = Messages.withoutLinks().render(Alerts.first(alert), Language.FR).body();

        assertThat(body).contains("(seuil 10, pas de référence habituelle)")
                .contains("MLI1, MLI2, MLI3, MLI4, MLI5, MLI6, MLI7, MLI8, MLI9, MLI10 (+3 autres)")
                .contains("certitude possible (signalements communautaires non vérifiés)")
                .doesNotContain("Détails");
    }

    @Test
    void shouldWriteTheFrenchSmsWithItsAccentsInGsm() {
        // é stays (GSM has it), ê of "extrême" becomes e (GSM has not).
        assertThat(messages.sms(Alerts.first(Alerts.mopti()), Language.FR))
                .isEqualTo("Tabalé ALERTE sévère Mopti (Mali): 157 civils tués en 7 j au 2019-03-23 (habituel 4,5). Réf 01234567");
        assertThat(messages.sms(Alerts.first(Alerts.menaka()), Language.FR))
                .isEqualTo("Tabalé ALERTE extreme Ménaka (Mali): 12 attaques contre des civils en 30 j au 2019-03-23 (habituel 3). Réf fedcba98");
        assertThat(messages.sms(Alerts.resolved(Alerts.tombouctou()), Language.EN))
                .isEqualTo("Tabale RESOLVED Tombouctou (Mali): attacks on civilians in 30d to 2019-03-23. Ref fedcba98");
    }

    static Stream<Arguments> everyNoticeOfEveryRegion() {
        Alert longName = Alerts.region("BFA.Boucle du Mouhoun", "Burkina Faso", "Boucle du Mouhoun, très très longue région imaginée",
                Severity.MODERATE);
        return Stream.of(Alerts.mopti(), Alerts.menaka(), Alerts.tombouctou(), longName)
                .flatMap(a -> Stream.of(Alerts.first(a), Alerts.update(a), Alerts.resolved(a)))
                .flatMap(n -> Stream.of(Language.values()).map(l -> Arguments.of(n, l)));
    }

    @ParameterizedTest
    @MethodSource("everyNoticeOfEveryRegion")
    void shouldFitEverySmsInOneGsmMessage(AlertNotice notice, Language language) {
        String sms = messages.sms(notice, language);

        assertThat(Gsm7.isGsm(sms)).as(sms).isTrue();
        assertThat(Gsm7.septets(sms)).as(sms).isLessThanOrEqualTo(160);
        assertThat(sms).as("the reference survives shortening").containsPattern("Re?é?f [0-9a-f]{8}$");
    }

    @Test
    void shouldDropTheUsualLevelAndCountryBeforeTheReferenceWhenTooLong() {
        Alert alert = Alerts.region("BFA.X", "Burkina Faso", "Une région au nom si long qu'il faut raccourcir le SMS pour tout dire",
                Severity.MODERATE);

        String sms = messages.sms(Alerts.first(alert), Language.FR);

        assertThat(sms).doesNotContain("habituel").doesNotContain("Burkina").endsWith("Réf fedcba98");
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void shouldNameTheEventInEachLanguage(Language language) {
        assertThat(messages.event(Alerts.mopti(), language))
                .isEqualTo(language == Language.FR ? "Hausse des civils tués" : "Surge in civilians killed");
    }
}
