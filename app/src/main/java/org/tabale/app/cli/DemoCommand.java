package org.tabale.app.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.tabale.alerts.lifecycle.Alert;
import org.tabale.app.Service;
import org.tabale.app.TabaleConfig;
import org.tabale.app.TabaleNode;
import org.tabale.app.http.ApiRole;
import org.tabale.app.http.Tokens;
import org.tabale.ingest.publish.EventIngestor;
import org.tabale.ingest.publish.IngestResult;
import org.tabale.model.ClientSettings;
import org.tabale.model.Topics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code tabale demo}: everything in one process on one port, the bundled synthetic data set
 * replayed through the ingest path on first start (kept in {@code TABALE_DATA_DIR} after that),
 * each alert printed as it fires, tokens and example calls printed, stopped by Ctrl-C.
 */
@Command(name = "demo", description = "Start everything with an embedded broker, replay a synthetic Mali data set, print alerts.")
public final class DemoCommand implements Callable<Integer> {

    static final String DATA_SET = "/demo/mali-synthetic-acled.csv";

    @Mixin
    ConfigOption options;

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        TabaleConfig config = options.config();
        Tokens tokens = config.apiTokens().orElseGet(Tokens::generate);
        out.println("Tabalé demo: starting the broker and services (data in " + config.dataDir() + ") ...");
        TabaleNode node = TabaleNode.start(config, Service.all(), tokens, Clock.systemUTC(), alert -> out.println(describe(alert)));
        try {
            printWelcome(out, node.httpPort(), tokens.printable());
            long stored = storedEventRecords(node.client());
            if (stored == 0) {
                replay(out, node.ingestor());
            } else {
                out.printf("Kept %,d event records from a previous run in %s: not replaying.%n", stored, config.dataDir());
            }
            if (!node.streams().awaitRunning(Duration.ofMinutes(2))) {
                out.println("Streams is not RUNNING yet (state " + node.streams().state() + "); queries answer 503 until it is.");
            }
            out.println("Alerts appear below as they fire. Ctrl-C stops the demo.");
        } catch (RuntimeException e) {
            node.close();
            throw e;
        }
        RoleCommand.awaitShutdown(() -> {
            node.close();
            out.println("Tabalé demo stopped.");
            out.flush();
        });
        return 0;
    }

    private static void replay(PrintStream out, EventIngestor ingestor) {
        byte[] csv;
        try (InputStream in = DemoCommand.class.getResourceAsStream(DATA_SET)) {
            csv = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.println("Replaying the bundled synthetic data set through the ingest path ...");
        IngestResult result = ingestor.ingest(csv, EventIngestor.Format.CSV, "demo:" + DATA_SET);
        out.printf("  accepted %,d events, %,d duplicate rows (monadic repeats), %,d stale versions, %,d refused%n",
                result.accepted(), result.duplicates(), result.stale(), result.rejected());
    }

    private static long storedEventRecords(ClientSettings client) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(client.common(), new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            var partitions = consumer.partitionsFor(Topics.EVENTS.name(), Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            return consumer.endOffsets(partitions, Duration.ofSeconds(30)).values().stream().mapToLong(Long::longValue).sum();
        }
    }

    static String describe(Alert alert) {
        return String.format("ALERT %-8s %-8s %-16s %s over %d days = %d (threshold %d), window ending %s  [id %s]",
                alert.state(), alert.severity().label(), alert.region().id(), alert.metric().apiName(), alert.window(),
                alert.value(), alert.threshold(), alert.date(), alert.id());
    }

    private static void printWelcome(PrintStream out, int port, Map<ApiRole, String> generated) {
        String base = "http://localhost:" + port;
        out.println();
        out.println("Tabalé is up on " + base + "  (GET /health, GET /metrics)");
        out.println("Dashboard: " + base + "/  (sign in with a token below: admin sees everything, analyst the map, officer the alerts)");
        if (generated.isEmpty()) {
            out.println("Tokens: those of TABALE_TOKENS.");
        } else {
            out.println("Tokens generated for this run (set TABALE_TOKENS to choose your own):");
            generated.forEach((role, token) -> out.printf("  %-10s %s%n", role.label(), token));
        }
        String analyst = generated.getOrDefault(ApiRole.ANALYST, "$ANALYST_TOKEN");
        String officer = generated.getOrDefault(ApiRole.OFFICER, "$OFFICER_TOKEN");
        String integrator = generated.getOrDefault(ApiRole.INTEGRATOR, "$INTEGRATOR_TOKEN");
        out.println("Try:");
        out.println("  curl -s -H 'Authorization: Bearer " + analyst + "' '" + base
                + "/api/v1/stats?region=Mali/Mopti&from=2025-03-16&to=2025-04-05&window=7'");
        out.println("  curl -s -H 'Authorization: Bearer " + officer + "' '" + base + "/api/v1/alerts?region=MLI'");
        out.println("  curl -s -H 'Authorization: Bearer " + integrator + "' -H 'Content-Type: text/csv' --data-binary "
                + "$'event_id_cnty,event_date,event_type,country,admin1,fatalities,timestamp\\n"
                + "MLI99001,2026-10-30,Violence against civilians,Mali,Kidal,14,1793000000\\n' " + base + "/api/v1/events");
        out.println();
    }
}
