package org.tabale.streams.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tabale.streams.topology.Events.attack;
import static org.tabale.streams.topology.Events.event;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
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
        try {
            // A state directory of its own: builds of other checkouts on this machine run the same tests.
            Path stateDir = Files.createTempDirectory("region-totals-test");
            stateDir.toFile().deleteOnExit();
            props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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

        assertThat(description).contains("events-source", "deletions-source", "reports-source", "verifications-source",
                "versions", "emit-region-stats", "region-stats-sink",
                "newest-version (stores: [" + RegionTotalsTopology.EVENTS_STORE + "])",
                "topics: [" + Topics.EVENTS.name() + "]", "topics: [" + Topics.DELETIONS.name() + "]",
                "topics: [" + Topics.REPORTS.name() + "]", "topics: [" + Topics.REPORT_VERIFICATIONS.name() + "]",
                "topic: " + Topics.REGION_STATS.name(), "deltas-by-region-repartition");
        assertThat(description).containsPattern("emit-region-stats \\(stores: \\[[^]]*" + RegionTotalsTopology.DAY_TOTALS_STORE)
                .containsPattern("emit-region-stats \\(stores: \\[[^]]*" + RegionTotalsTopology.PENDING_STORE)
                .containsPattern("emit-region-stats \\(stores: \\[[^]]*" + RegionTotalsTopology.DIRTY_STORE)
                .containsPattern("emit-region-stats \\(stores: \\[[^]]*" + RegionTotalsTopology.REGIONS_STORE);
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
        emitted();

        delete("MLI1", 300);

        assertThat(day(DAY)).isEqualTo(new Totals(1, 3, 1, 1, 3));
        assertThat(emitted().get(MOPTI + "@" + DAY).windows().get(7)).isEqualTo(new Totals(1, 3, 1, 1, 3));
    }

    @Test
    void shouldListTheMostLethalEventsOfEachWindowAsEvidence() {
        for (int i = 1; i <= 12; i++) {
            send(attack("MLI" + i, MOPTI, DAY.minusDays(i % 3), i % 6, 100)); // fatalities 1..5, 0; ties broken by id
        }
        send(attack("MLI40", MOPTI, DAY.minusDays(20), 40, 100));
        send(attack("MLI99", MOPTI, DAY.minusDays(200), 99, 100));
        send(attack("MLI50", MOPTI, DAY.plusDays(1), 50, 100));
        TestInputTopic<String, org.tabale.model.CommunityReport> reports = driver.createInputTopic(Topics.REPORTS.name(),
                Serdes.String().serializer(), Topics.REPORTS.valueSerde().serializer());
        reports.pipeInput("rpt-" + "c".repeat(32), Events.report("rpt-" + "c".repeat(32), MOPTI, DAY));

        RegionStats atDay = emitted().get(MOPTI + "@" + DAY);

        List<String> week = List.of("MLI11", "MLI5", "MLI10", "MLI4", "MLI3", "MLI9", "MLI2", "MLI8", "MLI1", "MLI7");
        assertThat(atDay.evidence()).isEqualTo(Map.of(7, week,
                30, List.of("MLI40", "MLI11", "MLI5", "MLI10", "MLI4", "MLI3", "MLI9", "MLI2", "MLI8", "MLI1"),
                90, List.of("MLI40", "MLI11", "MLI5", "MLI10", "MLI4", "MLI3", "MLI9", "MLI2", "MLI8", "MLI1"),
                365, List.of("MLI99", "MLI40", "MLI11", "MLI5", "MLI10", "MLI4", "MLI3", "MLI9", "MLI2", "MLI8")));
    }

    @Test
    void shouldLeaveADeletedOrRevisedEventOutOfTheEvidence() {
        send(attack("MLI1", MOPTI, DAY, 5, 100));
        send(attack("MLI2", MOPTI, DAY, 3, 100));
        send(attack("MLI3", MOPTI, DAY, 1, 100));
        assertThat(emitted().get(MOPTI + "@" + DAY).evidence().get(7)).containsExactly("MLI1", "MLI2", "MLI3");

        delete("MLI1", 300);
        send(attack("MLI3", MOPTI, DAY, 9, 200));
        send(attack("MLI2", MOPTI, DAY.minusDays(10), 3, 200));

        RegionStats atDay = emitted().get(MOPTI + "@" + DAY);
        assertThat(atDay.evidence().get(7)).containsExactly("MLI3");
        assertThat(atDay.evidence().get(30)).containsExactly("MLI3", "MLI2");
        assertThat(days.get(MOPTI + "@" + DAY).events()).containsExactly(new org.tabale.streams.window.Lethal("MLI3", 9));
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

    /**
     * Advances the wall clock past one emission interval, then past the tail delay (so the region
     * is quiet and the dates after its latest day go too), and reads what was emitted, by key.
     */
    private Map<String, RegionStats> emitted() {
        driver.advanceWallClockTime(StatsSettings.DEFAULT.emitInterval());
        driver.advanceWallClockTime(StatsSettings.DEFAULT.tailDelay());
        return stats.readKeyValuesToMap();
    }

    @Test
    void shouldEmitTheDatesWhereADayEntersOrLeavesAWindow() {
        send(attack("MLI1", MOPTI, DAY, 5, 100));

        Map<String, RegionStats> emitted = emitted();

        // DAY + 365 is after today (NOW): it waits for its day.
        assertThat(emitted.keySet()).containsExactlyInAnyOrder(MOPTI + "@" + DAY, MOPTI + "@" + DAY.plusDays(7),
                MOPTI + "@" + DAY.plusDays(30), MOPTI + "@" + DAY.plusDays(90));
        Totals one = new Totals(1, 5, 1, 1, 5);
        assertThat(emitted.get(MOPTI + "@" + DAY).windows()).isEqualTo(Map.of(7, one, 30, one, 90, one, 365, one));
        assertThat(emitted.get(MOPTI + "@" + DAY.plusDays(7)).windows())
                .isEqualTo(Map.of(7, Totals.ZERO, 30, one, 90, one, 365, one));
        assertThat(emitted.get(MOPTI + "@" + DAY.plusDays(90)).windows())
                .isEqualTo(Map.of(7, Totals.ZERO, 30, Totals.ZERO, 90, Totals.ZERO, 365, one));
        RegionStats atDay = emitted.get(MOPTI + "@" + DAY);
        assertThat(atDay.country()).isEqualTo("Mali");
        assertThat(atDay.admin1()).isEqualTo("Mopti");
        assertThat(atDay.baselines()).containsOnlyKeys(7, 30, 90, 365);
        assertThat(atDay.baselines().get(7).mean().fatalities()).isZero();
        assertThat(atDay.highs().year()).isEqualTo(Totals.ZERO);
        // A year after, the 30-day window holding the event is the one-year high.
        assertThat(emitted.get(MOPTI + "@" + DAY.plusDays(90)).highs().year().fatalities()).isEqualTo(5);
    }

    @Test
    void shouldEmitAWindowEndAfterTodayOnItsDay() {
        send(attack("MLI1", MOPTI, DAY, 5, 100));
        emitted();

        driver.advanceWallClockTime(java.time.Duration.between(NOW, DAY.plusDays(365).atStartOfDay(java.time.ZoneOffset.UTC)));

        Map<String, RegionStats> later = stats.readKeyValuesToMap();
        assertThat(later.keySet()).containsExactly(MOPTI + "@" + DAY.plusDays(365));
        assertThat(later.values().iterator().next().windows().get(365)).isEqualTo(Totals.ZERO);
    }

    @Test
    void shouldEmitEachChangedDateOnceHoweverManyEventsChangedIt() {
        send(attack("MLI1", MOPTI, DAY, 5, 100));
        send(attack("MLI2", MOPTI, DAY, 3, 100));
        send(attack("MLI1", MOPTI, DAY, 6, 200));

        driver.advanceWallClockTime(StatsSettings.DEFAULT.emitInterval());
        List<KeyValue<String, RegionStats>> atOnce = stats.readKeyValuesToList();
        driver.advanceWallClockTime(StatsSettings.DEFAULT.tailDelay());
        List<KeyValue<String, RegionStats>> once = stats.readKeyValuesToList();

        // The day itself at once; the days it leaves its windows once the region is quiet.
        assertThat(atOnce).extracting(r -> r.key).containsExactly(MOPTI + "@" + DAY);
        assertThat(atOnce.get(0).value.windows().get(7)).isEqualTo(new Totals(2, 9, 2, 2, 9));
        assertThat(once).extracting(r -> r.key).containsExactly(MOPTI + "@" + DAY.plusDays(7),
                MOPTI + "@" + DAY.plusDays(30), MOPTI + "@" + DAY.plusDays(90));
        assertThat(emitted()).isEmpty();
    }

    @Test
    void shouldHoldTheDatesAfterTheLatestDayWhileARegionKeepsChanging() {
        for (int i = 0; i < 20; i++) {
            send(attack("MLI" + i, MOPTI, DAY.plusDays(i), 1, 100));
            driver.advanceWallClockTime(StatsSettings.DEFAULT.emitInterval());
        }
        List<KeyValue<String, RegionStats>> whileBusy = stats.readKeyValuesToList();

        assertThat(whileBusy).extracting(r -> r.value.date()).allMatch(date -> !date.isAfter(DAY.plusDays(19)))
                .doesNotHaveDuplicates();
        Map<String, RegionStats> afterwards = emitted();
        assertThat(afterwards.get(MOPTI + "@" + DAY.plusDays(25)).windows().get(7)).isEqualTo(new Totals(1, 1, 1, 1, 1));
        assertThat(afterwards.get(MOPTI + "@" + DAY.plusDays(26)).windows().get(7)).isEqualTo(Totals.ZERO);
    }

    @Test
    void shouldUpdateTheDayAndWindowsOfAnEventAYearOlderThanEverythingElse() {
        send(attack("MLI1", MOPTI, DAY, 5, 100));
        emitted();
        LocalDate yearBefore = DAY.minusDays(365);

        send(attack("MLI0", MOPTI, yearBefore, 7, 100));

        assertThat(day(yearBefore)).isEqualTo(new Totals(1, 7, 1, 1, 7));
        Map<String, RegionStats> late = emitted();
        assertThat(late.keySet()).containsExactlyInAnyOrder(MOPTI + "@" + yearBefore, MOPTI + "@" + yearBefore.plusDays(7),
                MOPTI + "@" + yearBefore.plusDays(30), MOPTI + "@" + yearBefore.plusDays(90), MOPTI + "@" + DAY);
        assertThat(late.get(MOPTI + "@" + yearBefore).windows().get(7).fatalities()).isEqualTo(7);
        // The old event has just left the 365-day window ending at DAY, and now counts in its baseline and highs.
        RegionStats atDay = late.get(MOPTI + "@" + DAY);
        assertThat(atDay.windows().get(365).fatalities()).isEqualTo(5);
        assertThat(atDay.highs().year().fatalities()).isEqualTo(7);
        assertThat(atDay.baselines().get(30).mean().fatalities()).isGreaterThan(0);
    }

    @Test
    void shouldCountCommunityReportsApartAndFollowTheirVerification() {
        TestInputTopic<String, org.tabale.model.CommunityReport> reports = driver.createInputTopic(Topics.REPORTS.name(),
                Serdes.String().serializer(), Topics.REPORTS.valueSerde().serializer());
        TestInputTopic<String, org.tabale.model.ReportVerification> verifications = driver.createInputTopic(
                Topics.REPORT_VERIFICATIONS.name(), Serdes.String().serializer(), Topics.REPORT_VERIFICATIONS.valueSerde().serializer());
        org.tabale.model.CommunityReport report = Events.report("rpt-" + "a".repeat(32), MOPTI, DAY);
        send(attack("MLI1", MOPTI, DAY, 5, 100));

        reports.pipeInput(report.id(), report);
        assertThat(day(DAY)).isEqualTo(new Totals(1, 5, 1, 1, 5, 1, 0));

        verifications.pipeInput(report.id(), Events.verification(report.id(), org.tabale.model.VerificationState.VERIFIED, 1));
        assertThat(day(DAY)).isEqualTo(new Totals(1, 5, 1, 1, 5, 1, 1));

        verifications.pipeInput(report.id(), Events.verification(report.id(), org.tabale.model.VerificationState.REJECTED, 2));
        assertThat(day(DAY)).isEqualTo(new Totals(1, 5, 1, 1, 5));
        assertThat(emitted().get(MOPTI + "@" + DAY).windows().get(7)).isEqualTo(new Totals(1, 5, 1, 1, 5));
    }

    @Test
    void shouldCountAReportWhoseVerificationCameFirst() {
        TestInputTopic<String, org.tabale.model.CommunityReport> reports = driver.createInputTopic(Topics.REPORTS.name(),
                Serdes.String().serializer(), Topics.REPORTS.valueSerde().serializer());
        TestInputTopic<String, org.tabale.model.ReportVerification> verifications = driver.createInputTopic(
                Topics.REPORT_VERIFICATIONS.name(), Serdes.String().serializer(), Topics.REPORT_VERIFICATIONS.valueSerde().serializer());
        org.tabale.model.CommunityReport report = Events.report("rpt-" + "b".repeat(32), MOPTI, DAY);

        verifications.pipeInput(report.id(), Events.verification(report.id(), org.tabale.model.VerificationState.VERIFIED, 1));
        assertThat(day(DAY)).isEqualTo(Totals.ZERO);
        reports.pipeInput(report.id(), report);

        assertThat(day(DAY)).isEqualTo(new Totals(0, 0, 0, 0, 0, 1, 1));
    }
}
