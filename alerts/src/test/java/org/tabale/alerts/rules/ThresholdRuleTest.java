package org.tabale.alerts.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.tabale.model.Metric;
import org.tabale.model.RegionStats;
import org.tabale.model.Totals;

class ThresholdRuleTest {

    private static RegionStats stats(int window, Totals totals) {
        return new RegionStats("MLI.Mopti", "Mali", "Mopti", LocalDate.of(2019, 3, 23), Map.of(window, totals));
    }

    @ParameterizedTest(name = "{0} over {1} days, threshold {2}: civilianFatalities={3} -> {4}")
    @CsvSource({
            "civilianFatalities, 7, 10, 9, ",
            "civilianFatalities, 7, 10, 10, 10",
            "civilianFatalities, 7, 10, 157, 157",
            "fatalities, 7, 10, 9, 20",
            "events, 7, 3, 0, 3",
            "civilianEvents, 7, 4, 0, 2 ",
    })
    void shouldHoldWhenTheWindowValueReachesTheThreshold(String metric, int window, long threshold, long civilianFatalities,
                                                         Long expected) {
        ThresholdRule rule = new ThresholdRule("r", Metric.fromApiName(metric).orElseThrow(), window, threshold, Severity.SEVERE);
        Totals totals = new Totals(3, 20, 3, 2, civilianFatalities);

        Optional<Long> value = rule.evaluate(stats(window, totals));

        assertThat(value).isEqualTo(Optional.ofNullable(expected).filter(v -> v >= threshold));
    }

    @Test
    void shouldSayNothingAboutARecordWithoutItsWindow() {
        ThresholdRule rule = new ThresholdRule("r", Metric.FATALITIES, 30, 1, Severity.MINOR);

        assertThat(rule.applies(stats(7, new Totals(1, 50, 1, 1, 50)))).isFalse();
        assertThat(rule.evaluate(stats(7, new Totals(1, 50, 1, 1, 50)))).isEmpty();
    }

    @Test
    void shouldRefuseARuleWithoutAPositiveThreshold() {
        assertThatThrownBy(() -> new ThresholdRule("r", Metric.FATALITIES, 7, 0, Severity.MINOR))
                .hasMessageContaining("threshold");
    }
}
