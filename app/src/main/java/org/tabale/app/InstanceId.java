package org.tabale.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The identity of this process in its Kafka consumer groups ({@code group.instance.id}: static
 * membership), the same across restarts: {@code TABALE_INSTANCE_ID}, else the id kept in
 * {@code TABALE_DATA_DIR/instance.id}, created at first start. A process killed and started again
 * on its data directory takes its partitions back at once, instead of waiting for the session
 * timeout of the member that died (45 s, during which the statistics API answers 503). Two
 * processes must never share an id: copy a data directory to a new instance without that file.
 */
final class InstanceId {

    static final String ENV = "TABALE_INSTANCE_ID";
    static final String FILE = "instance.id";
    private static final Pattern LEGAL = Pattern.compile("[A-Za-z0-9._-]{1,100}");

    private InstanceId() {
    }

    static String resolve(Map<String, String> env, Path dataDir) {
        String given = env.get(ENV);
        if (given != null && !given.isBlank()) {
            return validate(given.trim(), ENV);
        }
        Path file = dataDir.resolve(FILE);
        try {
            if (Files.exists(file)) {
                return validate(Files.readString(file, StandardCharsets.UTF_8).trim(), file.toString());
            }
            byte[] random = new byte[6];
            new SecureRandom().nextBytes(random);
            String id = "tabale-" + HexFormat.of().formatHex(random);
            Files.createDirectories(dataDir);
            Path written = Files.writeString(dataDir.resolve(FILE + ".new"), id + "\n", StandardCharsets.UTF_8);
            Files.move(written, file, StandardCopyOption.ATOMIC_MOVE);
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the instance id in " + file + " (or set " + ENV + ")", e);
        }
    }

    private static String validate(String id, String where) {
        if (!LEGAL.matcher(id).matches()) {
            throw new IllegalArgumentException(where + " must be 1 to 100 letters, digits, '.', '_' or '-', was '" + id + "'");
        }
        return id;
    }
}
