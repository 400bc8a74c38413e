package org.tabale.model;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a {@link RegionStats} from exactly the bytes {@link RegionStatsJson} writes (its field
 * order, no whitespace, strings without escapes, figures of at most 15 digits without exponent),
 * byte by byte; anything else, down to one extra space, answers {@code null} and
 * {@link RegionStatsReader} reads it with Jackson's parser instead. The alert service reads every
 * record of the region-stats topic, and Jackson's tokenising of their field names and numbers was
 * three quarters of its thread (JFR, 1,000,000-row replay).
 *
 * <p>A figure {@code m / 10^k} (m below 10^15, k at most 15) is exact: both are doubles exactly,
 * and IEEE division rounds their quotient correctly, as {@link Double#parseDouble} rounds the
 * decimal.
 */
final class RegionStatsLayout {

    private static final byte[] REGION_ID = ascii("{\"regionId\":");
    private static final byte[] COUNTRY = ascii(",\"country\":");
    private static final byte[] ADMIN1 = ascii(",\"admin1\":");
    private static final byte[] DATE = ascii(",\"date\":\"");
    private static final byte[] WINDOWS = ascii("\",\"windows\":");
    private static final byte[] BASELINES = ascii(",\"baselines\":");
    private static final byte[] MEAN = ascii("{\"mean\":");
    private static final byte[] SPREAD = ascii(",\"spread\":");
    private static final byte[] HIGHS = ascii(",\"highs\":");
    private static final byte[] YEAR = ascii("{\"year\":");
    private static final byte[] THREE_YEARS = ascii(",\"threeYears\":");
    private static final byte[] EVIDENCE = ascii(",\"evidence\":");
    private static final byte[] NULL = ascii("null");
    private static final int MAX_DIGITS = 15;
    private static final double[] POWERS = new double[MAX_DIGITS + 1];

    static {
        POWERS[0] = 1;
        for (int i = 1; i < POWERS.length; i++) {
            POWERS[i] = POWERS[i - 1] * 10;
        }
    }

    /** Where the bytes leave the layout: thrown without a stack trace, caught in {@link #read}. */
    private static final class Elsewhere extends RuntimeException {
        private static final Elsewhere INSTANCE = new Elsewhere();

        private Elsewhere() {
            super(null, null, false, false);
        }
    }

    private interface Part<T> {
        T read();
    }

    private final byte[] in;
    private int at;

    private RegionStatsLayout(byte[] in) {
        this.in = in;
    }

    /** The record, or null when the bytes are not in the writer's layout. */
    static RegionStats read(byte[] json) {
        try {
            return new RegionStatsLayout(json).stats();
        } catch (Elsewhere | DateTimeException | IllegalArgumentException | NullPointerException e) {
            return null;
        }
    }

    private RegionStats stats() {
        expect(REGION_ID);
        String regionId = string();
        expect(COUNTRY);
        String country = string();
        expect(ADMIN1);
        String admin1 = string();
        expect(DATE);
        LocalDate date = date();
        expect(WINDOWS);
        Map<Integer, Totals> windows = byWindow(this::totals);
        expect(BASELINES);
        Map<Integer, Baseline> baselines = byWindow(this::baseline);
        expect(HIGHS);
        Highs highs = null;
        if (!nullHere()) {
            expect(YEAR);
            Totals year = totals();
            expect(THREE_YEARS);
            Totals threeYears = totals();
            expect((byte) '}');
            highs = new Highs(year, threeYears);
        }
        expect(EVIDENCE);
        Map<Integer, List<String>> evidence = byWindow(this::ids);
        expect((byte) '}');
        if (at != in.length) {
            throw Elsewhere.INSTANCE;
        }
        return new RegionStats(regionId, country, admin1, date, windows, baselines, highs, evidence);
    }

    private <T> Map<Integer, T> byWindow(Part<T> part) {
        expect((byte) '{');
        Map<Integer, T> result = new HashMap<>(8);
        if (peek() == '}') {
            at++;
            return result;
        }
        do {
            expect((byte) '"');
            int window = (int) whole(false);
            expect((byte) '"');
            expect((byte) ':');
            if (result.put(window, part.read()) != null) {
                throw Elsewhere.INSTANCE;
            }
        } while (next() == ',');
        if (in[at - 1] != '}') {
            throw Elsewhere.INSTANCE;
        }
        return result;
    }

    private Totals totals() {
        long[] v = new long[7];
        for (int m = 0; m < 7; m++) {
            expect(RegionStatsJson.TOTALS[m]);
            v[m] = whole(true);
        }
        Totals totals = new Totals(v[0], v[1], v[2], v[3], v[4], v[5], v[6]);
        expect(totals.isZero() ? RegionStatsJson.ZERO_TRUE : RegionStatsJson.ZERO_FALSE);
        return totals;
    }

    private Baseline baseline() {
        expect(MEAN);
        Figures mean = figures();
        expect(SPREAD);
        Figures spread = figures();
        expect((byte) '}');
        return new Baseline(mean, spread);
    }

    private Figures figures() {
        double[] v = new double[7];
        for (int m = 0; m < 7; m++) {
            expect(RegionStatsJson.TOTALS[m]);
            v[m] = decimal();
        }
        expect((byte) '}');
        return new Figures(v[0], v[1], v[2], v[3], v[4], v[5], v[6]);
    }

    private List<String> ids() {
        expect((byte) '[');
        List<String> ids = new ArrayList<>();
        if (peek() == ']') {
            at++;
            return ids;
        }
        do {
            String id = string();
            if (id == null) {
                throw Elsewhere.INSTANCE;
            }
            ids.add(id);
        } while (next() == ',');
        if (in[at - 1] != ']') {
            throw Elsewhere.INSTANCE;
        }
        return ids;
    }

    /** A string without escapes or control characters, or JSON null. */
    private String string() {
        if (nullHere()) {
            return null;
        }
        expect((byte) '"');
        int start = at;
        while (true) {
            byte b = byteAt(at);
            if (b == '"') {
                break;
            }
            if (b == '\\' || b >= 0 && b < 0x20) {
                throw Elsewhere.INSTANCE;
            }
            at++;
        }
        String text = ascii(start, at) ? new String(in, start, at - start, StandardCharsets.ISO_8859_1) : utf8(start, at);
        at++;
        return text;
    }

    private boolean ascii(int from, int to) {
        for (int i = from; i < to; i++) {
            if (in[i] < 0) {
                return false;
            }
        }
        return true;
    }

    /** Strictly: bytes that are not UTF-8 leave the layout (Jackson refuses them too). */
    private String utf8(int from, int to) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(in, from, to - from)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw Elsewhere.INSTANCE;
        }
    }

    /** {@code yyyy-MM-dd}, then the closing quote left to the caller's next literal. */
    private LocalDate date() {
        int year = digits(4);
        expect((byte) '-');
        int month = digits(2);
        expect((byte) '-');
        int day = digits(2);
        return LocalDate.of(year, month, day);
    }

    private int digits(int count) {
        int value = 0;
        for (int i = 0; i < count; i++) {
            value = value * 10 + digit(byteAt(at++));
        }
        return value;
    }

    /** A whole number of at most 15 digits without leading zeros, negative only where allowed. */
    private long whole(boolean signed) {
        boolean negative = signed && peek() == '-';
        if (negative) {
            at++;
        }
        int start = at;
        long value = 0;
        while (at < in.length && in[at] >= '0' && in[at] <= '9') {
            value = value * 10 + (in[at++] - '0');
        }
        int length = at - start;
        if (length == 0 || length > MAX_DIGITS || length > 1 && in[start] == '0') {
            throw Elsewhere.INSTANCE;
        }
        return negative ? -value : value;
    }

    /** A decimal {@code -?digits.digits} of at most 15 digits in all, as {@link Double#toString} prints one. */
    private double decimal() {
        boolean negative = peek() == '-';
        if (negative) {
            at++;
        }
        int start = at;
        long mantissa = 0;
        int digits = 0;
        int fraction = -1;
        while (at < in.length) {
            byte b = in[at];
            if (b >= '0' && b <= '9') {
                mantissa = mantissa * 10 + (b - '0');
                digits++;
            } else if (b == '.' && fraction < 0) {
                fraction = 0;
            } else {
                break;
            }
            if (fraction >= 0 && b != '.') {
                fraction++;
            }
            at++;
        }
        if (digits == 0 || digits > MAX_DIGITS || fraction < 1 || in[start] == '.' || in[start] == '0' && in[start + 1] != '.') {
            throw Elsewhere.INSTANCE;
        }
        double value = mantissa / POWERS[fraction];
        return negative ? -value : value;
    }

    private static int digit(byte b) {
        if (b < '0' || b > '9') {
            throw Elsewhere.INSTANCE;
        }
        return b - '0';
    }

    private boolean nullHere() {
        if (matches(NULL)) {
            at += NULL.length;
            return true;
        }
        return false;
    }

    private boolean matches(byte[] literal) {
        if (at + literal.length > in.length) {
            return false;
        }
        for (int i = 0; i < literal.length; i++) {
            if (in[at + i] != literal[i]) {
                return false;
            }
        }
        return true;
    }

    private void expect(byte[] literal) {
        if (!matches(literal)) {
            throw Elsewhere.INSTANCE;
        }
        at += literal.length;
    }

    private void expect(byte b) {
        if (byteAt(at) != b) {
            throw Elsewhere.INSTANCE;
        }
        at++;
    }

    private byte peek() {
        return byteAt(at);
    }

    private byte next() {
        return byteAt(at++);
    }

    private byte byteAt(int index) {
        if (index >= in.length) {
            throw Elsewhere.INSTANCE;
        }
        return in[index];
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
