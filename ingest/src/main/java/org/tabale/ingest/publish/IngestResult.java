package org.tabale.ingest.publish;

import java.util.List;

/**
 * The answer to an integrator's submission (DESIGN.md): how many rows became new events or
 * revisions, repeated a version already sent, were older than the stored version, or were
 * refused, with the reason for each refusal.
 */
public record IngestResult(long accepted, long duplicates, long stale, long rejected, List<RowError> errors) {

    public IngestResult {
        errors = List.copyOf(errors);
    }

    /** One refused row: its 1-based position among the data rows, its event id if any, and why. */
    public record RowError(long row, String eventId, String reason) {
    }
}
