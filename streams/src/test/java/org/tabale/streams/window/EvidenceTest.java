package org.tabale.streams.window;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.UniqueElements;
import org.junit.jupiter.api.Test;

class EvidenceTest {

    private static final LocalDate START = LocalDate.of(2018, 1, 1);
    private static final List<Integer> WINDOWS = List.of(7, 30, 90, 365);

    /** Each end ranked alone, as the emitter ranked them before windows slid. */
    @Property(tries = 300)
    void shouldSlideEveryWindowToTheEvidenceOfEachEndRankedAlone(@ForAll("days") TreeMap<LocalDate, List<Lethal>> days,
                                                                 @ForAll @Size(max = 60) @UniqueElements
                                                                 List<@IntRange(min = 0, max = 900) Integer> endOffsets) {
        List<LocalDate> ends = new ArrayList<>(new TreeSet<>(endOffsets.stream().map(START::plusDays).toList()));

        List<Map<Integer, List<String>>> slid = Evidence.of(days, ends, WINDOWS);

        assertThat(slid).hasSize(ends.size());
        for (int i = 0; i < ends.size(); i++) {
            assertThat(slid.get(i)).as("end %s", ends.get(i)).isEqualTo(Evidence.of(days, ends.get(i), WINDOWS));
        }
    }

    @Test
    void shouldRankByFatalitiesThenIdAndDropADayLeavingTheWindow() {
        TreeMap<LocalDate, List<Lethal>> days = new TreeMap<>(Map.of(
                START, List.of(new Lethal("MLI9", 40)),
                START.plusDays(5), List.of(new Lethal("MLI2", 12), new Lethal("MLI1", 3), new Lethal("MLI3", 3))));
        List<LocalDate> ends = new ArrayList<>();
        for (int d = 0; d < Evidence.SLIDE_FROM; d++) {
            ends.add(START.plusDays(5 + d));
        }

        List<Map<Integer, List<String>>> evidence = Evidence.of(days, ends, WINDOWS);

        assertThat(evidence.get(0).get(7)).containsExactly("MLI9", "MLI2", "MLI1", "MLI3");
        assertThat(evidence.get(2).get(7)).as("MLI9's day left the 7-day window").containsExactly("MLI2", "MLI1", "MLI3");
        assertThat(evidence.get(2).get(30)).containsExactly("MLI9", "MLI2", "MLI1", "MLI3");
    }

    /** Days over three years, each with up to 14 events of distinct ids, most lethal first. */
    @Provide
    Arbitrary<TreeMap<LocalDate, List<Lethal>>> days() {
        Arbitrary<List<Long>> fatalities = Arbitraries.longs().between(0, 20).list().ofMaxSize(14);
        return Arbitraries.maps(Arbitraries.integers().between(0, 1_000).map(START::plusDays), fatalities).ofMaxSize(120)
                .map(drawn -> {
                    TreeMap<LocalDate, List<Lethal>> days = new TreeMap<>();
                    int id = 0;
                    for (Map.Entry<LocalDate, List<Long>> day : new TreeMap<>(drawn).entrySet()) {
                        List<Lethal> events = new ArrayList<>();
                        for (long f : day.getValue()) {
                            events.add(new Lethal("MLI" + id++, f));
                        }
                        events.sort(Lethal.MOST_FIRST);
                        days.put(day.getKey(), List.copyOf(events));
                    }
                    return days;
                });
    }
}
