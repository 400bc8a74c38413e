package org.tabale.ingest.http;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.Semaphore;

/**
 * Bounds how many ingest requests are worked on at once: read, parsed, published and waited for
 * until the broker acknowledged them. Beyond the limit a request is answered at once with 503 and
 * {@code Retry-After}, before its body is read, instead of queueing in the server (each holding up
 * to a 64 MiB body) until the client times out: nothing of a refused request is stored, so sending
 * it again is safe. A broker that is slow or away fills the limit with requests waiting for their
 * acknowledgements, and the next ones are refused at once the same way.
 *
 * <p>Meters: {@code tabale.ingest.in.flight} (gauge) and {@code tabale.ingest.refused} (counter).
 */
public final class IngestGate {

    /** The seconds a refused caller is told to wait. */
    static final int RETRY_AFTER_SECONDS = 1;

    private final int limit;
    private final Semaphore permits;
    private final Counter refused;

    /**
     * @param limit requests worked on at once ({@code TABALE_INGEST_CONCURRENCY}), at least 1
     */
    public IngestGate(int limit, MeterRegistry meters) {
        if (limit < 1) {
            throw new IllegalArgumentException("TABALE_INGEST_CONCURRENCY must be >= 1, was " + limit);
        }
        this.limit = limit;
        this.permits = new Semaphore(limit);
        Gauge.builder("tabale.ingest.in.flight", permits, p -> limit - p.availablePermits())
                .description("Ingest requests being worked on").register(meters);
        this.refused = Counter.builder("tabale.ingest.refused").description("Ingest requests refused at the concurrency limit")
                .register(meters);
    }

    /** {@code handler} behind the gate. */
    public Handler guard(Handler handler) {
        return ctx -> {
            if (!permits.tryAcquire()) {
                refuse(ctx);
            }
            try {
                handler.handle(ctx);
            } finally {
                permits.release();
            }
        };
    }

    private void refuse(Context ctx) {
        refused.increment();
        ctx.header("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
        throw new HttpResponseException(HttpStatus.SERVICE_UNAVAILABLE.getCode(), "ingest is taking " + limit
                + " requests at once, its limit (TABALE_INGEST_CONCURRENCY); nothing of this one was stored: send it again in "
                + RETRY_AFTER_SECONDS + " s", Map.of("retryAfterSeconds", String.valueOf(RETRY_AFTER_SECONDS)));
    }
}
