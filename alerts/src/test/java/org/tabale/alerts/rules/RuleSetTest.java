package org.tabale.alerts.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tabale.model.Metric;
import org.tabale.model.RegionStats;

class RuleSetTest {

    @TempDir
    Path dir;

    private Path write(String yaml) throws IOException {
        return Files.writeString(dir.resolve("rules.yaml"), yaml);
    }

    private RuleSet read(String yaml) throws IOException {
        return RuleSet.read(write(yaml));
    }

    @Test
    void shouldReadARuleFileOfTheFormerShapeAsThresholds() throws IOException {
        RuleSet rules = read("rules:\n  - {name: deaths, metric: fatalities, window: 7, threshold: 25, severity: extreme}\n");

        assertThat(rules.all()).containsExactly(
                new Rule("deaths", Metric.FATALITIES, 7, new ThresholdDetector(25), Severity.EXTREME));
    }

    @Test
    void shouldReadEveryDetectorWithItsSeverities() throws IOException {
        RuleSet rules = read("""
                rules:
                  - name: surge
                    description: twice the usual
                    metric: civilianFatalities
                    window: 30
                    detector: ratio
                    factor: 2
                    minBaseline: 5
                    floor: 10
                    severityBy: score
                    severities:
                      - {atLeast: 2, severity: moderate}
                      - {atLeast: 4, severity: severe}
                  - {name: nb, metric: violentEvents, window: 30, detector: negativeBinomial, pValue: 0.01, floor: 6, severity: moderate}
                  - {name: high, metric: fatalities, window: 30, detector: recordHigh, over: 3y, floor: 25, severity: severe}
                """);

        assertThat(rules.all()).containsExactly(
                new Rule("surge", Metric.CIVILIAN_FATALITIES, 30, new RatioDetector(2, 5, 10),
                        new SeverityMapping(null, SeverityMapping.By.SCORE, List.of(
                                new SeverityMapping.Step(2, Severity.MODERATE), new SeverityMapping.Step(4, Severity.SEVERE))),
                        List.of()),
                new Rule("nb", Metric.VIOLENT_EVENTS, 30, new NegativeBinomialDetector(0.01, 6), Severity.MODERATE),
                new Rule("high", Metric.FATALITIES, 30, new RecordHighDetector(RecordHighDetector.Over.THREE_YEARS, 25),
                        Severity.SEVERE));
    }

    private static final String OVERRIDDEN = """
            rules:
              - name: civ
                metric: civilianFatalities
                window: 7
                threshold: 10
                severity: severe
                overrides:
                  - {region: MLI.Bamako, threshold: 3}
                  - {country: MLI, threshold: 20, severity: moderate}
                  - {country: BFA, disabled: true}
                  - {region: BFA.Sahel, threshold: 5}
                  - {region: MLI.Kidal, disabled: true}
            """;

    @ParameterizedTest(name = "{0}: {1} civilian deaths -> {2}")
    @CsvSource({
            // country override: Mali's threshold is 20, moderate
            "MLI.Mopti, 19, ",
            "MLI.Mopti, 20, moderate",
            // region wins over country, and takes the country's other fields (severity)
            "MLI.Bamako, 3, moderate",
            "MLI.Bamako, 2, ",
            "MLI.Kidal, 500, ",
            // no override: the rule as written
            "NER.Tillaberi, 9, ",
            "NER.Tillaberi, 10, severe",
            // disabled in the country, enabled again in one region
            "BFA.Centre-Nord, 500, ",
            "BFA.Sahel, 5, severe",
    })
    void shouldApplyTheRegionOverrideOverTheCountryOverride(String region, long deaths, String expected) throws IOException {
        RuleSet rules = read(OVERRIDDEN);
        RegionStats stats = Records.stats(region, Metric.CIVILIAN_FATALITIES, 7, deaths, 1, 1, 0, 0);

        assertThat(rules.evaluate(stats)).extracting(Detection::severity)
                .isEqualTo(expected == null ? List.of() : List.of(Severity.parse(expected)));
    }

    @Test
    void shouldSayARuleDoesNotApplyWhereItIsDisabledAndGiveItsValueWhereItDoesNotHold() throws IOException {
        RuleSet rules = read(OVERRIDDEN);
        Rule civ = rules.rule("civ").orElseThrow();

        assertThat(rules.evaluate(civ, Records.stats("MLI.Kidal", Metric.CIVILIAN_FATALITIES, 7, 50, 1, 1, 0, 0))).isEmpty();
        Evaluation quiet = rules.evaluate(civ, Records.stats("MLI.Mopti", Metric.CIVILIAN_FATALITIES, 7, 12, 1, 1, 0, 0))
                .orElseThrow();
        assertThat(quiet.holds()).isFalse();
        assertThat(quiet.value()).isEqualTo(12);
        assertThat(quiet.trigger()).isEqualTo(20);
        assertThat(quiet.detection()).isEmpty();
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "{name: x, metric: casualties, window: 7, threshold: 2, severity: minor}|rule 'x': field 'metric': metric must be one of events, fatalities, violentEvents, civilianEvents, civilianFatalities, reports, verifiedReports, was 'casualties'",
            "{name: x, metric: events, window: 7, threshold: 2, severity: minor, treshold: 3}|rule 'x': unknown field 'treshold'",
            "{name: x, metric: events, window: 7, threshold: 2, severity: minor, factor: 3}|rule 'x': field 'factor' does not apply to detector threshold",
            "{name: x, metric: events, window: 7, detector: ratio, severity: minor}|rule 'x': factor is required",
            "{name: x, metric: events, window: 7, detector: ratio, factor: 0.5, severity: minor}|rule 'x': factor must be > 1, was 0.5",
            "{name: x, metric: events, window: 7, detector: zscore, severity: minor}|rule 'x': field 'detector': detector must be threshold",
            "{name: x, metric: events, window: 7, detector: negativeBinomial, pValue: 0.7, severity: minor}|rule 'x': pValue must be > 0 and < 0.5",
            "{name: x, metric: events, window: 7, detector: recordHigh, floor: 5, severity: minor}|rule 'x': window must be 30 for detector recordHigh",
            "{name: x, metric: events, window: 30, detector: recordHigh, floor: 5, over: 2y, severity: minor}|rule 'x': field 'over': over must be 1y or 3y",
            "{name: x, metric: events, window: 7, threshold: 2}|rule 'x': give either severity or severities",
            "{name: x, metric: events, window: 7, threshold: 2, severity: minor, severities: [{atLeast: 3, severity: severe}]}|rule 'x': give either severity or severities",
            "{name: x, metric: events, window: 7, threshold: 2, severity: high}|rule 'x': field 'severity': severity must be minor, moderate, severe or extreme",
            "{name: x, metric: events, window: 7, threshold: 2, severity: minor, overrides: [{region: MLI.Gao, treshold: 1}]}|rule 'x': unknown field 'overrides[0].treshold'",
            "{name: x, metric: events, window: 7, threshold: 2, severity: minor, overrides: [{region: MLI.Gao, threshold: 0}]}|rule 'x', override for region MLI.Gao: threshold must be >= 1, was 0",
            "{name: x, metric: events, window: 7, threshold: 2, severity: minor, overrides: [{country: Mali, threshold: 3}]}|rule 'x', override for country Mali: country must be an ISO 3166-1 alpha-3 code",
            "{name: x, metric: events, window: 7, threshold: 2, severity: minor, overrides: [{threshold: 3}]}|rule 'x', an override: an override names either a region or a country",
            "{metric: events, window: 7, threshold: 2, severity: minor}|a rule needs a name",
    })
    void shouldRefuseABadRuleNamingTheRuleAndTheField(String rule, String message) throws IOException {
        Path file = write("rules:\n  - " + rule + "\n");

        assertThatThrownBy(() -> RuleSet.read(file))
                .hasMessageStartingWith("TABALE_RULES file " + file + " is not a valid rule set: ")
                .hasMessageContaining(message);
    }

    @Test
    void shouldRefuseTwoRulesOfOneNameAndAnUnknownTopLevelField() throws IOException {
        assertThatThrownBy(() -> read("rules:\n  - {name: x, metric: events, window: 7, threshold: 2, severity: minor}\n"
                + "  - {name: x, metric: fatalities, window: 7, threshold: 2, severity: minor}\n"))
                .hasMessageContaining("'x' appears twice");
        assertThatThrownBy(() -> read("rule:\n  - {name: x, metric: events, window: 7, threshold: 2, severity: minor}\n"))
                .hasMessageContaining("unknown field 'rule'");
    }

    @Test
    void shouldShipDocumentedDefaultsForTheSahel() {
        assertThat(RuleSet.bundledDefault().all()).extracting(Rule::name).containsExactly("civilian-fatalities-7d",
                "civilian-fatalities-30d-surge", "violent-events-30d-unusual", "fatalities-30d-record", "verified-reports-7d");
    }

    @Test
    void shouldAlertOnAMassacreAndKeepAQuietBamakoWeekQuietWithTheDefaults() {
        RuleSet defaults = RuleSet.bundledDefault();
        // Koulogon, 1 January 2019: 37 civilians killed in Mopti, in an ordinary month of fighting (18 violent
        // events against a usual 24) and not yet a record month (70 dead against 196).
        RegionStats koulogon = new RegionStats("MLI.Mopti", "Mali", "Mopti", Records.DAY,
                java.util.Map.of(7, new org.tabale.model.Totals(3, 39, 3, 2, 37), 30, new org.tabale.model.Totals(20, 70, 18, 8, 47)),
                java.util.Map.of(7, Records.baseline(Metric.CIVILIAN_FATALITIES, 5, 8),
                        30, new org.tabale.model.Baseline(
                                org.tabale.model.Figures.of(m -> m == Metric.CIVILIAN_FATALITIES ? 20 : 24),
                                org.tabale.model.Figures.of(m -> m == Metric.CIVILIAN_FATALITIES ? 15 : 10))),
                new org.tabale.model.Highs(Records.totals(Metric.FATALITIES, 196), Records.totals(Metric.FATALITIES, 196)));
        // Bamako, January 2019: an imam murdered, a trader killed, a kidnapping: 2 dead in a month.
        RegionStats bamako = new RegionStats("MLI.Bamako", "Mali", "Bamako", Records.DAY,
                java.util.Map.of(7, new org.tabale.model.Totals(2, 1, 2, 2, 1), 30, new org.tabale.model.Totals(6, 2, 4, 4, 2)),
                java.util.Map.of(7, Records.baseline(Metric.CIVILIAN_FATALITIES, 0.1, 0.3),
                        30, Records.baseline(Metric.VIOLENT_EVENTS, 0.4, 0.6)),
                new org.tabale.model.Highs(Records.totals(Metric.FATALITIES, 1), Records.totals(Metric.FATALITIES, 1)));

        assertThat(defaults.evaluate(koulogon)).extracting(Detection::rule, Detection::severity).containsExactly(
                org.assertj.core.groups.Tuple.tuple("civilian-fatalities-7d", Severity.EXTREME));
        assertThat(defaults.evaluate(bamako)).isEmpty();
    }
}
