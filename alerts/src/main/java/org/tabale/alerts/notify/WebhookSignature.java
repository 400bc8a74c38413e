package org.tabale.alerts.notify;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks signatures (https://www.standardwebhooks.com): the
 * {@code webhook-signature} header is {@code v1,} then base64 of HMAC-SHA256 over
 * {@code id.timestamp.body}, keyed with the secret's bytes (the base64 after {@code whsec_}).
 * Receivers check it, and that the timestamp is recent, to refuse forged and replayed calls.
 */
public final class WebhookSignature {

    /** Header names of the specification. */
    public static final String ID = "webhook-id";
    public static final String TIMESTAMP = "webhook-timestamp";
    public static final String SIGNATURE = "webhook-signature";

    private WebhookSignature() {
    }

    /** The header value {@code v1,<base64>} for a message. */
    public static String sign(byte[] key, String id, long timestampSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((id + "." + timestampSeconds + ".").getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /**
     * Whether a {@code webhook-signature} header (space-separated signatures, as when a secret is
     * being rotated) holds a valid v1 signature of the message, compared in constant time.
     */
    public static boolean verify(byte[] key, String id, long timestampSeconds, byte[] body, String header) {
        byte[] expected = sign(key, id, timestampSeconds, body).getBytes(StandardCharsets.US_ASCII);
        for (String candidate : header.trim().split(" +")) {
            if (MessageDigest.isEqual(expected, candidate.getBytes(StandardCharsets.US_ASCII))) {
                return true;
            }
        }
        return false;
    }
}
