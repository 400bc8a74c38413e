package org.tabale.alerts.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SeverityMappingTest {

    private static final SeverityMapping BY_VALUE = new SeverityMapping(null, null, List.of(
            new SeverityMapping.Step(50, Severity.EXTREME),
            new SeverityMapping.Step(10, Severity.MODERATE),
            new SeverityMapping.Step(25, Severity.SEVERE)));

    @ParameterizedTest(name = "value {0} -> {1}")
    @CsvSource({"3, moderate", "10, moderate", "24, moderate", "25, severe", "49, severe", "50, extreme", "157, extreme"})
    void shouldPickTheHighestStepReached(long value, String expected) {
        assertThat(BY_VALUE.severity(value, 0)).isEqualTo(Severity.parse(expected));
    }

    @ParameterizedTest(name = "score {0} -> {1}")
    @CsvSource({"2, minor", "2.99, minor", "3, moderate", "5, severe"})
    void shouldCompareTheScoreWhenAskedTo(double score, String expected) {
        SeverityMapping byScore = new SeverityMapping(null, SeverityMapping.By.SCORE, List.of(
                new SeverityMapping.Step(2, Severity.MINOR), new SeverityMapping.Step(3, Severity.MODERATE),
                new SeverityMapping.Step(5, Severity.SEVERE)));

        assertThat(byScore.severity(1000, score)).isEqualTo(Severity.parse(expected));
    }

    @Test
    void shouldKeepAFixedSeverity() {
        assertThat(SeverityMapping.of(Severity.SEVERE).severity(1, 0)).isEqualTo(Severity.SEVERE);
        assertThat(BY_VALUE.least()).isEqualTo(Severity.MODERATE);
    }

    @Test
    void shouldRefuseBothOrNeither() {
        assertThatThrownBy(() -> new SeverityMapping(Severity.MINOR, null, List.of(new SeverityMapping.Step(1, Severity.SEVERE))))
                .hasMessageContaining("either severity or severities");
        assertThatThrownBy(() -> new SeverityMapping(null, null, List.of())).hasMessageContaining("either severity or severities");
    }
}
