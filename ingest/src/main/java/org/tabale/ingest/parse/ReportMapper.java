package org.tabale.ingest.parse;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.tabale.model.CommunityReport;
import org.tabale.model.Gazetteer;
import org.tabale.model.Region;
import org.tabale.model.VerificationState;

/**
 * Validates a protected report row ({@link ReportRow}) and makes it a {@link CommunityReport}, or
 * says precisely why not. Every value a reason quotes was redacted at the edge.
 *
 * <p>Places: the country is a gazetteer name or alias, or an ISO 3166-1 alpha-3 code (a country
 * outside the gazetteer is accepted by its code). JSON reports name their admin-1 region; a
 * Ushahidi export has only a free-text LOCATION, so its region is the first gazetteer region named
 * there (right to left), else the country's {@code Unknown} region, and its country, when
 * {@code ?country=} is not given, the gazetteer country LOCATION ends with.
 */
public final class ReportMapper {

    static final int MAX_TITLE = 500;
    static final int MAX_DESCRIPTION = 20_000;
    private static final Set<String> YES = Set.of("yes", "y", "true", "1");
    private static final Set<String> NO = Set.of("no", "n", "false", "0");

    private final Gazetteer gazetteer;
    private final Clock clock;

    public ReportMapper(Gazetteer gazetteer, Clock clock) {
        this.gazetteer = gazetteer;
        this.clock = clock;
    }

    public ReportOutcome map(ReportRow row, ReportSubmission submission, Instant receivedAt) {
        try {
            return build(row, submission, receivedAt);
        } catch (Refusal refusal) {
            return new ReportOutcome.Refused(row, refusal.getMessage());
        } catch (IllegalArgumentException invalid) {
            // the record's own checks; their messages quote no identity (CommunityReport)
            return new ReportOutcome.Refused(row, invalid.getMessage());
        }
    }

    private ReportOutcome build(ReportRow row, ReportSubmission submission, Instant receivedAt) {
        if (row.unreadable() != null) {
            throw new Refusal(row.unreadable());
        }
        boolean ushahidi = ReportSubmission.FEED_USHAHIDI.equals(submission.feed());
        LocalDate date = date(row.get("date"));
        Gazetteer.Country country = country(row, submission, ushahidi);
        Region region = region(row, country, ushahidi);
        Double latitude = decimal(row, "latitude");
        Double longitude = decimal(row, "longitude");
        if ((latitude == null) != (longitude == null)) {
            throw new Refusal("latitude and longitude go together: one of them is missing");
        }
        // Reasons are served: they never quote a position, which answers give to 0.1° only.
        if (latitude != null && (Math.abs(latitude) > 90 || Math.abs(longitude) > 180)) {
            throw new Refusal("coordinates are not valid degrees (latitude -90 to 90, longitude -180 to 180)");
        }
        List<String> categories = categories(row.get("category"));
        String title = limited(row, "title", MAX_TITLE);
        String description = limited(row, "description", MAX_DESCRIPTION);
        if (categories.isEmpty() && title == null && description == null) {
            throw new Refusal("a report needs a category, a title or a description");
        }
        return new ReportOutcome.Accepted(row, new CommunityReport(row.reportId(), submission.source(),
                submission.feed(), row.get("id"), date, region.id(), country.iso3(), country.name(), region.admin1(),
                row.get("admin2"), row.get("location"), latitude, longitude, categories, title, description,
                count(row, "dead"), count(row, "injured"), flag(row, "civiliansTargeted"),
                verification(row.get("verification"), ushahidi), ushahidi ? flag(row, "approved") : null,
                row.reporter(), receivedAt));
    }

    private LocalDate date(String text) {
        if (text == null) {
            throw new Refusal("date is missing");
        }
        LocalDate date = parseDate(text).orElseThrow(() -> new Refusal("date '" + quote(text)
                + "' is not a date (2024-05-12, 2024-05-12 14:30:00, 2024-05-12T14:30:00Z, 12/05/2024)"));
        if (date.isAfter(LocalDate.now(clock.withZone(ZoneOffset.UTC)).plusDays(1))) {
            throw new Refusal("date " + date + " is in the future");
        }
        return date;
    }

    /** Day precision, in UTC where the text carries an offset. */
    static Optional<LocalDate> parseDate(String text) {
        String trimmed = text.strip();
        if (trimmed.length() > 10 && trimmed.charAt(10) == 'T') {
            try {
                return Optional.of(OffsetDateTime.parse(trimmed).withOffsetSameInstant(ZoneOffset.UTC).toLocalDate());
            } catch (DateTimeParseException noOffset) {
                try {
                    return Optional.of(LocalDateTime.parse(trimmed).toLocalDate());
                } catch (DateTimeParseException neither) {
                    return Optional.empty();
                }
            }
        }
        return EventDates.parse(trimmed);
    }

    private Gazetteer.Country country(ReportRow row, ReportSubmission submission, boolean ushahidi) {
        String given = row.get("country") != null ? row.get("country") : submission.defaultCountry();
        if (given != null) {
            Optional<Gazetteer.Country> known = gazetteer.country(given);
            if (known.isPresent()) {
                return known.get();
            }
            if (given.matches("[A-Za-z]{3}")) {
                String iso3 = given.toUpperCase(Locale.ROOT);
                return new Gazetteer.Country(iso3, iso3, 0, 0, List.of());
            }
            throw new Refusal("country '" + quote(given) + "' is not one the gazetteer knows: send its ISO 3166-1"
                    + " alpha-3 code (MLI, BFA, NER, ...)");
        }
        String location = row.get("location");
        if (ushahidi && location != null) {
            String[] parts = location.split(",");
            // "," splits into nothing
            Optional<Gazetteer.Country> named = parts.length == 0 ? Optional.empty()
                    : gazetteer.country(parts[parts.length - 1].strip());
            if (named.isPresent()) {
                return named.get();
            }
        }
        throw new Refusal(ushahidi
                ? "no country: LOCATION '" + quote(location) + "' does not end with a country the gazetteer knows;"
                        + " pass ?country=ISO3 for the whole export"
                : "place.country is missing (a name or an ISO 3166-1 alpha-3 code; or pass ?country=)");
    }

    private Region region(ReportRow row, Gazetteer.Country country, boolean ushahidi) {
        String admin1 = row.get("admin1");
        if (admin1 != null) {
            return gazetteer.region(country.iso3(), country.name(), admin1);
        }
        if (!ushahidi) {
            throw new Refusal("place.admin1 is missing (the region within the country, e.g. Mopti)");
        }
        String location = row.get("location");
        if (location != null) {
            String[] parts = location.split(",");
            for (int i = parts.length - 1; i >= 0; i--) {
                Region named = gazetteer.region(country.iso3(), country.name(), parts[i].strip());
                if (named.known()) {
                    return named;
                }
            }
        }
        return gazetteer.region(country.iso3(), country.name(), null);
    }

    private static List<String> categories(String text) {
        if (text == null) {
            return List.of();
        }
        Set<String> names = new LinkedHashSet<>();
        for (String name : text.split(",")) {
            if (!name.isBlank()) {
                names.add(name.strip());
            }
        }
        return new ArrayList<>(names);
    }

    private static String limited(ReportRow row, String field, int max) {
        String value = row.get(field);
        if (value != null && value.length() > max) {
            throw new Refusal(field + " is longer than " + max + " characters");
        }
        return value;
    }

    private static Double decimal(ReportRow row, String field) {
        String text = row.get(field);
        if (text == null) {
            return null;
        }
        try {
            double value = Double.parseDouble(text);
            if (Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // refused below
        }
        throw new Refusal(field + " is not a number of degrees");
    }

    private static Integer count(ReportRow row, String field) {
        String text = row.get(field);
        if (text == null) {
            return null;
        }
        String whole = text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
        if (!whole.matches("\\d{1,9}")) {
            throw new Refusal(field + " '" + quote(text) + "' is not a count >= 0");
        }
        return Integer.valueOf(whole);
    }

    private static Boolean flag(ReportRow row, String field) {
        String text = row.get(field);
        if (text == null) {
            return null;
        }
        String folded = text.toLowerCase(Locale.ROOT);
        if (YES.contains(folded)) {
            return true;
        }
        if (NO.contains(folded)) {
            return false;
        }
        throw new Refusal(field + " '" + quote(text) + "' is not yes or no");
    }

    /** Ushahidi's VERIFIED YES/NO: verified by the deployment's own moderators, or not yet. */
    private static VerificationState verification(String text, boolean ushahidi) {
        if (text == null) {
            return VerificationState.UNVERIFIED;
        }
        String folded = text.toLowerCase(Locale.ROOT);
        if (ushahidi && (YES.contains(folded) || NO.contains(folded))) {
            return YES.contains(folded) ? VerificationState.VERIFIED : VerificationState.UNVERIFIED;
        }
        return VerificationState.fromLabel(text).orElseThrow(() -> new Refusal("verification '" + quote(text)
                + "' is not one of " + (ushahidi ? "YES, NO" : VerificationState.labels())));
    }

    private static String quote(String value) {
        if (value == null) {
            return "";
        }
        String oneLine = value.replaceAll("\\s+", " ");
        return oneLine.length() <= 60 ? oneLine : oneLine.substring(0, 57) + "...";
    }

    /** A reason to refuse the row, unwound to {@link #map}. */
    private static final class Refusal extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Refusal(String reason) {
            super(reason, null, false, false);
        }
    }
}
