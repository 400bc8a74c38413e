package org.tabale.ingest.http;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.tabale.ingest.parse.FeedFormatException;
import org.tabale.ingest.parse.ReportSubmission;
import org.tabale.ingest.publish.EventPublisher;
import org.tabale.ingest.publish.ReportIngestResult;
import org.tabale.ingest.publish.ReportIngestor;

/**
 * {@code POST /api/v1/reports}: community reports as {@code application/json} (one report or an
 * array) or as a Ushahidi v2 export ({@code text/csv}); {@code ?source=} names the sender (part of
 * each report id: default {@code report} for JSON, {@code ushahidi} for CSV), {@code ?country=} the
 * country of rows that name none. Answers 200 with the per-row account, 400 when the body as a
 * whole is unreadable (the message never quotes the body), 415 for another media type, 503 when
 * the broker did not take the batch (nothing of it is accepted).
 */
public final class ReportsHandler implements Handler {

    public static final String PATH = "/api/v1/reports";
    private static final Pattern SOURCE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");

    private final ReportIngestor ingestor;

    public ReportsHandler(ReportIngestor ingestor) {
        this.ingestor = ingestor;
    }

    @Override
    public void handle(Context ctx) {
        ReportIngestor.Format format = format(ctx.contentType());
        boolean json = format == ReportIngestor.Format.JSON;
        String source = ctx.queryParam("source");
        if (source != null && !SOURCE.matcher(source).matches()) {
            throw new BadRequestResponse("source must be 1 to 64 letters, digits, '.', '_', ':' or '-'",
                    Map.of("parameter", "source"));
        }
        ReportSubmission submission = new ReportSubmission(
                source != null ? source : json ? ReportSubmission.FEED_JSON : ReportSubmission.FEED_USHAHIDI,
                json ? ReportSubmission.FEED_JSON : ReportSubmission.FEED_USHAHIDI, ctx.queryParam("country"));
        try {
            ReportIngestResult result = ingestor.ingest(ctx.bodyAsBytes(), format, submission, "http:" + PATH);
            ctx.json(result);
        } catch (FeedFormatException e) {
            throw new BadRequestResponse(e.getMessage());
        } catch (EventPublisher.PublishException e) {
            throw new HttpResponseException(HttpStatus.SERVICE_UNAVAILABLE.getCode(),
                    "reports not stored, send again: " + e.getMessage());
        }
    }

    private static ReportIngestor.Format format(String contentType) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (type.startsWith("text/csv") || type.startsWith("application/csv") || type.startsWith("text/plain")) {
            return ReportIngestor.Format.USHAHIDI_CSV;
        }
        if (type.startsWith("application/json")) {
            return ReportIngestor.Format.JSON;
        }
        throw new HttpResponseException(HttpStatus.UNSUPPORTED_MEDIA_TYPE.getCode(),
                "Content-Type is not supported here: send application/json (reports) or text/csv (a Ushahidi export)");
    }
}
