package org.tabale.alerts.lifecycle;

import java.time.LocalDate;
import java.util.List;
import org.tabale.alerts.rules.Severity;
import org.tabale.model.Metric;

/**
 * What one rule says of one stats record: the value of its metric over its window ending at
 * {@code date}, the level that triggers it, and whether the condition holds.
 *
 * @param threshold the value the metric had to reach (rounded up), for messages and resolution
 * @param baseline  the usual value it was compared with, where the rule has one
 * @param severity  the severity when it holds (null otherwise)
 * @param evidence  event ids behind the value, most lethal first (may be empty)
 */
public record Observation(String rule, Metric metric, int window, Alert.RegionRef region, LocalDate date, boolean holds,
                          long value, long threshold, Double baseline, Severity severity, Alert.Basis basis,
                          List<String> evidence) {

    public Observation {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        if (holds && severity == null) {
            throw new IllegalArgumentException("a holding observation of rule " + rule + " needs a severity");
        }
    }

    /** The identity of the alerts this observation can belong to: the rule and the region. */
    public String identity() {
        return rule + "|" + region.id();
    }
}
