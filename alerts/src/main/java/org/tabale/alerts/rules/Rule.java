package org.tabale.alerts.rules;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.tabale.model.Metric;
import org.tabale.model.RegionStats;
import org.tabale.model.Totals;

/**
 * One alert rule: a metric over a window of days, a {@link Detector} and a severity mapping, with
 * per-country and per-region overrides. Evaluating it is a pure function of one stats record.
 *
 * @param overrides where the rule differs: a region's override wins over its country's, and each
 *                  carries the rule as it stands there (or none where it is disabled)
 */
public record Rule(String name, Metric metric, int window, Detector detector, SeverityMapping severity,
                   List<RuleOverride> overrides) {

    public Rule {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a rule needs a name");
        }
        Objects.requireNonNull(metric, "rule " + name + ": metric is required");
        Objects.requireNonNull(detector, "rule " + name + ": detector is required");
        Objects.requireNonNull(severity, "rule " + name + ": severity is required");
        if (window < 1) {
            throw new IllegalArgumentException("rule " + name + ": window must be >= 1 day");
        }
        overrides = overrides == null ? List.of() : List.copyOf(overrides);
    }

    /** A rule without overrides and with one severity. */
    public Rule(String name, Metric metric, int window, Detector detector, Severity severity) {
        this(name, metric, window, detector, SeverityMapping.of(severity), List.of());
    }

    /** The rule as it stands in a region ({@code MLI.Mopti}): empty where an override disables it. */
    public Optional<Rule> forRegion(String regionId) {
        RuleOverride countryWide = null;
        String country = regionId.contains(".") ? regionId.substring(0, regionId.indexOf('.')) : regionId;
        for (RuleOverride override : overrides) {
            if (override.region() != null && override.region().equalsIgnoreCase(regionId)) {
                return Optional.ofNullable(override.rule());
            }
            if (override.country() != null && override.country().equalsIgnoreCase(country)) {
                countryWide = override;
            }
        }
        return countryWide == null ? Optional.of(this) : Optional.ofNullable(countryWide.rule());
    }

    /**
     * The rule's verdict on a record, holding or not; empty when the rule does not apply to it: disabled
     * in its region, or the record lacks the window or what the detector compares with.
     */
    public Optional<Evaluation> evaluate(RegionStats stats) {
        return forRegion(stats.regionId()).flatMap(rule -> rule.evaluateHere(stats));
    }

    private Optional<Evaluation> evaluateHere(RegionStats stats) {
        Totals totals = stats.windows().get(window);
        if (totals == null) {
            return Optional.empty();
        }
        long value = totals.get(metric);
        return detector.compare(value, metric, window, stats).map(c -> new Evaluation(name, metric, window,
                detector.kind(), value, c.baseline(), c.trigger(), c.score(), value >= c.trigger(),
                severity.severity(value, c.score()), c.explain()));
    }

    /**
     * Where a rule differs: in one region ({@code MLI.Bamako}) or one country (ISO3 {@code MLI}).
     *
     * @param rule the rule as it stands there; null where the override disables it
     */
    public record RuleOverride(String region, String country, Rule rule) {

        public RuleOverride {
            if ((region == null) == (country == null)) {
                throw new IllegalArgumentException("an override names either a region or a country");
            }
            if (country != null && !country.matches("[A-Za-z]{3}")) {
                throw new IllegalArgumentException("country must be an ISO 3166-1 alpha-3 code such as MLI, was '" + country + "'");
            }
            if (region != null && !region.matches("[A-Za-z]{3}\\..+")) {
                throw new IllegalArgumentException("region must be an id such as MLI.Mopti, was '" + region + "'");
            }
            country = country == null ? null : country.toUpperCase(Locale.ROOT);
        }

        public boolean disabled() {
            return rule == null;
        }
    }
}
