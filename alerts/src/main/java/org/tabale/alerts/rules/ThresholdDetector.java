package org.tabale.alerts.rules;

import java.util.Optional;
import org.tabale.model.Baseline;
import org.tabale.model.Metric;
import org.tabale.model.RegionStats;

/**
 * An absolute threshold: the value must reach {@code threshold}. The only detector that sees a
 * massacre in a quiet region at once: one event with many dead is enough, whatever the history.
 * The score is value / threshold; the baseline mean is reported as evidence when the record has one.
 */
public record ThresholdDetector(long threshold) implements Detector {

    public ThresholdDetector {
        if (threshold < 1) {
            throw new IllegalArgumentException("threshold must be >= 1, was " + threshold);
        }
    }

    @Override
    public String kind() {
        return "threshold";
    }

    @Override
    public long minimum() {
        return threshold;
    }

    @Override
    public Optional<Comparison> compare(long value, Metric metric, int window, RegionStats stats) {
        Baseline baseline = stats.baselines().get(window);
        Double usual = baseline == null ? null : baseline.mean().get(metric);
        return Optional.of(new Comparison(usual, threshold, (double) value / threshold,
                () -> value + " " + metric.apiName() + " in " + window + " days, threshold " + threshold));
    }
}
