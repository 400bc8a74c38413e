package org.tabale.app.http;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * A token bucket per API token, keyed by the token's id ({@code integrator#2}, see {@link Tokens.Check#id()}):
 * {@code perMinute} calls a minute on average, bursts up to the same number. Beyond it the caller
 * gets 429 with the seconds to wait.
 */
public final class RateLimiter {

    private final int perMinute;
    private final Clock clock;
    private final Map<String, double[]> buckets = new HashMap<>();

    public RateLimiter(int perMinute, Clock clock) {
        if (perMinute < 1) {
            throw new IllegalArgumentException("TABALE_RATE_LIMIT must be >= 1 call a minute, was " + perMinute);
        }
        this.perMinute = perMinute;
        this.clock = clock;
    }

    /** Takes one call from the token's bucket: 0 when allowed, otherwise the whole seconds to wait. */
    public synchronized long acquire(String tokenId) {
        long now = clock.millis();
        double[] bucket = buckets.computeIfAbsent(tokenId, r -> new double[] {perMinute, now});
        double refill = (now - bucket[1]) * perMinute / 60_000d;
        bucket[0] = Math.min(perMinute, bucket[0] + refill);
        bucket[1] = now;
        if (bucket[0] >= 1) {
            bucket[0] -= 1;
            return 0;
        }
        return (long) Math.ceil((1 - bucket[0]) * 60d / perMinute);
    }
}
