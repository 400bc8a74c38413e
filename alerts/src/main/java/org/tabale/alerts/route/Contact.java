package org.tabale.alerts.route;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.net.URI;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Pattern;

/** Where a responder is reached: a webhook, an e-mail address or a phone number for SMS. */
public sealed interface Contact {

    /** The channel name, as metrics and notification ids use it: {@code webhook}, {@code email}, {@code sms}. */
    String channel();

    /**
     * A webhook receiver with its Standard Webhooks secret ({@code whsec_} then base64 of 24 to
     * 64 random bytes, as https://www.standardwebhooks.com specifies).
     */
    record Webhook(URI url, String secret) implements Contact {

        private static final String PREFIX = "whsec_";

        public Webhook {
            Objects.requireNonNull(url, "url");
            if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme()) || url.getHost() == null) {
                throw new IllegalArgumentException("webhook url must be an absolute http(s) URL, was '" + url + "'");
            }
            if (secret == null || !secret.startsWith(PREFIX)) {
                throw new IllegalArgumentException("webhook secret must start with 'whsec_' then base64");
            }
            int bytes;
            try {
                bytes = Base64.getDecoder().decode(secret.substring(PREFIX.length())).length;
            } catch (IllegalArgumentException e) {
                // No cause: Jackson reports the root cause, and this message is the one a user needs.
                throw new IllegalArgumentException("webhook secret after 'whsec_' is not base64");
            }
            if (bytes < 24 || bytes > 64) {
                throw new IllegalArgumentException("webhook secret must hold 24 to 64 bytes, holds " + bytes);
            }
        }

        /** The HMAC key: the secret's bytes. */
        public byte[] key() {
            return Base64.getDecoder().decode(secret.substring(PREFIX.length()));
        }

        @Override
        public String channel() {
            return "webhook";
        }

        /** Never prints the secret. */
        @Override
        public String toString() {
            return "Webhook[url=" + url + "]";
        }
    }

    /** An e-mail address. */
    record Email(@JsonValue String address) implements Contact {

        private static final Pattern ADDRESS = Pattern.compile("[^@\\s<>]+@[^@\\s<>]+\\.[^@\\s<>]+");

        @JsonCreator
        public Email {
            if (address == null || !ADDRESS.matcher(address).matches()) {
                throw new IllegalArgumentException("email must be an address like officer@example.org, was '" + address + "'");
            }
        }

        @Override
        public String channel() {
            return "email";
        }
    }

    /** A phone number in E.164 form, {@code +22370000000}. */
    record Sms(@JsonValue String number) implements Contact {

        private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");

        @JsonCreator
        public Sms {
            if (number == null || !E164.matcher(number).matches()) {
                throw new IllegalArgumentException("sms must be a number in E.164 form like +22370000000, was '" + number + "'");
            }
        }

        @Override
        public String channel() {
            return "sms";
        }
    }
}
