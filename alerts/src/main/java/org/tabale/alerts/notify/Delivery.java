package org.tabale.alerts.notify;

import java.time.Instant;
import java.util.Objects;
import org.tabale.alerts.lifecycle.AlertNotice;
import org.tabale.alerts.message.Language;

/**
 * A record of the notification log ({@code tabale.notifications.v1}): one message for one
 * responder on one channel and how its delivery stands.
 *
 * @param id          the notification id ({@link Notification#id()}): the webhook-id, Message-ID, SMS reference
 * @param notice      the message
 * @param responder   the responder's name; the contact is looked up in the responders file when sending
 * @param channel     {@code webhook}, {@code email} or {@code sms}
 * @param attempts    delivery attempts so far
 * @param lastError   why the last attempt failed; null when none did
 * @param nextAttempt when the next attempt is due (pending only)
 * @param deadline    after this, a failing delivery is given up ({@code failed})
 */
public record Delivery(String id, AlertNotice notice, String responder, String channel, Language language, Status status,
                       int attempts, String lastError, Instant createdAt, Instant nextAttempt, Instant deadline,
                       Instant finishedAt) {

    /** Where a delivery stands. */
    public enum Status {
        pending, delivered, failed
    }

    public Delivery {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
    }

    Delivery attempted(Status next, String error, Instant due, Instant now) {
        return new Delivery(id, notice, responder, channel, language, next, attempts + 1, error, createdAt, due, deadline,
                next == Status.pending ? null : now);
    }
}
