package org.tabale.ingest.publish;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.tabale.model.ClientSettings;
import org.tabale.model.ConflictEvent;
import org.tabale.model.DeadLetter;
import org.tabale.model.EventDeletion;
import org.tabale.model.Topics;

/**
 * Publishes accepted events to {@code tabale.events.v1} (key event id) and refused rows to
 * {@code tabale.dlq.v1} (key source). Idempotent, {@code acks=all}: a batch counts as accepted
 * only once the broker has acknowledged every record of it.
 */
public final class EventPublisher implements EventSink, DeletionSink, AutoCloseable {

    private final KafkaProducer<byte[], byte[]> producer;
    private final Clock clock;
    private final Duration ackTimeout;

    public EventPublisher(ClientSettings settings, Clock clock, Duration ackTimeout) {
        Map<String, Object> props = new HashMap<>(settings.common());
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "tabale-ingest");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, 10);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) ackTimeout.toMillis());
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(30_000, ackTimeout.toMillis() - 1000));
        this.producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
        this.clock = clock;
        this.ackTimeout = ackTimeout;
    }

    /**
     * Sends the events and dead letters and waits for every acknowledgement.
     *
     * @throws PublishException when any record could not be written in time: the caller must
     *                          not report the batch as accepted
     */
    @Override
    public void publish(List<ConflictEvent> events, List<DeadLetter> deadLetters) {
        List<Future<RecordMetadata>> acks = new ArrayList<>(events.size() + deadLetters.size());
        for (ConflictEvent event : events) {
            acks.add(producer.send(new ProducerRecord<>(Topics.EVENTS.name(),
                    Topics.EVENTS.keySerde().serializer().serialize(Topics.EVENTS.name(), event.eventId()),
                    Topics.EVENTS.valueSerde().serializer().serialize(Topics.EVENTS.name(), event))));
        }
        for (DeadLetter letter : deadLetters) {
            acks.add(sendDeadLetter(letter));
        }
        awaitAcks(acks);
    }

    private void awaitAcks(List<Future<RecordMetadata>> acks) {
        producer.flush();
        long deadline = clock.millis() + ackTimeout.toMillis();
        for (Future<RecordMetadata> ack : acks) {
            try {
                ack.get(Math.max(1, deadline - clock.millis()), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                throw new PublishException("the broker did not accept the batch: " + e.getCause().getMessage(), e.getCause());
            } catch (TimeoutException e) {
                throw new PublishException("the broker did not acknowledge the batch within " + ackTimeout.toSeconds() + " s", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PublishException("interrupted while waiting for the broker", e);
            }
        }
    }

    @Override
    public void publishDeletions(List<EventDeletion> deletions, List<DeadLetter> deadLetters) {
        List<Future<RecordMetadata>> acks = new ArrayList<>(deletions.size() + deadLetters.size());
        for (EventDeletion deletion : deletions) {
            acks.add(producer.send(new ProducerRecord<>(Topics.DELETIONS.name(),
                    Topics.DELETIONS.keySerde().serializer().serialize(Topics.DELETIONS.name(), deletion.eventId()),
                    Topics.DELETIONS.valueSerde().serializer().serialize(Topics.DELETIONS.name(), deletion))));
        }
        for (DeadLetter letter : deadLetters) {
            acks.add(sendDeadLetter(letter));
        }
        awaitAcks(acks);
    }

    private Future<RecordMetadata> sendDeadLetter(DeadLetter letter) {
        return producer.send(new ProducerRecord<>(Topics.DLQ.name(),
                Topics.DLQ.keySerde().serializer().serialize(Topics.DLQ.name(), letter.source()),
                Topics.DLQ.valueSerde().serializer().serialize(Topics.DLQ.name(), letter)));
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }

    /** The broker did not take a batch: nothing of it may be reported accepted. */
    public static final class PublishException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public PublishException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
