package org.tabale.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Value of {@code tabale.reports.v1} (key {@link #id()}): one community report in canonical form,
 * whatever it came in as (Tabalé JSON, a Ushahidi export).
 *
 * <p>Restricted: coordinates keep full precision. The reporter is only ever a keyed pseudonym
 * ({@code inf-} and 32 hex digits): the constructor refuses anything else, so a name, a phone
 * number or an account cannot be stored in that field by mistake. Free text ({@code title},
 * {@code description}, {@code location}, {@code externalId}) has been through the ingest
 * redaction of phone numbers, e-mail addresses and handles before it gets here.
 *
 * @param id           {@code rpt-} and 32 hex digits: a keyed hash of source and external id, so a
 *                     re-sent report gets the same id; random where the report had no id
 * @param source       who sent it ({@code report}, {@code ushahidi}, or the integrator's {@code ?source=})
 * @param feed         the input format: {@code report} (Tabalé JSON) or {@code ushahidi}
 * @param externalId   the report's id at its source, redacted; null when it had none
 * @param verification the state the source gave it; officers' decisions are on
 *                     {@code tabale.report-verifications.v1} and supersede it
 * @param sourceApproved Ushahidi's APPROVED flag (published on the deployment's map); null elsewhere
 * @param reporter     the reporter's pseudonym, or null when the report names nobody
 * @param receivedAt   when Tabalé received this version
 */
public record CommunityReport(String id, String source, String feed, String externalId, LocalDate date,
                              String regionId, String iso3, String country, String admin1, String admin2,
                              String location, Double latitude, Double longitude, List<String> categories,
                              String title, String description, Integer dead, Integer injured,
                              Boolean civiliansTargeted, VerificationState verification, Boolean sourceApproved,
                              String reporter, Instant receivedAt) {

    /** The shape of a report id. */
    public static final Pattern ID = Pattern.compile("rpt-[0-9a-f]{32}");
    /** The shape of a reporter pseudonym. */
    public static final Pattern PSEUDONYM = Pattern.compile("inf-[0-9a-f]{32}");

    public CommunityReport {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("report id must be rpt- and 32 hex digits");
        }
        if (reporter != null && !PSEUDONYM.matcher(reporter).matches()) {
            // Never echo the value: it may be the identity this check keeps out.
            throw new IllegalArgumentException("reporter must be a pseudonym (inf- and 32 hex digits)");
        }
        requireText(source, "source");
        requireText(feed, "feed");
        Objects.requireNonNull(date, "date is required");
        requireText(regionId, "regionId");
        requireText(iso3, "iso3");
        requireText(country, "country");
        requireText(admin1, "admin1");
        if ((latitude == null) != (longitude == null)) {
            throw new IllegalArgumentException("latitude and longitude go together");
        }
        if (latitude != null && (latitude < -90 || latitude > 90 || longitude < -180 || longitude > 180)) {
            throw new IllegalArgumentException("coordinates out of range: " + latitude + "," + longitude);
        }
        categories = categories == null ? List.of() : List.copyOf(categories);
        if (dead != null && dead < 0 || injured != null && injured < 0) {
            throw new IllegalArgumentException("dead and injured must be >= 0");
        }
        Objects.requireNonNull(verification, "verification");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }
}
