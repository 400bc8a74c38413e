package org.tabale.app.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A sample of latencies in nanoseconds, summarised as p50, p99 and max in milliseconds
 * (nearest-rank percentiles).
 *
 * @param count   samples
 * @param p50Ms   median
 * @param p99Ms   99th percentile
 * @param maxMs   the slowest
 */
record Latencies(int count, double p50Ms, double p99Ms, double maxMs) {

    static Latencies of(long[] nanos) {
        if (nanos.length == 0) {
            return new Latencies(0, Double.NaN, Double.NaN, Double.NaN);
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new Latencies(sorted.length, rank(sorted, 0.50), rank(sorted, 0.99), sorted[sorted.length - 1] / 1e6);
    }

    private static double rank(long[] sorted, double quantile) {
        int index = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    Map<String, Object> figures() {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("count", count);
        figures.put("p50Ms", round(p50Ms));
        figures.put("p99Ms", round(p99Ms));
        figures.put("maxMs", round(maxMs));
        return figures;
    }

    static String ms(double value) {
        return String.format(Locale.ROOT, value < 10 ? "%.2f" : "%.1f", value);
    }

    static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
