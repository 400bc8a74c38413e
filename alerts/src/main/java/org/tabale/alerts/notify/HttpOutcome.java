package org.tabale.alerts.notify;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * How an HTTP answer maps onto a {@link DeliveryResult}, the same for webhooks and SMS gateways:
 * 2xx delivered; 408, 425, 429 and 5xx retryable, honouring {@code Retry-After} (seconds or an
 * HTTP date); a 3xx is a permanent failure, since redirects are not followed (a receiver could
 * otherwise send us anywhere); any other 4xx permanent.
 */
final class HttpOutcome {

    private HttpOutcome() {
    }

    static DeliveryResult of(HttpResponse<?> response, Clock clock) {
        int status = response.statusCode();
        String what = "HTTP " + status + " from " + response.uri().getHost();
        if (status / 100 == 2) {
            return new DeliveryResult.Delivered(what);
        }
        if (status / 100 == 3) {
            return new DeliveryResult.PermanentFailure(what + ": redirect to '"
                    + response.headers().firstValue("Location").orElse("?") + "' not followed");
        }
        if (status == 408 || status == 425 || status == 429 || status / 100 == 5) {
            return new DeliveryResult.RetryableFailure(what,
                    response.headers().firstValue("Retry-After").flatMap(v -> retryAfter(v, clock)));
        }
        return new DeliveryResult.PermanentFailure(what);
    }

    /** A Retry-After value, {@code 120} or {@code Wed, 21 Oct 2015 07:28:00 GMT}, as a pause from now. */
    static Optional<Duration> retryAfter(String value, Clock clock) {
        String trimmed = value.trim();
        if (trimmed.matches("\\d{1,9}")) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(trimmed)));
        }
        try {
            Duration pause = Duration.between(clock.instant(),
                    ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            return Optional.of(pause.isNegative() ? Duration.ZERO : pause);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
