package org.tabale.alerts.route;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Pattern;
import org.tabale.model.Gazetteer;
import org.tabale.model.Region;

/**
 * Which regions a responder covers: {@code *} (all), a country by ISO3 ({@code MLI}), or a
 * region by id or {@code Country/Admin1} with any alias ({@code MLI.Mopti}, {@code Mali/Ségou}),
 * resolved against the bundled gazetteer to its canonical id. A region also covers its
 * sub-regions ({@code MLI.Mopti} covers {@code MLI.Mopti.Bandiagara}).
 */
public record RegionSelector(@JsonValue String value) {

    private static final Pattern ISO3 = Pattern.compile("[A-Za-z]{3}");

    /** The selector of everything. */
    public static final RegionSelector ALL = new RegionSelector("*");

    /** A selector from configuration, resolved against the bundled gazetteer. */
    @JsonCreator
    public static RegionSelector parse(String text) {
        String trimmed = text == null ? "" : text.trim();
        if (trimmed.equals("*")) {
            return ALL;
        }
        Gazetteer gazetteer = Gazetteer.bundled();
        if (ISO3.matcher(trimmed).matches()) {
            return gazetteer.country(trimmed).map(c -> new RegionSelector(c.iso3()))
                    .orElseThrow(() -> new IllegalArgumentException("region '" + text + "' is no ISO 3166 alpha-3 country code"));
        }
        return gazetteer.lookup(trimmed).map(Region::id).map(RegionSelector::new)
                .orElseThrow(() -> new IllegalArgumentException("region '" + text
                        + "' is not in the gazetteer: write *, a country code (MLI), a region id (MLI.Mopti) or Country/Admin1"));
    }

    /** Whether the selector covers a region id ({@code MLI.Mopti}) or a country id ({@code MLI}). */
    public boolean covers(String regionId) {
        return value.equals("*") || regionId.equals(value) || regionId.startsWith(value + ".");
    }
}
