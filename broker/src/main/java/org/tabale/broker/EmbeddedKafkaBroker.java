package org.tabale.broker;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka broker in this JVM: KRaft, acting as its own controller, built from
 * the Kafka server artifacts ({@code KafkaRaftServer} started from a {@code KafkaConfig}), for
 * running the pipeline on a laptop and for integration tests without Docker.
 *
 * <p>Everything the broker stores lives under {@code dataDir}. The first start formats it with a
 * fresh cluster id; later starts on the same directory keep that id and every topic and record.
 * Clients reach it in plaintext on {@link #bootstrapServers()}, or with SASL/SCRAM-SHA-512 when
 * started with a {@link SaslScram}; see {@code BrokerSettings} for the configuration (replication
 * factor 1, no automatic topic creation, small footprint).
 *
 * <p>The broker logs through SLF4J, at INFO a lot: include
 * {@code org/tabale/broker/quiet-broker-logback.xml} in a Logback configuration to keep only its
 * warnings.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final String LOG_DIR = "kafka-logs";

    private final KafkaRaftServer server;
    private final String bootstrapServers;
    private final Map<String, Object> clientProperties;
    private final DataDirLock lock;
    private boolean closed;

    private EmbeddedKafkaBroker(KafkaRaftServer server, String bootstrapServers, SaslScram scram, DataDirLock lock) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
        Map<String, Object> props = new HashMap<>();
        if (scram != null) {
            props.putAll(scram.clientProperties(scram.brokerUser()));
        }
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        this.clientProperties = Map.copyOf(props);
        this.lock = lock;
    }

    /**
     * Starts (formatting the log dir on first use only) a broker whose logs live under
     * {@code dataDir}; port 0 picks a free port. A restart on the same dataDir keeps all topics
     * and records. Blocks until the broker accepts requests.
     */
    public static EmbeddedKafkaBroker start(Path dataDir, int port) {
        return start(dataDir, port, Map.of());
    }

    /**
     * As {@link #start(Path, int)}, with extra broker properties ({@code num.partitions},
     * {@code log.retention.ms}, ...). Properties that fix the node's identity, listeners or
     * storage ({@code node.id}, {@code listeners}, {@code log.dirs}, ...) are refused.
     *
     * @throws IllegalArgumentException for a port outside 0..65535 or a refused property
     * @throws KafkaException when the broker cannot be formatted, started or reached (port taken,
     *     log directory used by another broker, ...)
     */
    public static EmbeddedKafkaBroker start(Path dataDir, int port, Map<String, String> overrides) {
        return start(dataDir, port, overrides, null);
    }

    /**
     * As {@link #start(Path, int, Map)}, with SASL/SCRAM-SHA-512 on the client listener when
     * {@code scram} is not null: its users are created when the log dir is formatted (a restart on
     * the same dataDir keeps the users it was formatted with). Clients need
     * {@code security.protocol=SASL_PLAINTEXT}, {@code sasl.mechanism=SCRAM-SHA-512} and a
     * {@code sasl.jaas.config} ({@link SaslScram#clientProperties}).
     */
    public static EmbeddedKafkaBroker start(Path dataDir, int port, Map<String, String> overrides, SaslScram scram) {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(overrides, "overrides");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be within 0..65535: " + port);
        }
        long startNanos = System.nanoTime();
        Path logDir = dataDir.resolve(LOG_DIR).toAbsolutePath();
        int brokerPort = port == 0 ? FreePorts.other(0) : port;
        int controllerPort = FreePorts.other(brokerPort);
        KafkaConfig config = KafkaConfig.fromProps(
                BrokerSettings.of(logDir, brokerPort, controllerPort, overrides, scram), false);
        // Our own lock first: a second broker on the same directory must fail before Kafka opens
        // (and can damage) the first one's metadata log.
        DataDirLock lock = DataDirLock.acquire(dataDir);
        boolean formatted;
        KafkaRaftServer server;
        try {
            formatted = LogDirFormatter.formatIfNew(logDir, scram == null ? List.of() : scram.formatArguments());
            server = new KafkaRaftServer(config, Time.SYSTEM);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(server, BrokerSettings.HOST + ":" + brokerPort, scram, lock);
        try {
            broker.server.startup();
            broker.awaitReady(READY_TIMEOUT);
        } catch (RuntimeException e) {
            KafkaException failure = new KafkaException("Could not start a Kafka broker on "
                    + broker.bootstrapServers + " with its logs in " + logDir, e);
            try {
                broker.close();
            } catch (RuntimeException closeFailure) {
                failure.addSuppressed(closeFailure);
            }
            throw failure;
        }
        LOG.info("Kafka broker ready on {} in {} ms ({} {})", broker.bootstrapServers,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos),
                formatted ? "formatted" : "reopened", logDir);
        return broker;
    }

    /** Where clients connect: {@code 127.0.0.1:PORT}. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    /**
     * Client properties that reach this broker: the bootstrap servers, and with SASL/SCRAM the
     * login of the broker's own user (a super user where {@code super.users} says so).
     */
    public Map<String, Object> clientProperties() {
        return clientProperties;
    }

    /** Shuts the broker down cleanly and waits until it has stopped; later calls do nothing. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            server.shutdown();
            server.awaitShutdown();
        } finally {
            lock.close();
        }
        LOG.info("Kafka broker on {} stopped", bootstrapServers);
    }

    /** Waits until the broker answers a metadata request listing itself. */
    private void awaitReady(Duration timeout) {
        Map<String, Object> props = new HashMap<>(clientProperties);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        try (Admin admin = Admin.create(props)) {
            if (admin.describeCluster().nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS).isEmpty()) {
                throw new KafkaException("Broker on " + bootstrapServers + " reports no nodes");
            }
        } catch (InterruptedException e) {
            throw new InterruptException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new KafkaException("Broker on " + bootstrapServers + " did not answer within " + timeout, e);
        }
    }
}
