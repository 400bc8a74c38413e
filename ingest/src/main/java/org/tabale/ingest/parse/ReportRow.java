package org.tabale.ingest.parse;

import java.util.Map;

/**
 * One submitted report after the edge ({@link ReportEdge}), before validation: it no longer holds
 * the reporter's identity. Fields are named as in the JSON input ({@code date}, {@code country},
 * {@code admin1}, ...), with free text redacted; {@code reporter} is the pseudonym or null.
 *
 * @param row         1-based position within the submission (header excluded)
 * @param reportId    the id the report gets: keyed hash of source and external id, or random
 * @param idFromSource whether {@code reportId} derives from an id the source gave
 * @param unreadable  why the row cannot be read at all (not an object, a field of the wrong
 *                    shape), or null
 * @param original    the protected rendering of the row for the dead-letter topic: its fields as
 *                    read, redacted, with the pseudonym in place of the reporter
 */
public record ReportRow(long row, String reportId, boolean idFromSource, Map<String, String> fields, String reporter,
                        String unreadable, String original) {

    public ReportRow {
        fields = Map.copyOf(fields);
    }

    /** The trimmed value of a field, or null when absent or blank. */
    public String get(String field) {
        String value = fields.get(field);
        return value == null || value.isBlank() ? null : value.strip();
    }
}
