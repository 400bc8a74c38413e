package org.tabale.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Value of {@code tabale.deletions.v1} (key event id): ACLED's deleted-events form. A deletion
 * removes the event from every figure unless a version with a newer {@code timestamp} than
 * {@code deleted_timestamp} exists (ACLED re-published it).
 */
public record EventDeletion(@JsonProperty("event_id_cnty") String eventId,
                            @JsonProperty("deleted_timestamp") long deletedTimestamp) {

    public EventDeletion {
        if (eventId == null || eventId.isBlank()) {
            throw new IllegalArgumentException("event_id_cnty is required");
        }
        if (deletedTimestamp < 0) {
            throw new IllegalArgumentException("deleted_timestamp must be Unix seconds >= 0, was " + deletedTimestamp);
        }
    }
}
