package org.tabale.streams.topology;

import java.time.Instant;
import java.time.LocalDate;
import org.tabale.model.CommunityReport;
import org.tabale.model.ConflictEvent;
import org.tabale.model.EventType;
import org.tabale.model.ReportVerification;
import org.tabale.model.VerificationState;

/** Test events with only the fields the statistics read. */
public final class Events {

    private Events() {
    }

    public static ConflictEvent event(String id, String regionId, LocalDate day, EventType type, Boolean civilians,
                                      int fatalities, long timestamp) {
        String admin1 = regionId.substring(4);
        return new ConflictEvent(id, day, 1, null, type, null, "Actor", null, null, null, null, null, null, civilians,
                466, "Western Africa", "Mali", admin1, null, null, null, null, null, 1, null, null, null, fatalities, null,
                timestamp, regionId, "acled");
    }

    public static ConflictEvent attack(String id, String regionId, LocalDate day, int fatalities, long timestamp) {
        return event(id, regionId, day, EventType.VIOLENCE_AGAINST_CIVILIANS, true, fatalities, timestamp);
    }

    /** An unverified community report with only the fields the statistics read. */
    public static CommunityReport report(String id, String regionId, LocalDate day) {
        return new CommunityReport(id, "report", "report", null, day, regionId, "MLI", "Mali", regionId.substring(4), null,
                null, null, null, null, "Attack", null, 2, null, true, VerificationState.UNVERIFIED, null, null,
                Instant.parse("2020-01-01T00:00:00Z"));
    }

    /** An officer's decision, taken {@code second} seconds into 2020. */
    public static ReportVerification verification(String reportId, VerificationState state, int second) {
        return new ReportVerification(reportId, state, "officer", Instant.parse("2020-01-01T00:00:00Z").plusSeconds(second), null);
    }
}
