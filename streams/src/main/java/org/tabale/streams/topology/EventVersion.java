package org.tabale.streams.topology;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.tabale.model.ConflictEvent;
import org.tabale.model.EventDeletion;

/**
 * Value of the {@code events-latest} store: the standing version of one event id, either the
 * event itself or its deletion. Exactly one of the two is set.
 */
public record EventVersion(ConflictEvent event, EventDeletion deletion) {

    public EventVersion {
        if ((event == null) == (deletion == null)) {
            throw new IllegalArgumentException("an event version is an event or a deletion");
        }
    }

    public static EventVersion of(ConflictEvent event) {
        return new EventVersion(event, null);
    }

    public static EventVersion of(EventDeletion deletion) {
        return new EventVersion(null, deletion);
    }

    /** ACLED's time of this version: the event's {@code timestamp} or the {@code deleted_timestamp}. */
    @JsonIgnore
    public long timestamp() {
        return event != null ? event.timestamp() : deletion.deletedTimestamp();
    }

    @JsonIgnore
    public boolean live() {
        return event != null;
    }
}
