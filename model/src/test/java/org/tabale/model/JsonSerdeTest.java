package org.tabale.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

class JsonSerdeTest {

    private static final String TOPIC = "tabale.events.v1";

    private final Serde<ConflictEvent> serde = new JsonSerde<>(ConflictEvent.class);

    private static ConflictEvent fullEvent() {
        return new ConflictEvent("MLI9001", LocalDate.of(2024, 3, 9), 1, "Political violence",
                EventType.VIOLENCE_AGAINST_CIVILIANS, "Attack", "Unidentified Armed Group (Mali)",
                "Dozo Militia; Hunters (Mali)", "3", "Civilians (Mali)", "Farmers (Mali)", "7",
                "37", true, 466, "Western Africa", "Mali", "Ségou", "Niono", "Dogofry", "Kourouma",
                14.2517, -5.9831, 2, "Studio Tamani; Whatsapp", "Local partner-New media",
                "On 9 March 2024, invented note with \"quotes\", commas, and an apostrophe ’.", 4,
                "women targeted: Girls", 1_710_000_000L, "MLI.Segou", "acled");
    }

    @Test
    void shouldReadBackEqualEventWhenWrittenAndRead() {
        // given
        ConflictEvent event = fullEvent();

        // when
        byte[] bytes = serde.serializer().serialize(TOPIC, event);
        ConflictEvent read = serde.deserializer().deserialize(TOPIC, bytes);

        // then
        assertThat(read).isEqualTo(event);
    }

    @Test
    void shouldWriteAcledColumnNamesAndIsoDateWhenSerialising() throws Exception {
        // when
        byte[] bytes = serde.serializer().serialize(TOPIC, fullEvent());

        // then
        Map<String, Object> json = JsonSerde.MAPPER.readerForMapOf(Object.class).readValue(bytes);
        assertThat(json).containsEntry("event_id_cnty", "MLI9001")
                .containsEntry("event_date", "2024-03-09")
                .containsEntry("event_type", "Violence against civilians")
                .containsEntry("region_id", "MLI.Segou")
                .containsEntry("civilian_targeting", true)
                .doesNotContainKeys("eventId", "violent", "targetsCivilians");
        assertThat(json).hasSize(32);
    }

    @Test
    void shouldIgnoreUnknownFieldsWhenReading() {
        // given a newer writer's record with fields this reader does not know
        String json = """
                {"event_id_cnty":"MLI9002","event_date":"2024-03-10","event_type":"BATTLES",
                 "country":"Mali","region_id":"MLI.Mopti","fatalities":2,"timestamp":1710000001,
                 "population_best":12000,"new_nested":{"a":[1,2]},"feed":"acled"}
                """;

        // when
        ConflictEvent read = serde.deserializer().deserialize(TOPIC, json.getBytes(StandardCharsets.UTF_8));

        // then
        assertThat(read).isEqualTo(new ConflictEvent("MLI9002", LocalDate.of(2024, 3, 10), null, null,
                EventType.BATTLES, null, null, null, null, null, null, null, null, null, null, null, "Mali", null,
                null, null, null, null, null, null, null, null, null, 2, null, 1_710_000_001L, "MLI.Mopti", "acled"));
    }

    @Test
    void shouldThrowSerializationExceptionWhenBytesAreNotJson() {
        // given
        byte[] garbage = {(byte) 0xC3, 0x28, 0x00, 0x7B, (byte) 0xFF, 0x12};

        // when / then
        assertThatThrownBy(() -> serde.deserializer().deserialize(TOPIC, garbage))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("ConflictEvent")
                .hasMessageContaining(TOPIC);
    }

    @Test
    void shouldThrowSerializationExceptionWhenJsonBreaksRecordInvariant() {
        // given valid JSON without the required event id
        byte[] json = "{\"event_date\":\"2024-03-10\",\"event_type\":\"BATTLES\",\"country\":\"Mali\",\"region_id\":\"MLI.Mopti\"}"
                .getBytes(StandardCharsets.UTF_8);

        // when / then
        assertThatThrownBy(() -> serde.deserializer().deserialize(TOPIC, json))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("event_id_cnty");
    }

    @Test
    void shouldThrowSerializationExceptionWhenEnumValueIsUnknown() {
        byte[] json = "{\"event_id_cnty\":\"MLI1\",\"event_date\":\"2024-03-10\",\"event_type\":\"PICNIC\",\"country\":\"Mali\",\"region_id\":\"MLI.Mopti\"}"
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> serde.deserializer().deserialize(TOPIC, json))
                .isInstanceOf(SerializationException.class);
    }

    @Test
    void shouldPassNullThroughWhenValueIsTombstone() {
        assertThat(serde.serializer().serialize(TOPIC, null)).isNull();
        assertThat(serde.deserializer().deserialize(TOPIC, null)).isNull();
    }

    @Test
    void shouldReadBackEqualDeadLetterWhenWrittenAndRead() {
        // given
        Serde<DeadLetter> letters = new JsonSerde<>(DeadLetter.class);
        DeadLetter letter = new DeadLetter("http:/api/v1/events", "acled", 3, null,
                "event_id_cnty is missing", "x,\"Gao, Mali\",y", Instant.parse("2024-03-10T08:15:30.123Z"));

        // when
        DeadLetter read = letters.deserializer().deserialize("tabale.dlq.v1",
                letters.serializer().serialize("tabale.dlq.v1", letter));

        // then
        assertThat(read).isEqualTo(letter);
    }

    @Test
    void shouldReadBackEqualRegionStatsWhenWindowsAreKeyedByDays() {
        // given
        Serde<RegionStats> stats = new JsonSerde<>(RegionStats.class);
        RegionStats value = new RegionStats("MLI.Mopti", "Mali", "Mopti", LocalDate.of(2024, 3, 10),
                Map.of(7, new Totals(3, 9, 3, 1, 4), 28, new Totals(10, 30, 8, 4, 12)));

        // when
        RegionStats read = stats.deserializer().deserialize("tabale.region-stats.v1",
                stats.serializer().serialize("tabale.region-stats.v1", value));

        // then
        assertThat(read).isEqualTo(value);
    }
}
