package org.tabale.ingest.parse;

import org.tabale.model.CommunityReport;

/** What became of one submitted report: a canonical report, or a refusal with its reason. */
public sealed interface ReportOutcome {

    ReportRow row();

    record Accepted(ReportRow row, CommunityReport report) implements ReportOutcome {
    }

    record Refused(ReportRow row, String reason) implements ReportOutcome {
    }
}
