package org.tabale.ingest.parse;

/** Lenient readers for the numbers feeds write: {@code 12}, {@code 12.0} (re-saved exports), blank. */
final class Numbers {

    private Numbers() {
    }

    /** The integer, or null when the text is absent, not an integer or out of range. */
    static Integer integer(String text) {
        Long value = longValue(text);
        return value == null || value > Integer.MAX_VALUE || value < Integer.MIN_VALUE ? null : value.intValue();
    }

    static Long longValue(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Long.valueOf(text.endsWith(".0") ? text.substring(0, text.length() - 2) : text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The finite decimal, or null. */
    static Double decimal(String text) {
        if (text == null) {
            return null;
        }
        try {
            double value = Double.parseDouble(text);
            return Double.isFinite(value) ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
