package org.tabale.model;

import java.time.Instant;
import java.util.Objects;

/**
 * Value of {@code tabale.report-verifications.v1} (key {@link #reportId()}): an officer's decision
 * on a community report. The topic is compacted, so it holds the latest decision per report.
 *
 * @param role the API role that decided ({@code officer} or {@code admin}), never a person
 * @param note free text, redacted like report descriptions; null when none
 */
public record ReportVerification(String reportId, VerificationState state, String role, Instant at, String note) {

    /** The longest note accepted. */
    public static final int MAX_NOTE = 2000;

    public ReportVerification {
        if (reportId == null || !CommunityReport.ID.matcher(reportId).matches()) {
            throw new IllegalArgumentException("report id must be rpt- and 32 hex digits");
        }
        Objects.requireNonNull(state, "state");
        if (role == null || role.isBlank()) {
            throw new IllegalArgumentException("role is required");
        }
        Objects.requireNonNull(at, "at");
        if (note != null && note.length() > MAX_NOTE) {
            throw new IllegalArgumentException("note is longer than " + MAX_NOTE + " characters");
        }
    }
}
