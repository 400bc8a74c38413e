package org.tabale.alerts.route;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Fuzz test of the responders file reader ({@code TABALE_RESPONDERS}): whatever the text, it gives
 * responders or refuses with an {@link IllegalArgumentException} that names the file and says why.
 * Anything else (a NullPointerException, a parser's own exception, a stack overflow on deep
 * nesting, memory run out on aliases) is a finding.
 *
 * <p>A plain build runs it once per committed input, in
 * {@code src/test/resources/org/tabale/alerts/route/RespondersFuzzTestInputs/<method>/}, and once
 * on empty input. {@code JAZZER_FUZZ=1} fuzzes it from those inputs (docs/FUZZING.md).
 */
class RespondersFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void shouldReadOrRefuseAnyRespondersFile(byte[] yaml) {
        List<Responder> responders;
        try {
            responders = Responders.parse(new String(yaml, StandardCharsets.UTF_8), "responders.yml");
        } catch (IllegalArgumentException refused) {
            // A reason, not the bare name of an exception whose message was null.
            assertThat(refused.getMessage()).startsWith("responders.yml")
                    .doesNotEndWith(": ").doesNotEndWith(": null");
            return;
        }
        assertThat(responders).isNotEmpty().doesNotContainNull();
        responders.forEach(responder -> assertThat(responder.channels().contacts()).isNotEmpty());
    }
}
