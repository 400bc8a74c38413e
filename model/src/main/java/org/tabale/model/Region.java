package org.tabale.model;

import java.util.List;
import java.util.Objects;

/**
 * An admin-1 region of the gazetteer. {@code id} is {@code ISO3.Admin1} with the canonical
 * admin-1 spelling; {@code population} is null where no census figure is known (never zero).
 * {@code known} is false for a region first seen in a feed and not in the gazetteer.
 */
public record Region(String id, String iso3, String country, String admin1, String pcode,
                     String iso3166_2, Long population, List<String> aliases, boolean known) {

    public Region {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(iso3, "iso3");
        Objects.requireNonNull(admin1, "admin1");
        aliases = List.copyOf(aliases);
        if (population != null && population <= 0) {
            throw new IllegalArgumentException("population must be positive or absent for " + id);
        }
    }

    public static String idOf(String iso3, String admin1) {
        return iso3 + "." + admin1;
    }
}
