package org.tabale.alerts.notify;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How to reach the SMS gateway (Kannel, RapidPro, Orange SMS API, Twilio...): one HTTP call per
 * SMS. The URL and the body are templates with {@code {to}} (E.164 number), {@code {text}} (the
 * GSM 7-bit text) and {@code {id}} (the notification id, for gateways that deduplicate); values
 * are URL-encoded in the URL, and in the body JSON-escaped when the content type is JSON,
 * form-encoded when it is {@code application/x-www-form-urlencoded}, left as they are otherwise.
 *
 * @param url           {@code TABALE_SMS_URL}: an http(s) URL template, {@code https://sms.example.org/send?to={to}&text={text}}
 * @param method        {@code TABALE_SMS_METHOD}: GET, POST (default) or PUT
 * @param contentType   {@code TABALE_SMS_CONTENT_TYPE}: default {@code application/json}
 * @param bodyTemplate  {@code TABALE_SMS_BODY}: default {@code {"to":"{to}","text":"{text}"}}; empty for GET
 * @param authorization {@code TABALE_SMS_AUTHORIZATION}: an {@code Authorization} header value, or null
 * @param timeout       per call
 */
public record SmsSettings(String url, String method, String contentType, String bodyTemplate, String authorization,
                          Duration timeout) {

    /** The body sent when none is configured. */
    public static final String DEFAULT_BODY = "{\"to\":\"{to}\",\"text\":\"{text}\"}";
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT");

    public SmsSettings {
        Objects.requireNonNull(url, "url");
        url = url.trim();
        URI checked;
        try {
            // Placeholders hold braces, which URI refuses: check the URL with neutral values.
            checked = URI.create(fill(url, "id", "to", "text"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("TABALE_SMS_URL is not a URL: " + e.getMessage(), e);
        }
        if (!"http".equals(checked.getScheme()) && !"https".equals(checked.getScheme()) || checked.getHost() == null) {
            throw new IllegalArgumentException("TABALE_SMS_URL must be an absolute http(s) URL, was '" + url + "'");
        }
        method = method == null ? "POST" : method.trim().toUpperCase(Locale.ROOT);
        if (!METHODS.contains(method)) {
            throw new IllegalArgumentException("TABALE_SMS_METHOD must be GET, POST or PUT, was '" + method + "'");
        }
        contentType = contentType == null ? "application/json" : contentType;
        bodyTemplate = bodyTemplate == null ? (method.equals("GET") ? "" : DEFAULT_BODY) : bodyTemplate;
        if (method.equals("GET") && !bodyTemplate.isEmpty()) {
            throw new IllegalArgumentException("TABALE_SMS_BODY must be empty for GET: put {to} and {text} in TABALE_SMS_URL");
        }
        String both = url + bodyTemplate;
        if (!both.contains("{to}") || !both.contains("{text}")) {
            throw new IllegalArgumentException("TABALE_SMS_URL or TABALE_SMS_BODY must hold the {to} and {text} placeholders");
        }
        timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
    }

    /**
     * The settings from the environment, or empty when {@code TABALE_SMS_URL} is unset (no SMS).
     * Fails naming the variable on a bad value.
     */
    public static Optional<SmsSettings> fromEnv(Map<String, String> env) {
        String url = env.get("TABALE_SMS_URL");
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new SmsSettings(url, env.get("TABALE_SMS_METHOD"), env.get("TABALE_SMS_CONTENT_TYPE"),
                env.get("TABALE_SMS_BODY"), env.get("TABALE_SMS_AUTHORIZATION"), null));
    }

    /** The host of the gateway, for messages. */
    public String host() {
        return URI.create(fill(url, "id", "to", "text")).getHost();
    }

    /** A template with its placeholders replaced by values (already escaped for where they go). */
    static String fill(String template, String id, String to, String text) {
        return template.replace("{id}", id).replace("{to}", to).replace("{text}", text);
    }
}
