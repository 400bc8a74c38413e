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
import org.tabale.ingest.publish.IngestLimits;
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
    /** What a 503 for a broker that did not take a batch tells the caller to wait, in seconds. */
    static final int UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

    private final EventIngestor ingestor;

    public EventsHandler(EventIngestor ingestor) {
        this.ingestor = ingestor;
    }

    @Override
    public void handle(Context ctx) {
        String source = ctx.queryParam("source");
        Feed feed = source == null ? Feed.ACLED : Feed.fromId(source).orElseThrow(() -> new BadRequestResponse(
                "source '" + source + "' is not supported: use source=acled or source=ucdp", Map.of("parameter", "source")));
        byte[] body = ctx.bodyAsBytes();
        EventIngestor.Format format;
        try {
            format = format(ctx.contentType());
        } catch (HttpResponseException unsupported) {
            refuse(() -> ingestor.refuseWhole(body, unsupported.getMessage(), "http:" + PATH));
            throw unsupported;
        }
        try {
            IngestResult result = ingestor.ingest(body, format, feed, "http:" + PATH);
            ctx.json(result);
        } catch (FeedFormatException e) {
            refuse(() -> ingestor.refuseWhole(body, e.getMessage(), "http:" + PATH));
            throw new BadRequestResponse(e.getMessage());
        } catch (IngestLimits.TooManyRows e) {
            refuse(() -> ingestor.refuseWhole(body, e.getMessage(), "http:" + PATH));
            throw new HttpResponseException(HttpStatus.CONTENT_TOO_LARGE.getCode(), e.getMessage());
        } catch (EventPublisher.PublishException e) {
            throw unavailable(e);
        }
    }

    /** Dead-letters a refused body; if even that fails, the caller still gets the refusal's reason. */
    static void refuse(Runnable deadLetter) {
        try {
            deadLetter.run();
        } catch (EventPublisher.PublishException e) {
            throw unavailable(e);
        }
    }

    static HttpResponseException unavailable(EventPublisher.PublishException e) {
        return new HttpResponseException(HttpStatus.SERVICE_UNAVAILABLE.getCode(), "not stored, send again: " + e.getMessage(),
                Map.of("retryAfterSeconds", String.valueOf(UNAVAILABLE_RETRY_AFTER_SECONDS)));
    }

    static EventIngestor.Format format(String contentType) {
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
