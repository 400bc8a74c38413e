package org.tabale.streams.errors;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tabale.model.DeadLetter;
import org.tabale.model.Topics;

/**
 * The deserialization policy of the topology: a record Streams cannot read (a producer wrote
 * something that is not a {@code ConflictEvent}, say) is not dropped silently and does not stop
 * the application: it goes to {@code tabale.dlq.v1} as a {@link DeadLetter} with its topic,
 * partition and offset as source, the reason, and its bytes as text, and processing resumes.
 * Kafka Streams counts it too ({@code dropped-records} task metric, exported on {@code /metrics}).
 */
public final class DeadLetterOnUnreadable implements DeserializationExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterOnUnreadable.class);

    @Override
    public void configure(Map<String, ?> configs) {
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
        String source = "streams:" + record.topic() + "/" + record.partition() + "@" + record.offset();
        LOG.warn("unreadable record at {} dead-lettered: {}", source, exception.getMessage());
        DeadLetter letter = new DeadLetter(source, "streams", -1, text(record.key()),
                "unreadable record: " + exception.getMessage(), text(record.value()), Instant.now());
        ProducerRecord<byte[], byte[]> dead = new ProducerRecord<>(Topics.DLQ.name(),
                Topics.DLQ.keySerde().serializer().serialize(Topics.DLQ.name(), source),
                Topics.DLQ.valueSerde().serializer().serialize(Topics.DLQ.name(), letter));
        return Response.resume(List.of(dead));
    }

    private static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }
}
