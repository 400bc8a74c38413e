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
                    Instant raisedAt, Double baseline, Basis basis) {

    public Alert {
        evidence = List.copyOf(evidence);
        basis = basis == null ? Basis.EVENT_DATA : basis;
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

    /** Lifecycle states (the thin slice raises firing alerts; the full lifecycle comes with the alert service issue). */
    public enum State {
        firing
    }
}
