package org.tabale.alerts.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tabale.alerts.lifecycle.Observation;
import org.tabale.model.Metric;
import org.tabale.model.RegionStats;

class EvaluationsTest {

    @Test
    void shouldPassTheEvidenceOfEachRulesWindowIntoItsObservation() {
        RuleSet rules = RuleSet.of(List.of(
                new Rule("week", Metric.FATALITIES, 7, new ThresholdDetector(10), Severity.SEVERE),
                new Rule("month", Metric.FATALITIES, 30, new ThresholdDetector(100), Severity.SEVERE),
                new Rule("quarter", Metric.FATALITIES, 90, new ThresholdDetector(100), Severity.SEVERE)));
        RegionStats stats = new RegionStats("MLI.Mopti", "Mali", "Mopti", Records.DAY,
                Map.of(7, Records.totals(Metric.FATALITIES, 12), 30, Records.totals(Metric.FATALITIES, 40),
                        90, Records.totals(Metric.FATALITIES, 40)),
                Map.of(), null, Map.of(7, List.of("MLI2", "MLI1"), 30, List.of("MLI3", "MLI2", "MLI1")));

        List<Observation> observations = Evaluations.of(rules, stats);

        assertThat(observations).extracting(Observation::rule, Observation::holds, Observation::evidence).containsExactly(
                org.assertj.core.groups.Tuple.tuple("week", true, List.of("MLI2", "MLI1")),
                org.assertj.core.groups.Tuple.tuple("month", false, List.of("MLI3", "MLI2", "MLI1")),
                org.assertj.core.groups.Tuple.tuple("quarter", false, List.of()));
    }
}
