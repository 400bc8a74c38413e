package org.tabale.model;

import java.time.Instant;
import java.util.Objects;

/**
 * Value of {@code tabale.dlq.v1}: a refused row with the context needed to fix and resend it.
 *
 * @param source   where it came from ({@code http:/api/v1/events}, {@code replay:FILE}, {@code streams})
 * @param feed     the feed format ({@code acled}, {@code ucdp}, ...)
 * @param row      1-based data row within the submission (header excluded), or -1
 * @param eventId  the row's event id where it has one
 * @param reason   why it was refused, in words an integrator can act on
 * @param original the row's original text
 */
public record DeadLetter(String source, String feed, long row, String eventId, String reason,
                         String original, Instant receivedAt) {

    /** Originals longer than this are cut, so that a dead letter always fits in a Kafka record. */
    public static final int MAX_ORIGINAL_CHARS = 64 * 1024;

    public DeadLetter {
        if (original != null && original.length() > MAX_ORIGINAL_CHARS) {
            original = original.substring(0, MAX_ORIGINAL_CHARS) + "… [cut: " + original.length() + " characters in all]";
        }
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(receivedAt, "receivedAt");
    }
}
