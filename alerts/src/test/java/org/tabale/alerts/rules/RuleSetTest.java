package org.tabale.alerts.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tabale.model.Metric;

class RuleSetTest {

    @TempDir
    Path dir;

    private Path write(String yaml) throws IOException {
        return Files.writeString(dir.resolve("rules.yaml"), yaml);
    }

    @Test
    void shouldShipADefaultRuleOnCivilianFatalities() {
        assertThat(RuleSet.bundledDefault().rules())
                .containsExactly(new ThresholdRule("civilian-fatalities-7d", Metric.CIVILIAN_FATALITIES, 7, 10, Severity.SEVERE));
    }

    @Test
    void shouldReadARuleFile() throws IOException {
        Path file = write("rules:\n  - {name: deaths, metric: fatalities, window: 7, threshold: 25, severity: extreme}\n");

        assertThat(RuleSet.read(file).rules())
                .isEqualTo(List.of(new ThresholdRule("deaths", Metric.FATALITIES, 7, 25, Severity.EXTREME)));
    }

    @Test
    void shouldRefuseAnUnknownMetricNamingIt() throws IOException {
        Path file = write("rules:\n  - {name: x, metric: casualties, window: 7, threshold: 2, severity: minor}\n");

        assertThatThrownBy(() -> RuleSet.read(file)).hasMessageContaining("casualties");
    }

    @Test
    void shouldRefuseAnUnknownField() throws IOException {
        Path file = write("rules:\n  - {name: x, metric: events, window: 7, threshold: 2, severity: minor, treshold: 3}\n");

        assertThatThrownBy(() -> RuleSet.read(file)).hasMessageContaining("treshold");
    }

    @Test
    void shouldRefuseTwoRulesOfOneName() throws IOException {
        Path file = write("rules:\n  - {name: x, metric: events, window: 7, threshold: 2, severity: minor}\n"
                + "  - {name: x, metric: fatalities, window: 7, threshold: 2, severity: minor}\n");

        assertThatThrownBy(() -> RuleSet.read(file)).hasMessageContaining("'x' appears twice");
    }
}
