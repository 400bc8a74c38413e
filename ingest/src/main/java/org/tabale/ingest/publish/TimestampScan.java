package org.tabale.ingest.publish;

import java.nio.charset.StandardCharsets;

/**
 * Finds the ACLED timestamp in the JSON of an event or a deletion without parsing the rest: the
 * version index reads back every record of the events topic, and a whole {@code ConflictEvent}
 * (notes, actors, sources) costs far more to parse than the one number it needs.
 *
 * <p>Looks for the key exactly as written ({@code "timestamp":} followed by digits). Inside a JSON
 * string a quote is escaped, so the key with its quotes and colon can only be a key; the records
 * have no nested objects. Anything else (spaces around the colon, a second such key, a number
 * that is not plain digits) answers -1, and the caller parses the record as before. A record
 * with a plain timestamp but otherwise unreadable now counts as a stored version where it was
 * skipped; only ingest writes these topics, and Streams dead-letters such a record.
 */
final class TimestampScan {

    static final byte[] EVENT = "\"timestamp\":".getBytes(StandardCharsets.US_ASCII);
    static final byte[] DELETION = "\"deleted_timestamp\":".getBytes(StandardCharsets.US_ASCII);

    private TimestampScan() {
    }

    /** The whole number after the only {@code key} in {@code json}, or -1. */
    static long find(byte[] json, byte[] key) {
        int at = indexOf(json, key, 0);
        if (at < 0 || indexOf(json, key, at + key.length) >= 0) {
            return -1;
        }
        int i = at + key.length;
        long value = 0;
        int digits = 0;
        while (i < json.length && json[i] >= '0' && json[i] <= '9') {
            if (++digits > 18) {
                return -1;
            }
            value = value * 10 + (json[i] - '0');
            i++;
        }
        if (digits == 0 || i == json.length || json[i] != ',' && json[i] != '}') {
            return -1;
        }
        return value;
    }

    private static int indexOf(byte[] text, byte[] key, int from) {
        byte first = key[0];
        for (int i = from; i <= text.length - key.length; i++) {
            if (text[i] != first) {
                continue;
            }
            int j = 1;
            while (j < key.length && text[i + j] == key[j]) {
                j++;
            }
            if (j == key.length) {
                return i;
            }
        }
        return -1;
    }
}
