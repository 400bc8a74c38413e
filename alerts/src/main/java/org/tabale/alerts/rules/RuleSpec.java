package org.tabale.alerts.rules;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.tabale.model.Metric;

/**
 * A rule as written in a rule file, before validation: every field optional, so that a missing or
 * misplaced field is refused by {@link #toRule()} with the rule's name and the field's. Overrides
 * carry the same detector and severity fields, layered over the rule (country, then region).
 */
record RuleSpec(@JsonProperty("name") String name,
                @JsonProperty("description") String description,
                @JsonProperty("metric") Metric metric,
                @JsonProperty("window") Integer window,
                @JsonProperty("detector") Kind detector,
                @JsonProperty("threshold") Long threshold,
                @JsonProperty("factor") Double factor,
                @JsonProperty("minBaseline") Double minBaseline,
                @JsonProperty("pValue") Double pValue,
                @JsonProperty("over") RecordHighDetector.Over over,
                @JsonProperty("floor") Long floor,
                @JsonProperty("severity") Severity severity,
                @JsonProperty("severities") List<StepSpec> severities,
                @JsonProperty("severityBy") SeverityMapping.By severityBy,
                @JsonProperty("overrides") List<OverrideSpec> overrides) {

    /** The detectors by their names in rule files. */
    enum Kind {
        THRESHOLD("threshold"), RATIO("ratio"), NEGATIVE_BINOMIAL("negativeBinomial"), RECORD_HIGH("recordHigh");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        @JsonValue
        String label() {
            return label;
        }

        @JsonCreator
        static Kind parse(String text) {
            for (Kind kind : values()) {
                if (kind.label.equalsIgnoreCase(text.trim())) {
                    return kind;
                }
            }
            throw new IllegalArgumentException("detector must be threshold, ratio, negativeBinomial or recordHigh, was '" + text + "'");
        }
    }

    /** One severity step: {@code {atLeast: 50, severity: extreme}}. */
    record StepSpec(@JsonProperty("atLeast") Double atLeast, @JsonProperty("severity") Severity severity) {
    }

    /** {@code {region: MLI.Bamako, threshold: 20}}, {@code {country: MLI, disabled: true}}. */
    record OverrideSpec(@JsonProperty("region") String region,
                        @JsonProperty("country") String country,
                        @JsonProperty("disabled") Boolean disabled,
                        @JsonProperty("threshold") Long threshold,
                        @JsonProperty("factor") Double factor,
                        @JsonProperty("minBaseline") Double minBaseline,
                        @JsonProperty("pValue") Double pValue,
                        @JsonProperty("over") RecordHighDetector.Over over,
                        @JsonProperty("floor") Long floor,
                        @JsonProperty("severity") Severity severity,
                        @JsonProperty("severities") List<StepSpec> severities,
                        @JsonProperty("severityBy") SeverityMapping.By severityBy) {

        String scope() {
            return region != null ? "region " + region : "country " + country;
        }
    }

    /** The fields each detector reads; any other detector field in the rule is refused. */
    private static final Map<Kind, List<String>> FIELDS = Map.of(
            Kind.THRESHOLD, List.of("threshold"),
            Kind.RATIO, List.of("factor", "minBaseline", "floor"),
            Kind.NEGATIVE_BINOMIAL, List.of("pValue", "floor"),
            Kind.RECORD_HIGH, List.of("over", "floor"));

    /** The validated rule with its overrides. */
    Rule toRule() {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a rule needs a name");
        }
        Rule base = build("");
        List<Rule.RuleOverride> built = new ArrayList<>();
        List<OverrideSpec> given = overrides == null ? List.of() : overrides;
        for (int i = 0; i < given.size(); i++) {
            if (given.get(i) == null) {
                // Jackson binds an empty list entry ("- ~", "-") to null rather than failing.
                throw new IllegalArgumentException("rule '" + name + "': overrides[" + i
                        + "] is empty: an override names a region or a country");
            }
        }
        for (OverrideSpec override : given) {
            String where = ", override for " + override.scope();
            Rule.RuleOverride scope;
            try {
                scope = new Rule.RuleOverride(override.region(), override.country(), null);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("rule '" + name + "'" + (override.region() == null && override.country() == null
                        ? ", an override" : where) + ": " + e.getMessage(), e);
            }
            RuleSpec layered = this;
            if (scope.region() != null) {
                String country = scope.region().substring(0, 3);
                for (OverrideSpec wide : overrides) {
                    if (wide.country() != null && wide.country().equalsIgnoreCase(country)) {
                        layered = layered.with(wide);
                    }
                }
            }
            layered = layered.with(override);
            // A region's override stands on its own: it enables the rule there unless it says disabled.
            boolean disabled = Boolean.TRUE.equals(override.disabled());
            built.add(new Rule.RuleOverride(scope.region(), scope.country(), disabled ? null : layered.build(where)));
        }
        return new Rule(base.name(), base.metric(), base.window(), base.detector(), base.severity(), built);
    }

    private Rule build(String where) {
        String prefix = "rule '" + name + "'" + where + ": ";
        if (metric == null) {
            throw new IllegalArgumentException(prefix + "metric is required (one of events, fatalities, violentEvents, "
                    + "civilianEvents, civilianFatalities, reports, verifiedReports)");
        }
        if (window == null) {
            throw new IllegalArgumentException(prefix + "window is required (days)");
        }
        Kind kind = detector == null ? Kind.THRESHOLD : detector;
        Map<String, Object> given = new LinkedHashMap<>();
        given.put("threshold", threshold);
        given.put("factor", factor);
        given.put("minBaseline", minBaseline);
        given.put("pValue", pValue);
        given.put("over", over);
        given.put("floor", floor);
        for (Map.Entry<String, Object> field : given.entrySet()) {
            if (field.getValue() != null && !FIELDS.get(kind).contains(field.getKey())) {
                throw new IllegalArgumentException(prefix + "field '" + field.getKey() + "' does not apply to detector "
                        + kind.label() + " (it reads " + String.join(", ", FIELDS.get(kind)) + ")");
            }
        }
        try {
            Detector built = switch (kind) {
                case THRESHOLD -> new ThresholdDetector(required(threshold, "threshold"));
                case RATIO -> new RatioDetector(required(factor, "factor"), minBaseline == null ? 1 : minBaseline,
                        floor == null ? 1 : floor);
                case NEGATIVE_BINOMIAL -> new NegativeBinomialDetector(required(pValue, "pValue"), floor == null ? 1 : floor);
                case RECORD_HIGH -> {
                    if (window != 30) {
                        throw new IllegalArgumentException("window must be 30 for detector recordHigh (the highs are of 30-day sums), was " + window);
                    }
                    yield new RecordHighDetector(over == null ? RecordHighDetector.Over.ONE_YEAR : over, required(floor, "floor"));
                }
            };
            return new Rule(name, metric, window, built, severityMapping(), List.of());
        } catch (IllegalArgumentException | NullPointerException e) {
            String message = e.getMessage().startsWith("rule " + name + ": ")
                    ? e.getMessage().substring(("rule " + name + ": ").length()) : e.getMessage();
            throw new IllegalArgumentException(prefix + message, e);
        }
    }

    private SeverityMapping severityMapping() {
        if (severityBy != null && severities == null) {
            throw new IllegalArgumentException("severityBy needs severities");
        }
        if (severities != null && severities.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("severities has an empty step: each is {atLeast, severity}");
        }
        List<SeverityMapping.Step> steps = severities == null ? null : severities.stream()
                .map(s -> new SeverityMapping.Step(required(s.atLeast(), "atLeast of each severity step"), s.severity()))
                .toList();
        return new SeverityMapping(severity, severityBy, steps);
    }

    private static <T> T required(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is required");
        }
        return value;
    }

    /** This rule with the fields an override sets; a severity replaces steps and steps replace a severity. */
    private RuleSpec with(OverrideSpec o) {
        boolean newSeverity = o.severity() != null || o.severities() != null;
        return new RuleSpec(name, description, metric, window, detector,
                pick(o.threshold(), threshold), pick(o.factor(), factor), pick(o.minBaseline(), minBaseline),
                pick(o.pValue(), pValue), pick(o.over(), over), pick(o.floor(), floor),
                newSeverity ? o.severity() : severity, newSeverity ? o.severities() : severities,
                newSeverity ? o.severityBy() : pick(o.severityBy(), severityBy), List.of());
    }

    private static <T> T pick(T override, T base) {
        return override != null ? override : base;
    }
}
