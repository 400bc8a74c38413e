package org.tabale.alerts.notify;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What one delivery attempt came to, so an outbox can drive every channel alike: done, try again
 * (no sooner than {@code retryAfter} when the receiver said so), or give up.
 */
public sealed interface DeliveryResult {

    /** The receiver took the message. */
    record Delivered(String detail) implements DeliveryResult {
        public Delivered {
            Objects.requireNonNull(detail, "detail");
        }
    }

    /** A passing failure (network, 5xx, 429, SMTP 4xx): try again later, no sooner than {@code retryAfter} if present. */
    record RetryableFailure(String reason, Optional<Duration> retryAfter) implements DeliveryResult {
        public RetryableFailure {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(retryAfter, "retryAfter");
        }

        public RetryableFailure(String reason) {
            this(reason, Optional.empty());
        }
    }

    /** A failure that trying again will not mend (4xx, refused target, bad address): record it and alert an operator. */
    record PermanentFailure(String reason) implements DeliveryResult {
        public PermanentFailure {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
