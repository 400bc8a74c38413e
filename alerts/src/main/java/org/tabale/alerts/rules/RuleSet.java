package org.tabale.alerts.rules;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The rules the alert service evaluates, read from YAML ({@code TABALE_RULES}) or the shipped
 * default. A file with an unknown field, a duplicate rule name or a bad value is refused with
 * the reason, at start.
 */
public record RuleSet(@JsonProperty("rules") List<ThresholdRule> rules) {

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    public RuleSet {
        rules = List.copyOf(rules == null ? List.of() : rules);
        Set<String> names = new HashSet<>();
        for (ThresholdRule rule : rules) {
            if (!names.add(rule.name())) {
                throw new IllegalArgumentException("rule name '" + rule.name() + "' appears twice");
            }
        }
    }

    public static RuleSet bundledDefault() {
        try (InputStream in = RuleSet.class.getResourceAsStream("/org/tabale/alerts/default-rules.yaml")) {
            return YAML.readValue(in, RuleSet.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static RuleSet read(Path file) {
        try {
            return YAML.readValue(Files.readAllBytes(file), RuleSet.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("TABALE_RULES file " + file + " is not a valid rule set: "
                    + e.getMessage().lines().findFirst().orElse(""), e);
        }
    }
}
