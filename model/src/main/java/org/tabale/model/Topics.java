package org.tabale.model;

import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The topic catalog: what services share instead of code.
 *
 * <p>Event-carrying topics keep records forever ({@code retention.ms=-1}) and are compacted by
 * key: a record's timestamp is when it was produced, but a sync job may stamp records with the
 * event date (1997 onwards), and time-based retention would then delete them at once. The
 * dead-letter topic uses log-append time with a 30-day retention, counted from arrival.
 */
public final class Topics {

    private static final Map<String, String> FOREVER_COMPACTED = Map.of(
            "cleanup.policy", "compact",
            "retention.ms", "-1",
            "min.compaction.lag.ms", "0");

    /** ACLED-style events; key = event id; a newer ACLED timestamp replaces the stored version. */
    public static final Topic<String, ConflictEvent> EVENTS = new Topic<>("tabale.events.v1",
            Serdes.String(), new JsonSerde<>(ConflictEvent.class), 4, FOREVER_COMPACTED,
            "every accepted event version (key event_id_cnty)");

    /** ACLED's deletions; key = event id. Same partitioning as the events topic (Streams merges the two). */
    public static final Topic<String, EventDeletion> DELETIONS = new Topic<>("tabale.deletions.v1",
            Serdes.String(), new JsonSerde<>(EventDeletion.class), 4, FOREVER_COMPACTED,
            "deletions of events (key event_id_cnty, value deleted_timestamp)");

    /** Figures per region and date, emitted when they change; key = {@code regionId@date}. */
    public static final Topic<String, RegionStats> REGION_STATS = new Topic<>("tabale.region-stats.v1",
            Serdes.String(), new JsonSerde<>(RegionStats.class), 4, withLz4(FOREVER_COMPACTED),
            "windowed figures per region and date (key regionId@date)");

    /** Every refused row, with source, position, reason and original text; key = source. */
    public static final Topic<String, DeadLetter> DLQ = new Topic<>("tabale.dlq.v1",
            Serdes.String(), new JsonSerde<>(DeadLetter.class), 1,
            Map.of("cleanup.policy", "delete", "retention.ms", String.valueOf(30L * 24 * 3600 * 1000),
                    "message.timestamp.type", "LogAppendTime"),
            "refused rows with their reason (kept 30 days from arrival)");

    /**
     * Community reports; key = report id. Restricted: full-precision coordinates and a pseudonymous
     * reporter (never a name, phone or account). Partitioned like the verifications, for joins.
     */
    public static final Topic<String, CommunityReport> REPORTS = new Topic<>("tabale.reports.v1",
            Serdes.String(), new JsonSerde<>(CommunityReport.class), 4, FOREVER_COMPACTED,
            "community reports, pseudonymous, full-precision coordinates: restricted (key report id)");

    /** Officers' decisions on community reports, the latest per report; key = report id. */
    public static final Topic<String, ReportVerification> REPORT_VERIFICATIONS = new Topic<>(
            "tabale.report-verifications.v1", Serdes.String(), new JsonSerde<>(ReportVerification.class), 4,
            FOREVER_COMPACTED, "officers' verification decisions on community reports (key report id)");

    /**
     * Submissions produced straight to Kafka by integrators: each value is a body exactly as it
     * would be POSTed to {@code /api/v1/events} (a CSV export, or JSON rows), with headers
     * {@code content-type} ({@code text/csv} by default, or {@code application/json}) and
     * {@code tabale-source} ({@code acled} by default, or {@code ucdp}). Ingest validates them
     * as it validates HTTP bodies. Kept 7 days from arrival.
     */
    public static final Topic<String, byte[]> RAW_EVENTS = new Topic<>("tabale.raw.events.v1",
            Serdes.String(), Serdes.ByteArray(), 4,
            Map.of("cleanup.policy", "delete", "retention.ms", String.valueOf(7L * 24 * 3600 * 1000),
                    "message.timestamp.type", "LogAppendTime", "max.message.bytes", String.valueOf(16 * 1024 * 1024)),
            "event submissions produced straight to Kafka, validated by ingest (kept 7 days)");

    /**
     * The alert service's record of every alert as it stands (lifecycle, who acknowledged, audit
     * trail); key = alert id, value = the alert as JSON (the alerts module's {@code Alert}). Read back
     * at start, so a restart neither forgets an episode nor pages it again.
     */
    public static final Topic<String, String> ALERTS = new Topic<>("tabale.alerts.v1", Serdes.String(), Serdes.String(), 1,
            FOREVER_COMPACTED, "every alert as it stands, with its lifecycle and audit trail (key alert id)");

    /** Officers' silences, as they stand; key = silence id, value JSON. */
    public static final Topic<String, String> SILENCES = new Topic<>("tabale.silences.v1", Serdes.String(), Serdes.String(), 1,
            FOREVER_COMPACTED, "silences with creator, reason, start and end (key silence id)");

    /**
     * The notification log (the outbox): one record per message, responder and channel, as it
     * stands (pending, delivered, failed, with attempts); key = notification id. A delivered id is
     * never sent again, whatever restarts and replays.
     */
    public static final Topic<String, String> NOTIFICATIONS = new Topic<>("tabale.notifications.v1", Serdes.String(),
            Serdes.String(), 1, FOREVER_COMPACTED, "the outbox: every notification and its delivery state (key notification id)");

    /** All topics the services need, created at start. */
    public static final List<Topic<?, ?>> ALL = List.of(EVENTS, DELETIONS, RAW_EVENTS, REGION_STATS, DLQ, REPORTS,
            REPORT_VERIFICATIONS, ALERTS, SILENCES, NOTIFICATIONS);

    private Topics() {
    }

    /**
     * The broker stores the topic lz4-compressed, whatever its producers send: region stats are
     * several KB of JSON per record, two records per input row in a replay, and shrink several
     * times; the compression runs on the broker, not on the stream thread that emits them.
     */
    private static Map<String, String> withLz4(Map<String, String> config) {
        Map<String, String> withCompression = new java.util.HashMap<>(config);
        withCompression.put("compression.type", "lz4");
        return Map.copyOf(withCompression);
    }
}
