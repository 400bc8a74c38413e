package org.tabale.ingest.publish;

import java.util.List;
import org.tabale.model.ConflictEvent;
import org.tabale.model.DeadLetter;

/**
 * Where an ingested batch goes: accepted events to {@code tabale.events.v1} (key event id) and
 * refused rows to {@code tabale.dlq.v1} (key source). {@link EventPublisher} is the Kafka one;
 * tests record what they are given.
 */
public interface EventSink {

    /**
     * Stores the batch, returning only once every record of it is stored.
     *
     * @throws EventPublisher.PublishException when the batch was not stored: the caller must not
     *                                         report it as accepted
     */
    void publish(List<ConflictEvent> events, List<DeadLetter> deadLetters);
}
