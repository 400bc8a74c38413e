package org.tabale.alerts.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Path;

/**
 * Fuzz test of the rule file reader ({@code TABALE_RULES}, the shape of {@code default-rules.yaml}):
 * whatever the bytes, it gives a rule set or refuses with an {@link IllegalArgumentException} that
 * names the file and says why. Anything else (a NullPointerException, a parser's own exception, a
 * stack overflow on deep nesting, memory run out on aliases) is a finding.
 *
 * <p>A plain build runs it once per committed input, in
 * {@code src/test/resources/org/tabale/alerts/rules/RuleSetFuzzTestInputs/<method>/}, and once on
 * empty input. {@code JAZZER_FUZZ=1} fuzzes it from those inputs (docs/FUZZING.md).
 */
class RuleSetFuzzTest {

    private static final Path FILE = Path.of("rules.yaml");

    @FuzzTest(maxDuration = "60s")
    void shouldReadOrRefuseAnyRuleFile(byte[] yaml) {
        RuleSet rules;
        try {
            rules = RuleSet.parse(yaml, FILE);
        } catch (IllegalArgumentException refused) {
            // A reason, not the bare name of an exception whose message was null.
            assertThat(refused.getMessage()).startsWith("TABALE_RULES file rules.yaml is not a valid rule set: ")
                    .doesNotEndWith(": ").doesNotEndWith(": null");
            return;
        }
        assertThat(rules.all()).doesNotContainNull();
    }
}
