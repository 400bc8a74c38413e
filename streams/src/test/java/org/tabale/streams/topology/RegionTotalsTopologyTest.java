package org.tabale.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tabale.streams.topology.Events.attack;
import static org.tabale.streams.topology.Events.event;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tabale.model.ConflictEvent;
import org.tabale.model.DeadLetter;
import org.tabale.model.EventDeletion;
import org.tabale.model.EventType;
import org.tabale.model.RegionStats;
import org.tabale.model.Topics;
import org.tabale.model.Totals;

class RegionTotalsTopologyTest {

    private static final String MOPTI = "MLI.Mopti";
    private static final LocalDate DAY = LocalDate.of(2019, 3, 23);
    private static final Instant NOW = Instant.parse("2020-01-01T00:00:00Z");

    private TopologyTestDriver driver;
    private TestInputTopic<String, ConflictEvent> events;
    private TestInputTopic<String, EventDeletion> deletions;
    private TestOutputTopic<String, RegionStats> stats;
    private KeyValueStore<String, DayTotals> days;

    static TopologyTestDriver driver(Topology topology, Instant now) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "region-totals-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                org.tabale.streams.errors.DeadLetterOnUnreadable.class);
        return new TopologyTestDriver(topology, props, now);
    }

    @BeforeEach
    void setUp() {
        driver = driver(RegionTotalsTopology.build(StatsSettings.DEFAULT), NOW);
        events = driver.createInputTopic(Topics.EVENTS.name(), Serdes.String().serializer(), Topics.EVENTS.valueSerde().serializer());
        deletions = driver.createInputTopic(Topics.DELETIONS.name(), Serdes.String().serializer(),
                Topics.DELETIONS.valueSerde().serializer());
        stats = driver.createOutputTopic(Topics.REGION_STATS.name(), Serdes.String().deserializer(),
                Topics.REGION_STATS.valueSerde().deserializer());
        days = driver.getKeyValueStore(RegionTotalsTopology.DAY_TOTALS_STORE);
    }

    @AfterEach
    void tearDown() {
        driver.close();
    }

    private void send(ConflictEvent event) {
        events.pipeInput(event.eventId(), event);
    }

    private void delete(String id, long deletedTimestamp) {
        deletions.pipeInput(id, new EventDeletion(id, deletedTimestamp));
    }

    private Totals day(LocalDate day) {
        DayTotals totals = days.get(MOPTI + "@" + day);
        return totals == null ? Totals.ZERO : totals.totals();
    }

    @Test
    void shouldNameEveryStoreProcessorAndInternalTopic() {
        String description = RegionTotalsTopology.build(StatsSettings.DEFAULT).describe().toString();

        assertThat(description).contains("events-source", "deletions-source", "versions",
                "newest-version", "live-versions", "live-events", "events-by-region-day", "day-totals",
                "emit-region-stats", "region-stats-sink", "stores: [" + RegionTotalsTopology.EVENTS_STORE + "]",
                "stores: [" + RegionTotalsTopology.DAY_TOTALS_STORE + "]",
                "emit-region-stats (stores: [" + RegionTotalsTopology.REGIONS_STORE + ", " + RegionTotalsTopology.DAY_TOTALS_STORE + "]", "topics: [" + Topics.EVENTS.name() + "]",
                "topics: [" + Topics.DELETIONS.name() + "]",
                "topic: " + Topics.REGION_STATS.name(), "events-by-region-day-repartition");
        assertThat(description).doesNotContain("KSTREAM-", "KTABLE-");
    }

    @Test
    void shouldReplaceAVersionByANewerOneAndIgnoreAnOlderOne() {
        send(attack("MLI1", MOPTI, DAY, 5, 100));
        send(attack("MLI1", MOPTI, DAY, 8, 200));
        send(attack("MLI1", MOPTI, DAY, 100, 150));

        assertThat(day(DAY)).isEqualTo(new Totals(1, 8, 1, 1, 8));
    }

    @Test
    void shouldCountAMonadicRepeatOnce() {
        ConflictEvent event = attack("MLI1", MOPTI, DAY, 5, 100);
        send(event);
        send(event);

        assertThat(day(DAY)).isEqualTo(new Totals(1, 5, 1, 1, 5));
    }

    @Test
    void shouldRemoveADeletedEventFromItsDayAndWindows() {
        send(attack("MLI1", MOPTI, DAY, 5, 100));
        send(attack("MLI2", MOPTI, DAY, 3, 100));
        stats.readValuesToList();

        delete("MLI1", 300);

        assertThat(day(DAY)).isEqualTo(new Totals(1, 3, 1, 1, 3));
        assertThat(stats.readKeyValuesToMap().get(MOPTI + "@" + DAY.plusDays(6)).windows().get(7))
                .isEqualTo(new Totals(1, 3, 1, 1, 3));
    }

    @Test
    void shouldKeepADeletedEventDeletedWhenAnOlderVersionArrivesLate() {
        delete("MLI1", 300);
        send(attack("MLI1", MOPTI, DAY, 5, 100));

        assertThat(day(DAY)).isEqualTo(Totals.ZERO);
    }

    @Test
    void shouldCountAnEventRepublishedAfterItsDeletion() {
        send(attack("MLI1", MOPTI, DAY, 5, 100));
        delete("MLI1", 300);
        send(attack("MLI1", MOPTI, DAY, 6, 400));

        assertThat(day(DAY)).isEqualTo(new Totals(1, 6, 1, 1, 6));
    }

    @Test
    void shouldDeadLetterAnUnreadableRecordAndGoOn() {
        TestInputTopic<String, String> raw = driver.createInputTopic(Topics.EVENTS.name(), Serdes.String().serializer(),
                Serdes.String().serializer());
        TestOutputTopic<String, DeadLetter> dlq = driver.createOutputTopic(Topics.DLQ.name(), Serdes.String().deserializer(),
                Topics.DLQ.valueSerde().deserializer());

        raw.pipeInput("MLI666", "{not an event");
        send(attack("MLI1", MOPTI, DAY, 5, 100));

        DeadLetter letter = dlq.readValue();
        assertThat(letter.source()).startsWith("streams:" + Topics.EVENTS.name() + "/");
        assertThat(letter.eventId()).isEqualTo("MLI666");
        assertThat(letter.original()).isEqualTo("{not an event");
        assertThat(letter.reason()).contains("unreadable record");
        assertThat(day(DAY)).isEqualTo(new Totals(1, 5, 1, 1, 5));
    }

    @Test
    void shouldMoveFiguresWhenARevisionChangesTheDate() {
        send(attack("MLI1", MOPTI, DAY, 5, 100));
        send(attack("MLI1", MOPTI, DAY.plusDays(2), 6, 200));

        assertThat(day(DAY)).isEqualTo(Totals.ZERO);
        assertThat(day(DAY.plusDays(2))).isEqualTo(new Totals(1, 6, 1, 1, 6));
    }

    @Test
    void shouldCountViolenceAgainstCiviliansAsCivilianWhenTheFeedHasNoTargetingColumn() {
        send(event("MLI1", MOPTI, DAY, EventType.VIOLENCE_AGAINST_CIVILIANS, null, 3, 1));
        send(event("MLI2", MOPTI, DAY, EventType.BATTLES, null, 4, 1));
        send(event("MLI3", MOPTI, DAY, EventType.EXPLOSIONS_REMOTE_VIOLENCE, true, 2, 1));
        send(event("MLI4", MOPTI, DAY, EventType.PROTESTS, false, 0, 1));

        assertThat(day(DAY)).isEqualTo(new Totals(4, 9, 3, 2, 5));
    }

    @Test
    void shouldEmitEverySevenDayWindowContainingAChangedDay() {
        send(attack("MLI1", MOPTI, DAY, 5, 100));

        Map<String, RegionStats> emitted = stats.readKeyValuesToMap();
        assertThat(emitted).hasSize(7);
        for (int i = 0; i < 7; i++) {
            LocalDate end = DAY.plusDays(i);
            assertThat(emitted.get(MOPTI + "@" + end))
                    .isEqualTo(new RegionStats(MOPTI, "Mali", "Mopti", end, Map.of(7, new Totals(1, 5, 1, 1, 5))));
        }
    }

    @Test
    void shouldUpdateTheDayAndWindowsOfAnEventAYearOlderThanEverythingElse() {
        send(attack("MLI1", MOPTI, DAY, 5, 100));
        stats.readKeyValuesToList();
        LocalDate yearBefore = DAY.minusYears(1);

        send(attack("MLI0", MOPTI, yearBefore, 7, 100));

        assertThat(day(yearBefore)).isEqualTo(new Totals(1, 7, 1, 1, 7));
        List<RegionStats> late = stats.readValuesToList();
        assertThat(late).extracting(RegionStats::date).containsExactly(
                yearBefore, yearBefore.plusDays(1), yearBefore.plusDays(2), yearBefore.plusDays(3),
                yearBefore.plusDays(4), yearBefore.plusDays(5), yearBefore.plusDays(6));
        assertThat(late).allSatisfy(s -> assertThat(s.windows().get(7).fatalities()).isEqualTo(7));
    }

    @Test
    void shouldNotEmitWindowsEndingAfterToday() {
        LocalDate today = LocalDate.ofInstant(NOW, java.time.ZoneOffset.UTC);
        send(attack("MLI1", MOPTI, today.minusDays(2), 5, 100));

        assertThat(stats.readValuesToList()).extracting(RegionStats::date)
                .containsExactly(today.minusDays(2), today.minusDays(1), today);
    }
}
