package org.tabale.alerts.lifecycle;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.tabale.alerts.rules.Severity;
import org.tabale.model.Metric;

/**
 * An alert episode of one rule in one region, in the shape of DESIGN.md's {@code /api/v1/alerts}.
 * {@code date} is the end of the window that crossed the threshold; {@code id} is stable for the
 * episode, so receivers can use it to drop duplicates.
 */
public record Alert(String id, String rule, Metric metric, int window, RegionRef region, LocalDate date,
                    State state, Severity severity, long value, long threshold, List<String> evidence,
                    Instant raisedAt) {

    public Alert {
        evidence = List.copyOf(evidence);
    }

    /** Where the alert is. */
    public record RegionRef(String id, String country, String admin1) {
    }

    /** Lifecycle states (the thin slice raises firing alerts; the full lifecycle comes with the alert service issue). */
    public enum State {
        firing
    }
}
