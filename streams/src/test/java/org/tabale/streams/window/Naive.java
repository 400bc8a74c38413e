package org.tabale.streams.window;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.tabale.model.Metric;
import org.tabale.model.Totals;

/**
 * The definitions of DESIGN.md and {@link org.tabale.model.Baseline} / {@link org.tabale.model.Highs}
 * written the plain way, day by day, for tests to compare the incremental code against (window sums
 * are remembered, nothing else).
 */
public final class Naive {

    private final Function<LocalDate, Totals> day;
    private final Map<String, Totals> windows = new HashMap<>();

    public Naive(Function<LocalDate, Totals> day) {
        this.day = day;
    }

    public Totals window(LocalDate end, int window) {
        return windows.computeIfAbsent(end + "/" + window, key -> {
            Totals sum = Totals.ZERO;
            for (int i = 0; i < window; i++) {
                sum = sum.plus(day.apply(end.minusDays(i)));
            }
            return sum;
        });
    }

    /** {mean, spread} of the 52 weekly samples of the window before it. */
    public double[] baseline(LocalDate end, int window, Metric metric) {
        double[] samples = new double[52];
        for (int k = 0; k < 52; k++) {
            samples[k] = window(end.minusDays(window + 7L * k), window).get(metric);
        }
        double mean = 0;
        for (double s : samples) {
            mean += s / 52;
        }
        double variance = 0;
        for (double s : samples) {
            variance += (s - mean) * (s - mean) / 52;
        }
        return new double[] {mean, Math.sqrt(variance)};
    }

    /** The largest 30-day sum ending from {@code end - back} to {@code end - 30}. */
    public long high(LocalDate end, int back, Metric metric) {
        long high = 0;
        for (int i = 30; i <= back; i++) {
            high = Math.max(high, window(end.minusDays(i), 30).get(metric));
        }
        return high;
    }
}
