package org.tabale.ingest.parse;

import static org.tabale.ingest.parse.Numbers.decimal;
import static org.tabale.ingest.parse.Numbers.integer;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.tabale.model.ConflictEvent;
import org.tabale.model.EventType;
import org.tabale.model.Gazetteer;
import org.tabale.model.Region;

/**
 * Turns a row of the UCDP Georeferenced Event Dataset (GED: UCDP's CSV, HDX's copy with its HXL
 * row, or the UCDP API's JSON) into a {@link ConflictEvent}, or says precisely why it cannot.
 *
 * <ul>
 *   <li>{@code id} becomes the event id {@code UCDP-<id>}; rows without one are refused.</li>
 *   <li>{@code type_of_violence} 1 (state-based) and 2 (non-state) are Battles; 3 (one-sided) is
 *       Violence against civilians with {@code civilianTargeting} true. UCDP's name for the type
 *       goes to {@code sub_event_type}.</li>
 *   <li>{@code best} (UCDP's best estimate of deaths) is the fatalities; {@code date_start} the day.</li>
 *   <li>{@code country}, else {@code iso3} (HDX's copy), else {@code country_id} (a Gleditsch-Ward
 *       number) gives the country; {@code adm_1} the region, matched as written and then without
 *       the type UCDP appends ("Rakhine State", "Bago  region", "Dhaka Division"). A name that
 *       matches nothing keeps its own spelling and is flagged unknown.</li>
 *   <li>{@code timestamp} is 0: GED has no revision timestamp. A later GED release of the same
 *       event id is therefore a duplicate of the stored version, not a revision of it.</li>
 * </ul>
 */
public final class UcdpRowMapper implements RowMapper {

    /** Columns without which a file is not UCDP GED. */
    public static final Set<String> REQUIRED_COLUMNS = Set.of("id", "type_of_violence", "country", "date_start", "best");
    public static final String ID_PREFIX = "UCDP-";

    private static final Pattern ADMIN1_TYPE = Pattern.compile("(?i)\\s+(state|region|division|province|governorate)$");
    private static final Pattern PARENTHESIS = Pattern.compile("\\s*\\(.*\\)\\s*$");
    private static final Pattern GED_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}([ T].*)?");
    /**
     * Longer than any place name: the fallbacks below are not tried on such a text, which no name
     * matches, and on which their patterns take time quadratic in its length (seconds for a field
     * of 20,000 characters).
     */
    private static final int MAX_NAME = 200;
    private static final String[] TYPE_NAMES = {"State-based conflict", "Non-state conflict", "One-sided violence"};

    private final Gazetteer gazetteer;

    public UcdpRowMapper(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    @Override
    public RowOutcome map(FeedRow row) {
        String gedId = row.get("id");
        if (gedId == null) {
            return new RowOutcome.Refused(row, null, "id is missing: rows without a UCDP GED id are refused, not given one");
        }
        if (!gedId.matches("\\d+(\\.0)?")) {
            return new RowOutcome.Refused(row, null, "id '" + gedId + "' is not a UCDP GED event id (a whole number)");
        }
        String id = ID_PREFIX + gedId.replaceFirst("\\.0$", "");
        Optional<LocalDate> date = date(row.get("date_start"));
        if (date.isEmpty()) {
            return refuse(row, id, row.get("date_start") == null ? "date_start is missing"
                    : "date_start '" + row.get("date_start") + "' is not a GED date (yyyy-MM-dd)");
        }
        Integer violence = integer(row.get("type_of_violence"));
        if (violence == null || violence < 1 || violence > 3) {
            return refuse(row, id, row.get("type_of_violence") == null ? "type_of_violence is missing"
                    : "type_of_violence '" + row.get("type_of_violence") + "' is not 1 (state-based), 2 (non-state) or 3 (one-sided)");
        }
        Optional<Gazetteer.Country> country = country(row);
        if (country.isEmpty()) {
            return refuse(row, id, row.get("country") == null ? "country is missing"
                    : "country '" + row.get("country") + "' (country_id " + row.get("country_id") + ") is not in the gazetteer");
        }
        Integer best = integer(row.get("best"));
        if (best == null || best < 0) {
            return refuse(row, id, row.get("best") == null ? "best (the fatality estimate) is missing"
                    : "best '" + row.get("best") + "' is not a count >= 0");
        }
        Double latitude = decimal(row.get("latitude"));
        Double longitude = decimal(row.get("longitude"));
        if ((row.get("latitude") != null && (latitude == null || Math.abs(latitude) > 90))
                || (row.get("longitude") != null && (longitude == null || Math.abs(longitude) > 180))) {
            return refuse(row, id, "coordinates '" + row.get("latitude") + "," + row.get("longitude") + "' are not valid degrees");
        }
        Gazetteer.Country known = country.get();
        Region region = region(known, row.get("adm_1"));
        boolean oneSided = violence == 3;
        return new RowOutcome.Accepted(row, new ConflictEvent(id, date.get(), timePrecision(row),
                null, oneSided ? EventType.VIOLENCE_AGAINST_CIVILIANS : EventType.BATTLES, TYPE_NAMES[violence - 1],
                row.get("side_a"), null, null, row.get("side_b"), null, null, null, oneSided,
                known.isoNumeric(), row.get("region"), known.name(), region.admin1(), row.get("adm_2"), null,
                row.get("where_coordinates"), latitude, longitude, geoPrecision(row), row.get("source_office"), null,
                row.get("source_headline"), best, null, 0, region.id(), Feed.UCDP.id()));
    }

    /** GED writes ISO dates, with a time in some exports ({@code 2015-05-11 00:00:00.000}); never day/month orders. */
    private static Optional<LocalDate> date(String text) {
        if (text == null || !GED_DATE.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text.substring(0, 10)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private Optional<Gazetteer.Country> country(FeedRow row) {
        String name = row.get("country");
        if (name == null) {
            return Optional.empty();
        }
        Optional<Gazetteer.Country> known = gazetteer.country(name);
        if (known.isEmpty() && name.length() <= MAX_NAME) {
            // GED names carry the state's former name: "Yemen (North Yemen)", "Cambodia (Kampuchea)"
            known = gazetteer.country(PARENTHESIS.matcher(name).replaceFirst(""));
        }
        if (known.isEmpty() && row.get("iso3") != null) {
            known = gazetteer.country(row.get("iso3"));
        }
        Integer gwno = integer(row.get("country_id"));
        if (known.isEmpty() && gwno != null) {
            known = gazetteer.countryByGwno(gwno);
        }
        return known;
    }

    private Region region(Gazetteer.Country country, String admin1) {
        Region region = gazetteer.region(country.iso3(), country.name(), admin1);
        if (region.known() || admin1 == null || admin1.length() > MAX_NAME) {
            return region;
        }
        Region withoutType = gazetteer.region(country.iso3(), country.name(), ADMIN1_TYPE.matcher(admin1.trim()).replaceFirst(""));
        return withoutType.known() ? withoutType : region;
    }

    /** GED's date_prec (1 the day … 5 only the year) on ACLED's scale (1 the day, 2 the week, 3 the month or wider). */
    private static Integer timePrecision(FeedRow row) {
        Integer precision = integer(row.get("date_prec"));
        if (precision == null || precision < 1 || precision > 5) {
            return null;
        }
        return precision == 1 ? 1 : precision <= 3 ? 2 : 3;
    }

    /**
     * GED's where_prec (1 the place, 2 within 25 km, 3 the admin-2, 4 the admin-1, 5 a line between
     * places, 6 the country, 7 waters) on ACLED's scale (1 the place, 2 near it, 3 a wider area).
     */
    private static Integer geoPrecision(FeedRow row) {
        Integer precision = integer(row.get("where_prec"));
        if (precision == null || precision < 1 || precision > 7) {
            return null;
        }
        return precision == 1 ? 1 : precision <= 3 ? 2 : 3;
    }

    private static RowOutcome refuse(FeedRow row, String id, String reason) {
        return new RowOutcome.Refused(row, id, reason);
    }
}
