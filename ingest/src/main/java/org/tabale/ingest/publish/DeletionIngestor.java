package org.tabale.ingest.publish;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tabale.ingest.parse.CsvFeedReader;
import org.tabale.ingest.parse.FeedRow;
import org.tabale.ingest.parse.JsonFeedReader;
import org.tabale.ingest.parse.TextDecoder;
import org.tabale.model.DeadLetter;
import org.tabale.model.EventDeletion;

/**
 * ACLED's deleted-events form, {@code [{"event_id_cnty":"…","deleted_timestamp":…}]} (or the same
 * columns as CSV): each deletion is validated, compared with the stored version of its event
 * (a deletion older than a re-published version is stale; the same deletion again is a
 * duplicate) and published to {@code tabale.deletions.v1}. A deletion of an id not seen yet is
 * kept: a version of it that arrives later, older than the deletion, stays deleted.
 */
public final class DeletionIngestor {

    private static final Set<String> COLUMNS = Set.of("event_id_cnty", "deleted_timestamp");

    private final DeletionSink sink;
    private final StoredVersions stored;
    private final Clock clock;
    private final Counter counted;

    public DeletionIngestor(DeletionSink sink, StoredVersions stored, Clock clock, MeterRegistry meters) {
        this.sink = sink;
        this.stored = stored;
        this.clock = clock;
        this.counted = Counter.builder("tabale.ingest.deletions").description("Deletions accepted").register(meters);
    }

    public IngestResult ingest(byte[] body, EventIngestor.Format format, String source) {
        String text = TextDecoder.decode(body);
        List<FeedRow> rows = format == EventIngestor.Format.CSV ? CsvFeedReader.read(text, COLUMNS) : JsonFeedReader.read(text);
        Map<String, EventDeletion> newest = new LinkedHashMap<>();
        List<DeadLetter> deadLetters = new ArrayList<>();
        List<IngestResult.RowError> errors = new ArrayList<>();
        long duplicates = 0;
        long stale = 0;
        for (FeedRow row : rows) {
            String id = row.get("event_id_cnty");
            String reason = reason(row, id);
            if (reason != null) {
                errors.add(new IngestResult.RowError(row.row(), id, reason));
                deadLetters.add(new DeadLetter(source, "acled-deletions", row.row(), id, reason, row.original(), clock.instant()));
                continue;
            }
            EventDeletion deletion = new EventDeletion(id, Long.parseLong(row.get("deleted_timestamp")));
            EventDeletion earlier = newest.get(id);
            if (earlier != null && earlier.deletedTimestamp() == deletion.deletedTimestamp()) {
                duplicates++;
            } else if (earlier != null) {
                stale++;
                if (deletion.deletedTimestamp() > earlier.deletedTimestamp()) {
                    newest.put(id, deletion);
                }
            } else {
                newest.put(id, deletion);
            }
        }
        List<EventDeletion> fresh = new ArrayList<>();
        for (EventDeletion deletion : newest.values()) {
            long rank = StoredVersions.rank(deletion.deletedTimestamp(), true);
            long standing = stored.standing(deletion.eventId());
            if (rank > standing) {
                fresh.add(deletion);
            } else if (rank == standing) {
                duplicates++;
            } else {
                stale++;
            }
        }
        sink.publishDeletions(fresh, deadLetters);
        fresh.forEach(d -> stored.stored(d.eventId(), StoredVersions.rank(d.deletedTimestamp(), true)));
        counted.increment(fresh.size());
        return new IngestResult(fresh.size(), duplicates, stale, errors.size(), errors);
    }

    /** Dead-letters a submission refused as a whole, with the start of its text. */
    public void refuseWhole(byte[] body, String reason, String source) {
        String text = new String(body, 0, Math.min(body.length, EventIngestor.WHOLE_BODY_EXCERPT), java.nio.charset.StandardCharsets.UTF_8);
        sink.publishDeletions(List.of(), List.of(new DeadLetter(source, "acled-deletions", -1, null, reason, text, clock.instant())));
    }

    private static String reason(FeedRow row, String id) {
        if (id == null) {
            return "event_id_cnty is missing";
        }
        String timestamp = row.get("deleted_timestamp");
        if (timestamp == null) {
            return "deleted_timestamp is missing";
        }
        if (!timestamp.matches("\\d{1,12}")) {
            return "deleted_timestamp '" + timestamp + "' is not Unix seconds";
        }
        return null;
    }
}
