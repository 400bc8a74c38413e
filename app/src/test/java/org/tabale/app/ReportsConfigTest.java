package org.tabale.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** TABALE_PSEUDONYM_KEY: a known setting, checked at start, required where instances must agree. */
class ReportsConfigTest {

    @Test
    void shouldKnowThePseudonymKeySetting() {
        assertThat(TabaleConfig.allKeys()).contains("TABALE_PSEUDONYM_KEY");
        assertThat(TabaleConfig.isKnownKey("TABALE_PSEUDONYM_KEY")).isTrue();
    }

    @Test
    void shouldRefuseAShortPseudonymKeyNamingTheVariableWithoutShowingIt() {
        assertThatThrownBy(() -> TabaleConfig.fromEnv(Map.of("TABALE_PSEUDONYM_KEY", "tiny-secret-value")))
                .hasMessageContaining("TABALE_PSEUDONYM_KEY").hasMessageNotContaining("tiny-secret-value");
        assertThat(TabaleConfig.fromEnv(Map.of("TABALE_PSEUDONYM_KEY", "k".repeat(32))).env())
                .containsKey("TABALE_PSEUDONYM_KEY");
    }

    @Test
    void shouldRefuseTheIngestClusterRoleWithoutAPseudonymKey(@TempDir Path dir) throws Exception {
        assumeTrue(System.getenv("TABALE_PSEUDONYM_KEY") == null, "needs an environment without TABALE_PSEUDONYM_KEY");
        Path config = Files.writeString(dir.resolve("tabale.env"), """
                KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:1
                TABALE_TOKENS=integrator:integrator-secret-0001
                TABALE_DATA_DIR=%s
                """.formatted(dir.resolve("data")));
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new Main()).setErr(new PrintWriter(err))
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    cmd.getErr().println(e.getMessage());
                    return 2;
                });

        int code = cli.execute("ingest", "--config", config.toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("TABALE_PSEUDONYM_KEY must be set for a cluster role that runs ingest");
        assertThat(dir.resolve("data").resolve("pseudonym.key")).doesNotExist();
    }
}
