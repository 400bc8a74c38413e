package org.tabale.streams.window;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import org.tabale.model.Baseline;
import org.tabale.model.Figures;
import org.tabale.model.Highs;
import org.tabale.model.Metric;
import org.tabale.model.Totals;

/**
 * The daily totals of one region over a span of days, answering the figures of any window ending
 * in that span: the window W ending at d covers days {@code d-W+1 … d} inclusive (DESIGN.md), its
 * {@link Baseline} and the {@link Highs} of the 30-day sum. Pure: the emitter, the query layer and
 * tests share it.
 *
 * <p>Built from the days {@link #firstDayNeeded(LocalDate) firstDayNeeded(firstEnd)} … lastEnd;
 * days absent from the map count as zero. Sparse: it keeps only the days present, in order, with
 * prefix sums over them, so its size and the cost of building it follow the days with data, not the
 * three-year span a baseline and a high look back over (most regions have data on few days). The
 * sum up to a date is a binary search away; the 52 weekly samples of a baseline are found by one
 * search and a walk back over the days between them; the highs are a range maximum over the 30-day
 * sums ending on days present (a 30-day sum only rises on such a day), from a sparse table built
 * on first use. Sums are of whole numbers below 2<sup>53</sup>, so every double is exact and the
 * figures do not depend on the order of summing.
 */
public final class RegionHistory {

    /** How many days before a window's end its figures reach back: the three-year high of the 30-day sum. */
    public static final int LOOKBACK_DAYS = Highs.THREE_YEARS + Highs.WINDOW - 1;

    private static final int METRICS = Metric.values().length;
    /** The largest sample whose square, times 52, is a whole number a double holds exactly. */
    private static final long EXACT_SAMPLE = 1L << 23;

    /** Epoch day of the first day of the span. */
    private final long first;
    /** Epoch day of the last day of the span. */
    private final long last;
    private final int lookback;
    /** Epoch days of the days present, ascending. */
    private final long[] days;
    /** {@code prefix[k * METRICS + m]}: the sum of metric m over the first k days present. */
    private final long[] prefix;
    /**
     * The highs' range maxima: {@code sparse[j][i * METRICS + m]}, the largest 30-day sum of metric m
     * ending on one of the present days {@code i … i + 2^j - 1}; built on first use.
     */
    private long[][] sparse;

    private RegionHistory(long first, long last, int lookback, long[] days, long[] prefix) {
        this.first = first;
        this.last = last;
        this.lookback = lookback;
        this.days = days;
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
        LocalDate firstDay = firstEnd.minusDays(lookback);
        if (lastEnd.isBefore(firstDay)) {
            throw new IllegalArgumentException("the span ends before it starts: " + firstDay + " … " + lastEnd);
        }
        NavigableMap<LocalDate, Totals> span = days.subMap(firstDay, true, lastEnd, true);
        long[] present = new long[span.size()];
        long[] prefix = new long[(span.size() + 1) * METRICS];
        int k = 0;
        for (Map.Entry<LocalDate, Totals> day : span.entrySet()) {
            present[k] = day.getKey().toEpochDay();
            Totals t = day.getValue();
            int at = k * METRICS;
            int next = at + METRICS;
            prefix[next] = prefix[at] + t.events();
            prefix[next + 1] = prefix[at + 1] + t.fatalities();
            prefix[next + 2] = prefix[at + 2] + t.violentEvents();
            prefix[next + 3] = prefix[at + 3] + t.civilianEvents();
            prefix[next + 4] = prefix[at + 4] + t.civilianFatalities();
            prefix[next + 5] = prefix[at + 5] + t.reports();
            prefix[next + 6] = prefix[at + 6] + t.verifiedReports();
            k++;
        }
        return new RegionHistory(firstDay.toEpochDay(), lastEnd.toEpochDay(), lookback, present, prefix);
    }

    /** The totals of the window of {@code window} days ending at {@code end}. */
    public Totals window(LocalDate end, int window) {
        long e = index(end);
        if (window > lookback + 1) {
            throw new IllegalArgumentException("this history looks back " + lookback + " days, not " + window);
        }
        return difference(upTo(e), upTo(e - window));
    }

    /** Mean and spread of the same window's sums at the 52 weekly points before it (see {@link Baseline}). */
    public Baseline baseline(LocalDate end, int window) {
        long e = index(end);
        requireFullLookback();
        double[] total = new double[METRICS];
        double[] squares = new double[METRICS];
        // Sample k sums the days (e - 2W - 7k, e - W - 7k]: walk its two bounds back a week at a time.
        long hiDay = e - window;
        int hi = upTo(hiDay);
        int lo = upTo(hiDay - window);
        for (int k = 0; k < Baseline.SAMPLES && hi > 0; k++) {
            if (hi > lo) {
                int h = hi * METRICS;
                int l = lo * METRICS;
                for (int m = 0; m < METRICS; m++) {
                    long sample = prefix[h + m] - prefix[l + m];
                    total[m] += sample;
                    squares[m] += (double) sample * sample;
                }
            }
            hiDay -= 7;
            while (hi > 0 && days[hi - 1] > hiDay) {
                hi--;
            }
            while (lo > 0 && days[lo - 1] > hiDay - window) {
                lo--;
            }
        }
        return baseline(total, squares);
    }

    private static Baseline baseline(double[] total, double[] squares) {
        double[] mean = new double[METRICS];
        double[] spread = new double[METRICS];
        for (int m = 0; m < METRICS; m++) {
            mean[m] = total[m] / Baseline.SAMPLES;
            spread[m] = Math.sqrt(Math.max(0, squares[m] / Baseline.SAMPLES - mean[m] * mean[m]));
        }
        return new Baseline(Figures.of(metric -> mean[metric.ordinal()]), Figures.of(metric -> spread[metric.ordinal()]));
    }

    /**
     * The baselines of the window ending at each of {@code ends} (ascending), as {@link #baseline}
     * gives each: ends a week apart share 51 of their 52 weekly samples, so for each weekday the
     * sums slide from one end to the next (a sample enters, one leaves) rather than being summed
     * afresh, where that reads fewer samples. The sums are kept in whole numbers; where a sample exceeds 2<sup>23</sup> (its squares
     * could then leave the doubles' exact range) that end is summed afresh, as {@link #baseline} does.
     */
    public Baseline[] baselines(List<LocalDate> ends, int window) {
        requireFullLookback();
        Baseline[] baselines = new Baseline[ends.size()];
        long[][] totals = new long[7][];
        long[][] squares = new long[7][];
        long[] lastEnd = new long[7];
        long[] entering = new long[METRICS];
        long[] leaving = new long[METRICS];
        for (int i = 0; i < ends.size(); i++) {
            long e = index(ends.get(i));
            int weekday = (int) Math.floorMod(e, 7);
            long steps = totals[weekday] == null ? Long.MAX_VALUE : (e - lastEnd[weekday]) / 7;
            boolean exact = true;
            // A step reads two samples: beyond half the samples, summing afresh reads fewer.
            if (steps > Baseline.SAMPLES / 2) {
                totals[weekday] = new long[METRICS];
                squares[weekday] = new long[METRICS];
                for (int k = 0; k < Baseline.SAMPLES && exact; k++) {
                    exact = sample(e - window - 7L * k, window, entering);
                    add(totals[weekday], squares[weekday], entering, 1);
                }
            } else {
                for (long step = 1; step <= steps && exact; step++) {
                    long at = lastEnd[weekday] + 7 * step;
                    exact = sample(at - window, window, entering)
                            & sample(at - window - 7L * Baseline.SAMPLES, window, leaving);
                    add(totals[weekday], squares[weekday], entering, 1);
                    add(totals[weekday], squares[weekday], leaving, -1);
                }
            }
            if (!exact) {
                totals[weekday] = null;
                baselines[i] = baseline(ends.get(i), window);
                continue;
            }
            lastEnd[weekday] = e;
            double[] total = new double[METRICS];
            double[] square = new double[METRICS];
            for (int m = 0; m < METRICS; m++) {
                total[m] = totals[weekday][m];
                square[m] = squares[weekday][m];
            }
            baselines[i] = baseline(total, square);
        }
        return baselines;
    }

    /** The sums of the days (hiDay - window, hiDay] into {@code into}; false where one exceeds 2^23 in size. */
    private boolean sample(long hiDay, int window, long[] into) {
        int h = upTo(hiDay) * METRICS;
        int l = upTo(hiDay - window) * METRICS;
        boolean small = true;
        for (int m = 0; m < METRICS; m++) {
            into[m] = prefix[h + m] - prefix[l + m];
            small &= Math.abs(into[m]) <= EXACT_SAMPLE;
        }
        return small;
    }

    private static void add(long[] totals, long[] squares, long[] sample, int sign) {
        for (int m = 0; m < METRICS; m++) {
            totals[m] += sign * sample[m];
            squares[m] += sign * sample[m] * sample[m];
        }
    }

    /** The one- and three-year highs of the 30-day sum before {@code end} (see {@link Highs}). */
    public Highs highs(LocalDate end) {
        long e = index(end);
        requireFullLookback();
        return new Highs(high(e, Highs.YEAR), high(e, Highs.THREE_YEARS));
    }

    /**
     * The largest 30-day sum per metric ending between {@code end - reach} and {@code end - 30}: at the
     * first of those ends, or at a present day after it (where a 30-day sum rises).
     */
    private Totals high(long end, int reach) {
        long from = end - reach;
        long to = end - Highs.WINDOW;
        long[] best = new long[METRICS];
        int start = upTo(from - Highs.WINDOW);
        int atFrom = upTo(from);
        for (int m = 0; m < METRICS; m++) {
            best[m] = prefix[atFrom * METRICS + m] - prefix[start * METRICS + m];
        }
        int i = atFrom;
        int j = upTo(to) - 1;
        if (i <= j) {
            long[][] table = sparse();
            int level = 31 - Integer.numberOfLeadingZeros(j - i + 1);
            long[] row = table[level];
            int a = i * METRICS;
            int b = (j - (1 << level) + 1) * METRICS;
            for (int m = 0; m < METRICS; m++) {
                best[m] = Math.max(best[m], Math.max(row[a + m], row[b + m]));
            }
        }
        return new Totals(best[0], best[1], best[2], best[3], best[4], best[5], best[6]);
    }

    private long[][] sparse() {
        if (sparse == null) {
            int n = days.length;
            int levels = n == 0 ? 1 : 32 - Integer.numberOfLeadingZeros(n);
            long[][] table = new long[levels][];
            long[] base = new long[n * METRICS];
            int start = 0;
            for (int i = 0; i < n; i++) {
                while (days[start] <= days[i] - Highs.WINDOW) {
                    start++;
                }
                for (int m = 0; m < METRICS; m++) {
                    base[i * METRICS + m] = prefix[(i + 1) * METRICS + m] - prefix[start * METRICS + m];
                }
            }
            table[0] = base;
            for (int level = 1; level < levels; level++) {
                long[] below = table[level - 1];
                int half = 1 << (level - 1);
                int count = n - (1 << level) + 1;
                long[] row = new long[Math.max(0, count) * METRICS];
                for (int x = 0; x < row.length; x++) {
                    row[x] = Math.max(below[x], below[x + half * METRICS]);
                }
                table[level] = row;
            }
            sparse = table;
        }
        return sparse;
    }

    /** How many present days fall on or before the epoch day {@code day}. */
    private int upTo(long day) {
        int at = Arrays.binarySearch(days, day);
        return at >= 0 ? at + 1 : -at - 1;
    }

    private Totals difference(int upper, int lower) {
        int u = upper * METRICS;
        int l = lower * METRICS;
        return new Totals(prefix[u] - prefix[l], prefix[u + 1] - prefix[l + 1], prefix[u + 2] - prefix[l + 2],
                prefix[u + 3] - prefix[l + 3], prefix[u + 4] - prefix[l + 4], prefix[u + 5] - prefix[l + 5],
                prefix[u + 6] - prefix[l + 6]);
    }

    private void requireFullLookback() {
        if (lookback < LOOKBACK_DAYS) {
            throw new IllegalStateException("baselines and highs need " + LOOKBACK_DAYS + " days of look-back");
        }
    }

    private long index(LocalDate end) {
        long e = end.toEpochDay();
        if (e < first + lookback || e > last) {
            throw new IllegalArgumentException(end + " is outside the span this history was built for");
        }
        return e;
    }
}
