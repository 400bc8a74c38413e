package org.tabale.app.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Bearer tokens per role, from {@code TABALE_TOKENS} ({@code role:token,role:token}). Tokens are
 * held as SHA-256 digests and compared in constant time; they are never logged.
 */
public final class Tokens {

    private final Map<ApiRole, byte[]> digests = new EnumMap<>(ApiRole.class);
    private final Map<ApiRole, String> plain;

    private Tokens(Map<ApiRole, String> tokens, boolean keepPlain) {
        tokens.forEach((role, token) -> digests.put(role, sha256(token)));
        this.plain = keepPlain ? Map.copyOf(tokens) : Map.of();
    }

    public static Tokens parse(String spec) {
        Map<ApiRole, String> tokens = new LinkedHashMap<>();
        for (String entry : spec.split(",")) {
            int colon = entry.indexOf(':');
            if (colon < 1 || colon == entry.length() - 1) {
                throw new IllegalArgumentException("TABALE_TOKENS entries must be role:token, one was malformed");
            }
            ApiRole role = ApiRole.parse(entry.substring(0, colon));
            String token = entry.substring(colon + 1).trim();
            if (token.length() < 16) {
                throw new IllegalArgumentException("TABALE_TOKENS: the " + role.label() + " token must be at least 16 characters");
            }
            if (tokens.put(role, token) != null) {
                throw new IllegalArgumentException("TABALE_TOKENS names role " + role.label() + " twice");
            }
        }
        return new Tokens(tokens, false);
    }

    /** Fresh random tokens for every role (the demo prints them). */
    public static Tokens generate() {
        SecureRandom random = new SecureRandom();
        Map<ApiRole, String> tokens = new LinkedHashMap<>();
        for (ApiRole role : ApiRole.values()) {
            byte[] bytes = new byte[16];
            random.nextBytes(bytes);
            tokens.put(role, role.label().substring(0, 3) + "-" + HexFormat.of().formatHex(bytes));
        }
        return new Tokens(tokens, true);
    }

    /** The plain tokens of generated sets, for printing; empty for configured ones. */
    public Map<ApiRole, String> printable() {
        return plain;
    }

    /** The role a presented token belongs to. Every stored digest is compared, so timing says nothing. */
    public Optional<ApiRole> roleOf(String presented) {
        byte[] digest = sha256(presented);
        ApiRole match = null;
        for (Map.Entry<ApiRole, byte[]> entry : digests.entrySet()) {
            if (MessageDigest.isEqual(entry.getValue(), digest)) {
                match = entry.getKey();
            }
        }
        return Optional.ofNullable(match);
    }

    private static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
