package org.tabale.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

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
import org.tabale.ingest.parse.AcledRowMapper;
import org.tabale.ingest.parse.CsvFeedReader;
import org.tabale.ingest.parse.FeedRow;
import org.tabale.ingest.parse.RowOutcome;
import org.tabale.ingest.parse.TextDecoder;
import org.tabale.ingest.publish.EventIngestor;
import org.tabale.ingest.publish.IngestResult;
import org.tabale.ingest.publish.RecordingSink;
import org.tabale.model.ConflictEvent;
import org.tabale.model.EventType;
import org.tabale.model.Gazetteer;
import org.tabale.model.Totals;
import org.tabale.testkit.SharedFeeds;

/**
 * Reads the real ACLED files kept outside the repository in {@code shared/data/feeds} (their
 * licence forbids copying them in). Skipped, not passed, where that directory is absent. The
 * expected figures were counted independently of this code (Python's csv module).
 */
@Timeout(30)
@SharedFeeds.Required
class RealFeedsTest {

    private static final Gazetteer GAZETTEER = Gazetteer.bundled();
    private static final AcledRowMapper MAPPER = new AcledRowMapper(GAZETTEER);
    private static final String MALI = "acled_mali_2017_2019_legacy/2017-01-01-2019-02-27-Mali.csv";
    private static final String ALL_AFRICA = "acled_allafrica_2016_legacy/ACLED All Africa File_20160101 to 20160528_csv.csv";
    private static final String GLOBAL = "acled_global_2020_05/acled.csv";
    private static final String BURKINA = "acled_burkina_2022_subset/acled.csv";
    private static final Map<String, List<FeedRow>> ROWS = new ConcurrentHashMap<>();
    private static final Map<String, List<RowOutcome>> OUTCOMES = new ConcurrentHashMap<>();
    private static Path feeds;

    @BeforeAll
    static void locateFeeds() {
        feeds = SharedFeeds.dir().orElseThrow();
    }

    private static byte[] read(String file) throws IOException {
        return Files.readAllBytes(feeds.resolve(file));
    }

    /** Each file is read and mapped once for the whole class, to keep the suite fast. */
    private static List<FeedRow> rows(String file) {
        return ROWS.computeIfAbsent(file, f -> {
            try {
                return CsvFeedReader.read(TextDecoder.decode(read(f)), AcledRowMapper.REQUIRED_COLUMNS);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static List<RowOutcome> outcomes(String file) {
        return OUTCOMES.computeIfAbsent(file, f -> rows(f).stream().map(MAPPER::map).toList());
    }

    private static List<ConflictEvent> events(String file) {
        return outcomes(file).stream().filter(RowOutcome.Accepted.class::isInstance)
                .map(o -> ((RowOutcome.Accepted) o).event()).toList();
    }

    private static <K> Map<K, Long> count(List<ConflictEvent> events, Function<ConflictEvent, K> key) {
        return events.stream().collect(Collectors.groupingBy(key, Collectors.counting()));
    }

    private static Totals totals(List<ConflictEvent> events) {
        return events.stream().map(Totals::of).reduce(Totals.ZERO, Totals::plus);
    }

    private static IngestResult ingest(String file, RecordingSink sink) throws IOException {
        EventIngestor ingestor = new EventIngestor(GAZETTEER, sink,
                Clock.fixed(Instant.parse("2024-01-01T00:00:00Z"), ZoneOffset.UTC), new SimpleMeterRegistry());
        return ingestor.ingest(read(file), EventIngestor.Format.CSV, "replay:" + file);
    }

    @Test
    void shouldAcceptEveryRowOfMaliLegacySetWhenIngested() throws IOException {
        // given
        RecordingSink sink = new RecordingSink();

        // when
        IngestResult result = ingest(MALI, sink);

        // then
        assertThat(result).isEqualTo(new IngestResult(1339, 0, 0, 0, List.of()));
        assertThat(sink.deadLetters()).isEmpty();
        List<ConflictEvent> events = sink.events();
        assertThat(events).extracting(ConflictEvent::eventId).doesNotHaveDuplicates().hasSize(1339);
        // 445 VAC events (civilian without a civilian_targeting column), 1,166 of the 3,004 deaths
        assertThat(totals(events)).isEqualTo(new Totals(1339, 3004, 1090, 445, 1166));
        assertThat(events).extracting(ConflictEvent::eventDate)
                .contains(LocalDate.of(2017, 1, 1), LocalDate.of(2019, 2, 22))
                .allMatch(d -> !d.isBefore(LocalDate.of(2017, 1, 1)) && !d.isAfter(LocalDate.of(2019, 2, 22)));
    }

    @Test
    void shouldPlaceEveryMaliLegacyEventInAKnownRegionWhenMapped() throws IOException {
        // when
        List<ConflictEvent> events = events(MALI);

        // then
        assertThat(events).hasSize(1339)
                .allSatisfy(e -> assertThat(GAZETTEER.lookup(e.regionId())).isPresent());
        assertThat(count(events, ConflictEvent::regionId)).isEqualTo(Map.of(
                "MLI.Mopti", 499L, "MLI.Gao", 324L, "MLI.Tombouctou", 167L, "MLI.Kidal", 136L, "MLI.Segou", 93L,
                "MLI.Bamako", 65L, "MLI.Koulikoro", 27L, "MLI.Kayes", 15L, "MLI.Sikasso", 13L));
    }

    @Test
    void shouldMapLegacyTaxonomyOfMaliSetWhenRiotsDependOnInter1() throws IOException {
        // when
        List<ConflictEvent> events = events(MALI);

        // then: 117 Riots/Protests rows, 31 of them with rioters (inter1 = 5) as first actor
        assertThat(count(events, ConflictEvent::eventType)).isEqualTo(Map.of(
                EventType.VIOLENCE_AGAINST_CIVILIANS, 445L, EventType.BATTLES, 429L,
                EventType.EXPLOSIONS_REMOTE_VIOLENCE, 216L, EventType.STRATEGIC_DEVELOPMENTS, 132L,
                EventType.PROTESTS, 86L, EventType.RIOTS, 31L));
        assertThat(events).allMatch(e -> e.subEventType() == null && e.civilianTargeting() == null);
    }

    @Test
    void shouldReadAllAfricaFileWhenWindows1252WithUpperCaseHeadersAndDayFirstDates() throws IOException {
        // when
        List<FeedRow> rows = rows(ALL_AFRICA);
        List<ConflictEvent> events = events(ALL_AFRICA);

        // then
        assertThat(rows).hasSize(6831);
        assertThat(events).hasSize(6831);
        assertThat(events.stream().mapToLong(ConflictEvent::fatalities).sum()).isEqualTo(12_375);
        assertThat(events).extracting(ConflictEvent::eventDate)
                .contains(LocalDate.of(2014, 1, 13), LocalDate.of(2016, 5, 28))
                .allMatch(d -> !d.isBefore(LocalDate.of(2014, 1, 13)) && !d.isAfter(LocalDate.of(2016, 5, 28)));
        // 0x92 bytes decoded as U+2019 in 148 rows' notes; nothing left undecodable
        assertThat(events).filteredOn(e -> e.notes() != null && e.notes().contains("\u2019")).hasSize(148);
        assertThat(rows).noneMatch(r -> r.original().contains("\uFFFD"));
        // ALLY_ACTOR_1 arrives as assoc_actor_1
        assertThat(rows).allMatch(r -> r.has("assoc_actor_1") && !r.has("ally_actor_1") && r.has("gwno"));
        assertThat(count(events, ConflictEvent::eventType)).containsEntry(EventType.RIOTS, 808L);
        // one longitude is padded with a no-break space (byte 0xA0)
        assertThat(events).filteredOn(e -> e.eventId().equals("6297RTA")).singleElement()
                .extracting(ConflictEvent::latitude, ConflictEvent::longitude).containsExactly(-29.39064, 27.56061);
    }

    @Test
    void shouldPlaceAllAfricaMaliRowsInGazetteerRegionsWhenCountryIsMali() throws IOException {
        // when
        List<ConflictEvent> mali = events(ALL_AFRICA).stream().filter(e -> e.country().equals("Mali")).toList();

        // then (Timbuktu is the file's spelling of Tombouctou)
        assertThat(mali).hasSize(55).allSatisfy(e -> assertThat(GAZETTEER.lookup(e.regionId())).isPresent());
        assertThat(count(mali, ConflictEvent::regionId)).isEqualTo(Map.of("MLI.Tombouctou", 15L, "MLI.Kidal", 13L,
                "MLI.Gao", 11L, "MLI.Mopti", 9L, "MLI.Bamako", 4L, "MLI.Sikasso", 2L, "MLI.Segou", 1L));
        assertThat(mali.stream().mapToInt(ConflictEvent::fatalities).sum()).isEqualTo(111);
    }

    @Test
    void shouldPlaceAllAfricaBurkinaAndNigerRowsInGazetteerRegionsWhenSpelledTheAcledWay() {
        // when
        List<ConflictEvent> events = events(ALL_AFRICA);

        // then ("Tillabery" is the file's spelling of Tillabéri)
        assertThat(count(events.stream().filter(e -> e.country().equals("Burkina Faso")).toList(),
                ConflictEvent::regionId)).isEqualTo(Map.ofEntries(Map.entry("BFA.Centre", 17L), Map.entry("BFA.Est", 8L),
                Map.entry("BFA.Centre-Ouest", 6L), Map.entry("BFA.Centre-Est", 6L), Map.entry("BFA.Sahel", 5L),
                Map.entry("BFA.Centre-Nord", 4L), Map.entry("BFA.Nord", 2L), Map.entry("BFA.Cascades", 2L),
                Map.entry("BFA.Sud-Ouest", 2L), Map.entry("BFA.Plateau-Central", 1L),
                Map.entry("BFA.Boucle du Mouhoun", 1L)));
        assertThat(count(events.stream().filter(e -> e.country().equals("Niger")).toList(), ConflictEvent::regionId))
                .isEqualTo(Map.of("NER.Diffa", 13L, "NER.Niamey", 10L, "NER.Dosso", 1L, "NER.Tillaberi", 1L,
                        "NER.Tahoua", 1L, "NER.Agadez", 1L));
        assertThat(events).filteredOn(e -> e.regionId().startsWith("BFA.") || e.regionId().startsWith("NER."))
                .hasSize(81).allSatisfy(e -> assertThat(GAZETTEER.lookup(e.regionId())).isPresent());
    }

    @Test
    void shouldResolveEveryAllAfricaCountryByNameToAGazetteerCountry() {
        // when
        List<ConflictEvent> events = events(ALL_AFRICA);

        // then the 49 country names (Ivory Coast, Democratic Republic of Congo, Swaziland...) are all known
        assertThat(events).allSatisfy(e -> assertThat(GAZETTEER.country(e.country()))
                .map(c -> c.iso3() + ".").hasValueSatisfying(prefix -> assertThat(e.regionId()).startsWith(prefix)));
        assertThat(events).extracting(ConflictEvent::country).doesNotContainNull().hasSize(6831);
        assertThat(count(events, ConflictEvent::country)).hasSize(49);
    }

    @Test
    void shouldReadExcelDatesOfGlobalFileAndRefuseItsTwoBrokenRows() throws IOException {
        // given
        RecordingSink sink = new RecordingSink();

        // when
        IngestResult result = ingest(GLOBAL, sink);

        // then: row 242 lacks its id; row 5071 is truncated after actor2
        assertThat(result.accepted() + result.rejected()).isEqualTo(5071);
        assertThat(result).extracting(IngestResult::accepted, IngestResult::duplicates, IngestResult::stale)
                .containsExactly(5069L, 0L, 0L);
        assertThat(result.errors()).extracting(IngestResult.RowError::row, IngestResult.RowError::eventId,
                IngestResult.RowError::reason).containsExactly(
                tuple(242L, null, "event_id_cnty is missing: rows without an id are refused, not given one"),
                tuple(5071L, "PHL10453", "country is missing"));
        List<ConflictEvent> events = sink.events();
        assertThat(events.stream().map(ConflictEvent::eventDate).min(Comparator.naturalOrder()))
                .contains(LocalDate.of(2020, 4, 27));
        assertThat(events.stream().map(ConflictEvent::eventDate).max(Comparator.naturalOrder()))
                .contains(LocalDate.of(2020, 5, 9));
        assertThat(events.stream().mapToLong(ConflictEvent::fatalities).sum()).isEqualTo(3553);
        assertThat(count(events, ConflictEvent::country)).containsEntry("Mali", 46L)
                .containsEntry("Burkina Faso", 33L).containsEntry("Niger", 14L);
        assertThat(events).filteredOn(e -> e.country().equals("Mali"))
                .allSatisfy(e -> assertThat(GAZETTEER.lookup(e.regionId())).isPresent());
        assertThat(count(events, ConflictEvent::eventType)).isEqualTo(Map.of(EventType.PROTESTS, 1671L,
                EventType.BATTLES, 1160L, EventType.EXPLOSIONS_REMOTE_VIOLENCE, 809L,
                EventType.VIOLENCE_AGAINST_CIVILIANS, 687L, EventType.RIOTS, 405L,
                EventType.STRATEGIC_DEVELOPMENTS, 337L));
    }

    @Test
    void shouldPlaceGlobalSahelMyanmarAndBangladeshRowsInGazetteerRegionsWhenMapped() {
        // when
        List<ConflictEvent> events = events(GLOBAL);

        // then
        Map<String, Long> regions = count(events, ConflictEvent::regionId);
        assertThat(Map.copyOf(regions.entrySet().stream().filter(e -> e.getKey().matches("(BFA|NER|MMR|BGD)\\..*"))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)))).isEqualTo(Map.ofEntries(
                Map.entry("BFA.Sahel", 16L), Map.entry("BFA.Est", 8L), Map.entry("BFA.Centre-Nord", 3L),
                Map.entry("BFA.Nord", 2L), Map.entry("BFA.Centre", 2L), Map.entry("BFA.Hauts-Bassins", 1L),
                Map.entry("BFA.Cascades", 1L), Map.entry("NER.Tillaberi", 8L), Map.entry("NER.Diffa", 6L),
                Map.entry("MMR.Rakhine", 23L), Map.entry("MMR.Chin", 6L), Map.entry("MMR.Kayin", 4L),
                Map.entry("MMR.Tanintharyi", 1L), Map.entry("MMR.Yangon", 1L), Map.entry("BGD.Dhaka", 17L),
                Map.entry("BGD.Khulna", 7L), Map.entry("BGD.Chattogram", 6L), Map.entry("BGD.Rajshahi", 5L),
                Map.entry("BGD.Rangpur", 2L), Map.entry("BGD.Barishal", 2L), Map.entry("BGD.Mymensingh", 1L)));
        assertThat(regions.keySet()).filteredOn(id -> id.matches("(MLI|BFA|NER|MMR|BGD)\\..*"))
                .allSatisfy(id -> assertThat(GAZETTEER.lookup(id)).isPresent());
    }

    @Test
    void shouldResolveEveryGlobalCountryNameToTheIsoNumericCodeTheFileGivesIt() {
        // when
        List<ConflictEvent> events = events(GLOBAL);

        // then a name-based lookup agrees with ACLED's own iso column in all 106 countries;
        // Kosovo (iso 0 in ACLED) has no ISO numeric code
        assertThat(events).allSatisfy(e -> {
            Gazetteer.Country country = GAZETTEER.country(e.country()).orElseThrow();
            assertThat(e.regionId()).startsWith(country.iso3() + ".");
            assertThat(country.isoNumeric()).isEqualTo(e.iso() == 0 ? null : e.iso());
        });
        assertThat(count(events, ConflictEvent::country)).hasSize(106).containsEntry("Kosovo", 1L);
    }

    @Test
    void shouldFindEveryBurkina2022Admin1InTheGazetteerThoughRowsLackIds() {
        // when
        List<FeedRow> rows = rows(BURKINA);

        // then
        assertThat(rows.stream().map(r -> GAZETTEER.region("BFA", "Burkina Faso", r.get("admin1")))
                .collect(Collectors.groupingBy(r -> r.id() + (r.known() ? "" : " (unknown)"), Collectors.counting())))
                .isEqualTo(Map.ofEntries(Map.entry("BFA.Sahel", 1498L), Map.entry("BFA.Est", 1191L),
                        Map.entry("BFA.Centre-Nord", 673L), Map.entry("BFA.Nord", 539L),
                        Map.entry("BFA.Boucle du Mouhoun", 447L), Map.entry("BFA.Cascades", 147L),
                        Map.entry("BFA.Centre", 137L), Map.entry("BFA.Centre-Est", 133L), Map.entry("BFA.Sud-Ouest", 90L),
                        Map.entry("BFA.Hauts-Bassins", 85L), Map.entry("BFA.Centre-Ouest", 28L),
                        Map.entry("BFA.Centre-Sud", 23L), Map.entry("BFA.Plateau-Central", 8L)));
    }

    @Test
    void shouldRefuseEveryBurkinaRowNamingEventIdWhenFeedHasNoIdColumn() throws IOException {
        // given
        RecordingSink sink = new RecordingSink();

        // when
        IngestResult result = ingest(BURKINA, sink);

        // then
        assertThat(result.accepted()).isZero();
        assertThat(result.rejected()).isEqualTo(4999);
        assertThat(result.errors()).hasSize(4999)
                .allSatisfy(e -> assertThat(e.reason()).startsWith("event_id_cnty is missing"));
        assertThat(sink.events()).isEmpty();
        assertThat(sink.deadLetters()).hasSize(4999).first()
                .satisfies(d -> assertThat(d.row()).isEqualTo(1))
                .satisfies(d -> assertThat(d.original()).startsWith("1,Western Africa,Burkina Faso,2022,2022-09-23,"));
    }
}
