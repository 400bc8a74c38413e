package org.tabale.alerts.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tabale.alerts.rules.Records.stats;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tabale.model.Metric;
import org.tabale.model.RegionStats;

class DetectorsTest {

    private static boolean holds(Detector detector, int window, RegionStats stats) {
        Rule rule = new Rule("r", Metric.CIVILIAN_FATALITIES, window, detector, Severity.SEVERE);
        return rule.evaluate(stats).orElseThrow().holds();
    }

    @ParameterizedTest(name = "threshold {0}: value {1} -> {2}")
    @CsvSource({
            "10, 9, false",
            "10, 10, true",
            "10, 157, true",
            "1, 0, false",
            "1, 1, true",
    })
    void shouldHoldWhenTheValueReachesTheThreshold(long threshold, long value, boolean expected) {
        RegionStats record = stats(Metric.CIVILIAN_FATALITIES, 7, value, 0.2, 1);

        assertThat(holds(new ThresholdDetector(threshold), 7, record)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "ratio x{0}, minBaseline {1}, floor {2}: value {3} over usual {4} -> {5}")
    @CsvSource({
            // an ordinary surge: twice the usual
            "2, 1, 5, 20, 10, true",
            "2, 1, 5, 19, 10, false",
            // a quiet region: 3 against 0.5 is 6x, but the guard counts the usual as 5 and the floor says 5
            "2, 5, 5, 3, 0.5, false",
            "2, 5, 5, 9, 0.5, false",
            "2, 5, 5, 10, 0.5, true",
            // no history at all: only the guard and the floor speak
            "2, 1, 8, 7, 0, false",
            "2, 1, 8, 8, 0, true",
            // a busy region: the floor does not matter, the ratio does
            "1.5, 1, 5, 44, 30, false",
            "1.5, 1, 5, 45, 30, true",
    })
    void shouldHoldAtFactorTimesTheGuardedBaselineAndTheFloor(double factor, double minBaseline, long floor, long value,
                                                              double mean, boolean expected) {
        RegionStats record = stats(Metric.CIVILIAN_FATALITIES, 30, value, mean, 3);

        assertThat(holds(new RatioDetector(factor, minBaseline, floor), 30, record)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "NB p<={0}, floor {1}: value {2} over {3} ± {4} -> {5}")
    @CsvSource({
            // over-dispersed (variance 30 = 5x the mean): 13 is ordinary, the 1 % tail starts at 26
            "0.01, 1, 13, 6, 5.477225575, false",
            "0.01, 1, 25, 6, 5.477225575, false",
            "0.01, 1, 26, 6, 5.477225575, true",
            // variance equal to the mean: Poisson, 13 is already rare
            "0.01, 1, 12, 6, 2.449489743, false",
            "0.01, 1, 13, 6, 2.449489743, true",
            // a region with nothing usual: anything is rare, the floor decides
            "0.01, 5, 4, 0, 0, false",
            "0.01, 5, 5, 0, 0, true",
            "0.001, 1, 27, 6, 5.477225575, false",
    })
    void shouldHoldOnASmallUpperTailUnderTheFittedNegativeBinomial(double pValue, long floor, long value, double mean,
                                                                    double spread, boolean expected) {
        RegionStats record = stats(Metric.CIVILIAN_FATALITIES, 30, value, mean, spread);

        assertThat(holds(new NegativeBinomialDetector(pValue, floor), 30, record)).isEqualTo(expected);
    }

    @Test
    void shouldReportTheTriggerAsTheSmallestCountWithASmallEnoughTail() {
        Rule rule = new Rule("r", Metric.VIOLENT_EVENTS, 30, new NegativeBinomialDetector(0.01, 1), Severity.MODERATE);

        Evaluation evaluation = rule.evaluate(stats(Metric.VIOLENT_EVENTS, 30, 13, 6, Math.sqrt(30))).orElseThrow();

        // 1 - Σ_{j<k} pmf(j) for r = 1.5, q = 0.2: 0.010372 at 25, 0.008437 at 26
        assertThat(evaluation.trigger()).isEqualTo(26);
        assertThat(CountTails.negativeBinomial(25, 6, 30)).isCloseTo(0.010372299946, org.assertj.core.data.Percentage.withPercentage(1e-6));
        assertThat(CountTails.negativeBinomial(26, 6, 30)).isCloseTo(0.008437444270, org.assertj.core.data.Percentage.withPercentage(1e-6));
        assertThat(evaluation.score()).isCloseTo(-Math.log10(CountTails.negativeBinomial(13, 6, 30)),
                org.assertj.core.api.Assertions.within(1e-4)); // the baseline keeps the spread to 4 decimals
    }

    @ParameterizedTest(name = "record high over {0}, floor {1}: value {2}, highs {3}/{4} -> {5}")
    @CsvSource({
            "1y, 20, 51, 50, 80, true",
            "1y, 20, 50, 50, 80, false",
            "3y, 20, 51, 50, 80, false",
            "3y, 20, 81, 50, 80, true",
            // first events after a calm year: a record, but under the floor
            "1y, 20, 12, 0, 0, false",
            "1y, 20, 20, 0, 0, true",
    })
    void shouldHoldWhenTheThirtyDaySumExceedsTheHighAndTheFloor(String over, long floor, long value, long yearHigh,
                                                               long threeYearHigh, boolean expected) {
        RegionStats record = stats("MLI.Gao", Metric.FATALITIES, 30, value, 10, 10, yearHigh, threeYearHigh);
        Rule rule = new Rule("r", Metric.FATALITIES, 30, new RecordHighDetector(RecordHighDetector.Over.parse(over), floor),
                Severity.SEVERE);

        assertThat(rule.evaluate(record).orElseThrow().holds()).isEqualTo(expected);
    }

    @Test
    void shouldSayNothingWhenTheRecordLacksWhatTheDetectorCompares() {
        RegionStats bare = new RegionStats("MLI.Mopti", "Mali", "Mopti", Records.DAY,
                Map.of(30, Records.totals(Metric.FATALITIES, 500)));

        assertThat(new Rule("t", Metric.FATALITIES, 30, new ThresholdDetector(1), Severity.MINOR).evaluate(bare)).isPresent();
        assertThat(new Rule("t", Metric.FATALITIES, 7, new ThresholdDetector(1), Severity.MINOR).evaluate(bare)).isEmpty();
        assertThat(new Rule("r", Metric.FATALITIES, 30, new RatioDetector(2, 1, 1), Severity.MINOR).evaluate(bare)).isEmpty();
        assertThat(new Rule("n", Metric.FATALITIES, 30, new NegativeBinomialDetector(0.01, 1), Severity.MINOR).evaluate(bare))
                .isEmpty();
        assertThat(new Rule("h", Metric.FATALITIES, 30, new RecordHighDetector(RecordHighDetector.Over.ONE_YEAR, 1),
                Severity.MINOR).evaluate(bare)).isEqualTo(Optional.empty());
    }

    @Test
    void shouldDetectAMassacreThatACountRuleMisses() {
        // Ogossagou-like: 7 events in the week, as usual, but 157 civilians dead
        RegionStats week = new RegionStats("MLI.Mopti", "Mali", "Mopti", Records.DAY,
                Map.of(7, new org.tabale.model.Totals(7, 160, 7, 3, 157)),
                Map.of(7, new org.tabale.model.Baseline(
                        org.tabale.model.Figures.of(m -> m == Metric.CIVILIAN_FATALITIES ? 4 : 6),
                        org.tabale.model.Figures.of(m -> m == Metric.CIVILIAN_FATALITIES ? 9 : 3))), null);
        Rule surge = new Rule("events", Metric.EVENTS, 7, new RatioDetector(2, 1, 3), Severity.MODERATE);
        Rule massacre = new Rule("civ", Metric.CIVILIAN_FATALITIES, 7, new ThresholdDetector(10), Severity.SEVERE);

        assertThat(RuleSet.of(java.util.List.of(surge, massacre)).evaluate(week))
                .extracting(Detection::rule, Detection::value, Detection::baseline, Detection::threshold)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("civ", 157L, 4.0, 10.0));
    }
}
