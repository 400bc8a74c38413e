package org.tabale.alerts.rules;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.tabale.model.RegionStats;

/**
 * The rules the alert service evaluates, read from YAML ({@code TABALE_RULES}) or the shipped
 * default ({@code default-rules.yaml}, which documents the format). A file with an unknown field,
 * a field its detector does not read, a duplicate rule name or a bad value is refused at start
 * with the rule's name and the field's.
 */
public final class RuleSet {

    private static final String DEFAULT = "/org/tabale/alerts/default-rules.yaml";
    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final List<Rule> rules;

    /** {@code distinct} only sets this constructor apart from the deprecated one (both take a List). */
    private RuleSet(List<Rule> rules, boolean distinct) {
        this.rules = List.copyOf(rules);
        Set<String> names = new HashSet<>();
        for (Rule rule : this.rules) {
            if (!names.add(rule.name())) {
                throw new IllegalArgumentException("rule name '" + rule.name() + "' appears twice");
            }
        }
    }

    /** A rule set of these rules; names must be unique. */
    public static RuleSet of(List<Rule> rules) {
        return new RuleSet(rules, true);
    }

    /** Every rule, in file order. */
    public List<Rule> all() {
        return rules;
    }

    /** For each rule that applies to the record's region and holds on it, in rule order, its detection. */
    public List<Detection> evaluate(RegionStats stats) {
        List<Detection> detections = new ArrayList<>();
        for (Rule rule : rules) {
            rule.evaluate(stats).flatMap(Evaluation::detection).ifPresent(detections::add);
        }
        return detections;
    }

    /**
     * One rule's verdict on a record, holding or not (value, trigger level, severity): what resolution
     * with hysteresis needs. Empty when the rule does not apply (disabled in the record's region, or the
     * record lacks its window, baseline or highs).
     */
    public Optional<Evaluation> evaluate(Rule rule, RegionStats stats) {
        return rule.evaluate(stats);
    }

    /** The rule of this name. */
    public Optional<Rule> rule(String name) {
        return rules.stream().filter(r -> r.name().equals(name)).findFirst();
    }

    public static RuleSet bundledDefault() {
        try (InputStream in = RuleSet.class.getResourceAsStream(DEFAULT)) {
            return parse(YAML.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The rule set of a rule file.
     *
     * @throws IllegalArgumentException naming the file and what is wrong, when it cannot be read or is not a rule set
     */
    public static RuleSet read(Path file) {
        byte[] yaml;
        try {
            yaml = Files.readAllBytes(file);
        } catch (IOException e) {
            throw invalid(file, e);
        }
        return parse(yaml, file);
    }

    /** The rule set of a rule file's bytes ({@link #read}); {@code file} names it in errors. */
    static RuleSet parse(byte[] yaml, Path file) {
        try {
            return parse(YAML.readTree(yaml));
        } catch (IOException | IllegalArgumentException e) {
            throw invalid(file, e);
        }
    }

    private static IllegalArgumentException invalid(Path file, Exception e) {
        String reason = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
        return new IllegalArgumentException("TABALE_RULES file " + file + " is not a valid rule set: "
                + (reason.isBlank() ? e.getClass().getSimpleName() : reason), e);
    }

    private static RuleSet parse(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("expected a mapping with a list of rules under 'rules'");
        }
        for (Iterator<String> fields = root.fieldNames(); fields.hasNext(); ) {
            String field = fields.next();
            if (!field.equals("rules")) {
                throw new IllegalArgumentException("unknown field '" + field + "' (a rule file has only 'rules')");
            }
        }
        JsonNode list = root.path("rules");
        if (!list.isArray()) {
            throw new IllegalArgumentException("'rules' must be a list of rules");
        }
        List<Rule> rules = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            rules.add(bind(list.get(i), i).toRule());
        }
        return of(rules);
    }

    private static RuleSpec bind(JsonNode node, int index) {
        if (!node.isObject()) {
            // Jackson binds a null entry ("- ~", "-") to a null spec rather than failing.
            throw new IllegalArgumentException("rule #" + (index + 1) + " must be a mapping of name, metric, window, ..., was "
                    + (node.isNull() ? "empty" : "a " + node.getNodeType().name().toLowerCase(Locale.ROOT)));
        }
        String name = node.path("name").isTextual() ? "rule '" + node.path("name").asText() + "'" : "rule #" + (index + 1);
        try {
            return YAML.treeToValue(node, RuleSpec.class);
        } catch (UnrecognizedPropertyException e) {
            throw new IllegalArgumentException(name + ": unknown field '" + path(e) + "'", e);
        } catch (JsonMappingException e) {
            String reason = e.getCause() instanceof IllegalArgumentException cause ? cause.getMessage()
                    : e.getOriginalMessage().lines().findFirst().orElse("");
            throw new IllegalArgumentException(name + ": field '" + path(e) + "': " + reason, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code overrides[0].treshold}: where in a rule a mapping error is. */
    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RuleSet set && set.rules.equals(rules);
    }

    @Override
    public int hashCode() {
        return rules.hashCode();
    }

    @Override
    public String toString() {
        return "RuleSet" + rules;
    }
}
