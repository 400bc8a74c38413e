package org.tabale.app.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.security.RouteRole;
import io.micrometer.core.instrument.Counter;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP surface: the v1 API routes the running roles contribute, bearer-token checks per
 * role, {@code /health} and {@code /metrics}, and one error shape for every failure:
 * {@code {"error": "...", "detail": ...}}; the dashboard's static files at {@code /} ({@link Dashboard}).
 *
 * <p>A route with roles answers 401 without a valid token ({@code missing bearer token},
 * {@code malformed Authorization header}, {@code invalid bearer token}, {@code token expired},
 * {@code token revoked}; counted in {@code tabale.http.auth.refused{reason}}) and 403 to a valid token
 * of another role; admin may call everything. Tokens never reach a log, an answer or an exception
 * message: the request log (DEBUG) names the method, path, status, role and token id
 * ({@code integrator#2}) only.
 */
public final class HttpApi implements AutoCloseable {

    /** Request attribute holding the authenticated caller's role label ({@code officer}, {@code admin}, ...). */
    public static final String ROLE_ATTRIBUTE = "tabale.role";
    /** Request attribute holding the authenticated token's id ({@code officer#1}; never the token). */
    public static final String TOKEN_ATTRIBUTE = "tabale.token";
    private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);
    /** Component states that make the process unhealthy (Kafka Streams' terminal and failing states, or DOWN). */
    private static final Set<String> DOWN_STATES = Set.of("DOWN", "ERROR", "PENDING_ERROR", "PENDING_SHUTDOWN", "NOT_RUNNING");

    /** A route of the router: who may call it ({@code roles} empty: anyone, without a token). */
    public record Endpoint(HandlerType method, String path, Set<ApiRole> roles) {
        public Endpoint {
            roles = Set.copyOf(roles);
        }
    }

    /** Why a request got 401, the tag of {@code tabale.http.auth.refused}. */
    private enum Refusal { MISSING, MALFORMED, UNKNOWN, EXPIRED, REVOKED }

    private final Javalin javalin;
    private final Tokens tokens;
    private final Clock clock;
    private final long maxBodyBytes;
    private final RateLimiter limiter;
    private final List<Endpoint> endpoints = new CopyOnWriteArrayList<>();
    private final Map<Refusal, Counter> refused = new EnumMap<>(Refusal.class);

    /** {@code clock} decides whether a token has expired. */
    public HttpApi(Tokens tokens, Clock clock, long maxBodyBytes, RateLimiter limiter, PrometheusMeterRegistry meters,
                   Supplier<Map<String, String>> health) {
        this.tokens = tokens;
        this.clock = clock;
        this.limiter = limiter;
        this.maxBodyBytes = maxBodyBytes;
        for (Refusal refusal : Refusal.values()) {
            refused.put(refusal, Counter.builder("tabale.http.auth.refused").tag("reason", refusal.name().toLowerCase(Locale.ROOT))
                    .description("API requests answered 401, by reason").register(meters));
        }
        this.javalin = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.http.maxRequestSize = maxBodyBytes;
            config.jsonMapper(new io.javalin.json.JavalinJackson(org.tabale.model.JsonSerde.MAPPER, false));
            config.events.handlerAdded(handler -> {
                if (handler.getHttpMethod().isHttpMethod()) {
                    endpoints.add(new Endpoint(handler.getHttpMethod(), handler.getPath(),
                            handler.getRoles().stream().map(ApiRole.class::cast).collect(Collectors.toSet())));
                }
            });
            // Never the headers, the query, the body nor the path as sent: the Authorization header holds a
            // token, and a path segment can be anything a caller typed (a report id, a name): the route's
            // template only ("/api/v1/reports/{id}/verification"), or "unmatched".
            config.requestLogger.http((ctx, ms) -> LOG.debug("{} {} {} in {} ms, role {}, token {}", ctx.method(), route(ctx),
                    ctx.statusCode(), Math.round(ms), ctx.<String>attribute(ROLE_ATTRIBUTE), ctx.<String>attribute(TOKEN_ATTRIBUTE)));
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
        Tokens.Check check = authenticate(ctx);
        ApiRole role = check.role();
        ctx.attribute(ROLE_ATTRIBUTE, role.label());
        ctx.attribute(TOKEN_ATTRIBUTE, check.id());
        if (role != ApiRole.ADMIN && !required.contains(role)) {
            throw new HttpResponseException(403, "role " + role.label() + " may not call " + ctx.method() + " " + ctx.matchedPath(),
                    Map.of("required", required.stream().map(r -> ((ApiRole) r).label()).sorted().toList().toString()));
        }
        long wait = limiter.acquire(check.id());
        if (wait > 0) {
            ctx.header("Retry-After", String.valueOf(wait));
            throw new HttpResponseException(HttpStatus.TOO_MANY_REQUESTS.getCode(),
                    "rate limit of token " + check.id() + " reached; retry in " + wait + " s (TABALE_RATE_LIMIT)",
                    Map.of("retryAfterSeconds", String.valueOf(wait)));
        }
        String length = ctx.header("Content-Length");
        if (length != null && length.matches("\\d{1,19}") && Long.parseLong(length) > maxBodyBytes) {
            throw new HttpResponseException(HttpStatus.CONTENT_TOO_LARGE.getCode(),
                    "request body of " + length + " bytes exceeds the limit of " + maxBodyBytes + " bytes (TABALE_MAX_BODY_BYTES)",
                    Map.of("limitBytes", String.valueOf(maxBodyBytes)));
        }
    }

    /**
     * The valid token of the request, or 401 with a challenge. Neither the answer nor an exception
     * carries the presented header or token: the reason only.
     */
    private Tokens.Check authenticate(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || header.isBlank()) {
            throw unauthorized(ctx, Refusal.MISSING, "missing bearer token: send Authorization: Bearer TOKEN", Map.of());
        }
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7) || header.substring(7).isBlank()) {
            throw unauthorized(ctx, Refusal.MALFORMED, "malformed Authorization header: send Authorization: Bearer TOKEN", Map.of());
        }
        Tokens.Check check = tokens.check(header.substring(7).trim(), clock.instant());
        return switch (check.status()) {
            case VALID -> check;
            case UNKNOWN -> throw unauthorized(ctx, Refusal.UNKNOWN, "invalid bearer token", Map.of());
            case EXPIRED -> throw unauthorized(ctx, Refusal.EXPIRED, "token expired",
                    Map.of("expiredAt", check.expiresAt().toString()));
            case REVOKED -> throw unauthorized(ctx, Refusal.REVOKED, "token revoked", Map.of());
        };
    }

    private HttpResponseException unauthorized(Context ctx, Refusal refusal, String message, Map<String, String> details) {
        refused.get(refusal).increment();
        ctx.header("WWW-Authenticate", refusal == Refusal.MISSING ? "Bearer"
                : "Bearer error=\"invalid_token\", error_description=\"" + message + "\"");
        return new HttpResponseException(401, message, details);
    }

    /** The endpoints of the router, in the order they were added: method, path and the roles allowed (none: public). */
    public List<Endpoint> endpoints() {
        return List.copyOf(endpoints);
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

    /** The matched route's template, never the path as sent. */
    private static String route(io.javalin.http.Context ctx) {
        try {
            String template = ctx.endpointHandlerPath();
            return template == null || template.isEmpty() || template.equals("*") ? "(unmatched)" : template;
        } catch (RuntimeException e) {
            return "(unmatched)";
        }
    }
}
