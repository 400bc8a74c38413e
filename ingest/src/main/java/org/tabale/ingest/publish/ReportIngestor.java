package org.tabale.ingest.publish;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tabale.ingest.parse.ReportEdge;
import org.tabale.ingest.parse.ReportJsonReader;
import org.tabale.ingest.parse.ReportMapper;
import org.tabale.ingest.parse.ReportOutcome;
import org.tabale.ingest.parse.ReportRow;
import org.tabale.ingest.parse.ReportSubmission;
import org.tabale.ingest.parse.TextDecoder;
import org.tabale.ingest.parse.UshahidiCsvReader;
import org.tabale.ingest.protect.Pseudonymiser;
import org.tabale.model.CommunityReport;
import org.tabale.model.DeadLetter;
import org.tabale.model.Gazetteer;

/**
 * The ingest path of community reports: decode, read (the reporter becomes a pseudonym and the
 * text is redacted right there, see {@link ReportEdge}), validate, publish accepted reports to
 * {@code tabale.reports.v1}, dead-letter refused rows, account for each row.
 *
 * <p>A row is a duplicate when its report id is known with the same content (a re-sent report);
 * a known id with other content is a revision, stored again and counted as accepted.
 */
public final class ReportIngestor {

    /** How the body is encoded. */
    public enum Format { JSON, USHAHIDI_CSV }

    private final Gazetteer gazetteer;
    private final Pseudonymiser pseudonymiser;
    private final ReportMapper mapper;
    private final ReportSink sink;
    private final KnownReports known;
    private final Clock clock;
    private final Counter accepted;
    private final Counter duplicates;
    private final Counter rejected;

    public ReportIngestor(Gazetteer gazetteer, Pseudonymiser pseudonymiser, ReportSink sink, KnownReports known,
                          Clock clock, MeterRegistry meters) {
        this.gazetteer = gazetteer;
        this.pseudonymiser = pseudonymiser;
        this.mapper = new ReportMapper(gazetteer, clock);
        this.sink = sink;
        this.known = known;
        this.clock = clock;
        this.accepted = rows(meters, "accepted");
        this.duplicates = rows(meters, "duplicate");
        this.rejected = rows(meters, "rejected");
    }

    /**
     * Ingests one submission.
     *
     * @param origin where it came from, for the dead-letter topic ({@code http:/api/v1/reports})
     * @throws org.tabale.ingest.parse.FeedFormatException when the body as a whole is unreadable
     * @throws EventPublisher.PublishException             when the broker did not take the batch
     */
    public ReportIngestResult ingest(byte[] body, Format format, ReportSubmission submission, String origin) {
        String text = TextDecoder.decode(body);
        ReportEdge edge = new ReportEdge(pseudonymiser, gazetteer, submission);
        List<ReportRow> rows = format == Format.JSON ? ReportJsonReader.read(text, edge) : UshahidiCsvReader.read(text, edge);
        Instant now = clock.instant();
        Map<String, Long> batch = new HashMap<>();
        List<CommunityReport> reports = new ArrayList<>();
        List<DeadLetter> deadLetters = new ArrayList<>();
        List<ReportIngestResult.RowError> errors = new ArrayList<>();
        List<ReportIngestResult.StoredReport> stored = new ArrayList<>();
        long duplicateRows = 0;
        for (ReportRow row : rows) {
            ReportOutcome outcome = mapper.map(row, submission, now);
            if (outcome instanceof ReportOutcome.Refused refused) {
                errors.add(new ReportIngestResult.RowError(row.row(), row.get("id"), refused.reason()));
                // row.original() is the protected rendering (pseudonym, redacted text), never the
                // submitted text: a refused report still names its reporter, and the DLQ is kept 30 days.
                deadLetters.add(new DeadLetter(origin, submission.feed(), row.row(),
                        row.idFromSource() ? row.reportId() : null, refused.reason(), row.original(), now));
                continue;
            }
            CommunityReport report = ((ReportOutcome.Accepted) outcome).report();
            long fingerprint = KnownReports.fingerprintOf(report);
            Long previous = batch.containsKey(report.id()) ? batch.get(report.id())
                    : known.fingerprint(report.id()).stream().boxed().findFirst().orElse(null);
            boolean duplicate = previous != null && previous == fingerprint;
            if (duplicate) {
                duplicateRows++;
            } else {
                reports.add(report);
                batch.put(report.id(), fingerprint);
            }
            stored.add(new ReportIngestResult.StoredReport(row.row(), report.id(), report.externalId(),
                    duplicate ? "duplicate" : "accepted", report.regionId(), report.date(),
                    ReportIngestResult.served(report.latitude()), ReportIngestResult.served(report.longitude())));
        }
        sink.publish(List.copyOf(reports), deadLetters);
        reports.forEach(known::remember);
        accepted.increment(reports.size());
        duplicates.increment(duplicateRows);
        rejected.increment(errors.size());
        return new ReportIngestResult(reports.size(), duplicateRows, errors.size(), errors, stored);
    }

    private static Counter rows(MeterRegistry meters, String outcome) {
        return Counter.builder("tabale.reports.rows").tag("outcome", outcome)
                .description("Community report rows received, by outcome").register(meters);
    }
}
