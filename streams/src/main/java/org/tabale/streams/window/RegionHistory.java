package org.tabale.streams.window;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.NavigableMap;
import org.tabale.model.Baseline;
import org.tabale.model.Figures;
import org.tabale.model.Highs;
import org.tabale.model.Metric;
import org.tabale.model.Totals;

/**
 * The daily totals of one region over a span of days, as prefix sums, answering in constant time
 * (or amortised constant time for the highs) the figures of any window ending in that span: the
 * window W ending at d covers days {@code d-W+1 … d} inclusive (DESIGN.md), its {@link Baseline}
 * and the {@link Highs} of the 30-day sum. Pure: the emitter, the query layer and tests share it.
 *
 * <p>Built from the days {@link #firstDayNeeded(LocalDate) firstDayNeeded(firstEnd)} … lastEnd;
 * days absent from the map count as zero.
 */
public final class RegionHistory {

    /** How many days before a window's end its figures reach back: the three-year high of the 30-day sum. */
    public static final int LOOKBACK_DAYS = Highs.THREE_YEARS + Highs.WINDOW - 1;

    private static final Metric[] METRICS = Metric.values();

    private final LocalDate first;
    private final int size;
    private final int lookback;
    /** {@code prefix[m][i]}: the sum of metric m over the first i days. */
    private final long[][] prefix;
    /** Running maxima of the 30-day sums, for the year and the three years, computed on first use. */
    private long[][] yearHigh;
    private long[][] threeYearHigh;

    private RegionHistory(LocalDate first, int size, int lookback, long[][] prefix) {
        this.first = first;
        this.size = size;
        this.lookback = lookback;
        this.prefix = prefix;
    }

    /** The first day whose totals the figures of a window ending at {@code firstEnd} depend on. */
    public static LocalDate firstDayNeeded(LocalDate firstEnd) {
        return firstEnd.minusDays(LOOKBACK_DAYS);
    }

    /** The history able to answer for every window ending from {@code firstEnd} to {@code lastEnd}. */
    public static RegionHistory of(NavigableMap<LocalDate, Totals> days, LocalDate firstEnd, LocalDate lastEnd) {
        return of(days, firstEnd, lastEnd, LOOKBACK_DAYS);
    }

    /**
     * A history that answers only {@link #window} for windows up to {@code lookback + 1} days
     * (rankings need no baseline), from the days {@code firstEnd - lookback} … {@code lastEnd}.
     */
    public static RegionHistory of(NavigableMap<LocalDate, Totals> days, LocalDate firstEnd, LocalDate lastEnd, int lookback) {
        LocalDate first = firstEnd.minusDays(lookback);
        int size = Math.toIntExact(ChronoUnit.DAYS.between(first, lastEnd)) + 1;
        long[][] prefix = new long[METRICS.length][size + 1];
        long[][] daily = new long[METRICS.length][size];
        for (Map.Entry<LocalDate, Totals> day : days.subMap(first, true, lastEnd, true).entrySet()) {
            int i = (int) ChronoUnit.DAYS.between(first, day.getKey());
            for (Metric metric : METRICS) {
                daily[metric.ordinal()][i] = day.getValue().get(metric);
            }
        }
        for (int m = 0; m < METRICS.length; m++) {
            for (int i = 0; i < size; i++) {
                prefix[m][i + 1] = prefix[m][i] + daily[m][i];
            }
        }
        return new RegionHistory(first, size, lookback, prefix);
    }

    /** The totals of the window of {@code window} days ending at {@code end}. */
    public Totals window(LocalDate end, int window) {
        int e = index(end);
        if (window > lookback + 1) {
            throw new IllegalArgumentException("this history looks back " + lookback + " days, not " + window);
        }
        return new Totals(sum(Metric.EVENTS, e, window), sum(Metric.FATALITIES, e, window),
                sum(Metric.VIOLENT_EVENTS, e, window), sum(Metric.CIVILIAN_EVENTS, e, window),
                sum(Metric.CIVILIAN_FATALITIES, e, window), sum(Metric.REPORTS, e, window),
                sum(Metric.VERIFIED_REPORTS, e, window));
    }

    /** Mean and spread of the same window's sums at the 52 weekly points before it (see {@link Baseline}). */
    public Baseline baseline(LocalDate end, int window) {
        int e = index(end);
        requireFullLookback();
        double[] mean = new double[METRICS.length];
        double[] spread = new double[METRICS.length];
        for (Metric metric : METRICS) {
            double total = 0;
            double squares = 0;
            for (int k = 0; k < Baseline.SAMPLES; k++) {
                long sample = sum(metric, e - window - 7 * k, window);
                total += sample;
                squares += (double) sample * sample;
            }
            double m = total / Baseline.SAMPLES;
            mean[metric.ordinal()] = m;
            spread[metric.ordinal()] = Math.sqrt(Math.max(0, squares / Baseline.SAMPLES - m * m));
        }
        return new Baseline(Figures.of(metric -> mean[metric.ordinal()]), Figures.of(metric -> spread[metric.ordinal()]));
    }

    /** The one- and three-year highs of the 30-day sum before {@code end} (see {@link Highs}). */
    public Highs highs(LocalDate end) {
        requireFullLookback();
        if (yearHigh == null) {
            yearHigh = runningMax(Highs.YEAR - Highs.WINDOW + 1);
            threeYearHigh = runningMax(Highs.THREE_YEARS - Highs.WINDOW + 1);
        }
        int at = index(end) - Highs.WINDOW;
        return new Highs(totals(yearHigh, at), totals(threeYearHigh, at));
    }

    private Totals totals(long[][] byMetric, int at) {
        return new Totals(byMetric[0][at], byMetric[1][at], byMetric[2][at], byMetric[3][at], byMetric[4][at],
                byMetric[5][at], byMetric[6][at]);
    }

    /**
     * {@code result[m][i]}: the largest 30-day sum of metric m ending at one of the {@code span} days
     * up to index i (a monotonic queue: linear in the span of days, whatever {@code span}).
     */
    private long[][] runningMax(int span) {
        long[][] result = new long[METRICS.length][size];
        int firstEnd = Highs.WINDOW - 1;
        for (Metric metric : METRICS) {
            int[] queue = new int[size];
            int head = 0;
            int tail = 0;
            for (int i = firstEnd; i < size; i++) {
                long value = sum(metric, i, Highs.WINDOW);
                while (tail > head && sum(metric, queue[tail - 1], Highs.WINDOW) <= value) {
                    tail--;
                }
                queue[tail++] = i;
                if (queue[head] <= i - span) {
                    head++;
                }
                result[metric.ordinal()][i] = sum(metric, queue[head], Highs.WINDOW);
            }
        }
        return result;
    }

    private long sum(Metric metric, int end, int window) {
        long[] p = prefix[metric.ordinal()];
        return p[end + 1] - p[end + 1 - window];
    }

    private void requireFullLookback() {
        if (lookback < LOOKBACK_DAYS) {
            throw new IllegalStateException("baselines and highs need " + LOOKBACK_DAYS + " days of look-back");
        }
    }

    private int index(LocalDate end) {
        int e = Math.toIntExact(ChronoUnit.DAYS.between(first, end));
        if (e < lookback || e >= size) {
            throw new IllegalArgumentException(end + " is outside the span this history was built for");
        }
        return e;
    }
}
