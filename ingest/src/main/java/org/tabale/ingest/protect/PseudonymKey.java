package org.tabale.ingest.protect;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The secret under which reporters' identities become pseudonyms and external report ids become
 * report ids: {@code TABALE_PSEUDONYM_KEY} (at least 32 characters), or, for a single process
 * ({@code tabale run}, {@code tabale demo}) where it is unset, a random key created once and kept
 * in {@code TABALE_DATA_DIR/pseudonym.key} so that pseudonyms stay the same across restarts.
 * The key is never logged; {@link #toString()} withholds it.
 */
public final class PseudonymKey {

    public static final String ENV = "TABALE_PSEUDONYM_KEY";
    /** The configuration keys this class reads. */
    public static final List<String> KEYS = List.of(ENV);
    /** Where a generated key is kept, under the data directory. */
    public static final String FILE = "pseudonym.key";
    static final int MIN_LENGTH = 32;

    private static final Logger LOG = LoggerFactory.getLogger(PseudonymKey.class);

    private final byte[] secret;

    private PseudonymKey(byte[] secret) {
        this.secret = secret.clone();
    }

    /** A key from its text form. */
    public static PseudonymKey of(String secret) {
        validate(secret, ENV);
        return new PseudonymKey(secret.trim().getBytes(StandardCharsets.UTF_8));
    }

    /** Checks the variable where it is set; fails naming it (never showing it) when it is too short. */
    public static void validate(Map<String, String> env) {
        String value = env.get(ENV);
        if (value != null && !value.isBlank()) {
            validate(value, ENV);
        }
    }

    /** Whether the variable is set. */
    public static boolean configured(Map<String, String> env) {
        String value = env.get(ENV);
        return value != null && !value.isBlank();
    }

    /**
     * The configured key, or else the one kept under {@code dataDir}, created there (readable by
     * the owner only) on first use.
     */
    public static PseudonymKey resolve(Map<String, String> env, Path dataDir) {
        if (configured(env)) {
            return of(env.get(ENV));
        }
        Path file = dataDir.resolve(FILE);
        try {
            Files.createDirectories(dataDir);
            if (!Files.exists(file)) {
                byte[] random = new byte[32];
                new SecureRandom().nextBytes(random);
                try {
                    write(file, HexFormat.of().formatHex(random));
                    LOG.info("{} unset: created a pseudonym key in {}; keep it (and back it up) so that reporters keep"
                            + " their pseudonyms across restarts", ENV, file);
                } catch (FileAlreadyExistsException raced) {
                    // another process of the same data directory wrote it first: use theirs
                }
            } else {
                LOG.info("{} unset: using the pseudonym key kept in {}", ENV, file);
            }
            String kept = Files.readString(file, StandardCharsets.UTF_8).trim();
            validate(kept, file.toString());
            return new PseudonymKey(kept.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the pseudonym key " + file + " (or set " + ENV + ")", e);
        }
    }

    byte[] secret() {
        return secret.clone();
    }

    @Override
    public String toString() {
        return "PseudonymKey[withheld]";
    }

    private static void write(Path file, String text) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
        }
        Files.writeString(file, text + "\n", StandardCharsets.UTF_8);
    }

    private static void validate(String secret, String where) {
        if (secret == null || secret.trim().length() < MIN_LENGTH) {
            throw new IllegalArgumentException(where + " must be at least " + MIN_LENGTH
                    + " characters (e.g. the output of: openssl rand -hex 32)");
        }
    }
}
