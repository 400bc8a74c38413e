package org.tabale.ingest.parse;

import java.util.Objects;
import org.tabale.ingest.protect.Redactor;

/**
 * What a submission of community reports says about all its rows: the source label (part of
 * every report id, so that two sources may use the same external ids), the input format, and
 * the country for rows that name none ({@code ?country=}, an ISO3 code or a name; may be null).
 */
public record ReportSubmission(String source, String feed, String defaultCountry) {

    /** Tabalé's own JSON shape. */
    public static final String FEED_JSON = "report";
    /** A Ushahidi v2 CSV export. */
    public static final String FEED_USHAHIDI = "ushahidi";

    public ReportSubmission {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(feed, "feed");
        // Redacted like row fields: refusal reasons may quote it.
        defaultCountry = defaultCountry == null || defaultCountry.isBlank() ? null : Redactor.redact(defaultCountry.trim());
    }
}
