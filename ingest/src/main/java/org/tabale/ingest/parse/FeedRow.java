package org.tabale.ingest.parse;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * One data row of a submitted feed, before validation: its 1-based position among the data rows,
 * its fields by lower-case column name, and its original text for the dead-letter topic.
 *
 * <p>The original text is needed only when the row is refused: readers give it as a function,
 * computed (once) on first use, so that accepted rows, nearly all of them, never print it.
 */
public final class FeedRow {

    private final long row;
    private final Map<String, String> fields;
    private Supplier<String> source;
    private String original;

    public FeedRow(long row, Map<String, String> fields, String original) {
        this.row = row;
        this.fields = Map.copyOf(fields);
        this.original = Objects.requireNonNull(original, "original");
    }

    private FeedRow(long row, Map<String, String> fields, Supplier<String> original) {
        this.row = row;
        this.fields = Map.copyOf(fields);
        this.source = original;
    }

    /** A row whose original text is computed from {@code original} when first asked for. */
    public static FeedRow withOriginal(long row, Map<String, String> fields, Supplier<String> original) {
        return new FeedRow(row, fields, Objects.requireNonNull(original, "original"));
    }

    public long row() {
        return row;
    }

    public Map<String, String> fields() {
        return fields;
    }

    /** The row as it came, re-quoted for CSV, for the dead-letter topic. */
    public String original() {
        if (original == null) {
            original = Objects.requireNonNull(source.get(), "original");
            source = null;
        }
        return original;
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

    /** The first field longer than {@code limit} characters, or null. */
    public Map.Entry<String, String> firstLongerThan(int limit) {
        boolean any = false;
        for (String value : fields.values()) {
            any |= value != null && value.length() > limit;
        }
        if (!any) {
            return null;
        }
        for (Map.Entry<String, String> field : fields.entrySet()) {
            if (field.getValue() != null && field.getValue().length() > limit) {
                return field;
            }
        }
        return null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FeedRow that && row == that.row && fields.equals(that.fields)
                && original().equals(that.original());
    }

    @Override
    public int hashCode() {
        return Objects.hash(row, fields, original());
    }

    @Override
    public String toString() {
        return "FeedRow[row=" + row + ", fields=" + fields + ", original=" + original() + "]";
    }
}
