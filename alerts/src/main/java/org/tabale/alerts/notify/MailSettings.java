package org.tabale.alerts.notify;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The SMTP server e-mail goes through.
 *
 * @param host     {@code TABALE_SMTP_HOST}
 * @param port     {@code TABALE_SMTP_PORT}: default 587 with STARTTLS, 465 with TLS, 25 without
 * @param from     {@code TABALE_SMTP_FROM}: the sender address, {@code alertes@example.org}
 * @param username {@code TABALE_SMTP_USER}, or null for no authentication
 * @param password {@code TABALE_SMTP_PASSWORD}
 * @param security {@code TABALE_SMTP_SECURITY}: {@code starttls} (default, required), {@code tls}, or {@code none}
 * @param timeout  connect, read and write timeout
 */
public record MailSettings(String host, int port, String from, String username, String password, Security security,
                           Duration timeout) {

    /** How the connection to the server is protected. */
    public enum Security {
        NONE, STARTTLS, TLS
    }

    public MailSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(security, "security");
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("TABALE_SMTP_PORT must be 1 to 65535, was " + port);
        }
        if (username != null && password == null) {
            throw new IllegalArgumentException("TABALE_SMTP_PASSWORD is required with TABALE_SMTP_USER");
        }
        timeout = timeout == null ? Duration.ofSeconds(20) : timeout;
    }

    /** The settings from the environment, or empty when {@code TABALE_SMTP_HOST} is unset (no e-mail). */
    public static Optional<MailSettings> fromEnv(Map<String, String> env) {
        String host = env.get("TABALE_SMTP_HOST");
        if (host == null || host.isBlank()) {
            return Optional.empty();
        }
        Security security;
        String securityText = env.getOrDefault("TABALE_SMTP_SECURITY", "starttls").trim().toUpperCase(Locale.ROOT);
        try {
            security = Security.valueOf(securityText);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("TABALE_SMTP_SECURITY must be starttls, tls or none, was '"
                    + env.get("TABALE_SMTP_SECURITY") + "'", e);
        }
        int defaultPort = switch (security) {
            case STARTTLS -> 587;
            case TLS -> 465;
            case NONE -> 25;
        };
        int port;
        try {
            port = env.containsKey("TABALE_SMTP_PORT") ? Integer.parseInt(env.get("TABALE_SMTP_PORT").trim()) : defaultPort;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("TABALE_SMTP_PORT must be a number, was '" + env.get("TABALE_SMTP_PORT") + "'", e);
        }
        String from = env.get("TABALE_SMTP_FROM");
        if (from == null || from.isBlank()) {
            throw new IllegalArgumentException("TABALE_SMTP_FROM is required with TABALE_SMTP_HOST");
        }
        return Optional.of(new MailSettings(host.trim(), port, from.trim(), env.get("TABALE_SMTP_USER"),
                env.get("TABALE_SMTP_PASSWORD"), security, null));
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "MailSettings[host=" + host + ", port=" + port + ", from=" + from + ", username=" + username
                + ", security=" + security + "]";
    }
}
