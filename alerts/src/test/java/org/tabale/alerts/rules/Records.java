package org.tabale.alerts.rules;

import java.time.LocalDate;
import java.util.Map;
import org.tabale.model.Baseline;
import org.tabale.model.Figures;
import org.tabale.model.Highs;
import org.tabale.model.Metric;
import org.tabale.model.RegionStats;
import org.tabale.model.Totals;

/** Stats records built by hand for rule tests: one metric's value, baseline and highs over one window. */
final class Records {

    static final LocalDate DAY = LocalDate.of(2019, 1, 5);

    private Records() {
    }

    static Totals totals(Metric metric, long value) {
        long[] v = new long[Metric.values().length];
        v[metric.ordinal()] = value;
        return new Totals(v[0], v[1], v[2], v[3], v[4], v[5], v[6]);
    }

    static Baseline baseline(Metric metric, double mean, double spread) {
        return new Baseline(Figures.of(m -> m == metric ? mean : 0), Figures.of(m -> m == metric ? spread : 0));
    }

    /** A record of {@code region} with the metric's value over the window, its baseline, and the highs of the 30-day sum. */
    static RegionStats stats(String region, Metric metric, int window, long value, double mean, double spread,
                             long yearHigh, long threeYearHigh) {
        return new RegionStats(region, "Mali", region.substring(4), DAY, Map.of(window, totals(metric, value)),
                Map.of(window, baseline(metric, mean, spread)),
                new Highs(totals(metric, yearHigh), totals(metric, threeYearHigh)));
    }

    static RegionStats stats(Metric metric, int window, long value, double mean, double spread) {
        return stats("MLI.Mopti", metric, window, value, mean, spread, 0, 0);
    }
}
