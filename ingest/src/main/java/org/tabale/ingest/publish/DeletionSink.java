package org.tabale.ingest.publish;

import java.util.List;
import org.tabale.model.DeadLetter;
import org.tabale.model.EventDeletion;

/** Where deletions go: {@code tabale.deletions.v1} (key event id), refused rows to the dead-letter topic. */
public interface DeletionSink {

    /**
     * Stores the batch, returning only once every record of it is stored.
     *
     * @throws EventPublisher.PublishException when the batch was not stored
     */
    void publishDeletions(List<EventDeletion> deletions, List<DeadLetter> deadLetters);
}
