package org.tabale.model;

import java.time.LocalDate;

/**
 * The {@code regionId@yyyy-MM-dd} keys of per-day and per-date records. Keys of one region sort
 * by date as strings, so a store range scan over them returns days in order.
 */
public final class RegionDay {

    private static final char SEPARATOR = '@';

    private RegionDay() {
    }

    public static String key(String regionId, LocalDate day) {
        return regionId + SEPARATOR + day;
    }

    public static String regionOf(String key) {
        return key.substring(0, separator(key));
    }

    public static LocalDate dayOf(String key) {
        return LocalDate.parse(key.substring(separator(key) + 1));
    }

    private static int separator(String key) {
        int at = key.lastIndexOf(SEPARATOR);
        if (at < 0) {
            throw new IllegalArgumentException("not a region@day key: " + key);
        }
        return at;
    }
}
