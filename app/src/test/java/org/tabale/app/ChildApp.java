package org.tabale.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged app ({@code target/tabale.jar run}) as a child process with a given environment,
 * its output appended to {@code target/LOG}: started, killed with SIGKILL (no shutdown hook, nothing
 * flushed), started again on the same port and data directory.
 */
final class ChildApp implements AutoCloseable {

    static final Path JAR = Path.of("target", "tabale.jar");

    private final Map<String, String> env;
    private final Path log;
    private final int port;
    private Process process;

    ChildApp(Map<String, String> env, String logName) {
        assertThat(JAR).as("run 'mvn package' first: the IT drives the packaged jar").exists();
        this.env = Map.copyOf(env);
        this.log = Path.of("target", logName);
        this.port = Integer.parseInt(env.get("TABALE_HTTP_PORT"));
    }

    /** A free TCP port now. */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the process and waits until {@code /health} answers 200 (it fails at once if the process dies). */
    ChildApp start(Duration healthy) {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, FaultSize.isLong() ? "-Xmx2g" : "-Xmx512m", "-jar", JAR.toString(), "run")
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).redirectErrorStream(true);
        builder.environment().putAll(env);
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Process started = process;
        Http http = new Http(port);
        await().atMost(healthy).pollInterval(Duration.ofMillis(250)).failFast("the app died; see " + log, () -> !started.isAlive())
                .ignoreExceptions().until(() -> http.get("/health", null).status() == 200);
        return this;
    }

    /** SIGKILL, then waits until the process is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("killed app gone").isTrue();
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    Http http() {
        return new Http(port);
    }

    int port() {
        return port;
    }

    /** SIGTERM (a clean stop through the shutdown hook), or SIGKILL when it does not stop in a minute. */
    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
    }
}
