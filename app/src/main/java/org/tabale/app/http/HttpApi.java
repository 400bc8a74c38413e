package org.tabale.app.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.security.RouteRole;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP surface: the v1 API routes the running roles contribute, bearer-token checks per
 * role, {@code /health} and {@code /metrics}, and one error shape for every failure:
 * {@code {"error": "...", "detail": ...}}; the dashboard's static files at {@code /} ({@link Dashboard}).
 */
public final class HttpApi implements AutoCloseable {

    /** Request attribute holding the authenticated caller's role label ({@code officer}, {@code admin}, ...). */
    public static final String ROLE_ATTRIBUTE = "tabale.role";
    private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);
    /** Component states that make the process unhealthy (Kafka Streams' terminal and failing states, or DOWN). */
    private static final Set<String> DOWN_STATES = Set.of("DOWN", "ERROR", "PENDING_ERROR", "PENDING_SHUTDOWN", "NOT_RUNNING");

    private final Javalin javalin;
    private final Tokens tokens;
    private final long maxBodyBytes;
    private final RateLimiter limiter;

    public HttpApi(Tokens tokens, long maxBodyBytes, RateLimiter limiter, PrometheusMeterRegistry meters,
                   Supplier<Map<String, String>> health) {
        this.tokens = tokens;
        this.limiter = limiter;
        this.maxBodyBytes = maxBodyBytes;
        this.javalin = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.http.maxRequestSize = maxBodyBytes;
            config.jsonMapper(new io.javalin.json.JavalinJackson(org.tabale.model.JsonSerde.MAPPER, false));
            Dashboard.serve(config);
        });
        javalin.beforeMatched(this::authorize);
        javalin.get("/health", ctx -> health(ctx, health.get()));
        javalin.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(meters.scrape()));
        javalin.exception(HttpResponseException.class, (e, ctx) -> {
            // A refusal that says when to come back (429, 503) says it in the header clients read too.
            String retryAfter = e.getDetails().get("retryAfterSeconds");
            if (retryAfter != null && ctx.res().getHeader("Retry-After") == null) {
                ctx.header("Retry-After", retryAfter);
            }
            error(ctx, e.getStatus(), e.getMessage(), e.getDetails());
        });
        javalin.exception(InvalidStateStoreException.class, (e, ctx) -> {
            ctx.header("Retry-After", "5");
            error(ctx, 503, "statistics are being restored or rebalanced; retry shortly", Map.of());
        });
        javalin.exception(Exception.class, (e, ctx) -> {
            LOG.error("unhandled error on {} {}", ctx.method(), ctx.path(), e);
            error(ctx, 500, "internal error", Map.of());
        });
        javalin.error(404, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty() || !"application/json".equals(ctx.contentType())) {
                error(ctx, 404, "no such endpoint: " + ctx.method() + " " + ctx.path(), Map.of());
            }
        });
    }

    /** Adds a route callable by {@code role} (and admin). */
    public HttpApi route(HandlerType method, String path, ApiRole role, Handler handler) {
        javalin.addHttpHandler(method, path, handler, role);
        return this;
    }

    public HttpApi start(int port) {
        javalin.start("0.0.0.0", port);
        return this;
    }

    public int port() {
        return javalin.port();
    }

    private void authorize(Context ctx) {
        Set<RouteRole> required = ctx.routeRoles();
        if (required.isEmpty()) {
            return;
        }
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7) || header.length() <= 7) {
            ctx.header("WWW-Authenticate", "Bearer");
            throw new HttpResponseException(401, "missing bearer token: send Authorization: Bearer TOKEN");
        }
        ApiRole role = tokens.roleOf(header.substring(7).trim()).orElseThrow(() -> {
            ctx.header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            return new HttpResponseException(401, "invalid bearer token");
        });
        ctx.attribute(ROLE_ATTRIBUTE, role.label());
        if (role != ApiRole.ADMIN && !required.contains(role)) {
            throw new HttpResponseException(403, "role " + role.label() + " may not call " + ctx.method() + " " + ctx.matchedPath(),
                    Map.of("required", required.stream().map(r -> ((ApiRole) r).label()).sorted().toList().toString()));
        }
        long wait = limiter.acquire(role);
        if (wait > 0) {
            ctx.header("Retry-After", String.valueOf(wait));
            throw new HttpResponseException(HttpStatus.TOO_MANY_REQUESTS.getCode(),
                    "rate limit of the " + role.label() + " token reached; retry in " + wait + " s (TABALE_RATE_LIMIT)",
                    Map.of("retryAfterSeconds", String.valueOf(wait)));
        }
        String length = ctx.header("Content-Length");
        if (length != null && length.matches("\\d{1,19}") && Long.parseLong(length) > maxBodyBytes) {
            throw new HttpResponseException(HttpStatus.CONTENT_TOO_LARGE.getCode(),
                    "request body of " + length + " bytes exceeds the limit of " + maxBodyBytes + " bytes (TABALE_MAX_BODY_BYTES)",
                    Map.of("limitBytes", String.valueOf(maxBodyBytes)));
        }
    }

    private static void health(Context ctx, Map<String, String> components) {
        boolean up = components.values().stream().noneMatch(DOWN_STATES::contains);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", up ? "UP" : "DOWN");
        body.put("components", components);
        ctx.status(up ? 200 : 503).json(body);
    }

    private static void error(Context ctx, int status, String message, Map<String, String> details) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", message);
        body.put("detail", details == null ? Map.of() : details);
        ctx.status(status).json(body);
    }

    @Override
    public void close() {
        javalin.stop();
    }
}
