package org.tabale.app.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.tabale.app.TabaleConfig;
import picocli.CommandLine.Option;

/** The {@code --config FILE} option: {@code KEY=value} lines; the environment overrides the file. */
public final class ConfigOption {

    @Option(names = "--config", paramLabel = "FILE", description = "File of KEY=value lines (environment variables override it)")
    Path file;

    public Map<String, String> env() {
        Map<String, String> merged = new HashMap<>();
        if (file != null) {
            try {
                for (String line : Files.readAllLines(file)) {
                    String trimmed = line.trim();
                    if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                        continue;
                    }
                    int eq = trimmed.indexOf('=');
                    if (eq < 1) {
                        throw new IllegalArgumentException(file + ": not KEY=value: " + trimmed);
                    }
                    String key = trimmed.substring(0, eq).trim();
                    if (!TabaleConfig.isKnownKey(key)) {
                        throw new IllegalArgumentException(file + ": unknown setting " + key);
                    }
                    merged.put(key, trimmed.substring(eq + 1).trim());
                }
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read --config " + file + ": " + e.getMessage(), e);
            }
        }
        merged.putAll(System.getenv());
        return merged;
    }

    public TabaleConfig config() {
        return TabaleConfig.fromEnv(env());
    }
}
