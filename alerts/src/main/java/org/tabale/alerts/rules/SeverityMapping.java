package org.tabale.alerts.rules;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * How severe a rule's alert is: one fixed severity, or steps ({@code atLeast} a value or a score,
 * see {@link Detector.Comparison#score()}) of which the highest reached wins. A rule that holds
 * below its first step takes the first step's severity.
 */
public record SeverityMapping(Severity fixed, By by, List<Step> steps) {

    /** What the steps are compared with. */
    public enum By {
        VALUE, SCORE;

        @JsonValue
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        @JsonCreator
        public static By parse(String text) {
            for (By by : values()) {
                if (by.label().equalsIgnoreCase(text.trim())) {
                    return by;
                }
            }
            throw new IllegalArgumentException("severityBy must be value or score, was '" + text + "'");
        }
    }

    /** From {@code atLeast} on, {@code severity}. */
    public record Step(double atLeast, Severity severity) {
        public Step {
            Objects.requireNonNull(severity, "severity is required in each step");
        }
    }

    public SeverityMapping {
        steps = steps == null ? List.of() : steps.stream().sorted(Comparator.comparingDouble(Step::atLeast)).toList();
        if ((fixed == null) == steps.isEmpty()) {
            throw new IllegalArgumentException("give either severity or severities (a non-empty list of steps), not both");
        }
        by = by == null ? By.VALUE : by;
        for (int i = 1; i < steps.size(); i++) {
            if (steps.get(i).atLeast() == steps.get(i - 1).atLeast()) {
                throw new IllegalArgumentException("two severity steps start at " + steps.get(i).atLeast());
            }
        }
    }

    /** One severity whatever the value. */
    public static SeverityMapping of(Severity severity) {
        return new SeverityMapping(Objects.requireNonNull(severity, "severity"), null, null);
    }

    /** The severity of an alert with this value and score. */
    public Severity severity(long value, double score) {
        if (fixed != null) {
            return fixed;
        }
        double measured = by == By.VALUE ? value : score;
        Severity result = steps.get(0).severity();
        for (Step step : steps) {
            if (measured >= step.atLeast()) {
                result = step.severity();
            }
        }
        return result;
    }

    /** The severity of the first step, or the fixed one: the least an alert of this rule can be. */
    public Severity least() {
        return fixed != null ? fixed : steps.get(0).severity();
    }
}
