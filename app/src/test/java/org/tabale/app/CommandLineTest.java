package org.tabale.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tabale.app.http.ApiRole;
import org.tabale.app.http.Tokens;
import picocli.CommandLine;

class CommandLineTest {

    @Test
    void shouldOfferTheDemoTheRolesReplayAndBacktest() {
        CommandLine cli = new CommandLine(new Main());

        assertThat(cli.getSubcommands().keySet())
                .containsExactlyInAnyOrder("demo", "run", "all", "ingest", "streams", "alerts", "replay", "bench", "backtest");
    }

    @Test
    void shouldRefuseAClusterRoleWithoutBootstrapServers() {
        assumeTrue(System.getenv("KAFKA_BOOTSTRAP_SERVERS") == null, "needs an environment without KAFKA_BOOTSTRAP_SERVERS");
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new Main()).setErr(new PrintWriter(err))
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    cmd.getErr().println(e.getMessage());
                    return 2;
                });
        int code = cli.execute("streams");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("KAFKA_BOOTSTRAP_SERVERS must be set");
    }

    @Test
    void shouldReadDefaultsAndNameTheVariableOfABadValue() {
        TabaleConfig defaults = TabaleConfig.fromEnv(Map.of());
        assertThat(defaults.httpPort()).isEqualTo(8080);
        assertThat(defaults.maxBodyBytes()).isEqualTo(64L * 1024 * 1024);
        assertThat(defaults.bootstrapServers()).isEmpty();
        assertThat(defaults.dataDir().getFileName().toString()).isEqualTo("data");

        assertThatThrownBy(() -> TabaleConfig.fromEnv(Map.of("TABALE_HTTP_PORT", "eighty")))
                .hasMessageContaining("TABALE_HTTP_PORT");
        assertThatThrownBy(() -> TabaleConfig.fromEnv(Map.of("TABALE_TOPIC_REPLICATION", "0")))
                .hasMessageContaining("TABALE_TOPIC_REPLICATION");
        assertThatThrownBy(() -> TabaleConfig.fromEnv(Map.of("TABALE_TOPIC_REPLICATION", "65537")))
                .hasMessageContaining("TABALE_TOPIC_REPLICATION");
        assertThatThrownBy(() -> TabaleConfig.fromEnv(Map.of("TABALE_HTTP_PORT", "4294967297")))
                .hasMessageContaining("TABALE_HTTP_PORT");
    }

    @Test
    void shouldPassOnlyKafkaSecuritySettingsToClients() {
        assertThat(TabaleConfig.isKnownKey("KAFKA_SASL_JAAS_CONFIG")).isTrue();
        assertThat(TabaleConfig.isKnownKey("KAFKA_SECURITY_PROTOCOL")).isTrue();
        assertThat(TabaleConfig.isKnownKey("KAFKA_NODE_ID")).isFalse();
        assertThat(org.tabale.model.ClientSettings.fromEnv(Map.of("KAFKA_NODE_ID", "1", "KAFKA_SSL_KEYSTORE_TYPE", "PKCS12"),
                "b:9092").common()).containsOnly(Map.entry("bootstrap.servers", "b:9092"), Map.entry("ssl.keystore.type", "PKCS12"));
    }

    @Test
    void shouldTreatABlankSecurityVariableAsUnset() {
        assertThat(org.tabale.model.ClientSettings.fromEnv(Map.of("KAFKA_SASL_JAAS_CONFIG", " ", "KAFKA_SECURITY_PROTOCOL", "SASL_SSL"),
                "b:9092").common()).containsOnly(Map.entry("bootstrap.servers", "b:9092"), Map.entry("security.protocol", "SASL_SSL"));
        assertThat(TabaleConfig.fromEnv(Map.of("KAFKA_SSL_TRUSTSTORE_LOCATION", "")).bootstrapServers()).isEmpty();
    }

    @Test
    void shouldRefuseKafkaSecuritySettingsWhenTheEmbeddedBrokerWouldBeUsed() {
        assertThatThrownBy(() -> TabaleConfig.fromEnv(Map.of("KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "KAFKA_SASL_MECHANISM", "SCRAM-SHA-512")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("KAFKA_SASL_MECHANISM, KAFKA_SECURITY_PROTOCOL")
                .hasMessageContaining("KAFKA_BOOTSTRAP_SERVERS is unset");
        assertThat(TabaleConfig.fromEnv(Map.of("KAFKA_SECURITY_PROTOCOL", "SASL_SSL", "KAFKA_BOOTSTRAP_SERVERS", "b:9092"))
                .bootstrapServers()).contains("b:9092");
    }

    @Test
    void shouldMatchTokensToRolesAndRefuseWeakOnes() {
        Tokens tokens = Tokens.parse("integrator:integrator-secret-1,admin:admin-secret-00001");

        assertThat(tokens.check("integrator-secret-1", Instant.EPOCH).role()).isEqualTo(ApiRole.INTEGRATOR);
        assertThat(tokens.check("admin-secret-00001", Instant.EPOCH).role()).isEqualTo(ApiRole.ADMIN);
        assertThat(tokens.check("integrator-secret-2", Instant.EPOCH).status()).isEqualTo(Tokens.Status.UNKNOWN);
        assertThat(tokens.printable()).isEmpty();
        assertThatThrownBy(() -> Tokens.parse("analyst:short")).hasMessageContaining("at least 16");
        assertThatThrownBy(() -> Tokens.parse("janitor:janitor-secret-0001")).hasMessageContaining("janitor");
    }

    @Test
    void shouldReadRevokedTokensFromTheirOwnVariable() {
        TabaleConfig config = TabaleConfig.fromEnv(Map.of("TABALE_TOKENS", "officer:officer-secret-0001,officer:officer-secret-0002",
                "TABALE_TOKENS_REVOKED", Tokens.digestHex("officer-secret-0001")));

        assertThat(TabaleConfig.isKnownKey("TABALE_TOKENS_REVOKED")).isTrue();
        assertThat(config.apiTokens().orElseThrow().check("officer-secret-0001", Instant.EPOCH).status()).isEqualTo(Tokens.Status.REVOKED);
        assertThat(config.apiTokens().orElseThrow().check("officer-secret-0002", Instant.EPOCH).status()).isEqualTo(Tokens.Status.VALID);
        assertThat(TabaleConfig.fromEnv(Map.of()).apiTokens()).isEmpty();
        assertThat(config.toString()).contains("TABALE_TOKENS", "TABALE_TOKENS_REVOKED").doesNotContain("officer-secret-000",
                Tokens.digestHex("officer-secret-0001"));
    }

    @Test
    void shouldGenerateATokenForEveryRole() {
        Tokens tokens = Tokens.generate();

        assertThat(tokens.printable()).containsOnlyKeys(ApiRole.values());
        tokens.printable().forEach((role, token) -> assertThat(tokens.check(token, Instant.EPOCH))
                .isEqualTo(new Tokens.Check(Tokens.Status.VALID, role, role.label() + "#1", null)));
    }
}
