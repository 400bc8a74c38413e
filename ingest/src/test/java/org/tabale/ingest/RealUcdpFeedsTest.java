package org.tabale.ingest;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tabale.ingest.parse.Feed;
import org.tabale.ingest.parse.FeedFormatException;
import org.tabale.ingest.publish.EventIngestor;
import org.tabale.ingest.publish.IngestResult;
import org.tabale.ingest.publish.RecordingSink;
import org.tabale.model.ConflictEvent;
import org.tabale.model.Gazetteer;
import org.tabale.model.Totals;
import org.tabale.testkit.SharedFeeds;

/**
 * Reads the real UCDP GED 19.1 files (Myanmar and Bangladesh) and HDX HAPI's aggregates kept
 * outside the repository in {@code shared/data/feeds}. Skipped, not passed, where they are absent.
 * The expected figures were counted independently of this code, with Python's csv module.
 */
@Timeout(30)
@SharedFeeds.Required
class RealUcdpFeedsTest {

    private static final Gazetteer GAZETTEER = Gazetteer.bundled();
    private static final String GED = "ucdp_ged191_mmr_bgd/ged191.csv";
    private static final String HDX_BGD = "ucdp_ged191_mmr_bgd/conflict_data_BGD_hdx_hxl.csv";
    private static final String HAPI_DIR = "hdx_hapi_conflict_event_sahel";
    private static final Map<String, Ingested> INGESTED = new ConcurrentHashMap<>();
    private static Path feeds;

    @BeforeAll
    static void locateFeeds() {
        feeds = SharedFeeds.dir().orElseThrow();
    }

    private record Ingested(IngestResult result, List<ConflictEvent> events) {
    }

    /** Each file is ingested once for the whole class, to keep the suite fast. */
    private static Ingested ingest(String file) {
        return INGESTED.computeIfAbsent(file, f -> {
            RecordingSink sink = new RecordingSink();
            IngestResult result = ingestor(sink).ingest(read(f), EventIngestor.Format.CSV, Feed.UCDP, "replay:" + f);
            assertThat(sink.deadLetters()).hasSize((int) result.rejected());
            return new Ingested(result, sink.events());
        });
    }

    private static EventIngestor ingestor(RecordingSink sink) {
        return new EventIngestor(GAZETTEER, sink, Clock.fixed(Instant.parse("2024-01-01T00:00:00Z"), ZoneOffset.UTC),
                new SimpleMeterRegistry());
    }

    private static byte[] read(String file) {
        try {
            return Files.readAllBytes(feeds.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <K> Map<K, Long> count(List<ConflictEvent> events, Function<ConflictEvent, K> key) {
        return events.stream().collect(Collectors.groupingBy(key, Collectors.counting()));
    }

    private static Totals totals(List<ConflictEvent> events) {
        return events.stream().map(Totals::of).reduce(Totals.ZERO, Totals::plus);
    }

    private static List<ConflictEvent> in(List<ConflictEvent> events, String iso3) {
        return events.stream().filter(e -> e.regionId().startsWith(iso3 + ".")).toList();
    }

    @Test
    void shouldAcceptEveryGed191RowWhenIngestedAsUcdp() {
        // when
        Ingested ged = ingest(GED);

        // then 3,194 rows, ids unique; sum of best 20,936; type 3: 1,520 events, 6,666 deaths
        assertThat(ged.result()).isEqualTo(new IngestResult(3194, 0, 0, 0, List.of()));
        assertThat(ged.events()).extracting(ConflictEvent::eventId).doesNotHaveDuplicates()
                .allMatch(id -> id.matches("UCDP-\\d+"));
        assertThat(totals(ged.events())).isEqualTo(new Totals(3194, 20_936, 3194, 1520, 6666));
        assertThat(ged.events()).allMatch(e -> e.timestamp() == 0 && e.feed().equals("ucdp")
                && e.latitude() != null && e.longitude() != null);
    }

    @Test
    void shouldSpanGed191DatesAndCountriesWhenIngested() {
        // when
        List<ConflictEvent> events = ingest(GED).events();

        // then
        assertThat(events.stream().map(ConflictEvent::eventDate).min(Comparator.naturalOrder()))
                .contains(LocalDate.of(1989, 1, 1));
        assertThat(events.stream().map(ConflictEvent::eventDate).max(Comparator.naturalOrder()))
                .contains(LocalDate.of(2018, 12, 30));
        assertThat(count(events, ConflictEvent::country)).isEqualTo(Map.of("Myanmar", 2593L, "Bangladesh", 601L));
        assertThat(totals(in(events, "MMR"))).isEqualTo(new Totals(2593, 19_574, 2593, 1396, 6113));
        assertThat(totals(in(events, "BGD"))).isEqualTo(new Totals(601, 1362, 601, 124, 553));
        assertThat(events).allSatisfy(e -> assertThat(e.iso()).isEqualTo(e.country().equals("Myanmar") ? 104 : 50));
    }

    @Test
    void shouldPlaceGed191EventsInGazetteerRegionsWhenAdmin1CarriesAnyUcdpSuffix() {
        // when
        List<ConflictEvent> events = ingest(GED).events();

        // then "Bago Division" and "Bago  region" are one region, "Karen State" is Kayin; blank adm_1
        // and the one district written as admin-1 stay unknown under their own name
        assertThat(count(events, ConflictEvent::regionId)).containsOnly(
                entry("MMR.Unknown", 410L), entry("MMR.Shan", 749L), entry("MMR.Kayin", 501L),
                entry("MMR.Kachin", 230L), entry("MMR.Rakhine", 169L), entry("MMR.Bago", 157L),
                entry("MMR.Tanintharyi", 118L), entry("MMR.Mon", 82L), entry("MMR.Kayah", 76L),
                entry("MMR.Chin", 29L), entry("MMR.Yangon", 28L), entry("MMR.Mandalay", 15L),
                entry("MMR.Ayeyarwady", 12L), entry("MMR.Sagaing", 10L), entry("MMR.Sagaing District", 6L),
                entry("MMR.Magway", 1L),
                entry("BGD.Chattogram", 194L), entry("BGD.Khulna", 164L), entry("BGD.Rajshahi", 89L),
                entry("BGD.Dhaka", 85L), entry("BGD.Unknown", 20L), entry("BGD.Sylhet", 20L),
                entry("BGD.Barishal", 14L), entry("BGD.Rangpur", 14L), entry("BGD.Mymensingh", 1L));
        assertThat(events).filteredOn(e -> GAZETTEER.lookup(e.regionId()).isEmpty()).extracting(ConflictEvent::regionId)
                .containsOnly("MMR.Unknown", "BGD.Unknown", "MMR.Sagaing District").hasSize(436);
    }

    @Test
    void shouldMapHdxCopyToTheSameEventsWhenItCarriesAnHxlRow() {
        // when
        Ingested hdx = ingest(HDX_BGD);

        // then the HXL hashtag row is skipped, and the 601 rows equal ged191's Bangladesh rows
        assertThat(hdx.result()).isEqualTo(new IngestResult(601, 0, 0, 0, List.of()));
        assertThat(totals(hdx.events())).isEqualTo(new Totals(601, 1362, 601, 124, 553));
        assertThat(hdx.events().stream().map(ConflictEvent::eventDate).min(Comparator.naturalOrder()))
                .contains(LocalDate.of(1989, 5, 20));
        assertThat(hdx.events().stream().map(ConflictEvent::eventDate).max(Comparator.naturalOrder()))
                .contains(LocalDate.of(2018, 12, 30));
        assertThat(hdx.events()).containsExactlyInAnyOrderElementsOf(in(ingest(GED).events(), "BGD"));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Feed.class)
    void shouldRefuseEachHapiFileAsAWholeWhenPostedAsEitherFeed(Feed feed) throws IOException {
        // given
        List<Path> files;
        try (var list = Files.list(feeds.resolve(HAPI_DIR))) {
            files = list.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
        }
        RecordingSink sink = new RecordingSink();

        // when / then
        assertThat(files).hasSize(2);
        for (Path file : files) {
            assertThatThrownBy(() -> ingestor(sink).ingest(Files.readAllBytes(file), EventIngestor.Format.CSV, feed,
                    "replay:" + file.getFileName()))
                    .isInstanceOf(FeedFormatException.class)
                    .hasMessage("HDX HAPI conflict_event rows are monthly aggregates without event ids;"
                            + " send event-level ACLED or UCDP rows");
        }
        assertThat(sink.batches()).isEmpty();
    }
}
