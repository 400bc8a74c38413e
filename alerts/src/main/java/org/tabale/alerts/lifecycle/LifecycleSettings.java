package org.tabale.alerts.lifecycle;

import java.time.Duration;
import java.util.Objects;
import org.tabale.alerts.rules.Severity;

/**
 * The timers and margins of the alert lifecycle.
 *
 * @param pendingDates     successive window ends at which a condition must hold before it fires (1 = at once)
 * @param hysteresis       how far below its trigger a value must fall to count towards resolution (0.2 = 20%)
 * @param resolveAfterDays window ends the value must stay below that level before the episode resolves
 * @param worsenBy         how much the value must grow over the last message's (0.5 = 50%) to send an update;
 *                         a higher severity always does
 * @param maxPushAgeDays   an episode whose window ended more than this many days before today is recorded
 *                         and visible but nobody is paged (replays of history, very late data)
 * @param escalateFrom     the least severity that escalates
 * @param escalateAfter    how long a firing alert may stay unacknowledged before the next tier is told
 * @param maxEscalations   how many times one episode escalates, at most
 */
public record LifecycleSettings(int pendingDates, double hysteresis, int resolveAfterDays, double worsenBy,
                                int maxPushAgeDays, Severity escalateFrom, Duration escalateAfter, int maxEscalations) {

    public static final LifecycleSettings DEFAULT = new LifecycleSettings(2, 0.2, 14, 0.5, 30, Severity.SEVERE,
            Duration.ofHours(2), 2);

    public LifecycleSettings {
        if (pendingDates < 1) {
            throw new IllegalArgumentException("TABALE_ALERT_PENDING_DATES must be >= 1, was " + pendingDates);
        }
        if (hysteresis < 0 || hysteresis >= 1) {
            throw new IllegalArgumentException("TABALE_ALERT_HYSTERESIS must be in [0, 1), was " + hysteresis);
        }
        if (resolveAfterDays < 0) {
            throw new IllegalArgumentException("TABALE_ALERT_RESOLVE_AFTER_DAYS must be >= 0, was " + resolveAfterDays);
        }
        if (worsenBy <= 0) {
            throw new IllegalArgumentException("TABALE_ALERT_WORSEN_BY must be > 0, was " + worsenBy);
        }
        if (maxPushAgeDays < 0) {
            throw new IllegalArgumentException("TABALE_ALERT_MAX_PUSH_AGE_DAYS must be >= 0, was " + maxPushAgeDays);
        }
        Objects.requireNonNull(escalateFrom, "escalateFrom");
        if (escalateAfter.isNegative() || escalateAfter.isZero()) {
            throw new IllegalArgumentException("TABALE_ESCALATE_AFTER must be positive, was " + escalateAfter);
        }
        if (maxEscalations < 0) {
            throw new IllegalArgumentException("TABALE_MAX_ESCALATIONS must be >= 0, was " + maxEscalations);
        }
    }
}
