package org.tabale.alerts.rules;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.Optional;
import org.tabale.model.Highs;
import org.tabale.model.Metric;
import org.tabale.model.RegionStats;
import org.tabale.model.Totals;

/**
 * Record high (HDX Signals style): the 30-day sum exceeds the largest 30-day sum of the past year
 * ({@code over: 1y}) or three years ({@code over: 3y}) and reaches {@code floor}. The floor is what
 * keeps a region with almost no history from alerting on its first few events. The score is
 * value / max(high, 1).
 */
public record RecordHighDetector(Over over, long floor) implements Detector {

    /** How far back the high reaches. */
    public enum Over {
        ONE_YEAR("1y", "one-year"), THREE_YEARS("3y", "three-year");

        private final String label;
        private final String words;

        Over(String label, String words) {
            this.label = label;
            this.words = words;
        }

        @JsonValue
        public String label() {
            return label;
        }

        @JsonCreator
        public static Over parse(String text) {
            for (Over over : values()) {
                if (over.label.equalsIgnoreCase(text.trim())) {
                    return over;
                }
            }
            throw new IllegalArgumentException("over must be 1y or 3y, was '" + text + "'");
        }
    }

    public RecordHighDetector {
        Objects.requireNonNull(over, "over must be 1y or 3y");
        if (floor < 1) {
            throw new IllegalArgumentException("floor must be >= 1, was " + floor);
        }
    }

    @Override
    public String kind() {
        return "recordHigh";
    }

    @Override
    public long minimum() {
        return floor;
    }

    @Override
    public Optional<Comparison> compare(long value, Metric metric, int window, RegionStats stats) {
        Highs highs = stats.highs();
        if (highs == null || window != Highs.WINDOW) {
            return Optional.empty();
        }
        Totals before = over == Over.ONE_YEAR ? highs.year() : highs.threeYears();
        long high = before.get(metric);
        return Optional.of(new Comparison((double) high, Math.max(high + 1, floor), (double) value / Math.max(high, 1),
                () -> value + " " + metric.apiName() + " in 30 days against a " + over.words + " high of " + high
                        + " (floor " + floor + ")"));
    }
}
