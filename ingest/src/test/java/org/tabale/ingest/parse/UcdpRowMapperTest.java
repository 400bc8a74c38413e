package org.tabale.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tabale.model.ConflictEvent;
import org.tabale.model.EventType;
import org.tabale.model.Gazetteer;

class UcdpRowMapperTest {

    private static final Gazetteer GAZETTEER = Gazetteer.bundled();

    private final UcdpRowMapper mapper = new UcdpRowMapper(GAZETTEER);

    /** Decodes, reads and maps a fixture file the way {@code EventIngestor} does for {@code source=ucdp}. */
    private List<RowOutcome> mapFixture(String name) {
        String text = TextDecoder.decode(Fixtures.bytes(name));
        return CsvFeedReader.read(text, UcdpRowMapper.REQUIRED_COLUMNS).stream().map(mapper::map).toList();
    }

    private static List<ConflictEvent> accepted(List<RowOutcome> outcomes) {
        assertThat(outcomes).allMatch(RowOutcome.Accepted.class::isInstance);
        return outcomes.stream().map(o -> ((RowOutcome.Accepted) o).event()).toList();
    }

    /** A valid minimal GED row with some columns replaced; a null value removes the column. */
    private static FeedRow row(String... overrides) {
        Map<String, String> fields = new HashMap<>(Map.of("id", "900201", "type_of_violence", "1",
                "country", "Myanmar (Burma)", "country_id", "775", "adm_1", "Shan State", "date_start", "2016-11-20",
                "best", "7", "latitude", "23.1001", "longitude", "97.9002"));
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

    private String refusal(FeedRow row) {
        RowOutcome outcome = mapper.map(row);
        assertThat(outcome).isInstanceOf(RowOutcome.Refused.class);
        return ((RowOutcome.Refused) outcome).reason();
    }

    @Test
    void shouldMapEveryColumnWeKeepWhenFileIsUcdpGedCsv() {
        // when
        List<ConflictEvent> events = accepted(mapFixture("ucdp_ged_style.csv"));

        // then
        assertThat(events).hasSize(6);
        assertThat(events.get(0)).isEqualTo(new ConflictEvent("UCDP-900001", LocalDate.of(2017, 3, 4), 1, null,
                EventType.BATTLES, "State-based conflict", "Government of Myanmar (Burma)", null, null, "Invented Army",
                null, null, null, false, 104, "Asia", "Myanmar", "Kayin", "Invented District", null, "Invented Town",
                16.9001, 97.6002, 2, "Invented Wire", null, "Invented clash near Invented Town", 3, null, 0, "MMR.Kayin",
                "ucdp"));
        assertThat(events.get(1)).isEqualTo(new ConflictEvent("UCDP-900002", LocalDate.of(2017, 8, 26), 3, null,
                EventType.VIOLENCE_AGAINST_CIVILIANS, "One-sided violence", "Invented Army", null, null, "Civilians",
                null, null, null, true, 104, "Asia", "Myanmar", "Rakhine", null, null, "Rakhine state", 20.1001, 92.9002,
                3, "Invented Monitor", null, "Villagers killed, invented report", 12, null, 0, "MMR.Rakhine", "ucdp"));
    }

    /**
     * Found while fuzzing: the fallbacks' patterns took time quadratic in the name's length (4 s for
     * an admin1 of 20,000 blanks); on these 200,000-character names they would take minutes.
     */
    @Test
    @Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void shouldMapAtOnceWhenANameIsTooLongForAnyPlace() {
        String blanks = "a" + " ".repeat(200_000) + "b";

        assertThat(event(row("adm_1", blanks)).regionId()).startsWith("MMR.a ").endsWith(" b");
        assertThat(refusal(row("country", "(".repeat(200_000), "country_id", null))).startsWith("country '(((");
    }

    @Test
    void shouldTypeEventsAndFlagOnlyOneSidedViolenceAsCivilianTargetingWhenMapped() {
        // when
        List<ConflictEvent> events = accepted(mapFixture("ucdp_ged_style.csv"));

        // then
        assertThat(events).extracting(ConflictEvent::eventId, ConflictEvent::eventType, ConflictEvent::subEventType,
                ConflictEvent::civilianTargeting, ConflictEvent::targetsCivilians).containsExactly(
                tuple("UCDP-900001", EventType.BATTLES, "State-based conflict", false, false),
                tuple("UCDP-900002", EventType.VIOLENCE_AGAINST_CIVILIANS, "One-sided violence", true, true),
                tuple("UCDP-900003", EventType.BATTLES, "Non-state conflict", false, false),
                tuple("UCDP-900004", EventType.BATTLES, "State-based conflict", false, false),
                tuple("UCDP-900005", EventType.VIOLENCE_AGAINST_CIVILIANS, "One-sided violence", true, true),
                tuple("UCDP-900006", EventType.BATTLES, "State-based conflict", false, false));
    }

    @Test
    void shouldPlaceEventsInGazetteerRegionsWhenAdmin1CarriesUcdpTypeSuffix() {
        // when
        List<ConflictEvent> events = accepted(mapFixture("ucdp_ged_style.csv"));

        // then "Bago  region" (two spaces) is Bago; a district written as admin-1 and a blank stay unknown
        assertThat(events).extracting(ConflictEvent::regionId, ConflictEvent::admin1, ConflictEvent::country,
                ConflictEvent::fatalities, ConflictEvent::eventDate, ConflictEvent::timePrecision,
                ConflictEvent::geoPrecision).containsExactly(
                tuple("MMR.Kayin", "Kayin", "Myanmar", 3, LocalDate.of(2017, 3, 4), 1, 2),
                tuple("MMR.Rakhine", "Rakhine", "Myanmar", 12, LocalDate.of(2017, 8, 26), 3, 3),
                tuple("BGD.Dhaka", "Dhaka", "Bangladesh", 1, LocalDate.of(2013, 12, 13), 2, 1),
                tuple("MMR.Bago", "Bago", "Myanmar", 0, LocalDate.of(2012, 5, 1), 2, 2),
                tuple("BGD.Unknown", "Unknown", "Bangladesh", 5, LocalDate.of(1991, 1, 1), 3, 3),
                tuple("MMR.Sagaing District", "Sagaing District", "Myanmar", 2, LocalDate.of(2016, 2, 10), 1, 2));
    }

    @Test
    void shouldSkipHxlRowAndUseIso3WhenFileIsHdxCopyOfGed() {
        // when
        List<RowOutcome> outcomes = mapFixture("ucdp_hdx_hxl_style.csv");

        // then the hashtag row is not a data row; the macron of "Barisāl" folds away
        assertThat(outcomes).extracting(o -> o.row().row()).containsExactly(1L, 2L, 3L);
        assertThat(accepted(outcomes)).extracting(ConflictEvent::eventId, ConflictEvent::regionId,
                ConflictEvent::fatalities, ConflictEvent::targetsCivilians, ConflictEvent::iso).containsExactly(
                tuple("UCDP-900101", "BGD.Barishal", 4, true, 50),
                tuple("UCDP-900102", "BGD.Chattogram", 2, false, 50),
                tuple("UCDP-900103", "BGD.Mymensingh", 1, false, 50));
    }

    @ParameterizedTest(name = "{0}/{1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            Myanmar (Burma) | Rakhine State      | MMR.Rakhine          | true
            Myanmar (Burma) | rakhine state      | MMR.Rakhine          | true
            Myanmar (Burma) | Tanintharyi  region| MMR.Tanintharyi      | true
            Myanmar (Burma) | Magwe Division     | MMR.Magway           | true
            Myanmar (Burma) | Karen State        | MMR.Kayin            | true
            Myanmar (Burma) | Shan               | MMR.Shan             | true
            Mali            | Mopti region       | MLI.Mopti            | true
            Mali            | Tombouctou Region  | MLI.Tombouctou       | true
            Burkina Faso    | Sahel Region       | BFA.Sahel            | true
            Niger           | Tillabéri Region   | NER.Tillaberi        | true
            Bangladesh      | Barisāl Division   | BGD.Barishal         | true
            Myanmar (Burma) | Invented State     | MMR.Invented State   | false
            Myanmar (Burma) | Sagaing District   | MMR.Sagaing District | false
            Mali            | Regionless         | MLI.Regionless       | false
            """)
    void shouldMatchGazetteerAfterStrippingAdmin1TypeButKeepUnknownNamesAsWritten(String country, String admin1,
                                                                                   String regionId, boolean known) {
        // when
        ConflictEvent event = event(row("country", country, "country_id", null, "adm_1", admin1));

        // then
        assertThat(event.regionId()).isEqualTo(regionId);
        assertThat(GAZETTEER.lookup(regionId).isPresent()).isEqualTo(known);
    }

    @ParameterizedTest(name = "{0} / {1} / {2} -> {3}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            Myanmar (Burma)      | 775 | -   | MMR
            Myanmar              | -   | -   | MMR
            Yemen (North Yemen)  | 678 | -   | YEM
            Cambodia (Kampuchea) | 811 | -   | KHM
            DR Congo (Zaire)     | 490 | -   | COD
            Invented Name        | -   | BGD | BGD
            Invented Name        | 775 | -   | MMR
            """)
    void shouldResolveCountryFromNameThenIso3ThenGleditschWardNumber(String country, String countryId, String iso3,
                                                                    String expected) {
        // when
        ConflictEvent event = event(row("country", country, "country_id", countryId, "iso3", iso3, "adm_1", null));

        // then
        assertThat(event.regionId()).isEqualTo(expected + ".Unknown");
        assertThat(event.country()).isEqualTo(GAZETTEER.country(expected).orElseThrow().name());
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            id               | -          | id is missing: rows without a UCDP GED id are refused, not given one
            id               | GED-12     | id 'GED-12' is not a UCDP GED event id (a whole number)
            date_start       | 20/11/2016 | date_start '20/11/2016' is not a GED date (yyyy-MM-dd)
            date_start       | 2016-02-30 | date_start '2016-02-30' is not a GED date (yyyy-MM-dd)
            date_start       | -          | date_start is missing
            type_of_violence | 4          | type_of_violence '4' is not 1 (state-based), 2 (non-state) or 3 (one-sided)
            type_of_violence | -          | type_of_violence is missing
            country          | -          | country is missing
            best             | -          | best (the fatality estimate) is missing
            best             | -3         | best '-3' is not a count >= 0
            best             | many       | best 'many' is not a count >= 0
            latitude         | 123.4      | coordinates '123.4,97.9002' are not valid degrees
            """)
    void shouldRefuseRowNamingTheColumnWhenAValueIsMissingOrInvalid(String column, String value, String reason) {
        assertThat(refusal(row(column, value))).isEqualTo(reason);
    }

    @Test
    void shouldRefuseRowNamingCountryAndNumberWhenNeitherIsKnown() {
        // when
        RowOutcome outcome = mapper.map(row("country", "Atlantis", "country_id", "999"));

        // then
        assertThat(outcome).isEqualTo(new RowOutcome.Refused(row("country", "Atlantis", "country_id", "999"),
                "UCDP-900201", "country 'Atlantis' (country_id 999) is not in the gazetteer"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            2016-11-20
            2016-11-20 00:00:00.000
            2016-11-20T00:00:00
            """)
    void shouldReadDateStartWhenGedWritesItWithOrWithoutTime(String dateStart) {
        assertThat(event(row("date_start", dateStart)).eventDate()).isEqualTo(LocalDate.of(2016, 11, 20));
    }

    @Test
    void shouldGiveEveryUcdpEventTimestampZeroAndFeedUcdpWhenGedHasNoRevisionTime() {
        // when
        ConflictEvent event = event(row("id", "900201.0"));

        // then an Excel-saved id keeps its number
        assertThat(event.eventId()).isEqualTo("UCDP-900201");
        assertThat(event.timestamp()).isZero();
        assertThat(event.feed()).isEqualTo("ucdp");
    }
}
