package org.tabale.ingest.http;

import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import org.tabale.ingest.parse.FeedFormatException;
import org.tabale.ingest.publish.DeletionIngestor;
import org.tabale.ingest.publish.EventIngestor;
import org.tabale.ingest.publish.EventPublisher;

/**
 * {@code POST /api/v1/events/deletions}: ACLED's deleted-events form as JSON
 * ({@code [{"event_id_cnty":"…","deleted_timestamp":…}]}, or the API envelope) or CSV with those
 * two columns. Answers like {@code POST /api/v1/events}.
 */
public final class DeletionsHandler implements Handler {

    public static final String PATH = "/api/v1/events/deletions";

    private final DeletionIngestor ingestor;

    public DeletionsHandler(DeletionIngestor ingestor) {
        this.ingestor = ingestor;
    }

    @Override
    public void handle(Context ctx) {
        EventIngestor.Format format = EventsHandler.format(ctx.contentType());
        byte[] body = ctx.bodyAsBytes();
        try {
            ctx.json(ingestor.ingest(body, format, "http:" + PATH));
        } catch (FeedFormatException e) {
            EventsHandler.refuse(() -> ingestor.refuseWhole(body, e.getMessage(), "http:" + PATH));
            throw new BadRequestResponse(e.getMessage());
        } catch (EventPublisher.PublishException e) {
            throw EventsHandler.unavailable(e);
        }
    }
}
