package org.tabale.broker;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * The configuration of the single-node KRaft broker: one process acting as broker and
 * controller, PLAINTEXT (or, with {@link SaslScram}, SASL_PLAINTEXT) and CONTROLLER listeners on
 * 127.0.0.1, replication factor 1 for every internal topic (consumer offsets, transaction state,
 * share-group state), no automatic topic creation, and a small memory footprint. Callers may add
 * or change any property except the ones that fix the node's identity, listeners, SASL mechanism
 * and storage, which the broker owns.
 */
final class BrokerSettings {

    static final int NODE_ID = 1;
    static final String CONTROLLER_LISTENER = "CONTROLLER";
    static final String BROKER_LISTENER = "PLAINTEXT";
    static final String HOST = "127.0.0.1";
    /** The broker's own SCRAM login on its SASL_PLAINTEXT listener. */
    private static final String SCRAM_JAAS = "listener.name." + SaslScram.PROTOCOL.toLowerCase(Locale.ROOT)
            + "." + SaslScram.MECHANISM.toLowerCase(Locale.ROOT) + ".sasl.jaas.config";

    /** Properties that {@link EmbeddedKafkaBroker} sets itself: overriding them would break it. */
    static final Set<String> MANAGED = Set.of(
            "process.roles", "node.id", "controller.quorum.voters", "controller.quorum.bootstrap.servers",
            "listeners", "advertised.listeners", "listener.security.protocol.map",
            "controller.listener.names", "inter.broker.listener.name", "log.dirs", "log.dir",
            "metadata.log.dir", "sasl.enabled.mechanisms", "sasl.mechanism.inter.broker.protocol", SCRAM_JAAS);

    private static final Map<String, String> DEFAULTS = Map.ofEntries(
            // A single node: every internal topic has one replica, and one partition is plenty.
            Map.entry("offsets.topic.replication.factor", "1"),
            Map.entry("offsets.topic.num.partitions", "1"),
            Map.entry("transaction.state.log.replication.factor", "1"),
            Map.entry("transaction.state.log.min.isr", "1"),
            Map.entry("transaction.state.log.num.partitions", "1"),
            Map.entry("share.coordinator.state.topic.replication.factor", "1"),
            Map.entry("share.coordinator.state.topic.min.isr", "1"),
            Map.entry("share.coordinator.state.topic.num.partitions", "1"),
            Map.entry("group.initial.rebalance.delay.ms", "0"),
            Map.entry("auto.create.topics.enable", "false"),
            // Memory and threads: the cleaner's dedupe buffer is on-heap (128 MiB by default).
            Map.entry("log.cleaner.dedupe.buffer.size", String.valueOf(8 * 1024 * 1024)),
            Map.entry("log.cleaner.threads", "1"),
            Map.entry("num.network.threads", "2"),
            Map.entry("num.io.threads", "4"),
            Map.entry("background.threads", "2"),
            Map.entry("num.recovery.threads.per.data.dir", "1"));

    private BrokerSettings() {
    }

    /**
     * The broker's properties: defaults, then {@code overrides}, then the managed ones. With
     * {@code scram} (may be null), the client listener is SASL_PLAINTEXT with SCRAM-SHA-512, and the
     * broker authenticates to itself as {@link SaslScram#brokerUser()}.
     */
    static Properties of(Path logDir, int brokerPort, int controllerPort, Map<String, String> overrides, SaslScram scram) {
        rejectManaged(overrides);
        Properties props = new Properties();
        props.putAll(DEFAULTS);
        props.putAll(overrides);
        String listener = listenerName(scram);
        String broker = listener + "://" + HOST + ":" + brokerPort;
        String controller = CONTROLLER_LISTENER + "://" + HOST + ":" + controllerPort;
        props.put("process.roles", "broker,controller");
        props.put("node.id", String.valueOf(NODE_ID));
        // A static quorum: the voter's address lives in the configuration, not in the metadata
        // log, so the controller may take a different free port on every start.
        props.put("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
        props.put("controller.listener.names", CONTROLLER_LISTENER);
        props.put("inter.broker.listener.name", listener);
        props.put("listeners", broker + "," + controller);
        props.put("advertised.listeners", broker);
        props.put("listener.security.protocol.map",
                listener + ":" + listener + "," + CONTROLLER_LISTENER + ":PLAINTEXT");
        if (scram != null) {
            props.put("sasl.enabled.mechanisms", SaslScram.MECHANISM);
            props.put("sasl.mechanism.inter.broker.protocol", SaslScram.MECHANISM);
            props.put(SCRAM_JAAS, scram.jaasConfig(scram.brokerUser()));
        }
        props.put("log.dirs", logDir.toAbsolutePath().toString());
        return props;
    }

    /** The client listener's name, which is also its security protocol. */
    private static String listenerName(SaslScram scram) {
        return scram == null ? BROKER_LISTENER : SaslScram.PROTOCOL;
    }

    private static void rejectManaged(Map<String, String> overrides) {
        Set<String> refused = new TreeSet<>(overrides.keySet());
        refused.retainAll(MANAGED);
        if (!refused.isEmpty()) {
            throw new IllegalArgumentException("EmbeddedKafkaBroker sets these properties itself: " + refused);
        }
    }
}
