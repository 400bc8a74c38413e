package org.tabale.ingest.publish;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tabale.ingest.parse.CsvFeedReader;
import org.tabale.ingest.parse.Feed;
import org.tabale.ingest.parse.FeedRow;
import org.tabale.ingest.parse.JsonFeedReader;
import org.tabale.ingest.parse.RowMapper;
import org.tabale.ingest.parse.RowOutcome;
import org.tabale.ingest.parse.TextDecoder;
import org.tabale.model.ConflictEvent;
import org.tabale.model.DeadLetter;
import org.tabale.model.Gazetteer;

/**
 * The ingest path shared by the HTTP API and {@code tabale replay}: decode, parse, validate every
 * row, publish accepted events and dead-letter refused rows, and account for each row.
 *
 * <p>Within one submission, a row with the id and ACLED {@code timestamp} of an earlier row is a
 * duplicate (monadic exports repeat a two-actor event once per actor); of two versions of one
 * event the newer wins and the older counts as stale. The newest version of each id is then
 * compared with the version already stored ({@link StoredVersions}): the same version is a
 * duplicate and is not published again, an older one is stale, a newer one is accepted. UCDP
 * rows all carry timestamp 0, so a repeated UCDP id is always a duplicate.
 */
public final class EventIngestor {

    /** How the body is encoded. */
    public enum Format { CSV, JSON }

    /** How much of an unreadable body the dead letter keeps. */
    static final int WHOLE_BODY_EXCERPT = 64 * 1024;

    private final Map<Feed, RowMapper> mappers = new EnumMap<>(Feed.class);
    private final EventSink sink;
    private final StoredVersions stored;
    private final IngestLimits limits;
    private final Clock clock;
    private final Counter accepted;
    private final Counter duplicates;
    private final Counter stale;
    private final Counter rejected;

    public EventIngestor(Gazetteer gazetteer, EventSink sink, Clock clock, MeterRegistry meters) {
        this(gazetteer, sink, StoredVersions.NONE, clock, meters);
    }

    /** An ingestor that also counts repeats and older versions against what is already stored. */
    public EventIngestor(Gazetteer gazetteer, EventSink sink, StoredVersions stored, Clock clock, MeterRegistry meters) {
        this(gazetteer, sink, stored, IngestLimits.DEFAULT, clock, meters);
    }

    public EventIngestor(Gazetteer gazetteer, EventSink sink, StoredVersions stored, IngestLimits limits, Clock clock,
                         MeterRegistry meters) {
        this.stored = stored;
        this.limits = limits;
        for (Feed feed : Feed.values()) {
            mappers.put(feed, feed.mapper(gazetteer));
        }
        this.sink = sink;
        this.clock = clock;
        this.accepted = rows(meters, "accepted");
        this.duplicates = rows(meters, "duplicate");
        this.stale = rows(meters, "stale");
        this.rejected = rows(meters, "rejected");
    }

    /** Ingests one ACLED submission: {@link #ingest(byte[], Format, Feed, String)} with {@link Feed#ACLED}. */
    public IngestResult ingest(byte[] body, Format format, String source) {
        return ingest(body, format, Feed.ACLED, source);
    }

    /**
     * Ingests one submission of a feed.
     *
     * @param source where it came from, for the dead-letter topic ({@code http:/api/v1/events})
     * @throws org.tabale.ingest.parse.FeedFormatException when the body as a whole is unreadable or not that feed
     * @throws EventPublisher.PublishException             when the broker did not take the batch
     */
    public IngestResult ingest(byte[] body, Format format, Feed feed, String source) {
        String text = TextDecoder.decode(body);
        List<FeedRow> rows = format == Format.CSV
                ? CsvFeedReader.read(text, feed.requiredColumns())
                : JsonFeedReader.read(text);
        RowMapper mapper = mappers.get(feed);
        Map<String, ConflictEvent> newest = new HashMap<>();
        Set<Map.Entry<String, Long>> versionsSeen = new HashSet<>();
        List<DeadLetter> deadLetters = new ArrayList<>();
        List<IngestResult.RowError> errors = new ArrayList<>();
        long duplicateRows = 0;
        long staleRows = 0;
        if (rows.size() > limits.maxRows()) {
            throw new IngestLimits.TooManyRows(rows.size(), limits.maxRows());
        }
        for (FeedRow row : rows) {
            RowOutcome outcome = tooLong(row).<RowOutcome>map(reason -> new RowOutcome.Refused(row, row.get("event_id_cnty"), reason))
                    .orElseGet(() -> mapper.map(row));
            if (outcome instanceof RowOutcome.Refused refused) {
                errors.add(new IngestResult.RowError(row.row(), refused.eventId(), refused.reason()));
                deadLetters.add(new DeadLetter(source, feed.id(), row.row(), refused.eventId(), refused.reason(),
                        row.original(), clock.instant()));
                continue;
            }
            ConflictEvent event = ((RowOutcome.Accepted) outcome).event();
            // A repeat of any version seen before is a duplicate, even when a newer one came in between.
            if (!versionsSeen.add(Map.entry(event.eventId(), event.timestamp()))) {
                duplicateRows++;
                continue;
            }
            ConflictEvent earlier = newest.get(event.eventId());
            if (earlier == null) {
                newest.put(event.eventId(), event);
            } else {
                staleRows++;
                if (event.timestamp() > earlier.timestamp()) {
                    newest.put(event.eventId(), event);
                }
            }
        }
        List<ConflictEvent> fresh = new ArrayList<>(newest.size());
        for (ConflictEvent event : newest.values()) {
            long standing = stored.standing(event.eventId());
            long rank = StoredVersions.rank(event.timestamp(), false);
            if (rank > standing) {
                fresh.add(event);
            } else if (rank == standing) {
                duplicateRows++;
            } else {
                staleRows++;
            }
        }
        sink.publish(fresh, deadLetters);
        fresh.forEach(event -> stored.stored(event.eventId(), StoredVersions.rank(event.timestamp(), false)));
        accepted.increment(fresh.size());
        duplicates.increment(duplicateRows);
        stale.increment(staleRows);
        rejected.increment(errors.size());
        return new IngestResult(fresh.size(), duplicateRows, staleRows, errors.size(), errors);
    }

    private java.util.Optional<String> tooLong(FeedRow row) {
        Map.Entry<String, String> field = row.firstLongerThan(limits.maxFieldChars());
        return field == null ? java.util.Optional.empty() : java.util.Optional.of("field " + field.getKey() + " is "
                + field.getValue().length() + " characters long; the limit is " + limits.maxFieldChars()
                + " (TABALE_MAX_FIELD_CHARS)");
    }

    /**
     * Dead-letters a submission refused as a whole (not CSV, not JSON, no header), with the start
     * of its text, so that even a body nobody could read leaves a trace an operator can find.
     */
    public void refuseWhole(byte[] body, String reason, String source) {
        String text = new String(body, 0, Math.min(body.length, WHOLE_BODY_EXCERPT), java.nio.charset.StandardCharsets.UTF_8);
        sink.publish(List.of(), List.of(new DeadLetter(source, "acled", -1, null, reason, text, clock.instant())));
        rejected.increment();
    }

    private static Counter rows(MeterRegistry meters, String outcome) {
        return Counter.builder("tabale.ingest.rows").tag("outcome", outcome)
                .description("Event rows received, by outcome").register(meters);
    }
}
