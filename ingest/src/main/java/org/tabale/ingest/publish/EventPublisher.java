package org.tabale.ingest.publish;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.tabale.model.ClientSettings;
import org.tabale.model.ConflictEvent;
import org.tabale.model.DeadLetter;
import org.tabale.model.EventDeletion;
import org.tabale.model.Topics;

/**
 * Publishes accepted events to {@code tabale.events.v1} and deletions to
 * {@code tabale.deletions.v1} (key event id), refused rows to {@code tabale.dlq.v1} (key source).
 * A batch counts as accepted only once the broker has acknowledged every record of it.
 */
public final class EventPublisher implements EventSink, DeletionSink, AutoCloseable {

    private final AckedProducer producer;

    public EventPublisher(ClientSettings settings, Clock clock, Duration ackTimeout) {
        this.producer = new AckedProducer(settings, "tabale-ingest", clock, ackTimeout);
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
        events.forEach(event -> acks.add(producer.send(Topics.EVENTS, event.eventId(), event)));
        deadLetters.forEach(letter -> acks.add(producer.send(Topics.DLQ, letter.source(), letter)));
        producer.await(acks);
    }

    @Override
    public void publishDeletions(List<EventDeletion> deletions, List<DeadLetter> deadLetters) {
        List<Future<RecordMetadata>> acks = new ArrayList<>(deletions.size() + deadLetters.size());
        deletions.forEach(deletion -> acks.add(producer.send(Topics.DELETIONS, deletion.eventId(), deletion)));
        deadLetters.forEach(letter -> acks.add(producer.send(Topics.DLQ, letter.source(), letter)));
        producer.await(acks);
    }

    @Override
    public void close() {
        producer.close();
    }

    /** The broker did not take a batch: nothing of it may be reported accepted. */
    public static final class PublishException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public PublishException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
