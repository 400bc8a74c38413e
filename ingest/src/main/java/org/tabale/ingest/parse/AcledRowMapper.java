package org.tabale.ingest.parse;

import static org.tabale.ingest.parse.Numbers.decimal;
import static org.tabale.ingest.parse.Numbers.integer;
import static org.tabale.ingest.parse.Numbers.longValue;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.tabale.model.ConflictEvent;
import org.tabale.model.EventType;
import org.tabale.model.Gazetteer;
import org.tabale.model.Region;

/**
 * Turns an ACLED row (any export dialect: current, legacy taxonomy, upper-case headers,
 * GWNO instead of ISO) into a {@link ConflictEvent}, or says precisely why it cannot.
 * Rows without an event id are refused: ids are never invented.
 */
public final class AcledRowMapper implements RowMapper {

    /** Columns without which a file is not an ACLED export at all. */
    public static final Set<String> REQUIRED_COLUMNS = Set.of("event_date", "event_type", "country", "fatalities");

    private static final java.util.regex.Pattern ISO3_PREFIX = java.util.regex.Pattern.compile("^([A-Za-z]{3})\\d.*$");

    private final Gazetteer gazetteer;

    public AcledRowMapper(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    @Override
    public RowOutcome map(FeedRow row) {
        String id = row.get("event_id_cnty");
        if (id == null) {
            return new RowOutcome.Refused(row, null, "event_id_cnty is missing: rows without an id are refused, not given one");
        }
        Optional<LocalDate> date = EventDates.parse(row.get("event_date"));
        if (date.isEmpty()) {
            return refuse(row, id, "event_date '" + row.get("event_date") + "' is not a date in any ACLED format");
        }
        Optional<EventType> type = EventType.fromLabel(row.get("event_type"), row.get("inter1"));
        if (type.isEmpty()) {
            return refuse(row, id, "event_type '" + row.get("event_type") + "' is not an ACLED event type");
        }
        String country = row.get("country");
        if (country == null) {
            return refuse(row, id, "country is missing");
        }
        Integer fatalities = integer(row.get("fatalities"));
        if (fatalities == null || fatalities < 0) {
            return refuse(row, id, row.get("fatalities") == null ? "fatalities is missing"
                    : "fatalities '" + row.get("fatalities") + "' is not a count >= 0");
        }
        Double latitude = decimal(row.get("latitude"));
        Double longitude = decimal(row.get("longitude"));
        if ((row.get("latitude") != null && (latitude == null || Math.abs(latitude) > 90))
                || (row.get("longitude") != null && (longitude == null || Math.abs(longitude) > 180))) {
            return refuse(row, id, "coordinates '" + row.get("latitude") + "," + row.get("longitude") + "' are not valid degrees");
        }
        String iso3 = iso3(row, id, country);
        Region region = gazetteer.region(iso3, country, row.get("admin1"));
        Long timestamp = row.get("timestamp") == null ? Long.valueOf(0) : longValue(row.get("timestamp"));
        if (timestamp == null) {
            return refuse(row, id, "timestamp '" + row.get("timestamp") + "' is not Unix seconds");
        }
        return new RowOutcome.Accepted(row, new ConflictEvent(id, date.get(), integer(row.get("time_precision")),
                row.get("disorder_type"), type.get(), row.get("sub_event_type"), row.get("actor1"),
                row.get("assoc_actor_1"), row.get("inter1"), row.get("actor2"), row.get("assoc_actor_2"),
                row.get("inter2"), row.get("interaction"), civilianTargeting(row), integer(row.get("iso")),
                row.get("region"), country, region.admin1(), row.get("admin2"), row.get("admin3"), row.get("location"),
                latitude, longitude, integer(row.get("geo_precision")), row.get("source"), row.get("source_scale"),
                row.get("notes"), fatalities, row.get("tags"), timestamp, region.id(), "acled"));
    }

    /** Null when the export has no such column: the event type then stands in (DESIGN.md). */
    private static Boolean civilianTargeting(FeedRow row) {
        if (!row.has("civilian_targeting")) {
            return null;
        }
        String flag = row.get("civilian_targeting");
        if (flag == null) {
            return false;
        }
        String folded = flag.toLowerCase(Locale.ROOT);
        // ACLED writes "Civilian targeting"; JSON producers (and our own records) write true.
        return folded.startsWith("civilian") || folded.equals("true") || folded.equals("yes") || folded.equals("1");
    }

    private String iso3(FeedRow row, String id, String country) {
        Optional<Gazetteer.Country> known = gazetteer.country(country);
        if (known.isEmpty() && row.get("iso") != null) {
            known = gazetteer.country(row.get("iso"));
        }
        if (known.isEmpty() && integer(row.get("gwno")) != null) {
            known = gazetteer.countryByGwno(integer(row.get("gwno")));
        }
        if (known.isPresent()) {
            return known.get().iso3();
        }
        if (row.get("iso3") != null) {
            return row.get("iso3").toUpperCase(Locale.ROOT);
        }
        // ACLED ids carry the country's ISO3 code as prefix (MLI2741).
        java.util.regex.Matcher prefixed = ISO3_PREFIX.matcher(id);
        String prefix = prefixed.matches() ? prefixed.group(1) : id;
        return prefix.length() == 3 ? prefix.toUpperCase(Locale.ROOT) : Gazetteer.fold(country).toUpperCase(Locale.ROOT);
    }

    private static RowOutcome refuse(FeedRow row, String id, String reason) {
        return new RowOutcome.Refused(row, id, reason);
    }
}
