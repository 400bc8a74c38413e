package org.tabale.ingest.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.tabale.ingest.parse.Feed;
import org.tabale.ingest.parse.FeedFormatException;
import org.tabale.ingest.parse.Fixtures;
import org.tabale.model.ConflictEvent;
import org.tabale.model.DeadLetter;
import org.tabale.model.EventType;
import org.tabale.model.Gazetteer;

class EventIngestorTest {

    private static final Instant NOW = Instant.parse("2024-03-15T10:00:00Z");
    private static final String HEADER = "event_id_cnty,event_date,event_type,actor1,actor2,inter1,country,admin1,"
            + "fatalities,notes,timestamp\n";
    private static final String SOURCE = "http:/api/v1/events";

    private final RecordingSink sink = new RecordingSink();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final EventIngestor ingestor = new EventIngestor(Gazetteer.bundled(), sink,
            Clock.fixed(NOW, ZoneOffset.UTC), meters);

    private IngestResult ingestCsv(String... lines) {
        return ingestor.ingest((HEADER + String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8),
                EventIngestor.Format.CSV, SOURCE);
    }

    private double rows(String outcome) {
        return meters.get("tabale.ingest.rows").tag("outcome", outcome).counter().count();
    }

    @Test
    void shouldPublishOnceAndCountDuplicateWhenMonadicExportRepeatsEvent() {
        // given a monadic export: one row per actor, same id and timestamp
        String first = "MLI90101,2024-03-01,Battles,Military Forces of Mali,Invented Group,1,Mali,Mopti,4,Clash.,1709300001";
        String second = "MLI90101,2024-03-01,Battles,Invented Group,Military Forces of Mali,2,Mali,Mopti,4,Clash.,1709300001";

        // when
        IngestResult result = ingestCsv(first, second);

        // then
        assertThat(result).isEqualTo(new IngestResult(1, 1, 0, 0, List.of()));
        assertThat(sink.batches()).hasSize(1);
        assertThat(sink.events()).extracting(ConflictEvent::eventId, ConflictEvent::actor1)
                .containsExactly(tuple("MLI90101", "Military Forces of Mali"));
    }

    @ParameterizedTest(name = "newer row first: {0}")
    @ValueSource(booleans = {false, true})
    void shouldPublishNewerVersionAndCountOlderStaleWhateverTheRowOrder(boolean newerFirst) {
        // given ACLED re-coded the event: 2 fatalities became 5, with a later timestamp
        String older = "MLI90102,2024-03-02,Battles,Invented A,Invented B,2,Mali,Gao,2,First report.,1709400000";
        String newer = "MLI90102,2024-03-02,Violence against civilians,Invented A,Civilians (Mali),2,Mali,Gao,5,"
                + "Revised report.,1709500000";

        // when
        IngestResult result = newerFirst ? ingestCsv(newer, older) : ingestCsv(older, newer);

        // then
        assertThat(result).isEqualTo(new IngestResult(1, 0, 1, 0, List.of()));
        assertThat(sink.events()).singleElement()
                .extracting(ConflictEvent::timestamp, ConflictEvent::fatalities, ConflictEvent::eventType)
                .containsExactly(1_709_500_000L, 5, EventType.VIOLENCE_AGAINST_CIVILIANS);
    }

    @Test
    void shouldCountRepeatOfOlderVersionAsDuplicateWhenNewerVersionCameBetween() {
        // given a monadic pair of the old version, with the revision listed between them
        String oldA = "MLI90106,2024-03-02,Battles,Invented A,Invented B,1,Mali,Gao,2,Old.,1709400006";
        String revised = "MLI90106,2024-03-02,Battles,Invented A,Invented B,1,Mali,Gao,3,New.,1709500006";
        String oldB = "MLI90106,2024-03-02,Battles,Invented B,Invented A,2,Mali,Gao,2,Old.,1709400006";

        // when
        IngestResult result = ingestCsv(revised, oldA, oldB);

        // then the same account as for oldA, oldB, revised: one stale version, one duplicate row
        assertThat(result).isEqualTo(new IngestResult(1, 1, 1, 0, List.of()));
        assertThat(sink.events()).singleElement().extracting(ConflictEvent::fatalities).isEqualTo(3);
    }

    @Test
    void shouldDeadLetterRefusedRowsWithContextAndListSameReasonsInResult() {
        // given
        String good = "MLI90103,2024-03-03,Protests,Protesters (Mali),,6,Mali,Bamako,0,Invented march.,1709500003";
        String noId = ",2024-03-03,Battles,Invented A,Invented B,1,Mali,Gao,1,\"Near Gao, invented.\",1709500004";
        String badCount = "MLI90105,2024-03-03,Battles,Invented A,Invented B,1,Mali,Gao,few,Invented.,1709500005";

        // when
        IngestResult result = ingestCsv(good, noId, badCount);

        // then
        String noIdReason = "event_id_cnty is missing: rows without an id are refused, not given one";
        String badCountReason = "fatalities 'few' is not a count >= 0";
        assertThat(result).isEqualTo(new IngestResult(1, 0, 0, 2, List.of(
                new IngestResult.RowError(2, null, noIdReason),
                new IngestResult.RowError(3, "MLI90105", badCountReason))));
        // originals are the rows re-written as CSV: quotes kept where needed, an empty first field as ""
        assertThat(sink.deadLetters()).containsExactly(
                new DeadLetter(SOURCE, "acled", 2, null, noIdReason, "\"\"" + noId, NOW),
                new DeadLetter(SOURCE, "acled", 3, "MLI90105", badCountReason, badCount, NOW));
        assertThat(sink.events()).extracting(ConflictEvent::eventId).containsExactly("MLI90103");
    }

    @Test
    void shouldCountRowsByOutcomeWhenBatchMixesAllOutcomes() {
        // given
        String a1 = "MLI90111,2024-03-04,Battles,Invented A,Invented B,1,Mali,Kidal,1,A.,1709600001";
        String a2 = "MLI90111,2024-03-04,Battles,Invented B,Invented A,2,Mali,Kidal,1,A.,1709600001";
        String b1 = "MLI90112,2024-03-04,Battles,Invented A,Invented B,1,Mali,Kidal,1,B.,1709600002";
        String b2 = "MLI90112,2024-03-04,Battles,Invented A,Invented B,1,Mali,Kidal,2,B revised.,1709700002";
        String c = "MLI90113,2024-03-04,Battles,Invented A,Invented B,1,Mali,Kidal,1,C.,1709600003";
        String bad = "MLI90114,someday,Battles,Invented A,Invented B,1,Mali,Kidal,1,D.,1709600004";

        // when
        IngestResult result = ingestCsv(a1, b1, a2, c, bad, b2);
        ingestCsv(c);

        // then
        assertThat(result).extracting(IngestResult::accepted, IngestResult::duplicates, IngestResult::stale,
                IngestResult::rejected).containsExactly(3L, 1L, 1L, 1L);
        assertThat(List.of(rows("accepted"), rows("duplicate"), rows("stale"), rows("rejected")))
                .containsExactly(4.0, 1.0, 1.0, 1.0);
    }

    @Test
    void shouldRegisterEveryOutcomeCounterAtZeroWhenNothingWasIngested() {
        assertThat(meters.find("tabale.ingest.rows").counters())
                .extracting(c -> c.getId().getTag("outcome"), c -> c.count())
                .containsExactlyInAnyOrder(tuple("accepted", 0.0), tuple("duplicate", 0.0), tuple("stale", 0.0),
                        tuple("rejected", 0.0));
    }

    @Test
    void shouldIngestJsonEnvelopeWhenFormatIsJson() {
        // given
        String json = """
                {"status":200,"data":[
                 {"event_id_cnty":"MLI90121","event_date":"2024-03-05","event_type":"Riots","country":"Mali",
                  "admin1":"Kayes","fatalities":"0","timestamp":"1709600021"},
                 {"event_id_cnty":"MLI90122","event_date":"2024-03-05","event_type":"Riots","country":"Mali",
                  "admin1":"Kayes","fatalities":"x","timestamp":"1709600022"}]}
                """;

        // when
        IngestResult result = ingestor.ingest(json.getBytes(StandardCharsets.UTF_8), EventIngestor.Format.JSON, SOURCE);

        // then
        assertThat(result).isEqualTo(new IngestResult(1, 0, 0, 1,
                List.of(new IngestResult.RowError(2, "MLI90122", "fatalities 'x' is not a count >= 0"))));
        assertThat(sink.deadLetters()).singleElement().extracting(DeadLetter::original).asString()
                .startsWith("{\"event_id_cnty\":\"MLI90122\"");
    }

    @Test
    void shouldCountNothingAndPropagateWhenSinkRefusesBatch() {
        // given
        sink.down();

        // when / then
        assertThatThrownBy(() -> ingestCsv(
                "MLI90131,2024-03-06,Battles,Invented A,Invented B,1,Mali,Gao,1,A.,1709600031"))
                .isInstanceOf(EventPublisher.PublishException.class);
        assertThat(List.of(rows("accepted"), rows("duplicate"), rows("stale"), rows("rejected")))
                .containsExactly(0.0, 0.0, 0.0, 0.0);
        assertThat(sink.batches()).isEmpty();
    }

    @Test
    void shouldPublishNothingWhenBodyIsNotAFeed() {
        assertThatThrownBy(() -> ingestor.ingest("<html>busy</html>".getBytes(StandardCharsets.UTF_8),
                EventIngestor.Format.CSV, SOURCE))
                .isInstanceOf(FeedFormatException.class);
        assertThat(sink.batches()).isEmpty();
    }

    @Test
    void shouldIngestUcdpRowsAndDeadLetterRefusalsUnderFeedUcdpWhenFeedIsUcdp() {
        // given GED rows: one repeated (timestamp 0 for every UCDP row), one with an unknown violence type
        String csv = """
                id,type_of_violence,country,country_id,adm_1,date_start,best
                900301,3,Myanmar (Burma),775,Rakhine State,2017-08-26,12
                900302,1,Bangladesh,771,Dhaka Division,2013-12-13,1
                900301,3,Myanmar (Burma),775,Rakhine State,2017-08-26,12
                900303,9,Bangladesh,771,Dhaka Division,2013-12-14,1
                """;

        // when
        IngestResult result = ingestor.ingest(csv.getBytes(StandardCharsets.UTF_8), EventIngestor.Format.CSV,
                Feed.UCDP, SOURCE);

        // then
        String reason = "type_of_violence '9' is not 1 (state-based), 2 (non-state) or 3 (one-sided)";
        assertThat(result).isEqualTo(new IngestResult(2, 1, 0, 1, List.of(new IngestResult.RowError(4, "UCDP-900303",
                reason))));
        assertThat(sink.events()).extracting(ConflictEvent::eventId, ConflictEvent::regionId, ConflictEvent::feed)
                .containsExactlyInAnyOrder(tuple("UCDP-900301", "MMR.Rakhine", "ucdp"),
                        tuple("UCDP-900302", "BGD.Dhaka", "ucdp"));
        assertThat(sink.deadLetters()).containsExactly(new DeadLetter(SOURCE, "ucdp", 4, "UCDP-900303", reason,
                "900303,9,Bangladesh,771,Dhaka Division,2013-12-14,1", NOW));
    }

    @Test
    void shouldIngestUcdpApiResultEnvelopeWhenJson() {
        // given the envelope of UCDP's API, numbers as JSON numbers
        String json = """
                {"TotalCount":1,"TotalPages":1,"PreviousPageUrl":"","NextPageUrl":"","Result":[
                 {"id":900311,"type_of_violence":2,"country":"Bangladesh","country_id":771,"adm_1":"Khulna Division",
                  "date_start":"2014-01-05T00:00:00","best":2,"latitude":22.8001,"longitude":89.5002}]}
                """;

        // when
        IngestResult result = ingestor.ingest(json.getBytes(StandardCharsets.UTF_8), EventIngestor.Format.JSON,
                Feed.UCDP, SOURCE);

        // then
        assertThat(result).isEqualTo(new IngestResult(1, 0, 0, 0, List.of()));
        assertThat(sink.events()).singleElement().extracting(ConflictEvent::eventId, ConflictEvent::regionId,
                ConflictEvent::eventDate, ConflictEvent::fatalities, ConflictEvent::latitude)
                .containsExactly("UCDP-900311", "BGD.Khulna", LocalDate.of(2014, 1, 5), 2, 22.8001);
    }

    @ParameterizedTest(name = "{0} sent as {1}")
    @CsvSource(delimiter = '|', textBlock = """
            ucdp_ged_style.csv         | ACLED | header lacks event_date, event_type, fatalities     | ?source=ucdp
            mali_2019_legacy_style.csv | UCDP  | header lacks best, date_start, id, type_of_violence | ?source=acled
            """)
    void shouldRefuseWholeBodyNamingTheRightSourceWhenFeedIsTheOther(String fixture, Feed feed, String lacks,
                                                                    String hint) {
        // when / then
        assertThatThrownBy(() -> ingestor.ingest(Fixtures.bytes(fixture), EventIngestor.Format.CSV, feed, SOURCE))
                .isInstanceOf(FeedFormatException.class)
                .hasMessageContaining(lacks)
                .hasMessageEndingWith(": send it with " + hint);
        assertThat(sink.batches()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Feed.class)
    void shouldRefuseHdxHapiAggregatesNamingWhyWhenPostedAsCsvOrJson(Feed feed) {
        // given HAPI's conflict_event table as CSV download and as API JSON
        byte[] csv = Fixtures.bytes("hdx_hapi_conflict_event_style.csv");
        byte[] json = """
                {"data":[{"location_code":"MLI","admin1_code":"ML05","admin1_name":"Mopti","admin_level":1,
                  "event_type":"civilian_targeting","events":1,"fatalities":2,
                  "reference_period_start":"2024-01-01T00:00:00","reference_period_end":"2024-01-31T23:59:59"}]}
                """.getBytes(StandardCharsets.UTF_8);
        String why = "HDX HAPI conflict_event rows are monthly aggregates without event ids;"
                + " send event-level ACLED or UCDP rows";

        // when / then
        assertThatThrownBy(() -> ingestor.ingest(csv, EventIngestor.Format.CSV, feed, SOURCE))
                .isInstanceOf(FeedFormatException.class).hasMessage(why);
        assertThatThrownBy(() -> ingestor.ingest(json, EventIngestor.Format.JSON, feed, SOURCE))
                .isInstanceOf(FeedFormatException.class).hasMessage(why);
        assertThat(sink.batches()).isEmpty();
        assertThat(rows("rejected")).isZero();
    }

    /**
     * The ingest contract, whatever the row order: one event per id, its newest version; every
     * repeat of a version already seen is a duplicate; every other older version is stale.
     */
    @Property(tries = 300)
    void shouldAccountRowsTheSameWayWhateverTheirOrder(@ForAll("versions") List<Version> rows,
                                                      @ForAll long shuffleSeed) {
        // given
        List<Version> shuffled = new ArrayList<>(rows);
        Collections.shuffle(shuffled, new Random(shuffleSeed));
        RecordingSink recorder = new RecordingSink();
        EventIngestor fresh = new EventIngestor(Gazetteer.bundled(), recorder, Clock.fixed(NOW, ZoneOffset.UTC),
                new SimpleMeterRegistry());
        Set<Version> distinct = new LinkedHashSet<>(rows);
        long ids = distinct.stream().map(Version::id).distinct().count();

        // when
        IngestResult result = fresh.ingest(csv(shuffled), EventIngestor.Format.CSV, SOURCE);

        // then
        assertThat(result).isEqualTo(new IngestResult(ids, rows.size() - distinct.size(), distinct.size() - ids, 0,
                List.of()));
        assertThat(recorder.events()).extracting(ConflictEvent::eventId, ConflictEvent::timestamp)
                .containsExactlyInAnyOrderElementsOf(distinct.stream()
                        .filter(v -> distinct.stream().noneMatch(o -> o.id().equals(v.id()) && o.timestamp() > v.timestamp()))
                        .map(v -> tuple(v.id(), v.timestamp())).toList());
    }

    record Version(String id, long timestamp) {
    }

    @Provide
    Arbitrary<List<Version>> versions() {
        Arbitrary<Version> version = Arbitraries.of("MLI1", "MLI2", "MLI3")
                .flatMap(id -> Arbitraries.longs().between(1_700_000_001L, 1_700_000_004L)
                        .map(ts -> new Version(id, ts)));
        return version.list().ofMinSize(1).ofMaxSize(12);
    }

    private static byte[] csv(List<Version> rows) {
        StringBuilder csv = new StringBuilder(HEADER);
        for (Version v : rows) {
            // content follows from (id, timestamp), as it does for one version of a real event
            csv.append(v.id()).append(",2024-03-07,Battles,Invented A,Invented B,1,Mali,Gao,")
                    .append(v.timestamp() % 5).append(",v").append(v.timestamp()).append(',')
                    .append(v.timestamp()).append('\n');
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }
}
