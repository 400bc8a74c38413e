package org.tabale.streams.query;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.tabale.streams.topology.SeenRegion;
import org.tabale.model.Gazetteer;
import org.tabale.model.Region;

/**
 * {@code GET /api/v1/regions}: the gazetteer's regions with ids, names, aliases, codes,
 * population, and the latest day with figures; then the regions the data named that the
 * gazetteer does not know ({@code "known": false}), under their own names.
 */
public final class RegionsHandler implements Handler {

    public static final String PATH = "/api/v1/regions";

    private final Gazetteer gazetteer;
    private final StatsQuery query;
    private final Supplier<ReadOnlyKeyValueStore<String, SeenRegion>> seen;

    public RegionsHandler(Gazetteer gazetteer, StatsQuery query, Supplier<ReadOnlyKeyValueStore<String, SeenRegion>> seen) {
        this.gazetteer = gazetteer;
        this.query = query;
        this.seen = seen;
    }

    @Override
    public void handle(Context ctx) {
        List<Map<String, Object>> regions = new ArrayList<>();
        for (Region region : gazetteer.knownRegions()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("id", region.id());
            json.put("country", region.country());
            json.put("iso3", region.iso3());
            json.put("admin1", region.admin1());
            json.put("aliases", region.aliases());
            json.put("pcode", region.pcode());
            json.put("iso3166_2", region.iso3166_2());
            json.put("population", region.population());
            json.put("known", region.known());
            json.put("latestDate", query.latestDay(region.id()).orElse(null));
            regions.add(json);
        }
        try (KeyValueIterator<String, SeenRegion> it = seen.get().all()) {
            while (it.hasNext()) {
                KeyValue<String, SeenRegion> region = it.next();
                if (gazetteer.lookup(region.key).isPresent()) {
                    continue;
                }
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("id", region.key);
                json.put("country", region.value.country());
                json.put("iso3", region.key.substring(0, Math.max(0, region.key.indexOf('.'))));
                json.put("admin1", region.value.admin1());
                json.put("aliases", List.of());
                json.put("known", false);
                json.put("latestDate", query.latestDay(region.key).orElse(null));
                regions.add(json);
            }
        }
        ctx.json(Map.of("regions", regions));
    }
}
