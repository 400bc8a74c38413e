package org.tabale.alerts.route;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tabale.alerts.lifecycle.Alert;
import org.tabale.alerts.rules.Severity;
import org.tabale.alerts.support.Alerts;

class RouterTest {

    private static final Router ROUTER = new Router(Responders.parse("""
            responders:
              - {name: mopti, regions: [MLI.Mopti], minSeverity: moderate, language: fr, channels: {sms: "+22370000001"}}
              - {name: north, regions: [Mali/Timbuktu, MLI.Menaka], language: fr, channels: {sms: "+22370000002"}}
              - {name: mali-room, regions: [MLI], minSeverity: severe, language: fr, tier: 2, channels: {email: room@example.org}}
              - {name: bfa, regions: [BFA], language: en, channels: {email: bfa@example.org}}
              - {name: desk, regions: ["*"], minSeverity: extreme, language: en, tier: 3, channels: {email: desk@example.org}}
            """, "router.yml"));

    @ParameterizedTest(name = "{0} {1} tier {2} -> {3}")
    @CsvSource(delimiter = '|', value = {
            "MLI.Mopti            | MODERATE | 1 | mopti",
            "MLI.Mopti            | MINOR    | 1 | ''",
            "MLI.Mopti            | SEVERE   | 2 | mali-room",
            "MLI.Mopti            | MODERATE | 2 | ''",
            "MLI.Mopti            | EXTREME  | 3 | desk",
            "MLI.Tombouctou       | MINOR    | 1 | north",
            "MLI.Menaka           | EXTREME  | 1 | north",
            "MLI.Gao              | EXTREME  | 1 | ''",
            "MLI.Mopti.Bandiagara | SEVERE   | 1 | mopti",
            "MLI                  | SEVERE   | 2 | mali-room",
            "BFA.Sahel            | MINOR    | 1 | bfa",
            "NER.Tillaberi        | EXTREME  | 3 | desk",
            "NER.Tillaberi        | SEVERE   | 1 | ''",
    })
    void shouldRouteByRegionSeverityAndTier(String region, Severity severity, int tier, String expected) {
        Alert alert = Alerts.region(region, "X", "Y", severity);

        List<String> names = ROUTER.route(alert, tier).stream().map(Responder::name).toList();

        assertThat(names).isEqualTo(expected.isEmpty() ? List.of() : Arrays.asList(expected.split(",")));
    }

    @ParameterizedTest(name = "{0} {1} -> last tier {2}")
    @CsvSource({"MLI.Mopti, MODERATE, 1", "MLI.Mopti, SEVERE, 2", "MLI.Mopti, EXTREME, 3", "NER.Tillaberi, MINOR, 0"})
    void shouldBoundEscalationByTheLastTierThatWantsTheAlert(String region, Severity severity, int lastTier) {
        assertThat(ROUTER.lastTier(Alerts.region(region, "X", "Y", severity))).isEqualTo(lastTier);
    }
}
