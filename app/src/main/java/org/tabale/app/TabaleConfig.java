package org.tabale.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.tabale.alerts.AlertsSettings;
import org.tabale.app.http.Tokens;
import org.tabale.ingest.publish.IngestLimits;
import org.tabale.model.ClientSettings;
import org.tabale.model.EnvValues;
import org.tabale.ingest.protect.PseudonymKey;
import org.tabale.streams.StreamsSettings;

/**
 * The launcher's configuration, from environment variables (or a {@code --config} file of
 * {@code KEY=value} lines, which the environment overrides). Validated at start: a bad value
 * stops the process with the variable's name.
 */
public record TabaleConfig(Map<String, String> env, Optional<String> bootstrapServers, Path dataDir, int httpPort,
                           Optional<String> tokens, long maxBodyBytes, int embeddedKafkaPort,
                           short replicationFactor, IngestLimits limits, int rateLimitPerMinute, int ingestConcurrency) {

    /** Keys the launcher itself reads; the services' keys are added in {@link #allKeys()}. */
    public static final List<String> KEYS = List.of("KAFKA_BOOTSTRAP_SERVERS", "TABALE_DATA_DIR", "TABALE_HTTP_PORT",
            "TABALE_TOKENS", "TABALE_TOKENS_REVOKED", "TABALE_MAX_BODY_BYTES", "TABALE_EMBEDDED_KAFKA_PORT", "TABALE_TOPIC_REPLICATION",
            "TABALE_MAX_ROWS", "TABALE_MAX_FIELD_CHARS", "TABALE_RATE_LIMIT", "TABALE_INSTANCE_ID", "TABALE_INGEST_CONCURRENCY",
            // Read by logback.xml from the process environment only (logging starts before --config is read).
            "TABALE_LOG_LEVEL", "TABALE_KAFKA_LOG_LEVEL");

    public TabaleConfig {
        env = Map.copyOf(env);
        if (httpPort < 0 || httpPort > 65_535) {
            throw new IllegalArgumentException("TABALE_HTTP_PORT must be a port number, was " + httpPort);
        }
        if (maxBodyBytes < 1024) {
            throw new IllegalArgumentException("TABALE_MAX_BODY_BYTES must be at least 1024, was " + maxBodyBytes);
        }
        if (replicationFactor < 1) {
            throw new IllegalArgumentException("TABALE_TOPIC_REPLICATION must be >= 1, was " + replicationFactor);
        }
        PseudonymKey.validate(env);
        List<String> security = ClientSettings.securityVariables(env);
        if (bootstrapServers.isEmpty() && !security.isEmpty()) {
            throw new IllegalArgumentException(String.join(", ", security) + " set for a Kafka cluster, but "
                    + "KAFKA_BOOTSTRAP_SERVERS is unset: the embedded broker is plaintext on 127.0.0.1 only. "
                    + "Set KAFKA_BOOTSTRAP_SERVERS, or unset the Kafka security variables");
        }
    }

    public static TabaleConfig fromEnv(Map<String, String> env) {
        return new TabaleConfig(env,
                Optional.ofNullable(blankToNull(env.get("KAFKA_BOOTSTRAP_SERVERS"))),
                Path.of(env.getOrDefault("TABALE_DATA_DIR", "./data")).toAbsolutePath().normalize(),
                (int) EnvValues.number(env, "TABALE_HTTP_PORT", 8080, 0, 65_535),
                Optional.ofNullable(blankToNull(env.get("TABALE_TOKENS"))),
                EnvValues.number(env, "TABALE_MAX_BODY_BYTES", 64L * 1024 * 1024, 1024, Integer.MAX_VALUE),
                (int) EnvValues.number(env, "TABALE_EMBEDDED_KAFKA_PORT", 9092, 0, 65_535),
                (short) EnvValues.number(env, "TABALE_TOPIC_REPLICATION", 1, 1, Short.MAX_VALUE),
                new IngestLimits((int) EnvValues.number(env, "TABALE_MAX_ROWS", IngestLimits.DEFAULT.maxRows(), 1, Integer.MAX_VALUE),
                        (int) EnvValues.number(env, "TABALE_MAX_FIELD_CHARS", IngestLimits.DEFAULT.maxFieldChars(), 100, Integer.MAX_VALUE)),
                (int) EnvValues.number(env, "TABALE_RATE_LIMIT", 600, 1, Integer.MAX_VALUE),
                (int) EnvValues.number(env, "TABALE_INGEST_CONCURRENCY", 4, 1, 10_000));
    }

    /**
     * The API tokens: {@code TABALE_TOKENS} less the digests of {@code TABALE_TOKENS_REVOKED} (see {@link Tokens});
     * empty when {@code TABALE_TOKENS} is unset.
     */
    public Optional<Tokens> apiTokens() {
        return tokens.map(spec -> Tokens.parse(spec, env.get("TABALE_TOKENS_REVOKED")));
    }

    /** Names the variables set but shows no value of them: a configuration printed by mistake leaks no token or key. */
    @Override
    public String toString() {
        return "TabaleConfig[bootstrapServers=" + bootstrapServers + ", dataDir=" + dataDir + ", httpPort=" + httpPort
                + ", tokens=" + (tokens.isPresent() ? "(set)" : "(unset)") + ", maxBodyBytes=" + maxBodyBytes
                + ", embeddedKafkaPort=" + embeddedKafkaPort + ", replicationFactor=" + replicationFactor + ", limits=" + limits
                + ", rateLimitPerMinute=" + rateLimitPerMinute + ", ingestConcurrency=" + ingestConcurrency + ", variables=" + new TreeSet<>(env.keySet()) + "]";
    }

    /** Every configuration key of the product: the launcher's, the services', and Kafka security pass-through. */
    public static List<String> allKeys() {
        List<String> keys = new ArrayList<>(KEYS);
        keys.addAll(StreamsSettings.KEYS);
        keys.addAll(AlertsSettings.KEYS);
        keys.addAll(PseudonymKey.KEYS);
        return List.copyOf(keys);
    }

    /** Whether a variable is one the product reads (Kafka security settings pass through to the clients). */
    public static boolean isKnownKey(String name) {
        return allKeys().contains(name) || ClientSettings.isPassthrough(name);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
