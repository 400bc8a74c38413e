package org.tabale.app;

import io.javalin.http.HandlerType;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tabale.alerts.AlertsApp;
import org.tabale.alerts.AlertsSettings;
import org.tabale.alerts.http.AlertsApi;
import org.tabale.alerts.lifecycle.Alert;
import org.tabale.app.http.ApiRole;
import org.tabale.app.http.HttpApi;
import org.tabale.app.http.RateLimiter;
import org.tabale.app.http.Tokens;
import org.tabale.broker.EmbeddedKafkaBroker;
import org.tabale.broker.TopicAdmin;
import org.tabale.ingest.http.DeletionsHandler;
import org.tabale.ingest.http.EventsHandler;
import org.tabale.ingest.http.IngestGate;
import org.tabale.ingest.publish.DeletionIngestor;
import org.tabale.ingest.ReportsApp;
import org.tabale.ingest.http.ReportsHandler;
import org.tabale.ingest.http.VerificationHandler;
import org.tabale.ingest.protect.PseudonymKey;
import org.tabale.ingest.publish.EventIngestor;
import org.tabale.ingest.publish.EventPublisher;
import org.tabale.ingest.publish.RawTopicIngestor;
import org.tabale.ingest.publish.VersionIndex;
import org.tabale.model.Boundaries;
import org.tabale.model.ClientSettings;
import org.tabale.model.Gazetteer;
import org.tabale.model.Topics;
import org.tabale.streams.StreamsApp;
import org.tabale.streams.StreamsSettings;
import org.tabale.streams.query.ClusterDayTotals;
import org.tabale.streams.query.InternalHandlers;
import org.tabale.streams.query.RegionsHandler;
import org.tabale.streams.query.SnapshotHandler;
import org.tabale.streams.query.StatsHandler;
import org.tabale.streams.query.StatsQuery;

/**
 * One Tabalé process: the embedded broker when no cluster is configured, the topics, the services
 * of the requested roles, and the HTTP API they contribute to, all on one port. Closing stops
 * them in reverse order.
 */
public final class TabaleNode implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TabaleNode.class);

    private final Deque<AutoCloseable> resources = new ArrayDeque<>();
    private final ClientSettings client;
    private final PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private StreamsApp streams;
    private AlertsApp alerts;
    private EventIngestor ingestor;
    private DeletionIngestor deletions;
    private RawTopicIngestor raw;
    private ReportsApp reports;
    private HttpApi http;

    private TabaleNode(ClientSettings client) {
        this.client = client;
    }

    /**
     * Starts a node. {@code alertListener} (may be null) hears every alert; the demo prints them.
     * {@code clock} is "now" for every service, token expiry included.
     */
    public static TabaleNode start(TabaleConfig config, Set<Service> services, Tokens tokens, Clock clock,
                                   Consumer<Alert> alertListener) {
        EmbeddedKafkaBroker broker = null;
        String bootstrap;
        if (config.bootstrapServers().isPresent()) {
            bootstrap = config.bootstrapServers().get();
        } else {
            LOG.info("KAFKA_BOOTSTRAP_SERVERS unset: starting the embedded broker under {}", config.dataDir().resolve("kafka"));
            broker = EmbeddedKafkaBroker.start(config.dataDir().resolve("kafka"), config.embeddedKafkaPort());
            bootstrap = broker.bootstrapServers();
        }
        TabaleNode node = new TabaleNode(ClientSettings.fromEnv(config.env(), bootstrap));
        if (broker != null) {
            node.resources.push(broker);
        }
        try {
            node.startServices(config, services, tokens, clock, alertListener);
            return node;
        } catch (RuntimeException e) {
            node.close();
            throw e;
        }
    }

    private void startServices(TabaleConfig config, Set<Service> services, Tokens tokens, Clock clock,
                               Consumer<Alert> alertListener) {
        new JvmMemoryMetrics().bindTo(meters);
        new JvmThreadMetrics().bindTo(meters);
        new ProcessorMetrics().bindTo(meters);
        JvmGcMetrics gc = new JvmGcMetrics();
        gc.bindTo(meters);
        resources.push(gc);
        createTopics(config.replicationFactor());
        Gazetteer gazetteer = Gazetteer.bundled();
        // Static membership: the streams and alerts consumers keep their partitions across a restart.
        Map<String, String> env = new java.util.HashMap<>(config.env());
        env.put(InstanceId.ENV, InstanceId.resolve(config.env(), config.dataDir()));
        http = new HttpApi(tokens, clock, config.maxBodyBytes(), new RateLimiter(config.rateLimitPerMinute(), clock), meters,
                this::health);
        if (services.contains(Service.INGEST)) {
            EventPublisher publisher = new EventPublisher(client, clock, Duration.ofSeconds(60));
            resources.push(publisher);
            VersionIndex versions = new VersionIndex(client).start();
            resources.push(versions);
            awaitCaughtUp(versions);
            ingestor = new EventIngestor(gazetteer, publisher, versions, config.limits(), clock, meters);
            IngestGate gate = new IngestGate(config.ingestConcurrency(), meters);
            http.route(HandlerType.POST, EventsHandler.PATH, ApiRole.INTEGRATOR, gate.guard(new EventsHandler(ingestor)));
            raw = new RawTopicIngestor(client, ingestor).start();
            resources.push(raw);
            deletions = new DeletionIngestor(publisher, versions, clock, meters);
            http.route(HandlerType.POST, DeletionsHandler.PATH, ApiRole.INTEGRATOR, gate.guard(new DeletionsHandler(deletions)));
            reports = new ReportsApp(client, PseudonymKey.resolve(config.env(), config.dataDir()), gazetteer, clock, meters);
            resources.push(reports);
            reports.start();
            http.route(HandlerType.POST, ReportsHandler.PATH, ApiRole.INTEGRATOR, gate.guard(reports.reportsHandler()));
            http.route(HandlerType.POST, VerificationHandler.PATH, ApiRole.OFFICER,
                    reports.verificationHandler(ctx -> ctx.attribute(HttpApi.ROLE_ATTRIBUTE)));
        }
        if (services.contains(Service.STREAMS)) {
            streams = new StreamsApp(client, StreamsSettings.fromEnv(env, config.dataDir(), config.httpPort()), meters);
            resources.push(streams);
            streams.start();
            StatsQuery query = streams.statsQuery();
            http.route(HandlerType.GET, StatsHandler.PATH, ApiRole.ANALYST, new StatsHandler(query, gazetteer, clock));
            http.route(HandlerType.GET, SnapshotHandler.PATH, ApiRole.ANALYST,
                    new SnapshotHandler(query, gazetteer, Boundaries.bundled(gazetteer)));
            http.route(HandlerType.GET, RegionsHandler.PATH, ApiRole.ANALYST, new RegionsHandler(gazetteer, query));
            InternalHandlers internal = new InternalHandlers(streams.localDayTotals());
            http.route(HandlerType.GET, ClusterDayTotals.DAYS_PATH, ApiRole.ANALYST, internal.days());
            http.route(HandlerType.GET, ClusterDayTotals.REGIONS_PATH, ApiRole.ANALYST, internal.regions());
            http.route(HandlerType.GET, ClusterDayTotals.LATEST_PATH, ApiRole.ANALYST, internal.latestDay());
        }
        if (services.contains(Service.ALERTS)) {
            alerts = new AlertsApp(client, AlertsSettings.fromEnv(env, config.httpPort()), clock, meters);
            if (alertListener != null) {
                alerts.addListener(alertListener);
            }
            resources.push(alerts);
            alerts.start();
            AlertsApi api = new AlertsApi(alerts, ctx -> String.valueOf((Object) ctx.attribute(HttpApi.ROLE_ATTRIBUTE)), clock);
            http.route(HandlerType.GET, AlertsApi.ALERTS, ApiRole.OFFICER, api.list());
            http.route(HandlerType.GET, AlertsApi.FEED, ApiRole.OFFICER, api.feed());
            http.route(HandlerType.GET, AlertsApi.ALERT, ApiRole.OFFICER, api.one());
            http.route(HandlerType.GET, AlertsApi.CAP, ApiRole.OFFICER, api.cap());
            http.route(HandlerType.POST, AlertsApi.ACK, ApiRole.OFFICER, api.acknowledge());
            http.route(HandlerType.POST, AlertsApi.RESOLVE, ApiRole.OFFICER, api.resolve());
            http.route(HandlerType.GET, AlertsApi.SILENCES, ApiRole.OFFICER, api.silences());
            http.route(HandlerType.POST, AlertsApi.SILENCES, ApiRole.OFFICER, api.createSilence());
            http.route(HandlerType.DELETE, AlertsApi.SILENCE, ApiRole.OFFICER, api.expireSilence());
            http.route(HandlerType.GET, AlertsApi.NOTIFICATIONS, ApiRole.OFFICER, api.notifications());
        }
        http.start(config.httpPort());
        resources.push(http);
    }

    private static void awaitCaughtUp(VersionIndex versions) {
        try {
            if (!versions.awaitCaughtUp(Duration.ofMinutes(5))) {
                throw new IllegalStateException("ingest could not read the stored event versions within 5 minutes");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the stored event versions", e);
        }
    }

    /** The node's first Kafka call: a refused login or a missing ACL stops the start here, saying so. */
    private void createTopics(short replicationFactor) {
        try (Admin admin = Admin.create(client.common())) {
            List<NewTopic> topics = Topics.ALL.stream().map(t -> t.newTopic(replicationFactor)).toList();
            TopicAdmin.ensureTopics(admin, topics, Duration.ofSeconds(60));
        } catch (AuthenticationException e) {
            throw new IllegalStateException("Kafka at " + client.bootstrapServers() + " refused to authenticate this node "
                    + "(KAFKA_SECURITY_PROTOCOL, KAFKA_SASL_MECHANISM, KAFKA_SASL_JAAS_CONFIG, KAFKA_SSL_*): " + e.getMessage(), e);
        } catch (AuthorizationException e) {
            throw new IllegalStateException("Kafka at " + client.bootstrapServers() + " refused this node Create or Describe "
                    + "on the catalog topics, which every role needs at start (ACLs: docs/SECURITY-KAFKA.md): " + e.getMessage(), e);
        }
    }

    private Map<String, String> health() {
        Map<String, String> components = new LinkedHashMap<>();
        components.put("http", "UP");
        if (streams != null) {
            components.put("streams", streams.state().name());
        }
        if (alerts != null) {
            components.put("alerts", alerts.isRunning() ? "UP" : "DOWN");
        }
        if (raw != null) {
            components.put("rawIngest", raw.isRunning() ? "UP" : "DOWN");
        }
        if (reports != null) {
            components.put("reports", reports.state());
        }
        return components;
    }

    public ClientSettings client() {
        return client;
    }

    public int httpPort() {
        return http.port();
    }

    /** The routes this node serves and the roles that may call each (none: public). */
    public List<HttpApi.Endpoint> endpoints() {
        return http.endpoints();
    }

    /** The ingest path, for the demo's replay; null when this node has no ingest role. */
    public EventIngestor ingestor() {
        return ingestor;
    }

    /** The deletions path, for the benchmark's replay; null when this node has no ingest role. */
    public DeletionIngestor deletions() {
        return deletions;
    }

    /** Community reports, for the demo and tests; null when this node has no ingest role. */
    public ReportsApp reports() {
        return reports;
    }

    public StreamsApp streams() {
        return streams;
    }

    public AlertsApp alerts() {
        return alerts;
    }

    @Override
    public void close() {
        while (!resources.isEmpty()) {
            AutoCloseable resource = resources.pop();
            try {
                resource.close();
            } catch (Exception e) {
                LOG.warn("error while closing {}", resource.getClass().getSimpleName(), e);
            }
        }
    }
}
