package org.tabale.alerts.lifecycle;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * An officer's decision to mute alerts for a while (a known operation, a duplicate source):
 * alerts it matches are recorded and visible as {@code silenced}, but nobody is paged.
 *
 * @param region  a region id ({@code MLI.Mopti}) or a country code ({@code MLI}); null matches every region
 * @param rule    a rule name; null matches every rule
 * @param metric  a metric name; null matches every metric
 * @param expired whether an officer ended it before {@code endsAt}
 */
public record Silence(String id, String region, String rule, String metric, Instant startsAt, Instant endsAt,
                      String createdBy, String comment, boolean expired) {

    public Silence {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(startsAt, "startsAt");
        Objects.requireNonNull(endsAt, "endsAt");
        if (!endsAt.isAfter(startsAt)) {
            throw new IllegalArgumentException("endsAt must be after startsAt");
        }
        if (createdBy == null || createdBy.isBlank()) {
            throw new IllegalArgumentException("createdBy is required: who decided the silence");
        }
        if (comment == null || comment.isBlank()) {
            throw new IllegalArgumentException("comment is required: why the alerts are silenced");
        }
    }

    /** Whether it mutes at {@code now}. */
    public boolean activeAt(Instant now) {
        return !expired && !now.isBefore(startsAt) && now.isBefore(endsAt);
    }

    /** Whether it matches an alert, whatever the time. */
    public boolean matches(Alert alert) {
        return (region == null || region.equalsIgnoreCase(alert.region().id())
                || alert.region().id().toUpperCase(Locale.ROOT).startsWith(region.toUpperCase(Locale.ROOT) + "."))
                && (rule == null || rule.equals(alert.rule()))
                && (metric == null || metric.equals(alert.metric().apiName()));
    }

    public Silence expire() {
        return new Silence(id, region, rule, metric, startsAt, endsAt, createdBy, comment, true);
    }
}
