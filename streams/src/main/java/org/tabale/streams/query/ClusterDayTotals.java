package org.tabale.streams.query;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.tabale.model.JsonSerde;
import org.tabale.model.Totals;
import org.tabale.streams.topology.SeenRegion;

/**
 * Daily totals of the whole application: this instance's part plus the parts of every other
 * instance (Kafka Streams' metadata gives their {@code application.server}), fetched over HTTP
 * from their {@code /internal/v1/…} endpoints with the caller's own token. Any instance thus
 * answers any query. An instance that cannot be reached makes the query fail with 503 rather
 * than answer with part of the figures.
 */
public final class ClusterDayTotals implements DayTotalsSource {

    public static final String DAYS_PATH = "/internal/v1/day-totals";
    public static final String REGIONS_PATH = "/internal/v1/regions-seen";
    public static final String LATEST_PATH = "/internal/v1/latest-day";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    private final LocalDayTotals local;
    private final Supplier<Collection<String>> peers;
    private final String authorization;

    public ClusterDayTotals(LocalDayTotals local, Supplier<Collection<String>> peers) {
        this(local, peers, null);
    }

    private ClusterDayTotals(LocalDayTotals local, Supplier<Collection<String>> peers, String authorization) {
        this.local = local;
        this.peers = peers;
        this.authorization = authorization;
    }

    @Override
    public DayTotalsSource as(String authorization) {
        return new ClusterDayTotals(local, peers, authorization);
    }

    @Override
    public NavigableMap<LocalDate, Totals> days(String regionId, LocalDate from, LocalDate to) {
        NavigableMap<LocalDate, Totals> sum = new TreeMap<>(local.days(regionId, from, to));
        for (String peer : peers.get()) {
            Map<LocalDate, Totals> part = fetch(peer, DAYS_PATH + "?region=" + encode(regionId) + "&from=" + from + "&to=" + to,
                    new TypeReference<Map<LocalDate, Totals>>() { });
            part.forEach((day, totals) -> sum.merge(day, totals, Totals::plus));
        }
        return sum;
    }

    @Override
    public java.util.Optional<LocalDate> latestDay(String regionId) {
        java.util.Optional<LocalDate> latest = local.latestDay(regionId);
        for (String peer : peers.get()) {
            Map<String, LocalDate> answer = fetch(peer, LATEST_PATH + "?region=" + encode(regionId),
                    new TypeReference<Map<String, LocalDate>>() { });
            LocalDate theirs = answer.get("latestDay");
            if (theirs != null && (latest.isEmpty() || theirs.isAfter(latest.get()))) {
                latest = java.util.Optional.of(theirs);
            }
        }
        return latest;
    }

    @Override
    public Map<String, SeenRegion> regions() {
        Map<String, SeenRegion> all = new TreeMap<>(local.regions());
        for (String peer : peers.get()) {
            all.putAll(fetch(peer, REGIONS_PATH, new TypeReference<Map<String, SeenRegion>>() { }));
        }
        return all;
    }

    private <T> T fetch(String peer, String pathAndQuery, TypeReference<T> type) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + peer + pathAndQuery))
                .timeout(Duration.ofSeconds(10)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new InvalidStateStoreException("instance " + peer + " answered " + response.statusCode());
            }
            return JsonSerde.MAPPER.readValue(response.body(), type);
        } catch (IOException e) {
            throw new InvalidStateStoreException("instance " + peer + " could not be reached: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InvalidStateStoreException("interrupted while asking " + peer);
        }
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }
}
