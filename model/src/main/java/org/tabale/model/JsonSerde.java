package org.tabale.model;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The one JSON serde of the project. Readers ignore unknown fields, so additive changes to a
 * record need no new topic version. Bad bytes throw {@link SerializationException}, which the
 * consumers' error policies dead-letter.
 */
public final class JsonSerde<T> implements Serde<T> {

    /** Shared, configured once: ISO dates, unknown fields ignored. */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            // Region stats carry dozens of baseline means and spreads: the JDK's double parsing was a
            // large share of the alert service's reading (JFR); Jackson's own parser gives the same doubles.
            .enable(com.fasterxml.jackson.core.StreamReadFeature.USE_FAST_DOUBLE_PARSER)
            .build();

    private final Class<T> type;

    public JsonSerde(Class<T> type) {
        this.type = type;
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, value) -> {
            if (value == null) {
                return null;
            }
            try {
                // RegionStats (several per changed day) and ConflictEvent (one per accepted row) skip Jackson's machinery: same JSON.
                if (value instanceof RegionStats stats) {
                    return RegionStatsJson.write(stats);
                }
                if (value instanceof ConflictEvent event) {
                    return ConflictEventJson.write(event);
                }
                return MAPPER.writeValueAsBytes(value);
            } catch (IOException | RuntimeException e) {
                throw new SerializationException("cannot write " + type.getSimpleName() + " for " + topic, e);
            }
        };
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            try {
                if (type == RegionStats.class) { // every record of the region-stats topic: streaming, not binding
                    return type.cast(RegionStatsReader.read(bytes));
                }
                return MAPPER.readValue(bytes, type);
            } catch (IOException | RuntimeException e) {
                throw new SerializationException("cannot read " + type.getSimpleName() + " from " + topic
                        + ": " + e.getMessage(), e);
            }
        };
    }
}
