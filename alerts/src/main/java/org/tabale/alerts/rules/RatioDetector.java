package org.tabale.alerts.rules;

import java.util.Locale;
import java.util.Optional;
import org.tabale.model.Baseline;
import org.tabale.model.Metric;
import org.tabale.model.RegionStats;

/**
 * Ratio to the usual (ACLED Surge Tracker style): the value must reach {@code factor} times the
 * baseline mean of the same window. Two guards keep quiet regions quiet: a baseline mean below
 * {@code minBaseline} counts as {@code minBaseline} (twice "almost nothing" is still almost
 * nothing), and the value must reach {@code floor} whatever the ratio. The score is the ratio
 * value / max(mean, minBaseline).
 */
public record RatioDetector(double factor, double minBaseline, long floor) implements Detector {

    public RatioDetector {
        if (!(factor > 1)) {
            throw new IllegalArgumentException("factor must be > 1, was " + factor);
        }
        if (!(minBaseline > 0)) {
            throw new IllegalArgumentException("minBaseline must be > 0, was " + minBaseline);
        }
        if (floor < 1) {
            throw new IllegalArgumentException("floor must be >= 1, was " + floor);
        }
    }

    @Override
    public String kind() {
        return "ratio";
    }

    @Override
    public long minimum() {
        return floor;
    }

    @Override
    public Optional<Comparison> compare(long value, Metric metric, int window, RegionStats stats) {
        Baseline baseline = stats.baselines().get(window);
        if (baseline == null) {
            return Optional.empty();
        }
        double mean = baseline.mean().get(metric);
        double reference = Math.max(mean, minBaseline);
        double trigger = Math.max(factor * reference, floor);
        double ratio = value / reference;
        return Optional.of(new Comparison(mean, trigger, ratio, () -> String.format(Locale.ROOT,
                "%d %s in %d days is %.1fx the usual %.1f%s (alerts at %.1fx, floor %d)", value, metric.apiName(), window,
                ratio, mean, mean < minBaseline ? " (counted as " + minBaseline + ")" : "", factor, floor)));
    }
}
