package org.tabale.model;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/**
 * Reads JSON bytes in one exact layout, the one Tabalé's hand-written writers produce: no
 * whitespace, strings without escapes, numbers as {@link Double#toString} and {@link Long#toString}
 * print them. Any byte elsewhere than the layout expects throws {@link Elsewhere}, without a stack
 * trace: the caller then reads the bytes with Jackson, which takes any JSON.
 *
 * <p>A decimal {@code m / 10^k} (m below 10^15, k at most 15) is exact: both are doubles exactly,
 * and IEEE division rounds their quotient correctly, as {@link Double#parseDouble} rounds the
 * decimal.
 */
final class JsonCursor {

    private static final byte[] NULL = "null".getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_DIGITS = 15;
    private static final double[] POWERS = new double[MAX_DIGITS + 1];

    static {
        POWERS[0] = 1;
        for (int i = 1; i < POWERS.length; i++) {
            POWERS[i] = POWERS[i - 1] * 10;
        }
    }

    /** Where the bytes leave the layout. */
    static final class Elsewhere extends RuntimeException {
        static final Elsewhere INSTANCE = new Elsewhere();

        private Elsewhere() {
            super(null, null, false, false);
        }
    }

    private final byte[] in;
    private int at;

    JsonCursor(byte[] in) {
        this.in = in;
    }

    /** Every byte read. */
    void expectEnd() {
        if (at != in.length) {
            throw Elsewhere.INSTANCE;
        }
    }

    /** After a list's items: whether its closing byte ({@code close}) ended it, else one more item follows. */
    boolean closes(byte close) {
        byte b = next();
        if (b == close) {
            return true;
        }
        if (b != ',') {
            throw Elsewhere.INSTANCE;
        }
        return false;
    }

    /** Whether the next byte is {@code b}, consumed if so. */
    boolean take(byte b) {
        if (peek() == b) {
            at++;
            return true;
        }
        return false;
    }

    /** A string without escapes or control characters, or JSON null. */
    String string() {
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
    LocalDate date() {
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
    long whole(boolean signed) {
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
    double decimal() {
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

    boolean nullHere() {
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

    void expect(byte[] literal) {
        if (!matches(literal)) {
            throw Elsewhere.INSTANCE;
        }
        at += literal.length;
    }

    void expect(byte b) {
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

}
