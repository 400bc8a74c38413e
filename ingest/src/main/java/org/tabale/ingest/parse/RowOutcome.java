package org.tabale.ingest.parse;

import org.tabale.model.ConflictEvent;

/** What became of one feed row: an event, or a refusal with its reason. */
public sealed interface RowOutcome {

    FeedRow row();

    record Accepted(FeedRow row, ConflictEvent event) implements RowOutcome {
    }

    record Refused(FeedRow row, String eventId, String reason) implements RowOutcome {
    }
}
