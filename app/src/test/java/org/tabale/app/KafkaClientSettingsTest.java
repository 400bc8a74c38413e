package org.tabale.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every Kafka client the services create starts from {@code ClientSettings.common()}, so the
 * security settings (KAFKA_SECURITY_PROTOCOL, KAFKA_SASL_*, KAFKA_SSL_*) reach it: read from the
 * sources, each {@code new KafkaProducer}, {@code new KafkaConsumer}, {@code Admin.create} and
 * {@code new KafkaStreams} takes properties that are {@code common()} or were filled from it
 * (directly, or through a copy). Kafka Streams hands its properties to its own consumers,
 * producers, restore consumer and admin client. KafkaSaslScramIT shows the same on a broker that
 * accepts SASL/SCRAM only; this test names the file and line of a client that would not.
 *
 * <p>Not the services': module {@code broker} (the embedded broker's own admin client, from its
 * {@code clientProperties()}), {@code testkit}, and {@code app}'s {@code bench} package, which
 * starts its own plaintext broker and reads no KAFKA_* variable.
 */
class KafkaClientSettingsTest {

    private static final Path ROOT = Files.isDirectory(Path.of("docs")) ? Path.of("") : Path.of("..");
    private static final List<String> SERVICE_MODULES = List.of("model", "ingest", "streams", "alerts", "app");
    private static final Pattern CLIENT = Pattern.compile(
            "new (KafkaProducer|KafkaConsumer|KafkaStreams)\\b(?:<[^(]*>)?\\(|\\b(Admin|AdminClient)\\.create\\(");

    @Test
    void shouldBuildEveryServiceClientFromTheCommonClientSettings() throws IOException {
        Map<String, String> clients = new TreeMap<>();
        for (Path file : serviceSources()) {
            String source = Files.readString(file);
            Matcher client = CLIENT.matcher(source);
            while (client.find()) {
                String where = ROOT.relativize(file) + ":" + line(source, client.start());
                String properties = "KafkaStreams".equals(client.group(1))
                        ? secondArgument(source, client.end()) : firstArgument(source, client.end());
                clients.put(where, fromCommon(source, properties, 0) ? "common()" : "NOT FROM common(): " + properties);
            }
        }

        assertThat(clients).as("clients found").hasSizeGreaterThanOrEqualTo(10);
        assertThat(clients).allSatisfy((where, from) -> assertThat(from).as(where).isEqualTo("common()"));
    }

    private static List<Path> serviceSources() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String module : SERVICE_MODULES) {
            try (Stream<Path> tree = Files.walk(ROOT.resolve(module).resolve("src/main/java"))) {
                tree.filter(path -> path.toString().endsWith(".java"))
                        .filter(path -> !path.toString().contains("/org/tabale/app/bench/"))
                        .forEach(files::add);
            }
        }
        return files;
    }

    /** Whether {@code expression} is, or was filled from, {@code ClientSettings.common()} in this file. */
    private static boolean fromCommon(String source, String expression, int depth) {
        if (expression.contains(".common()")) {
            return true;
        }
        if (depth > 3 || !expression.matches("(this\\.)?\\w+")) {
            return false;
        }
        String name = expression.replace("this.", "");
        Matcher assigned = Pattern.compile("\\b" + name + "\\s*=\\s*new (?:HashMap<>|Properties)\\(([^;]*)\\);").matcher(source);
        while (assigned.find()) {
            if (fromCommon(source, assigned.group(1).strip(), depth + 1)) {
                return true;
            }
        }
        Matcher filled = Pattern.compile("\\b" + name + "\\.putAll\\(([^;]*)\\);").matcher(source);
        while (filled.find()) {
            if (fromCommon(source, filled.group(1).strip(), depth + 1)) {
                return true;
            }
        }
        return false;
    }

    private static String firstArgument(String source, int from) {
        return arguments(source, from).get(0);
    }

    private static String secondArgument(String source, int from) {
        return arguments(source, from).get(1);
    }

    /** The top-level arguments of the call whose opening parenthesis ends just before {@code from}. */
    private static List<String> arguments(String source, int from) {
        List<String> arguments = new ArrayList<>();
        int depth = 0;
        int start = from;
        for (int i = from; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '(' || c == '<' || c == '{') {
                depth++;
            } else if ((c == ')' || c == '>' || c == '}') && depth > 0) {
                depth--;
            } else if (c == ',' && depth == 0 || c == ')') {
                arguments.add(source.substring(start, i).strip());
                start = i + 1;
                if (c == ')') {
                    return arguments;
                }
            }
        }
        return arguments;
    }

    private static int line(String source, int offset) {
        return (int) source.substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
    }
}
