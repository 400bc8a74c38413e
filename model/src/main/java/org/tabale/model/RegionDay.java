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
        return date(key, separator(key) + 1);
    }

    /**
     * The ISO date ({@code 2019-03-23}) from {@code from} to the end of {@code text}: without the
     * formatter's machinery for the plain four-digit-year form, read with every key of a range.
     */
    public static LocalDate date(String text, int from) {
        if (text.length() - from == 10 && text.charAt(from + 4) == '-' && text.charAt(from + 7) == '-') {
            int year = digits(text, from, 4);
            int month = digits(text, from + 5, 2);
            int day = digits(text, from + 8, 2);
            if (year >= 0 && month >= 0 && day >= 0) {
                return LocalDate.of(year, month, day);
            }
        }
        return LocalDate.parse(text.substring(from));
    }

    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static int separator(String key) {
        int at = key.lastIndexOf(SEPARATOR);
        if (at < 0) {
            throw new IllegalArgumentException("not a region@day key: " + key);
        }
        return at;
    }
}
