package org.tabale.app;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.tabale.model.RegionStats;
import org.tabale.model.Topics;
import org.tabale.model.Totals;
import org.tabale.streams.query.StatsHandler;
import org.tabale.streams.topology.StatsSettings;
import org.tabale.testkit.KafkaTestCluster;

/**
 * Compares what the app serves ({@code /api/v1/stats}) and what it publishes
 * ({@code tabale.region-stats.v1}) with a {@link Recomputation}, for every region, every date of a
 * range and every served window (7, 30, 90, 365 days). A disagreement fails with how many points
 * disagree and the first few of them.
 */
final class StatsAgreement {

    private static final int SHOWN = 8;

    private StatsAgreement() {
    }

    /**
     * Every point of every region's series from {@code from} to {@code to}, each window; answers
     * how many points were compared. A region the app has no figure for at all (404) must be all zero.
     */
    static long assertServed(Http http, String token, Recomputation expected, Collection<String> regions, LocalDate from,
                             LocalDate to) {
        List<String> wrong = new ArrayList<>();
        long compared = 0;
        for (String region : regions) {
            for (int window : StatsSettings.SERVED_WINDOWS) {
                for (LocalDate start = from; !start.isAfter(to); start = start.plusDays(StatsHandler.MAX_DAYS)) {
                    LocalDate end = min(to, start.plusDays(StatsHandler.MAX_DAYS - 1L));
                    Http.Response response = http.get("/api/v1/stats?region=" + URLEncoder.encode(region, StandardCharsets.UTF_8)
                            + "&from=" + start + "&to=" + end + "&window=" + window, token);
                    Map<LocalDate, long[]> served = new HashMap<>();
                    if (response.status() == 200) {
                        for (JsonNode point : response.json().path("series")) {
                            long[] figures = new long[Recomputation.METRICS.size()];
                            for (int m = 0; m < figures.length; m++) {
                                figures[m] = point.path(Recomputation.METRICS.get(m)).asLong();
                            }
                            served.put(LocalDate.parse(point.path("date").asText()), figures);
                        }
                    } else if (response.status() != 404) {
                        throw new AssertionError("stats of " + region + ": " + response.status() + " " + response.body());
                    }
                    for (LocalDate day = start; !day.isAfter(end); day = day.plusDays(1)) {
                        long[] want = expected.window(region, day, window);
                        long[] got = served.getOrDefault(day, response.status() == 404 ? new long[want.length] : null);
                        compared++;
                        if (got == null || !Arrays.equals(want, got)) {
                            wrong.add(region + " " + window + " d ending " + day + ": served " + Arrays.toString(got)
                                    + ", recomputed " + Arrays.toString(want));
                        }
                    }
                }
            }
        }
        fail("API", wrong, compared);
        return compared;
    }

    /**
     * What the alert service reads: the latest record of each {@code region@date} key, and on a
     * date without one the latest record before it (windows change only on the dates emitted),
     * for every date from {@code from} to {@code to}; answers how many points were compared.
     */
    static long assertPublished(KafkaTestCluster kafka, Recomputation expected, Collection<String> regions, LocalDate from,
                                LocalDate to) {
        Map<String, TreeMap<LocalDate, RegionStats>> latest = new HashMap<>();
        for (Map.Entry<String, byte[]> record : latestRecords(kafka, Duration.ofSeconds(FaultSize.pick(60, 900))).entrySet()) {
            RegionStats stats = Topics.REGION_STATS.valueSerde().deserializer().deserialize(Topics.REGION_STATS.name(), record.getValue());
            if (stats != null && regions.contains(stats.regionId())) {
                latest.computeIfAbsent(stats.regionId(), r -> new TreeMap<>()).put(stats.date(), stats);
            }
        }
        List<String> wrong = new ArrayList<>();
        long compared = 0;
        for (String region : regions) {
            TreeMap<LocalDate, RegionStats> records = latest.getOrDefault(region, new TreeMap<>());
            for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
                Map.Entry<LocalDate, RegionStats> current = records.floorEntry(day);
                for (int window : StatsSettings.SERVED_WINDOWS) {
                    Totals t = current == null ? Totals.ZERO : current.getValue().windows().get(window);
                    long[] got = {t.events(), t.fatalities(), t.violentEvents(), t.civilianEvents(), t.civilianFatalities()};
                    long[] want = expected.window(region, day, window);
                    compared++;
                    if (!Arrays.equals(want, got)) {
                        wrong.add(region + " " + window + " d ending " + day + ": published " + Arrays.toString(got)
                                + ", recomputed " + Arrays.toString(want));
                    }
                }
            }
        }
        fail(Topics.REGION_STATS.name(), wrong, compared);
        return compared;
    }

    /**
     * The latest value of each key of {@code tabale.region-stats.v1} (committed records, from the
     * beginning to the end offsets it has now), kept as bytes: a long run writes millions of records
     * for a few hundred thousand keys.
     */
    private static Map<String, byte[]> latestRecords(KafkaTestCluster kafka, Duration deadline) {
        Map<String, byte[]> latest = new HashMap<>();
        long end = System.nanoTime() + deadline.toNanos();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 8 * 1024 * 1024),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.REGION_STATS.name(), deadline).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, deadline);
            while (ends.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                if (System.nanoTime() - end > 0) {
                    throw new AssertionError("could not read " + Topics.REGION_STATS.name() + " to " + ends + " within " + deadline);
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    latest.put(record.key(), record.value());
                }
            }
        }
        return latest;
    }

    private static void fail(String where, List<String> wrong, long compared) {
        if (!wrong.isEmpty()) {
            throw new AssertionError(wrong.size() + " of " + compared + " points of " + where + " differ from the recomputation, "
                    + "first: " + String.join("; ", wrong.subList(0, Math.min(SHOWN, wrong.size()))));
        }
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
