package org.tabale.app.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiPredicate;

/**
 * Bearer tokens and their roles, from {@code TABALE_TOKENS} and {@code TABALE_TOKENS_REVOKED}.
 *
 * <p>{@code TABALE_TOKENS} is a comma list of {@code role:token} or {@code role:token@EXPIRY}; a role
 * may have several tokens (to rotate one without downtime, or one per integrator). {@code EXPIRY} is
 * an instant ({@code 2027-01-31T12:00:00Z}) or a date ({@code 2027-01-31}, meaning 00:00 UTC that
 * day); from that instant on the token is refused as expired. A token therefore cannot contain
 * {@code ,} or {@code @} (neither is a bearer-token character of RFC 6750). {@code TABALE_TOKENS_REVOKED}
 * is a comma list of SHA-256 digests (64 hex digits) of revoked tokens, so a revoked secret is never
 * written in plain; a revoked token is refused whether or not it is still in {@code TABALE_TOKENS}.
 *
 * <p>Only SHA-256 digests are held. A presented token's digest is compared with every configured and
 * every revoked digest, in constant time and without stopping at a match, so the time taken says
 * nothing about which token, role or position matched. No method's message or result carries a
 * token; entries are named by their position in the list.
 */
public final class Tokens {

    /** The verdict on a presented token. */
    public enum Status { VALID, EXPIRED, REVOKED, UNKNOWN }

    /**
     * What a presented token is: {@code role} and {@code id} ({@code integrator#2}: the role's second
     * token in {@code TABALE_TOKENS}, never the secret) when configured, {@code expiresAt} when it has an
     * expiry; {@code role} and {@code id} are null for unknown tokens and for revoked ones not configured.
     */
    public record Check(Status status, ApiRole role, String id, Instant expiresAt) {
        public Check {
            Objects.requireNonNull(status, "status");
        }
    }

    private record Entry(String id, ApiRole role, byte[] digest, Instant expiresAt) {
    }

    /** Tokens shorter than this are refused. */
    private static final int MIN_LENGTH = 16;

    private final List<Entry> entries;
    private final List<byte[]> revoked;
    private final Map<ApiRole, String> plain;
    private final BiPredicate<byte[], byte[]> equality;

    private Tokens(List<Entry> entries, List<byte[]> revoked, Map<ApiRole, String> plain, BiPredicate<byte[], byte[]> equality) {
        this.entries = List.copyOf(entries);
        this.revoked = List.copyOf(revoked);
        this.plain = Map.copyOf(plain);
        this.equality = equality;
    }

    /** Tokens of {@code TABALE_TOKENS}, none revoked. */
    public static Tokens parse(String spec) {
        return parse(spec, null);
    }

    /** Tokens of {@code TABALE_TOKENS} ({@code spec}) less those of {@code TABALE_TOKENS_REVOKED} ({@code revoked}, may be null). */
    public static Tokens parse(String spec, String revoked) {
        return parse(spec, revoked, MessageDigest::isEqual);
    }

    /** As {@link #parse(String, String)}, comparing digests with {@code equality} (tests count the comparisons). */
    static Tokens parse(String spec, String revoked, BiPredicate<byte[], byte[]> equality) {
        List<Entry> entries = new ArrayList<>();
        Map<ApiRole, Integer> perRole = new EnumMap<>(ApiRole.class);
        for (Written written : read(spec)) {
            int n = perRole.merge(written.role(), 1, Integer::sum);
            entries.add(new Entry(written.role().label() + "#" + n, written.role(), sha256(written.token()), written.expiresAt()));
        }
        return new Tokens(entries, revokedDigests(revoked), Map.of(), equality);
    }

    /**
     * The first token of {@code role} in {@code spec} ({@code TABALE_TOKENS}) that is neither expired at
     * {@code now} nor listed in {@code revoked}: what a client on the same host, such as {@code tabale replay}, sends.
     */
    public static Optional<String> firstUsable(String spec, String revoked, ApiRole role, Instant now) {
        List<byte[]> revokedDigests = revokedDigests(revoked);
        return read(spec).stream()
                .filter(w -> w.role() == role && (w.expiresAt() == null || now.isBefore(w.expiresAt())))
                .filter(w -> revokedDigests.stream().noneMatch(d -> MessageDigest.isEqual(d, sha256(w.token()))))
                .map(Written::token)
                .findFirst();
    }

    /** An entry as written in {@code TABALE_TOKENS}. */
    private record Written(ApiRole role, String token, Instant expiresAt) {
    }

    private static List<Written> read(String spec) {
        List<Written> written = new ArrayList<>();
        String[] items = spec.split(",");
        for (int i = 0; i < items.length; i++) {
            Written entry = entry(items[i].trim(), i + 1);
            for (int j = 0; j < written.size(); j++) {
                if (written.get(j).token().equals(entry.token())) {
                    throw new IllegalArgumentException("TABALE_TOKENS entries " + (j + 1) + " and " + (i + 1)
                            + " hold the same token; give each token once");
                }
            }
            written.add(entry);
        }
        return written;
    }

    private static Written entry(String item, int position) {
        int colon = item.indexOf(':');
        if (colon < 1 || colon == item.length() - 1) {
            throw new IllegalArgumentException("TABALE_TOKENS entry " + position + " is malformed: entries are role:token or role:token@EXPIRY");
        }
        String label = item.substring(0, colon).trim();
        ApiRole role;
        try {
            role = ApiRole.parse(label);
        } catch (IllegalArgumentException e) {
            // A token written before its role would otherwise be echoed: only a label too short to be a token is shown.
            String shown = label.length() < MIN_LENGTH ? " '" + label + "'" : "";
            throw new IllegalArgumentException("TABALE_TOKENS entry " + position + " names an unknown role" + shown
                    + ": roles are integrator, analyst, officer, admin");
        }
        String rest = item.substring(colon + 1);
        int at = rest.indexOf('@');
        String token = (at < 0 ? rest : rest.substring(0, at)).trim();
        Instant expiresAt = at < 0 ? null : expiry(rest.substring(at + 1).trim(), position, role);
        if (token.length() < MIN_LENGTH) {
            throw new IllegalArgumentException("TABALE_TOKENS entry " + position + ": the " + role.label()
                    + " token must be at least " + MIN_LENGTH + " characters");
        }
        return new Written(role, token, expiresAt);
    }

    private static Instant expiry(String text, int position, ApiRole role) {
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            // The text is not shown: were '@' part of a token by mistake, it would be part of the secret.
            throw new IllegalArgumentException("TABALE_TOKENS entry " + position + " (" + role.label() + "): what follows '@' must be"
                    + " an expiry date (2027-01-31, from 00:00 UTC) or instant (2027-01-31T12:00:00Z); tokens cannot contain '@'");
        }
    }

    private static List<byte[]> revokedDigests(String spec) {
        List<byte[]> digests = new ArrayList<>();
        if (spec == null || spec.isBlank()) {
            return digests;
        }
        String[] items = spec.split(",");
        for (int i = 0; i < items.length; i++) {
            String hex = items[i].trim().toLowerCase(Locale.ROOT);
            if (hex.isEmpty()) {
                continue;
            }
            if (!hex.matches("[0-9a-f]{64}")) {
                // Not shown: a plain token pasted here by mistake must not reach the logs.
                throw new IllegalArgumentException("TABALE_TOKENS_REVOKED entry " + (i + 1) + " is not a SHA-256 digest:"
                        + " 64 hex digits, e.g. from printf %s \"$TOKEN\" | sha256sum");
            }
            digests.add(HexFormat.of().parseHex(hex));
        }
        return digests;
    }

    /** Fresh random tokens, one for every role, without expiry (the demo prints them). */
    public static Tokens generate() {
        SecureRandom random = new SecureRandom();
        Map<ApiRole, String> tokens = new LinkedHashMap<>();
        List<Entry> entries = new ArrayList<>();
        for (ApiRole role : ApiRole.values()) {
            byte[] bytes = new byte[16];
            random.nextBytes(bytes);
            String token = role.label().substring(0, 3) + "-" + HexFormat.of().formatHex(bytes);
            tokens.put(role, token);
            entries.add(new Entry(role.label() + "#1", role, sha256(token), null));
        }
        return new Tokens(entries, List.of(), tokens, MessageDigest::isEqual);
    }

    /** The plain tokens of generated sets, for printing; empty for configured ones. */
    public Map<ApiRole, String> printable() {
        return plain;
    }

    /**
     * What {@code presented} is at {@code now}. Every configured and every revoked digest is compared,
     * whatever matched before, so the time taken depends on the number of tokens only. Revoked wins
     * over expired, expired over valid.
     */
    public Check check(String presented, Instant now) {
        byte[] digest = sha256(presented);
        Entry match = null;
        for (Entry entry : entries) {
            if (equality.test(entry.digest(), digest)) {
                match = entry;
            }
        }
        boolean isRevoked = false;
        for (byte[] revokedDigest : revoked) {
            isRevoked |= equality.test(revokedDigest, digest);
        }
        ApiRole role = match == null ? null : match.role();
        String id = match == null ? null : match.id();
        Instant expiresAt = match == null ? null : match.expiresAt();
        if (isRevoked) {
            return new Check(Status.REVOKED, role, id, expiresAt);
        }
        if (match == null) {
            return new Check(Status.UNKNOWN, null, null, null);
        }
        Status status = expiresAt != null && !now.isBefore(expiresAt) ? Status.EXPIRED : Status.VALID;
        return new Check(status, role, id, expiresAt);
    }

    /** How many configured tokens and revoked digests a lookup compares. */
    int digestCount() {
        return entries.size() + revoked.size();
    }

    /** The SHA-256 digest of a token in hex: what {@code TABALE_TOKENS_REVOKED} lists. */
    public static String digestHex(String token) {
        return HexFormat.of().formatHex(sha256(token));
    }

    private static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
