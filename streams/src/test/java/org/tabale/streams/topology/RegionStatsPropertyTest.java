package org.tabale.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.tabale.model.ConflictEvent;
import org.tabale.model.EventDeletion;
import org.tabale.model.EventType;
import org.tabale.model.Metric;
import org.tabale.model.Region;
import org.tabale.model.RegionStats;
import org.tabale.model.Totals;
import org.tabale.model.Topics;
import org.tabale.streams.query.StatsQuery;
import org.tabale.streams.window.Naive;

/**
 * The correctness contract as a property: whatever the arrival order, duplicates, older or
 * newer versions and deletions, the served windows and baselines, and the emitted region stats (their
 * evidence included), equal a from-scratch recomputation over the newest version of every event, for
 * every region, date and window.
 */
class RegionStatsPropertyTest {

    private static final LocalDate START = LocalDate.of(2019, 1, 1);
    /** Late enough that every window end of the data (up to a year after its last day) is emitted. */
    private static final Instant NOW = Instant.parse("2021-01-01T00:00:00Z");
    private static final List<String> REGIONS = List.of("MLI.Mopti", "MLI.Gao", "MLI.Kidal");

    /** One version of one event, or its deletion: the id's newest timestamp wins, a deletion on a tie. */
    record Version(int id, int region, int day, EventType type, Boolean civilians, int fatalities, int timestamp,
                   boolean deletion) {
        ConflictEvent event() {
            return Events.event("MLI" + id, REGIONS.get(region), START.plusDays(day), type, civilians, fatalities, timestamp);
        }
    }

    @Provide
    Arbitrary<Version> versions() {
        return Combinators.combine(
                Arbitraries.integers().between(1, 25),
                Arbitraries.integers().between(0, REGIONS.size() - 1),
                Arbitraries.integers().between(0, 60),
                Arbitraries.of(EventType.class),
                Arbitraries.of(Boolean.TRUE, Boolean.FALSE).injectNull(0.3),
                Arbitraries.integers().between(0, 40).edgeCases(c -> c.includeOnly(0)),
                Arbitraries.integers().between(1, 5),
                Arbitraries.of(false, false, false, true)).as(Version::new);
    }

    @Property(tries = 40)
    void shouldServeWhatABatchRecomputationGives(@ForAll @Size(min = 1, max = 80) List<@From("versions") Version> versions,
                                                  @ForAll @IntRange(min = 0, max = 1_000) int shuffleSeed,
                                                  @ForAll @IntRange(min = 1, max = 150) int emitEvery) {
        List<Version> arrivals = unambiguous(versions);
        List<Version> withRepeats = new ArrayList<>(arrivals);
        withRepeats.addAll(arrivals.subList(0, arrivals.size() / 3)); // re-sends and monadic repeats
        Collections.shuffle(withRepeats, new Random(shuffleSeed));

        try (TopologyTestDriver driver = RegionTotalsTopologyTest.driver(RegionTotalsTopology.build(StatsSettings.DEFAULT), NOW)) {
            TestInputTopic<String, ConflictEvent> input = driver.createInputTopic(Topics.EVENTS.name(),
                    Serdes.String().serializer(), Topics.EVENTS.valueSerde().serializer());
            TestInputTopic<String, EventDeletion> deletions = driver.createInputTopic(Topics.DELETIONS.name(),
                    Serdes.String().serializer(), Topics.DELETIONS.valueSerde().serializer());
            TestOutputTopic<String, RegionStats> output = driver.createOutputTopic(Topics.REGION_STATS.name(),
                    Serdes.String().deserializer(), Topics.REGION_STATS.valueSerde().deserializer());
            int piped = 0;
            for (Version v : withRepeats) {
                if (++piped % emitEvery == 0) {
                    // An emission in the middle of the arrivals: later arrivals must correct what it emitted.
                    driver.advanceWallClockTime(StatsSettings.DEFAULT.emitInterval());
                }
                if (v.deletion()) {
                    deletions.pipeInput("MLI" + v.id(), new EventDeletion("MLI" + v.id(), v.timestamp()));
                } else {
                    input.pipeInput("MLI" + v.id(), v.event());
                }
            }
            driver.advanceWallClockTime(StatsSettings.DEFAULT.emitInterval());
            driver.advanceWallClockTime(StatsSettings.DEFAULT.tailDelay());
            Map<String, RegionStats> emitted = output.readKeyValuesToMap();
            KeyValueStore<String, DayTotals> store = driver.getKeyValueStore(RegionTotalsTopology.DAY_TOTALS_STORE);
            StatsQuery query = new StatsQuery(() -> store);

            for (String regionId : REGIONS) {
                Naive naive = new Naive(recompute(arrivals, regionId));
                List<Version> live = live(arrivals, regionId);
                Region region = new Region(regionId, "MLI", "Mali", regionId.substring(4), null, null, null, List.of(), true);
                for (int window : StatsSettings.SERVED_WINDOWS) {
                    List<StatsQuery.Point> served = query.series(region, START, START.plusDays(70), window);
                    assertThat(served).hasSize(71);
                    for (StatsQuery.Point point : served) {
                        assertThat(new Totals(point.events(), point.fatalities(), point.violentEvents(), point.civilianEvents(),
                                point.civilianFatalities())).as("%s window %d ending %s", regionId, window, point.date())
                                .isEqualTo(naive.window(point.date(), window));
                        assertThat(point.baseline().mean().fatalities()).as("%s baseline %d at %s", regionId, window, point.date())
                                .isCloseTo(naive.baseline(point.date(), window, Metric.FATALITIES)[0], within(1e-4));
                    }
                }
                // Window sums change only on emitted dates: the latest record on or before any date gives its figures.
                RegionStats latest = null;
                for (LocalDate date = START.minusDays(1); date.isBefore(START.plusDays(61 + 366)); date = date.plusDays(1)) {
                    RegionStats record = emitted.get(regionId + "@" + date);
                    latest = record != null ? record : latest;
                    for (int window : StatsSettings.SERVED_WINDOWS) {
                        assertThat(latest == null ? Totals.ZERO : latest.windows().get(window))
                                .as("%s window %d ending %s, from the record of %s", regionId, window, date,
                                        latest == null ? null : latest.date())
                                .isEqualTo(naive.window(date, window));
                        assertThat(latest == null ? List.of() : latest.evidence().get(window))
                                .as("%s evidence %d ending %s", regionId, window, date)
                                .isEqualTo(evidence(live, date, window));
                    }
                    // Baselines are exact when emitted; a later change of baseline weeks alone is not re-emitted.
                    if (record != null && emitEvery > withRepeats.size()) {
                        for (Metric metric : Metric.values()) {
                            assertThat(record.highs().year().get(metric)).isEqualTo(naive.high(date, 365, metric));
                            assertThat(record.baselines().get(30).spread().get(metric))
                                    .isCloseTo(naive.baseline(date, 30, metric)[1], within(1e-4));
                        }
                    }
                }
            }
        }
    }

    /**
     * Two different events of one id with one timestamp have no defined winner: keep the first
     * event of each (id, timestamp), and any deletion (a deletion wins a tie, by definition).
     */
    private static List<Version> unambiguous(List<Version> versions) {
        Map<String, Version> first = new HashMap<>();
        versions.stream().filter(v -> !v.deletion()).forEach(v -> first.putIfAbsent(v.id() + "/" + v.timestamp(), v));
        return versions.stream().filter(v -> v.deletion() || first.get(v.id() + "/" + v.timestamp()) == v).toList();
    }

    /** The newest version of each id, where it is a live event of the region. */
    private static List<Version> live(List<Version> versions, String regionId) {
        Map<Integer, Version> newest = new HashMap<>();
        for (Version v : versions) {
            newest.merge(v.id(), v, (a, b) -> b.timestamp() > a.timestamp() || (b.timestamp() == a.timestamp() && b.deletion()) ? b : a);
        }
        return newest.values().stream().filter(v -> !v.deletion() && REGIONS.get(v.region()).equals(regionId)).toList();
    }

    /** The ids of the ten live events of the window with the most fatalities, ties by id. */
    private static List<String> evidence(List<Version> live, LocalDate end, int window) {
        return live.stream()
                .filter(v -> !START.plusDays(v.day()).isAfter(end) && START.plusDays(v.day()).isAfter(end.minusDays(window)))
                .sorted(java.util.Comparator.comparingInt(Version::fatalities).reversed()
                        .thenComparing(v -> "MLI" + v.id()))
                .limit(10).map(v -> "MLI" + v.id()).toList();
    }

    /** The plain recomputation: the newest version per id, then each live event's figures on its day. */
    private static Function<LocalDate, Totals> recompute(List<Version> versions, String regionId) {
        Map<LocalDate, Totals> days = new HashMap<>();
        for (Version v : live(versions, regionId)) {
            boolean violent = v.type() == EventType.BATTLES || v.type() == EventType.EXPLOSIONS_REMOTE_VIOLENCE
                    || v.type() == EventType.VIOLENCE_AGAINST_CIVILIANS;
            boolean civilian = v.civilians() != null ? v.civilians() : v.type() == EventType.VIOLENCE_AGAINST_CIVILIANS;
            days.merge(START.plusDays(v.day()), new Totals(1, v.fatalities(), violent ? 1 : 0, civilian ? 1 : 0,
                    civilian ? v.fatalities() : 0), Totals::plus);
        }
        return day -> days.getOrDefault(day, Totals.ZERO);
    }
}
