package org.tabale.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.tabale.app.demo.SyntheticAcled;

class SyntheticDataTest {

    @Test
    void shouldBundleExactlyWhatTheGeneratorProduces() throws IOException {
        String bundled;
        try (InputStream in = getClass().getResourceAsStream("/demo/mali-synthetic-acled.csv")) {
            bundled = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }

        assertThat(bundled).isEqualTo(SyntheticAcled.csv());
    }

    @Test
    void shouldCarryNoAcledRowsOnlySyntheticOnes() {
        assertThat(SyntheticAcled.csv().lines().skip(1))
                .isNotEmpty()
                .allSatisfy(row -> assertThat(row).contains("Synthetic event for the Tabale demo"));
    }
}
