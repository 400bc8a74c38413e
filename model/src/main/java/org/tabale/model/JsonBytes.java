package org.tabale.model;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.util.Arrays;

/**
 * A growing UTF-8 buffer with the JSON pieces the hand-written writers need ({@link RegionStatsJson},
 * {@link ConflictEventJson}): pre-encoded names, escaped strings as Jackson escapes them, whole
 * numbers and doubles as Jackson prints them.
 */
final class JsonBytes {


    private byte[] bytes = new byte[2_560];
    private int size;
    private final char[] digits = new char[32];

    void put(byte b) {
        ensure(1);
        bytes[size++] = b;
    }

    void put(byte[] chunk) {
        ensure(chunk.length);
        System.arraycopy(chunk, 0, bytes, size, chunk.length);
        size += chunk.length;
    }

    void ascii(String text) {
        ensure(text.length());
        for (int i = 0; i < text.length(); i++) {
            bytes[size++] = (byte) text.charAt(i);
        }
    }

    void string(String value) {
        if (value == null) {
            put(RegionStatsJson.NULL);
            return;
        }
        put((byte) '"');
        if (plainAscii(value)) {
            // Nothing to escape or encode (ids, most names): the characters are the bytes.
            ascii(value);
        } else {
            put(JsonStringEncoder.getInstance().quoteAsUTF8(value));
        }
        put((byte) '"');
    }

    /** Printable ASCII without a quote or a backslash: written as it is, as Jackson writes it. */
    private static boolean plainAscii(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c >= 0x7F || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
    }

    void key(int window, boolean first) {
        if (!first) {
            put((byte) ',');
        }
        put((byte) '"');
        ascii(Integer.toString(window));
        put((byte) '"');
        put((byte) ':');
    }

    void number(long value) {
        if (value < 0) {
            ascii(Long.toString(value));
            return;
        }
        digits(value);
    }

    /** The decimal digits of a whole number >= 0, written in place. */
    private void digits(long value) {
        int length = 1;
        for (long rest = value / 10; rest != 0; rest /= 10) {
            length++;
        }
        ensure(length);
        for (int i = size + length - 1; i >= size; i--) {
            bytes[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        size += length;
    }

    void totals(Totals totals) {
        if (totals == null) {
            put(RegionStatsJson.NULL);
            return;
        }
        put(RegionStatsJson.TOTALS[0]);
        number(totals.events());
        put(RegionStatsJson.TOTALS[1]);
        number(totals.fatalities());
        put(RegionStatsJson.TOTALS[2]);
        number(totals.violentEvents());
        put(RegionStatsJson.TOTALS[3]);
        number(totals.civilianEvents());
        put(RegionStatsJson.TOTALS[4]);
        number(totals.civilianFatalities());
        put(RegionStatsJson.TOTALS[5]);
        number(totals.reports());
        put(RegionStatsJson.TOTALS[6]);
        number(totals.verifiedReports());
        put(totals.isZero() ? RegionStatsJson.ZERO_TRUE : RegionStatsJson.ZERO_FALSE);
    }

    void figures(Figures figures) {
        if (figures == null) {
            put(RegionStatsJson.NULL);
            return;
        }
        put(RegionStatsJson.TOTALS[0]);
        figure(figures.events());
        put(RegionStatsJson.TOTALS[1]);
        figure(figures.fatalities());
        put(RegionStatsJson.TOTALS[2]);
        figure(figures.violentEvents());
        put(RegionStatsJson.TOTALS[3]);
        figure(figures.civilianEvents());
        put(RegionStatsJson.TOTALS[4]);
        figure(figures.civilianFatalities());
        put(RegionStatsJson.TOTALS[5]);
        figure(figures.reports());
        put(RegionStatsJson.TOTALS[6]);
        figure(figures.verifiedReports());
        put((byte) '}');
    }

    /** A double as Jackson writes it ({@link Double#toString}; non-finite values quoted, as Jackson does by default). */
    void figure(double value) {
        if (Double.doubleToRawLongBits(value) == 0L) {
            put(RegionStatsJson.ZERO);
            return;
        }
        long scaled = Math.round(value * 10_000d);
        if (value >= 1e-3 && value < 1e7 && scaled / 10_000d == value) {
            // As fourDecimals prints it, without the intermediate characters.
            digits(scaled / 10_000);
            put((byte) '.');
            int fraction = (int) (scaled % 10_000);
            int divisor = 1_000;
            do {
                put((byte) ('0' + fraction / divisor));
                fraction %= divisor;
                divisor /= 10;
            } while (fraction != 0 && divisor > 0);
            return;
        }
        int length = RegionStatsJson.fourDecimals(value, digits);
        if (length >= 0) {
            ensure(length);
            for (int i = 0; i < length; i++) {
                bytes[size++] = (byte) digits[i];
            }
        } else if (Double.isFinite(value)) {
            ascii(Double.toString(value));
        } else {
            put((byte) '"');
            ascii(Double.toString(value));
            put((byte) '"');
        }
    }

    byte[] toByteArray() {
        return Arrays.copyOf(bytes, size);
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }

    /** A double as Jackson prints it ({@link Double#toString}; NaN and infinities quoted, Jackson's default). */
    void decimal(double value) {
        if (Double.isFinite(value)) {
            ascii(Double.toString(value));
        } else {
            put((byte) '"');
            ascii(Double.toString(value));
            put((byte) '"');
        }
    }
}
