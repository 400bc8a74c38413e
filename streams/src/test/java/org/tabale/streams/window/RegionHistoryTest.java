package org.tabale.streams.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.tabale.model.Baseline;
import org.tabale.model.Highs;
import org.tabale.model.Metric;
import org.tabale.model.Totals;

class RegionHistoryTest {

    private static final LocalDate START = LocalDate.of(2015, 1, 1);
    private static final int SPAN = 1_600;

    record Day(int offset, Totals totals) {
    }

    @Provide
    Arbitrary<Day> days() {
        Arbitrary<Long> small = Arbitraries.longs().between(0, 30);
        return Combinators.combine(Arbitraries.integers().between(0, SPAN), small, small, small, small)
                .as((offset, a, b, c, d) -> new Day(offset, new Totals(a, b, c, d, Math.min(b, d), c, Math.min(c, a))));
    }

    @Property(tries = 30)
    void shouldAgreeWithTheDefinitionsOnEveryWindowBaselineAndHigh(
            @ForAll @Size(max = 300) List<@From("days") Day> days,
            @ForAll @IntRange(min = 1_200, max = SPAN) int firstEnd) {
        TreeMap<LocalDate, Totals> map = new TreeMap<>();
        days.forEach(d -> map.merge(START.plusDays(d.offset()), d.totals(), Totals::plus));
        Naive naive = new Naive(date -> map.getOrDefault(date, Totals.ZERO));
        LocalDate from = START.plusDays(firstEnd);
        LocalDate to = from.plusDays(40);
        RegionHistory history = RegionHistory.of(map, from, to);

        for (LocalDate end = from; !end.isAfter(to); end = end.plusDays(3)) {
            for (int window : List.of(7, 30, 90, 365)) {
                assertThat(history.window(end, window)).as("window %d at %s", window, end).isEqualTo(naive.window(end, window));
                Baseline baseline = history.baseline(end, window);
                for (Metric metric : Metric.values()) {
                    double[] expected = naive.baseline(end, window, metric);
                    assertThat(baseline.mean().get(metric)).as("mean %s %d at %s", metric, window, end)
                            .isCloseTo(expected[0], within(1e-4));
                    assertThat(baseline.spread().get(metric)).as("spread %s %d at %s", metric, window, end)
                            .isCloseTo(expected[1], within(1e-4));
                }
            }
            Highs highs = history.highs(end);
            for (Metric metric : Metric.values()) {
                assertThat(highs.year().get(metric)).as("1y high %s at %s", metric, end).isEqualTo(naive.high(end, 365, metric));
                assertThat(highs.threeYears().get(metric)).as("3y high %s at %s", metric, end)
                        .isEqualTo(naive.high(end, 1095, metric));
            }
        }
    }

    @Property(tries = 200)
    void shouldSlideBaselinesFromEndToEndToWhatEachEndGivesAlone(
            @ForAll @Size(max = 300) List<@From("days") Day> days,
            @ForAll @Size(max = 80) List<@IntRange(min = 1_130, max = SPAN) Integer> endOffsets,
            @ForAll boolean huge) {
        TreeMap<LocalDate, Totals> map = new TreeMap<>();
        days.forEach(d -> map.merge(START.plusDays(d.offset()), d.totals(), Totals::plus));
        if (huge && !days.isEmpty()) {
            // A day beyond the samples summed in whole numbers: the ends it reaches are summed afresh.
            map.merge(START.plusDays(days.get(0).offset()), new Totals(1, 1L << 40, 1, 1, 5), Totals::plus);
        }
        List<LocalDate> ends = endOffsets.stream().distinct().sorted().map(START::plusDays).toList();
        if (ends.isEmpty()) {
            return;
        }
        RegionHistory history = RegionHistory.of(map, ends.get(0), ends.get(ends.size() - 1));

        for (int window : List.of(7, 30, 90, 365)) {
            Baseline[] slid = history.baselines(ends, window);
            for (int i = 0; i < ends.size(); i++) {
                assertThat(slid[i]).as("window %d at %s", window, ends.get(i)).isEqualTo(history.baseline(ends.get(i), window));
            }
        }
    }

    @Test
    void shouldGiveAWeeklyEventAMeanOfOneAndNoSpread() {
        TreeMap<LocalDate, Totals> map = new TreeMap<>();
        LocalDate end = LocalDate.of(2019, 12, 31);
        for (int week = 1; week <= 60; week++) {
            map.put(end.minusDays(7L * week), new Totals(1, 2, 1, 1, 2));
        }
        Baseline baseline = RegionHistory.of(map, end, end).baseline(end, 7);

        assertThat(baseline.mean().events()).isEqualTo(1.0);
        assertThat(baseline.mean().fatalities()).isEqualTo(2.0);
        assertThat(baseline.spread().events()).isEqualTo(0.0);
    }

    @Test
    void shouldKeepTheWindowOutOfItsOwnBaselineAndHighs() {
        LocalDate end = LocalDate.of(2019, 12, 31);
        TreeMap<LocalDate, Totals> map = new TreeMap<>(Map.of(end, new Totals(1, 50, 1, 1, 50)));
        RegionHistory history = RegionHistory.of(map, end, end);

        assertThat(history.window(end, 30).fatalities()).isEqualTo(50);
        assertThat(history.baseline(end, 30).mean().fatalities()).isZero();
        assertThat(history.highs(end).year()).isEqualTo(Totals.ZERO);
    }

    @Test
    void shouldRefuseBaselinesWithoutTheirLookBack() {
        LocalDate end = LocalDate.of(2019, 12, 31);
        RegionHistory windowOnly = RegionHistory.of(new TreeMap<>(), end, end, 29);

        assertThat(windowOnly.window(end, 30)).isEqualTo(Totals.ZERO);
        assertThatThrownBy(() -> windowOnly.baseline(end, 30)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> windowOnly.window(end, 90)).isInstanceOf(IllegalArgumentException.class);
    }
}
