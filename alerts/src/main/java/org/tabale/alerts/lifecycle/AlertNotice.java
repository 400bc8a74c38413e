package org.tabale.alerts.lifecycle;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One message about an alert episode, as the lifecycle hands it to the formats and channels: the
 * alert as it stands, what changed ({@link Kind}), when this message is sent, and when the
 * episode's earlier messages were sent. Message {@code n} of an episode is
 * {@code sequence() == n}, the first being 0, so every message has a stable identity
 * ({@link #messageId()}) that a retry or a replay reproduces.
 *
 * @param alert   the alert as it stands at this message
 * @param kind    new episode, update of an open one (it worsened), or resolution
 * @param sent    when this message is (or was first) sent
 * @param earlier when the episode's earlier messages were sent, oldest first
 */
public record AlertNotice(Alert alert, Kind kind, Instant sent, List<Instant> earlier) {

    /** What a message says about its episode. */
    public enum Kind {
        /** The episode starts. */
        NEW,
        /** The episode goes on and changed (a higher severity, new evidence). */
        UPDATE,
        /** The episode is over. */
        RESOLVED
    }

    public AlertNotice {
        Objects.requireNonNull(alert, "alert");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(sent, "sent");
        earlier = List.copyOf(earlier);
        if (kind == Kind.NEW && !earlier.isEmpty()) {
            throw new IllegalArgumentException("a new alert has no earlier messages, alert " + alert.id());
        }
        if (kind != Kind.NEW && earlier.isEmpty()) {
            throw new IllegalArgumentException(kind + " of alert " + alert.id() + " must list the episode's earlier messages");
        }
    }

    /** The first message of an episode. */
    public static AlertNotice first(Alert alert, Instant sent) {
        return new AlertNotice(alert, Kind.NEW, sent, List.of());
    }

    /** The number of this message in its episode, from 0. */
    public int sequence() {
        return earlier.size();
    }

    /** The stable id of this message: the alert id and the sequence, {@code 0123456789abcdef.2}. */
    public String messageId() {
        return messageId(sequence());
    }

    /** The id of message {@code sequence} of this episode. */
    public String messageId(int sequence) {
        return alert.id() + "." + sequence;
    }
}
