package org.tabale.broker;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * SASL/SCRAM-SHA-512 on the embedded broker's client listener (named {@code SASL_PLAINTEXT}),
 * with the users created when the log directory is formatted (as
 * {@code kafka-storage.sh format --add-scram} does), so that they exist before the first client
 * connects. The broker talks to itself (transaction markers, ...) as {@code brokerUser}; the
 * controller listener stays PLAINTEXT on 127.0.0.1, where its principal is {@code User:ANONYMOUS}.
 *
 * <p>Authorization is separate: pass {@code authorizer.class.name} and {@code super.users} as
 * overrides. {@code super.users} must then name {@code User:ANONYMOUS} (the broker registers with
 * its controller over the plaintext controller listener) and {@code User:<brokerUser>}.
 *
 * @param brokerUser the user the broker itself authenticates as; one of {@code passwords}
 * @param passwords  user name to password, for every SCRAM user of the cluster. Names and passwords
 *                   are plain tokens: no spaces, quotes, backslashes, commas, equals signs or brackets
 */
public record SaslScram(String brokerUser, Map<String, String> passwords) {

    public static final String MECHANISM = "SCRAM-SHA-512";
    public static final String PROTOCOL = "SASL_PLAINTEXT";

    private static final Pattern TOKEN = Pattern.compile("[^\\s\"'\\\\,=\\[\\];]+");

    public SaslScram {
        Objects.requireNonNull(brokerUser, "brokerUser");
        passwords = Map.copyOf(passwords);
        if (!passwords.containsKey(brokerUser)) {
            throw new IllegalArgumentException("brokerUser " + brokerUser + " has no password among " + passwords.keySet());
        }
        passwords.forEach((user, password) -> {
            if (!TOKEN.matcher(user).matches() || !TOKEN.matcher(password).matches()) {
                throw new IllegalArgumentException("SCRAM user " + user
                        + ": names and passwords may not hold spaces, quotes, backslashes, commas, '=', ';' or brackets");
            }
        });
    }

    /** The JAAS login of {@code user}, as client property {@code sasl.jaas.config} takes it. */
    public String jaasConfig(String user) {
        String password = passwords.get(user);
        if (password == null) {
            throw new IllegalArgumentException("no SCRAM user " + user);
        }
        return jaasConfig(user, password);
    }

    /** A JAAS login for any user and password (a wrong one, say). */
    public static String jaasConfig(String user, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user
                + "\" password=\"" + password + "\";";
    }

    /** Client properties that log in as {@code user}: protocol, mechanism and JAAS login. */
    public Map<String, String> clientProperties(String user) {
        return Map.of("security.protocol", PROTOCOL, "sasl.mechanism", MECHANISM, "sasl.jaas.config", jaasConfig(user));
    }

    /** The {@code --add-scram} arguments of the format tool, one per user, in name order. */
    List<String> formatArguments() {
        return new TreeMap<>(passwords).entrySet().stream()
                .map(user -> MECHANISM + "=[name=" + user.getKey() + ",password=" + user.getValue() + "]")
                .toList();
    }
}
