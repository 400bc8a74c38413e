package org.tabale.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tabale.model.ConflictEvent;
import org.tabale.model.EventType;
import org.tabale.model.Gazetteer;

class AcledRowMapperTest {

    private static final Gazetteer GAZETTEER = Gazetteer.bundled();

    private final AcledRowMapper mapper = new AcledRowMapper(GAZETTEER);

    /** Decodes, reads and maps a fixture file the way {@code EventIngestor} does. */
    private List<RowOutcome> mapFixture(String name) {
        String text = TextDecoder.decode(Fixtures.bytes(name));
        return CsvFeedReader.read(text, AcledRowMapper.REQUIRED_COLUMNS).stream().map(mapper::map).toList();
    }

    private static List<ConflictEvent> accepted(List<RowOutcome> outcomes) {
        assertThat(outcomes).allMatch(RowOutcome.Accepted.class::isInstance);
        return outcomes.stream().map(o -> ((RowOutcome.Accepted) o).event()).toList();
    }

    /** A valid minimal row with some columns replaced; a null value removes the column. */
    private static FeedRow row(String... overrides) {
        Map<String, String> fields = new HashMap<>(Map.of("event_id_cnty", "MLI90061", "event_date", "2021-03-01",
                "event_type", "Battles", "inter1", "1", "country", "Mali", "admin1", "Gao", "fatalities", "2",
                "timestamp", "1614000061"));
        for (int i = 0; i < overrides.length; i += 2) {
            if (overrides[i + 1] == null) {
                fields.remove(overrides[i]);
            } else {
                fields.put(overrides[i], overrides[i + 1]);
            }
        }
        return new FeedRow(1, fields, "original text");
    }

    private ConflictEvent event(FeedRow row) {
        RowOutcome outcome = mapper.map(row);
        assertThat(outcome).isInstanceOf(RowOutcome.Accepted.class);
        return ((RowOutcome.Accepted) outcome).event();
    }

    @Test
    void shouldMapAllAfricaDialectWhenFileIsWindows1252WithUpperCaseHeaders() {
        // when
        List<ConflictEvent> events = accepted(mapFixture("allafrica_2016_style_cp1252.csv"));

        // then
        assertThat(events).containsExactly(
                new ConflictEvent("9101RTA", LocalDate.of(2015, 12, 29), 1, null, EventType.RIOTS, null,
                        "Rioters (Mali)", null, "5", "Police Forces of Mali (2013-)", null, "1", "15", null, null,
                        null, "Mali", "Tombouctou", "Invented Cercle", null, "Invented Town", 16.7001, -3.0002, 1,
                        "Invented Daily", null, "Invented youths’ riot near the mayor’s office, Invented Town.", 0,
                        null, 0, "MLI.Tombouctou", "acled"),
                new ConflictEvent("9102RTA", LocalDate.of(2016, 1, 3), 1, null, EventType.BATTLES, null,
                        "Military Forces of Mali (2013-)", null, "1", "Invented Armed Group", "Invented Allies", "2",
                        "12", null, null, null, "Mali", "Mopti", "Invented Cercle", "Invented Commune",
                        "Invented Village", 14.5001, -4.1002, 2, "Radio Invented Bénévole", null,
                        "Invented clash; 3 killed.", 3, null, 0, "MLI.Mopti", "acled"),
                new ConflictEvent("9103RTA", LocalDate.of(2016, 2, 15), 1, null,
                        EventType.EXPLOSIONS_REMOTE_VIOLENCE, null, "Invented Armed Group", null, "2",
                        "Civilians (Burkina Faso)", null, "7", "27", null, null, null, "Burkina Faso", "Sahel",
                        "Invented Province", null, "Invented Place", 14.0001, -0.5002, 1, "Invented Wire", null,
                        "Invented IED on a road.", 1, null, 0, "BFA.Sahel", "acled"));
    }

    @Test
    void shouldMapLegacyTaxonomyWhenFileHasNoSubEventType() {
        // when
        List<ConflictEvent> events = accepted(mapFixture("mali_2019_legacy_style.csv"));

        // then
        assertThat(events.get(0)).isEqualTo(new ConflictEvent("MLI90001", LocalDate.of(2019, 2, 22), 1, null,
                EventType.BATTLES, null, "Invented Armed Group", null, "2", "Military Forces of Mali (2013-)", null,
                "1", "12", null, 466, "Western Africa", "Mali", "Ménaka", "Menaka", "Invented Commune",
                "Invented Post", 15.9001, 2.4002, 1, "Invented Radio", "National",
                "On 22 February 2019, invented fighters took an invented post, killing 4.", 4, null, 1_551_000_001L,
                "MLI.Menaka", "acled"));
        assertThat(events).extracting(ConflictEvent::eventId, ConflictEvent::eventType, ConflictEvent::regionId,
                        ConflictEvent::subEventType, ConflictEvent::targetsCivilians)
                .containsExactly(
                        tuple("MLI90001", EventType.BATTLES, "MLI.Menaka", null, false),
                        tuple("MLI90002", EventType.PROTESTS, "MLI.Bamako", null, false),
                        tuple("MLI90003", EventType.VIOLENCE_AGAINST_CIVILIANS, "MLI.Segou", null, true),
                        tuple("MLI90004", EventType.STRATEGIC_DEVELOPMENTS, "MLI.Kidal", null, false));
    }

    @Test
    void shouldReadSameDayWhenDateIsWrittenInEachOfTheFiveFormats() {
        // when
        List<ConflictEvent> events = accepted(mapFixture("five_date_formats.csv"));

        // then
        assertThat(events).extracting(ConflictEvent::eventId, ConflictEvent::eventDate).containsExactly(
                tuple("MLI90011", LocalDate.of(2020, 12, 31)),
                tuple("MLI90012", LocalDate.of(2020, 12, 31)),
                tuple("MLI90013", LocalDate.of(2020, 12, 31)),
                tuple("MLI90014", LocalDate.of(2020, 12, 31)),
                tuple("MLI90015", LocalDate.of(2020, 12, 31)));
    }

    @Test
    void shouldMapCurrentExportWhenFileIsUtf8WithByteOrderMark() {
        // when
        List<ConflictEvent> events = accepted(mapFixture("current_utf8_bom.csv"));

        // then
        assertThat(events).hasSize(2);
        assertThat(events.get(0)).isEqualTo(new ConflictEvent("MLI90021", LocalDate.of(2024, 3, 9), 1,
                "Political violence", EventType.VIOLENCE_AGAINST_CIVILIANS, "Attack",
                "Unidentified Armed Group (Mali)", null, "3", "Civilians (Mali)", "Farmers (Mali)", "7", "37", true,
                466, "Western Africa", "Mali", "Ségou", "Niono", "Invented Commune", "Invented Village", 14.1001,
                -5.9002, 2, "Invented Radio", "Subnational",
                "On 9 March 2024, invented gunmen attacked farmers’ fields, killing 2.", 2, null, 1_710_000_021L,
                "MLI.Segou", "acled"));
        // the column exists but is blank: not civilian targeting, whatever the type
        assertThat(events.get(1).civilianTargeting()).isFalse();
        assertThat(events.get(1).subEventType()).isEqualTo("Shelling/artillery/missile attack");
    }

    @Test
    void shouldRefuseEachBadRowNamingTheFieldWhenOthersAreAccepted() {
        // given
        List<FeedRow> rows = CsvFeedReader.read(TextDecoder.decode(Fixtures.bytes("refusals.csv")),
                AcledRowMapper.REQUIRED_COLUMNS);

        // when
        List<RowOutcome> outcomes = rows.stream().map(mapper::map).toList();

        // then
        assertThat(outcomes.subList(1, 5)).containsExactly(
                new RowOutcome.Refused(rows.get(1), null,
                        "event_id_cnty is missing: rows without an id are refused, not given one"),
                new RowOutcome.Refused(rows.get(2), "MLI90053", "fatalities 'several' is not a count >= 0"),
                new RowOutcome.Refused(rows.get(3), "MLI90054",
                        "event_date '2021-13-45' is not a date in any ACLED format"),
                new RowOutcome.Refused(rows.get(4), "MLI90055", "event_type 'Picnic' is not an ACLED event type"));
        assertThat(outcomes.get(0)).isInstanceOf(RowOutcome.Accepted.class);
        assertThat(outcomes.get(5)).isInstanceOf(RowOutcome.Accepted.class)
                .extracting(o -> ((RowOutcome.Accepted) o).event().eventType()).isEqualTo(EventType.RIOTS);
    }

    @Test
    void shouldAcceptRowUnderItsOwnRegionWhenAdmin1IsUnknown() {
        // when
        ConflictEvent event = accepted(mapFixture("refusals.csv").subList(0, 1)).get(0);

        // then
        assertThat(event.regionId()).isEqualTo("MLI.Dioila");
        assertThat(event.admin1()).isEqualTo("Dioïla");
        assertThat(GAZETTEER.region("MLI", event.country(), event.admin1()).known()).isFalse();
        assertThat(GAZETTEER.lookup(event.regionId())).isEmpty();
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            event_id_cnty | NULL      | event_id_cnty is missing
            event_id_cnty | '  '      | event_id_cnty is missing
            event_date    | NULL      | event_date 'null' is not a date
            event_date    | 31/02/2021| event_date '31/02/2021' is not a date
            event_type    | NULL      | event_type 'null' is not an ACLED event type
            event_type    | Riot      | event_type 'Riot' is not an ACLED event type
            country       | NULL      | country is missing
            fatalities    | -1        | fatalities '-1' is not a count >= 0
            fatalities    | 2.5       | fatalities '2.5' is not a count >= 0
            fatalities    | NULL      | fatalities
            latitude      | 91        | coordinates '91,null' are not valid degrees
            longitude     | east      | coordinates 'null,east' are not valid degrees
            timestamp     | soon      | timestamp 'soon' is not Unix seconds
            """)
    void shouldRefuseRowNamingFieldWhenValueIsMissingOrInvalid(String column, String value, String reason) {
        // when
        RowOutcome outcome = mapper.map(row(column, value));

        // then
        assertThat(outcome).isInstanceOf(RowOutcome.Refused.class);
        assertThat(((RowOutcome.Refused) outcome).reason()).startsWith(reason);
    }

    @Test
    void shouldKeepEventIdInRefusalWhenRowHasOne() {
        RowOutcome outcome = mapper.map(row("fatalities", "many"));

        assertThat(outcome).isEqualTo(new RowOutcome.Refused(row("fatalities", "many"), "MLI90061",
                "fatalities 'many' is not a count >= 0"));
    }

    @Test
    void shouldResolveCountryByGwnoWhenNameIsNotInGazetteer() {
        ConflictEvent event = event(row("country", "Mali (Rep.)", "gwno", "432", "admin1", "Timbuktu"));

        assertThat(event.regionId()).isEqualTo("MLI.Tombouctou");
        assertThat(event.country()).isEqualTo("Mali (Rep.)");
    }

    @Test
    void shouldResolveCountryByIsoNumericWhenNameIsNotInGazetteer() {
        assertThat(event(row("country", "Mali (Rep.)", "iso", "466", "admin1", "Segou")).regionId())
                .isEqualTo("MLI.Segou");
    }

    @Test
    void shouldKeyRegionByIso3ColumnWhenCountryIsNotInGazetteer() {
        assertThat(event(row("event_id_cnty", "9999RTA", "country", "Nigeria", "iso3", "nga", "admin1", "Borno"))
                .regionId()).isEqualTo("NGA.Borno");
    }

    @Test
    void shouldKeyRegionByIdPrefixWhenCountryIsNotInGazetteerAndNoIso3() {
        assertThat(event(row("event_id_cnty", "NGA1234", "country", "Nigeria", "admin1", "Borno")).regionId())
                .isEqualTo("NGA.Borno");
    }

    @Test
    void shouldFileEventUnderUnknownRegionWhenAdmin1IsBlank() {
        ConflictEvent event = event(row("admin1", null));

        assertThat(event.regionId()).isEqualTo("MLI.Unknown");
        assertThat(event.admin1()).isEqualTo("Unknown");
    }

    @Test
    void shouldReadExcelStyleWholeNumbersWhenCountsEndInPointZero() {
        ConflictEvent event = event(row("fatalities", "3.0", "geo_precision", "2.0", "time_precision", "1.0"));

        assertThat(event.fatalities()).isEqualTo(3);
        assertThat(event.geoPrecision()).isEqualTo(2);
        assertThat(event.timePrecision()).isEqualTo(1);
    }

    @Test
    void shouldAcceptCoordinatesWhenPaddedWithNoBreakSpace() {
        // given the Excel-era padding seen in the 2016 All-Africa file (byte 0xA0)
        ConflictEvent event = event(row("latitude", "-29.3901", "longitude", "\u00A027.5601"));

        // then
        assertThat(event.latitude()).isEqualTo(-29.3901);
        assertThat(event.longitude()).isEqualTo(27.5601);
    }

    @Test
    void shouldUseZeroTimestampWhenExportHasNoTimestampColumn() {
        assertThat(event(row("timestamp", null)).timestamp()).isZero();
    }

    @ParameterizedTest(name = "civilian_targeting=''{0}'' -> {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            Civilian targeting | true
            civilian TARGETING | true
            ''                 | false
            """)
    void shouldReadCivilianTargetingFlagWhenColumnIsPresent(String flag, Boolean expected) {
        assertThat(event(row("civilian_targeting", flag, "event_type", "Battles")).civilianTargeting())
                .isEqualTo(expected);
    }

    @Test
    void shouldLeaveCivilianTargetingNullWhenColumnIsAbsent() {
        ConflictEvent event = event(row("event_type", "Violence against civilians"));

        assertThat(event.civilianTargeting()).isNull();
        assertThat(event.targetsCivilians()).isTrue();
    }
}
