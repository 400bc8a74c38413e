package org.tabale.ingest.publish;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

/**
 * The answer to a submission of community reports: how many rows became new or revised reports,
 * repeated a report already stored, or were refused and why; and where each stored report went,
 * with coordinates rounded to 0.1° (about 11 km): precise positions are kept on the restricted
 * topic only.
 */
public record ReportIngestResult(long accepted, long duplicates, long rejected, List<RowError> errors,
                                 List<StoredReport> reports) {

    public ReportIngestResult {
        errors = List.copyOf(errors);
        reports = List.copyOf(reports);
    }

    /** One refused row: its 1-based position, its id at the source (redacted) if any, and why. */
    public record RowError(long row, String externalId, String reason) {
    }

    /**
     * One row that is a stored report: {@code status} is {@code accepted} (new or revised) or
     * {@code duplicate} (already stored as sent).
     */
    public record StoredReport(long row, String id, String externalId, String status, String regionId, LocalDate date,
                               Double latitude, Double longitude) {
    }

    /** A coordinate as served: rounded to one decimal (0.1°), halves away from zero, or null. */
    public static Double served(Double degrees) {
        return degrees == null ? null : BigDecimal.valueOf(degrees).setScale(1, RoundingMode.HALF_UP).doubleValue();
    }
}
