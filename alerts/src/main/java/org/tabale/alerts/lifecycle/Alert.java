package org.tabale.alerts.lifecycle;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.tabale.alerts.rules.Severity;
import org.tabale.model.Metric;

/**
 * An alert episode of one rule in one region, in the shape of DESIGN.md's {@code /api/v1/alerts}.
 * {@code date} is the end of the window that crossed the threshold; {@code id} is stable for the
 * episode, so receivers can use it to drop duplicates. {@code baseline} is the usual value of the
 * metric over the same window length (null where no baseline is known); {@code basis} says what
 * the figures come from, which CAP carries as certainty.
 */
public record Alert(String id, String rule, Metric metric, int window, RegionRef region, LocalDate date,
                    State state, Severity severity, long value, long threshold, List<String> evidence,
                    Instant raisedAt, Double baseline, Basis basis, Episode episode) {

    public Alert {
        evidence = List.copyOf(evidence);
        basis = basis == null ? Basis.EVENT_DATA : basis;
    }

    /** An alert without lifecycle details (formats, tests). */
    public Alert(String id, String rule, Metric metric, int window, RegionRef region, LocalDate date,
                 State state, Severity severity, long value, long threshold, List<String> evidence,
                 Instant raisedAt, Double baseline, Basis basis) {
        this(id, rule, metric, window, region, date, state, severity, value, threshold, evidence, raisedAt, baseline,
                basis, null);
    }

    /** An alert on event data with no baseline known. */
    public Alert(String id, String rule, Metric metric, int window, RegionRef region, LocalDate date,
                 State state, Severity severity, long value, long threshold, List<String> evidence,
                 Instant raisedAt) {
        this(id, rule, metric, window, region, date, state, severity, value, threshold, evidence, raisedAt, null,
                Basis.EVENT_DATA);
    }

    /**
     * What an alert's figures come from: vetted event data (ACLED, UCDP), or community reports,
     * verified or not. Written in lower case in JSON.
     */
    public enum Basis {
        EVENT_DATA, VERIFIED_REPORTS, UNVERIFIED_REPORTS;

        @JsonValue
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        @JsonCreator
        static Basis parse(String label) {
            return valueOf(label.trim().toUpperCase(Locale.ROOT));
        }
    }

    /** Where the alert is. */
    public record RegionRef(String id, String country, String admin1) {
    }

    /**
     * Lifecycle states (Alertmanager's, plus acknowledgement): {@code pending} until the condition
     * held on enough successive dates, {@code firing}, {@code acknowledged} by an officer,
     * {@code silenced} while a silence matches it, {@code resolved} once below the trigger by the
     * hysteresis margin for long enough (or by an officer).
     */
    public enum State {
        pending, firing, acknowledged, silenced, resolved;

        /** Whether the episode is still open. */
        public boolean open() {
            return this != resolved;
        }
    }

    /**
     * The lifecycle of an episode, dates being window ends (data time) and instants wall-clock time.
     *
     * @param startsAt       the first window end at which the condition held
     * @param lastHeld       the latest window end at which it held
     * @param lastSeen       the latest window end observed, and whether it held then: {@code lastHolds}
     * @param belowSince     the window end from which the value stayed below the resolve level; null when not below
     * @param endsAt         the window end at which the episode resolved; null while open
     * @param status         the state under a silence (what {@code state} returns to when the silence ends)
     * @param silence        the id of the silence muting it, or null
     * @param pushed         whether messages are sent for it (false for windows that ended too long ago)
     * @param tier           the highest responder tier told so far (1 first; escalation raises it)
     * @param sent           when each message of the episode was sent, in order (message n is {@code id.n})
     * @param notifiedValue  the value and severity the last message told: an update needs more
     * @param notifiedSeverity see {@code notifiedValue}
     * @param escalatedAt    when the episode was last escalated (or fired)
     * @param actions        who did what, oldest first: the audit trail of this alert
     */
    public record Episode(LocalDate startsAt, LocalDate lastHeld, LocalDate lastSeen, boolean lastHolds,
                          LocalDate belowSince, LocalDate endsAt, State status, String silence, boolean pushed, int tier,
                          List<Instant> sent, long notifiedValue, Severity notifiedSeverity, Instant escalatedAt,
                          Instant firedAt, Instant acknowledgedAt, String acknowledgedBy, Instant resolvedAt,
                          List<Action> actions) {

        public Episode {
            sent = sent == null ? List.of() : List.copyOf(sent);
            actions = actions == null ? List.of() : List.copyOf(actions);
        }
    }

    /** One entry of an alert's audit trail: an officer's act or the system's. */
    public record Action(Instant at, String actor, String what, String comment) {
    }
}
