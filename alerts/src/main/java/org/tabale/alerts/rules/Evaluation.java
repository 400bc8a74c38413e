package org.tabale.alerts.rules;

import java.util.Optional;
import org.tabale.model.Metric;

/**
 * A rule's verdict on one stats record, holding or not, so the lifecycle can resolve with
 * hysteresis (for instance below 80 % of {@code trigger} for a week).
 *
 * @param trigger  the value the metric had to reach on this record for the rule to hold
 * @param severity the severity the alert has (or would have) at this value
 */
public record Evaluation(String rule, Metric metric, int window, String detector, long value, Double baseline,
                         double trigger, double score, boolean holds, Severity severity,
                         java.util.function.Supplier<String> explain) {

    /** The line for an analyst, written when asked for. */
    public String explanation() {
        return explain.get();
    }

    /** The detection, when the rule holds. */
    public Optional<Detection> detection() {
        return holds ? Optional.of(new Detection(rule, metric, window, value, baseline, trigger, severity, detector, score,
                explanation())) : Optional.empty();
    }
}
