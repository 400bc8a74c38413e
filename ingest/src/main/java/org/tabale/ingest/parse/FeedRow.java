package org.tabale.ingest.parse;

import java.util.Locale;
import java.util.Map;

/**
 * One data row of a submitted feed, before validation: its 1-based position among the data rows,
 * its fields by lower-case column name, and its original text for the dead-letter topic.
 */
public record FeedRow(long row, Map<String, String> fields, String original) {

    public FeedRow {
        fields = Map.copyOf(fields);
    }

    /** The trimmed value of a column, or null when the column is absent or blank. */
    public String get(String column) {
        String value = fields.get(column.toLowerCase(Locale.ROOT));
        if (value == null) {
            return null;
        }
        // Excel-era exports pad values with no-break spaces (U+00A0), which trim() keeps.
        int start = 0;
        int end = value.length();
        while (start < end && isSpace(value.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(value.charAt(end - 1))) {
            end--;
        }
        return start == end ? null : value.substring(start, end);
    }

    private static boolean isSpace(char c) {
        return c <= ' ' || Character.isSpaceChar(c);
    }

    public boolean has(String column) {
        return fields.containsKey(column.toLowerCase(Locale.ROOT));
    }
}
