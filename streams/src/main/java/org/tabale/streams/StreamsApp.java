package org.tabale.streams;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.ProcessorStateException;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tabale.model.ClientSettings;
import org.tabale.streams.errors.DeadLetterOnUnreadable;
import org.tabale.streams.query.ClusterDayTotals;
import org.tabale.streams.query.LocalDayTotals;
import org.tabale.streams.query.StatsQuery;
import org.tabale.streams.topology.DayTotals;
import org.tabale.streams.topology.RegionTotalsTopology;
import org.tabale.streams.topology.SeenRegion;
import org.tabale.streams.topology.StatsSettings;

/**
 * Composition root of the streams service: builds the topology, runs it, and exposes the
 * interactive query over its stores. A crashed stream thread is replaced at most
 * {@link #MAX_THREAD_REPLACEMENTS} times, then the application shuts down loudly.
 */
public final class StreamsApp implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StreamsApp.class);
    private static final int MAX_THREAD_REPLACEMENTS = 3;

    private final String applicationServer;
    private final Properties props;
    private final StatsSettings stats;
    private final MeterRegistry meters;
    private final Path stateDir;
    private volatile KafkaStreams streams;
    private KafkaStreamsMetrics metrics;
    private final CountDownLatch running = new CountDownLatch(1);
    private final AtomicInteger replacements = new AtomicInteger();

    public StreamsApp(ClientSettings client, StreamsSettings settings, MeterRegistry meters) {
        this.applicationServer = settings.applicationServer();
        Properties props = new Properties();
        props.putAll(client.common());
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, settings.applicationId());
        props.put(StreamsConfig.STATE_DIR_CONFIG, settings.stateDir().toString());
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, settings.threads());
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, settings.commitIntervalMs());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, settings.processingGuarantee());
        props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, settings.applicationServer());
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterOnUnreadable.class);
        props.put(StreamsConfig.topicPrefix("retention.ms"), "-1");
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, settings.replicationFactor());
        props.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDb.class);
        // Throughput: a larger record cache folds more updates between commits; larger, compressed
        // batches cost the broker less per record. Commits (every commit interval) still flush both.
        props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, settings.cacheMb() * 1024L * 1024);
        props.put(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), settings.compression());
        props.put(StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG), 256 * 1024);
        props.put(BoundedRocksDb.MEMORY_CONFIG, String.valueOf(settings.stateMemoryMb() * 1024L * 1024));
        // Static membership: Streams suffixes the id with each thread's index.
        settings.instanceId().ifPresent(id -> props.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG), id));
        this.props = props;
        this.stats = new StatsSettings(Duration.ofMillis(settings.commitIntervalMs()), StatsSettings.DEFAULT.tailDelay());
        this.meters = meters;
        this.stateDir = settings.stateDir().resolve(settings.applicationId());
        this.streams = create();
    }

    private KafkaStreams create() {
        KafkaStreams created = new KafkaStreams(RegionTotalsTopology.build(stats), props);
        created.setUncaughtExceptionHandler(this::onCrash);
        created.setStateListener((now, before) -> {
            LOG.info("streams state {} -> {}", before, now);
            if (now == KafkaStreams.State.RUNNING) {
                running.countDown();
            }
        });
        metrics = new KafkaStreamsMetrics(created);
        metrics.bindTo(meters);
        return created;
    }

    /**
     * Starts the application. Local state that cannot be opened (a store whose files a kill left
     * half created or half deleted: Kafka Streams opens the stores it finds at start and fails on
     * such a one, at every start) is wiped, and the application started again: the changelogs
     * hold every store, which is restored from them.
     */
    public void start() {
        try {
            streams.start();
        } catch (StreamsException e) {
            if (!unreadableState(e)) {
                throw e;
            }
            LOG.warn("local state under {} cannot be opened ({}); wiping it and restoring it from the changelogs", stateDir,
                    e.getMessage());
            streams.close(Duration.ofSeconds(30));
            metrics.close();
            streams = create();
            streams.cleanUp();
            streams.start();
        }
    }

    private static boolean unreadableState(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ProcessorStateException) {
                return true;
            }
        }
        return false;
    }

    /** Blocks until the application is RUNNING (state restored, partitions assigned). */
    public boolean awaitRunning(Duration timeout) throws InterruptedException {
        return running.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    /** Queries over the whole application: this instance's stores and, through HTTP, every other instance's. */
    public StatsQuery statsQuery() {
        return new StatsQuery(new ClusterDayTotals(localDayTotals(), this::peers));
    }

    /** This instance's part of the daily totals, for the instance-to-instance endpoints. */
    public LocalDayTotals localDayTotals() {
        return new LocalDayTotals(this::dayTotals, this::regionsSeen, this::forgetStoreHandles);
    }

    private volatile ReadOnlyKeyValueStore<String, DayTotals> dayTotalsHandle;

    /** The {@code host:port} of every other instance of the application. */
    public Collection<String> peers() {
        return streams.metadataForAllStreamsClients().stream()
                .map(metadata -> metadata.hostInfo().host() + ":" + metadata.hostInfo().port())
                .filter(server -> !server.equals(applicationServer))
                .toList();
    }

    /** Every region with figures, as the data named it. */
    public ReadOnlyKeyValueStore<String, SeenRegion> regionsSeen() {
        return streams.store(StoreQueryParameters.fromNameAndType(RegionTotalsTopology.REGIONS_STORE,
                QueryableStoreTypes.keyValueStore()));
    }

    /**
     * The daily totals, as one handle kept between queries: Kafka Streams' composite store finds the
     * tasks' stores at each read anyway, so fetching it again for every read (twice per region in a
     * ranking) only repeated that search. Dropped, and fetched again, when a read finds it unusable.
     */
    private ReadOnlyKeyValueStore<String, DayTotals> dayTotals() {
        ReadOnlyKeyValueStore<String, DayTotals> store = dayTotalsHandle;
        if (store == null) {
            store = streams.store(StoreQueryParameters.fromNameAndType(RegionTotalsTopology.DAY_TOTALS_STORE,
                    QueryableStoreTypes.keyValueStore()));
            dayTotalsHandle = store;
        }
        return store;
    }

    /** Forgets the kept handle of the daily totals (a read found it unusable: the application is rebalancing or stopped). */
    public void forgetStoreHandles() {
        dayTotalsHandle = null;
    }

    private StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse onCrash(Throwable error) {
        if (replacements.incrementAndGet() <= MAX_THREAD_REPLACEMENTS) {
            LOG.error("stream thread crashed; replacing it ({} of {})", replacements.get(), MAX_THREAD_REPLACEMENTS, error);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        }
        LOG.error("stream thread crashed {} times; shutting the application down", replacements.get(), error);
        return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_APPLICATION;
    }

    @Override
    public void close() {
        metrics.close();
        // Leave the group so that a restarted instance is assigned its tasks at once instead of
        // after the session timeout of the member that went away.
        streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(Duration.ofSeconds(30)));
    }
}
