package org.tabale.alerts.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.NotFoundResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.UUID;
import java.util.function.Function;
import org.tabale.alerts.AlertsApp;
import org.tabale.alerts.cap.AtomFeed;
import org.tabale.alerts.cap.CapWriter;
import org.tabale.alerts.lifecycle.Alert;
import org.tabale.alerts.lifecycle.Silence;
import org.tabale.alerts.message.Language;
import org.tabale.alerts.notify.Delivery;
import org.tabale.model.JsonSerde;

/**
 * The officer API of DESIGN.md: alerts with their evidence and lifecycle, acknowledgement,
 * resolution, silences, CAP 1.2 and the Atom feed, and how notifications were delivered. Every act
 * records who did it ({@code by} in the body, else the caller's role) in the alert's audit trail.
 */
public final class AlertsApi {

    public static final String ALERTS = "/api/v1/alerts";
    public static final String FEED = "/api/v1/alerts/feed";
    public static final String ALERT = "/api/v1/alerts/{id}";
    public static final String CAP = "/api/v1/alerts/{id}/cap";
    public static final String ACK = "/api/v1/alerts/{id}/ack";
    public static final String RESOLVE = "/api/v1/alerts/{id}/resolve";
    public static final String SILENCES = "/api/v1/silences";
    public static final String SILENCE = "/api/v1/silences/{id}";
    public static final String NOTIFICATIONS = "/api/v1/notifications";

    private final AlertsApp alerts;
    private final Function<Context, String> role;
    private final Clock clock;

    /**
     * @param role the caller's role, as the HTTP layer authenticated it (written in the audit trail
     *             when the body names nobody)
     */
    public AlertsApi(AlertsApp alerts, Function<Context, String> role, Clock clock) {
        this.alerts = alerts;
        this.role = role;
        this.clock = clock;
    }

    /** {@code GET /api/v1/alerts?state=…&region=…}: newest first; {@code region} takes an id or a country code. */
    public Handler list() {
        return ctx -> {
            String state = ctx.queryParam("state");
            if (state != null && Arrays.stream(Alert.State.values()).noneMatch(s -> s.name().equals(state))) {
                throw new BadRequestResponse("state must be one of " + Arrays.toString(Alert.State.values()) + ", was '"
                        + state + "'", Map.of("parameter", "state"));
            }
            String region = ctx.queryParam("region");
            List<Alert> selected = alerts.history().stream()
                    .filter(a -> state == null || a.state().name().equals(state))
                    .filter(a -> region == null || a.region().id().equalsIgnoreCase(region)
                            || a.region().id().toUpperCase(Locale.ROOT).startsWith(region.toUpperCase(Locale.ROOT) + "."))
                    .sorted(Comparator.comparing(Alert::raisedAt).reversed())
                    .toList();
            ctx.json(Map.of("alerts", selected));
        };
    }

    /** {@code GET /api/v1/alerts/{id}}: the alert and the delivery of each of its messages. */
    public Handler one() {
        return ctx -> {
            Alert alert = find(ctx);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("alert", alert);
            body.put("deliveries", alerts.deliveries(alert.id()).stream().map(AlertsApi::summary).toList());
            ctx.json(body);
        };
    }

    /** {@code GET /api/v1/alerts/{id}/cap}: CAP 1.2 XML of the alert's latest message. */
    public Handler cap() {
        return ctx -> ctx.contentType(CapWriter.MEDIA_TYPE + "; charset=utf-8").result(alerts.cap(find(ctx)));
    }

    /** {@code GET /api/v1/alerts/feed?lang=fr|en}: Atom feed of CAP alerts. */
    public Handler feed() {
        return ctx -> {
            String lang = ctx.queryParamAsClass("lang", String.class).getOrDefault("en");
            Language language;
            try {
                language = Language.parse(lang);
            } catch (IllegalArgumentException e) {
                throw new BadRequestResponse("lang must be fr or en, was '" + lang + "'", Map.of("parameter", "lang"));
            }
            ctx.contentType(AtomFeed.MEDIA_TYPE + "; charset=utf-8").result(alerts.feed(language));
        };
    }

    /** {@code POST /api/v1/alerts/{id}/ack} with an optional {@code {"by": …, "comment": …}}. */
    public Handler acknowledge() {
        return ctx -> {
            Alert alert = find(ctx);
            JsonNode body = body(ctx);
            ctx.json(act(() -> alerts.acknowledge(alert.id(), actor(ctx, body), text(body, "comment"))));
        };
    }

    /** {@code POST /api/v1/alerts/{id}/resolve} with an optional {@code {"by": …, "comment": …}}. */
    public Handler resolve() {
        return ctx -> {
            Alert alert = find(ctx);
            JsonNode body = body(ctx);
            ctx.json(act(() -> alerts.resolve(alert.id(), actor(ctx, body), text(body, "comment"))));
        };
    }

    /** {@code GET /api/v1/silences}. */
    public Handler silences() {
        return ctx -> ctx.json(Map.of("silences", alerts.silences()));
    }

    /**
     * {@code POST /api/v1/silences}: {@code {"region": "MLI.Mopti", "rule": …, "metric": …, "startsAt": …,
     * "endsAt": …, "hours": …, "createdBy": …, "comment": …}}: {@code endsAt} or {@code hours} is required;
     * {@code startsAt} defaults to now; a comment (why) is required.
     */
    public Handler createSilence() {
        return ctx -> {
            JsonNode body = body(ctx);
            Instant now = clock.instant();
            Instant starts = instant(body, "startsAt", now);
            Instant ends;
            if (body.hasNonNull("hours")) {
                if (!body.get("hours").canConvertToLong() || body.get("hours").asLong() < 1) {
                    throw new BadRequestResponse("hours must be a whole number >= 1", Map.of("parameter", "hours"));
                }
                ends = starts.plus(Duration.ofHours(body.get("hours").asLong()));
            } else {
                ends = instant(body, "endsAt", null);
                if (ends == null) {
                    throw new BadRequestResponse("endsAt (ISO-8601 instant) or hours is required", Map.of("parameter", "endsAt"));
                }
            }
            String createdBy = body.hasNonNull("createdBy") ? body.get("createdBy").asText() : role.apply(ctx);
            Silence silence;
            try {
                silence = new Silence(UUID.randomUUID().toString(), text(body, "region"), text(body, "rule"), text(body, "metric"),
                        starts, ends, createdBy, text(body, "comment"), false);
            } catch (IllegalArgumentException e) {
                throw new BadRequestResponse(e.getMessage());
            }
            ctx.status(201).json(alerts.silence(silence));
        };
    }

    /** {@code DELETE /api/v1/silences/{id}}: ends a silence now. */
    public Handler expireSilence() {
        return ctx -> {
            String id = ctx.pathParam("id");
            try {
                ctx.json(alerts.expire(id, role.apply(ctx)));
            } catch (NoSuchElementException e) {
                throw new NotFoundResponse("no silence " + id);
            }
        };
    }

    /** {@code GET /api/v1/notifications?status=pending|delivered|failed}: deliveries, failed ones by default. */
    public Handler notifications() {
        return ctx -> {
            String status = ctx.queryParamAsClass("status", String.class).getOrDefault("failed");
            Delivery.Status wanted = Arrays.stream(Delivery.Status.values()).filter(s -> s.name().equals(status)).findFirst()
                    .orElseThrow(() -> new BadRequestResponse("status must be pending, delivered or failed, was '" + status + "'",
                            Map.of("parameter", "status")));
            ctx.json(Map.of("notifications", alerts.deliveries(wanted).stream().map(AlertsApi::summary).toList()));
        };
    }

    private static Map<String, Object> summary(Delivery d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", d.id());
        m.put("alert", d.notice() == null ? null : d.notice().alert().id());
        m.put("kind", d.notice() == null ? null : d.notice().kind());
        m.put("responder", d.responder());
        m.put("channel", d.channel());
        m.put("status", d.status());
        m.put("attempts", d.attempts());
        m.put("lastError", d.lastError());
        m.put("nextAttempt", d.nextAttempt());
        m.put("finishedAt", d.finishedAt());
        return m;
    }

    private Alert find(Context ctx) {
        String id = ctx.pathParam("id");
        return alerts.alert(id).orElseThrow(() -> new NotFoundResponse("no alert " + id));
    }

    private static Alert act(java.util.function.Supplier<Alert> act) {
        try {
            return act.get();
        } catch (IllegalStateException e) {
            throw new io.javalin.http.ConflictResponse(e.getMessage());
        }
    }

    private String actor(Context ctx, JsonNode body) {
        String by = text(body, "by");
        return by == null ? role.apply(ctx) : role.apply(ctx) + ": " + by;
    }

    private static JsonNode body(Context ctx) {
        String text = ctx.body();
        if (text.isBlank()) {
            return JsonSerde.MAPPER.createObjectNode();
        }
        try {
            JsonNode node = JsonSerde.MAPPER.readTree(text);
            if (!node.isObject()) {
                throw new BadRequestResponse("the body must be a JSON object");
            }
            return node;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new BadRequestResponse("the body is not JSON: " + e.getOriginalMessage());
        }
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new BadRequestResponse(field + " must be a string", Map.of("parameter", field));
        }
        String text = value.asText().strip();
        if (text.length() > 2000) {
            throw new BadRequestResponse(field + " is longer than 2000 characters", Map.of("parameter", field));
        }
        return text.isEmpty() ? null : text;
    }

    private static Instant instant(JsonNode body, String field, Instant fallback) {
        String text = text(body, field);
        if (text == null) {
            return fallback;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new BadRequestResponse(field + " must be an ISO-8601 instant like 2026-11-23T08:00:00Z, was '" + text + "'",
                    Map.of("parameter", field));
        }
    }
}
