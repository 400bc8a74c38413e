package org.tabale.alerts.rules;

import java.util.Locale;
import java.util.Optional;
import org.tabale.model.Baseline;
import org.tabale.model.Metric;
import org.tabale.model.RegionStats;

/**
 * Surprise under the usual spread: the value alerts when its upper-tail probability P(X >= value)
 * under a negative binomial fitted by moments to the window's baseline (mean m, variance spread²)
 * is at most {@code pValue}, and it reaches {@code floor}. Conflict counts are over-dispersed
 * (variance many times the mean: Mopti's weekly violent events have a variance-to-mean ratio near
 * 3, its fatalities above 30), so a Poisson test would alert on ordinary bad weeks; with a variance
 * at or below the mean the fit is the Poisson. The score is -log10 of the tail probability.
 */
public record NegativeBinomialDetector(double pValue, long floor) implements Detector {

    /** Score given to a tail too small for a double. */
    private static final double MAX_SCORE = 300;

    public NegativeBinomialDetector {
        if (!(pValue > 0 && pValue < 0.5)) {
            throw new IllegalArgumentException("pValue must be > 0 and < 0.5, was " + pValue);
        }
        if (floor < 1) {
            throw new IllegalArgumentException("floor must be >= 1, was " + floor);
        }
    }

    @Override
    public String kind() {
        return "negativeBinomial";
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
        double spread = baseline.spread().get(metric);
        double variance = spread * spread;
        double tail = CountTails.negativeBinomial(value, mean, variance);
        double score = tail <= 0 ? MAX_SCORE : Math.min(MAX_SCORE, -Math.log10(tail));
        return Optional.of(new Comparison(mean, Math.max(floor, smallestAlerting(mean, variance)), score,
                () -> String.format(Locale.ROOT, "P(X >= %d) = %.2g for %s in %d days, usual %.1f ± %.1f (%s; alerts at p <= %s, floor %d)",
                        value, tail, metric.apiName(), window, mean, spread, variance > mean ? "negative binomial" : "Poisson",
                        pValue, floor)));
    }

    /** The smallest count whose tail is at most pValue (tails fall as the count grows): doubling, then bisection. */
    private long smallestAlerting(double mean, double variance) {
        long high = Math.max(1, (long) Math.ceil(mean));
        while (CountTails.negativeBinomial(high, mean, variance) > pValue) {
            high *= 2;
        }
        long low = 0;
        while (high - low > 1) {
            long middle = (low + high) >>> 1;
            if (CountTails.negativeBinomial(middle, mean, variance) > pValue) {
                low = middle;
            } else {
                high = middle;
            }
        }
        return high;
    }
}
