package org.tabale.ingest.publish;

import java.time.Clock;
import java.time.Duration;
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
import org.tabale.model.Topic;

/**
 * The ingest side's producer: idempotent, {@code acks=all}, lz4, records of the topic catalog,
 * and a wait for every acknowledgement of a batch, so that nothing is reported accepted before
 * the broker has it.
 */
final class AckedProducer implements AutoCloseable {

    private final KafkaProducer<byte[], byte[]> producer;
    private final Clock clock;
    private final Duration ackTimeout;

    AckedProducer(ClientSettings settings, String clientId, Clock clock, Duration ackTimeout) {
        Map<String, Object> props = new HashMap<>(settings.common());
        props.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
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

    <V> Future<RecordMetadata> send(Topic<String, V> topic, String key, V value) {
        return producer.send(new ProducerRecord<>(topic.name(), topic.keySerde().serializer().serialize(topic.name(), key),
                topic.valueSerde().serializer().serialize(topic.name(), value)));
    }

    /**
     * Waits for every acknowledgement of a batch.
     *
     * @throws EventPublisher.PublishException when any record was not written in time
     */
    void await(List<Future<RecordMetadata>> acks) {
        producer.flush();
        long deadline = clock.millis() + ackTimeout.toMillis();
        for (Future<RecordMetadata> ack : acks) {
            try {
                ack.get(Math.max(1, deadline - clock.millis()), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                throw new EventPublisher.PublishException("the broker did not accept the batch: " + e.getCause().getMessage(),
                        e.getCause());
            } catch (TimeoutException e) {
                throw new EventPublisher.PublishException("the broker did not acknowledge the batch within "
                        + ackTimeout.toSeconds() + " s", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new EventPublisher.PublishException("interrupted while waiting for the broker", e);
            }
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }
}
