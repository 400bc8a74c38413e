package org.tabale.streams;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tabale.model.EnvValues;

/**
 * Configuration of the streams service, from the environment. Every key is documented in the
 * README's configuration table.
 *
 * @param applicationId      {@code TABALE_STREAMS_APP_ID}: Kafka Streams application id (consumer group)
 * @param stateDir           {@code TABALE_DATA_DIR}/streams: RocksDB state
 * @param threads            {@code TABALE_STREAMS_THREADS}: stream threads of this instance
 * @param commitIntervalMs   {@code TABALE_COMMIT_INTERVAL_MS}: how often results are committed (and alerts can see them)
 * @param processingGuarantee {@code TABALE_PROCESSING_GUARANTEE}: exactly_once_v2 or at_least_once
 * @param applicationServer  {@code TABALE_ADVERTISED_URL}: host:port other instances reach this one's HTTP API at
 * @param replicationFactor  {@code TABALE_TOPIC_REPLICATION}: replicas of Streams' internal topics
 * @param stateMemoryMb      {@code TABALE_STREAMS_MEMORY_MB}: off-heap memory of all RocksDB stores of this
 *                           instance together (block cache, index and filter blocks, and memtables)
 * @param cacheMb            {@code TABALE_STREAMS_CACHE_MB}: Streams' record cache of this instance
 *                           ({@code statestore.cache.max.bytes}), which folds repeated updates of a key
 *                           between commits; flushed at every commit, so it delays nothing
 * @param compression        {@code TABALE_STREAMS_COMPRESSION}: compression of what Streams produces
 *                           (region stats, changelogs, the repartition topic)
 * @param instanceId         {@code TABALE_INSTANCE_ID}: this instance's {@code group.instance.id} (static
 *                           membership: a restarted instance takes its tasks back at once); empty: dynamic
 */
public record StreamsSettings(String applicationId, Path stateDir, int threads, long commitIntervalMs,
                              String processingGuarantee, String applicationServer, int replicationFactor,
                              int stateMemoryMb, int cacheMb, String compression, java.util.Optional<String> instanceId) {

    public static final List<String> KEYS = List.of("TABALE_STREAMS_APP_ID", "TABALE_STREAMS_THREADS",
            "TABALE_COMMIT_INTERVAL_MS", "TABALE_PROCESSING_GUARANTEE", "TABALE_ADVERTISED_URL", "TABALE_STREAMS_MEMORY_MB",
            "TABALE_STREAMS_CACHE_MB", "TABALE_STREAMS_COMPRESSION");

    private static final Set<String> COMPRESSIONS = Set.of("none", "lz4", "zstd", "snappy", "gzip");

    private static final Set<String> GUARANTEES = Set.of("exactly_once_v2", "at_least_once");

    public StreamsSettings {
        if (threads < 1) {
            throw new IllegalArgumentException("TABALE_STREAMS_THREADS must be >= 1, was " + threads);
        }
        if (commitIntervalMs < 1) {
            throw new IllegalArgumentException("TABALE_COMMIT_INTERVAL_MS must be >= 1, was " + commitIntervalMs);
        }
        if (!applicationServer.matches("[^:/\\s]+:\\d{1,5}")) {
            throw new IllegalArgumentException("TABALE_ADVERTISED_URL must be host:port (no scheme), was '" + applicationServer + "'");
        }
        if (replicationFactor < 1) {
            throw new IllegalArgumentException("TABALE_TOPIC_REPLICATION must be >= 1, was " + replicationFactor);
        }
        if (stateMemoryMb < 16) {
            throw new IllegalArgumentException("TABALE_STREAMS_MEMORY_MB must be >= 16, was " + stateMemoryMb);
        }
        if (cacheMb < 0) {
            throw new IllegalArgumentException("TABALE_STREAMS_CACHE_MB must be >= 0, was " + cacheMb);
        }
        if (!COMPRESSIONS.contains(compression)) {
            throw new IllegalArgumentException("TABALE_STREAMS_COMPRESSION must be one of " + COMPRESSIONS + ", was " + compression);
        }
        if (!GUARANTEES.contains(processingGuarantee)) {
            throw new IllegalArgumentException("TABALE_PROCESSING_GUARANTEE must be one of " + GUARANTEES + ", was " + processingGuarantee);
        }
    }

    public static StreamsSettings fromEnv(Map<String, String> env, Path dataDir, int httpPort) {
        return new StreamsSettings(
                env.getOrDefault("TABALE_STREAMS_APP_ID", "tabale-streams"),
                dataDir.resolve("streams"),
                EnvValues.integer(env, "TABALE_STREAMS_THREADS", 1),
                EnvValues.integer(env, "TABALE_COMMIT_INTERVAL_MS", 1000),
                env.getOrDefault("TABALE_PROCESSING_GUARANTEE", "exactly_once_v2"),
                env.getOrDefault("TABALE_ADVERTISED_URL", "localhost:" + httpPort),
                EnvValues.integer(env, "TABALE_TOPIC_REPLICATION", 1),
                EnvValues.integer(env, "TABALE_STREAMS_MEMORY_MB", 256),
                EnvValues.integer(env, "TABALE_STREAMS_CACHE_MB", 10),
                env.getOrDefault("TABALE_STREAMS_COMPRESSION", "none"),
                java.util.Optional.ofNullable(env.get("TABALE_INSTANCE_ID")).filter(id -> !id.isBlank()).map(String::trim));
    }
}
