package org.tabale.streams.topology;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.LocalDate;
import org.tabale.model.CommunityReport;
import org.tabale.model.ConflictEvent;
import org.tabale.model.EventDeletion;
import org.tabale.model.ReportVerification;
import org.tabale.model.Totals;
import org.tabale.model.VerificationState;

/**
 * Value of the {@code events-latest} store: what stands for one id. For an event id, the newest
 * version: the event itself or its deletion (exactly one of the two). For a community report id
 * ({@code rpt-…}), the latest version of the report and the latest officer decision on it, either
 * of which may come first.
 */
public record Standing(ConflictEvent event, EventDeletion deletion, CommunityReport report,
                       ReportVerification verification) {

    public Standing {
        int eventSide = (event == null ? 0 : 1) + (deletion == null ? 0 : 1);
        boolean reportSide = report != null || verification != null;
        if (reportSide ? eventSide != 0 : eventSide != 1) {
            throw new IllegalArgumentException("a standing version is an event, a deletion, or a report and its verification");
        }
    }

    public static Standing of(ConflictEvent event) {
        return new Standing(event, null, null, null);
    }

    public static Standing of(EventDeletion deletion) {
        return new Standing(null, deletion, null, null);
    }

    public static Standing of(CommunityReport report) {
        return new Standing(null, null, report, null);
    }

    public static Standing of(ReportVerification verification) {
        return new Standing(null, null, null, verification);
    }

    /**
     * What stands after {@code incoming} arrives. Events: the newer ACLED timestamp; on a tie, a
     * deletion beats an event (ACLED deletes after the last change), and otherwise the version stored
     * first stays, so that re-sends change nothing. Reports: the version received last and the
     * decision taken last.
     */
    public static Standing newer(Standing stored, Standing incoming) {
        if (stored.isReport() || incoming.isReport()) {
            return new Standing(null, null, later(stored.report, incoming.report), later(stored.verification, incoming.verification));
        }
        if (incoming.timestamp() != stored.timestamp()) {
            return incoming.timestamp() > stored.timestamp() ? incoming : stored;
        }
        return incoming.deletion != null && stored.event != null ? incoming : stored;
    }

    private static CommunityReport later(CommunityReport stored, CommunityReport incoming) {
        if (stored == null || incoming == null) {
            return stored == null ? incoming : stored;
        }
        return incoming.receivedAt().isBefore(stored.receivedAt()) ? stored : incoming;
    }

    private static ReportVerification later(ReportVerification stored, ReportVerification incoming) {
        if (stored == null || incoming == null) {
            return stored == null ? incoming : stored;
        }
        return incoming.at().isBefore(stored.at()) ? stored : incoming;
    }

    @JsonIgnore
    boolean isReport() {
        return report != null || verification != null;
    }

    /** ACLED's time of an event version: the event's {@code timestamp} or the {@code deleted_timestamp}. */
    @JsonIgnore
    long timestamp() {
        return event != null ? event.timestamp() : deletion.deletedTimestamp();
    }

    /** Whether this counts in the figures: a live event, or a report that is known and not rejected. */
    @JsonIgnore
    public boolean live() {
        return event != null || report != null && state() != VerificationState.REJECTED;
    }

    /** A report's state: the latest officer decision, else what its source said. */
    @JsonIgnore
    VerificationState state() {
        return verification != null ? verification.state() : report.verification();
    }

    /** What a live version adds to its region and day. */
    @JsonIgnore
    public Contribution contribution() {
        if (event != null) {
            return new Contribution(event.eventId(), event.regionId(), event.country(), event.admin1(), event.eventDate(),
                    Totals.of(event));
        }
        return new Contribution(report.id(), report.regionId(), report.country(), report.admin1(), report.date(),
                Totals.ofReport(state() == VerificationState.VERIFIED));
    }

    /** The figures one live event or report ({@code id}) adds to one region and day. */
    public record Contribution(String id, String regionId, String country, String admin1, LocalDate day, Totals totals) {

        /** Whether an event contributes (it counts one event), not a community report. */
        public boolean ofEvent() {
            return totals.events() > 0;
        }
    }
}
