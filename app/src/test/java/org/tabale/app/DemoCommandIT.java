package org.tabale.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.tabale.model.JsonSerde;

/**
 * {@code tabale demo} as a user runs it: the packaged jar in a child JVM, its printed tokens and
 * curl examples used as printed, then stopped (SIGTERM, as Ctrl-C) and started again on the same
 * data directory, where it serves the same figures without replaying.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class DemoCommandIT {

    private static final Path JAR = Path.of("target", "tabale.jar");
    private static final Pattern TOKEN = Pattern.compile("^\\s+(admin|analyst|officer|integrator)\\s+(\\S+)$");
    private static final String STATS = "/api/v1/stats?region=MLI.Mopti&from=2025-03-16&to=2025-04-05&window=7";

    @TempDir
    Path dataDir;

    @Test
    void shouldAlertAnswerItsCurlExamplesAndKeepItsDataAcrossARestart() throws Exception {
        assertThat(JAR).as("run 'mvn package' first: the IT drives the packaged jar").exists();
        int httpPort = freePort();
        int kafkaPort = freePort();

        Demo first = Demo.start(dataDir, httpPort, kafkaPort);
        first.awaitLine("Alerts appear below");
        // The massacre of 157 (the window's figure when the alert first fires depends on how much of
        // the replay the first emission had seen: 157, or 158 with a background death that week).
        first.awaitLine(Pattern.compile("ALERT firing {3}extreme {2}MLI\\.Mopti +civilianFatalities over 7 days = 15[78] "
                + "\\(threshold 10\\), window ending 2025-03-2\\d"));
        assertThat(first.output()).anyMatch(l -> l.contains("accepted 1,203 events"));
        List<String> curls = first.output().stream().filter(l -> l.trim().startsWith("curl ")).toList();
        assertThat(curls).hasSize(3);
        for (String curl : curls) {
            JsonNode answer = JsonSerde.MAPPER.readTree(bash(curl));
            assertThat(answer.has("error")).as("%s answered %s", curl, answer).isFalse();
            if (curl.contains("/api/v1/alerts")) {
                assertThat(answer.path("alerts")).as("the alerts the demo printed, through its curl call").isNotEmpty();
            }
        }
        String analyst = first.token("analyst");
        JsonNode before = JsonSerde.MAPPER.readTree(bash(
                "curl -s -H 'Authorization: Bearer " + analyst + "' 'http://localhost:" + httpPort + STATS + "'"));
        assertThat(before.path("series")).hasSize(21);
        assertThat(before.path("series").get(7).path("civilianFatalities").asLong()).isGreaterThanOrEqualTo(157);
        first.stop();
        assertThat(first.output()).contains("Tabalé demo stopped.");

        Demo second = Demo.start(dataDir, httpPort, kafkaPort);
        second.awaitLine("not replaying");
        String token = second.token("analyst");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            JsonNode after = JsonSerde.MAPPER.readTree(bash(
                    "curl -s -H 'Authorization: Bearer " + token + "' 'http://localhost:" + httpPort + STATS + "'"));
            assertThat(after.path("series")).isEqualTo(before.path("series"));
        });
        assertThat(second.output()).noneMatch(l -> l.contains("Replaying"));
        second.stop();
    }

    private static String bash(String command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("bash", "-c", command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as("%s printed %s", command, out).isZero();
        return out;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** A running {@code tabale demo} child process and what it printed. */
    private record Demo(Process process, List<String> lines) {

        static Demo start(Path dataDir, int httpPort, int kafkaPort) throws IOException {
            String java = ProcessHandle.current().info().command().orElse("java");
            ProcessBuilder builder = new ProcessBuilder(java, "-Xmx768m", "-jar", JAR.toString(), "demo")
                    .redirectError(ProcessBuilder.Redirect.appendTo(Path.of("target", "demo-it.err").toFile()));
            builder.environment().remove("TABALE_TOKENS");
            builder.environment().remove("KAFKA_BOOTSTRAP_SERVERS");
            builder.environment().put("TABALE_DATA_DIR", dataDir.toString());
            builder.environment().put("TABALE_HTTP_PORT", String.valueOf(httpPort));
            builder.environment().put("TABALE_EMBEDDED_KAFKA_PORT", String.valueOf(kafkaPort));
            Process process = builder.start();
            List<String> lines = new CopyOnWriteArrayList<>();
            Thread reader = new Thread(() -> {
                try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line = out.readLine(); line != null; line = out.readLine()) {
                        lines.add(line);
                    }
                } catch (IOException e) {
                    lines.add("(stdout closed: " + e + ")");
                }
            }, "demo-stdout");
            reader.setDaemon(true);
            reader.start();
            return new Demo(process, lines);
        }

        List<String> output() {
            return new ArrayList<>(lines);
        }

        void awaitLine(String fragment) {
            awaitLine(Pattern.compile(Pattern.quote(fragment)));
        }

        void awaitLine(Pattern pattern) {
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).failFast(
                    () -> !process.isAlive()).untilAsserted(() -> assertThat(lines)
                    .as("demo output (stderr in target/demo-it.err)").anyMatch(l -> pattern.matcher(l).find()));
        }

        String token(String role) {
            return lines.stream().map(TOKEN::matcher).filter(Matcher::matches).filter(m -> m.group(1).equals(role))
                    .map(m -> m.group(2)).findFirst().orElseThrow();
        }

        void stop() throws InterruptedException {
            process.toHandle().destroy(); // SIGTERM, as Ctrl-C; Process.destroy() would also close our end of stdout
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("demo stops on SIGTERM").isTrue();
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(lines).anyMatch(l -> l.contains("demo stopped")));
        }
    }

    static {
        try {
            Files.createDirectories(Path.of("target"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
