package org.tabale.alerts.rules;

import java.util.Objects;
import org.tabale.model.Metric;

/**
 * A rule that holds on one stats record: what the lifecycle turns into an alert.
 *
 * @param value       the metric over the window
 * @param baseline    what it was compared with: the baseline mean of the window (ratio, negative
 *                    binomial, and threshold where the record has one) or the record high; null when none
 * @param threshold   the value it had to reach on this record
 * @param detector    the detector's kind ({@link Detector#kind()})
 * @param score       ratio or -log10 of the tail probability (see {@link Detector.Comparison#score()})
 * @param explanation one line for an analyst
 */
public record Detection(String rule, Metric metric, int window, long value, Double baseline, double threshold,
                        Severity severity, String detector, double score, String explanation) {

    public Detection {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(severity, "severity");
    }
}
