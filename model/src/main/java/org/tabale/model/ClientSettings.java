package org.tabale.model;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * How every service reaches the cluster: the bootstrap servers and the security settings passed
 * through from the environment ({@code KAFKA_SECURITY_PROTOCOL}, {@code KAFKA_SASL_MECHANISM},
 * {@code KAFKA_SASL_JAAS_CONFIG}, {@code KAFKA_SSL_TRUSTSTORE_LOCATION}, ...), each
 * {@code KAFKA_X_Y} variable becoming client property {@code x.y}. Only security settings pass:
 * a stray broker variable ({@code KAFKA_NODE_ID}) must not become a client property. A blank
 * variable counts as unset, as elsewhere ({@code KAFKA_SASL_JAAS_CONFIG: ${VAR:-}} in a compose file).
 * Every Kafka client of the services starts from {@link #common()}; docs/SECURITY-KAFKA.md lists them.
 */
public record ClientSettings(String bootstrapServers, Map<String, String> passthrough) {

    public static final String BOOTSTRAP = "KAFKA_BOOTSTRAP_SERVERS";
    private static final String PREFIX = "KAFKA_";
    private static final List<String> PASSTHROUGH = List.of("KAFKA_SECURITY_PROTOCOL", "KAFKA_SASL_", "KAFKA_SSL_");

    public ClientSettings {
        Objects.requireNonNull(bootstrapServers, BOOTSTRAP);
        passthrough = Map.copyOf(passthrough);
    }

    /** Settings from the environment, with the bootstrap servers given (the embedded broker's, or the variable's). */
    public static ClientSettings fromEnv(Map<String, String> env, String bootstrapServers) {
        Map<String, String> props = new HashMap<>();
        securityVariables(env).forEach(name ->
                props.put(name.substring(PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.'), env.get(name)));
        return new ClientSettings(bootstrapServers, props);
    }

    /** The security variables set (not blank) in {@code env}, in name order. */
    public static List<String> securityVariables(Map<String, String> env) {
        return env.entrySet().stream()
                .filter(e -> isPassthrough(e.getKey()) && e.getValue() != null && !e.getValue().isBlank())
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
    }

    /** Whether an environment variable is a Kafka security setting passed to every client. */
    public static boolean isPassthrough(String name) {
        return PASSTHROUGH.stream().anyMatch(name::startsWith);
    }

    /** Client properties common to producers, consumers, admin clients and Streams. */
    public Map<String, Object> common() {
        Map<String, Object> props = new HashMap<>(passthrough);
        props.put("bootstrap.servers", bootstrapServers);
        return props;
    }
}
