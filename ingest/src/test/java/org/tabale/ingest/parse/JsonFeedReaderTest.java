package org.tabale.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tabale.model.ConflictEvent;
import org.tabale.model.EventType;
import org.tabale.model.Gazetteer;

class JsonFeedReaderTest {

    private final AcledRowMapper mapper = new AcledRowMapper(Gazetteer.bundled());

    private static String fixture(String name) {
        return new String(Fixtures.bytes(name), StandardCharsets.UTF_8);
    }

    @Test
    void shouldReadDataArrayWhenBodyIsApiEnvelopeWithStringValues() {
        // when
        List<FeedRow> rows = JsonFeedReader.read(fixture("acled_api_envelope.json"));

        // then
        assertThat(rows).extracting(FeedRow::row).containsExactly(1L, 2L);
        assertThat(rows.get(0).fields()).containsEntry("fatalities", "5").containsEntry("iso", "466")
                .containsEntry("latitude", "14.5001").hasSize(31);
    }

    @Test
    void shouldMapApiEnvelopeRowsToEventsWhenNumbersAreStrings() {
        // when
        List<RowOutcome> outcomes = JsonFeedReader.read(fixture("acled_api_envelope.json")).stream()
                .map(mapper::map).toList();

        // then
        assertThat(outcomes).allMatch(RowOutcome.Accepted.class::isInstance);
        assertThat(((RowOutcome.Accepted) outcomes.get(0)).event()).isEqualTo(new ConflictEvent("MLI90031",
                LocalDate.of(2024, 3, 11), 1, "Political violence", EventType.BATTLES, "Armed clash",
                "Military Forces of Mali (2021-)", null, "1", "Invented Armed Group", null, "2", "12", false, 466,
                "Western Africa", "Mali", "Mopti", "Invented Cercle", null, "Invented Village", 14.5001, -4.1002, 2,
                "Invented Radio", "National", "Invented clash, 5 killed.", 5, null, 1_710_003_101L, "MLI.Mopti",
                "acled"));
        assertThat(((RowOutcome.Accepted) outcomes.get(1)).event())
                .extracting(ConflictEvent::eventType, ConflictEvent::regionId, ConflictEvent::tags)
                .containsExactly(EventType.PROTESTS, "MLI.Bamako", "crowd size=no report");
    }

    @Test
    void shouldReadPlainArrayWhenValuesAreNumbersAndKeysUpperCase() {
        // when
        List<FeedRow> rows = JsonFeedReader.read(fixture("plain_array.json"));

        // then null values and nested objects are dropped, keys lower-cased, numbers kept as text
        assertThat(rows.get(0)).isEqualTo(new FeedRow(1, Map.of("event_id_cnty", "MLI90033",
                "event_date", "2024-03-13", "event_type", "Violence against civilians", "inter1", "3",
                "country", "Mali", "admin1", "Menaka", "latitude", "15.9001", "longitude", "2.4002",
                "fatalities", "2", "timestamp", "1710003103"),
                "{\"EVENT_ID_CNTY\":\"MLI90033\",\"event_date\":\"2024-03-13\",\"event_type\":\"Violence against civilians\","
                        + "\"inter1\":3,\"country\":\"Mali\",\"admin1\":\"Menaka\",\"latitude\":15.9001,"
                        + "\"longitude\":2.4002,\"fatalities\":2,\"timestamp\":1710003103,\"notes\":null,"
                        + "\"extra\":{\"nested\":true}}"));
    }

    @Test
    void shouldMapPlainArrayRowsWhenDatesAndCountsUseOlderDialects() {
        // when
        List<ConflictEvent> events = JsonFeedReader.read(fixture("plain_array.json")).stream().map(mapper::map)
                .map(o -> ((RowOutcome.Accepted) o).event()).toList();

        // then
        assertThat(events).extracting(ConflictEvent::eventId, ConflictEvent::eventDate, ConflictEvent::eventType,
                        ConflictEvent::fatalities, ConflictEvent::regionId)
                .containsExactly(
                        tuple("MLI90033", LocalDate.of(2024, 3, 13),
                                EventType.VIOLENCE_AGAINST_CIVILIANS, 2, "MLI.Menaka"),
                        tuple("MLI90034", LocalDate.of(2024, 3, 13),
                                EventType.EXPLOSIONS_REMOTE_VIOLENCE, 1, "MLI.Gao"));
    }

    @Test
    void shouldGiveEmptyRowWhenArrayElementIsNotAnObject() {
        // when
        List<FeedRow> rows = JsonFeedReader.read("[\"MLI1\", 3]");

        // then
        assertThat(rows).containsExactly(new FeedRow(1, Map.of(), "\"MLI1\""), new FeedRow(2, Map.of(), "3"));
        assertThat(mapper.map(rows.get(0))).isInstanceOf(RowOutcome.Refused.class);
    }

    @Test
    void shouldReturnNoRowsWhenDataIsEmpty() {
        assertThat(JsonFeedReader.read("{\"status\":200,\"success\":true,\"data\":[]}")).isEmpty();
        assertThat(JsonFeedReader.read("[]")).isEmpty();
    }

    @ParameterizedTest(name = "[{index}] ''{0}''")
    @ValueSource(strings = {"{\"status\":200,\"success\":true}", "{\"data\":{\"event_id_cnty\":\"MLI1\"}}", "42",
            "\"text\"", "null", ""})
    void shouldRefuseBodyWhenItHoldsNoArrayOfRows(String body) {
        assertThatThrownBy(() -> JsonFeedReader.read(body))
                .isInstanceOf(FeedFormatException.class)
                .hasMessageContaining("expected a JSON array of rows");
    }

    @ParameterizedTest(name = "[{index}] ''{0}''")
    @ValueSource(strings = {"[{\"event_id_cnty\":", "event_id_cnty,event_date\nMLI1,2020-12-31", "{'a':1}"})
    void shouldRefuseBodyWhenItIsNotJson(String body) {
        assertThatThrownBy(() -> JsonFeedReader.read(body))
                .isInstanceOf(FeedFormatException.class)
                .hasMessageStartingWith("body is not valid JSON");
    }
}
