package org.tabale.ingest.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.BadRequestResponse;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;
import org.tabale.ingest.protect.Redactor;
import org.tabale.ingest.publish.EventPublisher;
import org.tabale.ingest.publish.KnownReports;
import org.tabale.ingest.publish.ReportSink;
import org.tabale.model.CommunityReport;
import org.tabale.model.JsonSerde;
import org.tabale.model.ReportVerification;
import org.tabale.model.VerificationState;

/**
 * {@code POST /api/v1/reports/{id}/verification} with {@code {"state": "verified"|"rejected"|
 * "unverified", "note": "..."}}: an officer's decision, published to
 * {@code tabale.report-verifications.v1} (key report id) with the caller's role and the time.
 * 404 for a report this ingest does not know (its index follows {@code tabale.reports.v1}; 503
 * while it is still reading it at start), 400 naming a bad state or note. The note is redacted
 * like report text: an officer may well write down the number they called.
 */
public final class VerificationHandler implements Handler {

    public static final String PATH = "/api/v1/reports/{id}/verification";

    private final KnownReports known;
    private final ReportSink sink;
    private final Clock clock;
    private final Function<Context, String> callerRole;
    private final Map<VerificationState, Counter> decisions = new EnumMap<>(VerificationState.class);

    /**
     * @param callerRole the API role of the authenticated caller ({@code officer}, {@code admin})
     */
    public VerificationHandler(KnownReports known, ReportSink sink, Clock clock, Function<Context, String> callerRole,
                               MeterRegistry meters) {
        this.known = known;
        this.sink = sink;
        this.clock = clock;
        this.callerRole = callerRole;
        for (VerificationState state : VerificationState.values()) {
            decisions.put(state, Counter.builder("tabale.reports.verifications").tag("state", state.label())
                    .description("Officers' verification decisions on community reports").register(meters));
        }
    }

    @Override
    public void handle(Context ctx) {
        String id = ctx.pathParam("id");
        if (!known.ready()) {
            ctx.header("Retry-After", "5");
            throw new HttpResponseException(HttpStatus.SERVICE_UNAVAILABLE.getCode(),
                    "the report index is still being read; retry shortly");
        }
        // A malformed id is not echoed: a path segment may hold anything.
        if (!CommunityReport.ID.matcher(id).matches() || !known.contains(id)) {
            throw new NotFoundResponse(CommunityReport.ID.matcher(id).matches() ? "no report with id " + id
                    : "no such report: ids are rpt- and 32 hex digits");
        }
        JsonNode body = body(ctx);
        JsonNode stateNode = body.path("state");
        String stateText = stateNode.isTextual() ? stateNode.asText() : null;
        // An unknown state is not quoted back: redaction cannot catch a name typed in the wrong field.
        VerificationState state = VerificationState.fromLabel(stateText).orElseThrow(() -> new BadRequestResponse(
                (stateText == null ? "state is missing" : "state is unknown") + ": it must be one of "
                        + VerificationState.labels(), Map.of("parameter", "state")));
        JsonNode noteNode = body.path("note");
        if (!noteNode.isMissingNode() && !noteNode.isNull() && !noteNode.isTextual()) {
            throw new BadRequestResponse("note must be a string", Map.of("parameter", "note"));
        }
        String note = noteNode.isTextual() && !noteNode.asText().isBlank() ? noteNode.asText().strip() : null;
        if (note != null && note.length() > ReportVerification.MAX_NOTE) {
            throw new BadRequestResponse("note is longer than " + ReportVerification.MAX_NOTE + " characters",
                    Map.of("parameter", "note"));
        }
        String role = callerRole.apply(ctx);
        ReportVerification decision = new ReportVerification(id, state, role == null ? "unknown" : role,
                clock.instant(), Redactor.redact(note));
        try {
            sink.publish(decision);
        } catch (EventPublisher.PublishException e) {
            throw new HttpResponseException(HttpStatus.SERVICE_UNAVAILABLE.getCode(),
                    "decision not stored, send again: " + e.getMessage());
        }
        decisions.get(state).increment();
        ctx.json(decision);
    }

    private static JsonNode body(Context ctx) {
        try {
            JsonNode body = JsonSerde.MAPPER.readTree(ctx.body());
            if (body != null && body.isObject()) {
                return body;
            }
        } catch (JsonProcessingException notJson) {
            // answered below, without quoting the body
        }
        throw new BadRequestResponse("body must be a JSON object: {\"state\": \"verified\", \"note\": \"...\"}");
    }
}
