package org.tabale.alerts.rules;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;
import java.util.Optional;
import org.tabale.model.Metric;
import org.tabale.model.RegionStats;
import org.tabale.model.Totals;

/**
 * An absolute threshold: the rule holds for a region and date when the metric over the window
 * ending at that date reaches {@code threshold}. Pure function of one stats record.
 */
public record ThresholdRule(@JsonProperty("name") String name,
                            @JsonProperty("metric") Metric metric,
                            @JsonProperty("window") int window,
                            @JsonProperty("threshold") long threshold,
                            @JsonProperty("severity") Severity severity) {

    public ThresholdRule {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a rule needs a name");
        }
        Objects.requireNonNull(metric, "rule " + name + ": metric is required");
        Objects.requireNonNull(severity, "rule " + name + ": severity is required");
        if (window < 1) {
            throw new IllegalArgumentException("rule " + name + ": window must be >= 1 day");
        }
        if (threshold < 1) {
            throw new IllegalArgumentException("rule " + name + ": threshold must be >= 1");
        }
    }

    /** The metric's value when the rule holds on this record; empty when it does not or the window is absent. */
    public Optional<Long> evaluate(RegionStats stats) {
        Totals totals = stats.windows().get(window);
        if (totals == null) {
            return Optional.empty();
        }
        long value = totals.get(metric);
        return value >= threshold ? Optional.of(value) : Optional.empty();
    }

    /** The metric's value over the rule's window in this record (0 when the window is absent). */
    public long metricValue(RegionStats stats) {
        Totals totals = stats.windows().get(window);
        return totals == null ? 0 : totals.get(metric);
    }

    /** Whether this record carries the rule's window at all (a record without it says nothing). */
    public boolean applies(RegionStats stats) {
        return stats.windows().containsKey(window);
    }
}
