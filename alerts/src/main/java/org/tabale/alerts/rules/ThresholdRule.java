package org.tabale.alerts.rules;

import java.util.Optional;
import org.tabale.model.Metric;
import org.tabale.model.RegionStats;
import org.tabale.model.Totals;

/**
 * The rule API before detectors: a view of a {@link Rule} as "value over a window reaching a level".
 * {@link #evaluate} holds exactly when the rule does (any detector, overrides included);
 * {@link #threshold()} is only the least value that can alert.
 *
 * @deprecated use {@link Rule}, {@link RuleSet#evaluate(RegionStats)} and {@link Evaluation}; this view
 *             goes once the alert tracker has moved to them.
 */
@Deprecated(forRemoval = true)
public final class ThresholdRule {

    private final Rule rule;

    /** An absolute threshold rule. */
    public ThresholdRule(String name, Metric metric, int window, long threshold, Severity severity) {
        this(new Rule(name, metric, window, new ThresholdDetector(threshold), severity));
    }

    ThresholdRule(Rule rule) {
        this.rule = rule;
    }

    Rule rule() {
        return rule;
    }

    public String name() {
        return rule.name();
    }

    public Metric metric() {
        return rule.metric();
    }

    public int window() {
        return rule.window();
    }

    /** The least value that can alert: the threshold, or the detector's floor. */
    public long threshold() {
        return rule.detector().minimum();
    }

    /** The fixed severity, or the first step's. */
    public Severity severity() {
        return rule.severity().least();
    }

    /** The metric's value when the rule holds on this record; empty when it does not or does not apply. */
    public Optional<Long> evaluate(RegionStats stats) {
        return rule.evaluate(stats).filter(Evaluation::holds).map(Evaluation::value);
    }

    /** The metric's value over the rule's window in this record (0 when the window is absent). */
    public long metricValue(RegionStats stats) {
        Totals totals = stats.windows().get(rule.window());
        return totals == null ? 0 : totals.get(rule.metric());
    }

    /** Whether the rule applies to this record (its region, its window, what its detector needs). */
    public boolean applies(RegionStats stats) {
        return rule.evaluate(stats).isPresent();
    }
}
