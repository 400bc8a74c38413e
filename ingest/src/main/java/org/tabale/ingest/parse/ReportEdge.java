package org.tabale.ingest.parse;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.tabale.ingest.protect.Identity;
import org.tabale.ingest.protect.Pseudonymiser;
import org.tabale.ingest.protect.Redactor;
import org.tabale.model.Gazetteer;
import org.tabale.model.JsonSerde;

/**
 * The edge of DESIGN.md's informant protection: the readers hand it each row as soon as they have
 * read it, with the reporter's identity apart, and get back a {@link ReportRow} in which the
 * identity is a pseudonym and every field is redacted. Nothing after this point (validation,
 * answers, dead letters, topics, logs) ever sees a name, a number or an account.
 */
public final class ReportEdge {

    /** Fields of free text, from which each part of the reporter's name is removed too. */
    private static final Set<String> FREE_TEXT = Set.of("id", "title", "description", "location", "category");

    private final Pseudonymiser pseudonymiser;
    private final Gazetteer gazetteer;
    private final ReportSubmission submission;

    public ReportEdge(Pseudonymiser pseudonymiser, Gazetteer gazetteer, ReportSubmission submission) {
        this.pseudonymiser = pseudonymiser;
        this.gazetteer = gazetteer;
        this.submission = submission;
    }

    /**
     * Protects one row.
     *
     * @param raw        the row's fields as read, by input field name; values may hold anything
     * @param identity   the reporter as submitted
     * @param unreadable why the row cannot be read, or null
     */
    public ReportRow protect(long row, Map<String, String> raw, Identity identity, String unreadable) {
        String externalId = raw.get("id") == null || raw.get("id").isBlank() ? null : raw.get("id").strip();
        String reportId = externalId == null ? Pseudonymiser.randomReportId()
                : pseudonymiser.reportId(submission.source(), externalId);
        String reporter = pseudonymiser.pseudonym(identity, iso3Hint(raw.get("country"), raw.get("location")))
                .orElse(null);
        Map<String, String> fields = new LinkedHashMap<>();
        raw.forEach((name, value) -> {
            if (value != null) {
                fields.put(name, FREE_TEXT.contains(name) ? Redactor.redact(value, identity)
                        : Redactor.redactValue(value, identity));
            }
        });
        Map<String, Object> original = new LinkedHashMap<>(fields);
        if (reporter != null) {
            original.put("reporter", reporter);
        }
        return new ReportRow(row, reportId, externalId != null, fields, reporter,
                unreadable == null ? null : Redactor.redact(unreadable, identity), render(original));
    }

    /**
     * The report's country as ISO3 where it can be told (as {@link ReportMapper} tells it), for
     * phone numbers written without their code.
     */
    private String iso3Hint(String country, String location) {
        String given = country == null || country.isBlank() ? submission.defaultCountry() : country;
        if (given == null) {
            if (location == null || location.isBlank()) {
                return null;
            }
            String[] parts = location.split(",");
            // "," splits into nothing
            return parts.length == 0 ? null
                    : gazetteer.country(parts[parts.length - 1].strip()).map(Gazetteer.Country::iso3).orElse(null);
        }
        return gazetteer.country(given).map(Gazetteer.Country::iso3)
                .orElse(given.strip().length() == 3 ? given.strip().toUpperCase(Locale.ROOT) : null);
    }

    private static String render(Map<String, Object> fields) {
        try {
            return JsonSerde.MAPPER.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render a map of strings as JSON", e);
        }
    }
}
