package org.tabale.ingest.http;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;
import io.javalin.http.HttpResponseException;
import java.util.Locale;
import java.util.Map;
import org.tabale.ingest.parse.Feed;
import org.tabale.ingest.parse.FeedFormatException;
import org.tabale.ingest.publish.EventIngestor;
import org.tabale.ingest.publish.EventPublisher;
import org.tabale.ingest.publish.IngestResult;

/**
 * {@code POST /api/v1/events?source=acled|ucdp}: an ACLED export (the default) or UCDP GED rows, as
 * {@code text/csv} or {@code application/json}. Answers 200 with the per-row account, 400 when the
 * body as a whole is unreadable or not that feed (HDX HAPI's monthly aggregates included) or the
 * source is unknown, 415 for another media type, 503 when the broker did not take the batch
 * (nothing of it is accepted).
 */
public final class EventsHandler implements Handler {

    public static final String PATH = "/api/v1/events";

    private final EventIngestor ingestor;

    public EventsHandler(EventIngestor ingestor) {
        this.ingestor = ingestor;
    }

    @Override
    public void handle(Context ctx) {
        String source = ctx.queryParam("source");
        Feed feed = source == null ? Feed.ACLED : Feed.fromId(source).orElseThrow(() -> new BadRequestResponse(
                "source '" + source + "' is not supported: use source=acled or source=ucdp", Map.of("parameter", "source")));
        EventIngestor.Format format = format(ctx.contentType());
        try {
            IngestResult result = ingestor.ingest(ctx.bodyAsBytes(), format, feed, "http:" + PATH);
            ctx.json(result);
        } catch (FeedFormatException e) {
            throw new BadRequestResponse(e.getMessage());
        } catch (EventPublisher.PublishException e) {
            throw new HttpResponseException(HttpStatus.SERVICE_UNAVAILABLE.getCode(),
                    "events not stored, send again: " + e.getMessage());
        }
    }

    private static EventIngestor.Format format(String contentType) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (type.startsWith("text/csv") || type.startsWith("application/csv") || type.startsWith("text/plain")) {
            return EventIngestor.Format.CSV;
        }
        if (type.startsWith("application/json")) {
            return EventIngestor.Format.JSON;
        }
        throw new HttpResponseException(HttpStatus.UNSUPPORTED_MEDIA_TYPE.getCode(),
                "Content-Type '" + contentType + "' is not supported: send text/csv or application/json");
    }
}
