package org.tabale.alerts.rules;

import java.util.Optional;
import org.tabale.model.Metric;
import org.tabale.model.RegionStats;

/**
 * How a rule decides that a window's value is alarming: each detector turns the value and the
 * record it comes from into a {@link Comparison}, the level the value had to reach and what it was
 * compared with. A rule holds when the value reaches that level. Pure functions of one record.
 */
public sealed interface Detector permits ThresholdDetector, RatioDetector, NegativeBinomialDetector, RecordHighDetector {

    /** The detector's name in rule files: {@code threshold}, {@code ratio}, {@code negativeBinomial}, {@code recordHigh}. */
    String kind();

    /**
     * The comparison of {@code value} (the metric over the window ending at the record's date) with
     * what the record says is usual; empty when the record lacks what this detector needs (a
     * baseline, the record highs), so the rule says nothing about it.
     */
    Optional<Comparison> compare(long value, Metric metric, int window, RegionStats stats);

    /** The smallest value that can ever alert (the threshold or the floor): what a caller without the record can show. */
    long minimum();

    /**
     * What a value was compared with.
     *
     * @param baseline    the usual value it was compared with (baseline mean, record high), null when none
     * @param trigger     the value it had to reach for the rule to hold
     * @param score       how far past the usual it is (ratio, or -log10 of a tail probability), for severity steps
     * @param explain     one line for an analyst, written only when asked for (most comparisons are
     *                    never read: every stats record is compared with every rule)
     */
    record Comparison(Double baseline, double trigger, double score, java.util.function.Supplier<String> explain) {

        /** The line for an analyst. */
        public String explanation() {
            return explain.get();
        }
    }
}
