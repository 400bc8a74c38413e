package org.tabale.ingest.publish;

import java.util.ArrayList;
import java.util.List;
import org.tabale.model.ConflictEvent;
import org.tabale.model.DeadLetter;

/** An {@link EventSink} that keeps every batch it is given, or refuses them all like a broker that is down. */
public final class RecordingSink implements EventSink {

    /** One call to {@link #publish}. */
    public record Batch(List<ConflictEvent> events, List<DeadLetter> deadLetters) {
    }

    private final List<Batch> batches = new ArrayList<>();
    private boolean down;

    /** From now on every batch fails as if the broker had not acknowledged it. */
    public RecordingSink down() {
        this.down = true;
        return this;
    }

    @Override
    public void publish(List<ConflictEvent> events, List<DeadLetter> deadLetters) {
        if (down) {
            throw new EventPublisher.PublishException("broker unavailable (test)", null);
        }
        batches.add(new Batch(List.copyOf(events), List.copyOf(deadLetters)));
    }

    public List<Batch> batches() {
        return List.copyOf(batches);
    }

    public List<ConflictEvent> events() {
        return batches.stream().flatMap(b -> b.events().stream()).toList();
    }

    public List<DeadLetter> deadLetters() {
        return batches.stream().flatMap(b -> b.deadLetters().stream()).toList();
    }
}
